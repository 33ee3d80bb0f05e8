// lib/structure/table_templates: the printed shape of the official tables
// (FORMATS.md §A.2, §B, §C): which rows, in which order, under which group
// label, with which columns. Row and column keys are the catalogue's
// (Indicator::row / Indicator::col); the indicator ids themselves come from
// ogi::find_table_indicator, so the catalogue stays the one table of ids.
#pragma once

#include <span>
#include <string_view>

#include "ogi/report.hpp"

namespace ogi::detail::table_templates {

// One row of a sequential template (table 三, the legacy 统计表).
struct SeqRow {
  std::string_view key;     // catalogue row key: "new", "r.deny.1", "3.3.4a" ...
  std::string_view label;   // official label, full-width punctuation as printed
  std::string_view group;   // key of the group it belongs to ("r.deny"), or ""
};

// Group labels printed in their own (rowspan) cell.
struct Group {
  std::string_view key;
  std::string_view label;
};

// Table 三, 2021 (25 rows) and 2019 (23 rows: a single （六）其他处理 row).
std::span<const SeqRow> t3_rows(Format f);
std::span<const Group> t3_groups(Format f);
// Applicant columns in printed order.
std::span<const Applicant> t3_columns();

// Table 二: one row per item; the columns depend on the format.
struct DisclosureRow {
  std::string_view key;     // "rules", "normative", "licensing" ...
  std::string_view labels;  // '|'-separated printed labels, the official one first
  std::string_view cols2021;  // '|'-separated column keys, "" when the row is not in 2021
  std::string_view cols2019;
};
std::span<const DisclosureRow> t2_rows();
// Header words that tell the two T2 versions apart.
std::span<const std::string_view> t2_headers(Format f);

// Table 四: three groups of five.
std::span<const std::string_view> t4_groups();  // "review", "direct", "after_review"
std::span<const std::string_view> t4_columns(); // "upheld", "corrected", "other", "pending", "total"

// The legacy 政府信息公开情况统计表 (2014–2018), FORMATS.md §A.2.
std::span<const SeqRow> legacy_rows();

}  // namespace ogi::detail::table_templates
