// libFuzzer target: ogi::parse on arbitrary bytes as an HTML page (charset
// from <meta>, gumbo, markup tables with rowspan/colspan, deep nesting).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ogi::Options options;
  options.kind = ogi::Options::Kind::html;
  ogi::fuzz::parse_and_check(bytes, options);
  return 0;
}
