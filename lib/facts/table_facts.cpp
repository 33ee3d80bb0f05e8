// lib/facts/table_facts: (placeholder)
#include "doc.hpp"

namespace ogi::detail {
void table_facts(Doc&) {}
}  // namespace ogi::detail
