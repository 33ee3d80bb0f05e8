// lib/text: plain -> norm. The text is processed in chunks of a few MB cut
// at line ends; on each chunk every pass rewrites it once and returns a
// segment map back to its input, the maps are composed, and the chunk is
// appended to norm with its segments, so Doc::norm_map goes straight back to
// Doc::plain and no whole-text copy is made besides norm itself.
//
//   NFKC (ICU Normalizer2 + Edits) -> spaces and line ends -> Traditional to
//   Simplified (ICU Hant-Hans, only for Traditional text) -> mirror artefacts
//   -> lines and boilerplate flags -> markup tables into norm coordinates.
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <memory>

#include "text/text.hpp"

namespace ogi::detail {
namespace text {

void Rewriter::push(std::size_t out_len, std::size_t in_len, bool linear) {
  const std::size_t out_begin = out_.size() - out_len;
  const std::size_t in_begin = pos_;
  pos_ += in_len;
  if (out_len == 0 && in_len == 0) return;
  if (linear && !segs_.empty()) {
    OffsetMap::Segment& last = segs_.back();
    if (last.to_len == last.from_len && last.to_begin + last.to_len == out_begin &&
        last.from_begin + last.from_len == in_begin) {
      last.to_len += out_len;
      last.from_len += in_len;
      return;
    }
  }
  segs_.push_back({out_begin, out_len, in_begin, in_len});
}

void Rewriter::copy(std::size_t n) {
  if (n == 0) return;
  out_.append(in_.substr(pos_, n));
  push(n, n, true);
}

namespace {
// A change goes into the map as one segment, or as the two pieces
// split_change (lib/doc.hpp) makes of a change of equal lengths whose
// characters differ.
bool push_change(Segments& map, std::size_t db, std::string_view with, std::size_t ob, std::string_view was) {
  OffsetMap::Segment parts[2];
  const int n = split_change(db, with, ob, was, parts);
  for (int i = 0; i < n; ++i) map.push_back(parts[i]);
  return n > 0;
}
}  // namespace

void Rewriter::replace(std::size_t n, std::string_view with) {
  const std::string_view was = in_.substr(pos_, n);
  if (was != with) changed_ = true;
  const std::size_t out_begin = out_.size();
  out_.append(with);
  if (push_change(segs_, out_begin, with, pos_, was)) {
    pos_ += n;
    return;
  }
  push(with.size(), n, with.size() == n);
}

std::string Rewriter::finish() {
  copy(in_.size() - pos_);
  return std::move(out_);
}

Segments compose(const Segments& outer, const Segments& inner) {
  Segments r;
  r.reserve(outer.size() + inner.size());
  const OffsetMap inner_map = to_offset_map(inner);
  auto emit = [&](std::size_t db, std::size_t dl, std::size_t ob, std::size_t ol, bool linear) {
    if (!r.empty()) {
      OffsetMap::Segment& last = r.back();
      const std::size_t last_end = last.from_begin + last.from_len;
      if (ob < last_end) {  // inside the same coarse piece of the original: merge
        last.to_len = db + dl - last.to_begin;
        last.from_len = std::max(last_end, ob + ol) - last.from_begin;
        return;
      }
      if (linear && last.to_len == last.from_len && last_end == ob && last.to_begin + last.to_len == db) {
        last.to_len += dl;
        last.from_len += ol;
        return;
      }
    }
    r.push_back({db, dl, ob, ol});
  };
  std::size_t j = 0;
  for (const OffsetMap::Segment& o : outer) {
    if (o.to_len != o.from_len || o.from_len == 0) {
      const std::size_t ob = inner_map.to_orig(o.from_begin, false);
      const std::size_t oe = o.from_len == 0 ? ob : inner_map.to_orig(o.from_begin + o.from_len, true);
      emit(o.to_begin, o.to_len, ob, oe > ob ? oe - ob : 0, false);
      continue;
    }
    std::size_t p = o.from_begin;
    const std::size_t e = o.from_begin + o.from_len;
    while (p < e) {
      while (j < inner.size() && inner[j].to_begin + inner[j].to_len <= p) ++j;
      if (j == inner.size()) break;
      const OffsetMap::Segment& in = inner[j];
      const std::size_t pe = std::min(e, in.to_begin + in.to_len);
      const std::size_t d = o.to_begin + (p - o.from_begin);
      if (in.to_len == in.from_len) emit(d, pe - p, in.from_begin + (p - in.to_begin), pe - p, true);
      else emit(d, pe - p, in.from_begin, in.from_len, false);
      p = pe;
    }
  }
  return r;
}

OffsetMap to_offset_map(const Segments& segs) {
  OffsetMap m;
  for (const OffsetMap::Segment& s : segs) m.add(s.to_begin, s.to_len, s.from_begin, s.from_len);
  return m;
}

namespace {

// Length of the UTF-8 sequence a lead byte starts (the text is valid UTF-8).
std::size_t u8_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

}  // namespace

bool nfkc(std::string_view in, std::string& out, Segments& map) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* n2 = icu::Normalizer2::getNFKCInstance(ec);
  if (U_FAILURE(ec) || !n2) return false;
  // Chunks of a few MB, cut where NFKC has a boundary (before '\n', or
  // before a character that never combines with what precedes it), so a
  // chunk that is already normal is only quick-checked and copied.
  constexpr std::size_t kChunk = std::size_t{4} << 20;
  bool changed = false;
  out.clear();
  map.clear();
  std::size_t begin = 0;
  while (begin < in.size()) {
    std::size_t end = std::min(in.size(), begin + kChunk);
    while (end < in.size()) {
      const unsigned char c = static_cast<unsigned char>(in[end]);
      if ((c & 0xC0) != 0x80) {  // a character starts here
        if (c == '\n') break;
        UChar32 cp;
        int32_t k = 0;
        const int32_t len = static_cast<int32_t>(std::min<std::size_t>(4, in.size() - end));
        U8_NEXT(reinterpret_cast<const uint8_t*>(in.data() + end), k, len, cp);
        if (cp >= 0 && n2->hasBoundaryBefore(cp)) break;
      }
      ++end;
    }
    const std::string_view chunk = in.substr(begin, end - begin);
    const icu::StringPiece piece(chunk.data(), static_cast<int32_t>(chunk.size()));
    ec = U_ZERO_ERROR;
    const bool normal = n2->isNormalizedUTF8(piece, ec) && U_SUCCESS(ec);
    if (normal) {
      const std::size_t at = out.size();
      out.append(chunk);
      map.push_back({at, chunk.size(), begin, chunk.size()});
    } else {
      icu::Edits edits;
      const std::size_t at = out.size();
      icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(chunk.size()));
      ec = U_ZERO_ERROR;
      n2->normalizeUTF8(0, piece, sink, &edits, ec);
      if (U_FAILURE(ec)) {  // cannot happen on valid UTF-8; keep the chunk as it is
        out.resize(at);
        out.append(chunk);
        map.push_back({at, chunk.size(), begin, chunk.size()});
      } else {
        changed = true;
        icu::Edits::Iterator it = edits.getFineIterator();
        while (it.next(ec)) {
          const std::size_t db = at + static_cast<std::size_t>(it.destinationIndex());
          const std::size_t ob = begin + static_cast<std::size_t>(it.sourceIndex());
          const std::size_t dl = static_cast<std::size_t>(it.newLength());
          const std::size_t ol = static_cast<std::size_t>(it.oldLength());
          if (!it.hasChange() && !map.empty()) {
            OffsetMap::Segment& last = map.back();
            if (last.to_len == last.from_len && last.to_begin + last.to_len == db &&
                last.from_begin + last.from_len == ob) {
              last.to_len += dl;
              last.from_len += ol;
              continue;
            }
          }
          if (it.hasChange() && push_change(map, db, std::string_view(out).substr(db, dl), ob, in.substr(ob, ol)))
            continue;
          map.push_back({db, dl, ob, ol});
        }
      }
    }
    begin = end;
  }
  if (!changed) {
    out.clear();
    map.clear();
  }
  return changed;
}

bool clean_spaces(std::string_view in, std::string& out, Segments& map) {
  Rewriter rw(in);
  const auto* b = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned c = b[i];
    // the second and third byte, when present
    const unsigned c1 = i + 1 < n ? b[i + 1] : 0, c2 = i + 2 < n ? b[i + 2] : 0;
    std::size_t len = 0;
    std::string_view with;
    if (c == '\r') {
      len = 1;
      with = (c1 == '\n') ? "" : "\n";
    } else if (c == '\t' || c == '\v' || c == '\f') {
      len = 1, with = " ";
    } else if (c == 0xC2 && c1 == 0x85) {  // NEL
      len = 2, with = "\n";
    } else if (c == 0xC2 && c1 == 0xAD) {  // soft hyphen
      len = 2;
    } else if (c == 0xE1 && c1 == 0x9A && c2 == 0x80) {  // U+1680 ogham space
      len = 3, with = " ";
    } else if (c == 0xE1 && c1 == 0xA0 && c2 == 0x8E) {  // U+180E
      len = 3;
    } else if (c == 0xE2 && c1 == 0x80 && c2 >= 0x8B && c2 <= 0x8F) {  // U+200B-200F zero width, LRM, RLM
      len = 3;
    } else if (c == 0xE2 && c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9)) {  // U+2028, U+2029
      len = 3, with = "\n";
    } else if (c == 0xE2 && c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE) {  // bidi embedding
      len = 3;
    } else if (c == 0xE2 && c1 == 0x81 && ((c2 >= 0xA0 && c2 <= 0xA4) || (c2 >= 0xA6 && c2 <= 0xA9))) {
      len = 3;  // word joiner, invisible operators, bidi isolates
    } else if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) {  // U+FEFF
      len = 3;
    }
    if (len == 0) {
      i += u8_len(static_cast<unsigned char>(c));
      continue;
    }
    rw.copy_to(i);
    rw.replace(len, with);
    i += len;
  }
  if (!rw.changed()) return false;
  out = rw.finish();
  map = rw.segments();
  return true;
}

}  // namespace text

namespace {

void split_lines(Doc& doc) {
  const std::string_view t = doc.norm;
  doc.lines.clear();
  doc.lines.reserve(static_cast<std::size_t>(std::count(t.begin(), t.end(), '\n')) + 1);
  std::size_t start = 0;
  for (;;) {
    const std::size_t nl = t.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? t.size() : nl;
    Line line;
    line.span = {start, end};
    line.boilerplate = text::is_boilerplate(t.substr(start, end - start));
    doc.lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// A span widened to whole characters: a map from a text whose characters
// were rewritten (an entity gumbo could not decode, NFKC) may land inside
// one, and a cell's text must stay valid UTF-8.
Span whole_chars(std::string_view t, Span s) {
  auto cont = [&](std::size_t i) { return i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80; };
  std::size_t b = std::min(s.begin, t.size()), e = std::min(std::max(s.end, b), t.size());
  while (b > 0 && cont(b)) --b;
  while (cont(e)) ++e;
  return {b, e};
}

Span trim(std::string_view t, Span s) {
  while (s.begin < s.end && is_space(t[s.begin])) ++s.begin;
  while (s.end > s.begin && is_space(t[s.end - 1])) --s.end;
  return s;
}

void map_tables(Doc& doc) {
  const std::string_view t = doc.norm;
  for (RawTable& table : doc.markup_tables) {
    table.span = doc.norm_map.to_derived(table.span);
    if (!table.grid.span.empty()) table.grid.span = doc.norm_map.to_derived(table.grid.span);
    for (Cell& cell : table.grid.cells) {
      cell.span = trim(t, whole_chars(t, doc.norm_map.to_derived(cell.span)));
      cell.text = std::string(cell.span.of(t));
    }
    if (table.anchor_line < 0 && !doc.lines.empty()) {
      auto it = std::upper_bound(doc.lines.begin(), doc.lines.end(), table.span.begin,
                                 [](std::size_t v, const Line& l) { return v < l.span.begin; });
      table.anchor_line = static_cast<int>(std::max<std::ptrdiff_t>(0, (it - doc.lines.begin()) - 1));
    }
  }
}

// End of the chunk that starts at `begin`: a few MB, cut after a '\n' (or,
// in a huge line, where NFKC has a boundary), so the passes can run chunk by
// chunk and only the chunk is ever held twice.
std::size_t chunk_end(std::string_view t, std::size_t begin) {
  constexpr std::size_t kChunk = std::size_t{4} << 20, kLook = std::size_t{1} << 20;
  if (t.size() - begin <= kChunk) return t.size();
  const std::size_t target = begin + kChunk;
  const std::size_t nl = t.substr(target, kLook).find('\n');
  if (nl != std::string_view::npos) return target + nl + 1;
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* n2 = icu::Normalizer2::getNFKCInstance(ec);
  for (std::size_t i = target; i < t.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if ((c & 0xC0) == 0x80) continue;
    if (c < 0x80) {
      if (c != '(' && c != ')' && c != '\r' && c != '\n') return i;
      continue;
    }
    UChar32 cp;
    int32_t k = 0;
    const int32_t len = static_cast<int32_t>(std::min<std::size_t>(4, t.size() - i));
    U8_NEXT(reinterpret_cast<const uint8_t*>(t.data() + i), k, len, cp);
    if (U_SUCCESS(ec) && n2 && cp >= 0 && n2->hasBoundaryBefore(cp)) return i;
  }
  return t.size();
}

}  // namespace

void normalise(Doc& doc) {
  using text::Segments;
  const std::string_view plain = doc.plain;
  // Decisions for the whole text, taken once.
  std::unique_ptr<icu::Transliterator> hant_hans;
  if (text::looks_traditional(plain)) hant_hans = text::make_hant_hans();
  const bool traditional = hant_hans != nullptr;
  const bool strip_pinyin = traditional || text::count_pinyin(plain) >= 3;

  std::string norm;
  norm.reserve(plain.size());
  OffsetMap map;
  bool converted = false;
  std::size_t begin = 0;
  do {
    const std::size_t end = chunk_end(plain, begin);
    const std::string_view chunk = plain.substr(begin, end - begin);
    std::string cur;
    Segments m;  // cur -> chunk
    if (!text::nfkc(chunk, cur, m)) {
      cur.assign(chunk);
      m = {{0, cur.size(), 0, cur.size()}};
    }
    auto step = [&](auto&& pass) {
      std::string next;
      Segments n;
      if (!pass(std::string_view(cur), next, n)) return false;
      m = text::compose(n, m);
      cur = std::move(next);
      return true;
    };
    step([](std::string_view in, std::string& out, Segments& n) { return text::clean_spaces(in, out, n); });
    if (traditional)
      converted |= step([&](std::string_view in, std::string& out, Segments& n) {
        return text::to_simplified(in, *hant_hans, out, n);
      });
    step([&](std::string_view in, std::string& out, Segments& n) {
      return text::clean_mirror(in, strip_pinyin, traditional, out, n);
    });
    if (begin == 0 && end < plain.size()) {
      // Reserve for the whole text at the density of the first chunk.
      map.reserve(m.size() * (plain.size() / end + 1) + 16);
    }
    for (const OffsetMap::Segment& s : m) map.add(norm.size() + s.to_begin, s.to_len, begin + s.from_begin, s.from_len);
    norm += cur;
    begin = end;
  } while (begin < plain.size());

  doc.input.traditional = converted;
  doc.norm = std::move(norm);
  doc.norm_map = std::move(map);
  split_lines(doc);
  map_tables(doc);
}

}  // namespace ogi::detail
