// Shared by the fuzz targets: parse, then check what must hold for any input.
// A violation prints what went wrong and traps, which libFuzzer records as a
// crash and the replay driver (standalone_main.cpp) as a failed test.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <string_view>

#include "../support/invariants.hpp"
#include "ogi/export.hpp"
#include "ogi/parse.hpp"

namespace ogi::fuzz {

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz: invariant violated: %s\n", what.c_str());
  std::fflush(stderr);
  __builtin_trap();
}

// JSON export must never throw and must always be valid JSON.
inline void check_json(const Report& report) {
  for (int variant = 0; variant < 2; ++variant) {
    JsonOptions jo;
    jo.with_text = variant == 1;
    jo.pretty = variant == 1;
    jo.english = variant == 1;
    std::string out;
    try {
      out = to_json(report, jo);
    } catch (const std::exception& e) {
      fail(std::string("to_json threw: ") + e.what());
    }
    if (!nlohmann::json::accept(out)) fail("to_json produced invalid JSON");
  }
}

// Parses `bytes` with `options`; on success checks the report and its JSON.
// An error is fine as long as it is a clean one (not ErrorCode::internal,
// which means an exception escaped a stage).
inline void parse_and_check(std::string_view bytes, const Options& options, bool json = true) {
  auto r = parse(bytes, options);
  if (!r) {
    const Error& e = r.error();
    if (e.code == ErrorCode::internal) fail("internal error: " + e.message);
    if (e.code == ErrorCode::ok) fail("an error with code ok");
    if (e.message.empty()) fail("an error without a message");
    if (e.offset > bytes.size()) fail("error offset past the end of the input");
    return;
  }
  if (std::string problem = testing::check_report(*r); !problem.empty()) fail(problem);
  if (json) check_json(*r);
}

}  // namespace ogi::fuzz
