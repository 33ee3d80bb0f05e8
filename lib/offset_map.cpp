// OffsetMap: monotone segment map between a derived text and its original.
#include <algorithm>

#include "doc.hpp"

namespace ogi::detail {

OffsetMap OffsetMap::identity(std::size_t n) {
  OffsetMap m;
  m.add(0, n, 0, n);
  return m;
}

void OffsetMap::add(std::size_t db, std::size_t dl, std::size_t ob, std::size_t ol) {
  // Merge with the previous segment when both are linear and contiguous.
  if (!segs_.empty()) {
    Segment& last = segs_.back();
    if (last.to_len == last.from_len && dl == ol && last.to_begin + last.to_len == db &&
        last.from_begin + last.from_len == ob) {
      last.to_len += dl;
      last.from_len += ol;
      return;
    }
  }
  segs_.push_back({db, dl, ob, ol});
}

namespace {
bool same_boundaries(std::string_view a, std::string_view b) {
  for (std::size_t k = 0; k < a.size(); ++k)
    if (((static_cast<unsigned char>(a[k]) & 0xC0) == 0x80) != ((static_cast<unsigned char>(b[k]) & 0xC0) == 0x80))
      return false;
  return true;
}

// Bytes of the last UTF-8 character of s (s not empty).
std::size_t last_char_len(std::string_view s) {
  std::size_t k = s.size() - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  return s.size() - k;
}
}  // namespace

int split_change(std::size_t db, std::string_view with, std::size_t ob, std::string_view was,
                 OffsetMap::Segment out[2]) {
  if (with.size() != was.size() || with.empty() || same_boundaries(was, with)) return 0;
  const std::size_t last = last_char_len(with);
  if (last < with.size()) {
    out[0] = {db, with.size() - last, ob, was.size()};
    out[1] = {db + with.size() - last, last, ob + was.size(), 0};
  } else {
    const std::size_t k = last_char_len(was);
    out[0] = {db, with.size(), ob, was.size() - k};
    out[1] = {db + with.size(), 0, ob + was.size() - k, k};
  }
  return 2;
}

void OffsetMap::add_change(std::size_t db, std::string_view with, std::size_t ob, std::string_view was) {
  Segment parts[2];
  const int n = split_change(db, with, ob, was, parts);
  if (n == 0) {
    add(db, with.size(), ob, was.size());
    return;
  }
  for (int i = 0; i < n; ++i) segs_.push_back(parts[i]);
}

namespace {
// Maps x through segments given accessors for the source side (sb, sl) and
// target side (tb, tl).
template <class SB, class SL, class TB, class TL>
std::size_t map_through(const std::vector<OffsetMap::Segment>& segs, std::size_t x, bool is_end, SB sb, SL sl, TB tb,
                        TL tl) {
  if (segs.empty()) return x;
  // first segment whose source begin is > x, then step back
  auto it = std::upper_bound(segs.begin(), segs.end(), x,
                             [&](std::size_t v, const OffsetMap::Segment& s) { return v < sb(s); });
  if (it == segs.begin()) return tb(*it);
  --it;
  // For an end offset exactly at a segment start, prefer the previous segment's end.
  if (is_end && x == sb(*it) && it != segs.begin()) {
    auto prev = it - 1;
    // skip empty segments (bytes dropped or inserted there) so an end stays before them
    while (prev != segs.begin() && sl(*prev) == 0 && sb(*(prev - 1)) + sl(*(prev - 1)) == x) --prev;
    if (sb(*prev) + sl(*prev) == x) return tb(*prev) + tl(*prev);
  }
  std::size_t off = x - sb(*it);
  if (off >= sl(*it)) {
    // past this segment (a gap or the end): clamp to its end
    return tb(*it) + tl(*it);
  }
  if (sl(*it) == tl(*it)) return tb(*it) + off;
  if (off == 0) return tb(*it);
  return is_end ? tb(*it) + tl(*it) : tb(*it);
}
}  // namespace

std::size_t OffsetMap::to_orig(std::size_t d, bool is_end) const {
  return map_through(
      segs_, d, is_end, [](const Segment& s) { return s.to_begin; }, [](const Segment& s) { return s.to_len; },
      [](const Segment& s) { return s.from_begin; }, [](const Segment& s) { return s.from_len; });
}

std::size_t OffsetMap::to_derived(std::size_t o, bool is_end) const {
  return map_through(
      segs_, o, is_end, [](const Segment& s) { return s.from_begin; }, [](const Segment& s) { return s.from_len; },
      [](const Segment& s) { return s.to_begin; }, [](const Segment& s) { return s.to_len; });
}

}  // namespace ogi::detail
