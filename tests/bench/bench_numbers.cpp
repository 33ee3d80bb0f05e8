// Benchmark of the quantity recogniser alone (lib/numbers, num::scan).
//
// Inputs, normalised through the pipeline's own decode/layout/normalise:
//   report/<name>        a real report (../shared/corpus/real/xinxiang-2016.txt)
//                        when present, else the project fixture
//                        tests/fixtures/sample-legacy.txt, scanned line by line
//                        as the numbers stage does
//   tiled/<name>         the same text repeated to 1 MiB, as one string
//   adversarial/<what>   1 MiB of digits, of 一, of dense quantities
//                        ("共新增信息12条、"), of 《, of 第, of "1,000,…"
//   linear/<what>/<KiB>  digits and 一 at 64 KiB .. 4 MiB with a complexity fit
// Counter: bytes_per_second (MB/s of input text). Linear cost shows as flat
// MB/s across linear/ sizes and adversarial/ close to tiled/.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "doc.hpp"
#include "numbers/numbers.hpp"

namespace {

namespace num = ogi::detail::num;

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Report {
  std::string name;
  ogi::detail::Doc doc;
};

// The normalised text of the corpus report, or of the project fixture.
bool load_report(Report& r) {
  std::filesystem::path corpus = std::filesystem::path(OGI_SHARED_DIR) / "corpus/real/xinxiang-2016.txt";
  std::filesystem::path fixture = std::filesystem::path(OGI_FIXTURES_DIR) / "sample-legacy.txt";
  std::filesystem::path file = corpus;
  if (!std::filesystem::exists(corpus)) {
    std::fprintf(stderr, "bench_numbers: %s not found, using the project fixture %s\n", corpus.c_str(),
                 fixture.c_str());
    file = fixture;
  }
  std::string bytes = read_file(file);
  if (bytes.empty()) return false;
  r.name = file.filename().string();
  if (!ogi::detail::decode(bytes, r.doc)) return false;
  if (!ogi::detail::layout(r.doc)) return false;
  ogi::detail::normalise(r.doc);
  return true;
}

std::string repeat(std::string_view unit, std::size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s += unit;
  return s;
}

void scan_lines(benchmark::State& state, const ogi::detail::Doc& doc) {
  std::vector<ogi::Quantity> q;
  std::vector<ogi::detail::Skipped> s;
  std::vector<ogi::detail::QuantityContext> c;
  std::size_t found = 0;
  for (auto _ : state) {
    q.clear();
    s.clear();
    c.clear();
    for (const ogi::detail::Line& line : doc.lines) num::scan(doc.text(line.span), line.span.begin, q, s, &c);
    benchmark::DoNotOptimize(q.data());
    found = q.size() + s.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(doc.norm.size()));
  state.counters["items"] = static_cast<double>(found);
}

void scan_text(benchmark::State& state, const std::string& text) {
  std::vector<ogi::Quantity> q;
  std::vector<ogi::detail::Skipped> s;
  std::vector<ogi::detail::QuantityContext> c;
  std::size_t found = 0;
  for (auto _ : state) {
    q.clear();
    s.clear();
    c.clear();
    num::scan(text, 0, q, s, &c);
    benchmark::DoNotOptimize(q.data());
    found = q.size() + s.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
  state.counters["items"] = static_cast<double>(found);
}

}  // namespace

int main(int argc, char** argv) {
  static Report report;
  if (!load_report(report)) {
    std::fprintf(stderr, "bench_numbers: no input could be read\n");
    return 1;
  }
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  static std::string tiled = repeat(report.doc.norm, kMiB);
  static const std::vector<std::pair<std::string, std::string>> adversarial = {
      {"digits", std::string(kMiB, '7')},
      {"yi", repeat("一", kMiB)},
      {"dense_quantities", repeat("共新增信息12条、", kMiB)},
      {"open_titles", repeat("《", kMiB)},
      {"di", repeat("第", kMiB)},
      {"thousands", "1" + repeat(",000", kMiB)},
      {"section_dots", repeat("1.", kMiB)},
      {"decimal_digits", "1." + std::string(kMiB, '5')},
  };

  benchmark::RegisterBenchmark(("report/" + report.name).c_str(),
                               [](benchmark::State& st) { scan_lines(st, report.doc); });
  benchmark::RegisterBenchmark(("tiled/" + report.name).c_str(), [](benchmark::State& st) { scan_text(st, tiled); });
  for (const auto& [name, text] : adversarial) {
    const std::string* t = &text;
    benchmark::RegisterBenchmark(("adversarial/" + name).c_str(), [t](benchmark::State& st) { scan_text(st, *t); });
  }
  for (std::string_view what : {"digits", "yi", "report"}) {
    benchmark::RegisterBenchmark(("linear/" + std::string(what)).c_str(),
                                 [what](benchmark::State& st) {
                                   std::size_t n = static_cast<std::size_t>(st.range(0));
                                   std::string text = what == "digits" ? std::string(n, '7')
                                                      : what == "yi"   ? repeat("一", n)
                                                                       : repeat(report.doc.norm, n);
                                   scan_text(st, text);
                                   st.SetComplexityN(static_cast<std::int64_t>(text.size()));
                                 })
        ->RangeMultiplier(4)
        ->Range(64 << 10, 4 << 20)
        ->Complexity(benchmark::oN);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
