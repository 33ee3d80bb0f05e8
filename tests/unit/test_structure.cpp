// lib/structure: headings in every numbering style, the section tree and its
// spans, canonical kinds, and the format fingerprint. The report snippets are
// made up for these tests.
#include <doctest/doctest.h>
#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

#include "doc.hpp"
#include "ogi/ogi.hpp"
#include "structure/internal.hpp"

using namespace ogi;
using namespace ogi::detail;

namespace {

// A Doc as the text stage leaves it, for text that is already normalised.
Doc doc_of(const std::string& text, InputKind kind = InputKind::text) {
  Doc d;
  d.source = d.plain = d.norm = text;
  d.plain_map = OffsetMap::identity(text.size());
  d.norm_map = OffsetMap::identity(text.size());
  d.input.kind = kind;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      d.lines.push_back({{start, i}});
      start = i + 1;
    }
  }
  return d;
}

Doc structured(const std::string& text, InputKind kind = InputKind::text) {
  Doc d = doc_of(text, kind);
  structure(d);
  return d;
}

// "number title" of every section, depth-first, indented by level.
void outline(const std::vector<Section>& ss, std::vector<std::string>& out) {
  for (const Section& s : ss) {
    out.push_back(std::string(static_cast<std::size_t>(s.level - 1) * 2, ' ') + s.number + " " + s.title);
    outline(s.children, out);
  }
}
std::vector<std::string> outline(const Doc& d) {
  std::vector<std::string> out;
  outline(d.sections, out);
  return out;
}

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

std::string encode(const std::string& utf8, const char* charset) {
  std::string out(utf8.size() * 4 + 16, '\0');
  UErrorCode ec = U_ZERO_ERROR;
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &ec);
  REQUIRE(U_SUCCESS(ec));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

const std::string kReport2021 =
    "桃源县人民政府\n"
    "2022年政府信息公开工作年度报告\n"
    "\n"
    "本报告所列数据的统计期限自2022年1月1日至2022年12月31日。\n"
    "一、总体情况\n"
    "（一）主动公开。全年主动公开政府信息300条。\n"
    "1.网站公开。通过县政府网站公开信息210条。\n"
    "(1)专栏建设\n"
    "新开设专栏2个。\n"
    "(2)**栏目清理**\n"
    "清理栏目5个。\n"
    "2.新媒体公开\n"
    "政务微信发布信息90条。\n"
    "（二）依申请公开。全年新收申请12件。\n"
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项\n"
    "信息内容 本年制发件数 本年废止件数 现行有效件数\n"
    "规章 0 0 0\n"
    "三、收到和处理政府信息公开申请情况\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
    "一、本年新收政府信息公开申请数量\n"
    "12\n"
    "12\n"
    "（三）不予公开\n"
    "1.属于国家秘密 0 0 0 0 0 0 0\n"
    "（七）总计\n"
    "12\n"
    "四、结转下年度继续办理\n"
    "0\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "五、存在的主要问题及改进情况\n"
    "一是解读形式单一。\n"
    "六、其他需要报告的事项\n"
    "本年度未收取信息处理费。\n";

}  // namespace

TEST_CASE("headings: 一、 (一) 1. (1) nest by style, table rows and labels are not headings") {
  Doc d = structured(kReport2021);
  std::vector<std::string> want = {
      "一 总体情况",
      "  一 主动公开",
      "    1 网站公开",
      "      1 专栏建设",
      "      2 栏目清理",
      "    2 新媒体公开",
      "  二 依申请公开",
      "二 主动公开政府信息情况",
      "三 收到和处理政府信息公开申请情况",
      "四 政府信息公开行政复议、行政诉讼情况",
      "五 存在的主要问题及改进情况",
      "六 其他需要报告的事项",
  };
  CHECK(outline(d) == want);
  REQUIRE(d.sections.size() == 6);
  CHECK(d.sections[0].kind == "overview");
  CHECK(d.sections[1].kind == "disclosure");
  CHECK(d.sections[2].kind == "apply");
  CHECK(d.sections[3].kind == "review_litigation");
  CHECK(d.sections[4].kind == "problems");
  CHECK(d.sections[5].kind == "other");
  CHECK(d.sections[0].children[0].kind.empty());  // kinds are for top sections only
  CHECK(d.meta.format == Format::f2021);
}

TEST_CASE("headings: the heading span is number and title; the section span runs to its last body line") {
  Doc d = structured(kReport2021);
  const Section& overview = d.sections[0];
  CHECK(d.text(overview.heading) == "一、总体情况");
  const Section& active = overview.children[0];
  CHECK(d.text(active.heading) == "（一）主动公开");  // the body after 。 is not the heading
  std::string_view span = d.text(active.span);
  CHECK(span.substr(0, std::string_view("（一）主动公开").size()) == "（一）主动公开");
  CHECK(span.ends_with("政务微信发布信息90条。"));  // stops before （二）, a sibling
  CHECK(d.text(overview.span).ends_with("全年新收申请12件。"));
  // the last section runs to the end of the text
  CHECK(d.text(d.sections.back().span).ends_with("本年度未收取信息处理费。"));
  // sections nest: a child's span lies inside its parent's
  CHECK(overview.span.contains(active.span));
}

TEST_CASE("headings: a long sub-heading with its body on the same line (legacy pages)") {
  Doc d = structured(
      "一、基本情况概述\n"
      "  (一)加强组织与领导,着力部署政府信息与政务公开整体工作。2016年,市政府高度重视政府信息公开工作,多次召开会议。\n"
      "  (二)聚焦重点,安排部署全年政务公开工作要点。全年印发文件3个。\n"
      "  二、主动公开政府信息情况\n");
  REQUIRE(d.sections.size() == 2);
  REQUIRE(d.sections[0].children.size() == 2);
  CHECK(d.sections[0].children[0].title == "加强组织与领导,着力部署政府信息与政务公开整体工作");
  CHECK(d.sections[0].children[1].number == "二");
  CHECK(d.sections[0].children[1].level == 2);
}

TEST_CASE("headings: levels are compressed to the styles a report uses") {
  Doc d = structured(
      "1.总体情况\n"
      "(1)主动公开\n"
      "全年公开信息20条。\n"
      "(2)依申请公开\n"
      "2、存在的问题\n");
  std::vector<std::string> want = {"1 总体情况", "  1 主动公开", "  2 依申请公开", "2 存在的问题"};
  CHECK(outline(d) == want);
  CHECK(d.sections[0].level == 1);
  CHECK(d.sections[0].children[0].level == 2);
}

TEST_CASE("headings: full-width and enclosed numerals before normalisation") {
  // ⑴ ㈠ ⒈ and full-width brackets read like their NFKC forms
  Doc d = structured(
      "一、总体情况\n"
      "㈠主动公开\n"
      "⒈网站\n"
      "⑴专栏\n"
      "①首页改版\n"
      "（二）依申请公开\n");
  std::vector<std::string> want = {"一 总体情况",  "  一 主动公开", "    1 网站", "      1 专栏",
                                   "        1 首页改版", "  二 依申请公开"};
  CHECK(outline(d) == want);
}

TEST_CASE("headings: ① after NFKC reads \"1\"; the text before normalisation tells it is circled") {
  const std::string plain = "一、总体情况\n①加强领导\n";
  const std::string norm = "一、总体情况\n1加强领导\n";
  Doc d;
  d.source = d.plain = plain;
  d.plain_map = OffsetMap::identity(plain.size());
  d.norm = norm;
  const std::size_t at = norm.find('1');
  d.norm_map.add(0, at, 0, at);
  d.norm_map.add(at, 1, at, 3);  // "①" (3 bytes) -> "1"
  d.norm_map.add(at + 1, norm.size() - at - 1, at + 3, norm.size() - at - 1);
  d.lines = {{{0, norm.find('\n')}}, {{norm.find('\n') + 1, norm.size() - 1}}, {{norm.size(), norm.size()}}};
  structure(d);
  REQUIRE(d.sections.size() == 1);
  REQUIRE(d.sections[0].children.size() == 1);
  CHECK(d.sections[0].children[0].title == "加强领导");
  CHECK(d.sections[0].children[0].level == 2);

  // the same digit in a text that had it as a digit is no heading
  Doc plain_digit = structured("一、总体情况\n1加强领导\n");
  CHECK(plain_digit.sections[0].children.empty());
}

TEST_CASE("headings: table rows and row labels are body text") {
  Doc d = structured(
      "三、收到和处理政府信息公开申请情况\n"
      "1.属于国家秘密 0 0 0\n"
      "（一）予以公开\n"
      "5\n"
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n"
      "2.传真申请数\n"
      "(一)收到申请数 件 120\n"
      "| 1.属于国家秘密 | 0 | 0 |\n"
      "1.5万条信息已公开。\n"
      "（三）不\n"
      "四、政府信息公开行政复议、行政诉讼情况\n");
  std::vector<std::string> want = {"三 收到和处理政府信息公开申请情况", "四 政府信息公开行政复议、行政诉讼情况"};
  CHECK(outline(d) == want);
}

TEST_CASE("headings: a repeated number is a scrambled label, a restart at 一 is a new series") {
  Doc d = structured(
      "一、总体情况\n二、主动公开情况\n三、依申请公开情况\n三、本法提供\n四、其他需要报告的事项\n"
      "一、主动公开政府信息情况\n二、收到和处理政府信息公开申请情况\n");
  std::vector<std::string> want = {"一 总体情况",       "二 主动公开情况", "三 依申请公开情况", "四 其他需要报告的事项",
                                   "一 主动公开政府信息情况", "二 收到和处理政府信息公开申请情况"};
  CHECK(outline(d) == want);
}

TEST_CASE("headings: Markdown marks over numbered headings; an inline 三是 sentence is not a section") {
  Doc d = structured(
      "# 桃源县人民政府 2025 年 政府信息公开工作年度报告\n"
      "## 一、总体情况\n"
      "### (一) 系统化推进主动公开。\n"
      "全年公开信息100条。\n"
      "### 三是提高解读效能。\n"
      "发布解读21条。\n"
      "#### 一是强化流程管控。\n"
      "### 第二十条第（一）项\n"
      "## 二、主动公开政府信息情况\n",
      InputKind::markdown);
  std::vector<std::string> want = {"一 总体情况", "  一 系统化推进主动公开", "二 主动公开政府信息情况"};
  CHECK(outline(d) == want);
  // the inline sentence stays in the body of (一)
  CHECK(d.text(d.sections[0].children[0].span).find("发布解读21条。") != std::string_view::npos);
  CHECK(d.text(d.sections[0].heading) == "一、总体情况");
}

TEST_CASE("headings: a Markdown document without numbering uses the # levels") {
  Doc d = structured(
      "# 桃源县2020年政府信息公开工作年度报告\n"
      "## 总体情况\n正文。\n"
      "### 主动公开\n正文。\n"
      "### 三是提高解读效能\n"
      "## 存在的主要问题及改进情况\n",
      InputKind::markdown);
  std::vector<std::string> want = {" 总体情况", "   主动公开", " 存在的主要问题及改进情况"};
  CHECK(outline(d) == want);
  CHECK(d.sections[0].level == 1);
  CHECK(d.sections[0].children[0].level == 2);
  CHECK(d.sections[0].kind == "overview");
  // the same lines in a plain text file are not headings
  Doc t = structured("## 总体情况\n正文。\n", InputKind::text);
  CHECK(t.sections.empty());
}

TEST_CASE("headings: boilerplate lines are skipped") {
  Doc d = doc_of("一、网站首页\n一、总体情况\n正文。\n责任编辑:张三\n");
  d.lines[0].boilerplate = true;
  d.lines[3].boilerplate = true;
  structure(d);
  REQUIRE(d.sections.size() == 1);
  CHECK(d.sections[0].title == "总体情况");
  CHECK(d.text(d.sections[0].span).ends_with("正文。"));  // not through the editor line
}

TEST_CASE("kinds: 2019/2021 and legacy titles with their variants") {
  struct Case {
    const char* title;
    Format format;
    const char* kind;
  };
  const Case cases[] = {
      {"总体情况", Format::f2021, "overview"},
      {"主动公开政府信息情况", Format::f2021, "disclosure"},
      {"收到和处理政府信息公开申请情况", Format::f2019, "apply"},
      {"政府信息公开行政复议、行政诉讼情况", Format::f2021, "review_litigation"},
      {"因政府信息公开工作被申请行政复议提起行政诉讼情况", Format::f2021, "review_litigation"},
      {"政府信息公开工作存在的主要问题及改进情况", Format::f2019, "problems"},
      {"存在的主要问题及整改措施", Format::f2021, "problems"},
      {"其他需要报告的事项", Format::f2021, "other"},
      {"工作机制保障", Format::f2021, ""},
      {"基本情况概述", Format::legacy, "overview"},
      {"概述", Format::legacy, "overview"},
      {"回应社会关注和政策解读情况", Format::legacy, "response"},
      {"回应解读情况", Format::legacy, "response"},
      {"依申请公开政府信息情况", Format::legacy, "apply"},
      {"不予公开政府信息情况", Format::legacy, "refusal"},
      {"政府信息公开的收费及减免情况", Format::legacy, "fees"},
      {"因政府信息公开申请行政复议、提起行政诉讼的情况", Format::legacy, "review_litigation"},
      {"行政复议、行政诉讼和举报投诉情况", Format::legacy, "review_litigation"},
      {"机构建设和保障经费情况", Format::legacy, "org"},
      {"会议和培训情况", Format::legacy, "meetings"},
      {"存在的问题及改进措施", Format::legacy, "problems"},
      {"需要说明的事项", Format::legacy, "other"},
      {"回应解读情况", Format::f2021, ""},  // no such section in the table formats
  };
  for (const Case& c : cases) {
    CAPTURE(c.title);
    CHECK(section_kind(c.title, c.format) == c.kind);
  }
}

TEST_CASE("fingerprint: decided from content; the year only breaks a tie between the table formats") {
  CHECK(fingerprint("信息内容本年制发件数本年废止件数现行有效件数", 2019) == Format::f2021);
  CHECK(fingerprint("信息内容本年新制作数量本年新公开数量对外公开总数量", 2022) == Format::f2019);  // format lag
  CHECK(fingerprint("第二十条第(九)项政府集中采购采购总金额", 2020) == Format::f2019);
  CHECK(fingerprint("申请人无正当理由逾期不补正、行政机关不再处理", 2020) == Format::f2021);
  // legacy: its outline and statistics vocabulary, none of the table formats'
  CHECK(fingerprint("四、依申请公开政府信息情况…当面申请16件，信函申请40件…举报投诉", 2016) == Format::legacy);
  CHECK(fingerprint("一段与年度报告无关的文字。", 2020) == Format::unknown);
  // a short report on a year before 2019 with little of the vocabulary: the
  // legacy format was the only one then; not without the subject, not after
  CHECK(fingerprint("2016年政府信息公开工作年度报告 本年度共受理申请12件", 2016) == Format::legacy);
  CHECK(fingerprint("2016年度工作报告 本年度共受理申请12件", 2016) == Format::unknown);
  CHECK(fingerprint("2020年政府信息公开工作年度报告 本年度共受理申请12件", 2020) == Format::unknown);
  CHECK(fingerprint("", 0) == Format::unknown);
  // tables missing (images): the section set, then the regulation cited, then the year
  const std::string sections = "一、总体情况…三、收到和处理政府信息公开申请情况…六、其他需要报告的事项";
  CHECK(fingerprint(sections + "依据国办公开办函〔2021〕30号编制", 2020) == Format::f2021);
  CHECK(fingerprint(sections + "依据国办公开办函[2019]60号编制", 2022) == Format::f2019);
  CHECK(fingerprint(sections + "国办公开办函〔202130号", 2020) == Format::f2021);  // digits run together
  CHECK(fingerprint(sections, 2020) == Format::f2019);
  CHECK(fingerprint(sections, 2021) == Format::f2021);
  CHECK(fingerprint("本列数据的勾稽关系为", 2019) == Format::f2019);
}

TEST_CASE("structure: the whole pipeline gives the same outline and meta for GB18030 and Traditional copies") {
  auto parse_text = [](const std::string& bytes) {
    auto r = ogi::parse(bytes);
    REQUIRE(r);
    return std::move(r.value());
  };
  const Report base = parse_text(kReport2021);
  REQUIRE(base.sections.size() == 6);
  for (const std::string& variant : {encode(kReport2021, "gb18030"), transliterate(kReport2021, "Hans-Hant")}) {
    const Report r = parse_text(variant);
    std::vector<std::string> a, b;
    outline(base.sections, a);
    outline(r.sections, b);
    CHECK(a == b);
    CHECK(r.meta.format == base.meta.format);
    CHECK(r.meta.year == base.meta.year);
    CHECK(r.meta.region == base.meta.region);
    CHECK(r.meta.issuer == base.meta.issuer);
    CHECK(r.meta.title == base.meta.title);
    CHECK(r.meta.period == base.meta.period);
  }
}

TEST_CASE("structure: linear on adversarial lines") {
  // a 2 MB line of numbering-like text and 10^5 numbered lines
  std::string huge = "一、" + std::string(2 << 20, 'x') + "\n";
  Doc d = structured(huge);
  CHECK(d.sections.empty());
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "(1)条目\n";
  Doc m = structured(many);
  CHECK(m.sections.size() == 1);  // repeated (1) siblings are not new headings
}
