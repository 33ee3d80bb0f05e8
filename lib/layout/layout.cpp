// lib/layout: the visible text of the input, one block per line (`plain`),
// its map back to the decoded source, and the tables of HTML markup.
//
//   HTML            lib/layout/html.cpp (gumbo)
//   PDF, text, MD   lib/layout/furniture.cpp: pages separated by '\f' (the
//                   PDF text and pdftotext output) lose page numbers and
//                   running headers; anything else passes through unchanged
#include "layout/layout.hpp"

namespace ogi::detail {

result<bool> layout(Doc& doc) {
  doc.markup_tables.clear();
  if (doc.input.kind == InputKind::html) {
    auto r = html_layout(doc.source);
    if (!r) return r.error();
    doc.plain = std::move(r->plain);
    doc.plain_map = std::move(r->map);
    doc.markup_tables = std::move(r->tables);
    return true;
  }
  if (doc.source.find('\f') == std::string::npos) {
    // nothing to strip: the text is its own layout (no copy)
    doc.plain_map = OffsetMap::identity(doc.source.size());
    doc.plain = std::move(doc.source);
    doc.source = std::string();
    doc.plain_is_source = true;
    return true;
  }
  Derived d = strip_page_furniture(doc.source);
  doc.plain = std::move(d.text);
  doc.plain_map = std::move(d.map);
  return true;
}

}  // namespace ogi::detail
