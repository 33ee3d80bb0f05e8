// lib/structure/table_match: rows → the official templates.
//
// Table 三 is matched by a monotone alignment (dynamic programming) of the
// rows against the template rows in template order: rows whose label is
// recognised anchor the alignment, rows whose label was lost (wrapped,
// scrambled, OCR'd away) fill the gaps between anchors. When several
// alignments score the same, the identities of FORMATS.md §D.1 (T3-ROW,
// T3-BAL, T3-RES) choose; when they cannot, only the cells every remaining
// alignment agrees on are kept and a `table.ambiguous` finding says so.
// Rows that lost empty cells are placed the same way (every placement of
// the printed values, filtered by the row's identity or by the layout
// columns of complete rows). Table 二 is matched row by row by label (its
// blocks may be printed in any order); table 四 is its 15 values in order.
#pragma once

#include <vector>

#include "doc.hpp"
#include "structure/table_rows.hpp"

namespace ogi::detail::table_match {

struct Result {
  bool matched = false;
  RawTable table;                  // canonical grid + CellInfo; span/anchor set by the caller
  std::vector<Finding> findings;   // table.ambiguous / table.realigned
  int rows_used = 0;               // rows that contributed values
};

Result match_apply(const Doc& doc, const std::vector<table_rows::Row>& rows, Format hint);
Result match_disclosure(const Doc& doc, const std::vector<table_rows::Row>& rows, Format hint);
Result match_review(const Doc& doc, const std::vector<table_rows::Row>& rows);
Result match_legacy(const Doc& doc, const std::vector<table_rows::Row>& rows);

// Label similarity of a row to a printed label (best over its fragments), for
// anchors: 0 when the row has no label.
double row_similarity(const table_rows::Row& row, std::string_view label);

}  // namespace ogi::detail::table_match
