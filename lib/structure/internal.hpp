// lib/structure: the parts of the structure stage, in the order structure()
// runs them. Declared here so that the unit tests can call them one by one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc.hpp"
#include "structure/scan.hpp"

namespace ogi::detail {

// Numbering styles of headings, in their official order of depth:
// 一、  (一)  1.  (1)  ①
enum class NumberStyle { cn, paren_cn, arabic, paren_arabic, circled, none };

// A heading found on one line.
struct HeadingLine {
  std::size_t line = 0;        // index into Doc::lines
  NumberStyle style = NumberStyle::none;
  int markdown = 0;            // number of leading '#', 0 when none
  int value = 0;               // the numeral's value (一 = 1)
  std::string number;          // "一", "1"
  std::string title;           // without number and trailing punctuation
  Span heading;                // number .. end of title, in norm
};

// Reads a numbered (or Markdown) heading on line k, or nothing when the line
// is body text, a table row or a table row label.
std::optional<HeadingLine> read_heading(const Doc& doc, std::size_t k);

// Headings of the whole document, sections with levels, spans and kinds.
void build_sections(Doc& doc);

// Canonical kind of a top-level section title (compact) for a format; "" when none.
std::string_view section_kind(std::string_view title, Format format);

// Format of the report from its compact text (FORMATS.md §6.1); `year` is
// used only to choose between 2019 and 2021 when nothing else tells.
Format fingerprint(std::string_view compact_text, int year);

// Meta: title, year, region, issuer, published, period, source, contact.
void read_meta(Doc& doc, const scan::Compact& body);

// Pieces of read_meta, exposed for tests.
std::string area_prefix(std::string_view compact_name);   // "淮安市洪泽区人民政府" -> "淮安市洪泽区"
std::string normalise_phone(std::string_view printed);    // "0373—3696072" -> "0373-3696072"
std::optional<Period> find_period(std::string_view compact_text);

}  // namespace ogi::detail
