// lib/structure: (placeholder)
#include "doc.hpp"

namespace ogi::detail {
void structure(Doc&) {}
}  // namespace ogi::detail
