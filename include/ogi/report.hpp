// The report object model: what ogi::parse returns.
//
// A Report is a plain value. Once built it is never modified by ogi, so a
// `const Report` can be read from any number of threads at once. All spans
// are byte offsets into Report::text (the decoded UTF-8 text of the input;
// for HTML the whole decoded document, for PDF the extracted layout text).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/decimal.hpp"
#include "ogi/span.hpp"

namespace ogi {

// Which official format the report follows, decided from its content
// (table headers, section titles, rows), never from the year alone.
enum class Format { unknown, legacy, f2019, f2021 };
// "legacy", "2019", "2021", "unknown"
std::string_view to_string(Format f) noexcept;

enum class InputKind { text, markdown, html, pdf };
// "text", "markdown", "html", "pdf"
std::string_view to_string(InputKind k) noexcept;

struct Period {
  std::string from;  // ISO date, e.g. "2016-01-01"
  std::string to;    // ISO date, e.g. "2016-12-31"
  friend bool operator==(const Period&, const Period&) = default;
};

struct Contact {
  std::string address;
  std::string postcode;
  std::vector<std::string> phone;    // ASCII hyphen: "0373-3696072"
  std::vector<std::string> fax;
  std::vector<std::string> email;
  std::vector<std::string> website;  // as printed, e.g. "www.xinxiang.gov.cn"
};

struct InputInfo {
  InputKind kind = InputKind::text;
  std::string encoding;        // "UTF-8", "GB18030", "UTF-16LE", "Big5", ...
  std::size_t bytes = 0;       // size of the input as given
  bool traditional = false;    // Traditional characters were converted to Simplified
};

struct Meta {
  std::string title;
  std::string region;          // e.g. "新乡市", "淮安市洪泽区"
  std::string issuer;          // the reporting body, e.g. "新乡市人民政府"
  int year = 0;                // the year reported on (0 when unknown)
  Format format = Format::unknown;
  std::optional<std::string> published;  // ISO date the page or signature gives
  std::optional<Period> period;          // statistics period
  std::string source;          // "来源:" on the page
  Contact contact;
  InputInfo input;
};

// One heading and everything under it up to the next heading of the same or
// a higher level.
struct Section {
  std::string number;          // "一", "（一）" is stored as "一" with level 2, "1", "①" ...
  std::string title;           // heading text without the number
  int level = 1;               // 1 = top section
  std::string kind;            // canonical kind of a top section for its format, or ""
  Span heading;                // the heading line
  Span span;                   // heading + body
  std::vector<Section> children;
};

enum class TableKind { other, disclosure, apply, review_litigation, legacy_stats };
// "other", "disclosure", "apply", "review_litigation", "legacy_stats"
std::string_view to_string(TableKind k) noexcept;

struct Cell {
  int row = 0;
  int col = 0;
  int rowspan = 1;
  int colspan = 1;
  std::string text;            // normalised cell text
  Span span;
};

struct Table {
  TableKind kind = TableKind::other;
  std::string caption;
  int rows = 0;
  int cols = 0;
  int header_rows = 0;
  bool absent = false;         // the section announces the table but it is missing (e.g. an image)
  Span span;
  std::vector<Cell> cells;     // row-major; a spanned cell appears once, at its top-left position
};

enum class Approx { none, more_than, about, nearly, less_than };
// null for none; "more_than", "about", "nearly", "less_than"
std::string_view to_string(Approx a) noexcept;

// A number the prose states, with its unit and what it counts.
struct Quantity {
  Decimal value;               // scaled: "24.8万条" is 248000 with unit "条"
  std::string unit;            // "条", "件", "万元", "%", "个百分点", "" ...
  Approx approx = Approx::none;
  Span span;                   // the number, multiplier and unit as printed
  std::string label;           // the noun phrase counted, e.g. "主动公开政府信息"
};

enum class Origin { text, table, derived };
std::string_view to_string(Origin o) noexcept;

enum class Scope { total, own_level, lower_levels };
std::string_view to_string(Scope s) noexcept;

// Table 三 applicant columns (2019/2021).
enum class Applicant { none, natural_person, commercial, research, nonprofit, legal_service, other_org, total };
// null for none; "natural_person" ... "total"
std::string_view to_string(Applicant a) noexcept;

// A standard statistic: an indicator id from the catalogue, its dimensions,
// its exact value, and where it was read.
struct Fact {
  std::string indicator;       // e.g. "apply.received", see docs/indicators.md
  Decimal value;
  std::string unit;
  Scope scope = Scope::total;
  Applicant applicant = Applicant::none;
  Approx approx = Approx::none;
  Origin origin = Origin::text;
  Span span;                   // the printed number (or the cell)
  std::vector<int> section;    // index path into Report::sections, e.g. {3, 0}
  int table = -1;              // index into Report::tables, or -1
  int row = -1, col = -1;      // cell in that table, or -1
  bool blank = false;          // an empty table cell, counted as 0
  std::string marker;          // "/", "-", "无" when the cell held a marker instead of a number
  std::optional<Decimal> percent;  // a percentage printed for this fact ("占3.4%"), for the checks
  Span percent_span;
  // Added after v1: for an entry of Report::sums, the indicators the prose
  // counts together (indicator is then these ids joined with '+').
  std::vector<std::string> parts;
};

enum class Severity { info, warning, error };
std::string_view to_string(Severity s) noexcept;

struct Finding {
  std::string rule;            // stable id, see docs/checks.md
  Severity severity = Severity::warning;
  std::vector<std::string> indicators;
  std::string message;         // Chinese
  std::string message_en;      // English
  std::string expected;
  std::string found;
  Span span;                   // the main printed number concerned
  std::vector<Span> spans;     // every printed number involved
};

struct Report {
  std::string text;            // decoded UTF-8 text; every Span points into it
  Meta meta;
  std::vector<Section> sections;
  std::vector<Table> tables;
  std::vector<Quantity> quantities;
  std::vector<Fact> facts;
  std::vector<Finding> findings;
  // Added after v1: prose numbers that state the sum of several indicators
  // ("予以公开及部分公开258件"): no fact of any one of them, but checkable
  // against the sum of their table values (Fact::parts names them).
  std::vector<Fact> sums;

  // Line and column (1-based, column in code points) of a byte offset in text.
  std::pair<int, int> line_col(std::size_t offset) const;
  // The section at an index path ({3, 0}), or nullptr.
  const Section* section_at(const std::vector<int>& path) const;
};

}  // namespace ogi
