// lib/layout: the pieces of layout() that tests exercise one by one.
//
//   text, Markdown  plain = source, except that pdftotext-style pages ('\f')
//                   lose their furniture (page numbers, running headers)
//   PDF             source is the extracted layout text with '\f' page breaks
//                   (lib/input/pdf.cpp); plain is built as for text
//   HTML            gumbo DOM -> visible text, one block per line, tables as
//                   " | "-joined rows, plus a RawTable per <table>
//
// Every derived text comes with an OffsetMap back to the text it was made
// from; dropped bytes leave gaps in the original, inserted bytes (line
// breaks, " | ") map to a zero-length range.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "doc.hpp"

namespace ogi::detail {

// A text derived from another, and the map from it back to the original.
struct Derived {
  std::string text;
  OffsetMap map;  // text -> original
};

// ---- page furniture (lib/layout/furniture.cpp) ----

// What a single line (already isolated, may carry indentation) says about
// page numbering. `strong` forms are page numbers on their own ("- 2 -",
// "第 3 页", "第3页 共6页", "Page 9 - 2020年报", "P. 9", "3/6"); a `bare`
// number ("7") is one only when the pages around agree on the sequence.
struct PageNumberLine {
  enum Kind { none, strong, bare } kind = none;
  long value = -1;  // the page number printed, or -1
};
PageNumberLine classify_page_number(std::string_view line);

// Text whose pages are separated by '\f' (pdftotext and lib/input/pdf.cpp
// output): removes page-number lines and running headers/footers (the same
// line at the top or bottom of at least half the pages, and of two at least)
// and turns each '\f' into '\n'. A removed line keeps its '\n', so line
// counts do not change. Text without '\f' is returned unchanged.
Derived strip_page_furniture(std::string_view text);

// ---- HTML (lib/layout/html.cpp) ----

struct HtmlLayout {
  std::string plain;               // visible text, one block per line
  OffsetMap map;                   // plain -> html
  std::vector<RawTable> tables;    // every <table>, spans in plain coordinates
};

// Visible text and tables of a decoded (UTF-8) HTML document. Fails with
// ErrorCode::unsupported when ogi was built without gumbo.
result<HtmlLayout> html_layout(std::string_view html);

// Limits that keep the HTML parser linear (see html.cpp).
struct HtmlLimits {
  std::size_t max_depth = 512;        // open elements
  std::size_t max_formatting = 16;    // formatting elements (b, font, ...) left open
  std::size_t max_attributes = 256;   // attributes of one tag
};

// The byte ranges of `html` to overwrite with spaces before parsing so that
// the tree stays within `limits` (tags nested deeper, formatting elements
// beyond the limit, excess attributes). Blanking keeps every offset, so text
// positions still point into the original. Empty for ordinary documents.
std::vector<Span> html_blank_ranges(std::string_view html, const HtmlLimits& limits = {});

}  // namespace ogi::detail
