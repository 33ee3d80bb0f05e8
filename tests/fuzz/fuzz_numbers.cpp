// libFuzzer target: the quantity recogniser (lib/numbers, num::scan) on
// arbitrary text. The recogniser is meant for normalised text, but it must
// never crash, read out of bounds or go superlinear on anything.
//
// Checked: every span lies inside the text (shifted by the base offset),
// output is in text order, quantities and skipped items never overlap, one
// context per quantity, spans on UTF-8 character boundaries when the input is
// valid UTF-8, units and labels valid UTF-8 then too.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "../support/invariants.hpp"
#include "numbers/numbers.hpp"

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_numbers: %s\n", what.c_str());
  std::fflush(stderr);
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ogi::detail;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t base = 1000;
  std::vector<ogi::Quantity> quantities;
  std::vector<Skipped> skipped;
  std::vector<QuantityContext> context;
  num::scan(text, base, quantities, skipped, &context);

  if (context.size() != quantities.size()) fail("context count differs from quantity count");
  const bool utf8 = ogi::testing::first_invalid_utf8(text) == std::string_view::npos;
  struct Item {
    ogi::Span s;
    const char* what;
  };
  std::vector<Item> items;
  for (const auto& q : quantities) {
    items.push_back({q.span, "quantity"});
    if (utf8 && ogi::testing::first_invalid_utf8(q.unit) != std::string_view::npos) fail("unit not valid UTF-8");
    if (utf8 && ogi::testing::first_invalid_utf8(q.label) != std::string_view::npos) fail("label not valid UTF-8");
  }
  for (const auto& s : skipped) items.push_back({s.span, "skipped"});
  for (const Item& it : items) {
    if (it.s.begin < base || it.s.begin > it.s.end || it.s.end > base + size)
      fail(std::string(it.what) + " span outside the text");
    if (it.s.empty()) fail(std::string(it.what) + " with an empty span");
    if (utf8 && (!ogi::testing::is_char_boundary(text, it.s.begin - base) ||
                 !ogi::testing::is_char_boundary(text, it.s.end - base)))
      fail(std::string(it.what) + " span cuts a UTF-8 character");
  }
  auto ordered = [](const auto& v, const char* what) {
    for (std::size_t i = 1; i < v.size(); ++i)
      if (v[i].span.begin < v[i - 1].span.end) fail(std::string(what) + " out of order or overlapping");
  };
  ordered(quantities, "quantities");
  ordered(skipped, "skipped items");
  // Quantities and skipped items never overlap each other.
  std::size_t k = 0;
  for (const auto& q : quantities) {
    while (k < skipped.size() && skipped[k].span.end <= q.span.begin) ++k;
    if (k < skipped.size() && skipped[k].span.begin < q.span.end) fail("a quantity overlaps a skipped item");
  }
  return 0;
}
