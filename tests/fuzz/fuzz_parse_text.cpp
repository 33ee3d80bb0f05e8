// libFuzzer target: ogi::parse on arbitrary bytes as a plain-text report
// (encoding detection, normalisation, structure, tables in text, numbers,
// facts, checks, JSON export).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ogi::Options options;
  options.kind = ogi::Options::Kind::text;
  ogi::fuzz::parse_and_check(bytes, options);
  return 0;
}
