// lib/structure: small text scanners shared by the structure stage (headings,
// format fingerprint, meta). All of them work on the normalised text (NFKC,
// Simplified) but stay tolerant of the un-normalised forms (full-width
// brackets and digits, ideographic spaces) so that they give the same answer
// whichever way a converter wrote the report. Everything here is linear and
// allocation-free except Compact, which builds one folded copy of a range.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc.hpp"

namespace ogi::detail::scan {

struct Cp {
  char32_t c = 0;
  unsigned len = 0;  // bytes consumed (0 only at the end of the text)
};

// Decodes one code point at byte i; an invalid byte reads as U+FFFD, length 1.
inline Cp decode(std::string_view s, std::size_t i) {
  if (i >= s.size()) return {0, 0};
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  unsigned n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return {0xFFFD, 1};
  char32_t c = b & (0xFF >> (n + 1));
  for (unsigned k = 1; k < n; ++k) {
    auto t = static_cast<unsigned char>(s[i + k]);
    if ((t & 0xC0) != 0x80) return {0xFFFD, 1};
    c = (c << 6) | (t & 0x3F);
  }
  return {c, n};
}

// Full-width ASCII variants to ASCII, ideographic and no-break spaces to ' '.
// (What NFKC does for these; applied again so un-normalised text reads the same.)
inline char32_t fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  if (c == 0x3000 || c == 0x00A0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0xFEFF) return ' ';
  return c;
}

inline bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(char32_t c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_cjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

// 〇零一二…九 -> 0..9, 十 -> 10, else -1.
inline int cn_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': case U'○': return 0;
    case U'一': return 1; case U'二': return 2; case U'三': return 3; case U'四': return 4;
    case U'五': return 5; case U'六': return 6; case U'七': return 7; case U'八': return 8;
    case U'九': return 9; case U'十': return 10;
    default: return -1;
  }
}

// Appends code point c as UTF-8.
inline void put(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// A folded copy of some lines with all whitespace (line breaks included)
// removed, except that one ' ' is kept between two ASCII letters or digits
// ("0517-1 0517-2" stays two numbers). PDF and OCR text breaks words and
// numbers with spaces and line wraps ("统计期限自 2023 年 1 月 1 日", "电\n子邮箱");
// in the compact copy they read as printed. line_at[k] is where line k starts.
struct Compact {
  std::string text;
  std::vector<std::size_t> line_at;  // one entry per line of the Doc (lines skipped keep the position)

  // Index of the Doc line holding compact byte offset i.
  std::size_t line_of(std::size_t i) const;
};

// Builds the compact copy of the non-boilerplate lines of a Doc, reading at
// most the first head_bytes and the last tail_bytes of the normalised text.
Compact compact(const Doc& doc, std::size_t head_bytes, std::size_t tail_bytes);

// Compact copy of one piece of text.
std::string compact(std::string_view s);

// Trims ASCII and folded spaces at both ends.
std::string_view trim(std::string_view s);

// A calendar date read from the text.
struct Date {
  int y = 0, m = 0, d = 0;
  std::string iso() const;
};
// Reads a date at byte i of s: "2017-03-21", "2017/3/21", "2017.03.21", "2017年3月21日",
// "二〇二六年一月二十三日" (compact text: no spaces inside). With need_year false,
// "12月31日" reads with y = 0. Sets *end to the byte after the date.
std::optional<Date> read_date(std::string_view s, std::size_t i, std::size_t* end, bool need_year = true);

// Reads an ASCII integer of at most max_digits digits at i; -1 when none.
long read_int(std::string_view s, std::size_t i, std::size_t* end, int max_digits = 9);

// Reads a Chinese numeral 1..99 (一, 十, 十二, 二十, 二十三) at i; -1 when none.
int read_cn_number(std::string_view s, std::size_t i, std::size_t* end);

}  // namespace ogi::detail::scan
