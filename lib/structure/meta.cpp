// lib/structure: the report's metadata (Meta), read from the normalised text.
//
//   title      the first short line naming a 政府信息公开…年度报告 (joined with the
//              line before or after when a PDF breaks it), cut after 年度报告
//              (drops site suffixes such as "-沭阳县发改局", "_新乡市人民政府")
//   year       the year in the title; else the statistics period
//   issuer     the body named in the title ("新乡市" alone means its 人民政府);
//              else the signature at the end
//   region     the administrative area the issuer's name starts with; a county
//              or district is qualified by the city the text puts before it
//              ("洪泽区" -> "淮安市洪泽区" when the text says 淮安市洪泽区)
//   published  a labelled date (发布日期/发布时间/公开日期/时间:…), else the dated
//              signature at the end, else a date line right under the title
//   period     统计期限/统计周期/所列数据… "自A至B"; never guessed from the year
//   source     "来源:" on the page (an organisation, not a URL)
//   contact    address, postcode, phones, faxes, e-mails after their labels;
//              websites written as "…网站(URL)" or "网址:URL" (where to read
//              the report), not every URL on the page
#include <algorithm>
#include <array>
#include <map>

#include "doc.hpp"
#include "keyword_set.hpp"
#include "structure/internal.hpp"
#include "structure/keywords.hpp"
#include "structure/scan.hpp"

namespace ogi::detail {

using scan::Cp;
using scan::decode;
using scan::fold;

namespace {

constexpr std::size_t kTitleSearchLines = 80;
constexpr std::size_t kMaxTitleCodePoints = 64;

bool contains(std::string_view s, std::string_view k) { return s.find(k) != std::string_view::npos; }

// Compact text of line k when it is short enough to be a title, a date or a
// signature (at most 600 bytes); "" for longer lines, which are prose.
std::string short_line(const Doc& doc, std::size_t k) {
  std::string_view t = doc.text(doc.lines[k].span);
  if (t.size() > 600) return {};
  return scan::compact(t);
}
bool starts_with(std::string_view s, std::string_view k) { return s.substr(0, k.size()) == k; }
bool ends_with(std::string_view s, std::string_view k) {
  return s.size() >= k.size() && s.substr(s.size() - k.size()) == k;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += std::max(1u, decode(s, i).len)) ++n;
  return n;
}

// Byte offset of the code point before byte i (i > 0).
std::size_t prev_cp(std::string_view s, std::size_t i) {
  std::size_t p = i - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return p;
}

bool is_area_suffix(char32_t c) {
  return c == U'省' || c == U'市' || c == U'区' || c == U'县' || c == U'州' || c == U'盟' || c == U'旗';
}

// Where a place name starts when reading backwards from its suffix: at a
// non-CJK character or a function word ("请与淮安市…" -> 淮安市). Forwards, a
// name stops at a non-CJK character and does not start with 城 ("城市管理局").
bool name_stop_back(char32_t c) {
  static constexpr std::u32string_view kStops = U"与和及在由对向为请的是经于据按照至到我各该或并等其此";
  return !scan::is_cjk(c) || kStops.find(c) != std::u32string_view::npos;
}
bool name_stop_fwd(char32_t c, std::size_t n) { return !scan::is_cjk(c) || (n == 0 && c == U'城'); }

// Trims trailing sentence punctuation and wrapping quotes from a compact title.
std::string clean_title(std::string t) {
  for (std::string_view label : {"标题:", "名称:", "题目:", "文章标题:"})
    if (starts_with(t, label)) t.erase(0, label.size());
  while (!t.empty() && (t.front() == '#' || t.front() == '*')) t.erase(0, 1);
  // a page marker before the title: "Page 8 - 威海市…"
  {
    std::size_t i = 0;
    bool letter = false;
    while (i < t.size() && static_cast<unsigned char>(t[i]) < 0x80) {
      if ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z')) letter = true;
      ++i;
    }
    if (letter && i > 0 && i < t.size() && (t[i - 1] == '-' || t[i - 1] == '_' || t[i - 1] == '|' || t[i - 1] == ':'))
      t.erase(0, i);
  }
  for (std::string_view q : {"《", "“"})
    if (starts_with(t, q)) t.erase(0, q.size());
  // Cut after the report word: drops "-沭阳县发改局", "_新乡市人民政府", "(全文)".
  std::size_t cut = std::string::npos;
  for (std::string_view k : {"年度报告", "年报"}) {
    std::size_t p = t.find(k);
    if (p != std::string::npos) {
      cut = p + k.size();
      break;
    }
  }
  if (cut == std::string::npos) {
    std::size_t p = t.rfind("报告");
    if (p != std::string::npos) cut = p + std::string_view("报告").size();
  }
  if (cut != std::string::npos) t.erase(cut);
  while (!t.empty() && (t.back() == '*' || t.back() == '#')) t.pop_back();
  return t;
}

struct TitleInfo {
  std::string title;
  std::string year_line;  // "(2023年度)" printed under a title without a year
  std::size_t first_line = std::string::npos, last_line = std::string::npos;
};

bool sentence_like(std::string_view c) {
  return contains(c, "。") || starts_with(c, "根据") || starts_with(c, "依据") || starts_with(c, "按照") ||
         starts_with(c, "本报告") || starts_with(c, "现将") || starts_with(c, "现公布");
}

bool names_body(std::string_view c) {
  for (std::string_view s : kw::kBodySuffixes)
    if (ends_with(c, s)) return true;
  if (!c.empty()) {
    std::size_t p = prev_cp(c, c.size());
    if (is_area_suffix(decode(c, p).c)) return true;
  }
  return false;
}

// Index of the content line before/after k (skipping empty lines), or npos.
std::size_t neighbour(const Doc& doc, std::size_t k, int dir, bool allow_boilerplate) {
  for (int step = 1; step <= 2; ++step) {
    std::ptrdiff_t j = static_cast<std::ptrdiff_t>(k) + dir * step;
    if (j < 0 || static_cast<std::size_t>(j) >= doc.lines.size()) return std::string::npos;
    const Line& l = doc.lines[static_cast<std::size_t>(j)];
    if (l.boilerplate && !allow_boilerplate) continue;
    if (!scan::trim(doc.text(l.span)).empty()) return static_cast<std::size_t>(j);
  }
  return std::string::npos;
}

// First "YYYY年" (1990..2100) in s; 0 when none (defined below).
int year_in(std::string_view s, std::size_t* at = nullptr, std::size_t* after = nullptr);

// A line that is only a year: "2023年度", "(2023年度)", "2023年".
bool year_only(std::string_view c) {
  if (starts_with(c, "(") && ends_with(c, ")")) c = c.substr(1, c.size() - 2);
  std::size_t e;
  long y = scan::read_int(c, 0, &e, 4);
  if (y < 1990 || y > 2100 || e != 4) return false;
  std::string_view rest = c.substr(4);
  return rest == "年度" || rest == "年";
}

TitleInfo find_title_in(const Doc& doc, bool allow_boilerplate) {
  TitleInfo ti;
  std::size_t limit = std::min(doc.lines.size(), kTitleSearchLines);
  auto line_c = [&](std::size_t k) { return short_line(doc, k); };
  for (std::size_t k = 0; k < limit; ++k) {
    const Line& l = doc.lines[k];
    if (l.boilerplate && !allow_boilerplate) continue;
    std::string c = line_c(k);
    if (c.empty() || code_points(c) > kMaxTitleCodePoints || sentence_like(c)) continue;
    bool report = contains(c, "年度报告") || contains(c, "年报");
    bool ogi = contains(c, "信息公开") || contains(c, "政务公开");
    if (!report && !ogi) continue;
    std::size_t a = k, b = k;
    if (!report) {
      std::size_t n = neighbour(doc, k, +1, allow_boilerplate);
      if (n == std::string::npos) continue;
      std::string cn = line_c(n);
      if (code_points(cn) > 24 || !contains(cn, "报告") || sentence_like(cn)) continue;
      c += cn;
      b = n;
    } else if (!ogi) {
      continue;  // "年度报告" alone: the line before (if it named the report) was seen first
    }
    // A body name on the line above: "洪泽区人民政府" / "2023年政府信息公开工作年度报告".
    Cp first = decode(c, 0);
    if (scan::is_digit(first.c) || starts_with(c, "政府信息公开")) {
      std::size_t p = neighbour(doc, a, -1, allow_boilerplate);
      if (p != std::string::npos) {
        std::string cp = line_c(p);
        if (!cp.empty() && code_points(cp) <= 30 && names_body(cp) && !contains(cp, ",") && !contains(cp, ":")) {
          c = cp + c;
          a = p;
        }
      }
    }
    // The year on a line of its own: "政府信息公开工作年度报告" / "(2023年度)".
    if (year_in(c) == 0) {
      std::size_t n = neighbour(doc, b, +1, allow_boilerplate);
      std::size_t p = neighbour(doc, a, -1, allow_boilerplate);
      if (n != std::string::npos && year_only(line_c(n))) {
        ti.year_line = line_c(n);
        b = n;
      } else if (p != std::string::npos && year_only(line_c(p))) {
        c = line_c(p) + c;
        a = p;
      }
    }
    ti.title = clean_title(std::move(c));
    ti.first_line = a;
    ti.last_line = b;
    return ti;
  }
  return ti;
}

// *at receives the offset of the year, *after the offset after 年 (and 度).
int year_in(std::string_view s, std::size_t* at, std::size_t* after) {
  for (std::size_t i = 0; i + 4 < s.size(); ++i) {
    if (!scan::is_digit(static_cast<unsigned char>(s[i]))) continue;
    if (i > 0 && scan::is_digit(static_cast<unsigned char>(s[i - 1]))) continue;
    std::size_t e;
    long y = scan::read_int(s, i, &e, 4);
    if (y < 0 || e - i != 4) {
      while (i < s.size() && scan::is_digit(static_cast<unsigned char>(s[i]))) ++i;
      continue;
    }
    if (starts_with(s.substr(e), "年") && y >= 1990 && y <= 2100) {
      if (at) *at = i;
      if (after) {
        std::size_t q = e + std::string_view("年").size();
        if (starts_with(s.substr(q), "度")) q += std::string_view("度").size();
        *after = q;
      }
      return static_cast<int>(y);
    }
    i = e;
  }
  return 0;
}

// The administrative units a compact text starts with, as (end offset, suffix).
struct Unit {
  std::size_t end;
  char32_t suffix;
};
std::vector<Unit> area_units(std::string_view s) {
  std::vector<Unit> units;
  std::size_t pos = 0;
  while (pos < s.size() && units.size() < 4) {
    std::size_t i = pos;
    std::size_t n = 0;
    bool found = false;
    while (i < s.size() && n < 10) {
      Cp c = decode(s, i);
      if (is_area_suffix(c.c)) {
        // at least one name character before; long names only for 自治区/州/县/旗
        bool autonomous = n >= 3 && s.substr(prev_cp(s, prev_cp(s, i)), i - prev_cp(s, prev_cp(s, i))) == "自治";
        if (n >= 1 && (n <= 5 || autonomous)) {
          units.push_back({i + c.len, c.c});
          pos = i + c.len;
          found = true;
        }
        break;
      }
      if (name_stop_fwd(c.c, n)) break;
      i += c.len;
      ++n;
    }
    if (!found) break;
  }
  return units;
}

// Most frequent value in a count map (ties: the first in order).
std::string most_frequent(const std::map<std::string, int>& counts) {
  std::string best;
  int n = 0;
  for (const auto& [k, v] : counts)
    if (v > n) best = k, n = v;
  return best;
}

// The area name that ends just before byte i of s (a city before a district):
// "…由淮安市" -> "淮安市" when s[..i) ends with 市/州/盟.
std::string area_before(std::string_view s, std::size_t i) {
  if (i == 0) return {};
  std::size_t p = prev_cp(s, i);
  char32_t suffix = decode(s, p).c;
  if (suffix != U'市' && suffix != U'州' && suffix != U'盟') return {};
  std::size_t b = p;
  int n = 0;
  while (b > 0 && n < 5) {
    std::size_t q = prev_cp(s, b);
    if (name_stop_back(decode(s, q).c) || is_area_suffix(decode(s, q).c)) break;
    b = q;
    ++n;
  }
  if (n < 1) return {};
  return std::string(s.substr(b, i - b));
}

std::string region_for(std::string_view issuer, std::string_view body) {
  std::string chain = area_prefix(issuer);
  if (chain.empty()) {
    // "<area>人民政府" most often named in the text
    std::map<std::string, int> counts;
    for (std::size_t at = body.find("人民政府"); at != std::string_view::npos; at = body.find("人民政府", at + 1)) {
      std::size_t b = at;
      int n = 0;
      while (b > 0 && n < 12) {
        std::size_t q = prev_cp(body, b);
        if (name_stop_back(decode(body, q).c)) break;
        b = q;
        ++n;
      }
      std::string a = area_prefix(body.substr(b, at - b));
      if (!a.empty() && a.size() == at - b) ++counts[a];
    }
    return most_frequent(counts);
  }
  auto units = area_units(chain);
  bool county_only = true;
  for (const Unit& u : units)
    if (u.suffix != U'区' && u.suffix != U'县' && u.suffix != U'旗') county_only = false;
  if (!county_only) return chain;
  std::map<std::string, int> parents;
  for (std::size_t at = body.find(chain); at != std::string_view::npos; at = body.find(chain, at + 1)) {
    std::string parent = area_before(body, at);
    if (!parent.empty()) ++parents[parent];
  }
  std::string parent = most_frequent(parents);
  return parent.empty() ? chain : parent + chain;
}

// ---- dates ----

// Whether compact line c is a date and nothing else ("2026年1月23日", "(2026年1月23日)").
std::optional<scan::Date> date_line(std::string_view c) {
  if (contains(c, "星期") || contains(c, "周")) return std::nullopt;  // a portal clock, not a signature
  std::size_t b = 0, e = c.size();
  if (starts_with(c, "(")) b = 1;
  if (e > b && c[e - 1] == ')') --e;
  std::size_t end = 0;
  auto d = scan::read_date(c.substr(0, e), b, &end);
  if (!d || end != e) return std::nullopt;
  return d;
}

// The date after a label at byte i of compact text c ("发布日期:2020-01-31").
std::optional<scan::Date> date_after(std::string_view c, std::size_t i) {
  for (int k = 0; k < 3 && i < c.size(); ++k) {
    Cp cp = decode(c, i);
    if (cp.c == ':' || cp.c == U'】' || cp.c == ']' || cp.c == ')' || cp.c == '|' || cp.c == ' ') i += cp.len;
    else break;
  }
  std::size_t end;
  return scan::read_date(c, i, &end);
}

// Whether line k lies in the part of the text metadata is read from: the
// first 4 MB and the last 1 MB (see structure()).
bool in_window(const Doc& doc, std::size_t k) {
  const Span s = doc.lines[k].span;
  const std::size_t n = doc.norm.size();
  return s.begin < (std::size_t{4} << 20) || s.end + (std::size_t{1} << 20) > n;
}

std::optional<std::string> find_published(const Doc& doc, const TitleInfo& ti) {
  // 1. A labelled date anywhere (page chrome included): best label wins.
  std::size_t best_rank = SIZE_MAX;
  std::optional<scan::Date> best;
  const std::size_t nlabels = std::size(kw::kPublishedLabels);
  const std::size_t nall = nlabels + std::size(kw::kPublishedBareLabels);
  // All labels in one set (the labelled ones first, then the bare ones), so
  // that each line is read once; first[r] is label r's first usable
  // occurrence on the line.
  static const KeywordSet labels = [] {
    std::vector<std::string_view> w(std::begin(kw::kPublishedLabels), std::end(kw::kPublishedLabels));
    w.insert(w.end(), std::begin(kw::kPublishedBareLabels), std::end(kw::kPublishedBareLabels));
    return KeywordSet(std::move(w));
  }();
  std::vector<std::size_t> first(nall, std::string_view::npos), touched;
  for (std::size_t k = 0; k < doc.lines.size(); ++k) {
    if (!in_window(doc, k)) continue;
    std::string_view raw = doc.text(doc.lines[k].span).substr(0, std::size_t{1} << 16);
    if (raw.empty()) continue;
    for (std::size_t r : touched) first[r] = std::string_view::npos;
    touched.clear();
    labels.each_match(raw, [&](std::size_t at, std::size_t r) {
      if (r >= best_rank || first[r] != std::string_view::npos) return true;
      // bare 时间/日期: at a word boundary only (the first such occurrence)
      if (r >= nlabels && at > 0 && scan::is_cjk(decode(raw, prev_cp(raw, at)).c)) return true;
      first[r] = at;
      touched.push_back(r);
      return true;
    });
    if (touched.empty()) continue;
    for (std::size_t r = 0; r < nall && r < best_rank; ++r) {
      const bool bare = r >= nlabels;
      std::string_view label = bare ? kw::kPublishedBareLabels[r - nlabels] : kw::kPublishedLabels[r];
      const std::size_t at = first[r];
      if (at == std::string_view::npos) continue;
      bool excluded = false;
      for (std::string_view w : kw::kNotPublishedBefore)
        if (at >= w.size() && raw.substr(at - w.size(), w.size()) == w) excluded = true;
      if (excluded) continue;
      std::string rest = scan::compact(raw.substr(at + label.size(), 160));
      if (bare && !starts_with(rest, ":")) continue;
      std::optional<scan::Date> d;
      if (rest.empty() || rest == ":") {
        // metadata table: the value stands on the next line
        std::size_t n = neighbour(doc, k, +1, true);
        if (n != std::string::npos) d = date_after(short_line(doc, n), 0);
      } else {
        d = date_after(rest, 0);
      }
      if (d) {
        best = d;
        best_rank = r;
      }
    }
  }
  if (best) return best->iso();
  // 2. The dated signature at the end; 3. a date line under the title.
  std::vector<std::size_t> content;
  for (std::size_t k = 0; k < doc.lines.size(); ++k)
    if (in_window(doc, k) && !doc.lines[k].boilerplate && !scan::trim(doc.text(doc.lines[k].span)).empty())
      content.push_back(k);
  for (std::size_t i = content.size(), n = 0; i > 0 && n < 6; --i, ++n) {
    if (auto d = date_line(short_line(doc, content[i - 1]))) return d->iso();
  }
  if (ti.last_line != std::string::npos) {
    auto it = std::upper_bound(content.begin(), content.end(), ti.last_line);
    for (int n = 0; it != content.end() && n < 3; ++it, ++n) {
      if (auto d = date_line(short_line(doc, *it))) return d->iso();
    }
  }
  return std::nullopt;
}

// ---- contact ----

// Whether line k is a page footer (ICP number, copyright…); memoised per line
// so that many labels on one huge line cost one scan of it.
class FooterLines {
 public:
  explicit FooterLines(const Doc& doc) : doc_(doc), state_(doc.lines.size(), 0) {}
  bool operator()(std::size_t k) {
    if (k >= state_.size()) return false;
    if (state_[k] == 0) {
      std::string_view raw = doc_.text(doc_.lines[k].span);
      state_[k] = 2;
      for (std::string_view m : kw::kFooterMarks)
        if (contains(raw, m)) state_[k] = 1;
    }
    return state_[k] == 1;
  }

 private:
  const Doc& doc_;
  std::vector<unsigned char> state_;  // 0 unknown, 1 footer, 2 not
};

void push_unique(std::vector<std::string>& v, std::string s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

bool is_dash(char32_t c) {
  return c == '-' || c == U'—' || c == U'–' || c == U'―' || c == U'‐' || c == U'－' || c == U'~' || c == U'〜';
}

// Reads one phone number at byte i of compact text c; empty when none.
std::string read_phone(std::string_view c, std::size_t i, std::size_t* end) {
  std::size_t p = i;
  bool paren = false;
  if (p < c.size() && c[p] == '(') paren = true, ++p;
  std::size_t q;
  long a = scan::read_int(c, p, &q, 12);
  if (a < 0) return {};
  std::string_view first = c.substr(p, q - p);
  p = q;
  if (first[0] == '0' && first.size() >= 3 && first.size() <= 4) {
    // area code, then a separator, then the number
    if (paren && p < c.size() && c[p] == ')') ++p;
    std::size_t s = p;
    while (s < c.size() && s - p < 8) {
      Cp cp = decode(c, s);
      if (!is_dash(cp.c) && cp.c != ' ') break;
      s += cp.len;
    }
    std::size_t r;
    if (scan::read_int(c, s, &r, 8) >= 0 && r - s >= 7) {
      *end = r;
      return std::string(first) + "-" + std::string(c.substr(s, r - s));
    }
    return {};
  }
  if ((first.size() == 11 && first[0] == '1') || first.size() == 7 || first.size() == 8 ||
      (first[0] == '0' && first.size() >= 10 && first.size() <= 12)) {
    *end = p;
    return std::string(first);
  }
  return {};
}

// Phones after a label: "0517-1234567、0517-7654321".
void read_phones(std::string_view c, std::size_t i, std::vector<std::string>& out) {
  for (int n = 0; n < 4; ++n) {
    std::size_t end = i;
    std::string ph = read_phone(c, i, &end);
    if (ph.empty()) return;
    push_unique(out, std::move(ph));
    i = end;
    // separators between numbers
    std::size_t j = i;
    for (int k = 0; k < 2 && j < c.size(); ++k) {
      Cp cp = decode(c, j);
      if (cp.c == U'、' || cp.c == ',' || cp.c == ';' || cp.c == '/' || cp.c == ' ' || cp.c == U'或' ||
          cp.c == U'和' || cp.c == U'及')
        j += cp.len;
      else break;
    }
    if (j == i) return;
    i = j;
  }
}

std::size_t after_colon(std::string_view c, std::size_t i) {
  while (i < c.size() && (c[i] == ':' || c[i] == ' ')) ++i;
  if (starts_with(c.substr(i), "为")) i += std::string_view("为").size();
  return i;
}

bool label_at(std::string_view c, std::size_t at, std::string_view label) {
  // "电子邮箱地址" / "网站地址" are not a postal address; "电话" inside "联系电话" is found by that label first.
  if (label == "地址") {
    for (std::string_view w : {"网站", "网页", "邮箱", "邮件", "IP", "信箱", "链接"})
      if (at >= w.size() && c.substr(at - w.size(), w.size()) == w) return false;
  }
  return true;
}

bool url_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '/' ||
         ch == '-' || ch == '_' || ch == ':' || ch == '?' || ch == '=' || ch == '&' || ch == '%' || ch == '#' || ch == '~' ||
         ch == '+';
}

void read_contact(const scan::Compact& body, const Doc& doc, Contact& ct) {
  std::string_view c = body.text;
  FooterLines footer(doc);
  auto ok_at = [&](std::size_t i) { return !footer(body.line_of(i)); };
  // address
  for (std::string_view label : kw::kAddressLabels) {
    if (!ct.address.empty()) break;
    for (std::size_t at = c.find(label); at != std::string_view::npos; at = c.find(label, at + 1)) {
      if (!label_at(c, at, label) || !ok_at(at)) continue;
      std::size_t i = at + label.size();
      if (i >= c.size() || c[i] != ':') continue;
      i = after_colon(c, i);
      std::size_t e = i;
      std::size_t n = 0;
      while (e < c.size() && n < 60) {
        Cp cp = decode(c, e);
        if (cp.c == ',' || cp.c == ';' || cp.c == ')' || cp.c == U'。' || cp.c == U'、' || cp.c == U'，') break;
        bool next_label = false;
        for (std::string_view l : {"邮编", "邮政编码", "电话", "联系电话", "传真", "邮箱", "电子邮箱", "电子信箱"})
          if (starts_with(c.substr(e), l)) next_label = true;
        if (next_label) break;
        e += cp.len;
        ++n;
      }
      if (e > i && n < 60) {
        ct.address = std::string(c.substr(i, e - i));
        // drop a space kept between two ASCII pieces only when they are digits of one number
        break;
      }
    }
  }
  // postcode
  for (std::string_view label : kw::kPostcodeLabels) {
    if (!ct.postcode.empty()) break;
    for (std::size_t at = c.find(label); at != std::string_view::npos; at = c.find(label, at + 1)) {
      if (!ok_at(at)) continue;
      std::size_t i = after_colon(c, at + label.size()), e;
      if (scan::read_int(c, i, &e, 6) >= 0 && e - i == 6 && !(e < c.size() && scan::is_digit(c[e]))) {
        ct.postcode = std::string(c.substr(i, 6));
        break;
      }
    }
  }
  // phones, in the order printed (联系电话, 咨询电话, 办公电话… all end in 电话)
  for (std::string_view label : kw::kPhoneLabels) {
    for (std::size_t at = c.find(label); at != std::string_view::npos; at = c.find(label, at + 1)) {
      if (!ok_at(at)) continue;
      std::size_t i = at + label.size();
      for (std::string_view more : kw::kPhoneLabelTails)
        if (starts_with(c.substr(i), more)) i += more.size();
      std::vector<std::string>& into = at >= 6 && c.substr(at - 6, 6) == "传真" ? ct.fax : ct.phone;
      read_phones(c, after_colon(c, i), into);
    }
  }
  for (std::string_view label : kw::kFaxLabels)
    for (std::size_t at = c.find(label); at != std::string_view::npos; at = c.find(label, at + 1))
      if (ok_at(at)) read_phones(c, after_colon(c, at + label.size()), ct.fax);
  // e-mails
  for (std::size_t at = c.find('@'); at != std::string_view::npos; at = c.find('@', at + 1)) {
    std::size_t b = at;
    while (b > 0 && (scan::is_alnum(static_cast<unsigned char>(c[b - 1])) || c[b - 1] == '.' || c[b - 1] == '_' ||
                     c[b - 1] == '-' || c[b - 1] == '+'))
      --b;
    std::size_t e = at + 1;
    while (e < c.size() && (scan::is_alnum(static_cast<unsigned char>(c[e])) || c[e] == '.' || c[e] == '-')) ++e;
    while (e > at + 1 && c[e - 1] == '.') --e;
    std::string_view domain = c.substr(at + 1, e - at - 1);
    std::size_t dot = domain.rfind('.');
    if (b == at || dot == std::string_view::npos || domain.size() - dot < 3 || !ok_at(at)) continue;
    push_unique(ct.email, std::string(c.substr(b, e - b)));
  }
  // websites: "…网站(URL)" or "网址:URL"
  // next occurrence of each URL start, refreshed only when passed (linear overall)
  std::array<std::string_view, 3> starts = {"http://", "https://", "www."};
  std::array<std::size_t, 3> next{};
  for (std::size_t k = 0; k < 3; ++k) next[k] = c.find(starts[k]);
  std::size_t i = 0;
  while (i < c.size()) {
    for (std::size_t k = 0; k < 3; ++k)
      if (next[k] != std::string_view::npos && next[k] < i) next[k] = c.find(starts[k], i);
    std::size_t h = std::min({next[0], next[1], next[2]});
    if (h == std::string_view::npos) break;
    std::size_t e = h;
    while (e < c.size() && url_char(c[e])) ++e;
    while (e > h && (c[e - 1] == '.' || c[e - 1] == ':')) --e;
    std::string_view url = c.substr(h, e - h);
    i = std::max(e, h + 1);
    if (h > 0 && c[h - 1] == '@') continue;
    bool contact = false;
    std::string_view before = c.substr(0, h);
    if (ends_with(before, "(")) {
      std::string_view b = before.substr(0, before.size() - 1);
      // the word before the bracket, allowing a closing quote: “中国上海”门户网站(…)
      for (std::string_view w : kw::kWebsiteBefore)
        if (ends_with(b, w)) contact = true;
    } else if (ends_with(before, ":")) {
      std::string_view b = before.substr(0, before.size() - 1);
      for (std::string_view w : kw::kWebsiteLabels)
        if (ends_with(b, w)) contact = true;
    }
    if (contact && ok_at(h) && url.size() > 4) push_unique(ct.website, std::string(url));
  }
}

std::optional<std::string> find_source(const Doc& doc) {
  std::size_t limit = std::min<std::size_t>(doc.lines.size(), 60);
  for (std::size_t k = 0; k < limit; ++k) {
    std::string_view raw = doc.text(doc.lines[k].span).substr(0, std::size_t{1} << 16);
    for (std::size_t at = raw.find("来源"); at != std::string_view::npos; at = raw.find("来源", at + 1)) {
      if (at > 0 && scan::is_cjk(decode(raw, prev_cp(raw, at)).c)) continue;  // 信息来源 is a metadata label too, but rare
      std::size_t p = at + std::string_view("来源").size();
      while (p < raw.size() && scan::is_space(fold(decode(raw, p).c))) p += decode(raw, p).len;
      Cp colon = decode(raw, p);
      if (fold(colon.c) != ':') continue;
      p += colon.len;
      while (p < raw.size() && scan::is_space(fold(decode(raw, p).c))) p += decode(raw, p).len;
      std::size_t e = p;
      while (e < raw.size() && e - p < 160 && !scan::is_space(fold(decode(raw, e).c))) e += decode(raw, e).len;
      std::string v = scan::compact(raw.substr(p, e - p));
      if (v.empty() || starts_with(v, "http") || starts_with(v, "www.") || code_points(v) > 40) continue;
      return v;
    }
  }
  return std::nullopt;
}

// The signature at the end: a body name on one of the last lines.
std::string signature_issuer(const Doc& doc) {
  int n = 0;
  for (std::size_t k = doc.lines.size(); k > 0 && n < 6; --k) {
    const Line& l = doc.lines[k - 1];
    if (l.boilerplate) continue;
    if (scan::trim(doc.text(l.span)).empty()) continue;
    std::string c = short_line(doc, k - 1);
    ++n;
    if (code_points(c) <= 30 && names_body(c) && !contains(c, ",") && !contains(c, "。")) return c;
  }
  return {};
}

}  // namespace

std::string area_prefix(std::string_view name) {
  auto units = area_units(name);
  if (units.empty()) return {};
  return std::string(name.substr(0, units.back().end));
}

std::string normalise_phone(std::string_view printed) {
  std::string c = scan::compact(printed);
  std::size_t end = 0;
  return read_phone(c, 0, &end);
}

std::optional<Period> find_period(std::string_view c) {
  for (std::string_view label : kw::kPeriodLabels) {
    int tries = 0;
    for (std::size_t at = c.find(label); at != std::string_view::npos && tries < 64;
         at = c.find(label, at + 1), ++tries) {
      std::size_t start = at + label.size();
      std::size_t limit = std::min(c.size(), start + 30);
      for (std::size_t i = start; i < limit; i += std::max(1u, decode(c, i).len)) {
        Cp cp = decode(c, i);
        if (!scan::is_digit(cp.c) && scan::cn_digit(cp.c) < 0) continue;
        std::size_t e;
        auto from = scan::read_date(c, i, &e);
        if (!from) {
          // "统计期限为2025年度": the calendar year stated
          std::size_t ye;
          long y = scan::read_int(c, i, &ye, 4);
          if (y >= 1990 && y <= 2100 && ye - i == 4 && starts_with(c.substr(ye), "年度") &&
              !starts_with(c.substr(ye + std::string_view("年度").size()), "报告")) {
            std::string ys = std::to_string(y);
            return Period{ys + "-01-01", ys + "-12-31"};
          }
          break;
        }
        // connector: 起至, 至, 到, -, —
        std::size_t j = e;
        for (int k = 0; k < 3 && j < c.size(); ++k) {
          Cp d = decode(c, j);
          if (d.c == U'起' || d.c == U'至' || d.c == U'到' || is_dash(d.c) || d.c == ',') j += d.len;
          else break;
        }
        if (j == e) break;
        std::size_t e2;
        auto to = scan::read_date(c, j, &e2, false);
        if (!to) break;
        if (to->y == 0) to->y = from->y;
        if (std::tie(to->y, to->m, to->d) < std::tie(from->y, from->m, from->d)) break;
        return Period{from->iso(), to->iso()};
      }
    }
  }
  return std::nullopt;
}

void read_meta(Doc& doc, const scan::Compact& body) {
  Meta& m = doc.meta;
  TitleInfo ti = find_title_in(doc, false);
  if (ti.title.empty()) ti = find_title_in(doc, true);
  m.title = ti.title;

  m.period = find_period(body.text);
  std::size_t yat = std::string::npos, yafter = 0;
  m.year = year_in(m.title, &yat, &yafter);
  if (m.year == 0) m.year = year_in(ti.year_line);
  if (m.year == 0 && m.period) {
    std::size_t e;
    m.year = static_cast<int>(scan::read_int(m.period->to, 0, &e, 4));
  }

  // issuer: the body the title names, before the year or between it and 政府信息公开
  std::string body_name;
  std::string_view t = m.title;
  std::size_t ogi = std::string::npos;
  for (std::string_view k : {"政府信息公开", "政务公开", "信息公开"}) {
    ogi = t.find(k, yat == std::string::npos ? 0 : yafter);
    if (ogi != std::string::npos) break;
  }
  if (yat != std::string::npos && yat > 0) {
    body_name = std::string(t.substr(0, yat));
  } else if (ogi != std::string::npos) {
    std::size_t from = yat == std::string::npos ? 0 : yafter;
    body_name = std::string(t.substr(from, ogi - from));
  }
  for (std::string_view w : {"关于", "的"})
    if (ends_with(body_name, w)) body_name.erase(body_name.size() - w.size());
  if (!body_name.empty() && area_prefix(body_name) == body_name) body_name += "人民政府";
  if (body_name.empty()) body_name = signature_issuer(doc);
  m.issuer = body_name;
  m.region = region_for(m.issuer, body.text);

  m.published = find_published(doc, ti);
  if (auto s = find_source(doc)) m.source = *s;
  read_contact(body, doc, m.contact);
}

}  // namespace ogi::detail
