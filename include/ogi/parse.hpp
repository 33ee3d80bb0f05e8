// Entry points: bytes or a file in, a Report (or an Error) out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "ogi/report.hpp"
#include "ogi/result.hpp"

namespace ogi {

struct Options {
  // Inputs larger than this are refused with ErrorCode::too_large.
  std::size_t max_input_bytes = std::size_t{256} << 20;  // 256 MiB
  // Force an input kind instead of detecting it from the bytes.
  enum class Kind { detect, text, markdown, html, pdf } kind = Kind::detect;
  // Run the consistency checks and fill Report::findings.
  bool checks = true;
};

// Parses one report from memory. Never throws; thread-safe (no global state).
result<Report> parse(std::string_view bytes, const Options& options = {});

// Reads and parses a file. The kind is also detected from the extension
// (.html/.htm, .md, .pdf, .txt) when Options::kind is detect.
result<Report> parse_file(const std::string& path, const Options& options = {});

}  // namespace ogi
