// Consistency checks: identities of each format, printed percentages, prose
// against tables, structure, dates, and year against year.
#pragma once

#include <vector>

#include "ogi/report.hpp"
#include "ogi/result.hpp"

namespace ogi {

// The findings of one report (ogi::parse already stores them in
// Report::findings unless Options::checks is false).
std::vector<Finding> check(const Report& report);

// Compares last year's report of a body with this year's: carry-over of
// pending applications and the roll-forward of documents in force. Refuses
// (ErrorCode::incompatible) when the reports are not of the same body or not
// of consecutive years.
result<std::vector<Finding>> compare(const Report& last_year, const Report& this_year);

}  // namespace ogi
