// lib/text: portal chrome and page furniture around the report body
// (FORMATS.md §E.5). A flagged line stays in the text (the structure stage
// reads the published date and 来源 from it); it is only kept out of the body.
//
// Conservative by design: a phrase flags a line only as a whole line, as the
// label of a short "label: value" line, as one of the tokens of a line made
// only of such tokens (a navigation bar), or inside a short line that is not
// a sentence. A report sentence that merely uses the word is never flagged.
#include <algorithm>
#include <cstdint>

#include "text/text.hpp"

namespace ogi::detail::text {
namespace {

enum : std::uint8_t {
  kLine = 1,    // the whole line (a trailing ':' allowed)
  kToken = 2,   // a navigation or toolbar token; lines made only of tokens are chrome
  kLabel = 4,   // "phrase: value" (or "【phrase】") on a short line
  kInside = 8,  // anywhere in a short line without a sentence end
};

struct Phrase {
  std::string_view text;
  std::uint8_t how;
};

// The one table of boilerplate phrases (in normalised form: NFKC has made
// "：" an ASCII ':').
constexpr Phrase kPhrases[] = {
    // editor and article metadata
    {"责任编辑", kLabel | kLine}, {"责编", kLabel}, {"编辑", kLabel}, {"审核", kLabel}, {"校对", kLabel},
    {"来源", kLabel}, {"信息来源", kLabel}, {"文章来源", kLabel}, {"时间", kLabel}, {"日期", kLabel},
    {"发布时间", kLabel}, {"发布日期", kLabel}, {"发文日期", kLabel}, {"成文日期", kLabel}, {"公开日期", kLabel},
    {"更新时间", kLabel}, {"更新日期", kLabel}, {"索引号", kLabel}, {"主题分类", kLabel}, {"组配分类", kLabel},
    {"发布机构", kLabel}, {"发文机关", kLabel}, {"文号", kLabel}, {"发布文号", kLabel}, {"关键词", kLabel},
    {"主题词", kLabel}, {"有效性", kLabel}, {"时效", kLabel}, {"主题导航", kLabel}, {"信息名称", kLabel},
    {"内容概述", kLabel}, {"文件下载", kLabel},
    // counters
    {"浏览次数", kLabel | kInside}, {"阅读次数", kLabel | kInside}, {"浏览量", kLabel}, {"点击数", kLabel},
    {"点击率", kLabel}, {"访问量", kLabel}, {"访问次数", kLabel},
    // toolbars
    {"【字体", kLabel}, {"【字号", kLabel}, {"字体", kLabel | kToken}, {"字号", kLabel | kToken | kLine},
    {"分享到", kLabel | kToken | kLine}, {"分享", kLabel | kToken | kLine}, {"扫一扫", kLabel | kToken | kLine},
    {"扫一扫在手机打开当前页", kInside | kLine}, {"打印本页", kToken | kLine}, {"关闭窗口", kToken | kLine},
    {"打印", kToken | kLine}, {"关闭", kToken | kLine}, {"收藏", kToken | kLine}, {"纠错", kToken},
    {"我要纠错", kToken | kLine}, {"下载", kToken}, {"大", kToken}, {"中", kToken}, {"小", kToken},
    {"上一篇", kLabel | kToken}, {"下一篇", kLabel | kToken}, {"上一条", kLabel}, {"下一条", kLabel},
    {"返回顶部", kToken | kLine}, {"返回", kToken}, {"加入收藏", kToken}, {"设为首页", kToken},
    // related items
    {"相关阅读", kLabel | kLine}, {"相关链接", kLabel | kLine}, {"相关文章", kLabel | kLine},
    {"相关附件", kLabel | kLine}, {"相关新闻", kLabel | kLine}, {"相关稿件", kLabel | kLine},
    // where am I
    {"您当前所在位置", kLabel | kInside}, {"您现在的位置", kLabel | kInside}, {"您的位置", kLabel},
    {"当前位置", kLabel}, {"所在位置", kLabel},
    // portal header and navigation
    {"首页", kToken | kLine}, {"网站首页", kToken | kLine}, {"政务公开", kToken}, {"政府信息公开", kToken},
    {"信息公开", kToken}, {"政务服务", kToken}, {"办事服务", kToken}, {"网上办事", kToken}, {"政民互动", kToken},
    {"互动交流", kToken}, {"数据开放", kToken}, {"新闻中心", kToken}, {"新闻动态", kToken}, {"要闻动态", kToken},
    {"公共服务", kToken}, {"专题专栏", kToken}, {"政策文件", kToken}, {"政策解读", kToken}, {"机构设置", kToken},
    {"领导信息", kToken}, {"繁體版", kToken | kLine}, {"繁体版", kToken | kLine}, {"简体版", kToken | kLine},
    {"无障碍", kToken | kLine}, {"无障碍浏览", kToken | kLine}, {"适老化", kToken | kLine},
    {"关怀版", kToken | kLine}, {"长者模式", kToken | kLine}, {"智能问答", kToken | kLine}, {"智能客服", kToken},
    {"English", kToken}, {"登录", kToken}, {"注册", kToken}, {"个人中心", kToken}, {"搜索", kToken},
    {"高级搜索", kToken}, {"网站地图", kToken | kLine}, {"联系我们", kToken}, {"手机版", kToken},
    {"移动版", kToken}, {"微信", kToken}, {"微博", kToken}, {"读屏专用", kToken},
    {"请输入关键词", kInside | kToken | kLine}, {"请输入关键字", kInside | kToken | kLine},
    {"正文内容区域请使用tab按钮", kInside}, {"请使用tab按钮切换浏览", kInside},
    // footer
    {"版权所有", kLabel | kInside}, {"All Rights Reserved", kInside}, {"ALL RIGHTS RESERVED", kInside},
    {"Copyright", kInside}, {"copyright", kInside}, {"\xC2\xA9", kInside},  // ©
    {"主办单位", kLabel}, {"主办", kLabel}, {"承办单位", kLabel}, {"承办", kLabel}, {"协办单位", kLabel},
    {"技术支持", kLabel}, {"运维电话", kLabel}, {"运维单位", kLabel}, {"网站标识码", kLabel | kInside},
    {"ICP备", kInside}, {"公网安备", kInside}, {"公安备案", kInside}, {"本站已支持IPv6", kInside},
};

constexpr std::size_t kNpos = std::string_view::npos;

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Matches `phrase` at the start of `s`, ignoring spaces inside `s`
// ("索 引 号"); returns the bytes of `s` consumed, or npos.
std::size_t match_loose(std::string_view s, std::string_view phrase) {
  std::size_t i = 0;
  for (char p : phrase) {
    if (p == ' ') continue;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size() || s[i] != p) return kNpos;
    ++i;
  }
  return i;
}

bool is_label_line(std::string_view line, std::string_view phrase) {
  std::size_t j = match_loose(line, phrase);
  if (j == kNpos) return false;
  while (j < line.size() && line[j] == ' ') ++j;
  if (j == line.size()) return false;  // a bare word may be a table cell: needs the colon
  const std::string_view rest = line.substr(j);
  return rest[0] == ':' || rest[0] == ']' || rest.substr(0, 3) == "\xE3\x80\x91";  // 】
}

bool is_whole_line(std::string_view line, std::string_view phrase) {
  std::size_t j = match_loose(line, phrase);
  if (j == kNpos) return false;
  while (j < line.size() && (line[j] == ' ' || line[j] == ':')) ++j;
  return j == line.size();
}

// Separators of navigation bars and toolbars.
std::size_t separator_len(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '|' || c == '/' || c == '>' || c == '[' || c == ']' || c == ':') return 1;
  const std::string_view r = s.substr(i);
  for (std::string_view sep : {"\xC2\xB7" /* · */, "\xC2\xBB" /* » */, "\xE4\xB8\xA8" /* 丨 */,
                               "\xE2\x80\xA2" /* • */, "\xE3\x80\x90" /* 【 */, "\xE3\x80\x91" /* 】 */})
    if (r.substr(0, sep.size()) == sep) return sep.size();
  return 0;
}

std::uint8_t token_flags(std::string_view token) {
  std::uint8_t how = 0;
  for (const Phrase& p : kPhrases)
    if (p.text == token) how |= p.how;
  // "走进沭阳", "走进新乡": the portal's introduction column
  if (token.substr(0, 6) == "走进" && code_points(token) <= 6) how |= kToken;
  return how;
}

// A line made only of navigation or toolbar tokens.
bool is_token_line(std::string_view line) {
  int tokens = 0;
  std::uint8_t single = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t sep = separator_len(line, i);
    if (sep) {
      i += sep;
      continue;
    }
    std::size_t j = i;
    while (j < line.size() && separator_len(line, j) == 0) {
      const unsigned char c = static_cast<unsigned char>(line[j]);
      j += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    const std::uint8_t how = token_flags(line.substr(i, j - i));
    if (!(how & kToken)) return false;
    single = how;
    ++tokens;
    i = j;
  }
  return tokens >= 2 || (tokens == 1 && (single & kLine));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "2025年12月30日 星期二", "2025-12-30 周二 10:00": a portal's date bar.
bool is_weekday_date(std::string_view line) {
  std::size_t w = line.find("星期");
  std::size_t wlen = 6;
  if (w == kNpos) w = line.find("周"), wlen = 3;
  if (w == kNpos || w + wlen + 3 > line.size()) return false;
  const std::string_view day = line.substr(w + wlen, 3);
  bool ok_day = false;
  for (std::string_view d : {"一", "二", "三", "四", "五", "六", "日", "天"}) ok_day |= day == d;
  if (!ok_day) return false;
  const std::string rest = std::string(line.substr(0, w)) + std::string(line.substr(w + wlen + 3));
  bool digits = false;
  for (std::size_t i = 0; i < rest.size();) {
    if (is_digit(rest[i])) {
      digits = true;
      ++i;
    } else if (rest[i] == ' ' || rest[i] == '-' || rest[i] == '/' || rest[i] == ':' || rest[i] == '.') {
      ++i;
    } else if (rest.compare(i, 3, "年") == 0 || rest.compare(i, 3, "月") == 0 || rest.compare(i, 3, "日") == 0) {
      i += 3;
    } else {
      return false;
    }
  }
  return digits;
}

// "- 3 -", "—3—", "第3页", "第 3 页 共 6 页": printed page numbers.
bool is_page_number(std::string_view line) {
  std::string s;
  for (char c : line)
    if (c != ' ') s += c;
  auto eat_digits = [&](std::size_t& i) {
    std::size_t b = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    return i > b;
  };
  auto eat_dashes = [&](std::size_t& i) {
    std::size_t b = i;
    for (;;) {
      if (i < s.size() && s[i] == '-') ++i;
      else if (s.compare(i, 3, "—") == 0 || s.compare(i, 3, "–") == 0) i += 3;
      else break;
    }
    return i > b;
  };
  std::size_t i = 0;
  if (eat_dashes(i)) return eat_digits(i) && eat_dashes(i) && i == s.size();
  i = 0;
  if (s.compare(0, 3, "第") == 0) {
    i = 3;
    if (!eat_digits(i) || s.compare(i, 3, "页") != 0) return false;
    i += 3;
    if (i < s.size() && (s[i] == ',' || s[i] == '/')) ++i;
    if (i == s.size()) return true;
    if (s.compare(i, 3, "共") != 0) return false;
    i += 3;
    return eat_digits(i) && s.compare(i, 3, "页") == 0 && i + 3 == s.size();
  }
  return false;
}

// "河南省人民政府门户网站 www.henan.gov.cn 时间:2017-03-21 21:54 来源:新乡市政府"
bool is_dated_source_line(std::string_view line) {
  if (line.find("来源:") == kNpos) return false;
  for (std::string_view t : {"时间:", "日期:", "发布时间", "发布日期", "浏览次数", "点击数"})
    if (line.find(t) != kNpos) return true;
  return false;
}

}  // namespace

bool is_boilerplate(std::string_view raw) {
  const std::string_view line = trim(raw);
  if (line.empty()) return false;
  const std::size_t cps = code_points(line);
  if (cps > 300) return false;
  const bool sentence = line.find("。") != kNpos;
  for (const Phrase& p : kPhrases) {
    if ((p.how & kLine) && is_whole_line(line, p.text)) return true;
    if ((p.how & kLabel) && cps <= 100 && is_label_line(line, p.text)) return true;
    if ((p.how & kInside) && !sentence && line.find(p.text) != kNpos) return true;
  }
  if (sentence) return false;
  if (is_token_line(line)) return true;
  if ((line.substr(0, 6) == "首页" || line.substr(0, 12) == "网站首页") &&
      (line.find('>') != kNpos || line.find("\xC2\xBB") != kNpos))
    return true;  // breadcrumbs
  return cps <= 120 && (is_weekday_date(line) || is_page_number(line) || is_dated_source_line(line));
}

}  // namespace ogi::detail::text
