// libFuzzer target: the quantity recogniser (lib/numbers) on arbitrary text.
// Until the recogniser has an entry of its own it is driven through
// ogi::parse: the input is put in a sentence of a report body, so that every
// digit run, Chinese numeral, multiplier and unit in it reaches numbers().
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string text = "一、总体情况\n本年度共";
  text.append(bytes);
  text.append("。\n");
  ogi::Options options;
  options.kind = ogi::Options::Kind::text;
  options.checks = false;
  ogi::fuzz::parse_and_check(text, options, /*json=*/false);
  return 0;
}
