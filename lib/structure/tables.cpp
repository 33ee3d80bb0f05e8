// lib/structure/tables: (placeholder)
#include "doc.hpp"

namespace ogi::detail {
void tables(Doc& doc) {
  for (RawTable& t : doc.markup_tables) doc.tables.push_back(std::move(t));
  doc.markup_tables.clear();
}
}  // namespace ogi::detail
