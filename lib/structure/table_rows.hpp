// lib/structure/table_rows: every table source turned into one shape, a
// sequence of rows of label cells followed by value cells.
//
// Sources: markup grids (HTML), Markdown pipe rows, " | "-joined rows, one
// cell per line (with or without " |"), and whitespace-aligned rows of
// `pdftotext -layout` (a label, then the numbers; wrapped labels stand on
// lines of their own). The template matchers only ever see Rows.
#pragma once

#include <string_view>
#include <vector>

#include "doc.hpp"
#include "structure/table_text.hpp"

namespace ogi::detail::table_rows {

struct RCell {
  Span span;               // in norm (trimmed); for markup cells the cell's span
  std::string_view text;   // the cell text (trimmed)
};

struct Row {
  std::vector<RCell> labels;   // leading non-numeric cells (group label, row label, fragments)
  std::vector<RCell> values;   // trailing value cells, empty cells included
  std::vector<tables_text::Value> parsed;  // parallel to values
  std::vector<int> columns;    // layout column of each value (pdftotext -layout), else empty
  int first_line = -1, last_line = -1;  // lines of Doc::lines it covers
  bool explicit_cells = false; // empty cells are written (markup, pipes)
  bool from_markup = false;
  bool plain = false;          // a text line without pipes (layout row, or a lone label)
  // One cell per line: bare "|" lines are either empty cells or row
  // separators. bar_tail: the trailing values that came from bare "|" lines;
  // bar_inside: a bare "|" line stood between printed values (so it was a cell).
  int bar_tail = 0;
  bool bar_inside = false;

  // Number of value cells that are not empty.
  int filled() const;
};

// One row per grid row of a markup table (a rowspan cell appears only in
// its first row, as in the HTML).
std::vector<Row> rows_from_grid(const Doc& doc, const Table& grid, int first_line, int last_line);

// Rows of the text lines [begin, end), skipping boilerplate lines and lines
// with skip[line] set. Lines that are prose are left out; `used` (when not
// null) gets true for every line that became part of a row, a separator or
// a page marker.
std::vector<Row> rows_from_lines(const Doc& doc, int begin, int end, const std::vector<char>& skip,
                                 std::vector<char>* used);

// The cells of a line written with pipes ("| a | b |", "a | b |"), without
// the empty pieces outside the first and last pipe; `separator` is set for a
// Markdown rule line (|---|:--:|). Empty when the line has no pipe.
std::vector<RCell> pipe_cells(const Doc& doc, int line, bool& separator);

// The span a cell's number occupies in norm (for markup cells whose text
// differs from the norm bytes: the cell span).
Span value_span(const Doc& doc, const RCell& cell, const tables_text::Value& v);

}  // namespace ogi::detail::table_rows
