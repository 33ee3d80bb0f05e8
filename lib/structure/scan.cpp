// lib/structure: text scanners (see scan.hpp).
#include "structure/scan.hpp"

#include <algorithm>

namespace ogi::detail::scan {

std::size_t Compact::line_of(std::size_t i) const {
  auto it = std::upper_bound(line_at.begin(), line_at.end(), i);
  return it == line_at.begin() ? 0 : static_cast<std::size_t>(it - line_at.begin()) - 1;
}

namespace {
// Appends the folded, whitespace-free form of s to out. `last` carries the
// last code point written across calls (for the ASCII-pair space rule) and
// `pending` whether whitespace was skipped since.
void append_compact(std::string& out, std::string_view s, char32_t& last, bool& pending) {
  for (std::size_t i = 0; i < s.size();) {
    Cp cp = decode(s, i);
    i += cp.len;
    char32_t c = fold(cp.c);
    if (is_space(c)) {
      pending = true;
      continue;
    }
    if (pending && is_alnum(c) && is_alnum(last)) out += ' ';
    pending = false;
    put(out, c);
    last = c;
  }
}
}  // namespace

Compact compact(const Doc& doc, std::size_t head_bytes, std::size_t tail_bytes) {
  Compact c;
  c.line_at.assign(doc.lines.size(), 0);
  const std::size_t n = doc.norm.size();
  const std::size_t tail_from = n > tail_bytes ? n - tail_bytes : 0;
  char32_t last = 0;
  bool pending = false;
  for (std::size_t k = 0; k < doc.lines.size(); ++k) {
    c.line_at[k] = c.text.size();
    const Line& l = doc.lines[k];
    if (l.boilerplate) continue;
    // the parts of the line inside [0, head_bytes) and [tail_from, n)
    std::size_t b = l.span.begin, e = std::min(l.span.end, n);
    if (b >= e) continue;
    if (b < head_bytes) append_compact(c.text, doc.norm.substr(b, std::min(e, head_bytes) - b), last, pending);
    std::size_t tb = std::max(b, std::max(tail_from, std::min(e, head_bytes)));
    if (tb < e && e > tail_from) append_compact(c.text, doc.norm.substr(tb, e - tb), last, pending);
    pending = true;  // a line break separates like a space
  }
  return c;
}

std::string compact(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  char32_t last = 0;
  bool pending = false;
  append_compact(out, s, last, pending);
  return out;
}

std::string_view trim(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size()) {
    Cp cp = decode(s, b);
    if (!is_space(fold(cp.c))) break;
    b += cp.len;
  }
  std::size_t e = s.size();
  while (e > b) {
    // step back over one code point
    std::size_t p = e - 1;
    while (p > b && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
    Cp cp = decode(s, p);
    if (!is_space(fold(cp.c))) break;
    e = p;
  }
  return s.substr(b, e - b);
}

long read_int(std::string_view s, std::size_t i, std::size_t* end, int max_digits) {
  long v = 0;
  int n = 0;
  std::size_t p = i;
  while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
    if (++n > max_digits) return -1;
    v = v * 10 + (s[p] - '0');
    ++p;
  }
  if (n == 0) return -1;
  if (end) *end = p;
  return v;
}

int read_cn_number(std::string_view s, std::size_t i, std::size_t* end) {
  // Up to three numeral characters: 一 .. 九十九.
  int digits[3];
  std::size_t ends[3];
  int n = 0;
  std::size_t p = i;
  while (n < 3) {
    Cp cp = decode(s, p);
    int d = cn_digit(cp.c);
    if (cp.len == 0 || d < 0) break;
    digits[n] = d;
    p += cp.len;
    ends[n++] = p;
  }
  if (n == 0) return -1;
  int v = -1;
  std::size_t used = 0;
  if (n >= 3 && digits[0] >= 1 && digits[0] <= 9 && digits[1] == 10 && digits[2] >= 1 && digits[2] <= 9) {
    v = digits[0] * 10 + digits[2], used = 3;  // 二十三
  } else if (n >= 2 && digits[0] == 10 && digits[1] >= 1 && digits[1] <= 9) {
    v = 10 + digits[1], used = 2;  // 十二
  } else if (n >= 2 && digits[0] >= 2 && digits[0] <= 9 && digits[1] == 10) {
    v = digits[0] * 10, used = 2;  // 二十
  } else if (digits[0] >= 1) {
    v = digits[0], used = 1;  // 一 .. 十
  }
  if (v < 0) return -1;
  if (end) *end = ends[used - 1];
  return v;
}

std::string Date::iso() const {
  char buf[16];
  auto two = [](char* p, int v) {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
  };
  int y = this->y;
  buf[0] = static_cast<char>('0' + (y / 1000) % 10);
  buf[1] = static_cast<char>('0' + (y / 100) % 10);
  buf[2] = static_cast<char>('0' + (y / 10) % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  two(buf + 5, m);
  buf[7] = '-';
  two(buf + 8, d);
  return std::string(buf, 10);
}

namespace {
bool valid(int y, int m, int d, bool need_year) {
  if (need_year && (y < 1949 || y > 2199)) return false;
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}
bool at(std::string_view s, std::size_t i, std::u32string_view chars, std::size_t* next) {
  Cp cp = decode(s, i);
  if (cp.len == 0) return false;
  if (chars.find(cp.c) == std::u32string_view::npos) return false;
  *next = i + cp.len;
  return true;
}
// Chinese-numeral year: four characters among 〇零一..九 ("二〇二六").
int read_cn_year(std::string_view s, std::size_t i, std::size_t* end) {
  int y = 0;
  std::size_t p = i;
  for (int k = 0; k < 4; ++k) {
    Cp cp = decode(s, p);
    int d = cn_digit(cp.c);
    if (cp.len == 0 || d < 0 || d > 9) return -1;
    y = y * 10 + d;
    p += cp.len;
  }
  *end = p;
  return y;
}
}  // namespace

std::optional<Date> read_date(std::string_view s, std::size_t i, std::size_t* end, bool need_year) {
  std::size_t p = i;
  Date d;
  // Year part (optional when need_year is false).
  long y = read_int(s, p, &p, 4);
  bool ascii = y >= 0;
  if (ascii && p - i != 4) {
    if (need_year) return std::nullopt;
    // no year: what we read is the month
    p = i;
    y = -1;
  }
  if (!ascii) {
    int cy = read_cn_year(s, p, &p);
    if (cy >= 0) y = cy;
    else p = i;
  }
  if (y >= 0) {
    d.y = static_cast<int>(y);
    std::size_t q;
    if (p < s.size() && (s[p] == '-' || s[p] == '/' || s[p] == '.') && ascii) {
      char sep = s[p];
      long m = read_int(s, p + 1, &q, 2);
      if (m < 0 || q >= s.size() || s[q] != sep) return std::nullopt;
      long dd = read_int(s, q + 1, &q, 2);
      if (dd < 0 || (q < s.size() && s[q] >= '0' && s[q] <= '9')) return std::nullopt;
      if (!valid(d.y, static_cast<int>(m), static_cast<int>(dd), true)) return std::nullopt;
      d.m = static_cast<int>(m), d.d = static_cast<int>(dd);
      if (end) *end = q;
      return d;
    }
    if (!at(s, p, U"年", &p)) return std::nullopt;
  } else if (need_year) {
    return std::nullopt;
  }
  // Month and day, ASCII or Chinese numerals.
  std::size_t q;
  long m = read_int(s, p, &q, 2);
  if (m < 0) m = read_cn_number(s, p, &q);
  if (m < 0 || !at(s, q, U"月", &p)) return std::nullopt;
  long dd = read_int(s, p, &q, 2);
  if (dd < 0) dd = read_cn_number(s, p, &q);
  if (dd < 0) return std::nullopt;
  p = q;
  at(s, p, U"日号", &p);
  if (!valid(d.y, static_cast<int>(m), static_cast<int>(dd), d.y != 0)) return std::nullopt;
  d.m = static_cast<int>(m), d.d = static_cast<int>(dd);
  if (end) *end = p;
  return d;
}

}  // namespace ogi::detail::scan
