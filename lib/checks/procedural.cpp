// lib/checks: the rules that are code rather than catalogue data:
// printed percentages, prose against tables, structure, and dates.
#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "checks/checks.hpp"
#include "ogi/catalogue.hpp"

namespace ogi::detail {

namespace {

// ---------- percentages ----------

// Where a printed percentage can be judged: the value num/den*100 against
// the printed p with d decimals. Rounded correctly when it lies in
// [p - h, p + h) with h = 0.5 * 10^-d; truncated when in [p, p + 2h).
enum class PercentVerdict { ok, truncated, wrong };

PercentVerdict judge_percent(Decimal num, Decimal den, Decimal printed) {
  if (den.is_zero() || den.is_negative()) return PercentVerdict::ok;  // cannot judge
  // Compare in integers: v = num*100/den. Scale everything by 10^(d+1) and
  // by den to avoid division: lo = (p - h) * den <= num * 100 < (p + h) * den.
  int d = printed.scale();
  auto x100 = Decimal::mul(num, Decimal(100));
  auto half = Decimal::from_parts(5, d + 1);
  auto lo = Decimal::sub(printed, half), hi = Decimal::add(printed, half);
  auto trunc_hi = Decimal::add(printed, Decimal::from_parts(1, d));
  if (!x100 || !lo || !hi || !trunc_hi) return PercentVerdict::ok;
  auto lo_den = Decimal::mul(*lo, den), hi_den = Decimal::mul(*hi, den);
  auto p_den = Decimal::mul(printed, den), t_den = Decimal::mul(*trunc_hi, den);
  if (!lo_den || !hi_den || !p_den || !t_den) return PercentVerdict::ok;
  if (*x100 >= *lo_den && *x100 < *hi_den) return PercentVerdict::ok;
  if (*x100 >= *p_den && *x100 < *t_den) return PercentVerdict::truncated;
  return PercentVerdict::wrong;
}

// What a percentage of this fact can be a share of: its parent ids
// (apply.answered.refused -> apply.answered), parent.total, and the totals
// of catalogue relations that have it as a part.
std::vector<std::string> percent_bases(std::string_view id) {
  std::vector<std::string> out;
  std::string_view p = id;
  while (true) {
    std::size_t dot = p.rfind('.');
    if (dot == std::string_view::npos) break;
    p = p.substr(0, dot);
    out.emplace_back(p);
    out.push_back(std::string(p) + ".total");
  }
  for (const Relation& r : relations()) {
    if (r.kind == RelationKind::scope_sum || r.kind == RelationKind::applicant_sum) continue;
    for (std::string_view part : split_ids(r.parts))
      if (part == id) out.emplace_back(r.total);
  }
  return out;
}

}  // namespace

void check_percentages(const CheckInput& in, std::vector<Finding>& out) {
  // Built once: one index per origin, and the facts by where they end (for
  // the shares stated right after their base), so that the cost stays
  // O(F log F) however many percentages a report prints.
  const FactIndex by_table(*in.facts, Origin::table), by_text(*in.facts, Origin::text),
      by_derived(*in.facts, Origin::derived);
  auto index_of = [&](Origin o) -> const FactIndex& {
    return o == Origin::table ? by_table : o == Origin::text ? by_text : by_derived;
  };
  std::vector<const Fact*> by_end;
  by_end.reserve(in.facts->size());
  for (const Fact& g : *in.facts) by_end.push_back(&g);
  std::sort(by_end.begin(), by_end.end(), [](const Fact* x, const Fact* y) { return x->span.end < y->span.end; });
  std::vector<const Fact*> near;
  for (const Fact& f : *in.facts) {
    if (!f.percent || f.origin == Origin::derived) continue;
    std::vector<const Fact*> bases;
    auto add_base = [&](const Fact* b) {
      if (b && b != &f && std::find(bases.begin(), bases.end(), b) == bases.end()) bases.push_back(b);
    };
    const std::vector<std::string> base_ids = percent_bases(f.indicator);
    for (Origin o : {f.origin, Origin::table, Origin::text, Origin::derived}) {
      const FactIndex& idx = index_of(o);
      for (const std::string& id : base_ids) add_base(idx.get(id, f.scope, f.applicant));
    }
    // A share stated right after its base in the same sentence ("制发510件，
    // 主动公开425件，比例为83.3%"): the facts printed just before, same scope,
    // in report order.
    near.clear();
    const std::size_t from = f.span.begin > 120 ? f.span.begin - 120 : 0;
    for (auto it = std::lower_bound(by_end.begin(), by_end.end(), from,
                                    [](const Fact* g, std::size_t v) { return g->span.end < v; });
         it != by_end.end() && (*it)->span.end <= f.span.begin; ++it)
      near.push_back(*it);
    std::sort(near.begin(), near.end(), std::less<const Fact*>());
    for (const Fact* gp : near) {
      const Fact& g = *gp;
      if (&g == &f || g.origin != f.origin || g.scope != f.scope || g.span.end > f.span.begin) continue;
      if (f.span.begin - g.span.end > 120) continue;
      std::string_view between = in.text.substr(std::min(g.span.end, in.text.size()),
                                                std::min(f.span.begin, in.text.size()) - std::min(g.span.end, in.text.size()));
      if (between.find("。") != std::string_view::npos || between.find(';') != std::string_view::npos) continue;
      if (g.value > f.value) add_base(&g);
    }
    if (bases.empty()) continue;
    PercentVerdict best = PercentVerdict::wrong;
    for (const Fact* b : bases) {
      PercentVerdict v = judge_percent(f.value, b->value, *f.percent);
      if (v == PercentVerdict::ok) best = v;
      else if (v == PercentVerdict::truncated && best == PercentVerdict::wrong) best = v;
      if (best == PercentVerdict::ok) break;
    }
    if (best == PercentVerdict::ok) continue;
    const Fact* base = bases.front();
    Finding x;
    x.rule = "percent.mismatch";
    x.severity = best == PercentVerdict::truncated ? Severity::info : Severity::warning;
    x.indicators = {f.indicator, base->indicator};
    // The exact share, printed with one more decimal than the report used.
    int d = f.percent->scale() + 1;
    auto scaled = Decimal::mul(f.value, Decimal(Decimal::pow10(d + 2)));
    std::string exact = "?";
    if (scaled && base->value.coefficient() != 0) {
      // value * 10^(d+2) / base, rounded half up, as a decimal with d places
      long double q = scaled->to_double() / base->value.to_double();
      exact = Decimal::from_parts(static_cast<std::int64_t>(q + 0.5L), d).to_string();
    }
    std::string name = indicator_zh(f.indicator), base_name = indicator_zh(base->indicator);
    if (best == PercentVerdict::truncated) {
      x.message = fmt::format("{}{}占{}{}的{}%，报告写作{}%（截断而非四舍五入）", name, f.value.to_string(), base_name,
                              base->value.to_string(), exact, f.percent->to_string());
      x.message_en = fmt::format("{} {} of {} {} is {}%, printed {}% (truncated, not rounded)", f.indicator,
                                 f.value.to_string(), base->indicator, base->value.to_string(), exact,
                                 f.percent->to_string());
    } else {
      x.message = fmt::format("{}{}占{}{}的{}%，但报告写作{}%", name, f.value.to_string(), base_name,
                              base->value.to_string(), exact, f.percent->to_string());
      x.message_en = fmt::format("{} {} of {} {} is {}%, but the report prints {}%", f.indicator, f.value.to_string(),
                                 base->indicator, base->value.to_string(), exact, f.percent->to_string());
    }
    x.expected = exact + "%";
    x.found = f.percent->to_string() + "%";
    x.span = f.percent_span.empty() ? f.span : f.percent_span;
    x.spans = {x.span, f.span, base->span};
    out.push_back(std::move(x));
  }
}

// ---------- prose against tables ----------

namespace {

// The table's value for an indicator (total column, whole body), from a
// table cell or, for subtotals the template does not print, derived.
const Fact* table_value(const FactIndex& table, const FactIndex& derived, std::string_view id) {
  if (const Fact* f = table.get(id)) return f;
  return derived.get(id);
}

// The table's amount for an indicator: its 总计 cell, or, when that cell was
// left blank, the sum of the applicant columns (a blank total is not a 0).
std::optional<Decimal> table_amount(const FactIndex& table, const FactIndex& derived, std::string_view id) {
  const Fact* f = table_value(table, derived, id);
  if (!f) return std::nullopt;
  if (!f->blank) return f->value;
  Decimal sum;
  bool any = false;
  for (Applicant a : {Applicant::natural_person, Applicant::commercial, Applicant::research, Applicant::nonprofit,
                      Applicant::legal_service, Applicant::other_org}) {
    if (const Fact* c = table.get(id, Scope::total, a)) {
      sum = Decimal::add(sum, c->value).value_or(sum);
      any = true;
    }
  }
  return any ? sum : f->value;
}

}  // namespace

void check_text_against_tables(const CheckInput& in, std::vector<Finding>& out) {
  FactIndex table(*in.facts, Origin::table), derived(*in.facts, Origin::derived);
  if (table.empty()) return;
  for (const Fact& f : *in.facts) {
    if (f.origin != Origin::text || f.scope != Scope::total) continue;
    if (f.applicant != Applicant::none && f.applicant != Applicant::total) continue;
    if (f.approx != Approx::none) continue;  // "5500余条" states a bound, not a value
    const Fact* t = table_value(table, derived, f.indicator);
    if (!t) continue;
    Decimal amount = table_amount(table, derived, f.indicator).value_or(t->value);
    if (amount == f.value) continue;
    // 受理/收到 counts new applications in some reports and new + carried in
    // in others (FORMATS.md D.2): either reading agrees.
    if (f.indicator == "apply.new") {
      auto carried = table_amount(table, derived, "apply.carried_in");
      if (carried && Decimal::add(amount, *carried) == f.value) continue;
    }
    Finding x;
    x.rule = "text_table.mismatch";
    x.severity = Severity::warning;
    x.indicators = {f.indicator};
    std::string name = indicator_zh(f.indicator);
    x.message = fmt::format("正文所述{}为{}，与表格数据{}不一致", name, f.value.to_string(), amount.to_string());
    x.message_en = fmt::format("the text states {} = {}, the table gives {}", f.indicator, f.value.to_string(),
                               amount.to_string());
    x.expected = amount.to_string();
    x.found = f.value.to_string();
    x.span = f.span;
    x.spans = {f.span, t->span};
    out.push_back(std::move(x));
  }
}

// ---------- statements of several rows at once ----------

namespace {

// The indicator a short prose phrase names exactly (its alias or label), in
// the report's format; nullptr when none or more than one.
const Indicator* indicator_named(std::string_view phrase, Format format) {
  const Indicator* found = nullptr;
  for (const Indicator& ind : indicators()) {
    if (!in_format(ind.formats, format)) continue;
    bool named = false;
    for (std::string_view alias : split_ids(ind.aliases))
      if (alias == phrase) named = true;
    if (!named) continue;
    if (found && found != &ind) return nullptr;
    found = &ind;
  }
  return found;
}

// "予以公开及部分公开" -> {"予以公开", "部分公开"}: pieces joined by 及, 和, 与, 以及, 、.
std::vector<std::string_view> conjuncts(std::string_view label) {
  std::vector<std::string_view> out;
  static constexpr std::string_view kJoins[] = {"以及", "及", "和", "与", "、"};
  std::size_t start = 0;
  for (std::size_t i = 0; i < label.size();) {
    bool joined = false;
    for (std::string_view j : kJoins) {
      if (label.compare(i, j.size(), j) == 0) {
        out.push_back(label.substr(start, i - start));
        i += j.size();
        start = i;
        joined = true;
        break;
      }
    }
    if (!joined) ++i;
  }
  out.push_back(label.substr(start));
  return out;
}

}  // namespace

void check_compound_statements(const CheckInput& in, std::vector<Finding>& out) {
  if (!in.quantities || !in.meta) return;
  FactIndex table(*in.facts, Origin::table), text(*in.facts, Origin::text), derived(*in.facts, Origin::derived);
  if (table.empty()) return;
  const std::vector<Quantity>& qs = *in.quantities;
  for (std::size_t i = 0; i < qs.size(); ++i) {
    const Quantity& q = qs[i];
    if (q.approx != Approx::none || q.unit == "%") continue;
    auto pieces = conjuncts(q.label);
    if (pieces.size() < 2) continue;
    std::vector<const Fact*> cells;
    Decimal sum;
    for (std::string_view piece : pieces) {
      const Indicator* ind = indicator_named(piece, in.meta->format);
      const Fact* cell = ind ? table_value(table, derived, ind->id) : nullptr;
      if (!cell || std::find(cells.begin(), cells.end(), cell) != cells.end()) {
        cells.clear();
        break;
      }
      cells.push_back(cell);
      sum = Decimal::add(sum, table_amount(table, derived, ind->id).value_or(Decimal())).value_or(sum);
    }
    if (cells.empty()) continue;
    std::vector<std::string> ids;
    for (const Fact* c : cells) ids.push_back(c->indicator);
    std::string names;
    for (std::string_view p : pieces) names += (names.empty() ? "" : "及") + std::string(p);
    if (!(sum == q.value)) {
      Finding x;
      x.rule = "text_table.mismatch";
      x.severity = Severity::warning;
      x.indicators = ids;
      x.message = fmt::format("正文所述{}为{}，与表格数据之和{}不一致", names, q.value.to_string(), sum.to_string());
      x.message_en = fmt::format("the text states {} = {}, the table rows add up to {}", fmt::join(ids, " + "),
                                 q.value.to_string(), sum.to_string());
      x.expected = sum.to_string();
      x.found = q.value.to_string();
      x.span = q.span;
      x.spans = {q.span};
      for (const Fact* c : cells) x.spans.push_back(c->span);
      out.push_back(std::move(x));
    }
    // A share printed right after the statement ("258件，占33.9%").
    if (i + 1 >= qs.size() || qs[i + 1].unit != "%" || qs[i + 1].span.begin < q.span.end ||
        qs[i + 1].span.begin - q.span.end > 16)
      continue;
    std::string_view between = in.text.substr(std::min(q.span.end, in.text.size()),
                                              qs[i + 1].span.begin - q.span.end);
    if (between.find("。") != std::string_view::npos || between.find(';') != std::string_view::npos) continue;
    const Quantity& pct = qs[i + 1];
    const Fact* base = nullptr;
    for (const std::string& id : percent_bases(ids.front()))
      if ((base = text.get(id)) || (base = table.get(id))) break;
    if (!base || judge_percent(q.value, base->value, pct.value) == PercentVerdict::ok) continue;
    bool truncated = judge_percent(q.value, base->value, pct.value) == PercentVerdict::truncated;
    Finding x;
    x.rule = "percent.mismatch";
    x.severity = truncated ? Severity::info : Severity::warning;
    x.indicators = ids;
    x.indicators.push_back(base->indicator);
    long double share = base->value.is_zero() ? 0 : q.value.to_double() * 100.0L / base->value.to_double();
    x.expected = fmt::format("{:.{}f}%", static_cast<double>(share), pct.value.scale() + 1);
    x.found = pct.value.to_string() + "%";
    x.message = fmt::format("{}{}占{}{}的{}，但报告写作{}", names, q.value.to_string(), indicator_zh(base->indicator),
                            base->value.to_string(), x.expected, x.found);
    x.message_en = fmt::format("{} {} of {} {} is {}, but the report prints {}", fmt::join(ids, " + "),
                               q.value.to_string(), base->indicator, base->value.to_string(), x.expected, x.found);
    x.span = pct.span;
    x.spans = {pct.span, q.span, base->span};
    out.push_back(std::move(x));
  }
}

// ---------- structure ----------

namespace {

bool is_table_format(Format f) { return f == Format::f2019 || f == Format::f2021; }

bool contains(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

// Section 六 mentions the information-processing fee (charged or not).
bool states_fee(const CheckInput& in, const Section& other) {
  std::string_view body = other.span.of(in.text);
  for (std::string_view k : {"信息处理费", "处理费", "收费", "收取费用", "费用"})
    if (contains(body, k)) return true;
  return false;
}

}  // namespace

void check_structure(const CheckInput& in, std::vector<Finding>& out) {
  if (!in.meta || !in.sections || !is_table_format(in.meta->format)) return;
  const std::vector<Section>& top = *in.sections;
  // Only judge a report whose outline was found at all (a few top sections).
  int kinds_found = 0;
  for (const Section& s : top)
    if (!s.kind.empty()) ++kinds_found;
  if (kinds_found >= 3) {
    static constexpr std::pair<std::string_view, std::string_view> kRequired[] = {
        {"overview", "一、总体情况"},
        {"disclosure", "二、主动公开政府信息情况"},
        {"apply", "三、收到和处理政府信息公开申请情况"},
        {"review_litigation", "四、政府信息公开行政复议、行政诉讼情况"},
        {"problems", "五、存在的主要问题及改进情况"},
        {"other", "六、其他需要报告的事项"},
    };
    std::size_t last_pos = 0;
    for (auto [kind, title] : kRequired) {
      auto it = std::find_if(top.begin(), top.end(), [&, k = kind](const Section& s) { return s.kind == k; });
      Finding x;
      x.rule = "structure.missing_section";
      x.severity = Severity::warning;
      if (it == top.end()) {
        x.message = fmt::format("缺少规定的部分“{}”", title);
        x.message_en = fmt::format("the required section \"{}\" ({}) is missing", title, kind);
      } else if (static_cast<std::size_t>(it - top.begin()) < last_pos) {
        x.message = fmt::format("“{}”不在规定的位置", title);
        x.message_en = fmt::format("the section \"{}\" ({}) is out of order", title, kind);
        x.span = it->heading;
      } else {
        last_pos = static_cast<std::size_t>(it - top.begin());
        continue;
      }
      x.expected = std::string(title);
      out.push_back(std::move(x));
    }
  }
  // The three tables: present, or announced but published as an image.
  static constexpr std::pair<TableKind, std::string_view> kTables[] = {
      {TableKind::disclosure, "主动公开政府信息情况"},
      {TableKind::apply, "收到和处理政府信息公开申请情况"},
      {TableKind::review_litigation, "政府信息公开行政复议、行政诉讼情况"},
  };
  for (auto [kind, title] : kTables) {
    bool present = false, absent = false;
    for (const TableInfo& t : in.tables) {
      if (t.kind != kind) continue;
      (t.absent ? absent : present) = true;
    }
    if (present) continue;
    Finding x;
    x.rule = "structure.table_absent";
    x.severity = absent ? Severity::info : Severity::warning;
    x.message = absent ? fmt::format("“{}”表格缺失（可能以图片发布），其数据无法核对", title)
                       : fmt::format("未找到“{}”表格", title);
    x.message_en = absent ? fmt::format("the table \"{}\" is missing (probably published as an image); its figures cannot be checked", title)
                          : fmt::format("the table \"{}\" was not found", title);
    out.push_back(std::move(x));
  }
  // Section 六 and the information-processing fee (国办函〔2020〕109号).
  const Section* other = nullptr;
  for (const Section& s : top)
    if (s.kind == "other") other = &s;
  bool fee_stated = other && states_fee(in, *other);
  for (const Fact& f : *in.facts)
    if (f.indicator == "fee.processing.amount" || f.indicator == "fee.processing.notices") fee_stated = true;
  if (other && !fee_stated && in.meta->year >= 2021) {
    Finding x;
    x.rule = "structure.fee_statement";
    x.severity = Severity::warning;
    x.message = "第六部分未说明信息处理费的收取情况";
    x.message_en = "section 六 does not state whether an information-processing fee was charged";
    x.span = other->heading;
    out.push_back(std::move(x));
  }
  FactIndex table(*in.facts, Origin::table);
  if (const Fact* unpaid = table.get("apply.result.other.overdue_fee");
      unpaid && !unpaid->value.is_zero() && !fee_stated) {
    Finding x;
    x.rule = "structure.fee_statement";
    x.severity = Severity::warning;
    x.indicators = {unpaid->indicator};
    x.message = fmt::format("有{}件申请因逾期未缴纳信息处理费而不再处理，但报告未说明收费情况", unpaid->value.to_string());
    x.message_en = fmt::format("{} applications were dropped for not paying the fee, but the report does not state any fee",
                               unpaid->value.to_string());
    x.found = unpaid->value.to_string();
    x.span = unpaid->span;
    x.spans = {unpaid->span};
    out.push_back(std::move(x));
  }
}

// ---------- dates ----------

namespace {

struct Ymd {
  int y = 0, m = 0, d = 0;
  friend auto operator<=>(const Ymd&, const Ymd&) = default;
};

std::optional<Ymd> parse_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  Ymd r{num(0, 4), num(5, 2), num(8, 2)};
  if (r.y < 0 || r.m < 1 || r.d < 1) return std::nullopt;
  return r;
}

// A people's government (人民政府) reports by 3月31日; from the 2019
// regulation on, its departments report by 1月31日.
bool is_government(const Meta& m) {
  std::string_view issuer = m.issuer;
  auto ends = [&](std::string_view s) { return issuer.size() >= s.size() && issuer.substr(issuer.size() - s.size()) == s; };
  return issuer.empty() || ends("人民政府") || ends("政府");
}

}  // namespace

void check_dates(const CheckInput& in, std::vector<Finding>& out) {
  if (!in.meta || in.meta->year == 0) return;
  const Meta& m = *in.meta;
  if (m.period) {
    auto from = parse_iso(m.period->from), to = parse_iso(m.period->to);
    if (from && to && (from->y != m.year || to->y != m.year)) {
      Finding x;
      x.rule = "year.mismatch";
      x.severity = Severity::warning;
      x.message = fmt::format("报告年度为{}年，但统计期限为{}至{}", m.year, m.period->from, m.period->to);
      x.message_en = fmt::format("the report is for {} but its statistics period is {} to {}", m.year, m.period->from,
                                 m.period->to);
      x.expected = std::to_string(m.year);
      x.found = m.period->from + ".." + m.period->to;
      out.push_back(std::move(x));
    }
  }
  if (m.published) {
    auto pub = parse_iso(*m.published);
    if (!pub) return;
    bool government = is_government(m);
    Ymd deadline{m.year + 1, (government || m.year < 2019) ? 3 : 1, 31};
    if (*pub > deadline) {
      Finding x;
      x.rule = "deadline.late";
      x.severity = Severity::warning;
      std::string due = fmt::format("{}-{:02}-{:02}", deadline.y, deadline.m, deadline.d);
      x.message = fmt::format("报告于{}发布，晚于法定期限{}（{}）", *m.published, due,
                              government ? "各级人民政府3月31日前" : "政府部门1月31日前");
      x.message_en = fmt::format("published on {}, after the legal deadline {} ({})", *m.published, due,
                                 government ? "governments: 31 March" : "departments: 31 January");
      x.expected = due;
      x.found = *m.published;
      out.push_back(std::move(x));
    }
  }
}

}  // namespace ogi::detail
