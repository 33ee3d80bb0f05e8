// lib/facts/table_facts: the cells of the official tables → Facts.
//
// lib/structure/tables has already matched every table to its template and
// recorded, per cell, the indicator, the applicant column and the value read
// (RawTable::info). Here each such cell becomes a Fact with origin "table"
// (blank cells: value 0, blank = true; markers "/", "-", "无": value 0 with
// Fact::marker set), and the subtotals the template does not print are
// added with origin "derived" when every cell they need was read:
//   table 三: 不予公开 / 无法提供 / 不予处理 (and 2021 其他处理) in the 总计 column,
//             each row's 总计 cell, or the sum of its six applicant cells when
//             the 总计 cell was left blank (Shanghai 2019 leaves them blank);
//   table 四: litigation.total = 未经复议直接起诉 总计 + 复议后起诉 总计.
#include <array>
#include <map>
#include <optional>
#include <string>

#include "doc.hpp"
#include "ogi/catalogue.hpp"

namespace ogi::detail {
namespace {

// Index path of the deepest section whose span holds `at`.
std::vector<int> section_path(const std::vector<Section>& sections, std::size_t at) {
  std::vector<int> path;
  const std::vector<Section>* level = &sections;
  while (level) {
    const std::vector<Section>* next = nullptr;
    for (std::size_t i = 0; i < level->size(); ++i) {
      const Section& s = (*level)[i];
      if (s.span.begin <= at && at < s.span.end) {
        path.push_back(static_cast<int>(i));
        next = &s.children;
        break;
      }
    }
    level = next;
  }
  return path;
}

struct CellRef {
  const Cell* cell = nullptr;
  const CellInfo* info = nullptr;
};

std::optional<Decimal> add(std::optional<Decimal> a, Decimal b) {
  if (!a) return a;
  return Decimal::add(*a, b);
}

Span cover(Span a, Span b) {
  if (a.empty() && a.begin == 0 && a.end == 0) return b;
  return Span{std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

void derived_fact(Doc& doc, std::string_view id, Decimal value, Applicant app, Span span, int table) {
  Fact f;
  f.indicator = std::string(id);
  f.value = value;
  const Indicator* ind = find_indicator(id);
  f.unit = ind ? std::string(ind->unit) : std::string("件");
  f.applicant = app;
  f.origin = Origin::derived;
  f.span = span;
  f.table = table;
  f.section = section_path(doc.sections, span.begin);
  doc.facts.push_back(std::move(f));
}

// Table 三: the 总计 of a row: the printed cell, or Σ applicants when it is blank.
std::optional<Decimal> row_total(const std::map<std::pair<int, int>, CellRef>& cells, int row, Span& span) {
  auto it = cells.find({row, 6});
  if (it != cells.end() && !it->second.info->blank && it->second.info->marker.empty()) {
    span = cover(span, it->second.info->number);
    return it->second.info->value;
  }
  std::optional<Decimal> s = Decimal(0);
  for (int c = 0; c < 6; ++c) {
    auto a = cells.find({row, c});
    if (a == cells.end()) return std::nullopt;  // a cell was not read: no exact subtotal
    if (!a->second.info->blank) span = cover(span, a->second.info->number);
    s = add(s, a->second.info->value);
  }
  return s;
}

void apply_subtotals(Doc& doc, const RawTable& t, int ti) {
  std::map<std::pair<int, int>, CellRef> cells;
  std::map<std::string, int> row_of;  // indicator -> grid row
  for (std::size_t k = 0; k < t.grid.cells.size(); ++k) {
    const Cell& c = t.grid.cells[k];
    cells[{c.row, c.col}] = CellRef{&c, &t.info[k]};
    row_of.emplace(t.info[k].indicator, c.row);
  }
  struct Group {
    std::string_view id;
    std::string_view prefix;
    int rows;
  };
  static constexpr Group kGroups[] = {
      {"apply.result.refused", "apply.result.refused.", 8},
      {"apply.result.unavailable", "apply.result.unavailable.", 3},
      {"apply.result.not_processed", "apply.result.not_processed.", 5},
      {"apply.result.other", "apply.result.other.", 3},
  };
  for (const Group& g : kGroups) {
    std::vector<int> rows;
    for (const auto& [id, r] : row_of)
      if (id.size() > g.prefix.size() && id.compare(0, g.prefix.size(), g.prefix) == 0) rows.push_back(r);
    if (static_cast<int>(rows.size()) != g.rows) continue;  // not this format, or rows not read
    std::optional<Decimal> sum = Decimal(0);
    Span span{};
    for (int r : rows) {
      auto v = row_total(cells, r, span);
      if (!v) {
        sum.reset();
        break;
      }
      sum = add(sum, *v);
    }
    if (sum) derived_fact(doc, g.id, *sum, Applicant::total, span, ti);
  }
}

void review_subtotals(Doc& doc, const RawTable& t, int ti) {
  std::map<std::pair<int, int>, const CellInfo*> cells;
  for (std::size_t k = 0; k < t.grid.cells.size(); ++k)
    cells[{t.grid.cells[k].row, t.grid.cells[k].col}] = &t.info[k];
  // the 总计 of a group: printed, or the sum of its four parts when blank
  auto group_total = [&](int g, Span& span) -> std::optional<Decimal> {
    auto it = cells.find({g, 4});
    if (it == cells.end()) return std::nullopt;
    if (!it->second->blank && it->second->marker.empty()) {
      span = cover(span, it->second->number);
      return it->second->value;
    }
    std::optional<Decimal> s = Decimal(0);
    for (int c = 0; c < 4; ++c) {
      auto a = cells.find({g, c});
      if (a == cells.end()) return std::nullopt;
      s = add(s, a->second->value);
    }
    span = cover(span, it->second->number);
    return s;
  };
  Span span{};
  auto d = group_total(1, span), r = group_total(2, span);
  if (d && r)
    if (auto s = Decimal::add(*d, *r)) derived_fact(doc, "litigation.total", *s, Applicant::none, span, ti);
}

}  // namespace

void table_facts(Doc& doc) {
  for (std::size_t ti = 0; ti < doc.tables.size(); ++ti) {
    const RawTable& t = doc.tables[ti];
    if (t.grid.absent || t.info.size() != t.grid.cells.size()) continue;
    for (std::size_t k = 0; k < t.grid.cells.size(); ++k) {
      const CellInfo& in = t.info[k];
      if (in.indicator.empty()) continue;
      const Cell& c = t.grid.cells[k];
      Fact f;
      f.indicator = in.indicator;
      f.value = in.value;
      f.unit = in.unit;
      f.applicant = in.applicant;
      f.origin = Origin::table;
      f.span = in.number;
      f.table = static_cast<int>(ti);
      f.row = c.row;
      f.col = c.col;
      f.blank = in.blank;
      f.marker = in.marker;
      f.section = section_path(doc.sections, in.number.begin);
      doc.facts.push_back(std::move(f));
    }
    if (t.grid.kind == TableKind::apply) apply_subtotals(doc, t, static_cast<int>(ti));
    if (t.grid.kind == TableKind::review_litigation) review_subtotals(doc, t, static_cast<int>(ti));
  }
}

}  // namespace ogi::detail
