// lib/facts: prose -> indicator facts. Every sentence here is made up (the
// places and figures are invented); the corpus test at the end compares with
// the gold files of ../shared when they exist.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include <nlohmann/json.hpp>

#include "ogi/ogi.hpp"

namespace {

using ogi::Scope;

// A legacy report (2008-2018 outline) around the given body paragraphs.
std::string legacy(std::string_view disclosure, std::string_view apply = "", std::string_view review = "",
                   std::string_view fees = "", std::string_view org = "", std::string_view region = "松岭市") {
  std::string s;
  s += std::string(region) + "2015年政府信息公开工作年度报告\n\n";
  s += "  本报告所列数据的统计期限自2015年1月1日起至2015年12月31日止。\n\n";
  s += "  一、主动公开政府信息情况\n\n  " + std::string(disclosure) + "\n\n";
  s += "  二、依申请公开政府信息情况\n\n  " + std::string(apply) + "\n\n";
  s += "  三、行政复议、行政诉讼和举报投诉情况\n\n  " + std::string(review) + "\n\n";
  s += "  四、政府信息公开的收费及减免情况\n\n  " + std::string(fees) + "\n\n";
  s += "  五、机构建设和保障经费情况\n\n  " + std::string(org) + "\n\n";
  s += "  六、存在的主要问题及改进措施\n\n  一是申请答复数统计口径不一，同意公开和不同意公开的界定有待细化；二是培训不足。\n";
  return s;
}

// A 2021-format report: prose in 一 and 六, the three tables left as
// headings only (the facts stage reads prose).
std::string f2021(std::string_view overview, std::string_view other = "无。") {
  std::string s;
  s += "# 白河县人民政府2022年政府信息公开工作年度报告\n\n";
  s += "本报告依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。\n\n";
  s += "## 一、总体情况\n\n" + std::string(overview) + "\n\n";
  s += "## 二、主动公开政府信息情况\n\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
       "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 3 | 1 | 20 |\n\n";
  s += "## 三、收到和处理政府信息公开申请情况\n\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\n";
  s += "## 四、政府信息公开行政复议、行政诉讼情况\n\n";
  s += "## 五、存在的主要问题及改进情况\n\n一是解读形式单一。\n\n";
  s += "## 六、其他需要报告的事项\n\n" + std::string(other) + "\n";
  return s;
}

ogi::Report parse(const std::string& text, ogi::Options::Kind kind = ogi::Options::Kind::text) {
  ogi::Options o;
  o.kind = kind;
  auto r = ogi::parse(text, o);
  REQUIRE(r);
  return std::move(*r);
}

// The text fact of an indicator and scope, or nullptr.
const ogi::Fact* find(const ogi::Report& r, std::string_view id, Scope scope = Scope::total) {
  for (const ogi::Fact& f : r.facts)
    if (f.origin == ogi::Origin::text && f.indicator == id && f.scope == scope) return &f;
  return nullptr;
}

std::string value(const ogi::Report& r, std::string_view id, Scope scope = Scope::total) {
  const ogi::Fact* f = find(r, id, scope);
  return f ? f->value.to_string() : std::string("-");
}

int text_facts(const ogi::Report& r) {
  int n = 0;
  for (const ogi::Fact& f : r.facts) n += f.origin == ogi::Origin::text;
  return n;
}

}  // namespace

TEST_CASE("a clause that names an indicator maps its number, with the span of the number") {
  auto r = parse(legacy("2015年，全市共主动公开政府信息8642条。全市各级政府网站共发布政府信息6120条。"));
  REQUIRE(r.meta.format == ogi::Format::legacy);
  const ogi::Fact* f = find(r, "disclosure.items");
  REQUIRE(f);
  CHECK(f->value.to_string() == "8642");
  CHECK(f->unit == "条");
  CHECK(r.text.substr(f->span.begin, f->span.size()) == "8642");
  CHECK(f->section.size() >= 1);
  CHECK(value(r, "disclosure.channel.website") == "6120");
}

TEST_CASE("其中 breakdowns give the scope parts of the total stated before") {
  auto r = parse(legacy("2015年，全市共主动公开政府信息8642条。其中市级机关公开信息5000条，各县(市)、区公开信息3642条。",
                        "全年共收到政府信息公开申请57件，其中市级机关受理41件，县区政府受理16件。", "", "",
                        "全市共设置政府信息公开查阅点120个，其中，各县(市)区设置70个，市级机关设置50个。"));
  CHECK(value(r, "disclosure.items") == "8642");
  CHECK(value(r, "disclosure.items", Scope::own_level) == "5000");
  CHECK(value(r, "disclosure.items", Scope::lower_levels) == "3642");
  CHECK(value(r, "apply.received") == "57");
  CHECK(value(r, "apply.received", Scope::own_level) == "41");
  CHECK(value(r, "apply.received", Scope::lower_levels) == "16");
  CHECK(value(r, "org.reading_points", Scope::lower_levels) == "70");
  CHECK(value(r, "org.reading_points", Scope::own_level) == "50");
}

TEST_CASE("scope words follow the level of the reporting body") {
  SUBCASE("a province: 省级 is its own level, 市县 the lower ones") {
    auto r = parse(legacy("", "全年全省共受理政府信息公开申请300件，其中省级机关受理120件，市县政府受理180件。", "", "", "",
                          "云岭省"));
    CHECK(value(r, "apply.received", Scope::own_level) == "120");
    CHECK(value(r, "apply.received", Scope::lower_levels) == "180");
  }
  SUBCASE("a county: 县直 and 乡镇") {
    auto r = parse(legacy("", "全年全县共受理政府信息公开申请30件，其中县直部门受理22件，各乡镇受理8件。", "", "", "",
                          "石门县"));
    CHECK(value(r, "apply.received", Scope::own_level) == "22");
    CHECK(value(r, "apply.received", Scope::lower_levels) == "8");
  }
}

TEST_CASE("a verb takes its object from the clause before") {
  auto r = parse(legacy("全市共制发规范性文件80件，主动公开72件，主动公开比例为90%；其中市级机关制发规范性文件50件，主动公开45件。"));
  CHECK(value(r, "disclosure.normative.issued_total") == "80");
  CHECK(value(r, "disclosure.normative.published") == "72");
  CHECK(value(r, "disclosure.normative.issued_total", Scope::own_level) == "50");
  CHECK(value(r, "disclosure.normative.published", Scope::own_level) == "45");
  // the share printed after it is kept on the fact for the checks
  const ogi::Fact* f = find(r, "disclosure.normative.published");
  REQUIRE(f);
  REQUIRE(f->percent);
  CHECK(f->percent->to_string() == "90");
  CHECK(r.text.substr(f->percent_span.begin, f->percent_span.size()) == "90");
}

TEST_CASE("分别 lists map when every item names an indicator") {
  SUBCASE("items sharing a head noun") {
    auto r = parse(legacy("", "全年共收到政府信息公开申请50件。当面、网络、信函申请分别为12件、30件、8件。"));
    CHECK(value(r, "apply.received.in_person") == "12");
    CHECK(value(r, "apply.received.online") == "30");
    CHECK(value(r, "apply.received.letter") == "8");
  }
  SUBCASE("a list of named units stays plain quantities") {
    auto r = parse(legacy("", "全年共收到政府信息公开申请50件。申请量居前三位的是市住建局、市财政局和市教育局，分别为9件、7件和5件。"));
    CHECK(value(r, "apply.received") == "50");
    CHECK(text_facts(r) == 1);
    CHECK(r.quantities.size() >= 4);
  }
}

TEST_CASE("percentages attach to the fact they describe, in list order") {
  auto r = parse(legacy("全市通过政务微博公开信息300条，通过政务微信公开信息200条，分别占发布信息总量的6.1%和4.0%。",
                        "全年共收到政府信息公开申请40件。从申请方式看，网络申请是主要形式，申请量为30件，所占比重为75%；"
                        "信函申请10件，占25%。按期办结率达到100%。"));
  const ogi::Fact* weibo = find(r, "disclosure.channel.weibo");
  const ogi::Fact* wechat = find(r, "disclosure.channel.wechat");
  REQUIRE(weibo);
  REQUIRE(wechat);
  REQUIRE(weibo->percent);
  REQUIRE(wechat->percent);
  CHECK(weibo->percent->to_string() == "6.1");
  CHECK(wechat->percent->to_string() == "4.0");
  const ogi::Fact* online = find(r, "apply.received.online");
  REQUIRE(online);
  CHECK(online->value.to_string() == "30");
  REQUIRE(online->percent);
  CHECK(online->percent->to_string() == "75");
  REQUIRE(find(r, "apply.received.letter"));
  CHECK(find(r, "apply.received.letter")->percent->to_string() == "25");
  // a rate is not a share of anything stated: nothing takes 100%
  for (const ogi::Fact& f : r.facts)
    if (f.percent) CHECK(f.percent->to_string() != "100");
}

TEST_CASE("answers, refusal reasons and outcomes by family") {
  auto r = parse(legacy("", "在答复的30件申请中，属“同意公开”的20件，属“同意部分公开”的4件，属“不同意公开”的6件。"
                            "不同意公开的6件申请中，“涉及国家秘密”的2件、“涉及个人隐私”的4件。",
                        "全年因政府信息公开被申请行政复议5件，从结果看，被维持具体行政行为4件，其他情形1件；"
                        "被提起行政诉讼2件，从结果看，为其他情形2件。"));
  CHECK(value(r, "apply.answered") == "30");
  CHECK(value(r, "apply.answered.granted") == "20");
  CHECK(value(r, "apply.answered.partial") == "4");
  CHECK(value(r, "apply.answered.refused") == "6");
  CHECK(value(r, "apply.answered.refused.state_secret") == "2");
  CHECK(value(r, "apply.answered.refused.privacy") == "4");
  CHECK(value(r, "review.total") == "5");
  CHECK(value(r, "review.upheld") == "4");
  CHECK(value(r, "review.other") == "1");
  CHECK(value(r, "litigation.total") == "2");
  CHECK(value(r, "litigation.other") == "2");  // not review.other: the text has moved on to 诉讼
}

TEST_CASE("older phrasings: 万条, 市政府各部门, 已答复, 维持原具体行政行为, 撤销, 复制费用") {
  auto r = parse(legacy("全年全市主动公开政府信息3.2万条，其中市政府各部门1.2万条，各县（市）区2万条。",
                        "全年全市共收到政府信息公开申请90件。已答复90件，其中同意公开70件，不同意公开20件。",
                        "全年因政府信息公开申请提起行政复议5件，其中维持原具体行政行为3件，撤销2件。",
                        "全市依申请提供政府信息收取检索、复制费用合计0.12万元。"));
  CHECK(value(r, "disclosure.items") == "32000");
  CHECK(value(r, "disclosure.items", Scope::own_level) == "12000");
  CHECK(value(r, "disclosure.items", Scope::lower_levels) == "20000");
  CHECK(value(r, "apply.answered") == "90");
  CHECK(value(r, "review.upheld") == "3");
  CHECK(value(r, "review.corrected") == "2");
  const ogi::Fact* fee = find(r, "fee.collected");
  REQUIRE(fee);
  CHECK(fee->value.to_string() == "0.12");
  CHECK(fee->unit == "万元");
}

TEST_CASE("statements of absence are facts with value 0") {
  auto r = parse(legacy("", "", "全年没有收到针对政府信息公开工作的举报投诉。", "全市依申请公开未收取费用。"));
  const ogi::Fact* c = find(r, "complaints.total");
  REQUIRE(c);
  CHECK(c->value.is_zero());
  CHECK(c->unit == "件");
  CHECK(r.text.substr(c->span.begin, c->span.size()) == "没有收到");
  CHECK(value(r, "fee.collected") == "0");
  // silence is not 0
  CHECK_FALSE(find(r, "review.total"));
  CHECK_FALSE(find(r, "litigation.total"));
}

TEST_CASE("2021 format: the 总体情况 prose and section 六") {
  auto r = parse(f2021("（二）依申请公开情况。2022年，全县共受理政府信息公开申请88件，答复80件（含上年度结转申请4件，"
                       "另有12件顺延到下年度答复）。不予公开3件，占3.75%；因本机关不掌握等原因无法提供9件；不予处理2件。"
                       "全县有1件涉及政府信息公开工作的行政复议，行政诉讼2件。",
                       "（一）信息处理费。全年收取信息处理费共计200元。"),
                 ogi::Options::Kind::markdown);
  REQUIRE(r.meta.format == ogi::Format::f2021);
  CHECK(value(r, "apply.new") == "88");
  CHECK(value(r, "apply.result.total") == "80");
  CHECK(value(r, "apply.carried_in") == "4");
  CHECK(value(r, "apply.carried_out") == "12");
  CHECK(value(r, "apply.result.refused") == "3");
  CHECK(value(r, "apply.result.unavailable") == "9");
  CHECK(value(r, "apply.result.not_processed") == "2");
  CHECK(value(r, "review.total") == "1");
  CHECK(value(r, "litigation.total") == "2");
  const ogi::Fact* fee = find(r, "fee.processing.amount");
  REQUIRE(fee);
  CHECK(fee->value.to_string() == "200");
  CHECK(fee->unit == "元");
  // legacy ids never appear in a 2021 report
  CHECK_FALSE(find(r, "apply.received"));
  CHECK_FALSE(find(r, "apply.answered"));
}

TEST_CASE("2021 format: absence statements") {
  SUBCASE("no fee charged") {
    auto r = parse(f2021("全年共受理政府信息公开申请5件。", "2022年度，本机关政府信息公开未发生收费情况，未发出收费通知。"),
                   ogi::Options::Kind::markdown);
    CHECK(value(r, "fee.processing.amount") == "0");
    CHECK(value(r, "fee.processing.notices") == "0");
  }
  SUBCASE("no correction on review: review.corrected, not review.total") {
    auto r = parse(f2021("全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。"), ogi::Options::Kind::markdown);
    CHECK(value(r, "review.corrected") == "0");
    CHECK_FALSE(find(r, "review.total"));
    CHECK_FALSE(find(r, "litigation.total"));
    CHECK_FALSE(find(r, "litigation.corrected"));  // a legacy id
  }
  SUBCASE("a negation that governs no 收取/发生 is not a statement of absence") {
    auto r = parse(f2021("对申请人逾期未按收费通知要求缴纳费用的申请不再处理，对无正当理由大量反复申请不予处理。"),
                   ogi::Options::Kind::markdown);
    CHECK_FALSE(find(r, "fee.processing.amount"));
    CHECK(text_facts(r) == 0);
  }
}

TEST_CASE("numbers whose meaning differs stay quantities") {
  SUBCASE("cases handled are not applications handled") {
    auto r = parse(f2021("全县共受理政府信息公开申请20件，共办理20件。依法做好行政复议、行政诉讼的应诉工作，全县共办理相关案件15件。"),
                   ogi::Options::Kind::markdown);
    CHECK(value(r, "apply.result.total") == "20");
    CHECK(value(r, "apply.new") == "20");
  }
  SUBCASE("办结 of something else than applications") {
    auto r = parse(f2021("全年共收到群众留言1200件，办结1180件。"), ogi::Options::Kind::markdown);
    CHECK(text_facts(r) == 0);
  }
  SUBCASE("受理网络问政 is not an application") {
    auto r = parse(f2021("全年受理网络问政182件，办理群众来信31件。"), ogi::Options::Kind::markdown);
    CHECK(text_facts(r) == 0);
  }
  SUBCASE("applicant splits in prose are not mapped") {
    auto r = parse(f2021("全年共受理政府信息公开申请30件，其中自然人申请26件，法人或其他组织申请4件。"),
                   ogi::Options::Kind::markdown);
    CHECK(value(r, "apply.new") == "30");
    CHECK(text_facts(r) == 1);
  }
  SUBCASE("two outcomes counted together are a sum, not a fact of either") {
    auto r = parse(f2021("全年答复申请40件，其中予以公开及部分公开25件，占62.5%；不予公开5件。"), ogi::Options::Kind::markdown);
    CHECK_FALSE(find(r, "apply.result.granted"));
    CHECK_FALSE(find(r, "apply.result.partial"));
    CHECK(value(r, "apply.result.refused") == "5");
    REQUIRE(r.sums.size() == 1);
    CHECK(r.sums[0].parts == std::vector<std::string>{"apply.result.granted", "apply.result.partial"});
    CHECK(r.sums[0].value.to_string() == "25");
    REQUIRE(r.sums[0].percent);
    CHECK(r.sums[0].percent->to_string() == "62.5");
  }
  SUBCASE("an example list does not pick a sub-row") {
    auto r = parse(f2021("属信访、重复申请等不予处理6件。"), ogi::Options::Kind::markdown);
    CHECK(value(r, "apply.result.not_processed") == "6");
    CHECK_FALSE(find(r, "apply.result.not_processed.duplicate"));
  }
  SUBCASE("one agency's website or one column of it is not a channel of the report") {
    auto r = parse(legacy("在市交通局门户网站设立了专栏，全年共发布各类信息25条。在市政府门户网站设置的教育专栏中，全年共发布信息40条。"
                          "全市各级政府网站共发布政府信息9000条。"));
    CHECK(value(r, "disclosure.channel.website") == "9000");
  }
  SUBCASE("people at one training are not trainees (人次)") {
    auto r = parse(legacy("", "", "", "", "举办了全市政府信息公开培训班，80余人参加了培训。全年共举办培训班12次，累计培训900人次。"));
    CHECK(value(r, "training.attendees") == "900");
    CHECK(value(r, "training.sessions") == "12");
  }
  SUBCASE("information about other things is not disclosure.items") {
    auto r = parse(legacy("全年共办理或回复公众意见等相关信息300条，发布交易信息1200条。"));
    CHECK(text_facts(r) == 0);
  }
}

TEST_CASE("受理 that includes carried-in applications is not apply.new") {
  // Table 三 says 新收 20 + 上年结转 5; the prose 受理25件 counts both.
  std::string t = f2021("全县共受理政府信息公开申请25件，共办理23件，结转下一年2件。");
  std::string table =
      "| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n"
      "| 一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 0 | 20 |\n"
      "| 二、上年结转政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n";
  std::size_t at = t.find("## 四、");
  t.insert(at, table + "\n");
  auto r = parse(t, ogi::Options::Kind::markdown);
  CHECK(value(r, "apply.result.total") == "23");
  CHECK(value(r, "apply.carried_out") == "2");
  // 25 = 20 + 5: either no text fact, or one that agrees with the table
  const ogi::Fact* f = find(r, "apply.new");
  if (f) CHECK(f->value.to_string() == "20");
}

TEST_CASE("受理 that states its carried-in part is not apply.new") {
  auto r = parse(f2021("全年共收到政府信息公开申请45件（含上年结转3件），办结41件，结转至2023年办理4件。"),
                 ogi::Options::Kind::markdown);
  CHECK_FALSE(find(r, "apply.new"));
  CHECK(value(r, "apply.carried_in") == "3");
  CHECK(value(r, "apply.result.total") == "41");
  CHECK(value(r, "apply.carried_out") == "4");
}

TEST_CASE("the made-up fixtures") {
  std::filesystem::path dir(OGI_FIXTURES_DIR);
  std::ifstream in(dir / "sample-legacy.txt", std::ios::binary);
  REQUIRE(in);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto r = parse(text);
  CHECK(value(r, "disclosure.items") == "48652");
  CHECK(value(r, "disclosure.items", Scope::own_level) == "21437");
  CHECK(value(r, "apply.received.fax") == "3");
  CHECK(value(r, "apply.concluded.extended") == "3");
  CHECK(value(r, "org.staff") == "412");
  CHECK(value(r, "training.attendees") == "1840");
  CHECK(value(r, "complaints.total") == "0");
  CHECK(value(r, "fee.collected") == "0");
  // 386万人次 of website visits is not a statistic of the catalogue
  for (const ogi::Fact& f : r.facts) CHECK(f.value.to_string() != "3860000");
}

// The corpus: every text fact ogi states must be in the gold with that value
// (precision), and the gold's text facts must be found (recall), for the
// reports of ../shared. Table facts are tested by test_tables.
TEST_CASE("prose facts against the gold files") {
  std::filesystem::path corpus = std::filesystem::path(OGI_SHARED_DIR) / "corpus";
  if (!std::filesystem::exists(corpus / "gold")) {
    MESSAGE("skipped: ", (corpus / "gold").string(), " not found");
    return;
  }
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(corpus / "gold")) {
    if (e.path().extension() != ".json") continue;
    std::ifstream gf(e.path());
    nlohmann::json gold = nlohmann::json::parse(gf, nullptr, false);
    REQUIRE_FALSE(gold.is_discarded());
    std::filesystem::path input = corpus / gold.value("file", "");
    if (!std::filesystem::exists(input)) continue;
    auto r = ogi::parse_file(input.string());
    REQUIRE(r);
    ++files;
    const bool legacy = gold["meta"].value("format", "") == "legacy";
    // gold: (indicator, scope) -> values (applicant total only)
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> want;
    for (const auto& g : gold["facts"]) {
      if (g.contains("applicant") && !g["applicant"].is_null() && g["applicant"] != "total") continue;
      std::string scope = g.value("scope", "total");
      want[{g["indicator"].get<std::string>(), scope}].push_back(ogi::Decimal::parse(g["value"].dump())->to_string());
    }
    auto same = [](const std::string& a, const std::string& b) { return *ogi::Decimal::parse(a) == *ogi::Decimal::parse(b); };
    for (const ogi::Fact& f : r->facts) {
      if (f.origin != ogi::Origin::text) continue;
      INFO(e.path().filename().string(), ": ", f.indicator, " ", ogi::to_string(f.scope), " = ", f.value.to_string());
      auto it = want.find({f.indicator, std::string(ogi::to_string(f.scope))});
      REQUIRE(it != want.end());
      bool ok = false;
      for (const auto& v : it->second) ok = ok || same(v, f.value.to_string());
      CHECK(ok);
    }
    // recall: text facts of the gold (for legacy every fact is prose)
    for (const auto& g : gold["facts"]) {
      if (g.value("optional", false)) continue;
      if (!legacy && g.value("origin", "") != "text") continue;
      std::string id = g["indicator"], scope = g.value("scope", "total");
      std::string v = ogi::Decimal::parse(g["value"].dump())->to_string();
      bool found = false;
      for (const ogi::Fact& f : r->facts)
        if (f.indicator == id && std::string(ogi::to_string(f.scope)) == scope && same(f.value.to_string(), v))
          found = true;
      CHECK_MESSAGE(found, e.path().filename().string(), ": missing ", id, " ", scope, " = ", v);
    }
  }
  CHECK(files > 0);
}
