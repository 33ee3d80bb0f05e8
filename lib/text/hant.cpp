// lib/text: Traditional -> Simplified (ICU "Hant-Hans") and the artefacts of
// mirror sites (FORMATS.md §E.4).
#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/uset.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bitset>
#include <memory>
#include <span>
#include <vector>

#include "text/text.hpp"

namespace ogi::detail::text {
namespace {

// CJK characters that Big5 has and GB2312 lacks: Traditional forms (and
// rare characters). Built once from ICU's converter tables (a few ms; the
// Hant-Hans rules take far longer to load, so they are only loaded for text
// that needs them), immutable afterwards.
const std::bitset<0x10000>& traditional_chars() {
  static const std::bitset<0x10000>* const bits = [] {
    auto* b = new std::bitset<0x10000>;  // intentionally never freed: read until exit
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> gb(ucnv_open("gb2312", &ec), &ucnv_close);
    std::unique_ptr<UConverter, decltype(&ucnv_close)> big5(ucnv_open("big5", &ec), &ucnv_close);
    std::unique_ptr<USet, decltype(&uset_close)> in_gb(uset_openEmpty(), &uset_close);
    std::unique_ptr<USet, decltype(&uset_close)> in_big5(uset_openEmpty(), &uset_close);
    if (U_SUCCESS(ec)) {
      ucnv_getUnicodeSet(gb.get(), in_gb.get(), UCNV_ROUNDTRIP_SET, &ec);
      ucnv_getUnicodeSet(big5.get(), in_big5.get(), UCNV_ROUNDTRIP_SET, &ec);
    }
    if (U_FAILURE(ec)) return b;  // no ICU data: nothing counts as Traditional
    icu::UnicodeSet set(*icu::UnicodeSet::fromUSet(in_big5.get()));
    set.removeAll(*icu::UnicodeSet::fromUSet(in_gb.get()));
    for (int32_t r = 0; r < set.getRangeCount(); ++r) {
      const UChar32 lo = std::max<UChar32>(set.getRangeStart(r), 0x3400);
      const UChar32 hi = std::min<UChar32>(set.getRangeEnd(r), 0xFAFF);
      for (UChar32 c = lo; c <= hi; ++c) b->set(static_cast<std::size_t>(c));
    }
    return b;
  }();
  return *bits;
}

bool is_cjk(UChar32 c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F);
}

// Next code point of valid UTF-8 at i (advances i).
UChar32 next_cp(std::string_view s, std::size_t& i) {
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  UChar32 c;
  int32_t k = 0;
  const int32_t len = static_cast<int32_t>(std::min<std::size_t>(4, s.size() - i));
  U8_NEXT(b + i, k, len, c);
  i += static_cast<std::size_t>(k);
  return c;
}

// Code point ending just before i (0 at the start).
UChar32 prev_cp(std::string_view s, std::size_t i) {
  if (i == 0) return 0;
  std::size_t b = i - 1;
  while (b > 0 && i - b < 4 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  std::size_t j = b;
  return next_cp(s, j);
}

// Taiwan vocabulary of key labels, as it reads after Hant-Hans, and the
// mainland word (FORMATS.md §E.4). Only applied to converted text.
struct PhraseFix {
  std::string_view from, to;
};
constexpr PhraseFix kTaiwanPhrases[] = {
    {"规范性档案", "规范性文件"},  // 規範性檔案
    {"公开档案", "公开文件"},      // 其他主動公開檔案
    {"入口网站", "门户网站"},      // 入口網站
    {"最佳化", "优化"},
    {"巨观", "宏观"},              // 巨觀
    {"冬粉", "粉丝"},
};

// Base letter of a pinyin letter with a tone mark; 'v' for ü; 0 for others.
char pinyin_base(UChar32 c) {
  if (c >= 'a' && c <= 'z') return static_cast<char>(c);
  switch (c) {
    case 0x0101: case 0x00E1: case 0x01CE: case 0x00E0: return 'a';
    case 0x0113: case 0x00E9: case 0x011B: case 0x00E8: return 'e';
    case 0x012B: case 0x00ED: case 0x01D0: case 0x00EC: return 'i';
    case 0x014D: case 0x00F3: case 0x01D2: case 0x00F2: return 'o';
    case 0x016B: case 0x00FA: case 0x01D4: case 0x00F9: return 'u';
    case 0x00FC: case 0x01D6: case 0x01D8: case 0x01DA: case 0x01DC: return 'v';
    default: return 0;
  }
}

// End of a run of "(syllable)" groups starting at i, or i when there is
// none. Parentheses ASCII or full-width (before NFKC).
std::size_t pinyin_run(std::string_view s, std::size_t i, int& groups) {
  constexpr std::string_view kOpen = "\xEF\xBC\x88", kClose = "\xEF\xBC\x89";  // （ ）
  std::size_t end = i;
  for (;;) {
    std::size_t open = 0;
    if (end < s.size() && s[end] == '(') open = 1;
    else if (s.substr(end, 3) == kOpen) open = 3;
    if (open == 0) break;
    std::size_t close = end + open, close_len = 0;
    while (close < s.size() && close - end <= 16) {
      if (s[close] == ')') close_len = 1;
      else if (s.substr(close, 3) == kClose) close_len = 3;
      if (close_len) break;
      ++close;
    }
    if (close_len == 0 || !is_pinyin_syllable(s.substr(end + open, close - end - open))) break;
    ++groups;
    end = close + close_len;
  }
  return end;
}

// Start of every pinyin run: "(" or "（" directly after a CJK character.
template <class F>
void for_each_pinyin_run(std::string_view s, F&& f) {
  int groups = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool open = s[i] == '(' || (s[i] == '\xEF' && s.substr(i, 3) == "\xEF\xBC\x88");
    if (!open || !is_cjk(prev_cp(s, i))) continue;
    const int before = groups;
    const std::size_t end = pinyin_run(s, i, groups);
    if (end > i) {
      f(Span{i, end}, groups - before);
      i = end - 1;
    }
  }
}

}  // namespace

bool is_pinyin_syllable(std::string_view s) {
  char base[8];
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char b = pinyin_base(next_cp(s, i));
    if (b == 0 || n == 6) return false;
    base[n++] = b;
  }
  const std::string_view syl(base, n);
  if (syl.empty()) return false;
  std::size_t ini = 0;
  if (syl.size() >= 2 && (syl.substr(0, 2) == "zh" || syl.substr(0, 2) == "ch" || syl.substr(0, 2) == "sh")) ini = 2;
  else if (std::string_view("bpmfdtnlgkhjqxrzcsyw").find(syl[0]) != std::string_view::npos) ini = 1;
  const std::string_view fin = syl.substr(ini);
  static constexpr std::string_view kFinals[] = {
      "a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "i", "ia", "ie", "iao",
      "iu", "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ueng",
      "ue", "v", "ve", "van", "vn", "io"};
  // Without an initial only the finals that stand alone ("a", "er", "ang" ...).
  static constexpr std::string_view kAlone[] = {"a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "er"};
  for (std::string_view f : (ini == 0 ? std::span<const std::string_view>(kAlone) : std::span<const std::string_view>(kFinals)))
    if (f == fin) return true;
  return false;
}

bool looks_traditional(std::string_view text) {
  const std::bitset<0x10000>& trad = traditional_chars();
  std::size_t cjk = 0, traditional = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0xE3) {  // below U+3000
      ++i;
      continue;
    }
    const UChar32 c = next_cp(text, i);
    if (!is_cjk(c)) continue;
    ++cjk;
    if (c < 0x10000 && trad[static_cast<std::size_t>(c)]) ++traditional;
  }
  // Real Traditional text has a quarter or more of such characters; a
  // Simplified report may quote a name, use a rare character or show a
  // "繁體版" link.
  return traditional > 0 && traditional * 20 >= cjk;
}

std::unique_ptr<icu::Transliterator> make_hant_hans() {
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, ec));
  if (U_FAILURE(ec)) return nullptr;
  return t;
}

bool to_simplified(std::string_view in, icu::Transliterator& hant_hans, std::string& out, Segments& map) {
  icu::Transliterator* const t = &hant_hans;
  Rewriter rw(in);
  std::size_t start = 0;
  while (start < in.size()) {
    std::size_t end = in.find('\n', start);
    if (end == std::string_view::npos) end = in.size();
    const std::string_view line = in.substr(start, end - start);
    // Hant-Hans only changes CJK characters and 「」 (U+3000 and up).
    const bool touch = std::any_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE3; });
    if (touch) {
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
      icu::UnicodeString v(u);
      t->transliterate(v);
      if (v != u) {
        rw.copy_to(start);
        if (v.countChar32() == u.countChar32()) {
          // One code point for one: map each character to its replacement.
          int32_t vi = 0;
          for (std::size_t i = 0; i < line.size();) {
            const std::size_t at = i;
            const UChar32 c = next_cp(line, i);
            const UChar32 d = v.char32At(vi);
            vi = v.moveIndex32(vi, 1);
            if (c == d) continue;
            rw.copy_to(start + at);
            std::string s;
            icu::UnicodeString(d).toUTF8String(s);
            rw.replace(i - at, s);
          }
        } else {
          std::string s;
          v.toUTF8String(s);
          rw.replace(line.size(), s);
        }
      }
    }
    start = end + 1;
  }
  if (!rw.changed()) return false;
  out = rw.finish();
  map = rw.segments();
  return true;
}

int count_pinyin(std::string_view text) {
  int groups = 0;
  for_each_pinyin_run(text, [&](Span, int n) { groups += n; });
  return groups;
}

bool clean_mirror(std::string_view in, bool strip_pinyin, bool traditional, std::string& out, Segments& map) {
  std::vector<Span> runs;
  if (strip_pinyin) for_each_pinyin_run(in, [&](Span run, int) { runs.push_back(run); });
  if (runs.empty() && !traditional) return false;
  Rewriter rw(in);
  std::size_t r = 0;
  for (std::size_t i = 0; i < in.size();) {
    if (r < runs.size() && runs[r].begin == i) {
      rw.copy_to(i);
      rw.drop(runs[r].size());
      i = runs[r].end;
      ++r;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(in[i]);
    if (traditional && c >= 0xE0) {
      bool hit = false;
      for (const PhraseFix& p : kTaiwanPhrases) {
        if (in.substr(i, p.from.size()) == p.from) {
          rw.copy_to(i);
          rw.replace(p.from.size(), p.to);
          i += p.from.size();
          hit = true;
          break;
        }
      }
      if (hit) continue;
    }
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  if (!rw.changed()) return false;
  out = rw.finish();
  map = rw.segments();
  return true;
}

}  // namespace ogi::detail::text
