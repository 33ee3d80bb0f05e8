// lib/facts: (placeholder)
#include "doc.hpp"

namespace ogi::detail {
void facts(Doc&) {}
}  // namespace ogi::detail
