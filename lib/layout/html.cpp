// lib/layout: HTML -> visible text, one block per line, and the markup tables.
//
// The document is parsed by gumbo (an HTML5 parser); the DOM is walked with
// an explicit stack, so nesting depth costs heap, not call stack. Text nodes
// are mapped back to the source through gumbo's source positions: verbatim
// bytes one to one, each character reference ("&nbsp;") as one segment.
//
// gumbo is quadratic in the depth of open elements (every block start tag
// scans the stack) and in the number of formatting elements left open (each
// block reopens them), and its duplicate-attribute check is quadratic in the
// attributes of one tag. A linear pre-pass (html_blank_ranges) models the
// tree closely enough to overwrite, with spaces, the tags that would exceed
// HtmlLimits; blanking keeps every byte offset, so spans stay exact.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "layout/layout.hpp"

#ifdef OGI_WITH_HTML
#include <gumbo.h>
#include <unicode/utf8.h>

#include <climits>
#endif

namespace ogi::detail {

#ifdef OGI_WITH_HTML
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// Case-insensitive search for ASCII `w` in `s` from `from`.
std::size_t find_ci(std::string_view s, std::string_view w, std::size_t from = 0) {
  if (w.empty() || s.size() < w.size()) return npos;
  const char first = lower(w[0]);
  for (std::size_t i = from; i + w.size() <= s.size(); ++i) {
    if (lower(s[i]) != first) continue;
    std::size_t k = 1;
    while (k < w.size() && lower(s[i + k]) == w[k]) ++k;
    if (k == w.size()) return i;
  }
  return npos;
}

GumboTag tag_of(std::string_view name) {
  char buf[24];
  if (name.empty() || name.size() >= sizeof buf) return GUMBO_TAG_UNKNOWN;
  for (std::size_t i = 0; i < name.size(); ++i) buf[i] = lower(name[i]);
  return gumbo_tagn_enum(buf, static_cast<unsigned>(name.size()));
}

bool is_void(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BR: case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_HR: case GUMBO_TAG_IMAGE: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_SPACER:
      return true;
    default:
      return false;
  }
}

bool is_formatting(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open <p> (HTML5 "in body" insertion mode).
bool closes_p(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_FORM: case GUMBO_TAG_TABLE: case GUMBO_TAG_HR: case GUMBO_TAG_XMP: case GUMBO_TAG_LI:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_PLAINTEXT:
      return true;
    default:
      return false;
  }
}

// Elements whose content the tokenizer reads as raw text up to "</name".
bool raw_text(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

// A model of the stack of open elements, good enough to bound its depth.
// It pops at least as eagerly as an HTML5 tree builder in the common cases
// (end tags, implied ends of p/li/dd/dt/td/th/tr/option), so an ordinary
// page never reaches the limits, however sloppy its markup.
class NestingModel {
 public:
  NestingModel(const HtmlLimits& lim, std::vector<Span>& blanks) : lim_(lim), blanks_(blanks) {}

  void start(GumboTag t, Span tag) {
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_BODY || is_void(t)) return;
    // implied end tags
    if (closes_p(t) && open(GUMBO_TAG_P) > boundary()) pop_to(GUMBO_TAG_P);
    switch (t) {
      case GUMBO_TAG_LI:
        if (open(GUMBO_TAG_LI) > std::max(open(GUMBO_TAG_UL), open(GUMBO_TAG_OL))) pop_to(GUMBO_TAG_LI);
        break;
      case GUMBO_TAG_DD: case GUMBO_TAG_DT: {
        const long dd = open(GUMBO_TAG_DD), dt = open(GUMBO_TAG_DT);
        if (std::max(dd, dt) > open(GUMBO_TAG_DL)) pop_to(dd > dt ? GUMBO_TAG_DD : GUMBO_TAG_DT);
        break;
      }
      case GUMBO_TAG_TD: case GUMBO_TAG_TH: {
        const long td = open(GUMBO_TAG_TD), th = open(GUMBO_TAG_TH);
        if (std::max(td, th) > open(GUMBO_TAG_TABLE)) pop_to(td > th ? GUMBO_TAG_TD : GUMBO_TAG_TH);
        break;
      }
      case GUMBO_TAG_TR:
        if (open(GUMBO_TAG_TR) > open(GUMBO_TAG_TABLE)) pop_to(GUMBO_TAG_TR);
        break;
      case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
        for (GumboTag g : {GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT})
          if (open(g) > open(GUMBO_TAG_TABLE)) pop_to(g);
        break;
      case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP:
        if (open(GUMBO_TAG_OPTION) > open(GUMBO_TAG_SELECT)) pop_to(GUMBO_TAG_OPTION);
        break;
      case GUMBO_TAG_A: case GUMBO_TAG_NOBR: case GUMBO_TAG_BUTTON:
        if (open(t) > boundary()) pop_to(t);
        break;
      default:
        break;
    }
    bool blank = real_ >= lim_.max_depth;
    if (!blank && is_formatting(t) && formatting_ >= lim_.max_formatting) blank = true;
    if (blank) blanks_.push_back(tag);
    push(t, blank);
  }

  // Returns true when the end tag closes a blanked element (blank it too).
  bool end(GumboTag t) {
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_BR) return false;
    if (open(t) < 0) return false;
    const bool blanked = stack_[static_cast<std::size_t>(open(t))].blanked;
    if (is_formatting(t) && !blanked && formatting_ > 0) --formatting_;  // closed explicitly
    pop_to(t);
    return blanked;
  }

 private:
  struct Open {
    GumboTag tag;
    bool blanked;
    std::size_t formatting_before;  // for scope markers: formatting count to restore
  };

  static bool scope_boundary(GumboTag t) {
    switch (t) {
      case GUMBO_TAG_TABLE: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION:
      case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_APPLET: case GUMBO_TAG_BUTTON:
      case GUMBO_TAG_TEMPLATE:
        return true;
      default:
        return false;
    }
  }
  // Index of the innermost open element with tag t, or -1.
  long open(GumboTag t) const {
    const auto& v = where_[static_cast<std::size_t>(t)];
    return v.empty() ? -1 : static_cast<long>(v.back());
  }
  long boundary() const { return boundaries_.empty() ? -1 : static_cast<long>(boundaries_.back()); }

  void push(GumboTag t, bool blanked) {
    const std::size_t i = stack_.size();
    stack_.push_back({t, blanked, formatting_});
    where_[static_cast<std::size_t>(t)].push_back(i);
    if (scope_boundary(t)) boundaries_.push_back(i);
    if (!blanked) {
      ++real_;
      if (is_formatting(t)) ++formatting_;
    }
  }
  void pop_to(GumboTag t) {
    const long target = open(t);
    if (target < 0) return;
    while (static_cast<long>(stack_.size()) > target) {
      const Open o = stack_.back();
      stack_.pop_back();
      where_[static_cast<std::size_t>(o.tag)].pop_back();
      if (!boundaries_.empty() && boundaries_.back() == stack_.size()) boundaries_.pop_back();
      if (!o.blanked) --real_;
      // a cell, caption or object ends the formatting elements opened in it
      if (scope_boundary(o.tag) && o.tag != GUMBO_TAG_TABLE && o.tag != GUMBO_TAG_BUTTON)
        formatting_ = std::min(formatting_, o.formatting_before);
    }
  }

  const HtmlLimits& lim_;
  std::vector<Span>& blanks_;
  std::vector<Open> stack_;
  std::array<std::vector<std::size_t>, GUMBO_TAG_LAST + 1> where_{};
  std::vector<std::size_t> boundaries_;
  std::size_t real_ = 0;        // open elements not blanked
  std::size_t formatting_ = 0;  // formatting elements opened and not explicitly closed
};

}  // namespace

std::vector<Span> html_blank_ranges(std::string_view s, const HtmlLimits& limits) {
  std::vector<Span> blanks;
  NestingModel model(limits, blanks);
  const std::size_t n = s.size();
  std::size_t i = 0;
  while ((i = s.find('<', i)) != npos) {
    if (i + 1 >= n) break;
    const char c = s[i + 1];
    if (c == '!') {
      if (s.substr(i, 4) == "<!--") {
        const std::size_t e = s.find("-->", i + 4);
        i = e == npos ? n : e + 3;
      } else {
        const std::size_t e = s.find('>', i + 2);
        i = e == npos ? n : e + 1;
      }
      continue;
    }
    if (c == '?') {
      const std::size_t e = s.find('>', i + 2);
      i = e == npos ? n : e + 1;
      continue;
    }
    const bool end_tag = c == '/';
    const std::size_t name_at = i + (end_tag ? 2 : 1);
    if (name_at >= n || !ascii_alpha(s[name_at])) {
      if (end_tag) {  // "</ ..." is a bogus comment
        const std::size_t e = s.find('>', i + 2);
        i = e == npos ? n : e + 1;
      } else {
        ++i;
      }
      continue;
    }
    std::size_t j = name_at;
    while (j < n && !html_space(s[j]) && s[j] != '/' && s[j] != '>') ++j;
    const std::string_view name = s.substr(name_at, j - name_at);
    const GumboTag tag = tag_of(name);
    // attributes, to the closing '>' (quotes respected)
    std::size_t attrs = 0;
    while (j < n && s[j] != '>') {
      if (html_space(s[j]) || s[j] == '/') {
        ++j;
        continue;
      }
      const std::size_t a = j;
      while (j < n && !html_space(s[j]) && s[j] != '/' && s[j] != '>' && s[j] != '=') ++j;
      if (j == a) ++j;  // a stray '=': one byte, then on
      std::size_t k = j;
      while (k < n && html_space(s[k])) ++k;
      if (k < n && s[k] == '=') {
        ++k;
        while (k < n && html_space(s[k])) ++k;
        if (k < n && (s[k] == '"' || s[k] == '\'')) {
          const std::size_t q = s.find(s[k], k + 1);
          k = q == npos ? n : q + 1;
        } else {
          while (k < n && !html_space(s[k]) && s[k] != '>') ++k;
        }
        j = k;
      }
      if (++attrs > limits.max_attributes && !end_tag) blanks.push_back({a, j});
    }
    const std::size_t tag_end = j < n ? j + 1 : n;
    if (end_tag) {
      if (model.end(tag)) blanks.push_back({i, tag_end});
    } else {
      model.start(tag, {i, tag_end});
      if (tag == GUMBO_TAG_PLAINTEXT) break;  // the rest is text
      if (raw_text(tag)) {
        // skip to the matching end tag
        std::size_t k = tag_end;
        for (;;) {
          k = s.find("</", k);
          if (k == npos) break;
          if (k + 2 + name.size() <= n && find_ci(s.substr(k + 2, name.size()), name) == 0) {
            const std::size_t after = k + 2 + name.size();
            if (after >= n || html_space(s[after]) || s[after] == '>' || s[after] == '/') break;
          }
          k += 2;
        }
        i = k == npos ? n : k;
        continue;
      }
    }
    i = tag_end;
  }
  return blanks;
}

namespace {

// ---- text helpers ----

// The code point starting at s[i] (U+FFFD for a bad byte).
char32_t code_point(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c;
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) return 0xFFFD;
  char32_t cp = c & (0x3F >> (len - 1));
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
  return cp;
}
std::size_t cp_length(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return std::min(len, s.size() - i);
}
char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && s.size() - i < 4 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return code_point(s, i);
}

// East Asian wide characters (CJK, kana, full-width forms): between two of
// them a line break in the source is no space (CSS Text 3, segment breaks).
bool wide(char32_t c) {
  return (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool has_digit(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= '0' && c <= '9') return true;
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
        static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99)
      return true;
  }
  return false;
}

// Trims ASCII space, '\n', U+00A0 and U+3000 from both ends of [b, e) of s.
Span trim_span(std::string_view s, std::size_t b, std::size_t e) {
  auto sp_at = [&](std::size_t i) -> std::size_t {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\t') return 1;
    if (c == 0xC2 && i + 1 < e && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    if (c == 0xE3 && i + 2 < e && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80)
      return 3;
    return 0;
  };
  auto sp_before = [&](std::size_t j) -> std::size_t {
    const unsigned char c = static_cast<unsigned char>(s[j - 1]);
    if (c == ' ' || c == '\n' || c == '\t') return 1;
    if (j - b >= 2 && c == 0xA0 && static_cast<unsigned char>(s[j - 2]) == 0xC2) return 2;
    if (j - b >= 3 && c == 0x80 && static_cast<unsigned char>(s[j - 2]) == 0x80 &&
        static_cast<unsigned char>(s[j - 3]) == 0xE3)
      return 3;
    return 0;
  };
  while (b < e) {
    const std::size_t k = sp_at(b);
    if (!k) break;
    b += k;
  }
  while (e > b) {
    const std::size_t k = sp_before(e);
    if (!k) break;
    e -= k;
  }
  return {b, e};
}

// A section number at the start of a line: "一、", "（二）", "(三)", "1."
bool starts_numbered(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || static_cast<unsigned char>(s[i]) == 0xC2 ||
                          static_cast<unsigned char>(s[i]) == 0xA0))
    ++i;
  s.remove_prefix(i);
  static constexpr std::string_view numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  auto numeral_run = [&](std::string_view& t) {
    std::size_t count = 0;
    for (bool more = true; more;) {
      more = false;
      for (std::string_view n : numerals)
        if (t.substr(0, n.size()) == n) {
          t.remove_prefix(n.size());
          ++count;
          more = true;
          break;
        }
    }
    return count > 0;
  };
  std::string_view t = s;
  if (t.substr(0, 3) == "（" || t.substr(0, 1) == "(") {
    t.remove_prefix(t[0] == '(' ? 1 : 3);
    return numeral_run(t) && (t.substr(0, 3) == "）" || t.substr(0, 1) == ")");
  }
  if (numeral_run(t)) return t.substr(0, 3) == "、" || t.substr(0, 3) == "．";
  std::size_t d = 0;
  while (d < t.size() && t[d] >= '0' && t[d] <= '9') ++d;
  if (d == 0 || d > 2) return false;
  t.remove_prefix(d);
  return t.substr(0, 3) == "、" || t.substr(0, 1) == "." || t.substr(0, 3) == "．";
}

// ---- attributes ----

// When s is not valid UTF-8, writes it to out with every invalid sequence
// replaced by U+FFFD and returns true (ICU's U8_NEXT decides validity).
bool repair_utf8(std::string_view s, std::string& out) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
  int32_t i = 0;
  bool bad = false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      bad = true;
      break;
    }
  }
  if (!bad) return false;
  out.clear();
  for (i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) out += "\xEF\xBF\xBD";
    else out.append(s.data() + at, static_cast<std::size_t>(i - at));
  }
  return true;
}

std::string_view attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

// The value of CSS property `prop` in a style attribute, or "".
std::string_view css_value(std::string_view style, std::string_view prop) {
  for (std::size_t at = 0; (at = find_ci(style, prop, at)) != npos; at += prop.size()) {
    if (at > 0 && (ascii_alpha(style[at - 1]) || style[at - 1] == '-')) continue;  // "max-display"
    std::size_t k = at + prop.size();
    while (k < style.size() && html_space(style[k])) ++k;
    if (k >= style.size() || style[k] != ':') continue;
    ++k;
    while (k < style.size() && html_space(style[k])) ++k;
    std::size_t e = style.find(';', k);
    if (e == npos) e = style.size();
    while (e > k && html_space(style[e - 1])) --e;
    return style.substr(k, e - k);
  }
  return {};
}

bool hidden(const GumboElement& e) {
  if (gumbo_get_attribute(&e.attributes, "hidden")) return true;
  const std::string_view style = attr(e, "style");
  if (style.empty()) return false;
  const std::string_view d = css_value(style, "display");
  if (d.size() >= 4 && find_ci(d, "none") == 0) return true;
  const std::string_view v = css_value(style, "visibility");
  return v.size() >= 6 && find_ci(v, "hidden") == 0;
}

// Font of an element: 1 heading face (黑体 level 1, 楷体 level 2 in
// Word-made pages, FORMATS.md E.3), 0 another face, -1 none given.
int font_kind(const GumboElement& e) {
  std::string_view f = attr(e, "face");
  if (f.empty()) f = css_value(attr(e, "style"), "font-family");
  if (f.empty()) return -1;
  for (std::string_view h : {"黑体", "楷体", "黑體", "楷體"})
    if (f.find(h) != npos) return 1;
  for (std::string_view h : {"simhei", "kaiti", "heiti"})
    if (find_ci(f, h) != npos) return 1;
  return 0;
}

int span_attr(const GumboElement& e, const char* name, int max) {
  const std::string_view v = attr(e, name);
  std::size_t i = 0;
  while (i < v.size() && html_space(v[i])) ++i;
  long n = 0;
  bool any = false;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9') {
    any = true;
    n = std::min<long>(n * 10 + (v[i] - '0'), 1000000);
    ++i;
  }
  if (!any || n < 1) return 1;
  return static_cast<int>(std::min<long>(n, max));
}

enum class Role { inline_, block, skip, br, table, row, cell, caption, title, pre };

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL: case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_MARQUEE:
      return true;
    default:
      return false;
  }
}

bool skipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_DATALIST: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_FRAME: case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET:
    case GUMBO_TAG_MAP: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_OUTPUT: case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_METER: case GUMBO_TAG_IMG: case GUMBO_TAG_IMAGE:
      return true;
    default:
      return false;
  }
}

// ---- tables: which are layout boxes (their cells are blocks, not a grid row) ----

struct TableShape {
  bool nested = false;          // holds another table
  std::size_t cells = 0;
  std::size_t cell_blocks = 0;  // blocks in the current cell
  std::size_t max_blocks = 0;   // most blocks in one cell
};

// A table is laid out as rows of " | "-joined cells unless it is a page
// layout box: it holds another table, has a single cell, or a cell holds many
// blocks (a whole article in a cell).
constexpr std::size_t kLayoutBlocks = 8;

std::unordered_set<const GumboNode*> layout_tables(const GumboNode* root) {
  std::unordered_map<const GumboNode*, TableShape> shape;
  std::vector<const GumboNode*> tables;
  struct It {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<It> stack{{root, 0}};
  while (!stack.empty()) {
    It& it = stack.back();
    const GumboVector* kids = it.node->type == GUMBO_NODE_DOCUMENT ? &it.node->v.document.children
                              : (it.node->type == GUMBO_NODE_ELEMENT || it.node->type == GUMBO_NODE_TEMPLATE)
                                  ? &it.node->v.element.children
                                  : nullptr;
    if (!kids || it.next >= kids->length) {
      if ((it.node->type == GUMBO_NODE_ELEMENT) && it.node->v.element.tag == GUMBO_TAG_TABLE && !tables.empty() &&
          tables.back() == it.node)
        tables.pop_back();
      stack.pop_back();
      continue;
    }
    const GumboNode* c = static_cast<const GumboNode*>(kids->data[it.next++]);
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag t = c->v.element.tag;
    if (t == GUMBO_TAG_TABLE) {
      if (!tables.empty()) shape[tables.back()].nested = true;
      shape[c];
      tables.push_back(c);
    } else if (!tables.empty()) {
      TableShape& s = shape[tables.back()];
      if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
        ++s.cells;
        s.cell_blocks = 0;
      } else if (is_block(t) || t == GUMBO_TAG_BR || t == GUMBO_TAG_PRE) {
        s.max_blocks = std::max(s.max_blocks, ++s.cell_blocks);
      }
    }
    stack.push_back({c, 0});
  }
  std::unordered_set<const GumboNode*> layout;
  for (const auto& [node, s] : shape)
    if (s.nested || s.cells <= 1 || s.max_blocks > kLayoutBlocks) layout.insert(node);
  return layout;
}

// ---- the walk ----

constexpr int kMaxCols = 1024;
constexpr int kMaxRowspan = 65534;
constexpr int kMaxColspan = 1000;

class Walker {
 public:
  Walker(const char* buffer, HtmlLayout& res, std::unordered_set<const GumboNode*> layout)
      : buf_(buffer), res_(res), out_(res.plain), layout_(std::move(layout)) {}

  void run(const GumboNode* document) {
    struct Frame {
      const GumboNode* node;
      unsigned next;
      Role role;
      Ctx ctx;
    };
    std::vector<Frame> stack;
    stack.push_back({document, 0, Role::inline_, Ctx{}});
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector* kids = f.node->type == GUMBO_NODE_DOCUMENT ? &f.node->v.document.children
                                : f.node->type == GUMBO_NODE_ELEMENT ? &f.node->v.element.children
                                                                     : nullptr;
      if (!kids || f.next >= kids->length) {
        leave(f.role, f.ctx);
        stack.pop_back();
        continue;
      }
      const GumboNode* c = static_cast<const GumboNode*>(kids->data[f.next++]);
      const Ctx parent = f.ctx;  // f may move when the stack grows
      switch (c->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
          text(c->v.text, parent);
          break;
        case GUMBO_NODE_ELEMENT: {
          Ctx ctx = parent;
          const Role role = enter(c, ctx);
          if (role != Role::skip) stack.push_back({c, 0, role, ctx});
          break;
        }
        default:  // comments, CDATA (foreign content), templates
          break;
      }
    }
    newline();
  }

 private:
  struct Ctx {
    bool pre = false;
    bool heading_font = false;
    bool data_cell = false;  // inside a cell of a grid table: blocks are spaces
    bool content = false;    // inside article/main/section: header/footer are content
  };
  struct Build {
    std::size_t index;       // into res_.tables
    bool grid;               // rows as " | " lines
    std::vector<int> busy;   // per column, the first row not covered by a rowspan above
    int row = -1;
    int next_col = 0;
    int cells_in_row = 0;
    std::size_t begin = 0;
    // the open cell
    bool in_cell = false;
    std::size_t cell_begin = 0;
    Cell cell;
    std::size_t caption_begin = 0;
  };

  // ---- output ----
  void add(std::size_t len, std::size_t ob, std::size_t ol) {
    const std::size_t d = out_.size() - len;
    if (ob < cursor_) {
      ob = cursor_;  // out of source order (foster-parented text): no exact origin
      ol = 0;
    }
    res_.map.add(d, len, ob, ol);
    cursor_ = ob + ol;
  }
  // The last `len` bytes of the output came from the original [ob, ob+ol)
  // by a change (an entity, a replaced character): never read as linear.
  void add_change(std::size_t len, std::size_t ob, std::size_t ol) {
    if (ob < cursor_) {
      add(len, ob, ol);  // out of source order: add() records no origin
      return;
    }
    const std::size_t d = out_.size() - len;
    res_.map.add_change(d, std::string_view(out_).substr(d, len), ob, std::string_view(buf_ + ob, ol));
    cursor_ = ob + ol;
  }
  void synth(std::string_view s) {
    out_ += s;
    add(s.size(), cursor_, 0);
  }
  void newline() {
    pending_ = false;
    if (!line_empty_) synth("\n");
    line_empty_ = true;
    line_start_ = out_.size();
    line_heading_ = true;
  }
  void soft_break() {
    if (line_empty_) return;
    if (!pending_) pending_orig_ = cursor_, pending_linear_ = false;
    pending_ = true;
    pending_break_ = false;
  }
  void boundary(const Ctx& ctx) {
    if (ctx.data_cell)
      soft_break();
    else
      newline();
  }
  void flush_pending(char32_t next) {
    if (!pending_) return;
    pending_ = false;
    if (line_empty_ || out_.empty() || out_.back() == ' ') return;
    if (pending_break_ && wide(last_code_point(out_)) && wide(next)) return;
    out_ += ' ';
    if (pending_linear_ && pending_orig_ >= cursor_)
      add(1, pending_orig_, 1);
    else
      add(1, cursor_, 0);
  }

  // ---- elements ----
  Role enter(const GumboNode* node, Ctx& ctx) {
    const GumboElement& e = node->v.element;
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return Role::skip;
    const GumboTag t = e.tag;
    if (skipped(t) || hidden(e)) return Role::skip;
    if ((t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER) && !ctx.content) return Role::skip;
    if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_SECTION) ctx.content = true;
    if (const int f = font_kind(e); f >= 0) ctx.heading_font = f == 1;
    switch (t) {
      case GUMBO_TAG_TITLE:
        if (title_done_) return Role::skip;
        title_done_ = true;
        newline();
        return Role::title;
      case GUMBO_TAG_BR:
        boundary(ctx);
        return Role::br;
      case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
        boundary(ctx);
        ctx.pre = true;
        return Role::pre;
      case GUMBO_TAG_TABLE:
        open_table(node);
        ctx.data_cell = false;
        return Role::table;
      case GUMBO_TAG_CAPTION:
        newline();
        if (!builds_.empty()) builds_.back().caption_begin = out_.size();
        return Role::caption;
      case GUMBO_TAG_TR:
        if (builds_.empty()) return Role::block;
        open_row();
        return Role::row;
      case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        if (builds_.empty() || builds_.back().row < 0) return Role::block;
        open_cell(e, ctx);
        return Role::cell;
      default:
        break;
    }
    if (is_block(t)) {
      boundary(ctx);
      return Role::block;
    }
    return Role::inline_;
  }

  void leave(Role role, const Ctx& ctx) {
    switch (role) {
      case Role::block: case Role::pre: case Role::title:
        boundary(ctx);
        break;
      case Role::br: case Role::inline_: case Role::skip:
        break;
      case Role::table:
        close_table();
        break;
      case Role::row:
        newline();
        break;
      case Role::cell:
        close_cell();
        break;
      case Role::caption:
        if (!builds_.empty()) {
          Build& b = builds_.back();
          const Span s = trim_span(out_, b.caption_begin, out_.size());
          res_.tables[b.index].grid.caption = std::string(s.of(out_));
        }
        newline();
        break;
    }
  }

  void open_table(const GumboNode* node) {
    newline();
    Build b;
    b.index = res_.tables.size();
    res_.tables.emplace_back();
    b.grid = !layout_.count(node);
    b.begin = out_.size();
    builds_.push_back(std::move(b));
  }
  void close_table() {
    newline();
    Build& b = builds_.back();
    RawTable& rt = res_.tables[b.index];
    Table& g = rt.grid;
    std::size_t end = out_.size();
    while (end > b.begin && out_[end - 1] == '\n') --end;
    rt.span = g.span = {b.begin, end};
    g.rows = b.row + 1;
    g.cols = 0;
    std::vector<bool> digits(static_cast<std::size_t>(g.rows), false);
    for (Cell& c : g.cells) {
      c.rowspan = std::min(c.rowspan, g.rows - c.row);
      g.cols = std::max(g.cols, c.col + c.colspan);
      if (has_digit(c.text)) digits[static_cast<std::size_t>(c.row)] = true;
    }
    g.header_rows = 0;
    while (g.header_rows < g.rows && !digits[static_cast<std::size_t>(g.header_rows)]) ++g.header_rows;
    // a table without cells (<table></table>, or one closed by the next) carries nothing
    if (g.cells.empty() && b.index + 1 == res_.tables.size()) res_.tables.pop_back();
    builds_.pop_back();
  }
  void open_row() {
    Build& b = builds_.back();
    if (b.in_cell) close_cell();
    newline();
    ++b.row;
    b.next_col = 0;
    b.cells_in_row = 0;
  }
  void open_cell(const GumboElement& e, Ctx& ctx) {
    Build& b = builds_.back();
    if (b.grid) {
      pending_ = false;
      if (b.cells_in_row > 0) {
        synth(" | ");
        line_empty_ = false;
        line_heading_ = false;
      }
      ctx.data_cell = true;
    } else {
      newline();
      ctx.data_cell = false;
    }
    ++b.cells_in_row;
    const int rowspan = std::min(span_attr(e, "rowspan", kMaxRowspan), kMaxRowspan);
    int colspan = span_attr(e, "colspan", kMaxColspan);
    // first free column (not covered by a rowspan from above)
    int col = b.next_col;
    while (col < static_cast<int>(b.busy.size()) && b.busy[static_cast<std::size_t>(col)] > b.row) ++col;
    b.in_cell = col < kMaxCols;  // cells past the width limit keep their text, not a grid place
    if (b.in_cell) {
      colspan = std::min(colspan, kMaxCols - col);
      if (static_cast<int>(b.busy.size()) < col + colspan) b.busy.resize(static_cast<std::size_t>(col + colspan), 0);
      for (int k = col; k < col + colspan; ++k) b.busy[static_cast<std::size_t>(k)] = b.row + rowspan;
      b.next_col = col + colspan;
      b.cell = Cell{};
      b.cell.row = b.row;
      b.cell.col = col;
      b.cell.rowspan = rowspan;
      b.cell.colspan = colspan;
    }
    b.cell_begin = out_.size();
  }
  void close_cell() {
    Build& b = builds_.back();
    if (!b.grid) newline();
    if (!b.in_cell) return;
    b.in_cell = false;
    const Span s = trim_span(out_, b.cell_begin, out_.size());
    b.cell.span = s;
    b.cell.text.assign(s.of(out_));
    res_.tables[b.index].grid.cells.push_back(std::move(b.cell));
  }

  // ---- text ----

  // Pieces mapping the decoded text of a node to its original bytes.
  struct Piece {
    std::size_t db, dl, ob, ol;  // decoded begin/len, original begin/len (relative to the node)
    bool exact;                  // byte k of the decoded text is byte k of the original
  };
  void piece(std::size_t db, std::size_t dl, std::size_t ob, std::size_t ol, bool exact) {
    if (!pieces_.empty()) {
      Piece& p = pieces_.back();
      if (p.exact && exact && p.db + p.dl == db && p.ob + p.ol == ob) {
        p.dl += dl;
        p.ol += ol;
        return;
      }
    }
    pieces_.push_back({db, dl, ob, ol, exact});
  }

  // A character reference at orig[i]: its length in orig and in dec (from
  // j), checked by the verbatim bytes that follow it. False when none fits
  // (a literal '&').
  bool entity(std::string_view orig, std::size_t i, std::string_view dec, std::size_t j, std::size_t& ol,
              std::size_t& dl) {
    std::size_t k = i + 1;
    std::size_t cands[40];
    std::size_t nc = 0;
    if (k < orig.size() && orig[k] == '#') {
      ++k;
      const bool hex = k < orig.size() && (orig[k] == 'x' || orig[k] == 'X');
      if (hex) ++k;
      const std::size_t d0 = k;
      while (k < orig.size() && k - d0 < 12 &&
             ((orig[k] >= '0' && orig[k] <= '9') ||
              (hex && ((orig[k] >= 'a' && orig[k] <= 'f') || (orig[k] >= 'A' && orig[k] <= 'F')))))
        ++k;
      if (k == d0) return false;
      if (k < orig.size() && orig[k] == ';') ++k;
      cands[nc++] = k - i;
    } else {
      while (k < orig.size() && k - i <= 32 &&
             (ascii_alpha(orig[k]) || (orig[k] >= '0' && orig[k] <= '9')))
        ++k;
      if (k == i + 1) return false;
      if (k < orig.size() && orig[k] == ';') cands[nc++] = k + 1 - i;
      for (std::size_t len = k - i; len >= 3 && nc < 40; --len) cands[nc++] = len;  // "&lt" at least
    }
    if (j >= dec.size()) return false;
    if (dec[j] == '&') {
      // only &amp; (&AMP;, &#38;, &#x26;) decodes to '&'; anything else is a literal '&'
      const std::string_view o = orig.substr(i, 6);
      if (find_ci(o, "&amp") != 0 && o.substr(0, 4) != "&#38" && find_ci(o, "&#x26") != 0) return false;
    }
    const std::size_t l1 = cp_length(dec, j);
    const std::size_t l2 = j + l1 < dec.size() ? l1 + cp_length(dec, j + l1) : l1;
    // One code point first (nearly every reference), the longest name first.
    // A candidate followed by verbatim bytes is checked by them; one followed
    // by another reference, CR or the node's end cannot be, so it is taken
    // only when no checkable candidate fits ("&copy2024&nbsp;": "&copy" + "2024").
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t d : {l1, l2}) {
        if (j + d > dec.size() || (d == l2 && l2 == l1)) continue;
        for (std::size_t c = 0; c < nc; ++c) {
          const std::size_t L = cands[c];
          std::size_t tail_end = i + L;
          while (tail_end < orig.size() && tail_end - (i + L) < 32 && orig[tail_end] != '&' &&
                 orig[tail_end] != '\r' && orig[tail_end] != '\0')
            ++tail_end;
          const std::string_view tail = orig.substr(i + L, tail_end - (i + L));
          const bool fits = pass == 0
                                ? !tail.empty() && dec.substr(j + d, tail.size()) == tail
                                : tail.empty() && (i + L == orig.size() ? j + d == dec.size() : d == l1);
          if (fits) {
            ol = L;
            dl = d;
            return true;
          }
        }
      }
    }
    return false;
  }

  void align(std::string_view orig, std::string_view dec) {
    pieces_.clear();
    if (orig == dec) {
      piece(0, dec.size(), 0, orig.size(), true);
      return;
    }
    std::size_t i = 0, j = 0;
    while (i < orig.size() && j < dec.size()) {
      const char c = orig[i];
      std::size_t ol = 0, dl = 0;
      if (c == '&' && entity(orig, i, dec, j, ol, dl)) {
        piece(j, dl, i, ol, false);
        i += ol;
        j += dl;
        continue;
      }
      if (c == '\r' && dec[j] == '\n') {
        if (i + 1 < orig.size() && orig[i + 1] == '\n') {
          piece(j, 1, i, 2, false);
          i += 2;
        } else {
          piece(j, 1, i, 1, true);  // '\r' read as '\n': one byte for one
          ++i;
        }
        ++j;
        continue;
      }
      // a whole character at a time: one that differs only in its last
      // bytes (U+FFFF read as U+FFFD) must not be split between pieces
      const auto lead = static_cast<unsigned char>(c);
      const std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      if (i + n <= orig.size() && j + n <= dec.size() && orig.compare(i, n, dec, j, n) == 0) {
        piece(j, n, i, n, true);
        i += n;
        j += n;
        continue;
      }
      break;  // something else changed: one coarse piece for the rest
    }
    if (j < dec.size()) piece(j, dec.size() - j, i, orig.size() - i, false);
  }

  // Original offset (absolute) of decoded byte a, and whether it maps 1:1.
  std::size_t orig_of(std::size_t a, std::size_t base, bool& linear) {
    while (pc_ + 1 < pieces_.size() && pieces_[pc_].db + pieces_[pc_].dl <= a) ++pc_;
    const Piece& p = pieces_[pc_];
    linear = p.exact;
    return base + p.ob + (linear ? a - p.db : 0);
  }

  // Appends dec[a, b) mapped through the pieces.
  void emit(std::string_view dec, std::size_t a, std::size_t b, std::size_t base) {
    while (a < b) {
      while (pc_ + 1 < pieces_.size() && pieces_[pc_].db + pieces_[pc_].dl <= a) ++pc_;
      const Piece& p = pieces_[pc_];
      const std::size_t take = std::min(b, p.db + p.dl) - a;
      out_.append(dec.substr(a, take));
      if (p.exact)
        add(take, base + p.ob + (a - p.db), take);
      else if (a == p.db)
        add_change(take, base + p.ob, p.ol);
      else
        add(take, cursor_, 0);
      a += take;
    }
  }

  void text(const GumboText& t, const Ctx& ctx) {
    std::string_view dec(t.text);
    if (dec.empty()) return;
    // gumbo writes an overflowing numeric reference ("&#x4EEEEEEEEEEE") as a
    // stray byte: the text the rest of ogi reads is valid UTF-8 always
    if (repair_utf8(dec, repaired_)) dec = repaired_;
    const std::string_view orig(t.original_text.data, t.original_text.length);
    const std::size_t base = static_cast<std::size_t>(t.original_text.data - buf_);
    align(orig, dec);
    pc_ = 0;
    if (ctx.pre) {
      for (std::size_t a = 0; a < dec.size();) {
        std::size_t nl = dec.find('\n', a);
        const std::size_t b = nl == npos ? dec.size() : nl;
        if (b > a) {
          flush_pending(code_point(dec, a));
          emit(dec, a, b, base);
          line_empty_ = false;
          line_heading_ = false;
        }
        if (nl == npos) break;
        pending_ = false;
        emit(dec, nl, nl + 1, base);
        line_empty_ = true;
        line_start_ = out_.size();
        line_heading_ = true;
        a = nl + 1;
      }
      return;
    }
    for (std::size_t a = 0; a < dec.size();) {
      if (html_space(dec[a])) {
        std::size_t b = a;
        bool brk = false;
        while (b < dec.size() && html_space(dec[b])) brk |= dec[b] == '\n' || dec[b] == '\r', ++b;
        if (!line_empty_) {
          if (!pending_) {
            pending_orig_ = orig_of(a, base, pending_linear_);
            pending_break_ = brk;
          } else {
            pending_break_ = pending_break_ || brk;
          }
          pending_ = true;
        }
        a = b;
        continue;
      }
      std::size_t b = a;
      while (b < dec.size() && !html_space(dec[b])) ++b;
      // a heading set in its own font, then body text in the same paragraph:
      // the heading gets its own line ("（一）存在的主要问题。" + body)
      if (!ctx.data_cell && !line_empty_ && line_heading_ && !ctx.heading_font &&
          starts_numbered(std::string_view(out_).substr(line_start_)))
        newline();
      flush_pending(code_point(dec, a));
      emit(dec, a, b, base);
      line_empty_ = false;
      line_heading_ = line_heading_ && ctx.heading_font;
      a = b;
    }
  }

  std::string repaired_;  // a text node's text with invalid UTF-8 replaced
  const char* buf_;
  HtmlLayout& res_;
  std::string& out_;
  std::unordered_set<const GumboNode*> layout_;
  std::vector<Build> builds_;
  std::vector<Piece> pieces_;
  std::size_t pc_ = 0;
  std::size_t cursor_ = 0;  // original offset after the last mapped byte
  bool line_empty_ = true;
  std::size_t line_start_ = 0;
  bool line_heading_ = true;
  bool pending_ = false;
  std::size_t pending_orig_ = 0;
  bool pending_linear_ = false;
  bool pending_break_ = false;
  bool title_done_ = false;
};

}  // namespace

result<HtmlLayout> html_layout(std::string_view html) {
  if (html.size() > 0xFFFFFFF0u)
    return Error{ErrorCode::too_large, "the HTML document is over 4 GiB, which the HTML parser cannot read", 0};
  const std::vector<Span> blanks = html_blank_ranges(html);
  std::string blanked;
  std::string_view input = html;
  if (!blanks.empty()) {
    blanked.assign(html);
    for (const Span& s : blanks)
      std::fill(blanked.begin() + static_cast<long>(s.begin), blanked.begin() + static_cast<long>(s.end), ' ');
    input = blanked;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // errors are not needed, and recording them copies the open-element stack
  GumboOutput* out = gumbo_parse_with_options(&options, input.data(), input.size());
  if (!out) return Error{ErrorCode::internal, "the HTML parser failed (out of memory?)", 0};
  struct Free {
    const GumboOptions* o;
    GumboOutput* out;
    ~Free() { gumbo_destroy_output(o, out); }
  } free_output{&options, out};

  HtmlLayout res;
  Walker w(input.data(), res, layout_tables(out->document));
  w.run(out->document);
  if (res.map.empty()) res.map.add(0, 0, 0, 0);
  return res;
}

#else  // !OGI_WITH_HTML

std::vector<Span> html_blank_ranges(std::string_view, const HtmlLimits&) { return {}; }

result<HtmlLayout> html_layout(std::string_view) {
  return Error{ErrorCode::unsupported,
               "this build of ogi reads no HTML: install libgumbo-dev and rebuild ogi (OGI_WITH_HTML=ON), "
               "or pass the text of the page",
               0};
}

#endif

}  // namespace ogi::detail
