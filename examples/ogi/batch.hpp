// `ogi batch`: many reports, several threads, output in input order.
#pragma once

#include <string>
#include <vector>

namespace ogi_cli {

struct BatchOptions {
  std::vector<std::string> paths;  // files and directories (searched recursively)
  unsigned jobs = 0;               // worker threads; 0 = number of cores
  std::string jsonl;               // output file for JSON Lines ("-" = stdout)
  std::string csv;                 // output file for CSV ("-" = stdout)
  bool progress = true;            // progress bar on stderr when it is a terminal
};

// Expands directories into the report files under them (.txt .md .html .htm
// .pdf), sorted by path; files named explicitly are kept whatever their name.
std::vector<std::string> collect_inputs(const std::vector<std::string>& paths, std::vector<std::string>& errors);

// Returns the exit status: 0 all parsed, 1 some failed, 2 output could not be written.
int run_batch(const BatchOptions& options);

}  // namespace ogi_cli
