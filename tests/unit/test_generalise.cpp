// Generalisation: reports, renderings and phrasings that are not in the
// corpus. Every fixture under tests/fixtures/generalise/ was written for
// these tests with made-up places and figures; the expectations below are
// those figures. One 2021 report (云岭县 2022) is rendered several ways (HTML
// with rowspan/colspan, Traditional characters with full-width digits, GBK,
// pdftotext -layout with wrapped labels, the same with the empty cells
// missing, one cell per line) and every rendering must give the same facts.
#include <doctest/doctest.h>

#include <array>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/ogi.hpp"

namespace {

using ogi::Applicant;
using ogi::Origin;
using ogi::Scope;

std::string fixture_path(std::string_view name) {
  return std::string(OGI_FIXTURES_DIR) + "/generalise/" + std::string(name);
}

ogi::Report parse_file(std::string_view name) {
  ogi::Options o;
  auto r = ogi::parse_file(fixture_path(name), o);
  REQUIRE_MESSAGE(r, name);
  return std::move(*r);
}

ogi::Report parse_text(const std::string& text, ogi::Options::Kind kind = ogi::Options::Kind::text) {
  ogi::Options o;
  o.kind = kind;
  auto r = ogi::parse(text, o);
  REQUIRE(r);
  return std::move(*r);
}

// The value of the fact (indicator, scope, applicant, origin) as a string;
// "-" when there is none, "many" when there are several.
std::string fact(const ogi::Report& r, std::string_view id, Origin origin = Origin::text, Scope scope = Scope::total,
                 Applicant a = Applicant::none) {
  const ogi::Fact* found = nullptr;
  int n = 0;
  for (const ogi::Fact& f : r.facts)
    if (f.indicator == id && f.origin == origin && f.scope == scope && f.applicant == a) found = &f, ++n;
  if (n > 1) return "many";
  return found ? found->value.to_string() : std::string("-");
}
std::string text(const ogi::Report& r, std::string_view id, Scope scope = Scope::total) {
  return fact(r, id, Origin::text, scope);
}

int count(const ogi::Report& r, Origin origin) {
  int n = 0;
  for (const ogi::Fact& f : r.facts) n += f.origin == origin;
  return n;
}

bool has_finding(const ogi::Report& r, std::string_view rule) {
  for (const ogi::Finding& f : r.findings)
    if (f.rule == rule) return true;
  return false;
}

// ---- the made-up 2021 report of 云岭县 (see the fixtures r2021_*) ----

constexpr std::array<Applicant, 7> kCols = {Applicant::natural_person, Applicant::commercial, Applicant::research,
                                            Applicant::nonprofit,      Applicant::legal_service,
                                            Applicant::other_org,      Applicant::total};

struct T3Row {
  const char* id;
  std::array<int, 7> v;
};
constexpr T3Row kT3[] = {
    {"apply.new", {30, 4, 0, 1, 1, 0, 36}},
    {"apply.carried_in", {2, 0, 0, 0, 0, 0, 2}},
    {"apply.result.granted", {15, 2, 0, 1, 0, 0, 18}},
    {"apply.result.partial", {3, 0, 0, 0, 0, 0, 3}},
    {"apply.result.refused.state_secret", {0, 0, 0, 0, 0, 0, 0}},
    {"apply.result.refused.law_prohibited", {0, 0, 0, 0, 0, 0, 0}},
    {"apply.result.refused.security_stability", {0, 0, 0, 0, 0, 0, 0}},
    {"apply.result.refused.third_party", {1, 0, 0, 0, 0, 0, 1}},
    {"apply.result.refused.internal_affairs", {0, 0, 0, 0, 0, 0, 0}},
    {"apply.result.refused.process_info", {0, 0, 0, 0, 0, 0, 0}},
    {"apply.result.refused.enforcement_file", {0, 0, 0, 0, 0, 0, 0}},
    {"apply.result.refused.query_matter", {0, 0, 0, 0, 0, 0, 0}},
    {"apply.result.unavailable.not_held", {6, 1, 0, 0, 1, 0, 8}},
    {"apply.result.unavailable.needs_creation", {1, 0, 0, 0, 0, 0, 1}},
    {"apply.result.unavailable.unclear", {0, 0, 0, 0, 0, 0, 0}},
    {"apply.result.not_processed.petition", {2, 0, 0, 0, 0, 0, 2}},
    {"apply.result.not_processed.duplicate", {1, 0, 0, 0, 0, 0, 1}},
    {"apply.result.not_processed.publication", {0, 0, 0, 0, 0, 0, 0}},
    {"apply.result.not_processed.bulk", {0, 0, 0, 0, 0, 0, 0}},
    {"apply.result.not_processed.confirm_existing", {0, 0, 0, 0, 0, 0, 0}},
    {"apply.result.other.overdue_amend", {1, 0, 0, 0, 0, 0, 1}},
    {"apply.result.other.overdue_fee", {1, 0, 0, 0, 0, 0, 1}},
    {"apply.result.other.misc", {0, 0, 0, 0, 0, 0, 0}},
    {"apply.result.total", {31, 3, 0, 1, 1, 0, 36}},
    {"apply.carried_out", {1, 1, 0, 0, 0, 0, 2}},
};
constexpr const char* kT4Ids[] = {
    "review.upheld",  "review.corrected", "review.other", "review.pending", "review.total",
    "litigation.direct.upheld", "litigation.direct.corrected", "litigation.direct.other",
    "litigation.direct.pending", "litigation.direct.total", "litigation.after_review.upheld",
    "litigation.after_review.corrected", "litigation.after_review.other", "litigation.after_review.pending",
    "litigation.after_review.total"};
constexpr int kT4[] = {1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0};

void check_yunling_2021(const ogi::Report& r) {
  CHECK(r.meta.format == ogi::Format::f2021);
  CHECK(r.meta.year == 2022);
  // table 二
  CHECK(fact(r, "disclosure.rules.issued", Origin::table) == "0");
  CHECK(fact(r, "disclosure.rules.in_force", Origin::table) == "0");
  CHECK(fact(r, "disclosure.normative.issued", Origin::table) == "5");
  CHECK(fact(r, "disclosure.normative.repealed", Origin::table) == "1");
  CHECK(fact(r, "disclosure.normative.in_force", Origin::table) == "38");
  CHECK(fact(r, "disclosure.licensing.decisions", Origin::table) == "12345");
  CHECK(fact(r, "disclosure.penalty.decisions", Origin::table) == "678");
  CHECK(fact(r, "disclosure.coercion.decisions", Origin::table) == "9");
  CHECK(fact(r, "disclosure.fees.amount", Origin::table) == "1234.56");
  // table 三: every cell
  for (const T3Row& row : kT3)
    for (std::size_t c = 0; c < 7; ++c) {
      INFO(std::string(row.id), " column ", c);
      CHECK(fact(r, row.id, Origin::table, Scope::total, kCols[c]) == std::to_string(row.v[c]));
    }
  // table 四
  for (std::size_t k = 0; k < 15; ++k) {
    INFO(std::string(kT4Ids[k]));
    CHECK(fact(r, kT4Ids[k], Origin::table) == std::to_string(kT4[k]));
  }
  // prose of 一 and 六
  CHECK(text(r, "apply.new") == "36");
  CHECK(text(r, "apply.carried_in") == "2");
  CHECK(text(r, "apply.result.total") == "36");
  CHECK(text(r, "fee.processing.notices") == "2");
  CHECK(text(r, "fee.processing.amount") == "300");
  // the identities hold, so nothing is reported as an error
  for (const ogi::Finding& f : r.findings) {
    INFO(f.rule, " ", f.message);
    CHECK(f.severity != ogi::Severity::error);
    CHECK(f.rule != "table.ambiguous");
  }
}

}  // namespace

TEST_CASE("generalise: one 2021 report, every rendering gives the same facts") {
  for (const char* name : {"r2021_rowspan.html", "r2021_hant_fullwidth.html", "r2021_gbk.html", "r2021_layout.txt",
                           "r2021_layout_blank.txt", "r2021_cells.txt"}) {
    std::string file(name);
    CAPTURE(file);
    check_yunling_2021(parse_file(file));
  }
}

TEST_CASE("generalise: legacy 2012 prose, other phrasings of the same statistics") {
  auto r = parse_file("legacy_2012_prose.txt");
  CHECK(r.meta.format == ogi::Format::legacy);
  CHECK(text(r, "disclosure.items") == "3856");  // thousands separator
  CHECK(text(r, "disclosure.channel.website") == "2910");
  CHECK(text(r, "disclosure.channel.gazette") == "126");
  CHECK(text(r, "apply.received") == "47");
  CHECK(text(r, "apply.received.in_person") == "12");
  CHECK(text(r, "apply.received.online") == "30");
  CHECK(text(r, "apply.received.letter") == "5");
  CHECK(text(r, "apply.answered.granted") == "29");
  CHECK(text(r, "apply.answered.partial") == "4");
  CHECK(text(r, "apply.answered.refused") == "3");
  CHECK(text(r, "apply.answered.nonexistent") == "6");
  CHECK(text(r, "apply.answered.not_this_agency") == "5");  // 非本机关掌握
  CHECK(text(r, "fee.collected") == "0");                    // 未收取任何费用
  CHECK(text(r, "review.total") == "2");
  CHECK(text(r, "litigation.total") == "1");
  CHECK(text(r, "org.staff") == "56");
  CHECK(text(r, "org.staff.full_time") == "18");  // 专职18人
  CHECK(text(r, "org.staff.part_time") == "38");
  CHECK(text(r, "apply.answered") == "-");  // "已全部答复" states no number
}

TEST_CASE("generalise: legacy 2016 prose, 接到 and fee amounts after a list of fee kinds") {
  auto r = parse_file("legacy_2016_variants.txt");
  CHECK(r.meta.format == ogi::Format::legacy);
  CHECK(text(r, "disclosure.items") == "12480");
  CHECK(text(r, "disclosure.items", Scope::own_level) == "5230");
  CHECK(text(r, "disclosure.items", Scope::lower_levels) == "7250");
  CHECK(text(r, "disclosure.normative.issued_total") == "42");
  CHECK(text(r, "disclosure.normative.published") == "39");
  CHECK(text(r, "response.hotspots") == "56");
  CHECK(text(r, "response.interpretations") == "128");
  CHECK(text(r, "response.press_conferences") == "15");
  CHECK(text(r, "apply.received") == "215");  // 共接到…申请215件
  CHECK(text(r, "apply.received.in_person") == "40");
  CHECK(text(r, "apply.received.online") == "152");
  CHECK(text(r, "apply.received.letter") == "23");
  CHECK(text(r, "apply.concluded.on_time") == "210");
  CHECK(text(r, "apply.concluded.extended") == "5");
  CHECK(text(r, "apply.answered") == "215");
  CHECK(text(r, "apply.answered.already_public") == "30");
  CHECK(text(r, "apply.answered.granted") == "98");
  CHECK(text(r, "apply.answered.partial") == "21");
  CHECK(text(r, "apply.answered.refused") == "17");
  CHECK(text(r, "apply.answered.not_this_agency") == "25");
  CHECK(text(r, "apply.answered.nonexistent") == "19");
  CHECK(text(r, "apply.answered.amend") == "3");
  CHECK(text(r, "apply.answered.other_channel") == "2");
  CHECK(text(r, "review.total") == "4");
  CHECK(text(r, "review.upheld") == "3");
  CHECK(text(r, "review.corrected") == "1");
  CHECK(text(r, "litigation.total") == "2");
  CHECK(text(r, "complaints.total") == "0");   // 未发生举报投诉
  CHECK(text(r, "fee.collected") == "0.12");   // 收取检索、复制、邮寄等费用0.12万元
  CHECK(text(r, "org.staff") == "386");
  CHECK(text(r, "org.staff.full_time") == "94");
  CHECK(text(r, "org.staff.part_time") == "292");
  CHECK(text(r, "org.budget") == "68.5");
  CHECK(text(r, "meetings.count") == "21");
  CHECK(text(r, "training.sessions") == "12");
  CHECK(text(r, "training.attendees") == "1050");
  // a prose report has no 统计表: its section headings are not table rows
  for (const ogi::Table& t : r.tables) CHECK(t.kind != ogi::TableKind::legacy_stats);
}

namespace {

// A 2021-format report whose section 六 is `six` (tables 三/四 left out).
std::string report_2021_six(std::string_view six) {
  std::string s;
  s += "# 白河县人民政府2022年政府信息公开工作年度报告\n\n";
  s += "本报告依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。\n\n";
  s += "## 一、总体情况\n\n2022年，全县新收政府信息公开申请２３件，结转下年度继续办理2件。\n\n";
  s += "## 二、主动公开政府信息情况\n\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
       "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 3 | 1 | 20 |\n\n";
  s += "## 五、存在的主要问题及改进情况\n\n一是解读形式单一。\n\n";
  s += "## 六、其他需要报告的事项\n\n" + std::string(six) + "\n";
  return s;
}

}  // namespace

TEST_CASE("generalise: section 六 fee statements") {
  struct Case {
    const char* six;
    const char* amount;   // fee.processing.amount, "-" when not stated
    const char* notices;  // fee.processing.notices
  };
  const Case cases[] = {
      {"本年度未收取信息处理费。", "0", "-"},
      {"2022年度本机关未发出收费通知，未收取信息处理费。", "0", "0"},
      {"依据《政府信息公开信息处理费管理办法》，本年度共收取信息处理费1,200元。", "1200", "-"},
      {"信息处理费：无。", "0", "-"},
      {"（一）信息处理费情况：无。（二）其他事项：无。", "0", "-"},
      {"本机关2022年度不存在收取信息处理费的情况。", "0", "-"},
      {"（一）收取信息处理费情况。本年度发出收费通知3件，收取信息处理费0元。", "0", "3"},
      {"本年度没有产生信息处理费。", "0", "-"},
      {"全年共发出收费通知书5份，实收信息处理费共计2800元。", "2800", "5"},
      {"本年度共收取信息处理费０．３万元。", "0.3", "-"},
      // not a statement about the fee
      {"申请人无正当理由逾期不补正的，不再处理。", "-", "-"},
      {"无。", "-", "-"},
  };
  for (const Case& c : cases) {
    std::string six(c.six);
    CAPTURE(six);
    auto r = parse_text(report_2021_six(c.six), ogi::Options::Kind::markdown);
    CHECK(text(r, "fee.processing.amount") == c.amount);
    CHECK(text(r, "fee.processing.notices") == c.notices);
    CHECK(text(r, "apply.new") == "23");  // full-width digits in the prose
  }
}

TEST_CASE("generalise: '名称：无' states absence only for the named statistic") {
  std::string s =
      "云岭县2016年政府信息公开工作年度报告\n\n  本报告所列数据的统计期限自2016年1月1日起至2016年12月31日止。\n\n"
      "  一、主动公开政府信息情况\n\n  全年主动公开政府信息1.2万条。\n\n"
      "  二、依申请公开政府信息情况\n\n  全年共收到政府信息公开申请12件。\n\n"
      "  三、行政复议、行政诉讼和举报投诉情况\n\n  行政复议：无。行政诉讼：无。举报投诉：无。\n\n"
      "  四、政府信息公开的收费及减免情况\n\n  收费情况：无正当理由的减免申请未予受理。\n\n"
      "  五、存在的主要问题及改进措施\n\n  一是培训不足。\n";
  auto r = parse_text(s);
  CHECK(r.meta.format == ogi::Format::legacy);
  CHECK(text(r, "disclosure.items") == "12000");  // 1.2万条
  CHECK(text(r, "apply.received") == "12");
  CHECK(text(r, "review.total") == "0");
  CHECK(text(r, "litigation.total") == "0");
  CHECK(text(r, "complaints.total") == "0");
  CHECK(text(r, "fee.collected") == "-");  // 无 begins a phrase here
}

namespace {

// A legacy report (2008-2018 outline) around the given paragraphs.
std::string legacy(std::string_view disclosure, std::string_view apply = "", std::string_view review = "",
                   std::string_view fees = "", std::string_view org = "") {
  std::string s = "松岭市2015年政府信息公开工作年度报告\n\n  本报告所列数据的统计期限自2015年1月1日起至2015年12月31日止。\n\n";
  s += "  一、主动公开政府信息情况\n\n  " + std::string(disclosure) + "\n\n";
  s += "  二、依申请公开政府信息情况\n\n  " + std::string(apply) + "\n\n";
  s += "  三、行政复议、行政诉讼和举报投诉情况\n\n  " + std::string(review) + "\n\n";
  s += "  四、政府信息公开的收费及减免情况\n\n  " + std::string(fees) + "\n\n";
  s += "  五、机构建设和保障经费情况\n\n  " + std::string(org) + "\n\n";
  s += "  六、存在的主要问题及改进措施\n\n  一是培训不足。\n";
  return s;
}

}  // namespace

TEST_CASE("generalise: legacy phrasings — channels as 提交, 职责范围, 专兼职, 无收费") {
  SUBCASE("applications handed in by channel") {
    auto r = parse_text(legacy("", "全年共受理依申请公开41件，其中通过网上提交申请的29件，当面提交申请的8件，通过信函提交的4件。"));
    CHECK(text(r, "apply.received") == "41");
    CHECK(text(r, "apply.received.online") == "29");
    CHECK(text(r, "apply.received.in_person") == "8");
    CHECK(text(r, "apply.received.letter") == "4");
  }
  SUBCASE("quoted outcomes, 非本机关职责范围") {
    auto r = parse_text(legacy("", "全年共受理申请41件。其中，答复“同意公开”的30件，“同意部分公开”的5件，“信息不存在”的4件，"
                                   "“非本机关职责范围”的2件。"));
    CHECK(text(r, "apply.answered.granted") == "30");
    CHECK(text(r, "apply.answered.partial") == "5");
    CHECK(text(r, "apply.answered.nonexistent") == "4");
    CHECK(text(r, "apply.answered.not_this_agency") == "2");
  }
  SUBCASE("专兼职工作人员 is the staff total, not the part-time staff") {
    auto r = parse_text(legacy("", "", "", "", "共有专兼职工作人员126人（专职32人，兼职94人）。"));
    CHECK(text(r, "org.staff") == "126");
    CHECK(text(r, "org.staff.full_time") == "32");
    CHECK(text(r, "org.staff.part_time") == "94");
  }
  SUBCASE("staff counted in 名") {
    auto r = parse_text(legacy("", "", "", "", "全市现有政府信息公开工作人员126名，其中专职人员32名，兼职人员94名。"));
    CHECK(text(r, "org.staff") == "126");
    CHECK(text(r, "org.staff.part_time") == "94");
  }
  SUBCASE("无收费及减免情况 and fee amounts after a list of fee kinds") {
    CHECK(text(parse_text(legacy("", "", "", "本年度无收费及减免情况。")), "fee.collected") == "0");
    CHECK(text(parse_text(legacy("", "", "", "本年度共收取检索费、复制费等费用计1,250元。")), "fee.collected") == "1250");
    CHECK(text(parse_text(legacy("", "", "", "本年度未发生减免费用的情况。")), "fee.collected") == "-");
  }
  SUBCASE("absence of reviews and suits together") {
    auto r = parse_text(legacy("", "", "全年未发生政府信息公开方面的申诉、行政复议和行政诉讼。"));
    CHECK(text(r, "review.total") == "0");
    CHECK(text(r, "litigation.total") == "0");
  }
  SUBCASE("Chinese numerals and 万") {
    CHECK(text(parse_text(legacy("全年主动公开政府信息二千三百五十条。")), "disclosure.items") == "2350");
    CHECK(text(parse_text(legacy("全年全市主动公开各类政府信息共计1.26万条。")), "disclosure.items") == "12600");
  }
}

TEST_CASE("generalise: the 2019 format as Markdown pipe tables, and as Traditional with Taiwan phrasing") {
  for (const char* name : {"r2019_pipes.md", "r2019_hant_taiwan.md"}) {
    std::string file(name);
    CAPTURE(file);
    auto r = parse_file(file);
    CHECK(r.meta.format == ogi::Format::f2019);
    CHECK(r.meta.year == 2020);
    CHECK(fact(r, "disclosure.rules.total_published", Origin::table) == "2");
    CHECK(fact(r, "disclosure.normative.new_made", Origin::table) == "7");  // 規範性檔案
    CHECK(fact(r, "disclosure.normative.total_published", Origin::table) == "56");
    CHECK(fact(r, "disclosure.licensing.prev_items", Origin::table) == "128");
    CHECK(fact(r, "disclosure.licensing.change", Origin::table) == "-6");
    CHECK(fact(r, "disclosure.licensing.decisions", Origin::table) == "9876");
    CHECK(fact(r, "disclosure.other_services.decisions", Origin::table) == "340");
    CHECK(fact(r, "disclosure.penalty.decisions", Origin::table) == "2345");
    CHECK(fact(r, "disclosure.fees.change", Origin::table) == "-1");
    CHECK(fact(r, "disclosure.procurement.projects", Origin::table) == "14");
    CHECK(fact(r, "disclosure.procurement.amount", Origin::table) == "386.5");
    // "-" is a marker, kept apart from a printed 0
    for (const ogi::Fact& f : r.facts)
      if (f.indicator == "disclosure.coercion.decisions" && f.origin == Origin::table) CHECK(f.marker == "-");
    // table 三: the 2021 rows of this report with （六） as one row
    for (const T3Row& row : kT3) {
      std::string id(row.id);
      if (id.rfind("apply.result.other.", 0) == 0) continue;
      for (std::size_t c = 0; c < 7; ++c) {
        INFO(id, " column ", c);
        CHECK(fact(r, id, Origin::table, Scope::total, kCols[c]) == std::to_string(row.v[c]));
      }
    }
    CHECK(fact(r, "apply.result.other", Origin::table, Scope::total, Applicant::natural_person) == "2");
    CHECK(fact(r, "apply.result.other", Origin::table, Scope::total, Applicant::total) == "2");
    for (std::size_t k = 0; k < 15; ++k) {
      INFO(std::string(kT4Ids[k]));
      CHECK(fact(r, kT4Ids[k], Origin::table) == std::to_string(kT4[k]));
    }
    CHECK(text(r, "apply.new") == "36");
    CHECK(text(r, "apply.carried_out") == "2");
  }
}

TEST_CASE("generalise: tables published as images are absent, not zeros") {
  auto r = parse_file("r2020_images.html");
  CHECK(r.meta.format == ogi::Format::f2019);
  CHECK(count(r, Origin::table) == 0);
  int absent = 0;
  for (const ogi::Table& t : r.tables) absent += t.absent ? 1 : 0;
  CHECK(absent == 3);
  CHECK(has_finding(r, "structure.table_absent"));
  CHECK(text(r, "apply.new") == "5");
}

TEST_CASE("generalise: legacy reports in Big5 (Traditional) and GBK give the facts of their UTF-8 originals") {
  auto same = [](std::string_view a, std::string_view b) {
    auto ra = parse_file(a), rb = parse_file(b);
    CHECK(ra.meta.format == rb.meta.format);
    CHECK(ra.meta.year == rb.meta.year);
    REQUIRE(ra.facts.size() == rb.facts.size());
    for (std::size_t i = 0; i < ra.facts.size(); ++i) {
      INFO(ra.facts[i].indicator);
      CHECK(ra.facts[i].indicator == rb.facts[i].indicator);
      CHECK(ra.facts[i].scope == rb.facts[i].scope);
      CHECK(ra.facts[i].value == rb.facts[i].value);
    }
  };
  same("legacy_2016_variants.txt", "legacy_2016_big5.txt");
  same("legacy_2012_prose.txt", "legacy_2012_gbk.txt");
}

TEST_CASE("generalise: one cell per line with empty cells dropped and bare '|' lines between rows") {
  // 青禾镇 2023 (made up): zero cells of the applicant columns are left empty
  // and dropped, 总计 is always printed, and each row ends with a bare "|".
  // The "|" is a row separator here, not an empty 总计: the row identity
  // (总计 = sum of the six columns) only holds when it is read that way.
  auto r = parse_file("r2021_cells_dropped.txt");
  CHECK(r.meta.format == ogi::Format::f2021);
  struct Want {
    const char* id;
    std::array<int, 7> v;
  };
  const Want want[] = {
      {"apply.new", {20, 3, 0, 1, 0, 0, 24}},
      {"apply.carried_in", {1, 0, 0, 0, 0, 0, 1}},
      {"apply.result.granted", {12, 2, 0, 0, 0, 0, 14}},
      {"apply.result.partial", {2, 0, 0, 1, 0, 0, 3}},
      {"apply.result.refused.third_party", {1, 0, 0, 0, 0, 0, 1}},
      {"apply.result.unavailable.not_held", {4, 1, 0, 0, 0, 0, 5}},
      {"apply.result.unavailable.unclear", {0, 0, 0, 0, 0, 0, 0}},
      {"apply.result.not_processed.petition", {1, 0, 0, 0, 0, 0, 1}},
      {"apply.result.other.misc", {0, 0, 0, 0, 0, 0, 0}},
      {"apply.result.total", {20, 3, 0, 1, 0, 0, 24}},
      {"apply.carried_out", {1, 0, 0, 0, 0, 0, 1}},
  };
  // every 总计 is read, and as printed (not blank, even when it is 0)
  for (const Want& w : want) {
    INFO(w.id);
    CHECK(fact(r, w.id, Origin::table, Scope::total, Applicant::total) == std::to_string(w.v[6]));
    for (const ogi::Fact& f : r.facts)
      if (f.indicator == w.id && f.origin == Origin::table && f.applicant == Applicant::total) CHECK(!f.blank);
  }
  // no cell is given a wrong value: a cell is either right or left out
  for (const Want& w : want)
    for (std::size_t c = 0; c < 6; ++c) {
      std::string got = fact(r, w.id, Origin::table, Scope::total, kCols[c]);
      INFO(w.id, " column ", c);
      CHECK((got == "-" || got == std::to_string(w.v[c])));
    }
  // which applicant column a lone number belongs to is not knowable: said so, not guessed
  CHECK(has_finding(r, "table.ambiguous"));
  for (const ogi::Finding& f : r.findings) {
    INFO(f.rule, " ", f.message);
    CHECK(f.severity != ogi::Severity::error);
  }
}

TEST_CASE("generalise: applications counted as forms, 申请书 … 份") {
  // legacy: 收到申请数
  auto r = parse_text(
      "临川县2016年政府信息公开工作年度报告\n\n本年度报告依据《中华人民共和国政府信息公开条例》编制，"
      "所列数据的统计期限自2016年1月1日至2016年12月31日。\n\n一、依申请公开情况\n\n"
      "本年度共收到信息公开申请书31份，其中当面申请6件，网络申请25件。\n");
  CHECK(r.meta.format == ogi::Format::legacy);
  CHECK(text(r, "apply.received") == "31");
  CHECK(text(r, "apply.received.in_person") == "6");
  // 2021: 本年新收 (the table of the same report agrees)
  auto r21 = parse_file("r2021_cells_dropped.txt");
  CHECK(text(r21, "apply.new") == "24");
  // 份 still counts nothing that is not an application
  auto r2 = parse_text(
      "临川县2016年政府信息公开工作年度报告\n\n本年度报告依据《中华人民共和国政府信息公开条例》编制，"
      "所列数据的统计期限自2016年1月1日至2016年12月31日。\n\n一、依申请公开情况\n\n"
      "本年度共收到行政复议申请书2份。\n");
  CHECK(text(r2, "review.total") == "-");
}

TEST_CASE("generalise: a bare 0 after a money-amount label is 0 元") {
  auto six = [](const char* sentence) {
    return parse_text(std::string("青禾镇人民政府2023年政府信息公开工作年度报告\n\n本报告依据《中华人民共和国政府信息公开工作年度报告格式》"
                                  "（国办公开办函〔2021〕30号）编制。\n\n六、其他需要报告的事项\n") +
                      sentence + "\n");
  };
  CHECK(text(parse_file("r2021_cells_dropped.txt"), "fee.processing.amount") == "0");
  CHECK(text(six("本年度信息处理费收取金额为0。"), "fee.processing.amount") == "0");
  CHECK(text(six("本年度信息处理费收取金额为0元。"), "fee.processing.amount") == "0");
  CHECK(text(six("本年度收取信息处理费的金额为0，发出收费通知0件。"), "fee.processing.amount") == "0");
  // narrow: only 0 (any other bare number may be 元 or 万元), only after an amount label
  CHECK(text(six("本年度信息处理费收取金额为12。"), "fee.processing.amount") == "-");
  CHECK(text(six("本年度信息处理费收取金额为0.5。"), "fee.processing.amount") == "-");
  auto r = six("本年度信息处理费相关申请为0。");
  CHECK(text(r, "fee.processing.amount") == "-");
  CHECK(count(r, Origin::text) == 0);
}
