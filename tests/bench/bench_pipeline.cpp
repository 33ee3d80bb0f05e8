// Benchmarks of the pipeline: each stage alone, end to end, JSON export,
// scaling with input size, and peak memory per input.
//
// Inputs: every report in tests/fixtures and, when present, in
// ../shared/corpus/real (skipped with a message otherwise); directories in
// OGI_BENCH_DIRS (colon-separated) replace both. Run through `make bench`.
//
// Names:  stage/<stage>/<kind>      one stage over every input of a kind
//         e2e/<kind>                ogi::parse with checks, no JSON
//         e2e_json/<kind>           ogi::parse + to_json
//         file/<name>               ogi::parse of one file
//         scale/<name>/x<N>         the file repeated N times (1, 10, 100)
//         memory/<name>[/x<N>]      one parse in a fresh child process
//         adversarial/<shape>/<n>   generated hostile inputs at n and 10n
//         baseline/read/<kind>      reading the files (open + read, page cache), like `cat`
//         baseline/utf8/<kind>      one scalar pass that validates UTF-8: the
//                                   cost of touching every byte once
// Counters: bytes_per_second (MB/s of input), items_per_second (reports/s),
// maxrss_MB (the process's peak RSS so far), and for memory/: peak_MB (peak
// RSS growth of the parse), budget (that growth over 4x input + 1 MiB; at
// most 1 meets the target).
//
// A summary at the end gives, per input kind, end-to-end MB/s and
// reports/s, the worst peak memory, and time(x100)/time(x1) of the scaling
// runs (the target is at most 110). All rates are per CPU second of the one
// parsing thread (Google Benchmark's default), so a busy machine slows the
// wall clock but not the figures much.
#include <benchmark/benchmark.h>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <cstdint>
#include <string_view>
#include <string>
#include <vector>

#include "../support/inputs.hpp"
#include "doc.hpp"
#include "ogi/export.hpp"
#include "ogi/parse.hpp"

extern char** environ;

namespace {

using ogi::testing::InputFile;

constexpr const char* kKinds[] = {"text", "markdown", "html", "pdf"};

double maxrss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

// ---- the stages, in pipeline order ----
struct Stage {
  const char* name;
  std::function<bool(std::string_view, ogi::detail::Doc&)> run;  // false: the input was refused
};

const std::vector<Stage>& stages() {
  using namespace ogi::detail;
  static const std::vector<Stage> s = {
      {"decode", [](std::string_view b, Doc& d) { return decode(b, d).ok(); }},
      {"layout", [](std::string_view, Doc& d) { return layout(d).ok(); }},
      {"normalise", [](std::string_view, Doc& d) { normalise(d); return true; }},
      {"structure", [](std::string_view, Doc& d) { structure(d); return true; }},
      {"tables", [](std::string_view, Doc& d) { tables(d); return true; }},
      {"numbers", [](std::string_view, Doc& d) { numbers(d); return true; }},
      {"facts", [](std::string_view, Doc& d) { facts(d); table_facts(d); return true; }},
      {"checks", [](std::string_view, Doc& d) { checks(d); return true; }},
  };
  return s;
}

// Runs stages [from, to) on doc. False when a stage refused the input.
bool run_stages(std::string_view bytes, ogi::detail::Doc& doc, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if (!stages()[i].run(bytes, doc)) return false;
  return true;
}

std::vector<InputFile>& inputs() {
  static std::vector<InputFile> files;
  return files;
}

std::vector<const InputFile*> of_kind(const std::string& kind) {
  std::vector<const InputFile*> out;
  for (const InputFile& f : inputs())
    if (f.kind == kind) out.push_back(&f);
  return out;
}

std::size_t total_bytes(const std::vector<const InputFile*>& files) {
  std::size_t n = 0;
  for (const InputFile* f : files) n += f->bytes.size();
  return n;
}

void set_counters(benchmark::State& state, std::size_t bytes_per_iteration, std::size_t reports_per_iteration) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes_per_iteration));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * reports_per_iteration));
  state.counters["maxrss_MB"] = maxrss_mb();
}

// stage/<stage>/<kind>: the stage alone. The input of the stage (a Doc
// after the earlier stages) is built once; each iteration copies it with the
// timer paused and times only the stage.
void bench_stage(benchmark::State& state, std::size_t stage, std::vector<const InputFile*> files) {
  std::vector<ogi::detail::Doc> ready;
  std::vector<std::string_view> bytes;
  for (const InputFile* f : files) {
    ogi::detail::Doc doc;
    doc.options = ogi::testing::options_for(f->kind);
    if (!run_stages(f->bytes, doc, 0, stage)) {
      state.SkipWithError((f->name + ": refused by an earlier stage").c_str());
      return;
    }
    ready.push_back(std::move(doc));
    bytes.push_back(f->bytes);
  }
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<ogi::detail::Doc> work = ready;
    state.ResumeTiming();
    for (std::size_t i = 0; i < work.size(); ++i) {
      if (!stages()[stage].run(bytes[i], work[i])) {
        state.SkipWithError("the stage refused an input");
        break;
      }
    }
    benchmark::DoNotOptimize(work.data());
    state.PauseTiming();
    work.clear();
    state.ResumeTiming();
  }
  set_counters(state, total_bytes(files), files.size());
}

// stage/decode+normalise/<kind>: the three first stages together, from bytes.
void bench_front(benchmark::State& state, std::vector<const InputFile*> files) {
  for (auto _ : state) {
    for (const InputFile* f : files) {
      ogi::detail::Doc doc;
      doc.options = ogi::testing::options_for(f->kind);
      if (!run_stages(f->bytes, doc, 0, 3)) {
        state.SkipWithError((f->name + ": refused").c_str());
        return;
      }
      benchmark::DoNotOptimize(doc.norm.data());
    }
  }
  set_counters(state, total_bytes(files), files.size());
}

// e2e/<kind> and file/<name>: ogi::parse with checks; with_json adds to_json.
void bench_parse(benchmark::State& state, std::vector<const InputFile*> files, bool with_json) {
  for (auto _ : state) {
    for (const InputFile* f : files) {
      auto r = ogi::parse(f->bytes, ogi::testing::options_for(f->kind));
      if (!r) {
        state.SkipWithError((f->name + ": " + r.error().message).c_str());
        return;
      }
      if (with_json) {
        std::string json = ogi::to_json(*r);
        benchmark::DoNotOptimize(json.data());
      }
      benchmark::DoNotOptimize(r->facts.data());
    }
  }
  set_counters(state, total_bytes(files), files.size());
}

// stage/json/<kind>: to_json alone on parsed reports.
void bench_json(benchmark::State& state, std::vector<const InputFile*> files) {
  std::vector<ogi::Report> reports;
  for (const InputFile* f : files) {
    auto r = ogi::parse(f->bytes, ogi::testing::options_for(f->kind));
    if (!r) {
      state.SkipWithError((f->name + ": " + r.error().message).c_str());
      return;
    }
    reports.push_back(std::move(*r));
  }
  for (auto _ : state) {
    for (const ogi::Report& r : reports) {
      std::string json = ogi::to_json(r);
      benchmark::DoNotOptimize(json.data());
    }
  }
  set_counters(state, total_bytes(files), files.size());
}

// The file's bytes repeated n times. HTML repeats the page inside one body;
// PDF cannot be repeated by concatenation and is not scaled.
std::string repeated(const InputFile& f, int n) {
  std::string out;
  out.reserve(f.bytes.size() * static_cast<std::size_t>(n) + 64);
  for (int i = 0; i < n; ++i) {
    out += f.bytes;
    if (out.back() != '\n') out += '\n';
  }
  return out;
}

void bench_scale(benchmark::State& state, const InputFile* f, int n) {
  const std::string bytes = repeated(*f, n);
  const ogi::Options opts = ogi::testing::options_for(f->kind);
  for (auto _ : state) {
    auto r = ogi::parse(bytes, opts);
    if (!r) {
      state.SkipWithError((f->name + ": " + r.error().message).c_str());
      return;
    }
    benchmark::DoNotOptimize(r->facts.data());
  }
  set_counters(state, bytes.size(), 1);
}

// ---- adversarial shapes (issue: linear time on hostile input) ----
// Generated inputs at two sizes, n and 10n: the time per byte should not
// grow. deep/<n>: n nested <div> tags around a sentence; rows/<n>: an HTML
// table of n rows of the 三 template shape; line/<MB>: one line of n MB
// of sentences with a number each.
std::string nested_tags(int n) {
  std::string s = "<html><body>";
  for (int i = 0; i < n; ++i) s += "<div>";
  s += "全年共受理政府信息公开申请236件。";
  for (int i = 0; i < n; ++i) s += "</div>";
  return s + "</body></html>";
}

std::string table_rows(int n) {
  std::string s = "<html><body><p>三、收到和处理政府信息公开申请情况</p><table>";
  for (int i = 0; i < n; ++i)
    s += "<tr><td>（" + std::to_string(i % 7 + 1) + "）其他处理</td><td>1</td><td>0</td><td>2</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>";
  return s + "</table></body></html>";
}

std::string long_line(int mb) {
  const std::string sentence = "全年共受理政府信息公开申请236件，";
  std::string s = "一、总体情况\n";
  while (s.size() < static_cast<std::size_t>(mb) << 20) s += sentence;
  return s;
}

void bench_generated(benchmark::State& state, std::string bytes, ogi::Options::Kind kind) {
  ogi::Options opts;
  opts.kind = kind;
  for (auto _ : state) {
    auto r = ogi::parse(bytes, opts);
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(r->quantities.data());
  }
  set_counters(state, bytes.size(), 1);
}

// ---- peak memory, measured in a fresh child process ----
// The child (this program run with --ogi-peak-rss PATH KIND N) reads the
// file, parses it once to warm up, repeats it N times, resets the RSS
// high-water mark (Linux
// /proc/self/clear_refs), notes its RSS, parses once and prints
// "<input bytes> <rss before KiB> <peak KiB>".
long status_kib(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(field);
  while (std::getline(in, line))
    if (line.compare(0, n, field) == 0 && line.size() > n && line[n] == ':') return std::atol(line.c_str() + n + 1);
  return -1;
}

int peak_rss_child(const char* path, const char* kind, int n) {
  InputFile f;
  f.kind = kind;
  if (!ogi::testing::read_file(path, f.bytes)) return 2;
  std::string bytes = repeated(f, n);
  // One parse first, so one-time costs (ICU data pages, first-use tables)
  // are not counted as the memory of a parse.
  (void)ogi::parse(f.bytes, ogi::testing::options_for(kind));
  {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";  // resets VmHWM to the current RSS
  }
  long before = status_kib("VmRSS");
  auto r = ogi::parse(bytes, ogi::testing::options_for(kind));
  long peak = status_kib("VmHWM");
  if (peak < 0) {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    peak = ru.ru_maxrss;
  }
  std::printf("%zu %ld %ld %d\n", bytes.size(), before, peak, r.ok() ? 1 : 0);
  return 0;
}

std::string self_exe() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  return std::string(buf, static_cast<std::size_t>(n));
}

void bench_memory(benchmark::State& state, const InputFile* f, int n) {
  double input = 0, growth_kib = 0;
  bool ok = false;
  for (auto _ : state) {
    int fds[2];
    if (pipe(fds) != 0) {
      state.SkipWithError("pipe failed");
      return;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    std::string exe = self_exe(), times = std::to_string(n);
    std::string flag = "--ogi-peak-rss";
    char* argv[] = {exe.data(), flag.data(), const_cast<char*>(f->path.c_str()), const_cast<char*>(f->kind.c_str()),
                    times.data(), nullptr};
    pid_t pid = 0;
    int rc = posix_spawn(&pid, exe.c_str(), &fa, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    std::string out;
    char buf[256];
    ssize_t got;
    while ((got = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(got));
    close(fds[0]);
    int status = 0;
    if (rc == 0) waitpid(pid, &status, 0);
    std::size_t bytes = 0;
    long before = 0, peak = 0;
    int parsed = 0;
    if (rc != 0 || std::sscanf(out.c_str(), "%zu %ld %ld %d", &bytes, &before, &peak, &parsed) != 4) {
      state.SkipWithError("the child process failed");
      return;
    }
    input = static_cast<double>(bytes);
    growth_kib = static_cast<double>(std::max(0L, peak - before));
    ok = parsed == 1;
  }
  if (!ok) {
    state.SkipWithError((f->name + ": parse failed").c_str());
    return;
  }
  state.counters["input_MB"] = input / (1 << 20);
  state.counters["peak_MB"] = growth_kib / 1024.0;
  state.counters["budget"] = growth_kib * 1024.0 / (4.0 * input + (1 << 20));
}

// ---- summary: per kind MB/s, reports/s, memory, and scaling ----
class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  explicit SummaryReporter(bool color) : ConsoleReporter(color ? OO_ColorTabular : OO_Tabular) {}
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      if (r.error_occurred || r.run_type != Run::RT_Iteration) continue;
      std::string name = r.benchmark_name();
      auto counter = [&](const char* c) {
        auto it = r.counters.find(c);
        return it == r.counters.end() ? 0.0 : static_cast<double>(it->second);
      };
      if (name.rfind("e2e/", 0) == 0) {
        std::string kind = name.substr(4);
        e2e_[kind] = {counter("bytes_per_second") / 1e6, counter("items_per_second")};
      } else if (name.rfind("memory/", 0) == 0) {
        worst_budget_ = std::max(worst_budget_, counter("budget"));
        worst_budget_name_ = worst_budget_ == counter("budget") ? name : worst_budget_name_;
      } else if (name.rfind("scale/", 0) == 0) {
        std::size_t x = name.rfind("/x");
        scale_[name.substr(6, x - 6)][std::atoi(name.c_str() + x + 2)] = r.GetAdjustedCPUTime();
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf("\n== summary (one core) ==\n");
    std::printf("%-10s %12s %12s   target (end to end, no JSON)\n", "kind", "MB/s", "reports/s");
    for (const auto& [kind, v] : e2e_) {
      const char* target = kind == "html" ? ">= 80 MB/s" : (kind == "pdf" ? "(none)" : ">= 200 MB/s");
      std::printf("%-10s %12.1f %12.1f   %s\n", kind.c_str(), v.first, v.second, target);
    }
    if (worst_budget_ > 0)
      std::printf("peak memory: worst %.2f of the budget 4x input + 1 MiB (%s; target <= 1)\n", worst_budget_,
                  worst_budget_name_.c_str());
    for (const auto& [file, times] : scale_) {
      auto one = times.find(1), hundred = times.find(100);
      if (one != times.end() && hundred != times.end() && one->second > 0)
        std::printf("scaling %s: x100 input took %.1f times as long as x1 (target <= 110)\n", file.c_str(),
                    hundred->second / one->second);
    }
    std::fflush(stdout);
  }

 private:
  std::map<std::string, std::pair<double, double>> e2e_;
  std::map<std::string, std::map<int, double>> scale_;
  double worst_budget_ = 0;
  std::string worst_budget_name_;
};

void load_inputs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("OGI_BENCH_DIRS"); env && *env) {
    std::string s = env;
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t end = s.find(':', start);
      if (end == std::string::npos) end = s.size();
      if (end > start) dirs.push_back(s.substr(start, end - start));
      start = end + 1;
    }
  } else {
    dirs.push_back(OGI_FIXTURES_DIR);
    std::string real = std::string(OGI_SHARED_DIR) + "/corpus/real";
    if (ogi::testing::list_inputs(real).empty())
      std::fprintf(stderr, "bench: %s is absent: skipping the real reports, running on the fixtures only\n",
                   real.c_str());
    else
      dirs.push_back(real);
  }
  for (const std::string& d : dirs) {
    auto files = ogi::testing::list_inputs(d);
    if (files.empty()) std::fprintf(stderr, "bench: no input files in %s\n", d.c_str());
    for (auto& f : files) inputs().push_back(std::move(f));
  }
}

// ---- baselines: what the rates above compare with ----

// Reads every file of the kind from the page cache into one buffer, the
// work `cat` does.
void bench_read(benchmark::State& state, std::vector<const InputFile*> files) {
  std::string buf;
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const InputFile* f : files) {
      std::ifstream in(f->path, std::ios::binary);
      buf.resize(f->bytes.size());
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      benchmark::DoNotOptimize(buf.data());
      bytes += f->bytes.size();
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * files.size()));
}

// A plain scalar UTF-8 validation: every byte touched once.
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

void bench_utf8(benchmark::State& state, std::vector<const InputFile*> files) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const InputFile* f : files) {
      benchmark::DoNotOptimize(valid_utf8(f->bytes));
      bytes += f->bytes.size();
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

void register_all() {
  for (const char* kind : kKinds) {
    auto files = of_kind(kind);
    if (files.empty()) continue;
    std::string k = kind;
    benchmark::RegisterBenchmark(("baseline/read/" + k).c_str(), bench_read, files);
    if (k != "pdf") benchmark::RegisterBenchmark(("baseline/utf8/" + k).c_str(), bench_utf8, files);
    benchmark::RegisterBenchmark(("stage/decode+normalise/" + k).c_str(), bench_front, files);
    for (std::size_t s = 0; s < stages().size(); ++s)
      benchmark::RegisterBenchmark((std::string("stage/") + stages()[s].name + "/" + k).c_str(), bench_stage, s,
                                   files);
    benchmark::RegisterBenchmark(("stage/json/" + k).c_str(), bench_json, files);
    benchmark::RegisterBenchmark(("e2e/" + k).c_str(), bench_parse, files, false);
    benchmark::RegisterBenchmark(("e2e_json/" + k).c_str(), bench_parse, files, true);
  }
  for (const InputFile& f : inputs())
    benchmark::RegisterBenchmark(("file/" + f.name).c_str(), bench_parse, std::vector<const InputFile*>{&f}, false);

  // Scaling and memory: the largest input of each kind but PDF.
  for (const char* kind : kKinds) {
    if (std::string(kind) == "pdf") continue;
    auto files = of_kind(kind);
    if (files.empty()) continue;
    const InputFile* big = *std::max_element(files.begin(), files.end(), [](auto* a, auto* b) {
      return a->bytes.size() < b->bytes.size();
    });
    for (int n : {1, 10, 100})
      benchmark::RegisterBenchmark(("scale/" + big->name + "/x" + std::to_string(n)).c_str(), bench_scale, big, n)
          ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("memory/" + big->name + "/x100").c_str(), bench_memory, big, 100)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
  }
  for (int n : {10000, 100000})
    benchmark::RegisterBenchmark(("adversarial/deep/" + std::to_string(n)).c_str(), bench_generated, nested_tags(n),
                                 ogi::Options::Kind::html)
        ->Unit(benchmark::kMillisecond);
  for (int n : {1000, 10000})
    benchmark::RegisterBenchmark(("adversarial/rows/" + std::to_string(n)).c_str(), bench_generated, table_rows(n),
                                 ogi::Options::Kind::html)
        ->Unit(benchmark::kMillisecond);
  for (int mb : {1, 10})
    benchmark::RegisterBenchmark(("adversarial/line/" + std::to_string(mb) + "MB").c_str(), bench_generated,
                                 long_line(mb), ogi::Options::Kind::text)
        ->Unit(benchmark::kMillisecond);
  for (const InputFile& f : inputs())
    benchmark::RegisterBenchmark(("memory/" + f.name).c_str(), bench_memory, &f, 1)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 5 && std::strcmp(argv[1], "--ogi-peak-rss") == 0)
    return peak_rss_child(argv[2], argv[3], std::atoi(argv[4]));
  // Colour as Google Benchmark decides it: --benchmark_color=auto|true|false.
  bool color = isatty(1) != 0;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a.rfind("--benchmark_color=", 0) == 0) {
      std::string_view v = a.substr(18);
      color = v == "auto" ? isatty(1) != 0 : (v == "true" || v == "yes" || v == "1");
    }
  }
  load_inputs();
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  SummaryReporter reporter(color);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
