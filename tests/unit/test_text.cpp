// lib/text: NFKC with exact spans, spaces, Traditional -> Simplified,
// mirror artefacts, lines, boilerplate flags, markup tables.
#include <doctest/doctest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "doc.hpp"
#include "ogi/parse.hpp"
#include "text/text.hpp"

using namespace ogi;
using namespace ogi::detail;

namespace {

// A Doc as the layout stage leaves it for text input.
Doc normalised(const std::string& plain) {
  Doc d;
  d.source = plain;
  d.plain = plain;
  d.plain_map = OffsetMap::identity(plain.size());
  normalise(d);
  return d;
}

// Span of the first `needle` in the normalised text.
Span find(const Doc& d, std::string_view needle) {
  const std::size_t at = d.norm.find(needle);
  REQUIRE(at != std::string::npos);
  return {at, at + needle.size()};
}

// The source bytes a norm span maps back to.
std::string_view back(const Doc& d, Span s) { return d.to_source(s).of(d.source); }

std::string transliterate(const std::string& utf8, const char* id) {
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(id, UTRANS_FORWARD, ec));
  REQUIRE(U_SUCCESS(ec));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("NFKC: full-width digits become ASCII and their span maps back to the full-width bytes") {
  const std::string plain = "共受理\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x90件";  // 共受理１２０件
  Doc d = normalised(plain);
  CHECK(d.norm == "共受理120件");
  const Span s = find(d, "120");
  CHECK(d.to_source(s) == Span{9, 18});
  CHECK(back(d, s) == "\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x90");
  CHECK(back(d, find(d, "2")) == "\xEF\xBC\x92");
  CHECK(back(d, find(d, "件")) == "件");
  CHECK(back(d, find(d, "共受理")) == "共受理");
}

TEST_CASE("NFKC: full-width punctuation and circled numbers; 、。“”〔〕 are kept") {
  Doc d = normalised("（一）总计：①项，㈠款、“号”〔2021〕。");
  CHECK(d.norm == "(一)总计:1项,(一)款、“号”〔2021〕。");
  CHECK(back(d, find(d, "1项")) == "①项");
  CHECK(back(d, find(d, "(一)款")) == "㈠款");
  CHECK(back(d, find(d, "〔2021〕")) == "〔2021〕");
}

TEST_CASE("already normal text is copied as it is, with an identity map") {
  const std::string plain = "一、总体情况\n全年新增120件。\n";
  Doc d = normalised(plain);
  CHECK(d.norm == plain);
  CHECK(d.norm_map.segments().size() == 1);
  CHECK_FALSE(d.input.traditional);
}

TEST_CASE("spaces and line ends: U+3000, NBSP, tabs to ' ', CR LF and CR to LF, zero-width removed") {
  const std::string plain = "一、\xE3\x80\x80概述\r\n全年\xC2\xA0共\t计\r12\xE2\x80\x8B件\xEF\xBB\xBF。";
  Doc d = normalised(plain);
  CHECK(d.norm == "一、 概述\n全年 共 计\n12件。");
  CHECK(back(d, find(d, "12件")) == "12\xE2\x80\x8B件");
  CHECK(back(d, find(d, "概述")) == "概述");
  CHECK(back(d, find(d, "件。")) == "件\xEF\xBB\xBF。");
  REQUIRE(d.lines.size() == 3);
  CHECK(d.text(d.lines[0].span) == "一、 概述");
  CHECK(d.text(d.lines[1].span) == "全年 共 计");
  CHECK(d.text(d.lines[2].span) == "12件。");
}

TEST_CASE("Traditional text is converted to Simplified; spans still point into the Traditional original") {
  const std::string plain = "規範性檔案的制定與發布情況\n本年共收到政府資訊公開申請１２件，較上年增加。\n";
  Doc d = normalised(plain);
  CHECK(d.input.traditional);
  CHECK(d.norm == "规范性文件的制定与发布情况\n本年共收到政府资讯公开申请12件,较上年增加。\n");
  CHECK(back(d, find(d, "规范性文件")) == "規範性檔案");
  CHECK(back(d, find(d, "发布情况")) == "發布情況");
  CHECK(back(d, find(d, "12件")) == "１２件");
  CHECK(back(d, find(d, "公开申请")) == "公開申請");
  CHECK(d.lines.size() == 3);
}

TEST_CASE("Simplified text is not converted, even with a 繁體版 link or a 乾隆") {
  const std::string plain =
      "首页 繁體版 无障碍\n乾隆年间的档案已全部公开、规范性文件共12件。本年度报告中所列数据的统计期限自2016年1月1日起至12月31日止。\n";
  Doc d = normalised(plain);
  CHECK_FALSE(d.input.traditional);
  CHECK(d.norm == plain);
  CHECK_FALSE(text::looks_traditional("政府信息公开工作年度报告"));
  CHECK(text::looks_traditional("政府資訊公開工作年度報告"));
}

TEST_CASE("mirror artefacts: pinyin in parentheses after characters and Taiwan vocabulary") {
  Doc d = normalised("公務(wù)安全郵箱登錄\n國辦公(gong)開辦函\n中華人民共和(he)(he)國政(zheng)(zheng)府(fu)(fu)\n入口網站最佳化\n");
  CHECK(d.input.traditional);
  CHECK(d.norm == "公务安全邮箱登录\n国办公开办函\n中华人民共和国政府\n门户网站优化\n");
  CHECK(back(d, find(d, "公务安全")) == "公務(wù)安全");
  CHECK(back(d, find(d, "门户网站")) == "入口網站");
  CHECK(back(d, find(d, "优化")) == "最佳化");
  // In Simplified text one "(a)" is left alone, and so is non-pinyin.
  Doc s = normalised("附件(a)说明\n世界贸易组织(wto)规则\n");
  CHECK(s.norm == "附件(a)说明\n世界贸易组织(wto)规则\n");
  CHECK(text::is_pinyin_syllable("wù"));
  CHECK(text::is_pinyin_syllable("zheng"));
  CHECK(text::is_pinyin_syllable("lüe"));
  CHECK(text::is_pinyin_syllable("er"));
  CHECK_FALSE(text::is_pinyin_syllable("wto"));
  CHECK_FALSE(text::is_pinyin_syllable("pdf"));
  CHECK_FALSE(text::is_pinyin_syllable("i"));
  CHECK_FALSE(text::is_pinyin_syllable("Gong"));
}

TEST_CASE("boilerplate: portal chrome is flagged") {
  for (const char* line : {
           "责任编辑:刘成", "责任编辑：刘成", "扫一扫在手机打开当前页", "打印本页 关闭窗口", "【字体:大 中 小】",
           "字号: 下载 我要纠错 打印 收藏", "分享到:", "分享:", "相关阅读:", "相关附件:",
           "河南省人民政府门户网站 www.henan.gov.cn 时间:2017-03-21 21:54 来源:新乡市政府",
           "© 2025宣州区人民政府 All Rights Reserved 主办:宣州区人民政府办公室 皖ICP备05004400号-1 "
           "网站标识码:3418020037 皖公安备案 34180202000313 本站已支持IPv6访问",
           "版权所有:新乡市人民政府", "主办单位:沭阳县人民政府", "技术支持:某某公司",
           "您当前所在位置: 首页 > 乡镇信息公开 > 中村乡 > 政务信息公开年报", "当前位置:首页>政府信息公开",
           "首页 > 政府信息公开 > 年度报告", "繁體版 无障碍 适老化 智能问答", "关怀版 无障碍", "请输入关键词",
           "首页 走进沭阳 办事服务 政民互动 政府信息公开 数据开放", "2025年12月30日\t星期二",
           "2025-12-30 周二", "浏览次数:", "来源:原创 发布时间:2022-01-10 浏览次数:次", "索 引 号:014314799/2024-00002",
           "发布机构:沭阳县发展和改革局", "【打印】【关闭】", "上一篇:2022年政府信息公开工作年度报告", "- 3 -",
           "第 2 页 共 6 页", "正文内容区域请使用tab按钮切换浏览", "首页"}) {
    CAPTURE(line);
    Doc d = normalised(line);
    REQUIRE(d.lines.size() == 1);
    CHECK(d.lines[0].boilerplate);
  }
}

TEST_CASE("boilerplate: report body lines that only use such words are kept") {
  for (const char* line : {
           "新乡市2016年政府信息公开工作年度报告",
           "一、基本情况概述",
           "附件:新乡市2016年度政府信息公开情况统计表",
           "通过门户网站首页显著位置公开政府信息,在网站底部标注网站标识码和ICP备案编号。",
           "进一步完善政府信息公开平台,优化栏目设置,打印、收藏、分享等功能更加便捷。",
           "来源渠道多样,共受理申请120件",
           "主办单位负责审核信息内容,技术支持单位做好保障。",
           "政府信息公开",
           "日期",
           "大",
           "2017年3月21日",
           "新乡市人民政府办公室",
           "3",
           "(一)主动公开政府信息情况",
           "| 规章 | 0 | 0 | 0 |",
           "电话:0373-3696072",
           "相关部门按照规定办理,分享经验做法。",
       }) {
    CAPTURE(line);
    Doc d = normalised(line);
    REQUIRE(d.lines.size() == 1);
    CHECK_FALSE(d.lines[0].boilerplate);
  }
}

TEST_CASE("markup tables are mapped into norm coordinates, cells get their normalised text") {
  // plain as layout leaves it: a line per cell
  const std::string plain = "表一\n 信息内容 \n\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x90\n規範性檔案\n";
  Doc d;
  d.source = plain;
  d.plain = plain;
  d.plain_map = OffsetMap::identity(plain.size());
  RawTable t;
  const std::size_t c0 = plain.find(" 信息内容 "), c1 = plain.find("\xEF\xBC\x91");
  const std::size_t c2 = plain.find("規範");
  t.span = {c0, plain.size() - 1};
  t.grid.cells.push_back({0, 0, 1, 1, "", {c0, c0 + std::string(" 信息内容 ").size()}});
  t.grid.cells.push_back({0, 1, 1, 1, "", {c1, c1 + 9}});
  t.grid.cells.push_back({1, 0, 1, 1, "", {c2, c2 + std::string("規範性檔案").size()}});
  d.markup_tables.push_back(t);
  normalise(d);
  const RawTable& m = d.markup_tables[0];
  REQUIRE(m.grid.cells.size() == 3);
  CHECK(m.grid.cells[0].text == "信息内容");
  CHECK(d.text(m.grid.cells[0].span) == "信息内容");
  CHECK(m.grid.cells[1].text == "120");
  CHECK(d.text(m.grid.cells[1].span) == "120");
  CHECK(back(d, m.grid.cells[1].span) == "\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x90");
  CHECK(m.grid.cells[2].text == "规范性文件");
  CHECK(m.anchor_line == 1);
  CHECK(d.text(m.span).substr(0, 14) == " 信息内容 ");
}

TEST_CASE("compose keeps spans exact through several passes") {
  // NFKC (３ -> 3), then CR LF -> LF, then Hant-Hans: a Traditional line with full-width digits and CRLF.
  const std::string plain = "報告\r\n受理\xEF\xBC\x93件，結轉\xEF\xBC\x94件\r\n";
  Doc d = normalised(plain);
  CHECK(d.norm == "报告\n受理3件,结转4件\n");
  CHECK(back(d, find(d, "3件")) == "\xEF\xBC\x93件");
  CHECK(back(d, find(d, "结转4")) == "結轉\xEF\xBC\x94");
  CHECK(back(d, find(d, "报告\n")) == "報告\r\n");
}

TEST_CASE("acceptance: the Xinxiang report in Traditional characters normalises to the original's key lines") {
  const std::string path = std::string(OGI_SHARED_DIR) + "/corpus/real/xinxiang-2016.txt";
  if (!std::filesystem::exists(path)) {
    MESSAGE("skipped: " << path << " not found (../shared/corpus is absent)");
    return;
  }
  const std::string original = read_file(path);
  const std::string traditional = transliterate(original, "Hans-Hant");
  REQUIRE(traditional != original);
  Doc a = normalised(original);
  Doc b = normalised(traditional);
  CHECK_FALSE(a.input.traditional);
  CHECK(b.input.traditional);
  REQUIRE(a.lines.size() == b.lines.size());
  // Key lines: the title, the headings ("一、基本情况概述") and the short
  // lines. Long prose may differ where ICU's two transliterators do not
  // round-trip a word (稽察 -> 稽查), so it only has to be mostly identical.
  int same = 0, key = 0;
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    std::string_view la = a.text(a.lines[i].span), lb = b.text(b.lines[i].span);
    if (la == lb) ++same;
    const std::size_t lead = la.find_first_not_of(' ');
    const bool heading = lead != std::string_view::npos && la.substr(lead + 3, 3) == "、" && la.size() < 120;
    if (i == 0 || heading || la.size() < 90) {
      ++key;
      CHECK(lb == la);
    }
    CHECK(a.lines[i].boilerplate == b.lines[i].boilerplate);
  }
  CHECK(same * 10 >= static_cast<int>(a.lines.size()) * 9);
  CHECK(key > 10);
  MESSAGE(same << " of " << a.lines.size() << " lines identical after the round trip");
  // Every line maps back into the Traditional source.
  for (const Line& l : b.lines) {
    const Span s = b.to_source(l.span);
    CHECK(s.end <= b.source.size());
  }
}

// A change of one byte length but other characters: "⒛" (one character, 3
// bytes) becomes "20." (three characters, 3 bytes) under NFKC. Read as one
// linear segment it would map "20" to the first two bytes of "⒛".
TEST_CASE("split_change: equal lengths, other characters, never map inside a character") {
  using ogi::detail::OffsetMap;
  OffsetMap::Segment parts[2];
  // different boundaries: two pieces, each of whole characters
  REQUIRE(ogi::detail::split_change(10, "20.", 40, "\xE2\x92\x9B", parts) == 2);
  CHECK(parts[0].to_begin == 10);
  CHECK(parts[0].to_len == 2);
  CHECK(parts[0].from_begin == 40);
  CHECK(parts[0].from_len == 3);
  CHECK(parts[1].to_len == 1);
  CHECK(parts[1].from_len == 0);
  // one character from several of the same total length
  REQUIRE(ogi::detail::split_change(0, "\xE4\xB8\x80", 0, "abc", parts) == 2);
  CHECK(parts[0].to_len == 3);
  CHECK(parts[0].from_len == 2);
  CHECK(parts[1].from_len == 1);
  // same boundaries (a character for a character) or other lengths: one segment
  CHECK(ogi::detail::split_change(0, "\xE4\xB8\x80", 0, "\xE4\xB8\x81", parts) == 0);
  CHECK(ogi::detail::split_change(0, "ab", 0, "\xE4\xB8\x80", parts) == 0);

  OffsetMap m;
  m.add(0, 3, 0, 3);
  m.add_change(3, "20.", 3, "\xE2\x92\x9B");
  // "20" (derived [3,5)) maps to the whole of "⒛" (original [3,6))
  CHECK(m.to_orig(3, false) == 3);
  CHECK(m.to_orig(5, true) == 6);
}

TEST_CASE("a report with ⒛ (NFKC 20.) keeps every span on character boundaries") {
  const std::string text = "一、总体情况\n全年受理申请\xE2\x92\x9B件，答复⒛件。\n";
  auto r = ogi::parse(text);
  REQUIRE(r.ok());
  for (const ogi::Quantity& q : r->quantities) {
    CAPTURE(q.span.begin);
    auto boundary = [&](std::size_t o) {
      return o >= r->text.size() || (static_cast<unsigned char>(r->text[o]) & 0xC0) != 0x80;
    };
    CHECK(boundary(q.span.begin));
    CHECK(boundary(q.span.end));
  }
}
