// KeywordSet: which of a fixed list of words occur in a text, in one pass.
//
// Stages that look for many words in a whole report (the format
// fingerprint's signal words, meta labels) would otherwise call
// string_view::find once per word, i.e. one pass over the report per word.
// A KeywordSet indexes its words by their first three bytes (one CJK
// character; a 64 Kbit filter plus a sorted table) and visits every byte of
// the text once; only positions whose three bytes start some word are
// compared (words of one or two bytes are checked by their first byte). Words are UTF-8; since a UTF-8
// lead byte never equals a continuation byte, a match found at any byte
// offset starts on a character boundary.
//
// The words are views: the strings they point to must outlive the set
// (string literals or static tables). Building a set allocates; matching does
// not (except `present`, which returns one flag per word). A const KeywordSet
// is safe to share between threads.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace ogi::detail {

class KeywordSet {
 public:
  KeywordSet() = default;
  explicit KeywordSet(std::vector<std::string_view> words);

  std::size_t size() const noexcept { return words_.size(); }
  std::string_view word(std::size_t i) const { return words_[i]; }

  // Calls fn(offset, index) for every occurrence of every word, in text
  // order (several words at one offset in no set order). fn returns false
  // to stop.
  template <class Fn>
  void each_match(std::string_view text, Fn&& fn) const {
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
      const auto b0 = static_cast<unsigned char>(text[i]);
      if (!short_.empty() && first_byte_[b0]) {
        for (std::uint32_t w : short_) {
          std::string_view s = words_[w];
          if (static_cast<unsigned char>(s[0]) == b0 && text.size() - i >= s.size() &&
              text.compare(i, s.size(), s) == 0 && !fn(i, std::size_t{w}))
            return;
        }
      }
      if (i + 2 >= n) continue;
      const std::uint32_t key = key3(text.data() + i);
      if (!filter_[key & kFilterMask]) continue;
      for (std::size_t e = lower(key); e < table_.size() && table_[e].first == key; ++e) {
        std::string_view w = words_[table_[e].second];
        if (text.size() - i >= w.size() && text.compare(i, w.size(), w) == 0 && !fn(i, std::size_t{table_[e].second}))
          return;
      }
    }
  }

  // One flag per word: does it occur in text?
  std::vector<char> present(std::string_view text) const;
  // How many of the words occur in text (each counted once).
  std::size_t count_present(std::string_view text) const;

 private:
  static constexpr std::uint32_t kFilterMask = 0xFFFF;
  // The first three bytes (one CJK character) as a number.
  static std::uint32_t key3(const char* p) noexcept {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(p[0])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(p[2]));
  }
  std::size_t lower(std::uint32_t key) const noexcept;

  std::vector<std::string_view> words_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> table_;  // (first three bytes, word index), sorted
  std::vector<std::uint32_t> short_;                             // words of one or two bytes
  std::bitset<kFilterMask + 1> filter_;                          // low 16 bits of the keys in table_
  std::bitset<256> first_byte_;                                  // first bytes of the short words
};

}  // namespace ogi::detail
