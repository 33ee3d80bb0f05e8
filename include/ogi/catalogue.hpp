// The indicator catalogue: the one table of every standard statistic.
//
// Ids are a public contract (researchers build datasets on them): they are
// added, never renamed or reused. The prose mapper, the table mapper, the
// checks, the C API and docs/indicators.md are all driven from this table.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "ogi/report.hpp"

namespace ogi {

// Bit set of formats an indicator or relation belongs to.
enum FormatMask : std::uint8_t {
  in_legacy = 1,
  in_2019 = 2,
  in_2021 = 4,
  in_tables = in_2019 | in_2021,
  in_all = in_legacy | in_2019 | in_2021,
};

struct Indicator {
  std::string_view id;        // "apply.received"
  std::string_view label;     // the official Chinese label
  std::string_view english;   // a short English name
  std::string_view unit;      // the usual unit ("件", "条", "万元", "" when as printed)
  std::uint8_t formats;       // FormatMask bits
  // Other ways reports name it, '|'-separated (used by the prose mapper).
  std::string_view aliases;
  // Where it sits in an official table (TableKind::other: in no table).
  //   apply (table 三):  row = "new", "carried_in", "r.open", "r.deny.1" ...
  //                      "r.total", "carried_out" (FORMATS.md C.3 keys); col
  //                      is empty: the applicant column is a fact dimension.
  //   disclosure (二):   row = "rules", "normative", "licensing",
  //                      "other_services", "penalty", "coercion", "fees",
  //                      "procurement"; col = "issued", "repealed",
  //                      "in_force", "new_made", "new_published",
  //                      "total_published", "prev_items", "change",
  //                      "decisions", "amount", "projects".
  //   review_litigation (四): row = "review", "direct", "after_review";
  //                      col = "upheld", "corrected", "other", "pending", "total".
  //   legacy_stats:      row = the row number of FORMATS.md A.2 ("3.1",
  //                      "3.3.4a"); col empty.
  TableKind table = TableKind::other;
  std::string_view row;
  std::string_view col;
  // Label variants printed in tables besides `label` ('|'-separated,
  // full-width punctuation; compare after removing whitespace and folding
  // （）to ()).
  std::string_view table_labels;
  // A subtotal the template does not print (table 三 不予公开 ...; 诉讼 total):
  // emitted with origin "derived", or "text" when the prose states it.
  bool derived = false;
};

enum class RelationKind {
  sum,        // total = Σ parts
  at_least,   // total <= Σ parts is fine, Σ parts < total is the error (channels, reasons)
  at_most,    // Σ parts <= total ("其中" rows)
  balance,    // parts[0] + parts[1] = total + parts[2] (table 三 per column)
  // Added after v1 (append only):
  scope_sum,      // legacy scope split: fact(total, scope total) =
                  // fact(own_level) + fact(lower_levels), for the indicator
                  // `total`, or for every indicator when total is "*"; parts empty
  applicant_sum,  // table 三 T3-ROW: the 总计 column of indicator `total` =
                  // Σ of the six applicant columns; parts empty
};

struct Relation {
  RelationKind kind;
  std::string_view total;      // indicator id
  std::string_view parts;      // '|'-separated indicator ids
  std::uint8_t formats;        // where it applies
  bool per_applicant;          // table 三: checked for each applicant column
  bool per_scope;              // legacy: checked for each scope
  std::string_view rule;       // finding rule id ("sum.mismatch", ...)
};

// The whole catalogue, in documentation order.
std::span<const Indicator> indicators() noexcept;
std::span<const Relation> relations() noexcept;
// Lookup by id; nullptr when unknown.
const Indicator* find_indicator(std::string_view id) noexcept;

// Added after v1:
// The FormatMask bit of a format (0 for Format::unknown).
std::uint8_t format_bit(Format f) noexcept;
// Whether an indicator (or relation mask) belongs to a format; every
// indicator belongs to Format::unknown.
bool in_format(std::uint8_t formats, Format f) noexcept;
// The indicator of a table cell: table kind + row key + column key (see
// Indicator::table) in a format (Format::unknown: any); nullptr when none.
const Indicator* find_table_indicator(TableKind table, std::string_view row, std::string_view col,
                                      Format format = Format::unknown) noexcept;

}  // namespace ogi
