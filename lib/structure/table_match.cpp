// lib/structure/table_match: template matching of table rows.
#include "structure/table_match.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "ogi/catalogue.hpp"
#include "structure/table_templates.hpp"

namespace ogi::detail::table_match {

namespace tt = tables_text;
namespace tr = table_rows;
namespace tp = table_templates;
using tr::RCell;
using tr::Row;

namespace {

using Keys = std::vector<std::u32string>;
constexpr std::int64_t kNeg = INT64_MIN / 4;
constexpr std::size_t kMaxRows = 1500;  // rows of one table considered (a real table 三 has ~25-80)

// ---------------------------------------------------------------------------
// label similarity

std::uint64_t char_mask(const std::u32string& s) {
  std::uint64_t m = 0;
  for (char32_t c : s) m |= std::uint64_t{1} << ((static_cast<std::uint32_t>(c) * 2654435761u) >> 26);
  return m;
}

struct Key {
  std::u32string key;
  std::uint64_t mask = 0;
};

Key make_key(std::u32string k) {
  Key out;
  out.mask = char_mask(k);
  out.key = std::move(k);
  return out;
}

double sim(const Key& a, const Key& b) {
  if (a.key.empty() || b.key.empty()) return 0.0;
  // upper bound: characters of a that may occur in b
  std::size_t could = 0;
  for (char32_t c : a.key)
    if (b.mask >> ((static_cast<std::uint32_t>(c) * 2654435761u) >> 26) & 1) ++could;
  if (2.0 * static_cast<double>(std::min(could, b.key.size())) / static_cast<double>(a.key.size() + b.key.size()) <
      0.4)
    return 0.0;
  return tt::similarity(a.key, b.key);
}

std::vector<Key> alternatives(std::string_view labels, std::string_view more = {}) {
  std::vector<Key> out;
  auto add = [&](std::string_view all) {
    std::size_t start = 0;
    while (start <= all.size() && !all.empty()) {
      std::size_t bar = all.find('|', start);
      std::string_view part = all.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
      std::u32string k = tt::label_key(part);
      if (!k.empty() && std::none_of(out.begin(), out.end(), [&](const Key& x) { return x.key == k; }))
        out.push_back(make_key(std::move(k)));
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
  };
  add(labels);
  add(more);
  return out;
}

// The label candidates of a row: each fragment, and all fragments joined.
// Fragments that are group labels ("（三）不予公开") are left out.
std::vector<Key> candidates(const Row& r, const std::vector<std::vector<Key>>& rows_alts,
                            const std::vector<Key>& groups, std::size_t min_len, int* group_labels = nullptr) {
  std::vector<Key> out;
  std::u32string joined;
  for (const RCell& c : r.labels) {
    std::u32string sq = tt::squash(c.text, 2 * tt::kMaxLabel + 8);
    Key k = make_key(tt::label_key(sq));
    bool group = false;
    if (!groups.empty() && !k.key.empty()) {
      double g = 0, best = 0;
      for (const Key& gk : groups) g = std::max(g, sim(k, gk));
      if (g >= 0.7) {
        for (const auto& alts : rows_alts)
          for (const Key& a : alts) best = std::max(best, sim(k, a));
        group = g > best;
      }
    }
    if (group) {
      if (group_labels) ++*group_labels;
      continue;
    }
    if (joined.size() < 2 * tt::kMaxLabel) joined += sq;
    if (k.key.size() >= min_len) out.push_back(std::move(k));
  }
  if (r.labels.size() > 1) {
    Key j = make_key(tt::label_key(joined));
    if (j.key.size() >= min_len) out.push_back(std::move(j));
  }
  return out;
}

double best_sim(const std::vector<Key>& cands, const std::vector<Key>& alts) {
  double s = 0;
  for (const Key& c : cands)
    for (const Key& a : alts) s = std::max(s, sim(c, a));
  return s;
}

// ---------------------------------------------------------------------------
// values

Decimal printed_value(const tt::Value& v) {
  return v.kind == tt::ValueKind::number ? v.number : Decimal(0);
}

Decimal dsum(Decimal a, Decimal b) {
  auto s = Decimal::add(a, b);
  return s ? *s : Decimal(INT64_MAX / 2);
}

// A cell of a placed row: which printed value (or none: blank) it holds.
struct Slot {
  bool known = false;
  int idx = -1;  // index into Row::values; -1: nothing printed (blank = 0)
};

enum class Ident { none, row_sum, t4_sum };

bool identity_holds(Ident id, const std::vector<Decimal>& v) {
  if (id == Ident::row_sum) {
    Decimal s(0);
    for (std::size_t c = 0; c + 1 < v.size(); ++c) s = dsum(s, v[c]);
    return s == v.back();
  }
  if (id == Ident::t4_sum) {
    for (std::size_t g = 0; g + 5 <= v.size(); g += 5) {
      Decimal s = dsum(dsum(v[g], v[g + 1]), dsum(v[g + 2], v[g + 3]));
      if (!(s == v[g + 4])) return false;
    }
    return true;
  }
  return true;
}

// Every increasing choice of k of n positions.
void for_each_combo(int n, int k, const std::function<void(const std::vector<int>&)>& fn) {
  if (k > n || k < 0) return;
  std::vector<int> pos(static_cast<std::size_t>(k));
  for (int i = 0; i < k; ++i) pos[static_cast<std::size_t>(i)] = i;
  while (true) {
    fn(pos);
    int i = k - 1;
    while (i >= 0 && pos[static_cast<std::size_t>(i)] == n - k + i) --i;
    if (i < 0) return;
    ++pos[static_cast<std::size_t>(i)];
    for (int j = i + 1; j < k; ++j) pos[static_cast<std::size_t>(j)] = pos[static_cast<std::size_t>(j - 1)] + 1;
  }
}

// Places the values `vi` (indices into row.values) of a row into n columns.
// All n present: positional. Fewer: by the layout columns of a complete row
// when given, else every placement that satisfies the row identity; a cell
// is known when all those placements agree on its value.
std::vector<Slot> place(const Row& row, const std::vector<int>& vi, int n, Ident id, const std::vector<int>* ref,
                        bool& ambiguous) {
  std::vector<Slot> slots(static_cast<std::size_t>(n));
  int k = static_cast<int>(vi.size());
  if (k >= n) {
    for (int c = 0; c < n; ++c) slots[static_cast<std::size_t>(c)] = Slot{true, vi[static_cast<std::size_t>(c)]};
    return slots;
  }
  if (k == 0) return slots;
  // by layout columns
  if (ref && !row.columns.empty() && static_cast<int>(ref->size()) == n) {
    // each value goes to the nearest reference column, when that one is clearly nearer than the next
    std::vector<int> at;
    bool ok = true;
    for (int j : vi) {
      int col = row.columns[static_cast<std::size_t>(j)];
      int best = -1, bd = 1 << 20, second = 1 << 20;
      for (int c = 0; c < n; ++c) {
        int d = std::abs(col - (*ref)[static_cast<std::size_t>(c)]);
        if (d < bd) second = bd, bd = d, best = c;
        else if (d < second) second = d;
      }
      if (2 * bd >= second || (!at.empty() && best <= at.back())) {
        ok = false;
        break;
      }
      at.push_back(best);
    }
    if (ok) {
      for (int c = 0; c < n; ++c) slots[static_cast<std::size_t>(c)] = Slot{true, -1};
      for (std::size_t j = 0; j < at.size(); ++j) slots[static_cast<std::size_t>(at[j])] = Slot{true, vi[j]};
      return slots;
    }
  }
  std::vector<std::vector<int>> survivors, all;
  for_each_combo(n, k, [&](const std::vector<int>& pos) {
    std::vector<Decimal> v(static_cast<std::size_t>(n), Decimal(0));
    for (int j = 0; j < k; ++j)
      v[static_cast<std::size_t>(pos[static_cast<std::size_t>(j)])] =
          printed_value(row.parsed[static_cast<std::size_t>(vi[static_cast<std::size_t>(j)])]);
    if (all.size() < 8000) all.push_back(pos);
    if (identity_holds(id, v)) survivors.push_back(pos);
  });
  if (survivors.empty()) {
    survivors = std::move(all);
  } else if (id == Ident::row_sum) {
    // a report prints its 总计 even where it leaves zero cells empty: among
    // the placements that satisfy the row, prefer those that print the total
    std::vector<std::vector<int>> printed_total;
    for (const auto& pos : survivors)
      if (pos.back() == n - 1) printed_total.push_back(pos);
    if (!printed_total.empty()) survivors = std::move(printed_total);
  }
  for (int c = 0; c < n; ++c) {
    std::optional<Decimal> value;
    bool agree = true;
    int common = -2;  // a printed index when every placement prints a value here; -1 when one leaves it blank
    for (const auto& pos : survivors) {
      int here = -1;
      for (int j = 0; j < k; ++j)
        if (pos[static_cast<std::size_t>(j)] == c) here = vi[static_cast<std::size_t>(j)];
      Decimal v = here >= 0 ? printed_value(row.parsed[static_cast<std::size_t>(here)]) : Decimal(0);
      if (!value) {
        value = v;
        common = here;
      } else {
        if (!(*value == v)) agree = false;
        if (here < 0) common = -1;
      }
    }
    if (!agree) {
      ambiguous = true;
      continue;
    }
    slots[static_cast<std::size_t>(c)] = Slot{true, common < 0 ? -1 : common};
  }
  return slots;
}

// Whether some placement of the values `vi` into n columns satisfies the
// row identity (all n present: the positional one).
bool row_holds(const Row& row, const std::vector<int>& vi, int n, Ident id) {
  int k = static_cast<int>(vi.size());
  if (k > n || k == 0) return false;
  bool found = false;
  for_each_combo(n, k, [&](const std::vector<int>& pos) {
    if (found) return;
    std::vector<Decimal> v(static_cast<std::size_t>(n), Decimal(0));
    for (int j = 0; j < k; ++j)
      v[static_cast<std::size_t>(pos[static_cast<std::size_t>(j)])] =
          printed_value(row.parsed[static_cast<std::size_t>(vi[static_cast<std::size_t>(j)])]);
    found = identity_holds(id, v);
  });
  return found;
}

// ---------------------------------------------------------------------------
// monotone alignment of rows to template rows

struct Aligner {
  int n = 0, m = 0;
  std::vector<std::int64_t> match;     // n*m, kNeg = forbidden
  std::vector<std::int64_t> skip_row;  // n
  std::vector<std::int64_t> dp;        // (n+1)*(m+1)*2

  std::int64_t& at(int i, int t, int s) {
    return dp[(static_cast<std::size_t>(i) * static_cast<std::size_t>(m + 1) + static_cast<std::size_t>(t)) * 2 +
              static_cast<std::size_t>(s)];
  }
  std::int64_t M(int i, int t) const {
    return match[static_cast<std::size_t>(i) * static_cast<std::size_t>(m) + static_cast<std::size_t>(t)];
  }

  std::int64_t run() {
    dp.assign(static_cast<std::size_t>(n + 1) * static_cast<std::size_t>(m + 1) * 2, kNeg);
    at(0, 0, 0) = 0;
    for (int i = 0; i <= n; ++i)
      for (int t = 0; t <= m; ++t)
        for (int s = 0; s < 2; ++s) {
          std::int64_t v = at(i, t, s);
          if (v == kNeg) continue;
          if (i < n && t < m && M(i, t) != kNeg) at(i + 1, t + 1, 0) = std::max(at(i + 1, t + 1, 0), v + M(i, t));
          if (i < n) at(i + 1, t, 1) = std::max(at(i + 1, t, 1), v + skip_row[static_cast<std::size_t>(i)]);
          if (t < m && s == 0) at(i, t + 1, 0) = std::max(at(i, t + 1, 0), v);
        }
    return std::max(at(n, m, 0), at(n, m, 1));
  }

  // Up to `limit` optimal alignments: assign[t] = row index or -1.
  std::vector<std::vector<int>> best(std::size_t limit) {
    std::vector<std::vector<int>> out;
    std::int64_t b = std::max(at(n, m, 0), at(n, m, 1));
    std::vector<int> assign(static_cast<std::size_t>(m), -1);
    std::function<void(int, int, int)> walk = [&](int i, int t, int s) {
      if (out.size() >= limit) return;
      if (i == 0 && t == 0) {
        if (s == 0) out.push_back(assign);
        return;
      }
      std::int64_t v = at(i, t, s);
      if (s == 0) {
        if (i > 0 && t > 0 && M(i - 1, t - 1) != kNeg)
          for (int p = 0; p < 2; ++p) {
            std::int64_t u = at(i - 1, t - 1, p);
            if (u != kNeg && u + M(i - 1, t - 1) == v) {
              assign[static_cast<std::size_t>(t - 1)] = i - 1;
              walk(i - 1, t - 1, p);
              assign[static_cast<std::size_t>(t - 1)] = -1;
            }
          }
        if (t > 0 && at(i, t - 1, 0) != kNeg && at(i, t - 1, 0) == v) walk(i, t - 1, 0);
      } else if (i > 0) {
        for (int p = 0; p < 2; ++p) {
          std::int64_t u = at(i - 1, t, p);
          if (u != kNeg && u + skip_row[static_cast<std::size_t>(i - 1)] == v) walk(i - 1, t, p);
        }
      }
    };
    for (int s = 0; s < 2; ++s)
      if (at(n, m, s) == b && b != kNeg) walk(n, m, s);
    return out;
  }
};

// ---------------------------------------------------------------------------
// output

struct Known {
  bool known = false;
  const Row* row = nullptr;
  int idx = -1;          // value index in row, -1 = blank
  Span blank_at{};       // where a blank cell stands
};

Decimal known_value(const Known& k) {
  if (!k.known || !k.row || k.idx < 0) return Decimal(0);
  return printed_value(k.row->parsed[static_cast<std::size_t>(k.idx)]);
}

bool known_blank(const Known& k) {
  return k.known && (k.idx < 0 || (k.row && k.row->parsed[static_cast<std::size_t>(k.idx)].kind == tt::ValueKind::empty));
}

void add_cell(const Doc& doc, RawTable& t, int r, int c, const Known& k, std::string indicator, Applicant app,
              std::string_view default_unit) {
  Cell cell;
  cell.row = r;
  cell.col = c;
  CellInfo info;
  info.indicator = std::move(indicator);
  info.applicant = app;
  info.unit = std::string(default_unit);
  if (k.row && k.idx >= 0) {
    const RCell& rc = k.row->values[static_cast<std::size_t>(k.idx)];
    const tt::Value& v = k.row->parsed[static_cast<std::size_t>(k.idx)];
    cell.text = std::string(rc.text);
    cell.span = rc.span;
    info.number = tr::value_span(doc, rc, v);
    if (v.kind == tt::ValueKind::number) {
      info.value = v.number;
      if (!v.unit.empty()) info.unit = v.unit;
    } else if (v.kind == tt::ValueKind::marker) {
      info.marker = v.marker;
    } else {
      info.blank = true;
    }
  } else {
    cell.span = k.blank_at;
    info.number = k.blank_at;
    info.blank = true;
  }
  t.grid.cells.push_back(std::move(cell));
  t.info.push_back(std::move(info));
}

Span rows_span(const Doc& doc, const std::vector<const Row*>& rows) {
  Span s{SIZE_MAX, 0};
  for (const Row* r : rows) {
    if (r->first_line < 0) continue;
    s.begin = std::min(s.begin, doc.lines[static_cast<std::size_t>(r->first_line)].span.begin);
    s.end = std::max(s.end, doc.lines[static_cast<std::size_t>(r->last_line)].span.end);
  }
  if (s.begin == SIZE_MAX) return {};
  return s;
}

Span row_span(const Doc& doc, const Row& r) {
  if (!r.values.empty()) return Span{r.values.front().span.begin, r.values.back().span.end};
  if (!r.labels.empty()) return Span{r.labels.front().span.begin, r.labels.back().span.end};
  if (r.first_line >= 0) return doc.lines[static_cast<std::size_t>(r.first_line)].span;
  return {};
}

Span blank_place(const Row& r) {
  std::size_t at = !r.values.empty() ? r.values.front().span.begin : !r.labels.empty() ? r.labels.back().span.end : 0;
  return Span{at, at};
}

Finding ambiguity(std::string what_zh, std::string what_en, Span span, std::vector<std::string> inds,
                  Severity sev = Severity::warning, std::string rule = "table.ambiguous") {
  Finding f;
  f.rule = std::move(rule);
  f.severity = sev;
  f.message = std::move(what_zh);
  f.message_en = std::move(what_en);
  f.span = span;
  f.spans.push_back(span);
  f.indicators = std::move(inds);
  return f;
}

std::string t3_indicator(std::string_view key, Format f) {
  const Indicator* ind = find_table_indicator(TableKind::apply, key, "", f);
  if (!ind) ind = find_table_indicator(TableKind::apply, key, "", Format::unknown);
  return ind ? std::string(ind->id) : std::string();
}

// Layout columns of complete rows, for placing rows that lost cells.
const std::vector<int>* nearest_ref(const std::vector<const Row*>& rows, std::size_t i, int n) {
  const Row* r = rows[i];
  if (r->columns.empty()) return nullptr;
  const std::vector<int>* best = nullptr;
  int bd = 1 << 30;
  for (const Row* o : rows) {
    if (o == r || static_cast<int>(o->columns.size()) != n || o->filled() != n) continue;
    int d = std::abs(o->first_line - r->first_line);
    if (d < bd) bd = d, best = &o->columns;
  }
  return best;
}

// ---------------------------------------------------------------------------
// table 三

struct T3Row {
  const Row* row = nullptr;
  std::vector<int> vi;      // value indices used (at most 7)
  std::vector<Key> cands;   // label candidates
  std::vector<double> s;    // similarity per template row
  double best = 0;
  bool labelled = false;
  enum Kind { full, partial, label_only, blank_row } kind = label_only;
  std::vector<Slot> slots;  // placement into the 7 columns
  bool ambiguous = false;
};

struct T3Variant {
  Format format;
  std::span<const tp::SeqRow> tpl;
  std::vector<T3Row> rows;
  std::int64_t score = kNeg;
  std::vector<std::vector<int>> alignments;
};

// Layout columns of the applicant headers (自然人 … 总计) printed above the
// data rows: the reference for rows that lost cells when no complete row
// is there to compare with (a PDF whose legal-person columns are all blank).
std::vector<int> header_columns(const Doc& doc, const std::vector<Row>& rows, std::size_t z) {
  static constexpr std::u32string_view kWords[7][2] = {{U"自然人", U"自然人"}, {U"商业", U"企业"},  {U"科研", U"科研"},
                                                       {U"社会", U"公益"},     {U"法律", U"法律"},  {U"其他", U"其它"},
                                                       {U"总计", U"合计"}};
  std::vector<int> col(7, -1);
  int last = -1;
  for (std::size_t i = 0; i < z && i < rows.size(); ++i) {
    const Row& r = rows[i];
    if (r.first_line < 0 || r.from_markup) continue;
    for (int l = std::max(r.first_line, last + 1); l <= r.last_line; ++l) {
      last = l;
      std::string_view sv = doc.text(doc.lines[static_cast<std::size_t>(l)].span);
      if (sv.size() > 600) continue;
      for (const tt::Token& t : tt::tokens(sv)) {
        std::u32string w = tt::squash(sv.substr(t.begin, t.end - t.begin), 12);
        for (int c = 0; c < 7; ++c)
          if (col[static_cast<std::size_t>(c)] < 0 &&
              (tt::starts_with(w, kWords[c][0]) || (c == 3 && tt::starts_with(w, kWords[c][1]))))
            col[static_cast<std::size_t>(c)] = t.column;
      }
    }
  }
  for (int c = 0; c < 7; ++c)
    if (col[static_cast<std::size_t>(c)] < 0 || (c > 0 && col[static_cast<std::size_t>(c)] <= col[static_cast<std::size_t>(c - 1)]))
      return {};
  return col;
}

T3Variant t3_variant(const std::vector<const Row*>& rows, Format f, const std::vector<int>& header_ref) {
  T3Variant v;
  v.format = f;
  v.tpl = tp::t3_rows(f);
  std::vector<std::vector<Key>> alts;
  for (const tp::SeqRow& r : v.tpl) {
    const Indicator* ind = find_table_indicator(TableKind::apply, r.key, "", f);
    alts.push_back(alternatives(r.label, ind ? ind->table_labels : std::string_view{}));
  }
  std::vector<Key> groups;
  for (const tp::Group& g : tp::t3_groups(f)) groups.push_back(make_key(tt::label_key(g.label)));
  const int n = 7;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row* r = rows[i];
    T3Row x;
    x.row = r;
    std::vector<int> vi;
    for (std::size_t j = 0; j < r->values.size(); ++j) vi.push_back(static_cast<int>(j));
    while (static_cast<int>(vi.size()) > n && r->parsed[static_cast<std::size_t>(vi.back())].kind == tt::ValueKind::empty)
      vi.pop_back();
    if (static_cast<int>(vi.size()) > n) vi.erase(vi.begin(), vi.end() - n);
    x.vi = std::move(vi);
    int group_labels = 0;
    x.cands = candidates(*r, alts, groups, 3, &group_labels);
    // "（三）不予公开 | 5 | …": a subtotal row some reports add; the template has none
    if (x.cands.empty() && group_labels > 0 && r->filled() > 0) continue;
    for (const auto& a : alts) {
      x.s.push_back(best_sim(x.cands, a));
      x.best = std::max(x.best, x.s.back());
    }
    x.labelled = x.best >= 0.5;
    int filled = 0;
    for (int j : x.vi)
      if (r->parsed[static_cast<std::size_t>(j)].kind != tt::ValueKind::empty) ++filled;
    int k = static_cast<int>(x.vi.size());
    if (k == 0 || (filled == 0 && !x.labelled)) {
      if (!x.labelled) continue;  // neither values nor a label we know
      x.kind = T3Row::label_only;
      x.vi.clear();
    } else {
      x.kind = k == n ? T3Row::full : T3Row::partial;
    }
    v.rows.push_back(std::move(x));
  }
  // In layout text (PDF) an empty cell prints nothing: a recognised row label
  // standing alone is a row of blank cells — unless a row with values takes
  // its place in the alignment (a wrapped label above its numbers).
  bool layout = std::any_of(rows.begin(), rows.end(), [](const Row* r) { return !r->columns.empty(); });
  if (layout)
    for (T3Row& x : v.rows)
      if (x.kind == T3Row::label_only && x.row->plain && x.row->values.empty() && x.best >= 0.8) {
        x.kind = T3Row::blank_row;
        x.slots.assign(static_cast<std::size_t>(n), Slot{true, -1});
      }
  // placement of rows that lost cells
  bool bars_are_cells = std::any_of(rows.begin(), rows.end(), [](const Row* r) { return r->bar_inside; });
  std::vector<const Row*> raw;
  for (const T3Row& x : v.rows) raw.push_back(x.row);
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    T3Row& x = v.rows[i];
    if (x.kind == T3Row::label_only || x.kind == T3Row::blank_row) continue;
    const std::vector<int>* ref = x.kind == T3Row::partial ? nearest_ref(raw, i, n) : nullptr;
    if (x.kind == T3Row::partial && !ref && !header_ref.empty()) ref = &header_ref;
    x.slots = place(*x.row, x.vi, n, Ident::row_sum, ref, x.ambiguous);
    // One cell per line where no bare "|" stands between printed values:
    // the single "|" ending a row is a row separator (empty cells dropped)
    // or an empty cell. Take the reading the row identity allows; where
    // both do and they disagree on a cell, that cell is not known.
    if (!bars_are_cells && x.row->bar_tail == 1 && !x.vi.empty() &&
        x.vi.back() == static_cast<int>(x.row->values.size()) - 1 && x.vi.size() <= static_cast<std::size_t>(n)) {
      std::vector<int> sep(x.vi.begin(), x.vi.end() - 1);
      bool as_sep = row_holds(*x.row, sep, n, Ident::row_sum);
      bool as_cell = row_holds(*x.row, x.vi, n, Ident::row_sum);
      if (as_sep) {
        bool amb = false;
        std::vector<Slot> s2 = place(*x.row, sep, n, Ident::row_sum, nullptr, amb);
        std::vector<Slot> s1 = std::move(x.slots);
        x.slots = s2;
        x.ambiguous = amb;
        x.kind = static_cast<int>(sep.size()) == n ? T3Row::full : T3Row::partial;
        if (as_cell)
          for (int c = 0; c < n; ++c) {
            Slot& a = x.slots[static_cast<std::size_t>(c)];
            const Slot& b = s1[static_cast<std::size_t>(c)];
            auto val = [&](const Slot& q) {
              return q.idx < 0 ? Decimal(0) : printed_value(x.row->parsed[static_cast<std::size_t>(q.idx)]);
            };
            if (a.known && (!b.known || !(val(a) == val(b)))) {
              a.known = false;
              x.ambiguous = true;
            }
          }
        x.vi = std::move(sep);
      }
    }
  }
  // alignment
  Aligner al;
  al.n = static_cast<int>(v.rows.size());
  al.m = static_cast<int>(v.tpl.size());
  al.match.assign(static_cast<std::size_t>(al.n) * static_cast<std::size_t>(al.m), kNeg);
  al.skip_row.assign(static_cast<std::size_t>(al.n), 0);
  for (int i = 0; i < al.n; ++i) {
    const T3Row& x = v.rows[static_cast<std::size_t>(i)];
    for (int t = 0; t < al.m; ++t) {
      std::int64_t sc = kNeg;
      double s = x.s[static_cast<std::size_t>(t)];
      if (x.labelled) {
        if (s >= 0.5) {
          auto q = static_cast<std::int64_t>(s * 1000.0 + 0.5);
          sc = x.kind == T3Row::full      ? 1000 + q
               : x.kind == T3Row::partial ? 600 + q
               : x.kind == T3Row::blank_row ? 400 + q / 2
                                            : q / 10;
        }
      } else {
        sc = x.kind == T3Row::full ? 1000 : x.kind == T3Row::partial ? 300 : kNeg;
      }
      al.match[static_cast<std::size_t>(i) * static_cast<std::size_t>(al.m) + static_cast<std::size_t>(t)] = sc;
    }
    al.skip_row[static_cast<std::size_t>(i)] =
        x.kind == T3Row::label_only || x.kind == T3Row::blank_row ? 0 : x.labelled ? -800 : x.kind == T3Row::full ? -300 : 0;
  }
  v.score = al.run();
  v.alignments = al.best(24);
  return v;
}

// The known cells of an alignment: grid[t][c].
using Grid = std::vector<std::array<Known, 7>>;

Grid t3_grid(const T3Variant& v, const std::vector<int>& assign) {
  Grid g(v.tpl.size());
  for (std::size_t t = 0; t < v.tpl.size(); ++t) {
    int i = assign[t];
    if (i < 0) continue;
    const T3Row& x = v.rows[static_cast<std::size_t>(i)];
    if (x.kind == T3Row::label_only) continue;
    for (int c = 0; c < 7; ++c) {
      const Slot& s = x.slots[static_cast<std::size_t>(c)];
      if (!s.known) continue;
      Known k;
      k.known = true;
      k.row = x.row;
      k.idx = s.idx;
      k.blank_at = blank_place(*x.row);
      g[t][static_cast<std::size_t>(c)] = k;
    }
  }
  return g;
}

bool same_grid(const Grid& a, const Grid& b) {
  for (std::size_t t = 0; t < a.size(); ++t)
    for (std::size_t c = 0; c < 7; ++c) {
      const Known &x = a[t][c], &y = b[t][c];
      if (x.known != y.known) return false;
      if (x.known && !(known_value(x) == known_value(y))) return false;
    }
  return true;
}

int t3_violations(const T3Variant& v, const Grid& g) {
  auto row_of = [&](std::string_view key) -> int {
    for (std::size_t t = 0; t < v.tpl.size(); ++t)
      if (v.tpl[t].key == key) return static_cast<int>(t);
    return -1;
  };
  int bad = 0;
  // ROW
  for (const auto& r : g) {
    bool all = true;
    for (const Known& k : r) all = all && k.known;
    if (!all || known_blank(r[6])) continue;
    Decimal s(0);
    for (int c = 0; c < 6; ++c) s = dsum(s, known_value(r[static_cast<std::size_t>(c)]));
    if (!(s == known_value(r[6]))) ++bad;
  }
  int nw = row_of("new"), ci = row_of("carried_in"), tot = row_of("r.total"), co = row_of("carried_out");
  for (std::size_t c = 0; c < 7; ++c) {
    // BAL
    if (nw >= 0 && ci >= 0 && tot >= 0 && co >= 0) {
      const Known &a = g[static_cast<std::size_t>(nw)][c], &b = g[static_cast<std::size_t>(ci)][c],
                  &x = g[static_cast<std::size_t>(tot)][c], &y = g[static_cast<std::size_t>(co)][c];
      if (a.known && b.known && x.known && y.known &&
          !(dsum(known_value(a), known_value(b)) == dsum(known_value(x), known_value(y))))
        ++bad;
    }
    // RES
    if (tot >= 0 && g[static_cast<std::size_t>(tot)][c].known && !known_blank(g[static_cast<std::size_t>(tot)][c])) {
      Decimal s(0);
      bool all = true;
      for (std::size_t t = 0; t < v.tpl.size(); ++t) {
        if (v.tpl[t].group.empty() || static_cast<int>(t) == tot) continue;
        if (!g[t][c].known) all = false;
        else s = dsum(s, known_value(g[t][c]));
      }
      if (all && !(s == known_value(g[static_cast<std::size_t>(tot)][c]))) ++bad;
    }
  }
  return bad;
}

}  // namespace

double row_similarity(const Row& row, std::string_view label) {
  std::vector<Key> alts = alternatives(label);
  std::vector<Key> cands = candidates(row, {}, {}, 2);
  return best_sim(cands, alts);
}

// ---------------------------------------------------------------------------

Result match_apply(const Doc& doc, const std::vector<Row>& all_rows, Format hint) {
  Result res;
  // the data rows start at 一、本年新收 / 二、上年结转, or at the first complete row
  std::vector<const Row*> rows;
  {
    std::vector<Key> first = alternatives("一、本年新收政府信息公开申请数量|二、上年结转政府信息公开申请数量");
    std::size_t z = all_rows.size();
    for (std::size_t i = 0; i < all_rows.size(); ++i) {
      const Row& r = all_rows[i];
      if (best_sim(candidates(r, {}, {}, 3), first) >= 0.6 || r.filled() >= 5) {
        z = i;
        break;
      }
    }
    for (std::size_t i = z; i < all_rows.size() && rows.size() < kMaxRows; ++i) rows.push_back(&all_rows[i]);
  }
  if (rows.empty()) return res;
  std::vector<int> header_ref;
  {
    std::size_t z = all_rows.size();
    for (std::size_t i = 0; i < all_rows.size(); ++i)
      if (&all_rows[i] == rows.front()) z = i;
    header_ref = header_columns(doc, all_rows, z);
  }
  T3Variant v21 = t3_variant(rows, Format::f2021, header_ref);
  T3Variant v19 = t3_variant(rows, Format::f2019, header_ref);
  bool use19 = v19.score > v21.score || (v19.score == v21.score && hint == Format::f2019);
  T3Variant& v = use19 ? v19 : v21;
  if (v.alignments.empty()) return res;

  // distinct grids of the optimal alignments; identities choose among them
  std::vector<Grid> grids;
  std::vector<int> which;
  for (std::size_t a = 0; a < v.alignments.size(); ++a) {
    Grid g = t3_grid(v, v.alignments[a]);
    bool dup = false;
    for (const Grid& o : grids) dup = dup || same_grid(o, g);
    if (!dup) {
      grids.push_back(std::move(g));
      which.push_back(static_cast<int>(a));
    }
  }
  Span tspan = rows_span(doc, rows);
  if (grids.size() > 1) {
    std::vector<int> viol;
    int best = 1 << 30;
    for (const Grid& g : grids) {
      viol.push_back(t3_violations(v, g));
      best = std::min(best, viol.back());
    }
    std::vector<Grid> keep;
    for (std::size_t k = 0; k < grids.size(); ++k)
      if (viol[k] == best) keep.push_back(grids[k]);
    if (keep.size() == 1) {
      res.findings.push_back(ambiguity("表三的行对齐有多种可能，已按表内勾稽关系选定唯一一种",
                                       "table 3 rows could be aligned in several ways; the table identities chose one",
                                       tspan, {}, Severity::info, "table.realigned"));
    }
    grids = std::move(keep);
  }
  // cells all remaining grids agree on
  Grid g = grids.front();
  std::vector<std::string> unsure;
  for (std::size_t t = 0; t < g.size(); ++t)
    for (std::size_t c = 0; c < 7; ++c) {
      bool agree = g[t][c].known;
      for (std::size_t k = 1; k < grids.size() && agree; ++k)
        agree = grids[k][t][c].known && known_value(grids[k][t][c]) == known_value(g[t][c]);
      if (!agree && g[t][c].known) {
        g[t][c].known = false;
        std::string id = t3_indicator(v.tpl[t].key, v.format);
        if (std::find(unsure.begin(), unsure.end(), id) == unsure.end()) unsure.push_back(id);
      }
    }
  // rows that lost cells and could not be placed
  const std::vector<int>& chosen = v.alignments[static_cast<std::size_t>(which.front())];
  for (std::size_t t = 0; t < v.tpl.size(); ++t) {
    int i = chosen[t];
    if (i >= 0 && v.rows[static_cast<std::size_t>(i)].ambiguous) {
      std::string id = t3_indicator(v.tpl[t].key, v.format);
      if (std::find(unsure.begin(), unsure.end(), id) == unsure.end()) unsure.push_back(id);
    }
  }
  if (!unsure.empty()) {
    res.findings.push_back(ambiguity("表三部分单元格无法唯一确定（空单元格被删除或行标签缺失），未采用",
                                     "table 3: some cells cannot be placed uniquely (dropped empty cells or lost "
                                     "row labels); they were left out",
                                     tspan, unsure));
  }

  // a value the converter displaced out of its (now empty) cell: a lone
  // number left over that equals what the identities give for exactly one
  // empty cell (T3-ROW for the 总计 column, T3-BAL for 结转下年度)
  {
    std::vector<bool> used(v.rows.size(), false);
    for (std::size_t t = 0; t < chosen.size(); ++t)
      if (chosen[t] >= 0) used[static_cast<std::size_t>(chosen[t])] = true;
    auto row_of = [&](std::string_view key) -> int {
      for (std::size_t t = 0; t < v.tpl.size(); ++t)
        if (v.tpl[t].key == key) return static_cast<int>(t);
      return -1;
    };
    int nw = row_of("new"), ci = row_of("carried_in"), tot = row_of("r.total"), co = row_of("carried_out");
    for (std::size_t i = 0; i < v.rows.size(); ++i) {
      const T3Row& x = v.rows[i];
      if (used[i] || x.vi.size() != 1 || x.row->values.size() != 1) continue;
      const tt::Value& sv = x.row->parsed[0];
      if (sv.kind != tt::ValueKind::number || sv.number.is_zero()) continue;
      int hits = 0;
      std::size_t ht = 0, hc = 0;
      for (std::size_t t = 0; t < g.size(); ++t)
        for (std::size_t c = 0; c < 7; ++c) {
          const Known& k = g[t][c];
          if (!k.known || k.idx < 0 || !known_blank(k)) continue;  // only printed empty cells
          std::vector<Decimal> implied;
          if (c == 6) {
            bool all = true;
            Decimal s(0);
            for (std::size_t a = 0; a < 6; ++a) {
              all = all && g[t][a].known;
              s = dsum(s, known_value(g[t][a]));
            }
            if (all) implied.push_back(s);
          }
          if (static_cast<int>(t) == co && nw >= 0 && ci >= 0 && tot >= 0) {
            const Known &a = g[static_cast<std::size_t>(nw)][c], &b = g[static_cast<std::size_t>(ci)][c],
                        &r = g[static_cast<std::size_t>(tot)][c];
            if (a.known && b.known && r.known) {
              auto d = Decimal::sub(dsum(known_value(a), known_value(b)), known_value(r));
              if (d) implied.push_back(*d);
            }
          }
          if (implied.empty()) continue;
          bool ok = true;
          for (const Decimal& d : implied) ok = ok && d == sv.number;
          if (ok) {
            ++hits;
            ht = t;
            hc = c;
          }
        }
      if (hits == 1) {
        g[ht][hc].row = x.row;
        g[ht][hc].idx = 0;
        res.findings.push_back(ambiguity("表三一个数字被转换移出了单元格，已按勾稽关系放回",
                                         "table 3: a number displaced out of its cell by the conversion was put back "
                                         "where the identities place it",
                                         row_span(doc, *x.row), {t3_indicator(v.tpl[ht].key, v.format)},
                                         Severity::info, "table.realigned"));
      }
    }
  }

  RawTable& out = res.table;
  out.format = v.format;
  out.grid.kind = TableKind::apply;
  out.grid.caption = "收到和处理政府信息公开申请情况";
  out.grid.rows = static_cast<int>(v.tpl.size());
  out.grid.cols = 7;
  auto cols = tp::t3_columns();
  for (std::size_t t = 0; t < g.size(); ++t) {
    std::string id = t3_indicator(v.tpl[t].key, v.format);
    for (std::size_t c = 0; c < 7; ++c) {
      if (!g[t][c].known || id.empty()) continue;
      add_cell(doc, out, static_cast<int>(t), static_cast<int>(c), g[t][c], id, cols[c], "件");
      ++res.rows_used;
    }
  }
  out.span = tspan;
  // a table without values is still the table when several of its row labels are printed
  res.matched = !out.grid.cells.empty() ||
                std::count_if(v.rows.begin(), v.rows.end(), [](const T3Row& x) { return x.best >= 0.8; }) >= 3;
  return res;
}

// ---------------------------------------------------------------------------
// table 二

namespace {

std::vector<std::string_view> split_bar(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (!s.empty()) {
    std::size_t bar = s.find('|', start);
    out.push_back(s.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

}  // namespace

Result match_disclosure(const Doc& doc, const std::vector<Row>& rows, Format hint) {
  Result res;
  auto tpl = tp::t2_rows();
  std::vector<std::vector<Key>> alts;
  for (const tp::DisclosureRow& r : tpl) alts.push_back(alternatives(r.labels));
  // format votes: header words, then row shapes
  int v21 = 0, v19 = 0;
  auto h21 = tp::t2_headers(Format::f2021);
  auto h19 = tp::t2_headers(Format::f2019);
  std::vector<std::u32string> k21, k19;
  for (auto h : h21) k21.push_back(tt::squash(h));
  for (auto h : h19) k19.push_back(tt::squash(h));
  for (const Row& r : rows)
    for (const RCell& c : r.labels) {
      std::u32string s = tt::squash(c.text, 400);
      for (const auto& k : k21) v21 += tt::contains(s, k) ? 1 : 0;
      for (const auto& k : k19) v19 += tt::contains(s, k) ? 1 : 0;
    }
  // best row per template item (label similarity), values kept
  struct Pick {
    const Row* row = nullptr;
    double s = 0;
  };
  std::vector<Pick> picks(tpl.size());
  bool labels_seen = false;
  for (std::size_t ri = 0; ri < rows.size(); ++ri) {
    const Row& r = rows[ri];
    if (r.values.empty()) {
      if (!labels_seen) {
        std::vector<Key> cands = candidates(r, {}, {}, 2);
        for (const auto& a : alts) labels_seen = labels_seen || best_sim(cands, a) >= 0.8;
      }
      continue;
    }
    std::vector<Key> cands = candidates(r, {}, {}, 2);
    // a label wrapped onto the lines next to its numbers ("行政规范性" / "文件 6 2 30")
    for (int d : {-1, 1}) {
      std::size_t k = ri + static_cast<std::size_t>(d);
      if (k >= rows.size() || !rows[k].values.empty() || rows[k].labels.size() != 1 || !rows[k].plain ||
          !r.plain || std::abs(rows[k].first_line - (d < 0 ? r.first_line : r.last_line)) != 1)
        continue;
      std::u32string joined = d < 0 ? tt::squash(rows[k].labels[0].text, 80) : std::u32string();
      for (const RCell& c : r.labels) joined += tt::squash(c.text, 80);
      if (d > 0) joined += tt::squash(rows[k].labels[0].text, 80);
      cands.push_back(make_key(tt::label_key(joined)));
    }
    double best = 0;
    std::size_t bt = 0;
    for (std::size_t t = 0; t < tpl.size(); ++t) {
      double s = best_sim(cands, alts[t]);
      if (s > best) best = s, bt = t;
    }
    if (best < 0.6) continue;
    if (r.filled() == 0 && !r.explicit_cells) continue;
    if (best > picks[bt].s) picks[bt] = Pick{&r, best};
  }
  for (std::size_t t = 0; t < tpl.size(); ++t) {
    if (!picks[t].row) continue;
    std::string_view key = tpl[t].key;
    if (key == "other_services" || key == "procurement") v19 += 2;
    if (key == "licensing" || key == "penalty" || key == "coercion") {
      int f = picks[t].row->filled();
      if (f >= 2) ++v19;
      else if (f == 1) ++v21;
    }
  }
  Format f = v19 > v21 ? Format::f2019 : v21 > v19 ? Format::f2021 : (hint == Format::f2019 ? Format::f2019 : Format::f2021);

  // Cells a converter pulled out of the table (PDF → Markdown moves a
  // multi-line cell such as "55（含自然失效 29 件）" above the table): lone
  // numbers of the region that belong to no row. When as many rows of the
  // （一） block each lack exactly one cell, they are given back in order, to
  // the column their annotation names (制发/修订 → 制发, 废止/失效 → 废止,
  // 现行有效 → 现行有效); without such a word the row stays ambiguous.
  struct Displaced {
    const Row* row;
    int idx;
    std::u32string note;
  };
  std::vector<Displaced> displaced;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    if (std::any_of(picks.begin(), picks.end(), [&](const Pick& p) { return p.row == &r; })) continue;
    if (r.values.size() != 1 || r.parsed[0].kind != tt::ValueKind::number || r.last_line == r.first_line) continue;
    Displaced d{&r, 0, tt::squash(r.values[0].text.substr(r.parsed[0].end), 60)};
    if (i + 1 < rows.size() && !rows[i + 1].labels.empty() && rows[i + 1].first_line == r.last_line + 1) {
      std::u32string next = tt::squash(rows[i + 1].labels.front().text, 60);
      if (!next.empty() && next[0] == U'(') d.note += next;
    }
    displaced.push_back(std::move(d));
  }
  std::vector<std::size_t> short_rows;
  for (std::size_t t = 0; t < tpl.size(); ++t) {
    std::string_view colspec = f == Format::f2019 ? tpl[t].cols2019 : tpl[t].cols2021;
    const Row* r = picks[t].row;
    if (!r || split_bar(colspec).size() != 3) continue;
    int filled = r->filled();
    if (filled == 2 && (r->values.size() == 2 || r->parsed.back().kind == tt::ValueKind::empty)) short_rows.push_back(t);
  }
  std::vector<std::pair<int, const Displaced*>> give_back(tpl.size(), {-1, nullptr});  // column, cell
  if (!short_rows.empty() && short_rows.size() == displaced.size() && f == Format::f2021) {
    for (std::size_t k = 0; k < short_rows.size(); ++k) {
      const std::u32string& note = displaced[k].note;
      int col = -1;
      for (std::u32string_view w : {U"废止", U"失效", U"撤销", U"废除"})
        if (tt::contains(note, w)) col = 1;
      if (col < 0)
        for (std::u32string_view w : {U"现行有效", U"累计"})
          if (tt::contains(note, w)) col = 2;
      if (col < 0)
        for (std::u32string_view w : {U"制发", U"制定", U"修订", U"修改", U"新制", U"出台", U"印发"})
          if (tt::contains(note, w)) col = 0;
      if (col >= 0) give_back[short_rows[k]] = {col, &displaced[k]};
    }
  }

  RawTable& out = res.table;
  out.format = f;
  out.grid.kind = TableKind::disclosure;
  out.grid.caption = "主动公开政府信息情况";
  out.grid.cols = 3;
  int r_out = 0;
  std::vector<const Row*> used;
  std::vector<std::string> unsure;
  bool any = false;
  for (std::size_t t = 0; t < tpl.size(); ++t) {
    std::string_view colspec = f == Format::f2019 ? tpl[t].cols2019 : tpl[t].cols2021;
    if (colspec.empty()) continue;
    int row_index = r_out++;
    const Row* r = picks[t].row;
    if (!r) continue;
    any = true;
    used.push_back(r);
    std::vector<std::string_view> cols = split_bar(colspec);
    int n = static_cast<int>(cols.size());
    std::vector<int> vi;
    for (std::size_t j = 0; j < r->values.size(); ++j) vi.push_back(static_cast<int>(j));
    while (static_cast<int>(vi.size()) > n && r->parsed[static_cast<std::size_t>(vi.back())].kind == tt::ValueKind::empty)
      vi.pop_back();
    if (static_cast<int>(vi.size()) > n) vi.resize(static_cast<std::size_t>(n));
    bool amb = false;
    std::vector<Slot> slots;
    const Row* given_row = nullptr;
    int given_col = give_back[t].first;
    if (given_col >= 0) {
      // the displaced cell at its column, the printed values in order around it
      std::vector<int> printed;
      for (int j : vi)
        if (r->parsed[static_cast<std::size_t>(j)].kind != tt::ValueKind::empty) printed.push_back(j);
      slots.assign(static_cast<std::size_t>(n), Slot{});
      std::size_t p = 0;
      for (int c = 0; c < n; ++c)
        if (c != given_col && p < printed.size()) slots[static_cast<std::size_t>(c)] = Slot{true, printed[p++]};
      given_row = give_back[t].second->row;
      used.push_back(given_row);
      res.findings.push_back(ambiguity("表二一个被转换移出表格的单元格已按其注释放回原列",
                                       "table 2: a cell the conversion moved out of the table was put back in the "
                                       "column its annotation names",
                                       row_span(doc, *given_row), {}, Severity::info, "table.realigned"));
    } else {
      slots = place(*r, vi, n, Ident::none, nullptr, amb);
    }
    for (int c = 0; c < n; ++c) {
      if (c == given_col && given_row) {
        const Indicator* ind = find_table_indicator(TableKind::disclosure, tpl[t].key, cols[static_cast<std::size_t>(c)], f);
        if (ind) add_cell(doc, out, row_index, c, Known{true, given_row, 0, {}}, std::string(ind->id), Applicant::none, ind->unit);
        continue;
      }
      const Indicator* ind = find_table_indicator(TableKind::disclosure, tpl[t].key, cols[static_cast<std::size_t>(c)], f);
      if (!ind) continue;
      const Slot& s = slots[static_cast<std::size_t>(c)];
      if (!s.known) {
        unsure.emplace_back(ind->id);
        continue;
      }
      Known k{true, r, s.idx, blank_place(*r)};
      std::string_view unit = ind->unit;
      if (tpl[t].key == "procurement" && cols[static_cast<std::size_t>(c)] == "amount") unit = "";
      add_cell(doc, out, row_index, c, k, std::string(ind->id), Applicant::none, unit);
    }
  }
  out.grid.rows = r_out;
  out.span = rows_span(doc, used);
  if (!unsure.empty())
    res.findings.push_back(ambiguity("表二部分单元格缺失，无法确定所在列，未采用",
                                     "table 2: cells are missing from some rows and the remaining values cannot be "
                                     "placed in their columns uniquely; they were left out",
                                     out.span, unsure));
  res.matched = any || labels_seen;
  res.rows_used = static_cast<int>(used.size());
  return res;
}

// ---------------------------------------------------------------------------
// table 四

Result match_review(const Doc& doc, const std::vector<Row>& rows) {
  Result res;
  struct V {
    const Row* row;
    int idx;
  };
  std::vector<V> vals;
  std::vector<const Row*> used;
  for (const Row& r : rows) {
    if (vals.size() >= 15) break;
    if (r.values.empty()) continue;
    // a row of empty cells is data only when it stands alone (an all-blank table); after
    // header labels it is colspan padding
    if (r.filled() == 0 && (!r.explicit_cells || !r.labels.empty() || r.values.size() < 5)) continue;
    std::size_t n = r.values.size();
    while (n > 0 && vals.size() + n > 15 && r.parsed[n - 1].kind == tt::ValueKind::empty) --n;
    for (std::size_t j = 0; j < n && vals.size() < 15; ++j) vals.push_back({&r, static_cast<int>(j)});
    used.push_back(&r);
  }
  RawTable& out = res.table;
  if (vals.empty()) {
    for (const Row& r : rows)
      for (const RCell& c : r.labels) {
        std::u32string s = tt::squash(c.text, 60);
        if (tt::contains(s, U"结果维持") || tt::contains(s, U"尚未审结") || tt::contains(s, U"复议后起诉")) {
          res.matched = true;
          out.grid.kind = TableKind::review_litigation;
          out.grid.caption = "政府信息公开行政复议、行政诉讼情况";
          out.grid.rows = 3;
          out.grid.cols = 5;
          out.span = rows_span(doc, {&r});
          return res;
        }
      }
    return res;
  }
  out.grid.kind = TableKind::review_litigation;
  out.grid.caption = "政府信息公开行政复议、行政诉讼情况";
  out.grid.rows = 3;
  out.grid.cols = 5;
  out.span = rows_span(doc, used);
  auto groups = tp::t4_groups();
  auto cols = tp::t4_columns();
  std::vector<Known> cells(15);
  if (vals.size() == 15) {
    for (std::size_t k = 0; k < 15; ++k) cells[k] = Known{true, vals[k].row, vals[k].idx, blank_place(*vals[k].row)};
  } else {
    // the values of one row placed by T4-SUM (all values come from rows that lost cells)
    Row merged;
    std::vector<int> vi;
    for (const V& x : vals) {
      merged.values.push_back(x.row->values[static_cast<std::size_t>(x.idx)]);
      merged.parsed.push_back(x.row->parsed[static_cast<std::size_t>(x.idx)]);
      vi.push_back(static_cast<int>(vi.size()));
    }
    bool amb = false;
    std::vector<Slot> slots = place(merged, vi, 15, Ident::t4_sum, nullptr, amb);
    std::vector<std::string> unsure;
    for (std::size_t k = 0; k < 15; ++k) {
      const Slot& s = slots[k];
      if (!s.known) {
        const Indicator* ind = find_table_indicator(TableKind::review_litigation, groups[k / 5], cols[k % 5]);
        if (ind) unsure.emplace_back(ind->id);
        continue;
      }
      if (s.idx >= 0) cells[k] = Known{true, vals[static_cast<std::size_t>(s.idx)].row, vals[static_cast<std::size_t>(s.idx)].idx, {}};
      else cells[k] = Known{true, nullptr, -1, blank_place(*vals.front().row)};
    }
    if (!unsure.empty())
      res.findings.push_back(ambiguity("表四数值不足15个，部分单元格无法唯一确定，未采用",
                                       "table 4 has fewer than 15 values; cells that cannot be placed uniquely were "
                                       "left out",
                                       out.span, unsure));
  }
  for (std::size_t k = 0; k < 15; ++k) {
    if (!cells[k].known) continue;
    const Indicator* ind = find_table_indicator(TableKind::review_litigation, groups[k / 5], cols[k % 5]);
    if (!ind) continue;
    add_cell(doc, out, static_cast<int>(k / 5), static_cast<int>(k % 5), cells[k], std::string(ind->id),
             Applicant::none, ind->unit);
  }
  res.matched = !out.grid.cells.empty();
  res.rows_used = static_cast<int>(used.size());
  return res;
}

// ---------------------------------------------------------------------------
// legacy 统计表

Result match_legacy(const Doc& doc, const std::vector<Row>& rows) {
  Result res;
  auto tpl = tp::legacy_rows();
  std::vector<std::vector<Key>> alts;
  for (const tp::SeqRow& r : tpl) {
    const Indicator* ind = r.key[0] == '-' ? nullptr : find_table_indicator(TableKind::legacy_stats, r.key, "");
    alts.push_back(alternatives(r.label, ind ? ind->table_labels : std::string_view{}));
  }
  static constexpr std::string_view kUnits[] = {"条", "件", "次", "篇", "个", "人", "人次", "万元", "元"};
  std::vector<const Row*> cand;
  std::vector<std::vector<double>> sims;
  for (const Row& r : rows) {
    if (cand.size() >= kMaxRows) break;
    // the label: leading cells except a 序号 and the unit column
    Row lr;
    for (const RCell& c : r.labels) {
      bool unit = std::find(std::begin(kUnits), std::end(kUnits), c.text) != std::end(kUnits);
      if (!unit) lr.labels.push_back(c);
    }
    std::vector<Key> cands = candidates(lr, {}, {}, 3);
    if (cands.empty()) continue;
    std::vector<double> s;
    double best = 0;
    for (const auto& a : alts) {
      s.push_back(best_sim(cands, a));
      best = std::max(best, s.back());
    }
    if (best < 0.7) continue;
    cand.push_back(&r);
    sims.push_back(std::move(s));
  }
  if (cand.size() < 4) return res;  // a few look-alike lines are not the 统计表
  // An empty form (no figures) is read only when nothing but its rows stands
  // between them: the section headings of a prose report that echo the block
  // rows (一、主动公开情况 … 八、机构建设和保障经费情况) are not a 统计表.
  int with_values = 0;
  for (const Row* r : cand) with_values += r->filled() > 0 ? 1 : 0;
  if (with_values < 4) {
    int a = cand.front()->first_line, b = cand.back()->last_line;
    for (int l = std::max(a, 0); l <= b && l < static_cast<int>(doc.lines.size()); ++l) {
      const Line& line = doc.lines[static_cast<std::size_t>(l)];
      if (!line.boilerplate && tt::looks_like_prose(doc.text(line.span))) return res;
    }
  }
  Aligner al;
  al.n = static_cast<int>(cand.size());
  al.m = static_cast<int>(tpl.size());
  al.match.assign(static_cast<std::size_t>(al.n) * static_cast<std::size_t>(al.m), kNeg);
  al.skip_row.assign(static_cast<std::size_t>(al.n), -300);
  for (int i = 0; i < al.n; ++i)
    for (int t = 0; t < al.m; ++t) {
      double s = sims[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)];
      if (s >= 0.7) al.match[static_cast<std::size_t>(i) * static_cast<std::size_t>(al.m) + static_cast<std::size_t>(t)] =
          static_cast<std::int64_t>(s * 1000.0 + 0.5);
    }
  al.run();
  auto best = al.best(2);
  if (best.empty()) return res;
  const std::vector<int>& assign = best.front();
  RawTable& out = res.table;
  out.format = Format::legacy;
  out.grid.kind = TableKind::legacy_stats;
  out.grid.caption = "政府信息公开情况统计表";
  out.grid.rows = static_cast<int>(tpl.size());
  out.grid.cols = 1;
  std::vector<std::string> unsure;
  // 代码 columns (定西: "主动公开信息数 | 条 | 01"): zero-padded or consecutive row numbers
  {
    std::vector<Decimal> nums;
    bool padded = false;
    for (std::size_t t = 0; t < tpl.size(); ++t) {
      int i = assign[t];
      if (i < 0) continue;
      const Row* r = cand[static_cast<std::size_t>(i)];
      for (std::size_t j = 0; j < r->values.size(); ++j)
        if (r->parsed[j].kind == tt::ValueKind::number) {
          nums.push_back(r->parsed[j].number);
          std::string_view tx = r->values[j].text;
          if (tx.size() >= 2 && tx[0] == '0' && tx[1] >= '0' && tx[1] <= '9') padded = true;
          break;
        }
    }
    int steps = 0;
    bool increasing = nums.size() >= 4;
    for (std::size_t k = 1; k < nums.size(); ++k) {
      if (!(nums[k - 1] < nums[k])) increasing = false;
      auto d = Decimal::sub(nums[k], nums[k - 1]);
      if (d && *d == Decimal(1)) ++steps;
    }
    if (padded || (increasing && 5 * steps >= 3 * static_cast<int>(nums.size() - 1))) {
      out.span = rows_span(doc, cand);
      res.matched = true;
      res.rows_used = static_cast<int>(cand.size());
      return res;  // the form's layout is known, its numbers are row codes
    }
  }
  for (std::size_t t = 0; t < tpl.size(); ++t) {
    int i = assign[t];
    if (i < 0 || tpl[t].key[0] == '-') continue;
    const Row* r = cand[static_cast<std::size_t>(i)];
    // the statistic: the single number in the row (a form with several value columns is not read)
    int num = -1, count = 0;
    for (std::size_t j = 0; j < r->values.size(); ++j)
      if (r->parsed[j].kind == tt::ValueKind::number) num = static_cast<int>(j), ++count;
    if (count != 1) continue;
    const Indicator* ind = find_table_indicator(TableKind::legacy_stats, tpl[t].key, "");
    if (!ind) continue;
    if (best.size() > 1 && best[1][t] != i) {
      unsure.emplace_back(ind->id);
      continue;
    }
    add_cell(doc, out, static_cast<int>(t), 0, Known{true, r, num, {}}, std::string(ind->id), Applicant::none,
             ind->unit);
  }
  out.span = rows_span(doc, cand);
  if (!unsure.empty())
    res.findings.push_back(ambiguity("统计表部分行无法唯一对应", "legacy table: some rows match more than one template row",
                                     out.span, unsure));
  res.matched = true;
  res.rows_used = static_cast<int>(cand.size());
  return res;
}

}  // namespace ogi::detail::table_match
