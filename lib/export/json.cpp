// lib/export: the "ogi/1" JSON contract (docs/output.md) and CSV rows.
// JSON is written through nlohmann::json, which handles escaping and UTF-8.
#include <nlohmann/json.hpp>

#include "ogi/export.hpp"

namespace ogi {
namespace {

using json = nlohmann::ordered_json;

// A Decimal as a JSON number: integers exactly; decimals through double,
// whose shortest round-trip form gives back the printed digits for up to 15
// significant digits (76.10 -> 76.1). Longer decimals are written as strings
// rather than rounded.
json number(Decimal d) {
  if (d.scale() == 0) return d.coefficient();
  if (d.is_integer()) return d.integer_part();
  std::int64_t mag = d.coefficient() < 0 ? -d.coefficient() : d.coefficient();
  if (mag < 1'000'000'000'000'000) return d.to_double();
  return d.to_string();
}

json span(Span s) { return json::array({s.begin, s.end}); }

json opt_string(std::string_view s) { return s.empty() ? json(nullptr) : json(s); }

json strings(const std::vector<std::string>& v) {
  json a = json::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}

json section(const Section& s) {
  json j;
  j["number"] = s.number;
  j["title"] = s.title;
  j["level"] = s.level;
  j["kind"] = opt_string(s.kind);
  j["span"] = span(s.span);
  j["heading"] = span(s.heading);
  json children = json::array();
  for (const Section& c : s.children) children.push_back(section(c));
  j["children"] = std::move(children);
  return j;
}

json meta(const Meta& m) {
  json j;
  j["title"] = m.title;
  j["region"] = opt_string(m.region);
  j["issuer"] = opt_string(m.issuer);
  j["year"] = m.year ? json(m.year) : json(nullptr);
  j["format"] = to_string(m.format);
  j["published"] = m.published ? json(*m.published) : json(nullptr);
  j["period"] = m.period ? json{{"from", m.period->from}, {"to", m.period->to}} : json(nullptr);
  j["source"] = opt_string(m.source);
  json c;
  c["address"] = opt_string(m.contact.address);
  c["postcode"] = opt_string(m.contact.postcode);
  c["phone"] = strings(m.contact.phone);
  c["fax"] = strings(m.contact.fax);
  c["email"] = strings(m.contact.email);
  c["website"] = strings(m.contact.website);
  j["contact"] = std::move(c);
  j["input"] = {{"kind", to_string(m.input.kind)},
                {"encoding", m.input.encoding},
                {"bytes", m.input.bytes},
                {"traditional", m.input.traditional}};
  return j;
}

json table(const Table& t) {
  json j;
  j["kind"] = to_string(t.kind);
  j["caption"] = t.caption;
  j["rows"] = t.rows;
  j["cols"] = t.cols;
  j["header_rows"] = t.header_rows;
  j["absent"] = t.absent;
  j["span"] = span(t.span);
  json cells = json::array();
  for (const Cell& c : t.cells) {
    json cj = {{"r", c.row}, {"c", c.col}, {"text", c.text}, {"span", span(c.span)}};
    if (c.rowspan != 1) cj["rowspan"] = c.rowspan;
    if (c.colspan != 1) cj["colspan"] = c.colspan;
    cells.push_back(std::move(cj));
  }
  j["cells"] = std::move(cells);
  return j;
}

json fact(const Fact& f) {
  json j;
  j["indicator"] = f.indicator;
  j["value"] = number(f.value);
  j["unit"] = f.unit;
  j["scope"] = to_string(f.scope);
  j["applicant"] = opt_string(to_string(f.applicant));
  j["approx"] = opt_string(to_string(f.approx));
  j["origin"] = to_string(f.origin);
  j["span"] = span(f.span);
  j["section"] = f.section.empty() ? json(nullptr) : json(f.section);
  j["table"] = f.table < 0 ? json(nullptr) : json(f.table);
  j["cell"] = f.row < 0 ? json(nullptr) : json::array({f.row, f.col});
  j["blank"] = f.blank;
  if (!f.marker.empty()) j["marker"] = f.marker;
  if (f.percent) {
    j["percent"] = number(*f.percent);
    j["percent_span"] = span(f.percent_span);
  }
  return j;
}

json quantity(const Quantity& q, std::string_view text) {
  json j;
  j["value"] = number(q.value);
  j["unit"] = q.unit;
  j["approx"] = opt_string(to_string(q.approx));
  j["text"] = std::string(q.span.of(text));
  j["label"] = opt_string(q.label);
  j["span"] = span(q.span);
  return j;
}

json finding(const Finding& f, bool english) {
  json j;
  j["rule"] = f.rule;
  j["severity"] = to_string(f.severity);
  j["indicators"] = strings(f.indicators);
  j["message"] = english && !f.message_en.empty() ? f.message_en : f.message;
  j["expected"] = f.expected;
  j["found"] = f.found;
  j["span"] = span(f.span);
  json spans = json::array();
  for (Span s : f.spans) spans.push_back(span(s));
  j["spans"] = std::move(spans);
  return j;
}

std::string dump(const json& j, bool pretty) {
  // replace: never throw on bytes that are not UTF-8 (they cannot occur in
  // decoded text, but a library must not abort on its own bug either).
  return j.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

std::string to_json(const Report& r, const JsonOptions& o) {
  json j;
  j["schema"] = "ogi/1";
  if (!o.file.empty()) j["file"] = o.file;
  j["meta"] = meta(r.meta);
  json sections = json::array();
  for (const Section& s : r.sections) sections.push_back(section(s));
  j["sections"] = std::move(sections);
  json tables = json::array();
  for (const Table& t : r.tables) tables.push_back(table(t));
  j["tables"] = std::move(tables);
  json facts = json::array();
  for (const Fact& f : r.facts) facts.push_back(fact(f));
  j["facts"] = std::move(facts);
  json quantities = json::array();
  for (const Quantity& q : r.quantities) quantities.push_back(quantity(q, r.text));
  j["quantities"] = std::move(quantities);
  json findings = json::array();
  for (const Finding& f : r.findings) findings.push_back(finding(f, o.english));
  j["findings"] = std::move(findings);
  if (o.with_text) j["text"] = r.text;
  return dump(j, o.pretty);
}

std::string findings_to_json(const std::vector<Finding>& fs, bool english) {
  json a = json::array();
  for (const Finding& f : fs) a.push_back(finding(f, english));
  return dump(json{{"schema", "ogi/1"}, {"findings", std::move(a)}}, false);
}

std::string csv_header() { return "file,region,year,format,indicator,scope,applicant,value,unit,origin,approx\n"; }

std::string to_csv_rows(const Report& r, const std::string& file) {
  std::string out;
  std::string prefix = csv_field(file) + "," + csv_field(r.meta.region) + "," +
                       (r.meta.year ? std::to_string(r.meta.year) : std::string()) + "," +
                       std::string(to_string(r.meta.format)) + ",";
  for (const Fact& f : r.facts) {
    out += prefix;
    out += csv_field(f.indicator) + "," + std::string(to_string(f.scope)) + "," +
           std::string(to_string(f.applicant)) + "," + f.value.to_string() + "," + csv_field(f.unit) + "," +
           std::string(to_string(f.origin)) + "," + std::string(to_string(f.approx)) + "\n";
  }
  return out;
}

}  // namespace ogi
