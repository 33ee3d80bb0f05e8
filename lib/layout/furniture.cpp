// lib/layout: page furniture of paginated text (pdftotext -layout output and
// the PDF text of lib/input/pdf.cpp): page-number lines and running headers
// and footers. Pages are separated by '\f'.
//
// Only the first and last lines of a page are looked at, so the pass is
// linear. A page number in words ("第 3 页", "Page 9", "- 2 -", "3/6") is
// removed where it stands; a bare number ("7") only when the pages agree on
// a sequence (page index + a constant), because a bare number at the foot of
// a page may equally be a table value.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>

#include "layout/layout.hpp"

namespace ogi::detail {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// Horizontal space: ASCII space, tab, CR, U+00A0, U+3000. Returns its byte
// length at s[i], or 0.
std::size_t space_at(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80)
    return 3;
  return 0;
}

// The byte length of a trailing space ending at s[end-1], or 0.
std::size_t space_before(std::string_view s, std::size_t end) {
  if (end == 0) return 0;
  const unsigned char c = static_cast<unsigned char>(s[end - 1]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\v') return 1;
  if (end >= 2 && c == 0xA0 && static_cast<unsigned char>(s[end - 2]) == 0xC2) return 2;
  if (end >= 3 && c == 0x80 && static_cast<unsigned char>(s[end - 2]) == 0x80 &&
      static_cast<unsigned char>(s[end - 3]) == 0xE3)
    return 3;
  return 0;
}

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e) {
    const std::size_t n = space_at(s, b);
    if (n == 0) break;
    b += n;
  }
  while (e > b) {
    const std::size_t n = space_before(s, e);
    if (n == 0) break;
    e -= n;
  }
  return s.substr(b, e - b);
}

bool blank(std::string_view s) { return trim(s).empty(); }

// A left-to-right reader over one trimmed line.
struct Reader {
  std::string_view s;
  std::size_t i = 0;

  bool done() const { return i >= s.size(); }
  void spaces() {
    while (i < s.size()) {
      const std::size_t n = space_at(s, i);
      if (n == 0) break;
      i += n;
    }
  }
  bool lit(std::string_view w) {
    if (s.substr(i, w.size()) == w) {
      i += w.size();
      return true;
    }
    return false;
  }
  bool lit_ci(std::string_view w) {  // ASCII, case-insensitive
    if (s.size() - i < w.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k) {
      char c = s[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != w[k]) return false;
    }
    i += w.size();
    return true;
  }
  // One dash-like character: - – — ― ‒ ‐ − － ~ ～
  bool dash() {
    static constexpr std::string_view dashes[] = {"-",  "\u2013", "\u2014", "\u2015", "\u2012",
                                                  "\u2010", "\u2212", "\uFF0D", "~", "\uFF5E"};
    for (std::string_view d : dashes)
      if (lit(d)) return true;
    return false;
  }
  // ASCII or full-width digits, at most 5; -1 when none.
  long number() {
    long v = 0;
    int digits = 0;
    while (i < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      int d = -1;
      std::size_t len = 1;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
        const unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
        if (c2 >= 0x90 && c2 <= 0x99) d = c2 - 0x90, len = 3;
      }
      if (d < 0) break;
      if (++digits > 5) return -1;
      v = v * 10 + d;
      i += len;
    }
    return digits == 0 ? -1 : v;
  }
};

}  // namespace

PageNumberLine classify_page_number(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.empty() || t.size() > 160) return {};

  // - 2 -   —3—   7   (dashes on both sides, or none)
  {
    Reader r{t};
    int before = 0, after = 0;
    while (r.dash()) ++before, r.spaces();
    const long v = r.number();
    if (v >= 0) {
      r.spaces();
      while (r.dash()) ++after, r.spaces();
      if (r.done()) {
        if (before > 0 && after > 0) return {PageNumberLine::strong, v};
        if (before == 0 && after == 0) return {PageNumberLine::bare, v};
        return {};  // "-4" is a negative number, "4-" a fragment
      }
    }
  }
  // 第 3 页, 第3页 共6页, 第3页/共6页, 共6页 第3页
  {
    Reader r{t};
    long total = -1;
    if (r.lit("共")) {
      r.spaces();
      total = r.number();
      r.spaces();
      if (total < 0 || !r.lit("页")) total = -2;
      r.spaces();
      r.lit(",") || r.lit("，") || r.lit("/");
      r.spaces();
    }
    if (total != -2 && r.lit("第")) {
      r.spaces();
      const long v = r.number();
      r.spaces();
      if (v >= 0 && r.lit("页")) {
        r.spaces();
        if (r.done()) return {PageNumberLine::strong, v};
        if (total == -1) {
          r.lit(",") || r.lit("，") || r.lit("/");
          r.spaces();
          if (r.lit("共")) {
            r.spaces();
            if (r.number() >= 0) {
              r.spaces();
              r.lit("页");
              r.spaces();
              if (r.done()) return {PageNumberLine::strong, v};
            }
          }
        }
      }
    }
  }
  // Page 9, Page 9 - 2020年报_审计局, Page 9 of 12, P. 9, P.9
  {
    Reader r{t};
    if (r.lit_ci("page")) {
      r.spaces();
      const long v = r.number();
      if (v >= 0) {
        const std::size_t after = r.i;
        r.spaces();
        // anything may follow a separator (the flip-book's document name)
        if (r.done() || r.i > after || r.dash() || r.lit("/") || r.lit(":") || r.lit("|"))
          return {PageNumberLine::strong, v};
      }
    }
    r.i = 0;
    if (r.lit("P") || r.lit("p")) {
      const bool dot = r.lit(".");
      const std::size_t before = r.i;
      r.spaces();
      if (dot || r.i > before) {
        const long v = r.number();
        r.spaces();
        if (v >= 0 && r.done()) return {PageNumberLine::strong, v};
      }
    }
  }
  // 3/6, 3 / 6, 3 of 6
  {
    Reader r{t};
    const long a = r.number();
    if (a >= 0) {
      r.spaces();
      if (r.lit("/") || r.lit("\uFF0F") || r.lit_ci("of")) {
        r.spaces();
        const long b = r.number();
        r.spaces();
        if (b > 0 && a <= b && r.done()) return {PageNumberLine::strong, a};
      }
    }
  }
  return {};
}

namespace {

struct LineRef {
  std::size_t b = 0, e = 0;  // e excludes the '\n'
};

// Keys of a candidate running header/footer: the trimmed line with runs of
// spaces as one ' ' (exact), the same with digits as '0' (masked), and the
// value of its last run of digits (-1 when none). Empty keys when the line
// has no letter or CJK character (a row of numbers is a table, not a header).
struct FurnitureKey {
  std::string exact, masked;
  long last_number = -1;
};
FurnitureKey furniture_key(std::string_view line) {
  FurnitureKey k;
  const std::string_view t = trim(line);
  if (t.size() > 240) return k;
  bool word = false, in_space = false;
  long number = -1;
  for (std::size_t i = 0; i < t.size();) {
    if (const std::size_t n = space_at(t, i)) {
      if (!in_space) k.exact += ' ', k.masked += ' ';
      in_space = true;
      i += n;
      continue;
    }
    in_space = false;
    const unsigned char c = static_cast<unsigned char>(t[i]);
    int digit = -1;
    std::size_t len = 1;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xBC &&
               static_cast<unsigned char>(t[i + 2]) >= 0x90 && static_cast<unsigned char>(t[i + 2]) <= 0x99) {
      digit = static_cast<unsigned char>(t[i + 2]) - 0x90;
      len = 3;
    }
    if (digit >= 0) {
      number = (number < 0 || number > 99999) ? digit : number * 10 + digit;
      k.last_number = number;
      k.exact.append(t.substr(i, len));
      k.masked += '0';
      i += len;
      continue;
    }
    number = -1;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xE4 && c <= 0xE9)) word = true;
    k.exact += static_cast<char>(c);
    k.masked += static_cast<char>(c);
    ++i;
  }
  if (!word) return {};
  return k;
}

struct Page {
  std::size_t b = 0, e = 0;            // without the '\f'
  std::vector<LineRef> top, bottom;    // first / last non-blank lines, outermost first
  std::vector<bool> top_gone, bottom_gone;
};

constexpr std::size_t kEdgeLines = 3;  // lines looked at on each edge of a page

void collect_edges(std::string_view text, Page& p) {
  // from the top
  for (std::size_t i = p.b; i < p.e && p.top.size() < kEdgeLines;) {
    std::size_t nl = text.find('\n', i);
    if (nl == npos || nl > p.e) nl = p.e;
    if (!blank(text.substr(i, nl - i))) p.top.push_back({i, nl});
    i = nl + 1;
  }
  // from the bottom
  for (std::size_t end = p.e; end > p.b && p.bottom.size() < kEdgeLines;) {
    std::size_t nl = end == 0 ? npos : text.rfind('\n', end - 1);
    std::size_t b = (nl == npos || nl < p.b) ? p.b : nl + 1;
    if (!blank(text.substr(b, end - b))) p.bottom.push_back({b, end});
    if (b == p.b) break;
    end = b - 1;
  }
  p.top_gone.assign(p.top.size(), false);
  p.bottom_gone.assign(p.bottom.size(), false);
}

}  // namespace

Derived strip_page_furniture(std::string_view text) {
  Derived out;
  if (text.find('\f') == npos) {
    out.text.assign(text);
    out.map = OffsetMap::identity(text.size());
    return out;
  }

  std::vector<Page> pages;
  for (std::size_t start = 0;;) {
    const std::size_t ff = text.find('\f', start);
    Page p;
    p.b = start;
    p.e = ff == npos ? text.size() : ff;
    pages.push_back(std::move(p));
    if (ff == npos) break;
    start = ff + 1;
  }
  std::size_t with_text = 0;
  for (Page& p : pages) {
    collect_edges(text, p);
    if (!p.top.empty()) ++with_text;
  }

  std::vector<LineRef> removed;
  auto mark = [&](Page& p, bool top, std::size_t k) {
    const LineRef l = top ? p.top[k] : p.bottom[k];
    (top ? p.top_gone : p.bottom_gone)[k] = true;
    // the same line may be on both edges of a short page
    auto& other = top ? p.bottom : p.top;
    auto& other_gone = top ? p.bottom_gone : p.top_gone;
    for (std::size_t j = 0; j < other.size(); ++j)
      if (other[j].b == l.b) other_gone[j] = true;
    removed.push_back(l);
  };

  // 1. Page numbers: the two outermost lines of each edge.
  struct Bare {
    std::size_t page;
    bool top;
    std::size_t k;
    long offset;
  };
  std::vector<Bare> bare;
  for (std::size_t pi = 0; pi < pages.size(); ++pi) {
    Page& p = pages[pi];
    for (int edge = 0; edge < 2; ++edge) {
      const bool top = edge == 0;
      auto& lines = top ? p.top : p.bottom;
      for (std::size_t k = 0; k < lines.size() && k < 2; ++k) {
        if ((top ? p.top_gone : p.bottom_gone)[k]) continue;
        // a short page: the line is also one of the bottom's, looked at there
        if (top && std::any_of(p.bottom.begin(), p.bottom.begin() + static_cast<long>(std::min<std::size_t>(2, p.bottom.size())),
                               [&](const LineRef& l) { return l.b == lines[k].b; }))
          continue;
        const PageNumberLine c = classify_page_number(text.substr(lines[k].b, lines[k].e - lines[k].b));
        if (c.kind == PageNumberLine::strong) {
          mark(p, top, k);
        } else if (c.kind == PageNumberLine::bare) {
          bare.push_back({pi, top, k, c.value - static_cast<long>(pi)});
        }
      }
    }
  }
  if (!bare.empty()) {
    // The sequence: the offset (number - page index) most pages agree on.
    std::map<long, std::size_t> votes;
    for (const Bare& b : bare) ++votes[b.offset];
    long best = 0;
    std::size_t n = 0;
    for (const auto& [off, count] : votes)
      if (count > n) best = off, n = count;
    const bool single = with_text == 1 && best == 1;
    if (n >= 2 || single) {
      std::vector<bool> done(pages.size(), false);
      // Prefer the foot of the page (where page numbers usually are).
      for (int pass = 0; pass < 2; ++pass)
        for (const Bare& b : bare) {
          if (b.offset != best || done[b.page] || b.top != (pass == 1)) continue;
          Page& p = pages[b.page];
          if ((b.top ? p.top_gone : p.bottom_gone)[b.k]) continue;
          mark(p, b.top, b.k);
          done[b.page] = true;
        }
    }
  }

  // 2. Running headers and footers: the outermost remaining line of an edge,
  // the same (or the same but for a page counter) on at least half the pages
  // and on two at least.
  if (with_text >= 2) {
    const std::size_t need = std::max<std::size_t>(2, (with_text + 1) / 2);
    for (int round = 0; round < 2; ++round) {
      for (int edge = 0; edge < 2; ++edge) {
        const bool top = edge == 0;
        // exact repeats, or repeats that differ only by a page counter
        // ("年度报告 第 3 页"): the last number minus the page index is constant
        std::unordered_map<std::string, std::size_t> exact;
        std::unordered_map<std::string, std::vector<long>> masked;
        std::vector<std::pair<FurnitureKey, std::size_t>> cand(pages.size());  // keys, index in edge
        for (std::size_t pi = 0; pi < pages.size(); ++pi) {
          Page& p = pages[pi];
          auto& lines = top ? p.top : p.bottom;
          auto& gone = top ? p.top_gone : p.bottom_gone;
          std::size_t k = 0;
          while (k < lines.size() && gone[k]) ++k;
          if (k >= lines.size()) continue;
          FurnitureKey key = furniture_key(text.substr(lines[k].b, lines[k].e - lines[k].b));
          if (key.exact.empty()) continue;
          ++exact[key.exact];
          if (key.last_number >= 0) masked[key.masked].push_back(key.last_number - static_cast<long>(pi));
          cand[pi] = {std::move(key), k};
        }
        auto counter = [&](const FurnitureKey& key) {
          if (key.last_number < 0) return false;
          const auto& offsets = masked[key.masked];
          return offsets.size() >= need &&
                 std::all_of(offsets.begin(), offsets.end(), [&](long o) { return o == offsets.front(); });
        };
        for (std::size_t pi = 0; pi < pages.size(); ++pi) {
          const FurnitureKey& key = cand[pi].first;
          if (key.exact.empty() || (exact[key.exact] < need && !counter(key))) continue;
          if (top && pi == 0) continue;  // the first page's top is the title area: keep it
          mark(pages[pi], top, cand[pi].second);
        }
      }
    }
  }

  // 3. Build: removed lines lose their bytes (not their '\n'), '\f' -> '\n'.
  std::sort(removed.begin(), removed.end(), [](const LineRef& a, const LineRef& b) { return a.b < b.b; });
  out.text.reserve(text.size());
  std::size_t pos = 0;
  auto keep = [&](std::size_t upto) {
    if (upto <= pos) return;
    const std::size_t d = out.text.size();
    out.text.append(text.substr(pos, upto - pos));
    out.map.add(d, upto - pos, pos, upto - pos);
    pos = upto;
  };
  for (const LineRef& l : removed) {
    if (l.b < pos) continue;  // already dropped (listed twice)
    keep(l.b);
    pos = l.e;
  }
  keep(text.size());
  for (char& c : out.text)
    if (c == '\f') c = '\n';
  if (out.map.empty()) out.map.add(0, 0, 0, 0);
  return out;
}

}  // namespace ogi::detail
