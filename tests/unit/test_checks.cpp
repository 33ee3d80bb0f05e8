// lib/checks: each rule family on facts written here, one failing and one
// holding case each, so that a rule that never fires or always fires fails.
#include <doctest/doctest.h>

#include <algorithm>

#include "checks/checks.hpp"
#include "ogi/ogi.hpp"

using namespace ogi;

namespace {

Fact fact(std::string id, std::string value, Origin origin = Origin::table, Applicant a = Applicant::none,
          Scope scope = Scope::total) {
  Fact f;
  f.indicator = std::move(id);
  f.value = *Decimal::parse(value);
  f.origin = origin;
  f.applicant = a;
  f.scope = scope;
  return f;
}

struct Case {
  Meta meta;
  std::vector<Section> sections;
  std::vector<Fact> facts;
  std::vector<detail::TableInfo> tables;
  std::vector<Quantity> quantities;
  std::string text;

  std::vector<Finding> run() {
    detail::CheckInput in;
    in.meta = &meta;
    in.sections = &sections;
    in.facts = &facts;
    in.tables = tables;
    in.quantities = &quantities;
    in.text = text;
    return detail::run_checks(in);
  }
};

int count(const std::vector<Finding>& fs, std::string_view rule, std::string_view indicator = {}) {
  return static_cast<int>(std::count_if(fs.begin(), fs.end(), [&](const Finding& f) {
    return f.rule == rule && (indicator.empty() || std::find(f.indicators.begin(), f.indicators.end(),
                                                             indicator) != f.indicators.end());
  }));
}

// A complete, consistent 2021 table 四.
void add_table4(std::vector<Fact>& fs, std::string review_total = "4") {
  for (auto [g, t] : {std::pair{"review", review_total}, {"litigation.direct", "1"}, {"litigation.after_review", "0"}}) {
    std::string base = g;
    fs.push_back(fact(base + ".upheld", g == std::string("review") ? "3" : t));
    fs.push_back(fact(base + ".corrected", "0"));
    fs.push_back(fact(base + ".other", g == std::string("review") ? "1" : "0"));
    fs.push_back(fact(base + ".pending", "0"));
    fs.push_back(fact(base + ".total", t));
  }
}

}  // namespace

TEST_CASE("table 四: the four parts must add up to 总计 in each group") {
  Case c;
  c.meta.format = Format::f2021;
  add_table4(c.facts);
  CHECK(count(c.run(), "sum.mismatch") == 0);

  Case bad;
  bad.meta.format = Format::f2021;
  add_table4(bad.facts, "0");  // 3 + 0 + 1 + 0 printed as 总计 0
  auto fs = bad.run();
  REQUIRE(count(fs, "sum.mismatch", "review.total") == 1);
  auto it = std::find_if(fs.begin(), fs.end(), [](const Finding& f) { return f.rule == "sum.mismatch"; });
  CHECK(it->severity == Severity::error);
  CHECK(it->expected == "4");
  CHECK(it->found == "0");
  CHECK_FALSE(it->message.empty());
  CHECK_FALSE(it->message_en.empty());
}

TEST_CASE("table 三: balance per applicant column") {
  Case c;
  c.meta.format = Format::f2021;
  for (Applicant a : {Applicant::natural_person, Applicant::total}) {
    c.facts.push_back(fact("apply.new", "21", Origin::table, a));
    c.facts.push_back(fact("apply.carried_in", "2", Origin::table, a));
    c.facts.push_back(fact("apply.result.total", "20", Origin::table, a));
    c.facts.push_back(fact("apply.carried_out", a == Applicant::total ? "3" : "2", Origin::table, a));
  }
  auto fs = c.run();
  // 21 + 2 = 20 + 3 holds for 总计; 21 + 2 != 20 + 2 for 自然人
  CHECK(count(fs, "balance.mismatch") == 1);
  auto it = std::find_if(fs.begin(), fs.end(), [](const Finding& f) { return f.rule == "balance.mismatch"; });
  REQUIRE(it != fs.end());
  CHECK(it->message.find("自然人") != std::string::npos);
}

TEST_CASE("table 三: row totals, and a blank 总计 cell is incomplete rather than wrong") {
  Case c;
  c.meta.format = Format::f2019;
  const Applicant cols[] = {Applicant::natural_person, Applicant::commercial, Applicant::research,
                            Applicant::nonprofit, Applicant::legal_service, Applicant::other_org};
  for (Applicant a : cols) c.facts.push_back(fact("apply.result.granted", a == Applicant::natural_person ? "5" : "1", Origin::table, a));
  c.facts.push_back(fact("apply.result.granted", "11", Origin::table, Applicant::total));  // 5 + 5 x 1 = 10
  for (Applicant a : cols) c.facts.push_back(fact("apply.result.partial", "1", Origin::table, a));
  Fact blank = fact("apply.result.partial", "0", Origin::table, Applicant::total);
  blank.blank = true;
  c.facts.push_back(blank);
  auto fs = c.run();
  REQUIRE(count(fs, "table.row_total", "apply.result.granted") == 1);
  REQUIRE(count(fs, "table.row_total", "apply.result.partial") == 1);
  for (const Finding& f : fs) {
    if (f.rule != "table.row_total") continue;
    if (f.indicators[0] == "apply.result.granted") CHECK(f.severity == Severity::error);
    if (f.indicators[0] == "apply.result.partial") CHECK(f.severity == Severity::warning);
  }
}

TEST_CASE("legacy prose: sums, scope splits and parts that exceed a total") {
  Case c;
  c.meta.format = Format::legacy;
  c.facts.push_back(fact("apply.received", "120", Origin::text));
  c.facts.push_back(fact("apply.received", "90", Origin::text, Applicant::none, Scope::own_level));
  c.facts.push_back(fact("apply.received", "31", Origin::text, Applicant::none, Scope::lower_levels));
  c.facts.push_back(fact("apply.received.online", "64", Origin::text));
  c.facts.push_back(fact("apply.received.letter", "40", Origin::text));
  c.facts.push_back(fact("apply.received.in_person", "17", Origin::text));
  auto fs = c.run();
  CHECK(count(fs, "sum.mismatch", "apply.received") >= 2);  // 90 + 31 and 64 + 40 + 17 both exceed 120
  for (const Finding& f : fs)
    if (f.rule == "sum.mismatch") CHECK(f.severity == Severity::warning);  // prose: never an error

  Case ok;
  ok.meta.format = Format::legacy;
  ok.facts.push_back(fact("apply.received", "120", Origin::text));
  ok.facts.push_back(fact("apply.received.online", "64", Origin::text));
  ok.facts.push_back(fact("apply.received.letter", "40", Origin::text));
  ok.facts.push_back(fact("apply.received.in_person", "16", Origin::text));  // fax not stated: silence
  CHECK(count(ok.run(), "sum.mismatch") == 0);
}

TEST_CASE("percentages are judged as intervals at the printed precision") {
  auto with_percent = [](std::string value, std::string pct) {
    Case c;
    c.meta.format = Format::legacy;
    c.facts.push_back(fact("apply.answered", "120", Origin::text));
    Fact f = fact("apply.answered.refused", value, Origin::text);
    f.percent = *Decimal::parse(pct);
    c.facts.push_back(f);
    return c.run();
  };
  CHECK(count(with_percent("4", "3.3"), "percent.mismatch") == 0);  // 3.33 -> 3.3
  auto wrong = with_percent("4", "3.4");                             // 3.33 printed 3.4
  REQUIRE(count(wrong, "percent.mismatch", "apply.answered.refused") == 1);
  CHECK(wrong[0].severity == Severity::warning);
  auto truncated = with_percent("62", "51.6");  // 51.67 printed 51.6
  REQUIRE(count(truncated, "percent.mismatch") == 1);
  CHECK(truncated[0].severity == Severity::info);
  CHECK(count(with_percent("62", "51.7"), "percent.mismatch") == 0);
  CHECK(count(with_percent("120", "100"), "percent.mismatch") == 0);
}

TEST_CASE("prose against tables: 受理 may include the carried-in applications") {
  Case c;
  c.meta.format = Format::f2021;
  c.facts.push_back(fact("apply.new", "713"));
  c.facts.push_back(fact("apply.carried_in", "36"));
  c.facts.push_back(fact("apply.new", "749", Origin::text));
  CHECK(count(c.run(), "text_table.mismatch") == 0);
  c.facts.back().value = 750;
  auto fs = c.run();
  REQUIRE(count(fs, "text_table.mismatch", "apply.new") == 1);
  CHECK(fs[0].severity == Severity::warning);
}

TEST_CASE("dates: deadline and statistics period") {
  Case c;
  c.meta.year = 2023;
  c.meta.issuer = "某某县发展和改革局";
  c.meta.published = "2024-02-15";
  c.meta.period = Period{"2023-01-01", "2023-12-31"};
  auto fs = c.run();
  CHECK(count(fs, "deadline.late") == 1);  // a department: 31 January
  CHECK(count(fs, "year.mismatch") == 0);
  c.meta.issuer = "某某县人民政府";
  CHECK(count(c.run(), "deadline.late") == 0);  // a government: 31 March
  c.meta.period = Period{"2022-01-01", "2022-12-31"};
  CHECK(count(c.run(), "year.mismatch") == 1);
}

TEST_CASE("structure: tables absent and the fee statement") {
  Case c;
  c.meta.format = Format::f2021;
  c.meta.year = 2022;
  c.text = "一、总体情况\n二、主动公开\n三、申请\n四、复议\n五、问题\n六、其他需要报告的事项\n无。\n";
  const char* kinds[] = {"overview", "disclosure", "apply", "review_litigation", "problems", "other"};
  std::size_t pos = 0;
  for (const char* k : kinds) {
    Section s;
    s.kind = k;
    std::size_t nl = c.text.find('\n', pos);
    s.heading = {pos, nl};
    s.span = {pos, k == std::string("other") ? c.text.size() : nl};
    pos = nl + 1;
    c.sections.push_back(s);
  }
  c.tables = {{TableKind::disclosure, false}, {TableKind::apply, true}};
  auto fs = c.run();
  CHECK(count(fs, "structure.missing_section") == 0);
  CHECK(count(fs, "structure.table_absent") == 2);  // apply absent (image), review_litigation not found
  CHECK(count(fs, "structure.fee_statement") == 1);
  c.facts.push_back(fact("fee.processing.amount", "0", Origin::text));
  CHECK(count(c.run(), "structure.fee_statement") == 0);
  c.sections.erase(c.sections.begin() + 4);
  CHECK(count(c.run(), "structure.missing_section") == 1);
}

TEST_CASE("compare: carry-over per column and documents in force; refuses other bodies and years") {
  Report last, cur;
  last.meta.year = 2023;
  cur.meta.year = 2024;
  last.meta.issuer = "某某区人民政府";
  cur.meta.issuer = "某某市某某区人民政府";
  last.facts.push_back(fact("apply.carried_out", "3", Origin::table, Applicant::total));
  last.facts.push_back(fact("apply.carried_out", "2", Origin::table, Applicant::natural_person));
  cur.facts.push_back(fact("apply.carried_in", "3", Origin::table, Applicant::total));
  cur.facts.push_back(fact("apply.carried_in", "1", Origin::table, Applicant::natural_person));
  last.facts.push_back(fact("disclosure.normative.in_force", "5"));
  cur.facts.push_back(fact("disclosure.normative.issued", "3"));
  cur.facts.push_back(fact("disclosure.normative.repealed", "0"));
  cur.facts.push_back(fact("disclosure.normative.in_force", "8"));
  auto r = compare(last, cur);
  REQUIRE(r);
  CHECK(r->results.size() == 3);
  REQUIRE(r->findings.size() == 1);
  CHECK(r->findings[0].rule == "crossyear.carryover");
  CHECK(r->findings[0].expected == "2");
  CHECK(r->findings[0].found == "1");

  Report other = cur;
  other.meta.issuer = "另一个市教育局";
  auto refused = compare(last, other);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == ErrorCode::incompatible);
  Report later = cur;
  later.meta.year = 2025;
  CHECK_FALSE(compare(last, later));
}

TEST_CASE("prose stating two table rows at once is compared with their sum, and its share checked") {
  Case c;
  c.meta.format = Format::f2019;
  c.text = "予以公开及部分公开258件，占33.9%。";
  c.facts.push_back(fact("apply.result.granted", "272"));
  c.facts.push_back(fact("apply.result.partial", "3"));
  c.facts.push_back(fact("apply.result.total", "805"));
  Quantity q;
  q.value = 258;
  q.unit = "件";
  q.label = "予以公开及部分公开";
  q.span = {c.text.find("258"), c.text.find("258") + 6};
  Quantity pct;
  pct.value = *Decimal::parse("33.9");
  pct.unit = "%";
  pct.span = {c.text.find("33.9"), c.text.find("33.9") + 5};
  c.quantities = {q, pct};
  auto fs = c.run();
  CHECK(count(fs, "text_table.mismatch", "apply.result.partial") == 1);
  CHECK(count(fs, "percent.mismatch", "apply.result.granted") == 1);
  c.quantities[0].value = 275;  // 272 + 3; 275 of 805 = 34.2%
  c.quantities[1].value = *Decimal::parse("34.2");
  fs = c.run();
  CHECK(count(fs, "text_table.mismatch") == 0);
  CHECK(count(fs, "percent.mismatch") == 0);
}
