// Parses every fixture and corpus report from several threads at once and
// checks that each thread gets exactly the JSON of a single-threaded parse;
// then reads one const Report from all threads at once. Meaningful in any
// build (a wrong result from shared state fails it); under ThreadSanitizer
// (`make tsan`) a data race also fails it.
//
//   ogi_thread_test [THREADS] [ROUNDS]     defaults: 4 threads, 2 rounds
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "../support/inputs.hpp"
#include "ogi/export.hpp"
#include "ogi/parse.hpp"

namespace {

std::string parse_to_json(const ogi::testing::InputFile& f) {
  auto r = ogi::parse(f.bytes, ogi::testing::options_for(f.kind));
  if (!r) return "error " + std::to_string(static_cast<int>(r.error().code)) + ": " + r.error().message;
  ogi::JsonOptions jo;
  jo.with_text = true;
  return ogi::to_json(*r, jo);
}

}  // namespace

int main(int argc, char** argv) {
  const int threads = argc > 1 ? std::max(1, std::atoi(argv[1])) : 4;
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 2;

  std::vector<ogi::testing::InputFile> files = ogi::testing::list_inputs(OGI_FIXTURES_DIR);
  const std::string real = std::string(OGI_SHARED_DIR) + "/corpus/real";
  auto shared = ogi::testing::list_inputs(real);
  if (shared.empty())
    std::printf("threads: %s is absent: the real reports are skipped, fixtures and seeds only\n", real.c_str());
  for (auto& f : shared) files.push_back(std::move(f));
  for (const char* seeds : {"fuzz_parse_text", "fuzz_parse_html"})
    for (auto& f : ogi::testing::list_inputs(std::string(OGI_FUZZ_CORPUS_DIR) + "/" + seeds))
      files.push_back(std::move(f));
  if (files.empty()) {
    std::printf("threads: no input files found\n");
    return 1;
  }

  // Reference: one thread.
  std::vector<std::string> expected;
  for (const auto& f : files) expected.push_back(parse_to_json(f));

  std::atomic<int> mismatches{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int round = 0; round < rounds; ++round) {
        // Each thread walks the files from a different start, so different
        // inputs are in flight at the same time.
        for (std::size_t k = 0; k < files.size(); ++k) {
          std::size_t i = (k + static_cast<std::size_t>(t) * files.size() / threads) % files.size();
          if (parse_to_json(files[i]) != expected[i]) {
            std::fprintf(stderr, "threads: thread %d round %d: %s differs from the single-threaded parse\n", t,
                         round, files[i].path.c_str());
            ++mismatches;
          }
        }
      }
    });
  }
  for (auto& th : pool) th.join();

  // One const Report read from every thread at once.
  int shared_failures = 0;
  for (const auto& f : files) {
    auto r = ogi::parse(f.bytes, ogi::testing::options_for(f.kind));
    if (!r) continue;
    const ogi::Report& report = *r;
    const std::string once = ogi::to_json(report);
    std::atomic<int> bad{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < threads; ++t)
      readers.emplace_back([&] {
        if (ogi::to_json(report) != once) ++bad;
        for (const ogi::Fact& fact : report.facts) (void)report.line_col(fact.span.begin);
      });
    for (auto& th : readers) th.join();
    if (bad) {
      std::fprintf(stderr, "threads: %s: concurrent reads of one report disagree\n", f.path.c_str());
      ++shared_failures;
    }
  }

  if (mismatches || shared_failures) {
    std::printf("threads: FAILED: %d mismatching parses, %d reports read inconsistently\n", mismatches.load(),
                shared_failures);
    return 1;
  }
  std::printf("threads: %zu inputs x %d threads x %d rounds: every parse identical to the single-threaded one\n",
              files.size(), threads, rounds);
  return 0;
}
