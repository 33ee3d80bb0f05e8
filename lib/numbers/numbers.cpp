// lib/numbers: (placeholder)
#include "doc.hpp"

namespace ogi::detail {
void numbers(Doc&) {}
}  // namespace ogi::detail
