// lib/structure: headings, the section tree, canonical kinds of the top
// sections, the format fingerprint, and (meta.cpp) the report's metadata.
//
// Headings are read line by line from the normalised text. A numbered line
// is a heading when it is short, does not read as a table row ("1.属于国家秘密
// 0 0 0", a template row label, a label followed by a line holding only a
// number) and is not a sentence of prose. Levels follow the official order of
// numbering styles (一、 > (一) > 1. > (1) > ①), compressed to the styles the
// report uses, so a report numbering its chapters "1." has them at level 1.
// Markdown '#' levels are used only when a report has no numbered headings.
#include <algorithm>
#include <array>

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

constexpr std::size_t kMaxTitleCodePoints = 48;    // longer titles are sentences
constexpr std::size_t kMaxScanCodePoints = 400;    // never read further into one line
constexpr std::size_t kLookaheadLines = 3;         // empty lines skipped to find "the next line"
// Real reports have tens of headings; an input with more than this many is a
// concatenation or an attack, and the rest of it is read as body text.
constexpr std::size_t kMaxHeadings = 5000;

bool contains(std::string_view s, std::string_view k) { return s.find(k) != std::string_view::npos; }

bool ends_with_cp(std::string_view s, char32_t c) {
  if (s.empty()) return false;
  std::size_t p = s.size() - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return decode(s, p).c == c;
}

std::size_t skip_spaces(std::string_view t, std::size_t p) {
  while (p < t.size()) {
    Cp c = decode(t, p);
    if (!scan::is_space(fold(c.c))) break;
    p += c.len;
  }
  return p;
}

// Where a circled number came from: NFKC turns "①" into "1", so look at the
// text before normalisation.
bool circled_origin(const Doc& doc, std::size_t norm_pos) {
  if (doc.plain.empty()) return false;
  std::size_t o = doc.norm_map.empty() ? norm_pos : doc.norm_map.to_orig(norm_pos);
  Cp c = decode(doc.plain, o);
  return (c.c >= 0x2460 && c.c <= 0x2473) || (c.c >= 0x2776 && c.c <= 0x277F) || (c.c >= 0x24F5 && c.c <= 0x24FE);
}

bool numeric_token(std::string_view tok) {
  bool digit = false;
  for (char ch : tok) {
    if (ch >= '0' && ch <= '9') digit = true;
    else if (ch != '.' && ch != ',' && ch != '%' && ch != '-') return false;
  }
  return digit;
}

// A line that holds nothing but a number or a unit: the value cell of a
// table flattened one cell per line.
bool value_only_line(std::string_view t) {
  std::string_view s = scan::trim(t);
  if (s.empty() || s.size() > 40) return false;
  static constexpr std::string_view kUnits[] = {"条", "件", "次", "个", "人", "人次", "万元", "元", "篇", "项", "——", "—"};
  for (std::string_view u : kUnits)
    if (s == u) return true;
  bool digit = false;
  for (char ch : s) {
    if (ch >= '0' && ch <= '9') digit = true;
    else if (ch != '.' && ch != ',' && ch != '%' && ch != ' ') return false;
  }
  return digit;
}

// The next non-empty line after k (within a few lines), or npos.
std::size_t next_content_line(const Doc& doc, std::size_t k) {
  for (std::size_t j = k + 1; j < doc.lines.size() && j <= k + 1 + kLookaheadLines; ++j) {
    if (doc.lines[j].boilerplate) continue;
    if (!scan::trim(doc.text(doc.lines[j].span)).empty()) return j;
  }
  return std::string::npos;
}

bool is_table_label(std::string_view compact_title) {
  std::string_view t = compact_title;
  // the label before any parenthesised note: "部分公开(区分处理的,…)"
  if (auto p = t.find('('); p != std::string_view::npos && p > 0) t = t.substr(0, p);
  for (std::string_view k : kw::kTableLabelsExact)
    if (t == k) return true;
  for (std::string_view k : kw::kTableLabelsContain)
    if (contains(compact_title, k)) return true;
  return false;
}

// Strips trailing punctuation, emphasis markers and spaces from a title.
std::string_view strip_title(std::string_view t) {
  for (;;) {
    t = scan::trim(t);
    if (t.empty()) return t;
    std::size_t p = t.size() - 1;
    while (p > 0 && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) --p;
    char32_t c = fold(decode(t, p).c);
    if (c == '*' || c == '_' || c == '#' || c == ',' || c == '.' || c == ':' || c == ';' || c == U'、' ||
        c == U'。' || c == U'，' || c == U'：' || c == U'；') {
      t = t.substr(0, p);
      continue;
    }
    return t;
  }
}

struct Numbering {
  NumberStyle style = NumberStyle::none;
  int value = 0;
  std::size_t begin = 0, digits_begin = 0, digits_end = 0, end = 0;  // byte offsets in the line
};

// Reads a numbering at byte p of line text t (line starts at norm offset base).
Numbering read_numbering(const Doc& doc, std::string_view t, std::size_t base, std::size_t p) {
  Numbering n;
  n.begin = p;
  Cp c = decode(t, p);
  char32_t f = fold(c.c);
  auto after_punct = [&](std::size_t q, bool required) -> std::size_t {
    Cp d = decode(t, q);
    char32_t g = fold(d.c);
    if (g == U'、') return q + d.len;
    if (g == '.') {
      Cp e = decode(t, q + d.len);
      if (scan::is_digit(fold(e.c))) return std::string::npos;  // 1.5, 2016.3
      return q + d.len;
    }
    return required ? std::string::npos : q;
  };
  if (f == '(') {
    std::size_t q = skip_spaces(t, p + c.len), r = q;
    int v = scan::read_cn_number(t, q, &r);
    NumberStyle st = NumberStyle::paren_cn;
    if (v <= 0) {
      long a = scan::read_int(t, q, &r, 2);
      if (a <= 0) return {};
      v = static_cast<int>(a);
      st = NumberStyle::paren_arabic;
    }
    n.digits_begin = q, n.digits_end = r;
    r = skip_spaces(t, r);
    Cp close = decode(t, r);
    if (fold(close.c) != ')') return {};
    std::size_t e = after_punct(r + close.len, false);
    if (e == std::string::npos) e = r + close.len;
    n.style = st, n.value = v, n.end = e;
    return n;
  }
  if (scan::cn_digit(f) >= 1) {
    std::size_t r = p;
    int v = scan::read_cn_number(t, p, &r);
    if (v <= 0) return {};
    std::size_t e = after_punct(r, true);
    if (e == std::string::npos) return {};
    n.style = NumberStyle::cn, n.value = v, n.digits_begin = p, n.digits_end = r, n.end = e;
    return n;
  }
  if (scan::is_digit(f)) {
    std::size_t r = p;
    long v = scan::read_int(t, p, &r, 2);
    if (v <= 0) return {};
    n.digits_begin = p, n.digits_end = r, n.value = static_cast<int>(v);
    std::size_t e = after_punct(r, true);
    if (e != std::string::npos) {
      n.style = NumberStyle::arabic, n.end = e;
      return n;
    }
    // "1加强领导": a circled number before NFKC
    if (scan::is_cjk(decode(t, r).c) && circled_origin(doc, base + p)) {
      n.style = NumberStyle::circled, n.end = r;
      return n;
    }
    return {};
  }
  // Enclosed numerals that NFKC did not (or not yet) fold.
  auto enclosed = [&](char32_t lo, char32_t hi, NumberStyle st) {
    if (c.c < lo || c.c > hi) return false;
    n.style = st, n.value = static_cast<int>(c.c - lo) + 1;
    n.digits_begin = p, n.digits_end = p + c.len, n.end = p + c.len;
    return true;
  };
  if (enclosed(0x2460, 0x2473, NumberStyle::circled) || enclosed(0x2776, 0x277F, NumberStyle::circled) ||
      enclosed(0x24F5, 0x24FE, NumberStyle::circled) || enclosed(0x2474, 0x2487, NumberStyle::paren_arabic) ||
      enclosed(0x2488, 0x249B, NumberStyle::arabic) || enclosed(0x3220, 0x3229, NumberStyle::paren_cn))
    return n;
  return {};
}

std::string number_text(NumberStyle st, int v) {
  if (st == NumberStyle::cn || st == NumberStyle::paren_cn) {
    static constexpr std::string_view kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (v < 10) return std::string(kDigits[v]);
    std::string s;
    if (v / 10 > 1) s += kDigits[v / 10];
    s += "十";
    if (v % 10) s += kDigits[v % 10];
    return s;
  }
  return std::to_string(v);
}

}  // namespace

std::optional<HeadingLine> read_heading(const Doc& doc, std::size_t k) {
  if (k >= doc.lines.size()) return std::nullopt;
  const Line& line = doc.lines[k];
  if (line.boilerplate || line.in_table) return std::nullopt;
  std::string_view t = doc.text(line.span);
  const std::size_t base = line.span.begin;
  std::size_t p = skip_spaces(t, 0);
  HeadingLine h;
  h.line = k;
  // Markdown heading marks.
  std::size_t q = p;
  while (q < t.size() && t[q] == '#' && q - p < 7) ++q;
  if (q > p && q - p <= 6 && (q == t.size() || scan::is_space(fold(decode(t, q).c)))) {
    h.markdown = static_cast<int>(q - p);
    p = skip_spaces(t, q);
  }
  // Emphasis around the whole heading: **一、总体情况**
  while (p + 1 < t.size() && ((t[p] == '*' && t[p + 1] == '*') || (t[p] == '_' && t[p + 1] == '_')))
    p = skip_spaces(t, p + 2);
  if (p >= t.size() || t[p] == '|') return std::nullopt;  // empty, or a Markdown table row

  Numbering n = read_numbering(doc, t, base, p);
  if (n.style == NumberStyle::none && h.markdown == 0) return std::nullopt;

  // The title: up to the end of the first sentence, or the whole line.
  std::size_t ts = n.style == NumberStyle::none ? p : skip_spaces(t, n.end);
  std::size_t te = t.size();
  std::size_t cps = 0;
  bool sentence_end = false;
  for (std::size_t i = ts; i < t.size();) {
    Cp c = decode(t, i);
    char32_t f = fold(c.c);
    if (f == U'。' || f == '!' || f == '?' || f == ';' || (f == ':' && cps >= 2)) {
      te = i;
      sentence_end = true;
      break;
    }
    if (!scan::is_space(f)) ++cps;
    if (cps > kMaxScanCodePoints) return std::nullopt;
    i += c.len;
  }
  while (ts + 1 < te && ((t[ts] == '*' && t[ts + 1] == '*') || (t[ts] == '_' && t[ts + 1] == '_')))
    ts = skip_spaces(t, ts + 2);  // 一、**总体情况**
  std::string_view raw_title = t.substr(ts, te - ts);
  std::string_view title = strip_title(raw_title);
  std::string compact_title = scan::compact(title);
  std::size_t title_cps = 0;
  for (std::size_t i = 0; i < compact_title.size(); i += std::max(1u, decode(compact_title, i).len)) ++title_cps;
  if (title_cps < 2 || title_cps > kMaxTitleCodePoints) return std::nullopt;

  if (n.style == NumberStyle::none) {
    // Markdown heading without a numbering: not an inline "一是…" sentence, not a caption of a table row.
    Cp c0 = decode(compact_title, 0);
    Cp c1 = decode(compact_title, c0.len);
    if (scan::cn_digit(c0.c) >= 1 && c1.c == U'是') return std::nullopt;
  } else {
    // A table row: numbers after the label ("1.属于国家秘密 0 0 0", "(一)收到申请数 件 120").
    if (!sentence_end) {
      int numeric = 0;
      std::size_t i = 0;
      std::string_view last;
      while (i < title.size()) {
        while (i < title.size() && title[i] == ' ') ++i;
        std::size_t j = i;
        while (j < title.size() && title[j] != ' ' && title[j] != '\t') ++j;
        if (j > i) {
          last = title.substr(i, j - i);
          if (numeric_token(last)) ++numeric;
        }
        i = j + 1;
      }
      if (numeric >= 2 || (numeric == 1 && numeric_token(last) && last.data() != title.data())) return std::nullopt;
    }
    std::size_t digits = 0;
    for (char ch : compact_title)
      if (ch >= '0' && ch <= '9') ++digits;
    if (digits > 8) return std::nullopt;
    // Indicator rows of the legacy tables are "…数" ("2.传真申请数"); headings
    // end with 情况, 工作, 方面, 数量 …
    if (ends_with_cp(compact_title, U'数')) return std::nullopt;
    // A label cell followed by its value cell on the next line.
    std::size_t nx = next_content_line(doc, k);
    if (nx != std::string::npos && value_only_line(doc.text(doc.lines[nx].span))) return std::nullopt;
  }
  if (contains(compact_title, "|") || is_table_label(compact_title)) return std::nullopt;

  h.style = n.style;
  h.value = n.value;
  h.number = n.style == NumberStyle::none ? std::string() : number_text(n.style, n.value);
  h.title = compact_title;
  std::size_t hb = n.style == NumberStyle::none ? ts : n.begin;
  std::size_t he = static_cast<std::size_t>(title.data() + title.size() - t.data());
  h.heading = {base + hb, base + he};
  return h;
}

std::string_view section_kind(std::string_view title, Format format) {
  unsigned mask = format == Format::legacy  ? kw::kLegacy
                  : format == Format::f2019 ? kw::k2019
                  : format == Format::f2021 ? kw::k2021
                                            : kw::kUnknown;
  for (const kw::KindRule& r : kw::kKindRules) {
    if (!(r.formats & mask)) continue;
    for (std::string_view k : r.any)
      if (!k.empty() && contains(title, k)) return r.kind;
  }
  return {};
}

namespace {

// Every signal word of the fingerprint in one set, so that one pass over the
// report finds them all: the 2021 words, the 2019 words, the table-format
// words, the legacy words, then both words of each pair.
struct Signals {
  KeywordSet set;
  std::size_t n21, n19, ntable, nlegacy;
  Signals() : set(all()) {
    n21 = std::size(kw::kSignals2021);
    n19 = std::size(kw::kSignals2019);
    ntable = std::size(kw::kSignalsTableFormats);
    nlegacy = std::size(kw::kSignalsLegacy);
  }
  static std::vector<std::string_view> all() {
    std::vector<std::string_view> w;
    for (auto x : kw::kSignals2021) w.push_back(x);
    for (auto x : kw::kSignals2019) w.push_back(x);
    for (auto x : kw::kSignalsTableFormats) w.push_back(x);
    for (auto x : kw::kSignalsLegacy) w.push_back(x);
    for (const auto& pr : kw::kSignalPairsTableFormats) {
      w.push_back(pr[0]);
      w.push_back(pr[1]);
    }
    return w;
  }
};

const Signals& signals() {
  static const Signals s;
  return s;
}

int count_range(const std::vector<char>& found, std::size_t from, std::size_t n) {
  int c = 0;
  for (std::size_t i = from; i < from + n; ++i) c += found[i] ? 1 : 0;
  return c;
}

// The format regulation a report cites: 国办公开办函〔2021〕30号 -> 2021,
// 〔2019〕60号 -> 2019; brackets as 〔〕, [], (), 【】 or lost ("〔202130号").
Format cited_regulation(std::string_view text) {
  for (std::size_t at = text.find("办函"); at != std::string_view::npos; at = text.find("办函", at + 1)) {
    std::size_t p = at + std::string_view("办函").size();
    // skip at most two brackets or spaces
    for (int k = 0; k < 2 && p < text.size(); ++k) {
      Cp c = decode(text, p);
      if (scan::is_digit(c.c)) break;
      p += c.len;
    }
    std::size_t r = p;
    long digits = scan::read_int(text, p, &r, 8);
    long year = -1, number = -1;
    if (digits >= 0 && r - p >= 6) {
      // run together: "〔202130号" (〕 lost)
      std::size_t n = r - p;
      long div = 1;
      for (std::size_t k = 4; k < n; ++k) div *= 10;
      year = digits / div;
      number = digits % div;
    } else if (digits >= 0 && r - p == 4) {
      year = digits;
      std::size_t q = r;
      for (int k = 0; k < 2 && q < text.size(); ++k) {
        Cp c = decode(text, q);
        if (scan::is_digit(c.c)) break;
        q += c.len;
      }
      number = scan::read_int(text, q, &q, 3);
    }
    if (year == 2021 && number == 30) return Format::f2021;
    if (year == 2019 && number == 60) return Format::f2019;
  }
  if (contains(text, "年度报告格式(试行)")) return Format::f2019;
  return Format::unknown;
}

}  // namespace

Format fingerprint(std::string_view text, int year) {
  const Signals& sig = signals();
  const std::vector<char> found = sig.set.present(text);
  std::size_t at = 0;
  int n21 = count_range(found, at, sig.n21);
  at += sig.n21;
  int n19 = count_range(found, at, sig.n19);
  at += sig.n19;
  if (n21 > n19) return Format::f2021;
  if (n19 > n21) return Format::f2019;
  int ntable = n21 + count_range(found, at, sig.ntable);
  at += sig.ntable;
  int nlegacy = count_range(found, at, sig.nlegacy);
  at += sig.nlegacy;
  bool pair = false;
  for (; at + 1 < found.size(); at += 2)
    if (found[at] && found[at + 1]) pair = true;
  if (ntable > 0 || (pair && nlegacy < 2)) {
    // One of the table formats with its tables missing: the regulation cited, then the year.
    Format cited = cited_regulation(text);
    if (cited != Format::unknown) return cited;
    return year != 0 && year < 2021 ? Format::f2019 : Format::f2021;
  }
  if (nlegacy >= 2) return Format::legacy;
  // A short report on 2008-2018 with little of the usual vocabulary: the
  // legacy format is the only one there was for those years, so an
  // information disclosure annual report of one of them is in it.
  if (year >= 2008 && year <= 2018 && contains(text, "政府信息公开") &&
      (contains(text, "年度报告") || contains(text, "年报") || nlegacy >= 1))
    return Format::legacy;
  return Format::unknown;
}

namespace {

struct Node {
  Section s;
  int value = 0;
  std::size_t first_line = 0;
  std::vector<std::size_t> kids;
};

Section assemble(std::vector<Node>& nodes, std::size_t i) {
  Section s = std::move(nodes[i].s);
  for (std::size_t k : nodes[i].kids) s.children.push_back(assemble(nodes, k));
  return s;
}

int style_rank(NumberStyle st) { return static_cast<int>(st); }

}  // namespace

void build_sections(Doc& doc) {
  std::vector<HeadingLine> numbered, markdown;
  for (std::size_t k = 0; k < doc.lines.size() && numbered.size() < kMaxHeadings && markdown.size() < kMaxHeadings; ++k) {
    auto h = read_heading(doc, k);
    if (!h) continue;
    if (h->style != NumberStyle::none) numbered.push_back(std::move(*h));
    else if (doc.input.kind == InputKind::markdown) markdown.push_back(std::move(*h));
  }
  std::vector<HeadingLine>& heads = numbered.empty() ? markdown : numbered;
  if (numbered.empty()) {
    // a Markdown document's own title ("# …年度报告") is not a section
    heads.erase(std::remove_if(heads.begin(), heads.end(),
                               [](const HeadingLine& h) {
                                 return contains(h.title, "年度报告") || contains(h.title, "年报");
                               }),
                heads.end());
  }
  // Levels: rank among the styles (or Markdown depths) the report uses.
  std::array<bool, 8> used{};
  for (const HeadingLine& h : heads) {
    int key = numbered.empty() ? std::clamp(h.markdown, 1, 6) : style_rank(h.style);
    used[static_cast<std::size_t>(key)] = true;
  }
  std::array<int, 8> level{};
  int next = 1;
  for (std::size_t i = 0; i < used.size(); ++i)
    if (used[i]) level[i] = next++;

  std::vector<Node> nodes;
  nodes.reserve(heads.size());
  std::vector<std::size_t> roots, stack;
  auto end_of = [&](std::size_t first, std::size_t last_excl) {
    // end of the last body line in [first, last_excl)
    for (std::size_t j = last_excl; j > first; --j) {
      const Line& l = doc.lines[j - 1];
      if (l.boilerplate) continue;
      if (scan::trim(doc.text(l.span)).empty()) continue;
      return l.span.end;
    }
    return doc.lines[first].span.end;
  };
  auto close = [&](std::size_t node, std::size_t line_excl) {
    Node& n = nodes[node];
    n.s.span.end = std::max(n.s.heading.end, end_of(n.first_line, line_excl));
  };
  for (HeadingLine& h : heads) {
    int key = numbered.empty() ? std::clamp(h.markdown, 1, 6) : style_rank(h.style);
    Node n;
    n.s.number = std::move(h.number);
    n.s.title = std::move(h.title);
    n.s.level = level[static_cast<std::size_t>(key)];
    n.s.heading = h.heading;
    n.s.span = {h.heading.begin, h.heading.end};
    n.first_line = h.line;
    // A number that repeats or goes back among siblings ("三、" after "三、")
    // is a scrambled table label, not a heading; "一、" may restart a series
    // (statistics chapters numbered anew after the prose ones).
    if (h.style != NumberStyle::none) {
      std::size_t depth = stack.size();
      while (depth > 0 && nodes[stack[depth - 1]].s.level > n.s.level) --depth;
      if (depth > 0 && nodes[stack[depth - 1]].s.level == n.s.level) {
        int prev = nodes[stack[depth - 1]].value;
        if (h.value <= prev && !(h.value == 1 && prev > 1)) continue;
      }
    }
    n.value = h.value;
    while (!stack.empty() && nodes[stack.back()].s.level >= n.s.level) {
      close(stack.back(), h.line);
      stack.pop_back();
    }
    std::size_t id = nodes.size();
    nodes.push_back(std::move(n));
    if (stack.empty()) roots.push_back(id);
    else nodes[stack.back()].kids.push_back(id);
    stack.push_back(id);
  }
  while (!stack.empty()) {
    close(stack.back(), doc.lines.size());
    stack.pop_back();
  }
  doc.sections.clear();
  for (std::size_t r : roots) {
    Section s = assemble(nodes, r);
    if (s.level == 1) s.kind = std::string(section_kind(s.title, doc.meta.format));
    doc.sections.push_back(std::move(s));
  }
}

void structure(Doc& doc) {
  // Metadata and format signals are read from a compact copy of the body.
  // Real reports are 10–500 KB; of a larger input (a concatenation, an
  // attack) only the first 4 MB and the last 1 MB are read for them, so the
  // copy and the keyword scans stay bounded.
  scan::Compact body = scan::compact(doc, std::size_t{4} << 20, std::size_t{1} << 20);
  read_meta(doc, body);
  doc.meta.format = fingerprint(body.text, doc.meta.year);
  build_sections(doc);
}

}  // namespace ogi::detail
