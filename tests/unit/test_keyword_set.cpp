// KeywordSet (lib/keyword_set.hpp) against the obvious definition: a word is
// present when string_view::find finds it, and each_match reports exactly
// the offsets find reports, in text order.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "keyword_set.hpp"

using ogi::detail::KeywordSet;

namespace {

std::vector<std::pair<std::size_t, std::size_t>> by_find(const std::vector<std::string_view>& words,
                                                         std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < text.size(); ++i)
    for (std::size_t w = 0; w < words.size(); ++w)
      if (!words[w].empty() && text.substr(i).substr(0, words[w].size()) == words[w]) out.emplace_back(i, w);
  return out;
}

}  // namespace

TEST_SUITE("keyword_set") {
TEST_CASE("present and each_match agree with find") {
  const std::vector<std::string_view> words = {"总体情况", "收到", "收到申请", "件", "a", "", "情况", "申请人情况", "ab", "情"};
  const KeywordSet set(words);
  const std::vector<std::string> texts = {
      "",
      "a",
      "一、总体情况\n全年共收到申请12件。",
      "申请人情况 情况情况 收到收到申请",
      "情",                      // a prefix of a word at the very end
      "\xE6\x83",               // a cut character
      "全年收到申请人情况表aaa",
      "abab情况",
  };
  for (const std::string& t : texts) {
    CAPTURE(t);
    std::vector<std::pair<std::size_t, std::size_t>> got;
    set.each_match(t, [&](std::size_t at, std::size_t w) {
      got.emplace_back(at, w);
      return true;
    });
    // text order; words at one offset in any order
    CHECK(std::is_sorted(got.begin(), got.end(), [](const auto& x, const auto& y) { return x.first < y.first; }));
    std::sort(got.begin(), got.end());
    CHECK(got == by_find(words, t));
    std::vector<char> present = set.present(t);
    REQUIRE(present.size() == words.size());
    std::size_t n = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
      bool expect = !words[w].empty() && t.find(words[w]) != std::string::npos;
      CHECK_MESSAGE(static_cast<bool>(present[w]) == expect, words[w]);
      n += expect ? 1 : 0;
    }
    CHECK(set.count_present(t) == n);
  }
}

TEST_CASE("each_match stops when the callback says so") {
  const KeywordSet set({"件"});
  int calls = 0;
  set.each_match("1件2件3件", [&](std::size_t, std::size_t) { return ++calls < 2; });
  CHECK(calls == 2);
}
}
