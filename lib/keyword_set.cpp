#include "keyword_set.hpp"

#include <algorithm>

namespace ogi::detail {

KeywordSet::KeywordSet(std::vector<std::string_view> words) : words_(std::move(words)) {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    std::string_view w = words_[i];
    if (w.empty()) continue;  // an empty word matches nothing
    if (w.size() < 3) {
      short_.push_back(static_cast<std::uint32_t>(i));
      first_byte_.set(static_cast<unsigned char>(w[0]));
      continue;
    }
    const std::uint32_t key = key3(w.data());
    table_.emplace_back(key, static_cast<std::uint32_t>(i));
    filter_.set(key & kFilterMask);
  }
  std::sort(table_.begin(), table_.end());
}

std::size_t KeywordSet::lower(std::uint32_t key) const noexcept {
  auto it = std::lower_bound(table_.begin(), table_.end(), std::pair<std::uint32_t, std::uint32_t>{key, 0});
  return static_cast<std::size_t>(it - table_.begin());
}

std::vector<char> KeywordSet::present(std::string_view text) const {
  std::vector<char> out(words_.size(), 0);
  std::size_t missing = 0;
  for (std::string_view w : words_) missing += w.empty() ? 0 : 1;
  each_match(text, [&](std::size_t, std::size_t w) {
    if (!out[w]) {
      out[w] = 1;
      --missing;
    }
    return missing > 0;
  });
  return out;
}

std::size_t KeywordSet::count_present(std::string_view text) const {
  std::vector<char> p = present(text);
  return static_cast<std::size_t>(std::count(p.begin(), p.end(), 1));
}

}  // namespace ogi::detail
