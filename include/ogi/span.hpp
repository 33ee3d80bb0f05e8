// ogi::Span: a half-open byte range [begin, end) into Report::text, the
// report's decoded UTF-8 text. Every object that came from the input carries
// one, so any number or finding can be traced to the bytes it was read from.
#pragma once

#include <cstddef>
#include <string_view>

namespace ogi {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  constexpr std::size_t size() const { return end - begin; }
  constexpr bool empty() const { return end <= begin; }
  constexpr bool contains(std::size_t offset) const { return offset >= begin && offset < end; }
  constexpr bool contains(Span other) const { return other.begin >= begin && other.end <= end; }
  // The spanned bytes of `text` (empty when the span lies outside it).
  constexpr std::string_view of(std::string_view text) const {
    if (begin > end || end > text.size()) return {};
    return text.substr(begin, end - begin);
  }
  friend constexpr bool operator==(Span, Span) = default;
};

}  // namespace ogi
