// Test support: what must hold for every Report ogi::parse returns,
// whatever the input. The fuzz targets trap on a violation; the robustness
// tests and the thread test assert it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/report.hpp"

namespace ogi::testing {

// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// Returns the offset of the first invalid byte, or npos.
inline std::size_t first_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) { len = 3; lo = 0xA0; }
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) { len = 3; hi = 0x9F; }
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) { len = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) { len = 4; hi = 0x8F; }
    else return i;
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    i += len;
  }
  return std::string_view::npos;
}

inline bool is_char_boundary(std::string_view s, std::size_t offset) {
  if (offset == 0 || offset >= s.size()) return offset <= s.size();
  return (static_cast<unsigned char>(s[offset]) & 0xC0) != 0x80;
}

// Checks the invariants of a parsed report. Returns "" when they hold, or a
// description of the first violation.
inline std::string check_report(const Report& r) {
  const std::string_view text = r.text;
  if (std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos)
    return "Report::text is not valid UTF-8 at byte " + std::to_string(bad);

  std::string problem;
  auto span_ok = [&](Span s, const char* what) {
    if (!problem.empty()) return;
    if (s.begin > s.end || s.end > text.size()) {
      problem = std::string(what) + " span [" + std::to_string(s.begin) + "," + std::to_string(s.end) +
                ") is outside the text of " + std::to_string(text.size()) + " bytes";
    } else if (!is_char_boundary(text, s.begin) || !is_char_boundary(text, s.end)) {
      problem = std::string(what) + " span [" + std::to_string(s.begin) + "," + std::to_string(s.end) +
                ") cuts a UTF-8 character";
    }
  };
  auto utf8_ok = [&](std::string_view s, const char* what) {
    if (problem.empty() && first_invalid_utf8(s) != std::string_view::npos)
      problem = std::string(what) + " is not valid UTF-8";
  };

  auto walk = [&](auto&& self, const std::vector<Section>& sections) -> void {
    for (const Section& s : sections) {
      span_ok(s.heading, "section heading");
      span_ok(s.span, "section");
      utf8_ok(s.title, "section title");
      utf8_ok(s.number, "section number");
      self(self, s.children);
    }
  };
  walk(walk, r.sections);

  for (const Table& t : r.tables) {
    span_ok(t.span, "table");
    if (t.rows < 0 || t.cols < 0) problem = problem.empty() ? "table with negative size" : problem;
    for (const Cell& c : t.cells) {
      span_ok(c.span, "cell");
      utf8_ok(c.text, "cell text");
      if (problem.empty() && (c.row < 0 || c.col < 0 || c.rowspan < 1 || c.colspan < 1))
        problem = "cell with a negative position or a span below 1";
    }
  }
  for (const Quantity& q : r.quantities) {
    span_ok(q.span, "quantity");
    utf8_ok(q.unit, "quantity unit");
    utf8_ok(q.label, "quantity label");
  }
  for (const Fact& f : r.facts) {
    span_ok(f.span, "fact");
    if (!f.percent_span.empty()) span_ok(f.percent_span, "fact percent");
    if (problem.empty() && f.indicator.empty()) problem = "fact without an indicator";
    if (problem.empty() && (f.table < -1 || f.table >= static_cast<int>(r.tables.size())))
      problem = "fact " + f.indicator + " names table " + std::to_string(f.table) + " of " +
                std::to_string(r.tables.size());
    if (problem.empty() && !f.section.empty() && r.section_at(f.section) == nullptr)
      problem = "fact " + f.indicator + " names a section path that does not exist";
  }
  for (const Finding& f : r.findings) {
    span_ok(f.span, "finding");
    for (Span s : f.spans) span_ok(s, "finding span");
    utf8_ok(f.message, "finding message");
    if (problem.empty() && f.rule.empty()) problem = "finding without a rule";
  }
  utf8_ok(r.meta.title, "meta title");
  utf8_ok(r.meta.region, "meta region");
  utf8_ok(r.meta.issuer, "meta issuer");
  return problem;
}

}  // namespace ogi::testing
