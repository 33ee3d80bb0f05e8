// lib/checks: consistency findings.
//
// Most rules are data: every relation of the catalogue (sum, at_least,
// at_most, balance, scope and applicant splits) becomes a check here without
// code of its own. The procedural rules (percentages, prose against tables,
// structure, dates, cross-year) live beside this file.
//
// Severity policy: a broken identity of an official table is an error; the
// same identity read from prose is a warning (prose is read with less
// certainty than a table cell, and a checker must never cry wolf).
#include "checks/checks.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "doc.hpp"
#include "ogi/catalogue.hpp"
#include "ogi/check.hpp"

namespace ogi::detail {

namespace {

constexpr Applicant kColumns[] = {Applicant::natural_person, Applicant::commercial, Applicant::research,
                                  Applicant::nonprofit,      Applicant::legal_service, Applicant::other_org,
                                  Applicant::total};
constexpr Scope kScopes[] = {Scope::total, Scope::own_level, Scope::lower_levels};

std::string_view scope_zh(Scope s) {
  switch (s) {
    case Scope::own_level: return "本级";
    case Scope::lower_levels: return "下级";
    case Scope::total: break;
  }
  return "";
}

Decimal sum(const std::vector<const Fact*>& fs) {
  Decimal s;
  for (const Fact* f : fs) s = Decimal::add(s, f->value).value_or(s);
  return s;
}

std::string column_suffix_zh(Applicant a, Scope s) {
  std::string out;
  if (a != Applicant::total && a != Applicant::none) out += fmt::format("（{}列）", applicant_zh(a));
  if (s != Scope::total) out += fmt::format("（{}）", scope_zh(s));
  return out;
}

std::string column_suffix_en(Applicant a, Scope s) {
  std::string out;
  if (a != Applicant::total && a != Applicant::none) out += fmt::format(" ({} column)", to_string(a));
  if (s != Scope::total) out += fmt::format(" ({})", to_string(s));
  return out;
}

void add_spans(Finding& f, const std::vector<const Fact*>& facts) {
  for (const Fact* x : facts) f.spans.push_back(x->span);
}

// One evaluation of a relation for one column/scope.
void evaluate(const Relation& rel, const FactIndex& idx, Origin origin, Scope scope, Applicant col,
              std::vector<Finding>& out) {
  const Fact* total = idx.get(rel.total, scope, col);
  if (!total) return;
  std::vector<const Fact*> parts;
  std::size_t missing = 0;
  for (std::string_view id : split_ids(rel.parts)) {
    if (const Fact* p = idx.get(id, scope, col)) parts.push_back(p);
    else ++missing;
  }
  if (parts.empty()) return;
  // A table identity is checked only when every cell is there (a row the
  // template of another year does not print is not a zero).
  if (origin == Origin::table && missing) return;
  Decimal s = sum(parts);
  Severity sev = origin == Origin::table ? Severity::error : Severity::warning;
  bool bad = false;
  Decimal expected = s;
  switch (rel.kind) {
    case RelationKind::sum:
      // With parts missing (prose names only some), the parts may not exceed the total.
      bad = missing ? s > total->value : !(s == total->value);
      break;
    case RelationKind::at_least:
      bad = !missing && s < total->value;
      break;
    case RelationKind::at_most:
      bad = s > total->value;
      break;
    default:
      return;
  }
  if (!bad) return;
  // An empty total cell with non-empty parts, or a printed total whose parts
  // were all left empty, is an incomplete table rather than wrong arithmetic.
  bool parts_blank = std::all_of(parts.begin(), parts.end(), [](const Fact* p) { return p->blank; });
  bool incomplete = (total->blank && !s.is_zero()) || (parts_blank && !total->value.is_zero());
  Finding f;
  f.rule = std::string(rel.rule.empty() ? "sum.mismatch" : rel.rule);
  f.severity = incomplete ? Severity::warning : sev;
  f.indicators.push_back(std::string(rel.total));
  for (const Fact* p : parts) f.indicators.push_back(p->indicator);
  std::string what = indicator_zh(rel.total) + column_suffix_zh(col, scope);
  std::string what_en = std::string(rel.total) + column_suffix_en(col, scope);
  const char* relation_zh = rel.kind == RelationKind::at_least ? "不少于" : rel.kind == RelationKind::at_most ? "不多于" : "等于";
  const char* relation_en = rel.kind == RelationKind::at_least ? "at least" : rel.kind == RelationKind::at_most ? "at most" : "equal to";
  if (incomplete && parts_blank) {
    f.message = fmt::format("{}为{}，但各分项均为空", what, total->value.to_string());
    f.message_en = fmt::format("{} is {} but all of its parts were left blank", what_en, total->value.to_string());
  } else if (incomplete) {
    f.message = fmt::format("{}的合计栏为空，但各分项之和为{}", what, s.to_string());
    f.message_en = fmt::format("{}: the total cell is blank but its parts add up to {}", what_en, s.to_string());
  } else {
    f.message = fmt::format("{}为{}，应{}各分项之和{}", what, total->value.to_string(), relation_zh, s.to_string());
    f.message_en = fmt::format("{} is {} but should be {} the sum of its parts, {}", what_en,
                               total->value.to_string(), relation_en, s.to_string());
  }
  f.expected = expected.to_string();
  f.found = total->blank ? std::string() : total->value.to_string();
  f.span = total->span;
  f.spans.push_back(total->span);
  add_spans(f, parts);
  out.push_back(std::move(f));
}

// Table 三 per column: 新收 + 上年结转 = 总计 + 结转下年度.
void evaluate_balance(const Relation& rel, const FactIndex& idx, Origin origin, Applicant col,
                      std::vector<Finding>& out) {
  auto ids = split_ids(rel.parts);
  if (ids.size() != 3) return;
  const Fact* total = idx.get(rel.total, Scope::total, col);
  const Fact* a = idx.get(ids[0], Scope::total, col);
  const Fact* b = idx.get(ids[1], Scope::total, col);
  const Fact* c = idx.get(ids[2], Scope::total, col);
  if (!total || !a || !b || !c) return;
  Decimal left = Decimal::add(a->value, b->value).value_or(Decimal());
  Decimal right = Decimal::add(total->value, c->value).value_or(Decimal());
  if (left == right) return;
  Finding f;
  f.rule = std::string(rel.rule.empty() ? "balance.mismatch" : rel.rule);
  f.severity = origin == Origin::table ? Severity::error : Severity::warning;
  f.indicators = {std::string(ids[0]), std::string(ids[1]), std::string(rel.total), std::string(ids[2])};
  std::string col_zh = column_suffix_zh(col, Scope::total), col_en = column_suffix_en(col, Scope::total);
  f.message = fmt::format("申请数不平衡{}：新收{} + 上年结转{} = {}，但办理结果总计{} + 结转下年度{} = {}", col_zh,
                          a->value.to_string(), b->value.to_string(), left.to_string(), total->value.to_string(),
                          c->value.to_string(), right.to_string());
  f.message_en = fmt::format(
      "applications do not balance{}: new {} + carried in {} = {}, but results total {} + carried out {} = {}", col_en,
      a->value.to_string(), b->value.to_string(), left.to_string(), total->value.to_string(), c->value.to_string(),
      right.to_string());
  f.expected = left.to_string();
  f.found = right.to_string();
  f.span = total->span;
  add_spans(f, {a, b, total, c});
  out.push_back(std::move(f));
}

// Table 三 per row: 总计 column = Σ six applicant columns.
void evaluate_row_total(const Relation& rel, std::string_view id, const FactIndex& idx, std::vector<Finding>& out) {
  const Fact* total = idx.get(id, Scope::total, Applicant::total);
  if (!total) return;
  std::vector<const Fact*> parts;
  for (Applicant a : kColumns) {
    if (a == Applicant::total) continue;
    const Fact* p = idx.get(id, Scope::total, a);
    if (!p) return;
    parts.push_back(p);
  }
  Decimal s = sum(parts);
  if (s == total->value) return;
  bool incomplete = total->blank && !s.is_zero();
  Finding f;
  f.rule = std::string(rel.rule.empty() ? "table.row_total" : rel.rule);
  f.severity = incomplete ? Severity::warning : Severity::error;
  f.indicators = {std::string(id)};
  std::string name = indicator_zh(id);
  if (incomplete) {
    f.message = fmt::format("{}一行的总计栏为空，但六类申请人之和为{}", name, s.to_string());
    f.message_en = fmt::format("{}: the 总计 cell is blank but the six applicant columns add up to {}", id, s.to_string());
  } else {
    f.message = fmt::format("{}一行的总计为{}，但六类申请人之和为{}", name, total->value.to_string(), s.to_string());
    f.message_en = fmt::format("{}: 总计 is {} but the six applicant columns add up to {}", id,
                               total->value.to_string(), s.to_string());
  }
  f.expected = s.to_string();
  f.found = total->blank ? std::string() : total->value.to_string();
  f.span = total->span;
  f.spans.push_back(total->span);
  add_spans(f, parts);
  out.push_back(std::move(f));
}

void evaluate_scope_split(const Relation& rel, std::string_view id, const FactIndex& idx, std::vector<Finding>& out) {
  const Fact* total = idx.get(id, Scope::total, Applicant::total);
  const Fact* own = idx.get(id, Scope::own_level, Applicant::total);
  const Fact* lower = idx.get(id, Scope::lower_levels, Applicant::total);
  if (!total || !own || !lower) return;
  Decimal s = Decimal::add(own->value, lower->value).value_or(Decimal());
  if (s == total->value) return;
  Finding f;
  f.rule = std::string(rel.rule.empty() ? "sum.mismatch" : rel.rule);
  f.severity = Severity::warning;
  f.indicators = {std::string(id)};
  f.message = fmt::format("{}合计为{}，但本级{}与下级{}之和为{}", indicator_zh(id), total->value.to_string(),
                          own->value.to_string(), lower->value.to_string(), s.to_string());
  f.message_en = fmt::format("{}: the total {} differs from own level {} + lower levels {} = {}", id,
                             total->value.to_string(), own->value.to_string(), lower->value.to_string(), s.to_string());
  f.expected = s.to_string();
  f.found = total->value.to_string();
  f.span = total->span;
  add_spans(f, {total, own, lower});
  out.push_back(std::move(f));
}

// Every id for which a "*" relation applies: the indicators present in the index.
std::vector<std::string> ids_present(const FactIndex& idx) {
  std::vector<std::string> ids;
  for (const Fact* f : idx.all()) ids.push_back(f->indicator);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace

namespace {
auto entry_key(std::string_view id, int scope, int applicant) { return std::make_tuple(id, scope, applicant); }
}  // namespace

FactIndex::FactIndex(const std::vector<Fact>& facts, Origin origin) {
  for (const Fact& f : facts) {
    if (f.origin != origin) continue;
    Applicant a = f.applicant == Applicant::none ? Applicant::total : f.applicant;
    map_.push_back(Entry{f.indicator, static_cast<int>(f.scope), static_cast<int>(a), &f});
  }
  // stable: among facts with one key, the first in report order stays first
  std::stable_sort(map_.begin(), map_.end(), [](const Entry& x, const Entry& y) {
    return entry_key(x.id, x.scope, x.applicant) < entry_key(y.id, y.scope, y.applicant);
  });
  map_.erase(std::unique(map_.begin(), map_.end(),
                         [](const Entry& x, const Entry& y) {
                           return x.id == y.id && x.scope == y.scope && x.applicant == y.applicant;
                         }),
             map_.end());
  all_.reserve(map_.size());
  for (const Entry& e : map_) all_.push_back(e.fact);
  // report order (facts live in one vector, so their addresses are in order)
  std::sort(all_.begin(), all_.end(), std::less<const Fact*>());
}

const Fact* FactIndex::get(std::string_view id, Scope scope, Applicant a) const {
  if (a == Applicant::none) a = Applicant::total;
  const auto key = entry_key(id, static_cast<int>(scope), static_cast<int>(a));
  auto it = std::lower_bound(map_.begin(), map_.end(), key,
                             [](const Entry& e, const auto& k) { return entry_key(e.id, e.scope, e.applicant) < k; });
  if (it == map_.end() || entry_key(it->id, it->scope, it->applicant) != key) return nullptr;
  return it->fact;
}

std::vector<std::string_view> split_ids(std::string_view ids) {
  std::vector<std::string_view> out;
  while (!ids.empty()) {
    std::size_t bar = ids.find('|');
    std::string_view id = ids.substr(0, bar);
    if (!id.empty()) out.push_back(id);
    if (bar == std::string_view::npos) break;
    ids.remove_prefix(bar + 1);
  }
  return out;
}

std::string_view applicant_zh(Applicant a) {
  switch (a) {
    case Applicant::natural_person: return "自然人";
    case Applicant::commercial: return "商业企业";
    case Applicant::research: return "科研机构";
    case Applicant::nonprofit: return "社会公益组织";
    case Applicant::legal_service: return "法律服务机构";
    case Applicant::other_org: return "其他";
    case Applicant::total: return "总计";
    case Applicant::none: break;
  }
  return "";
}

std::string indicator_zh(std::string_view id) {
  if (const Indicator* ind = find_indicator(id)) return std::string(ind->label);
  return std::string(id);
}

void check_relations(const CheckInput& in, std::vector<Finding>& out) {
  Format format = in.meta ? in.meta->format : Format::unknown;
  for (Origin origin : {Origin::table, Origin::text}) {
    FactIndex idx(*in.facts, origin);
    if (idx.empty()) continue;
    for (const Relation& rel : relations()) {
      // Prose relations follow the report's format. Table identities hold
      // whichever template year printed the table (a 2021 report may print the
      // 2019 rows), but the legacy statistics table has identities of its own.
      if (origin == Origin::text && format != Format::unknown && !in_format(rel.formats, format)) continue;
      if (origin == Origin::table && !(rel.formats & (format == Format::legacy ? in_legacy : in_tables))) continue;
      switch (rel.kind) {
        case RelationKind::balance:
          for (Applicant a : kColumns) evaluate_balance(rel, idx, origin, a, out);
          break;
        case RelationKind::applicant_sum:
          if (origin != Origin::table) break;
          if (rel.total == "*") {
            for (const std::string& id : ids_present(idx)) evaluate_row_total(rel, id, idx, out);
          } else {
            evaluate_row_total(rel, rel.total, idx, out);
          }
          break;
        case RelationKind::scope_sum:
          if (rel.total == "*") {
            for (const std::string& id : ids_present(idx)) evaluate_scope_split(rel, id, idx, out);
          } else {
            evaluate_scope_split(rel, rel.total, idx, out);
          }
          break;
        default:
          if (rel.per_applicant) {
            for (Applicant a : kColumns) evaluate(rel, idx, origin, Scope::total, a, out);
          } else if (rel.per_scope) {
            for (Scope s : kScopes) evaluate(rel, idx, origin, s, Applicant::total, out);
          } else {
            evaluate(rel, idx, origin, Scope::total, Applicant::total, out);
          }
      }
    }
  }
}

std::vector<Finding> run_checks(const CheckInput& in) {
  std::vector<Finding> out;
  if (!in.facts) return out;
  check_relations(in, out);
  check_percentages(in, out);
  check_text_against_tables(in, out);
  check_compound_statements(in, out);
  check_structure(in, out);
  check_dates(in, out);
  return out;
}

void checks(Doc& doc) {
  CheckInput in;
  in.meta = &doc.meta;
  in.sections = &doc.sections;
  in.facts = &doc.facts;
  in.quantities = &doc.quantities;
  in.text = doc.norm;
  for (const RawTable& t : doc.tables) in.tables.push_back({t.grid.kind, t.grid.absent});
  std::vector<Finding> found = run_checks(in);
  doc.findings.insert(doc.findings.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
}

}  // namespace ogi::detail

namespace ogi {

std::vector<Finding> check(const Report& report) {
  detail::CheckInput in;
  in.meta = &report.meta;
  in.sections = &report.sections;
  in.facts = &report.facts;
  in.quantities = &report.quantities;
  in.text = report.text;
  for (const Table& t : report.tables) in.tables.push_back({t.kind, t.absent});
  return detail::run_checks(in);
}

}  // namespace ogi
