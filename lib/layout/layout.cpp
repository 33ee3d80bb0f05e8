// lib/layout: (placeholder) text passes through unchanged.
#include "doc.hpp"

namespace ogi::detail {

result<bool> layout(Doc& doc) {
  doc.plain = doc.source;
  doc.plain_map = OffsetMap::identity(doc.plain.size());
  return true;
}

}  // namespace ogi::detail
