// lib/facts/catalogue: (placeholder) the indicator table.
#include <algorithm>

#include "ogi/catalogue.hpp"

namespace ogi {
namespace {
constexpr Indicator kIndicators[] = {
    {"apply.received", "收到申请数", "applications received", "件", in_legacy, ""},
};
constexpr Relation kRelations[] = {
    {RelationKind::sum, "apply.received", "apply.received.in_person|apply.received.fax|apply.received.online|apply.received.letter",
     in_legacy, false, true, "sum.mismatch"},
};
}  // namespace

std::span<const Indicator> indicators() noexcept { return kIndicators; }
std::span<const Relation> relations() noexcept { return kRelations; }
const Indicator* find_indicator(std::string_view id) noexcept {
  for (const Indicator& i : kIndicators)
    if (i.id == id) return &i;
  return nullptr;
}

}  // namespace ogi
