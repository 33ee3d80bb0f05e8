// lib/input: detect the input kind and the encoding, decode to UTF-8.
//
// Order of the encoding decision (ICU does every conversion):
//   1. BOMs: UTF-8 (stripped: Report::text starts after it), UTF-16LE/BE;
//      a UTF-32 BOM is refused.
//   2. NUL bytes: UTF-16 without a BOM when no code unit is U+0000 and one
//      byte order decodes strictly into usual text (ASCII, CJK, punctuation);
//      otherwise a binary file.
//   3. Strict UTF-8. A text that is mostly well-formed UTF-8 with a few bad
//      bytes is broken UTF-8, not a legacy encoding: bad_encoding at the
//      first bad byte.
//   4. The charset an HTML page declares in its first 4 KB.
//   5. GB18030 (a superset of GBK and GB2312), then Big5, each strictly (one
//      invalid or unmapped sequence rejects it); a candidate must also look
//      like Chinese text (most double-byte characters in the frequent range
//      of its character set). The more plausible one wins; ICU's charset
//      detector breaks a tie.
// An incomplete character at the very end (a download cut short) is
// dropped: the text before it decodes as it would have. Any other bad
// sequence is bad_encoding at its first byte; ogi never repairs the middle
// of a text.
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

#include "doc.hpp"
#include "input/input.hpp"
#include "input/pdf.hpp"

namespace ogi::detail {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// ASCII case-insensitive prefix test; `prefix` is lower case.
bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

std::string with_offset(std::size_t offset) { return "at byte " + std::to_string(offset); }

// Only whitespace: ASCII, U+00A0, U+3000, U+FEFF, U+200B.
bool is_blank(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
    } else if (starts_with(s.substr(i), "\xC2\xA0")) {
      i += 2;
    } else if (starts_with(s.substr(i), "\xE3\x80\x80") || starts_with(s.substr(i), "\xEF\xBB\xBF") ||
               starts_with(s.substr(i), "\xE2\x80\x8B")) {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

// C0 control characters other than whitespace, or DEL: never in a text
// report, so a decoding that produces them is the wrong one.
bool has_controls(std::string_view s) {
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F) return true;
  }
  return false;
}

// Share of double-byte characters in the frequent range of the character
// set: GB2312 level-1 hanzi (rows B0-D7) and punctuation rows A1-A3 for
// GB18030; the frequent hanzi (A440-C67E) and symbols A1-A3 for Big5. Real
// text scores above 0.9 in its own encoding and well below in the other.
// Only called on input the ICU converter accepted, so the lengths hold.
struct Plausibility {
  std::size_t multibyte = 0, frequent = 0;
  double score() const { return multibyte == 0 ? 1.0 : static_cast<double>(frequent) / multibyte; }
};

Plausibility gb18030_plausibility(std::string_view s) {
  Plausibility p;
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    if (b[i] < 0x80) {
      ++i;
      continue;
    }
    ++p.multibyte;
    if (i + 1 < n && b[i + 1] >= 0x30 && b[i + 1] <= 0x39) {  // four-byte sequence: rare characters
      i += 4;
      continue;
    }
    unsigned lead = b[i], trail = i + 1 < n ? b[i + 1] : 0;
    if (trail >= 0xA1 && trail <= 0xFE && ((lead >= 0xB0 && lead <= 0xD7) || (lead >= 0xA1 && lead <= 0xA3)))
      ++p.frequent;
    i += 2;
  }
  return p;
}

Plausibility big5_plausibility(std::string_view s) {
  Plausibility p;
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    if (b[i] < 0x80) {
      ++i;
      continue;
    }
    ++p.multibyte;
    unsigned lead = b[i], trail = i + 1 < n ? b[i + 1] : 0;
    if ((lead >= 0xA1 && lead <= 0xC5) || (lead == 0xC6 && trail <= 0x7E)) ++p.frequent;
    i += 2;
  }
  return p;
}

// ICU's statistical detector: confidence (0-100) it gives `name`.
int detector_confidence(std::string_view bytes, const char* name) {
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&ec), &ucsdet_close);
  if (U_FAILURE(ec)) return 0;
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 16)), &ec);
  int32_t n = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &n, &ec);
  if (U_FAILURE(ec)) return 0;
  for (int32_t i = 0; i < n; ++i) {
    UErrorCode e2 = U_ZERO_ERROR;
    const char* got = ucsdet_getName(matches[i], &e2);
    if (U_SUCCESS(e2) && got && std::strcmp(got, name) == 0) return ucsdet_getConfidence(matches[i], &e2);
  }
  return 0;
}

// Share of characters usual in a report: ASCII, CJK ideographs, CJK
// punctuation, full-width forms, general punctuation.
double text_score(std::string_view utf8) {
  std::size_t all = 0, usual = 0;
  const auto* b = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(std::min<std::size_t>(utf8.size(), 1 << 20));
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(b, i, n, c);
    ++all;
    usual += (c >= 0 && c < 0x80) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) ||
             (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2000 && c <= 0x206F);
  }
  return all == 0 ? 0.0 : static_cast<double>(usual) / all;
}

struct Decoded {
  std::string text;
  std::string encoding;
};

Error bad_encoding(std::string message, std::size_t offset) {
  return Error{ErrorCode::bad_encoding, std::move(message), offset};
}

// A legacy charset a page declares, mapped to the converter we use.
struct Declared {
  const char* icu = nullptr;     // converter name
  std::string name;              // reported encoding
};
std::optional<Declared> map_declared(std::string_view name) {
  std::string n;
  for (char c : name) n += lower(c);
  if (n == "utf-8" || n == "utf8") return std::nullopt;  // already tried, strictly
  if (n == "gb2312" || n == "gbk" || n == "gb18030" || n == "x-gbk" || n == "cp936" || n == "windows-936" ||
      n == "euc-cn" || n == "x-euc-cn")
    return Declared{"gb18030", "GB18030"};
  if (n == "big5" || n == "big-5" || n == "cp950" || n == "x-big5" || n == "big5-hkscs") return Declared{"big5", "Big5"};
  return Declared{nullptr, std::string(name)};
}

result<Decoded> decode_utf16(std::string_view bytes, bool little, std::size_t skip) {
  Converted c = icu_convert(little ? "UTF-16LE" : "UTF-16BE", bytes.substr(skip));
  const char* name = little ? "UTF-16LE" : "UTF-16BE";
  if (!c.ok && !c.truncated) {  // an unpaired surrogate
    const std::size_t at = c.error_offset + skip;
    return bad_encoding(std::string("invalid ") + name + " sequence " + with_offset(at) + "; convert the file to UTF-8",
                        at);
  }
  return Decoded{std::move(c.text), name};
}

// Bytes -> UTF-8 text and the name of the encoding.
result<Decoded> decode_bytes(std::string_view bytes, bool html) {
  using namespace std::literals;
  // 1. byte order marks
  if (starts_with(bytes, "\x00\x00\xFE\xFF"sv) || starts_with(bytes, "\xFF\xFE\x00\x00"sv))
    return bad_encoding("UTF-32 input is not supported; convert the file to UTF-8", 0);
  if (starts_with(bytes, "\xFF\xFE"sv)) return decode_utf16(bytes, true, 2);
  if (starts_with(bytes, "\xFE\xFF"sv)) return decode_utf16(bytes, false, 2);
  const bool bom8 = starts_with(bytes, "\xEF\xBB\xBF"sv);
  const std::string_view body = bytes.substr(bom8 ? 3 : 0);

  // 2. NUL bytes: UTF-16 without a BOM, or a binary file
  if (const void* nul = std::memchr(body.data(), 0, body.size())) {
    const std::size_t first_nul = static_cast<const char*>(nul) - bytes.data();
    if (!bom8) {
      std::size_t even = 0, odd = 0, zero_units = 0;
      const std::size_t sample = std::min<std::size_t>(bytes.size(), 1 << 16);
      for (std::size_t i = 0; i + 1 < sample; i += 2) {
        bool lo = bytes[i] == 0, hi = bytes[i + 1] == 0;
        even += lo;
        odd += hi;
        zero_units += lo && hi;
      }
      // UTF-16 never holds U+0000. ASCII code units put their zero byte at
      // one parity, but CJK text has few of them and some CJK code units
      // (U+5F00 开) put one at the other: decode both byte orders strictly
      // (the wrong one soon hits an unpaired surrogate) and keep the one
      // that reads as text.
      if (zero_units == 0) {
        Decoded best;
        double best_score = 0.8;  // the least share of usual characters to accept
        for (bool little : {odd >= even, odd < even}) {
          Converted c = icu_convert(little ? "UTF-16LE" : "UTF-16BE", bytes);
          if ((!c.ok && !c.truncated) || has_controls(c.text)) continue;
          const double score = text_score(c.text);
          if (score > best_score) {
            best_score = score;
            best = Decoded{std::move(c.text), little ? "UTF-16LE" : "UTF-16BE"};
          }
        }
        if (!best.encoding.empty()) return best;
      }
    }
    return Error{ErrorCode::binary_input,
                 "NUL byte " + with_offset(first_nul) +
                     ": this is a binary file, not a text, Markdown, HTML or PDF report",
                 first_nul};
  }

  // 3. strict UTF-8
  const Utf8Scan u8 = scan_utf8(body);
  const std::size_t skip = bom8 ? 3 : 0;
  if (u8.valid) return Decoded{std::string(body), "UTF-8"};
  if (u8.truncated_at_end) return Decoded{std::string(body.substr(0, u8.first_invalid)), "UTF-8"};
  const std::size_t u8_bad = u8.first_invalid + skip;
  auto utf8_error = [&] {
    return bad_encoding("invalid UTF-8 " + with_offset(u8_bad) + " in an otherwise UTF-8 text" +
                            "; repair or re-save the file as UTF-8",
                        u8_bad);
  };
  // A BOM declares UTF-8; so does a text whose multi-byte sequences are
  // nearly all well-formed (legacy CJK text forms few valid sequences).
  if (bom8 || u8.multibyte >= 4 * u8.invalid) return utf8_error();

  // Error for the case nothing fits: the candidate that read furthest.
  std::size_t best_offset = u8_bad;
  std::string best_message = "invalid UTF-8 " + with_offset(u8_bad) +
                             ", and the input is not GB18030, Big5 or UTF-16 text either; convert the file to UTF-8";
  auto failed = [&](const Converted& c, const std::string& name) {
    if (!c.known || c.error_offset <= best_offset) return;
    best_offset = c.error_offset;
    best_message = "the input looks like " + name + " but has an invalid byte sequence " +
                   with_offset(c.error_offset) + "; repair it or convert the file to UTF-8";
  };
  // A character cut off at the end is dropped (see the top of this file).
  auto usable = [&](Converted& c) {
    if (c.truncated) c.ok = true;
    return c.ok;
  };

  // 4. the charset an HTML page declares
  if (html) {
    if (std::string_view cs = declared_charset(bytes); !cs.empty()) {
      if (auto d = map_declared(cs)) {
        std::string icu_name = d->icu ? d->icu : d->name;
        Converted c = icu_convert(icu_name.c_str(), bytes);
        if (usable(c)) return Decoded{std::move(c.text), d->name};
        failed(c, d->name);
      }
    }
  }

  // 5. GB18030, then Big5
  constexpr double kPlausible = 0.4, kSure = 0.9, kTie = 0.05;
  Converted gb = icu_convert("gb18030", bytes);
  double gb_score = -1;
  if (usable(gb)) {
    gb_score = gb18030_plausibility(bytes.substr(0, gb.truncated ? gb.error_offset : bytes.size())).score();
    if (gb_score >= kSure) return Decoded{std::move(gb.text), "GB18030"};
  } else {
    failed(gb, "GB18030");
  }
  Converted b5 = icu_convert("big5", bytes);
  double b5_score = -1;
  if (usable(b5)) b5_score = big5_plausibility(bytes.substr(0, b5.truncated ? b5.error_offset : bytes.size())).score();
  else failed(b5, "Big5");
  if (gb_score < kPlausible && b5_score < kPlausible) {
    if (gb.ok || b5.ok)
      return bad_encoding("invalid UTF-8 " + with_offset(u8_bad) +
                              ", and the bytes do not read as Chinese text in GB18030 or Big5 either; "
                              "convert the file to UTF-8",
                          u8_bad);
    return bad_encoding(best_message, best_offset);
  }
  bool pick_gb = gb_score > b5_score;
  if (gb.ok && b5.ok && std::abs(gb_score - b5_score) < kTie)
    pick_gb = detector_confidence(bytes, "GB18030") >= detector_confidence(bytes, "Big5");
  if (pick_gb) return Decoded{std::move(gb.text), "GB18030"};
  return Decoded{std::move(b5.text), "Big5"};
}

// Skips whitespace, a BOM, an XML declaration and comments at the start.
std::string_view skip_prolog(std::string_view t) {
  for (;;) {
    std::size_t i = 0;
    while (i < t.size()) {
      unsigned char c = static_cast<unsigned char>(t[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') ++i;
      else if (starts_with(t.substr(i), "\xEF\xBB\xBF")) i += 3;
      else break;
    }
    t.remove_prefix(i);
    std::string_view close;
    if (starts_with(t, "<?xml")) close = "?>";
    else if (starts_with(t, "<!--")) close = "-->";
    else return t;
    std::size_t e = t.find(close);
    if (e == npos) return {};
    t.remove_prefix(e + close.size());
  }
}

bool is_tag_end(std::string_view t, std::size_t i) {
  return i >= t.size() || t[i] == '>' || t[i] == ' ' || t[i] == '/' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r';
}

// Elements that start an HTML document or fragment.
constexpr std::string_view kHtmlStart[] = {
    "!doctype html", "html", "head", "body", "meta", "title", "link", "style", "script", "base", "div", "table",
    "p", "span", "section", "article", "main", "header", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "font",
    "center", "form", "ul", "ol", "iframe", "br", "tr", "td", "b", "strong", "a", "img",
};
// Closing tags counted for "many tags" (HTML that starts with text).
constexpr std::string_view kHtmlClose[] = {"p", "div", "td", "tr", "table", "span", "li", "a", "font", "b",
                                           "strong", "h1", "h2", "h3", "h4", "h5", "h6", "body", "html",
                                           "th", "tbody", "ul", "ol", "title", "center"};

bool looks_like_html(std::string_view text) {
  std::string_view t = skip_prolog(text);
  if (!t.empty() && t[0] == '<') {
    for (std::string_view name : kHtmlStart)
      if (starts_with_nocase(t.substr(1), name) && is_tag_end(t, 1 + name.size())) return true;
  }
  // Many closing tags in the first 256 KB.
  std::string_view head = text.substr(0, 1 << 18);
  int closes = 0;
  for (std::size_t i = head.find("</"); i != npos; i = head.find("</", i + 2)) {
    std::string_view rest = head.substr(i + 2);
    for (std::string_view name : kHtmlClose) {
      if (starts_with_nocase(rest, name) && rest.size() > name.size() && rest[name.size()] == '>') {
        if (++closes >= 10) return true;
        break;
      }
    }
  }
  return false;
}

// "# Title" .. "###### Title" (up to three spaces of indent).
bool is_atx_heading(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  std::size_t hashes = 0;
  while (i < line.size() && line[i] == '#') ++i, ++hashes;
  if (hashes == 0 || hashes > 6 || i >= line.size() || (line[i] != ' ' && line[i] != '\t')) return false;
  return line.find_first_not_of(" \t\r#", i) != npos;
}

bool is_pipe_row(std::string_view line) {
  std::size_t i = line.find_first_not_of(" \t");
  return i != npos && line[i] == '|' && line.find('|', i + 1) != npos;
}

// |---|:--:|---|
bool is_delimiter_row(std::string_view line) {
  if (line.find('|') == npos || line.find("---") == npos) return false;
  return line.find_first_not_of("|:- \t\r") == npos;
}

}  // namespace

Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan r;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  bool last_at_end = false;
  auto bad = [&](std::size_t at, bool at_end) {
    if (r.valid) r.first_invalid = at;
    r.valid = false;
    ++r.invalid;
    last_at_end = at_end;
  };
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;  // range of the second byte
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c == 0xED) len = 3, hi = 0x9F;  // no surrogates
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c == 0xF4) len = 4, hi = 0x8F;  // nothing above U+10FFFF
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    if (len == 0) {
      bad(i, false);
      ++i;
      continue;
    }
    std::size_t k = 1;
    bool ok = true;
    for (; k < len; ++k) {
      if (i + k >= n) {
        ok = false;
        break;
      }
      const unsigned b = p[i + k];
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) {
        ok = false;
        break;
      }
    }
    if (ok) {
      ++r.multibyte;
      i += len;
    } else {
      bad(i, i + k >= n);
      i += k;  // skip the maximal valid prefix
    }
  }
  r.truncated_at_end = r.invalid == 1 && last_at_end;
  return r;
}

Converted icu_convert(const char* charset, std::string_view bytes) {
  Converted r;
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> from(ucnv_open(charset, &ec), &ucnv_close);
  if (U_FAILURE(ec) || !from) {
    r.known = false;
    return r;
  }
  std::unique_ptr<UConverter, decltype(&ucnv_close)> to(ucnv_open("UTF-8", &ec), &ucnv_close);
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &ec);
  if (U_FAILURE(ec)) {
    r.known = false;
    return r;
  }
  // Double-byte characters take at most three UTF-8 bytes; grow if needed.
  r.text.resize(bytes.size() + bytes.size() / 2 + 16);
  char* target = r.text.data();
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  UBool reset = true;
  for (;;) {
    ec = U_ZERO_ERROR;
    ucnv_convertEx(to.get(), from.get(), &target, r.text.data() + r.text.size(), &source, source_end, pivot,
                   &pivot_source, &pivot_target, pivot + 4096, reset, true, &ec);
    reset = false;
    if (ec != U_BUFFER_OVERFLOW_ERROR) break;
    const std::size_t used = static_cast<std::size_t>(target - r.text.data());
    r.text.resize(r.text.size() * 2);
    target = r.text.data() + used;
  }
  if (U_FAILURE(ec)) {
    char invalid[32];
    int8_t len = sizeof invalid;
    UErrorCode e2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(from.get(), invalid, &len, &e2);
    const std::size_t consumed = static_cast<std::size_t>(source - bytes.data());
    r.error_offset = U_SUCCESS(e2) && static_cast<std::size_t>(len) <= consumed ? consumed - len : consumed;
    r.truncated = ec == U_TRUNCATED_CHAR_FOUND;
    r.text.clear();
    r.text.shrink_to_fit();
    if (r.truncated && r.error_offset > 0) {
      // every complete character before the cut (the pivot may still hold some)
      Converted prefix = icu_convert(charset, bytes.substr(0, r.error_offset));
      if (prefix.ok) r.text = std::move(prefix.text);
      else r.truncated = false;
    }
    return r;
  }
  r.text.resize(static_cast<std::size_t>(target - r.text.data()));
  r.ok = true;
  return r;
}

std::string_view declared_charset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  for (std::size_t i = 0; i + 7 <= head.size(); ++i) {
    if (!starts_with_nocase(head.substr(i), "charset")) continue;
    std::size_t j = i + 7;
    while (j < head.size() && (head[j] == ' ' || head[j] == '\t')) ++j;
    if (j >= head.size() || head[j] != '=') continue;
    ++j;
    while (j < head.size() && (head[j] == ' ' || head[j] == '\t' || head[j] == '"' || head[j] == '\'')) ++j;
    std::size_t k = j;
    while (k < head.size() && (std::isalnum(static_cast<unsigned char>(head[k])) || head[k] == '-' ||
                               head[k] == '_' || head[k] == '.' || head[k] == ':'))
      ++k;
    if (k > j) return head.substr(j, k - j);
  }
  return {};
}

InputKind detect_kind(std::string_view text) {
  if (looks_like_html(text)) return InputKind::html;
  std::size_t start = 0;
  bool prev_pipe = false;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (is_atx_heading(line)) return InputKind::markdown;
    if (prev_pipe && is_delimiter_row(line)) return InputKind::markdown;
    prev_pipe = is_pipe_row(line);
    start = end + 1;
  }
  return InputKind::text;
}

const char* binary_format(std::string_view b) {
  using namespace std::literals;
  struct Magic {
    std::string_view bytes;
    const char* what;
  };
  static constexpr Magic kMagic[] = {
      {"\x7F" "ELF"sv, "an ELF executable"},
      {"PK\x03\x04"sv, "a ZIP archive (.docx, .xlsx, .ofd, ...)"},
      {"PK\x05\x06"sv, "a ZIP archive"},
      {"PK\x07\x08"sv, "a ZIP archive"},
      {"\x89PNG\r\n\x1A\n"sv, "a PNG image"},
      {"\xFF\xD8\xFF"sv, "a JPEG image"},
      {"GIF87a"sv, "a GIF image"},
      {"GIF89a"sv, "a GIF image"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "an OLE2 document (.doc, .xls, .wps)"},
      {"\x1F\x8B"sv, "a gzip archive"},
      {"BZh"sv, "a bzip2 archive"},
      {"\xFD" "7zXZ\x00"sv, "an xz archive"},
      {"7z\xBC\xAF\x27\x1C"sv, "a 7-Zip archive"},
      {"Rar!\x1A\x07"sv, "a RAR archive"},
      {"\x28\xB5\x2F\xFD"sv, "a zstd archive"},
      {"II*\x00"sv, "a TIFF image"},
      {"MM\x00*"sv, "a TIFF image"},
      {"\xCA\xFE\xBA\xBE"sv, "a Java class or Mach-O file"},
      {"\xCF\xFA\xED\xFE"sv, "a Mach-O executable"},
      {"\xCE\xFA\xED\xFE"sv, "a Mach-O executable"},
      {"\x00" "asm"sv, "a WebAssembly module"},
      {"SQLite format 3\x00"sv, "an SQLite database"},
  };
  for (const Magic& m : kMagic)
    if (starts_with(b, m.bytes)) return m.what;
  if (b.size() >= 12 && starts_with(b, "RIFF") && b.substr(8, 4) == "WEBP") return "a WebP image";
  return nullptr;
}

bool has_pdf_magic(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 1024);
  for (std::size_t i = head.find("%PDF-"); i != npos; i = head.find("%PDF-", i + 1)) {
    const bool line_start = i == 0 || head[i - 1] == '\n' || head[i - 1] == '\r';
    const bool version = i + 5 < bytes.size() && bytes[i + 5] >= '1' && bytes[i + 5] <= '9';
    if (line_start && version) return true;
  }
  return false;
}

result<bool> decode(std::string_view bytes, Doc& doc) {
  const Options& opt = doc.options;
  doc.input.bytes = bytes.size();
  if (bytes.size() > opt.max_input_bytes)
    return Error{ErrorCode::too_large,
                 "the input is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                     std::to_string(opt.max_input_bytes) + " bytes; raise Options::max_input_bytes or split the file",
                 opt.max_input_bytes};
  if (bytes.empty()) return Error{ErrorCode::empty_input, "the input is empty (0 bytes); pass a report file", 0};

  const bool pdf_magic = has_pdf_magic(bytes);
  if (opt.kind == Options::Kind::pdf || (opt.kind == Options::Kind::detect && pdf_magic)) {
    auto text = pdf_to_text(bytes);
    if (!text) return text.error();
    if (is_blank(*text))
      return Error{ErrorCode::empty_input,
                   "the PDF has no text layer (a scanned image?); run OCR on it and pass the text", 0};
    doc.source = std::move(*text);
    doc.input.kind = InputKind::pdf;
    doc.input.encoding = "PDF";
    return true;
  }
  if (pdf_magic)
    return Error{ErrorCode::binary_input, "the input is a PDF but Options::kind says otherwise; use kind detect or pdf",
                 0};
  if (const char* what = binary_format(bytes))
    return Error{ErrorCode::binary_input,
                 std::string("the input is ") + what + ", not a text, Markdown, HTML or PDF report; "
                                                       "save the report as text, HTML or PDF",
                 0};

  const bool html_hint = opt.kind == Options::Kind::html || (opt.kind == Options::Kind::detect && looks_like_html(bytes));
  auto decoded = decode_bytes(bytes, html_hint);
  if (!decoded) return decoded.error();
  if (is_blank(decoded->text))
    return Error{ErrorCode::empty_input,
                 "the input holds only whitespace (" + std::to_string(bytes.size()) + " bytes); pass a report with text",
                 0};
  switch (opt.kind) {
    case Options::Kind::text: doc.input.kind = InputKind::text; break;
    case Options::Kind::markdown: doc.input.kind = InputKind::markdown; break;
    case Options::Kind::html: doc.input.kind = InputKind::html; break;
    default: doc.input.kind = detect_kind(decoded->text); break;
  }
  doc.source = std::move(decoded->text);
  doc.input.encoding = std::move(decoded->encoding);
  return true;
}

}  // namespace ogi::detail
