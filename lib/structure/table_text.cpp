// lib/structure/table_text: label keys, similarity, cell values, tokens.
#include "structure/table_text.hpp"

#include <algorithm>

namespace ogi::detail::tables_text {

char32_t next_cp(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  int len = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = b & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    auto x = static_cast<unsigned char>(s[i + k]);
    if ((x >> 6) != 0x2) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (x & 0x3F);
  }
  i += len;
  return c;
}

bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x3000 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0xFEFF;
}

namespace {

// Full-width and typographic punctuation to the ASCII the keys use.
char32_t unify(char32_t c) {
  switch (c) {
    case U'（': case U'﹙': return U'(';
    case U'）': case U'﹚': return U')';
    case U'【': case U'〔': case U'［': case U'〖': return U'[';
    case U'】': case U'〕': case U'］': case U'〗': return U']';
    case U'，': return U',';
    case U'：': return U':';
    case U'；': return U';';
    case U'．': return U'.';
    case U'／': return U'/';
    case U'－': case U'—': case U'–': case U'―': case U'‐': case U'‑': return U'-';
    case U'“': case U'”': case U'＂': case U'「': case U'」': return U'"';
    case U'‘': case U'’': case U'＇': return U'\'';
    default: break;
  }
  if (c >= U'０' && c <= U'９') return U'0' + (c - U'０');
  if (c >= U'Ａ' && c <= U'Ｚ') return U'A' + (c - U'Ａ');
  if (c >= U'ａ' && c <= U'ｚ') return U'a' + (c - U'ａ');
  return c;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

}  // namespace

std::u32string squash(std::string_view text, std::size_t limit) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size() && out.size() < limit;) {
    char32_t c = next_cp(text, i);
    if (is_space_cp(c)) continue;
    if (c == U'#' || c == U'*' || c == U'`' || c == U'|') continue;
    out.push_back(unify(c));
  }
  return out;
}

std::u32string label_key(std::string_view text) { return label_key(squash(text, 2 * kMaxLabel + 8)); }

std::u32string label_key(const std::u32string& in) {
  // phrase map first ("檔案"/"档案" → "文件"), quotes dropped, "1、" → "1."
  std::u32string s;
  s.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    if ((c == U'档' || c == U'檔') && i + 1 < in.size() && in[i + 1] == U'案') {
      s += U"文件";
      ++i;
      continue;
    }
    if (c == U'"' || c == U'\'') continue;
    if ((c == U'、' || c == U'.') && !s.empty() && is_digit(s.back())) {
      s.push_back(U'.');
      continue;
    }
    s.push_back(c);
  }
  // keep a leading numbering "(一)" / "(1)"; drop other bracketed annotations
  std::size_t keep = 0;
  if (!s.empty() && s[0] == U'(') {
    for (std::size_t k = 1; k < s.size() && k <= 4; ++k)
      if (s[k] == U')') {
        keep = k + 1;
        break;
      }
  }
  std::u32string out(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(keep));
  int depth = 0;
  for (std::size_t i = keep; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c == U'(') {
      ++depth;
    } else if (c == U')') {
      if (depth > 0) --depth;
      else out.resize(keep);  // the tail of a wrapped annotation: what came before belongs to it
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  while (!out.empty() && (out.back() == U',' || out.back() == U':' || out.back() == U'、')) out.pop_back();
  return out;
}

double similarity(const std::u32string& a, const std::u32string& b) {
  if (a.empty() || b.empty() || a.size() > kMaxLabel || b.size() > kMaxLabel) return 0.0;
  // LCS with one rolling row
  std::size_t prev_row[kMaxLabel + 1] = {};
  std::size_t row[kMaxLabel + 1] = {};
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = 0;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] = a[i - 1] == b[j - 1] ? prev_row[j - 1] + 1 : std::max(prev_row[j], row[j - 1]);
    }
    std::copy(row, row + b.size() + 1, prev_row);
  }
  return 2.0 * static_cast<double>(prev_row[b.size()]) / static_cast<double>(a.size() + b.size());
}

bool contains(const std::u32string& hay, std::u32string_view needle) {
  return std::u32string_view(hay).find(needle) != std::u32string_view::npos;
}

bool starts_with(const std::u32string& hay, std::u32string_view prefix) {
  return std::u32string_view(hay).substr(0, prefix.size()) == prefix;
}

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) out.push_back(next_cp(utf8, i));
  return out;
}

std::size_t cp_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

namespace {

// Byte range of s without leading/trailing whitespace (ASCII and Unicode spaces).
std::pair<std::size_t, std::size_t> trim_range(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e) {
    std::size_t i = b;
    if (!is_space_cp(next_cp(s, i))) break;
    b = i;
  }
  while (e > b) {
    std::size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    std::size_t i = k;
    if (!is_space_cp(next_cp(s, i))) break;
    e = k;
  }
  return {b, e};
}

bool is_dash(char32_t c) {
  return c == U'-' || c == U'－' || c == U'—' || c == U'–' || c == U'―' || c == U'‐' || c == U'~';
}

}  // namespace

Value parse_value(std::string_view cell) {
  Value v;
  auto [b, e] = trim_range(cell);
  if (b >= e) {
    v.kind = ValueKind::empty;
    v.begin = v.end = b;
    return v;
  }
  std::string_view t = cell.substr(b, e - b);
  // markers: only dashes (but not the numeral 一 alone, which is a label), slashes, 无, 空
  {
    bool all_dash = true, any_dash = false;
    std::size_t n = 0;
    for (std::size_t i = 0; i < t.size();) {
      char32_t c = next_cp(t, i);
      ++n;
      if (c == U'一') { all_dash = false; break; }
      if (is_dash(c)) any_dash = true;
      else { all_dash = false; break; }
    }
    if ((all_dash && any_dash && n <= 4) || t == "/" || t == "／" || t == "\\" || t == "无" || t == "空" ||
        t == "//" || t == "-/-" || t == "—/—" || t == "/ /") {
      v.kind = ValueKind::marker;
      v.marker = std::string(t);
      v.begin = b;
      v.end = e;
      return v;
    }
  }
  // a number: [-+]?digits(,ddd)*(.digits)? unit? annotation?
  std::size_t i = 0;
  std::string digits;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) {
    if (t[i] == '-') digits.push_back('-');
    ++i;
  } else if (t.substr(0, 3) == "\u2212") {  // MINUS SIGN, which NFKC keeps
    digits.push_back('-');
    i += 3;
  }
  std::size_t int_start = i;
  int group = -1;  // digits since the last thousands separator, -1 before any separator
  bool bad = false;
  while (i < t.size()) {
    char ch = t[i];
    if (ch >= '0' && ch <= '9') {
      digits.push_back(ch);
      if (group >= 0) ++group;
      ++i;
    } else if ((ch == ',' || t.substr(i, 3) == "，") && i > int_start) {
      std::size_t w = ch == ',' ? 1 : 3;
      if (group >= 0 && group != 3) { bad = true; break; }
      if (i + w >= t.size() || !(t[i + w] >= '0' && t[i + w] <= '9')) break;
      group = 0;
      i += w;
    } else {
      break;
    }
  }
  if (bad || i == int_start || (group >= 0 && group != 3)) return v;
  if (i + 1 < t.size() && t[i] == '.' && t[i + 1] >= '0' && t[i + 1] <= '9') {
    digits.push_back('.');
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') digits.push_back(t[i++]);
  }
  std::size_t num_end = i;
  auto d = Decimal::parse(digits);
  if (!d) return v;
  // optional unit
  static constexpr std::string_view units[] = {"万元", "人次", "元", "件", "项", "个", "条", "次", "人", "篇", "%"};
  std::string_view rest = t.substr(i);
  std::string unit;
  for (std::string_view u : units) {
    if (rest.substr(0, u.size()) == u) {
      unit = std::string(u);
      rest.remove_prefix(u.size());
      break;
    }
  }
  // optional bracketed annotation up to the end: "22（其中修订 16 件）"
  auto [rb, re] = trim_range(rest);
  rest = rest.substr(rb, re - rb);
  if (!rest.empty()) {
    bool open = rest.substr(0, 1) == "(" || rest.substr(0, 3) == "（";
    bool close = rest.substr(rest.size() - 1) == ")" || (rest.size() >= 3 && rest.substr(rest.size() - 3) == "）");
    if (!open || !close) return v;
  }
  v.kind = ValueKind::number;
  v.number = *d;
  v.unit = unit;
  v.begin = b;
  v.end = b + num_end;
  return v;
}

std::vector<Token> tokens(std::string_view line) {
  std::vector<Token> out;
  int col = 0;
  bool in = false;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t at = i;
    char32_t c = next_cp(line, i);
    if (is_space_cp(c)) {
      if (in) out.back().end = at;
      in = false;
    } else if (!in) {
      out.push_back({at, i, col});
      in = true;
    } else {
      out.back().end = i;
    }
    ++col;
  }
  return out;
}

bool is_page_marker(std::string_view line) {
  std::u32string s = squash(line, 64);
  if (s.empty() || s.size() > 40) return false;
  std::size_t i = 0;
  auto digits = [&](std::size_t& k) {
    std::size_t st = k;
    while (k < s.size() && is_digit(s[k])) ++k;
    return k - st;
  };
  // -3- / —4— / - 3 -
  if (s[0] == U'-') {
    while (i < s.size() && s[i] == U'-') ++i;
    std::size_t n = digits(i);
    if (n == 0 || n > 4) return false;
    std::size_t dashes = 0;
    while (i < s.size() && s[i] == U'-') ++i, ++dashes;
    return dashes > 0 && i == s.size();
  }
  // Page 9 - …, P. 9, P9
  if (s[0] == U'P' || s[0] == U'p') {
    std::size_t k = 1;
    if (s.size() >= 4 && (s.substr(0, 4) == U"Page" || s.substr(0, 4) == U"page")) k = 4;
    else if (k < s.size() && s[k] == U'.') ++k;
    std::size_t n = digits(k);
    return n > 0 && n <= 4 && (k == s.size() || s[k] == U'-');
  }
  // 第 3 页 (共 6 页)
  if (s[0] == U'第') {
    std::size_t k = 1;
    std::size_t n = digits(k);
    return n > 0 && k < s.size() && s[k] == U'页';
  }
  // 3 / 12
  {
    std::size_t k = 0;
    std::size_t n = digits(k);
    if (n > 0 && n <= 4 && k < s.size() && s[k] == U'/') {
      ++k;
      std::size_t m = digits(k);
      return m > 0 && m <= 4 && k == s.size();
    }
  }
  return false;
}

bool looks_like_prose(std::string_view line) {
  std::u32string s = squash(line, 400);
  std::size_t commas = 0;
  for (char32_t c : s) {
    if (c == U'。' || c == U';') return true;
    if (c == U',') ++commas;
  }
  return s.size() > 40 && commas >= 2;
}

}  // namespace ogi::detail::tables_text
