// lib/export: the HTML review page of `ogi check --html`.
//
// The report text is cut at every span boundary of a fact or a finding; each
// piece is written once, inside one <span> whose classes say which facts and
// findings cover it. So overlapping marks never produce broken nesting, and
// the cost is linear in the text plus n log n in the number of marks.
#include <fmt/core.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ogi/export.hpp"

namespace ogi {
namespace {

void escape_into(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string escape(std::string_view s) {
  std::string out;
  escape_into(out, s);
  return out;
}

struct Mark {
  Span span;
  int fact = -1;     // index into facts, or -1
  int finding = -1;  // index into findings, or -1
};

std::string fact_title(const Fact& f) {
  std::string t = f.indicator;
  if (f.scope != Scope::total) t += fmt::format(" [{}]", to_string(f.scope));
  if (f.applicant != Applicant::none) t += fmt::format(" [{}]", to_string(f.applicant));
  t += fmt::format(" = {}{}", f.value.to_string(), f.unit);
  if (f.blank) t += " (blank cell)";
  t += fmt::format(" ({})", to_string(f.origin));
  return t;
}

constexpr std::string_view kStyle = R"(
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;margin:0;display:flex;height:100vh}
#text{flex:3;overflow:auto;padding:1em 2em;white-space:pre-wrap;line-height:1.7;border-right:1px solid #ccc}
#findings{flex:2;overflow:auto;padding:1em;background:#fafafa}
h1{font-size:1.1em;margin:0 0 .5em} h2{font-size:1em}
.fact{background:#dbeafe;border-bottom:2px solid #3b82f6;cursor:help}
.finding{background:#fde68a;outline:2px solid #d97706}
.finding.error{background:#fecaca;outline-color:#dc2626}
.finding.info{background:#e5e7eb;outline-color:#6b7280}
.item{border-left:4px solid #d97706;padding:.4em .6em;margin:.5em 0;background:#fff}
.item.error{border-color:#dc2626} .item.info{border-color:#6b7280}
.rule{font-family:monospace;color:#555} .sev{font-weight:bold;text-transform:uppercase;font-size:.8em}
.none{color:#15803d}
)";

// Marks the page with how many findings are laid out visibly, so that a
// headless browser test can assert it from the rendered DOM.
constexpr std::string_view kScript = R"(
window.addEventListener('load',function(){var n=0;document.querySelectorAll('#findings .item').forEach(function(e){var r=e.getBoundingClientRect();if(r.width>0&&r.height>0&&getComputedStyle(e).visibility!=='hidden')n++;});document.body.setAttribute('data-visible-findings',String(n));});
)";

}  // namespace

std::string to_html(const Report& r, const std::string& title, bool english) {
  std::vector<Mark> marks;
  for (std::size_t i = 0; i < r.facts.size(); ++i)
    if (!r.facts[i].span.empty()) marks.push_back({r.facts[i].span, static_cast<int>(i), -1});
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    std::vector<Span> spans = f.spans;
    if (!f.span.empty()) spans.push_back(f.span);
    for (Span s : spans)
      if (!s.empty()) marks.push_back({s, -1, static_cast<int>(i)});
  }
  // Boundaries of all marks, clamped to the text.
  std::vector<std::size_t> cuts = {0, r.text.size()};
  for (Mark& m : marks) {
    m.span.end = std::min(m.span.end, r.text.size());
    m.span.begin = std::min(m.span.begin, m.span.end);
    cuts.push_back(m.span.begin);
    cuts.push_back(m.span.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.span.begin < b.span.begin; });

  std::string out;
  out.reserve(r.text.size() * 2 + 4096);
  out += "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>";
  escape_into(out, title);
  out += "</title><style>";
  out += kStyle;
  out += "</style><script>";
  out += kScript;
  out += "</script></head><body>\n<div id=\"text\"><h1>";
  escape_into(out, r.meta.title.empty() ? title : r.meta.title);
  out += "</h1>";

  std::vector<const Mark*> active;  // marks covering the current piece
  std::size_t next = 0;
  std::vector<bool> anchored(r.findings.size(), false);
  for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
    std::size_t a = cuts[c], b = cuts[c + 1];
    active.erase(std::remove_if(active.begin(), active.end(), [&](const Mark* m) { return m->span.end <= a; }),
                 active.end());
    while (next < marks.size() && marks[next].span.begin <= a) {
      if (marks[next].span.end > a) active.push_back(&marks[next]);
      ++next;
    }
    std::string_view piece(r.text.data() + a, b - a);
    if (active.empty()) {
      escape_into(out, piece);
      continue;
    }
    std::string cls, tip, id;
    for (const Mark* m : active) {
      if (m->fact >= 0) {
        if (cls.find("fact") == std::string::npos) cls += " fact";
        tip += fact_title(r.facts[static_cast<std::size_t>(m->fact)]) + "\n";
      } else {
        const Finding& f = r.findings[static_cast<std::size_t>(m->finding)];
        cls += fmt::format(" finding {}", to_string(f.severity));
        tip += fmt::format("[{}] {}\n", f.rule, english && !f.message_en.empty() ? f.message_en : f.message);
        if (!anchored[static_cast<std::size_t>(m->finding)] && id.empty()) {
          anchored[static_cast<std::size_t>(m->finding)] = true;
          id = fmt::format(" id=\"at-{}\"", m->finding);
        }
      }
    }
    out += fmt::format("<span class=\"{}\"{} title=\"{}\">", escape(cls.substr(1)), id, escape(tip));
    escape_into(out, piece);
    out += "</span>";
  }
  out += "</div>\n<div id=\"findings\"><h2>";
  out += english ? "Findings" : "检查结果";
  out += fmt::format(" ({})</h2>\n", r.findings.size());
  if (r.findings.empty())
    out += english ? "<p class=\"none\">No findings.</p>" : "<p class=\"none\">未发现问题。</p>";
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    std::string sev(to_string(f.severity));
    out += fmt::format("<div class=\"item {}\"><span class=\"sev\">{}</span> <span class=\"rule\">{}</span><br>", sev,
                       sev, escape(f.rule));
    std::string msg = english && !f.message_en.empty() ? f.message_en : f.message;
    if (anchored[i]) out += fmt::format("<a href=\"#at-{}\">{}</a>", i, escape(msg));
    else escape_into(out, msg);
    if (!f.expected.empty() || !f.found.empty())
      out += fmt::format("<br><small>{} {} · {} {}</small>", english ? "expected" : "应为", escape(f.expected),
                         english ? "found" : "实为", escape(f.found));
    out += "</div>\n";
  }
  out += "</div>\n</body></html>\n";
  return out;
}

}  // namespace ogi
