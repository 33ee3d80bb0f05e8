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
};

enum class RelationKind {
  sum,        // total = Σ parts
  at_least,   // total <= Σ parts is fine, Σ parts < total is the error (channels, reasons)
  at_most,    // Σ parts <= total ("其中" rows)
  balance,    // parts[0] + parts[1] = total + parts[2] (table 三 per column)
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

}  // namespace ogi
