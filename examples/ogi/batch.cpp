// `ogi batch`: parse many reports on N worker threads and write JSON Lines
// or CSV in input order. A file that cannot be parsed is reported on stderr
// and skipped; the batch goes on.
#include "batch.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "ogi/ogi.hpp"

namespace ogi_cli {
namespace fs = std::filesystem;

namespace {

bool is_report_file(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".html" || ext == ".htm" || ext == ".pdf";
}

// One parsed input, waiting for its turn to be written.
struct Slot {
  bool done = false;
  std::string output;  // JSON line or CSV rows
  std::string error;   // non-empty when the file failed
};

class Output {
 public:
  bool open(const std::string& path) {
    if (path.empty()) return true;
    if (path == "-") {
      f_ = stdout;
      return true;
    }
    f_ = std::fopen(path.c_str(), "wb");
    owned_ = f_ != nullptr;
    return f_ != nullptr;
  }
  void write(std::string_view s) {
    if (f_ && !s.empty() && std::fwrite(s.data(), 1, s.size(), f_) != s.size()) failed_ = true;
  }
  bool close() {
    if (f_ && std::fflush(f_) != 0) failed_ = true;
    if (owned_ && std::fclose(f_) != 0) failed_ = true;
    f_ = nullptr;
    return !failed_;
  }
  explicit operator bool() const { return f_ != nullptr; }

 private:
  std::FILE* f_ = nullptr;
  bool owned_ = false;
  bool failed_ = false;
};

void draw_progress(std::size_t done, std::size_t total, std::size_t failed) {
  constexpr int kWidth = 30;
  int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  fmt::print(stderr, "\r[{}] {}/{} reports{}", bar, done, total,
             failed ? fmt::format(", {} failed", failed) : std::string());
  std::fflush(stderr);
}

}  // namespace

std::vector<std::string> collect_inputs(const std::vector<std::string>& paths, std::vector<std::string>& errors) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      errors.push_back(fmt::format("{}: no such file or directory", p));
      continue;
    }
    if (!fs::is_directory(st)) {
      files.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && is_report_file(it->path())) found.push_back(it->path().string());
    }
    if (ec) errors.push_back(fmt::format("{}: {}", p, ec.message()));
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

int run_batch(const BatchOptions& o) {
  std::vector<std::string> errors;
  std::vector<std::string> files = collect_inputs(o.paths, errors);
  for (const auto& e : errors) fmt::print(stderr, "ogi: error: {}\n", e);

  // One output: CSV when --csv is given, otherwise JSON Lines (stdout by default).
  bool want_csv = !o.csv.empty();
  Output out;
  const std::string& target = want_csv ? o.csv : (o.jsonl.empty() ? std::string("-") : o.jsonl);
  if (!out.open(target)) {
    fmt::print(stderr, "ogi: error: cannot write {}\n", target);
    return 2;
  }
  // UTF-8 byte order mark so that Excel reads the Chinese text correctly.
  if (want_csv) out.write("\xEF\xBB\xBF" + ogi::csv_header());

  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(files.size(), 1)));
  bool progress = o.progress && ::isatty(STDERR_FILENO);

  std::vector<Slot> slots(files.size());
  std::mutex mu;
  std::condition_variable cv;
  std::atomic<std::size_t> next{0};

  auto worker = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      Slot s;
      auto r = ogi::parse_file(files[i]);
      if (!r) {
        s.error = r.error().message;
      } else if (want_csv) {
        s.output = ogi::to_csv_rows(*r, files[i]);
      } else {
        ogi::JsonOptions jo;
        jo.file = files[i];
        s.output = ogi::to_json(*r, jo) + "\n";
      }
      s.done = true;
      {
        std::lock_guard lock(mu);
        slots[i] = std::move(s);
      }
      cv.notify_one();
    }
  };

  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);

  // The main thread writes the results in input order as they complete.
  std::size_t failed = errors.size();
  for (std::size_t i = 0; i < files.size(); ++i) {
    Slot s;
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return slots[i].done; });
      s = std::move(slots[i]);
      slots[i] = Slot{true, {}, {}};
    }
    if (!s.error.empty()) {
      ++failed;
      if (progress) fmt::print(stderr, "\r\033[K");
      fmt::print(stderr, "ogi: error: {}\n", s.error);
    } else {
      out.write(s.output);
    }
    if (progress) draw_progress(i + 1, files.size(), failed);
  }
  for (auto& t : threads) t.join();
  if (progress) fmt::print(stderr, "\n");

  if (!out.close()) {
    fmt::print(stderr, "ogi: error: writing the output failed\n");
    return 2;
  }
  return failed ? 1 : 0;
}

}  // namespace ogi_cli
