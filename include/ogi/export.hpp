// Output: the JSON contract "ogi/1" (docs/output.md) and CSV rows.
#pragma once

#include <string>

#include "ogi/report.hpp"

namespace ogi {

struct JsonOptions {
  bool with_text = false;    // include Report::text as "text"
  bool pretty = false;       // indented output (otherwise one line)
  bool english = false;      // finding messages in English
  std::string file;          // when set, written first as "file" (batch output)
};

// One JSON object per report, as specified by the "ogi/1" schema.
std::string to_json(const Report& report, const JsonOptions& options = {});

// JSON for a list of findings (used by `ogi compare`).
std::string findings_to_json(const std::vector<Finding>& findings, bool english = false);

// A self-contained HTML page: the report text with every fact highlighted
// (hover for its indicator and value) and each finding beside the numbers it
// concerns. No scripts or styles are loaded from elsewhere.
std::string to_html(const Report& report, const std::string& title, bool english = false);

// CSV header line and one row per fact:
// file,region,year,format,indicator,scope,applicant,value,unit,origin,approx
std::string csv_header();
std::string to_csv_rows(const Report& report, const std::string& file);

}  // namespace ogi
