// lib/text: (placeholder) identity normalisation, split into lines.
#include "doc.hpp"

namespace ogi::detail {

void normalise(Doc& doc) {
  doc.norm = doc.plain;
  doc.norm_map = OffsetMap::identity(doc.norm.size());
  std::size_t start = 0;
  for (std::size_t i = 0; i <= doc.norm.size(); ++i) {
    if (i == doc.norm.size() || doc.norm[i] == '\n') {
      doc.lines.push_back({{start, i}});
      start = i + 1;
    }
  }
}

}  // namespace ogi::detail
