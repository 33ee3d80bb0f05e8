// Internal: the working document that flows through the pipeline.
//
//   bytes ─input─▶ source ─layout─▶ plain ─text─▶ norm ─structure─▶ sections, meta, tables
//                                                     ─numbers─▶ quantities ─facts─▶ facts ─checks─▶ findings
//
// Each stage is a folder in lib/ with one entry function declared here. A
// stage reads the members filled by earlier stages and fills its own; no
// stage reaches back. Every span a stage produces is in `norm` coordinates;
// finish() in lib/parse.cpp maps them all to `source` (Report::text) once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/parse.hpp"
#include "ogi/report.hpp"
#include "ogi/result.hpp"
#include "numbers/context.hpp"

namespace ogi::detail {

// A monotone map between a derived text and the text it was made from.
// Made of segments; inside a segment of equal lengths offsets map one to
// one, inside an unequal one (NFKC "①" -> "1", a dropped tag) an offset maps
// to the segment's start (for a begin) or end (for an end).
class OffsetMap {
 public:
  struct Segment {
    std::size_t to_begin, to_len;      // in the derived text
    std::size_t from_begin, from_len;  // in the original text
  };
  // Identity map over n bytes.
  static OffsetMap identity(std::size_t n);
  // Appends a segment; segments must be added in increasing order of both.
  // A segment of equal lengths is read as linear (byte k to byte k).
  void add(std::size_t derived_begin, std::size_t derived_len, std::size_t orig_begin, std::size_t orig_len);
  // Appends the segment of a change: the original bytes `was` at orig_begin
  // became `with` at derived_begin. Unlike add(), a change of equal lengths
  // whose characters differ ("⒛" -> "20.") is not read as linear (that would
  // map into the middle of a character); see split_change.
  void add_change(std::size_t derived_begin, std::string_view with, std::size_t orig_begin, std::string_view was);
  // Derived offset -> original offset. `is_end` picks the end of a non-linear segment.
  std::size_t to_orig(std::size_t derived, bool is_end = false) const;
  // Original offset -> derived offset (the inverse, same conventions).
  std::size_t to_derived(std::size_t orig, bool is_end = false) const;
  // A mapped span never ends before it begins: an empty span at a segment
  // boundary stays empty (begin and end map to different sides otherwise).
  Span to_orig(Span s) const { return ordered(to_orig(s.begin, false), s.empty() ? 0 : to_orig(s.end, true)); }
  Span to_derived(Span s) const { return ordered(to_derived(s.begin, false), s.empty() ? 0 : to_derived(s.end, true)); }
  static Span ordered(std::size_t b, std::size_t e) { return {b, e < b ? b : e}; }
  bool empty() const { return segs_.empty(); }
  // Room for n segments (a 100 MB text can have millions; avoids doubling).
  void reserve(std::size_t n) { segs_.reserve(n); }
  const std::vector<Segment>& segments() const { return segs_; }

 private:
  std::vector<Segment> segs_;
};

// The segments of a change (`was` at ob became `with` at db) when one segment
// would mislead: equal byte lengths but characters at other offsets. Two
// unequal pieces that each map whole characters: all but the last character
// of `with` from the whole of `was`, and the last from nothing; or, when
// `with` is one character, it from all of `was` but its last character, and
// that character to nothing. Returns the number of segments written to out
// (0 when one ordinary segment is right: different lengths, or the same
// character boundaries, where a linear map is exact).
int split_change(std::size_t db, std::string_view with, std::size_t ob, std::string_view was,
                 OffsetMap::Segment out[2]);

// A line of the normalised text.
struct Line {
  Span span;                 // in norm, without the '\n'
  bool boilerplate = false;  // portal chrome, toolbar, footer: not part of the report body
  bool in_table = false;     // part of a table (markup grid or flattened rows)
};

// What lib/structure/tables read from one cell of an official table
// (parallel to RawTable::grid.cells); lib/facts/table_facts turns it into a Fact.
struct CellInfo {
  std::string indicator;     // catalogue id ("" when the cell holds no statistic)
  Applicant applicant = Applicant::none;  // table 三 column
  Decimal value;             // the printed number; 0 for a blank or marker cell
  bool blank = false;        // an empty cell, counted as 0
  std::string marker;        // "/", "-", "—", "无" printed instead of a number
  std::string unit;          // printed in the cell ("251000元") or the column's unit, or ""
  Span number;               // the number (or marker) in norm; the cell's place when blank
};

// A table as read from markup or flattened text, before template matching.
struct RawTable {
  Table grid;                // cells with spans in norm; rowspan/colspan resolved
  Span span;                 // in norm
  int anchor_line = -1;      // index into Doc::lines where it stands (-1 from layout: the
                             // text stage or the tables stage fills it from `span`)
  // Filled by lib/structure/tables for tables matched to an official template:
  // the canonical grid (table 三: 25/23 rows x 7 applicant columns; 二: one row
  // per item x up to 3 columns; 四: 3 groups x 5) and one CellInfo per cell.
  std::vector<CellInfo> info;
  Format format = Format::unknown;  // template version matched (2019 / 2021 / legacy)
};

// Why a run of digits or numeral characters is not a quantity.
enum class SkipReason {
  date, time, ordinal, doc_number, phone, postcode, url, email, year, section_number,
  law_name, word, too_long, other,
  address,  // a house number: "人民东路甲1号", "滨河路88号"
};
struct Skipped {
  Span span;
  SkipReason reason;
};

struct Doc {
  // input
  Options options;
  std::string source;        // decoded UTF-8: becomes Report::text
  InputInfo input;
  // layout: visible text, one block per line (identical to source for text input)
  std::string plain;
  OffsetMap plain_map;       // plain -> source
  // When layout changed nothing (text without page breaks) it moves the
  // decoded text into `plain` instead of copying it: `source` is then empty
  // and finish() takes Report::text from `plain` (one copy of the report,
  // not two).
  bool plain_is_source = false;
  std::vector<RawTable> markup_tables;  // from HTML; spans in plain until text stage maps them to norm
                                        // (every <table>, nested ones too, in document order; Cell::text
                                        // is the cell's plain text, its paragraphs joined by spaces)
  // text: NFKC, spaces, Traditional -> Simplified
  std::string norm;
  OffsetMap norm_map;        // norm -> plain
  std::vector<Line> lines;
  // structure
  Meta meta;
  std::vector<Section> sections;
  std::vector<RawTable> tables;  // every table, markup and flattened, spans in norm
  // numbers
  std::vector<Quantity> quantities;
  std::vector<QuantityContext> quantity_context;  // parallel to quantities, see numbers/context.hpp
  // facts
  std::vector<Fact> facts;
  std::vector<Fact> sums;    // prose sums of several indicators (Report::sums), lib/facts
  // checks
  std::vector<Finding> findings;

  std::string_view text(Span s) const { return s.of(norm); }
  // norm offset -> source offset
  std::size_t to_source(std::size_t norm_offset, bool is_end = false) const {
    return plain_map.to_orig(norm_map.to_orig(norm_offset, is_end), is_end);
  }
  Span to_source(Span s) const { return OffsetMap::ordered(to_source(s.begin, false), s.empty() ? 0 : to_source(s.end, true)); }
};

// ---- stage entry points (one per lib/ folder) ----

// lib/input: detect the input kind and the encoding, decode to UTF-8.
// Fills source and input; errors for empty, binary, undecodable, too large.
result<bool> decode(std::string_view bytes, Doc& doc);

// lib/layout: visible text and markup tables (HTML via gumbo, PDF via
// poppler, text and Markdown as they are). Fills plain, plain_map, markup_tables.
result<bool> layout(Doc& doc);

// lib/text: NFKC with offset map, U+3000/NBSP as spaces, Traditional ->
// Simplified, lines, boilerplate flags. Fills norm, norm_map, lines, and maps
// markup_tables into norm coordinates.
void normalise(Doc& doc);

// lib/structure: headings, section tree, kinds, format fingerprint, meta,
// flattened tables found in the text. Fills meta, sections, tables.
void structure(Doc& doc);

// lib/structure/tables: tables in the text (Markdown pipe tables, flattened
// rows, one cell per line, pdftotext -layout rows) and the markup tables,
// matched against the official templates (kind, rows, columns). Fills
// tables, marks their lines Line::in_table, and flags tables announced but
// absent (published as images).
void tables(Doc& doc);

// lib/numbers: every quantity in the body text (lines not in tables).
// Fills quantities (and their context). What the recogniser skips (dates,
// phone numbers…) is not kept: no later stage reads it, and num::scan
// returns it to callers that ask (tests, the fuzz target).
void numbers(Doc& doc);

// lib/facts: prose quantities -> indicator facts (legacy statistics, the
// 总体情况 of later reports, statements of absence, section 六 fees).
void facts(Doc& doc);

// lib/facts/table_facts: cells of the template tables -> indicator facts.
void table_facts(Doc& doc);

// lib/checks: consistency findings.
void checks(Doc& doc);

}  // namespace ogi::detail
