// extract: print the statistics of a report as a table, with the text each
// value was read from.
//
//   extract [--text-only] REPORT_FILE
//
// For every fact: indicator id, scope, applicant (table 三), value, unit,
// origin (text / table / derived) and a quote of the report around the
// printed number (for a table cell: the cell). Shows how a program uses the
// C++ API: ogi::parse_file, ogi::result, Report::facts, Span into
// Report::text, ogi::find_indicator for the Chinese label of an id.
// Exit status 0 on success, 2 when the file cannot be read or parsed.
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

#include "ogi/ogi.hpp"

namespace {

// Bytes of the UTF-8 character that starts with `c`.
std::size_t char_len(unsigned char c) { return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

bool is_stop(std::string_view ch) {
  for (std::string_view s : {"。", "；", "，", "：", "（", "）", ";", ",", "(", ")", "\n", "|", ">", "<"})
    if (ch == s) return true;
  return false;
}

// The clause around a span: back to the previous punctuation (at most 30
// characters), forward to the next one (at most 12), on one line.
std::string quote(std::string_view text, ogi::Span span) {
  if (span.end > text.size() || span.begin > span.end) return {};
  std::size_t b = span.begin;
  for (int n = 0; n < 30 && b > 0; ++n) {
    std::size_t p = b - 1;
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    if (is_stop(text.substr(p, b - p))) break;
    b = p;
  }
  std::size_t e = span.end;
  for (int n = 0; n < 12 && e < text.size(); ++n) {
    std::size_t len = char_len(static_cast<unsigned char>(text[e]));
    if (is_stop(text.substr(e, len))) break;
    e += len;
  }
  std::string out;
  for (char c : text.substr(b, e - b)) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

// Pads an ASCII field to a width.
std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  bool text_only = false;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--text-only") text_only = true;
    else path = a;
  }
  if (path.empty()) {
    std::cerr << "usage: extract [--text-only] REPORT_FILE\n";
    return 2;
  }

  ogi::result<ogi::Report> parsed = ogi::parse_file(path);
  if (!parsed) {
    std::cerr << "extract: " << parsed.error().message << "\n";
    return 2;
  }
  const ogi::Report& report = *parsed;
  const ogi::Meta& meta = report.meta;
  std::cout << meta.title << "\n"
            << "  " << meta.region << " " << meta.year << " (" << ogi::to_string(meta.format) << " format), "
            << report.facts.size() << " facts\n\n";

  std::cout << pad("indicator", 44) << pad("scope", 13) << pad("applicant", 15) << pad("value", 12)
            << pad("unit", 8) << pad("origin", 8) << "source\n";
  for (const ogi::Fact& f : report.facts) {
    if (text_only && f.origin != ogi::Origin::text) continue;
    std::string value = f.value.to_string();
    if (f.approx != ogi::Approx::none) value += std::string(" (") + std::string(ogi::to_string(f.approx)) + ")";
    std::string applicant = f.applicant == ogi::Applicant::none ? "" : std::string(ogi::to_string(f.applicant));
    std::string source;
    if (f.origin == ogi::Origin::derived) {
      source = "(computed from table cells)";
    } else if (f.origin == ogi::Origin::table) {
      source = "table " + std::to_string(f.table) + " cell " + std::to_string(f.row) + "," + std::to_string(f.col);
      if (f.blank) source += " (blank)";
      else if (!f.marker.empty()) source += " \"" + f.marker + "\"";
    } else if (f.span.empty()) {
      source = "(no number printed)";
    } else {
      source = "\"" + quote(report.text, f.span) + "\"";
    }
    if (f.percent) source += "  [" + f.percent->to_string() + "%]";
    // The unit column is CJK: pad by bytes, three per character, two columns wide.
    std::string unit = f.unit;
    std::size_t cols = 0;
    for (std::size_t i = 0; i < unit.size(); i += char_len(static_cast<unsigned char>(unit[i])))
      cols += char_len(static_cast<unsigned char>(unit[i])) > 1 ? 2 : 1;
    if (cols < 8) unit.append(8 - cols, ' ');
    std::cout << pad(f.indicator, 44) << pad(std::string(ogi::to_string(f.scope)), 13) << pad(applicant, 15)
              << pad(value, 12) << unit << pad(std::string(ogi::to_string(f.origin)), 8) << source << "\n";
  }

  // The catalogue gives each id its official label.
  if (!report.facts.empty()) {
    if (const ogi::Indicator* ind = ogi::find_indicator(report.facts.front().indicator))
      std::cout << "\n(" << ind->id << " is \"" << ind->label << "\", in " << ind->unit << ")\n";
  }
  return 0;
}
