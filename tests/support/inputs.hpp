// Test support: the input files the benchmarks, the thread test and the
// robustness tests run over, and how to read them.
//
// Inputs are the project's own fixtures (tests/fixtures) and, when present,
// the real reports in ../shared/corpus/real. The shared corpus is never
// copied into the project; callers skip it with a message when it is absent.
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "ogi/parse.hpp"

namespace ogi::testing {

struct InputFile {
  std::string path;
  std::string name;   // file name without the directory
  std::string kind;   // "text", "markdown", "html", "pdf"
  std::string bytes;  // the whole file
};

inline bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// The kind a file name says, as ogi::parse_file decides it.
inline std::string kind_of(std::string_view path) {
  if (ends_with_ci(path, ".html") || ends_with_ci(path, ".htm") || ends_with_ci(path, ".shtml")) return "html";
  if (ends_with_ci(path, ".md") || ends_with_ci(path, ".markdown")) return "markdown";
  if (ends_with_ci(path, ".pdf")) return "pdf";
  return "text";
}

// Options for parsing `path` from memory the way parse_file would.
inline Options options_for(std::string_view kind, Options base = {}) {
  if (kind == "html") base.kind = Options::Kind::html;
  else if (kind == "markdown") base.kind = Options::Kind::markdown;
  else if (kind == "pdf") base.kind = Options::Kind::pdf;
  else base.kind = Options::Kind::detect;  // text: let decode detect the encoding
  return base;
}

inline bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return static_cast<bool>(in) || in.eof();
}

// Every regular file directly in `dir` whose extension ogi reads, sorted by
// name. An absent directory gives an empty list.
inline std::vector<InputFile> list_inputs(const std::string& dir) {
  std::vector<InputFile> files;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    std::string path = entry.path().string();
    if (!(ends_with_ci(path, ".txt") || ends_with_ci(path, ".md") || ends_with_ci(path, ".markdown") ||
          ends_with_ci(path, ".html") || ends_with_ci(path, ".htm") || ends_with_ci(path, ".shtml") ||
          ends_with_ci(path, ".pdf")))
      continue;
    InputFile f;
    f.path = path;
    f.name = entry.path().filename().string();
    f.kind = kind_of(path);
    if (!read_file(path, f.bytes)) continue;
    files.push_back(std::move(f));
  }
  std::sort(files.begin(), files.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace ogi::testing
