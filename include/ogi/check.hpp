// Consistency checks: identities of each format, printed percentages, prose
// against tables, structure, dates, and year against year.
#pragma once

#include <string>
#include <vector>

#include "ogi/report.hpp"
#include "ogi/result.hpp"

namespace ogi {

// The findings of one report (ogi::parse already stores them in
// Report::findings unless Options::checks is false).
std::vector<Finding> check(const Report& report);

// One cross-year relation that could be evaluated, whether it holds or not.
struct CrossYearResult {
  std::string rule;            // "crossyear.carryover" or "crossyear.in_force"
  std::string indicator;       // this year's indicator (apply.carried_in, disclosure.rules.in_force ...)
  Applicant applicant = Applicant::none;
  Decimal expected;            // from last year's report (plus this year's changes)
  Decimal found;               // printed in this year's report
  bool holds = true;
  std::string explanation;     // e.g. "8 = 5 + 3 - 0"
};

struct Comparison {
  std::vector<CrossYearResult> results;  // every relation evaluated
  std::vector<Finding> findings;         // the ones that do not hold (warnings)
};

// Compares last year's report of a body with this year's: carry-over of
// pending applications (上年结转 = last year's 结转下年度继续办理, per
// applicant column) and the roll-forward of documents in force (现行有效 =
// last year's 现行有效 + 制发 - 废止). Refuses (ErrorCode::incompatible) when
// the reports are not of the same body or not of consecutive years.
result<Comparison> compare(const Report& last_year, const Report& this_year);

}  // namespace ogi
