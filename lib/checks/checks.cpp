// lib/checks: (placeholder)
#include "doc.hpp"
#include "ogi/check.hpp"

namespace ogi {
namespace detail {
void checks(Doc&) {}
}  // namespace detail

std::vector<Finding> check(const Report& report) { return report.findings; }

result<std::vector<Finding>> compare(const Report& last, const Report& cur) {
  return Error{ErrorCode::unsupported, "compare is not implemented yet", 0};
}

}  // namespace ogi
