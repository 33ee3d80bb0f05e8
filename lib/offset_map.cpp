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
