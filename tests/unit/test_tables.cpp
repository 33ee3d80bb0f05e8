// lib/structure/tables and lib/facts/table_facts on the project's own
// fixtures (tests/fixtures/tables, made-up figures), one per way a table
// reaches us: HTML grid, " | " rows, one cell per line with and without
// pipes, pdftotext -layout rows, OCR Markdown mini-tables, scrambled
// PDF → Markdown, dropped empty cells, tables published as images.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "structure/table_text.hpp"
#include "tables_support.hpp"

using namespace tables_test;
using ogi::Decimal;
using ogi::TableKind;
namespace tt = ogi::detail::tables_text;

// ---------------------------------------------------------------------------
// text tools

TEST_CASE("label keys fold punctuation, spaces, annotations and typos") {
  CHECK(tt::label_key("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == tt::label_key("(二)部分公开"));
  CHECK(tt::label_key("（二）部分公开（区分处理的，只计这一情") == U"(二)部分公开");
  CHECK(tt::label_key("形，不计其他情形）").empty());
  CHECK(tt::label_key("商业 企业") == U"商业企业");
  CHECK(tt::label_key("規範性檔案") == U"規範性文件");
  CHECK(tt::label_key("1、申请人无正当理由") == U"1.申请人无正当理由");
  CHECK(tt::label_key("规章(设区的市、自治州人民政府应提供相关数据)") == U"规章");
  CHECK(tt::label_key("总计(7)") == U"总计");
}

TEST_CASE("similarity tolerates typos and truncation but not other rows") {
  auto s = [](const char* a, const char* b) { return tt::similarity(tt::label_key(a), tt::label_key(b)); };
  CHECK(s("5.属于三类内容事务信息", "5.属于三类内部事务信息") > 0.9);
  CHECK(s("2.其他法律行政止公开", "2.其他法律行政法规禁止公开") > 0.85);
  CHECK(s("社会公益", "社会公益组织") > 0.75);
  CHECK(s("规范性文件", "行政规范性文件") > 0.8);
  CHECK(s("行政许可", "行政处罚") < 0.6);
  CHECK(s("其他主动公开文件", "规范性文件") < 0.5);
  CHECK(s("正、行政机关不再处理其政府信", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请") >
        s("正、行政机关不再处理其政府信", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"));
}

TEST_CASE("cell values: numbers, units, annotations, markers, blanks") {
  auto v = tt::parse_value("251000元");
  CHECK(v.kind == tt::ValueKind::number);
  CHECK(v.number == Decimal(251000));
  CHECK(v.unit == "元");
  v = tt::parse_value(" 4068.208 ");
  CHECK(v.number.to_string() == "4068.208");
  CHECK(tt::parse_value("-8").number == Decimal(-8));
  CHECK(tt::parse_value("11,398,889").number == Decimal(11398889));
  CHECK(tt::parse_value("1,23").kind == tt::ValueKind::none);
  v = tt::parse_value("22（其中修订 16 件）");
  CHECK(v.kind == tt::ValueKind::number);
  CHECK(v.number == Decimal(22));
  CHECK(v.end == 2);
  for (const char* m : {"-", "—", "——", "/", "无", "空"}) CHECK(tt::parse_value(m).kind == tt::ValueKind::marker);
  CHECK(tt::parse_value("\xe3\x80\x80").kind == tt::ValueKind::empty);  // U+3000 only
  CHECK(tt::parse_value("一").kind == tt::ValueKind::none);              // a numeral label, not a dash
  CHECK(tt::parse_value("1.属于国家秘密").kind == tt::ValueKind::none);
  CHECK(tt::parse_value("数据1").kind == tt::ValueKind::none);
}

TEST_CASE("page furniture is recognised") {
  for (const char* p : {"Page 9 - 2020年报_审计局", "P. 9", "— 4 —", "-3-", "第 3 页", "3 / 12"})
    CHECK_MESSAGE(tt::is_page_marker(p), p);
  for (const char* p : {"15", "0 0 0", "行政许可 0", "- 3"}) CHECK_FALSE_MESSAGE(tt::is_page_marker(p), p);
}

// ---------------------------------------------------------------------------
// flattening styles, 2021 format: all three tables, every cell

TEST_CASE("pipe-joined rows with colspan padding and group labels on the first row only") {
  Report r = parse_fixture("pipe_rows_2021.txt");
  check_t2_2021(r);
  check_t3(r, standard_t3_2021());
  check_t4(r, kStandardT4);
  const ogi::Table* t3 = table_of(r, TableKind::apply);
  REQUIRE(t3);
  CHECK(t3->rows == 25);
  CHECK(t3->cols == 7);
  CHECK(t3->cells.size() == 175);
  // spans point at the printed number
  auto f = table_facts(r, "apply.new", Applicant::natural_person);
  REQUIRE(f.size() == 1);
  CHECK(f.front()->span.of(r.text) == "40");
  CHECK(f.front()->table >= 0);
}

TEST_CASE("one cell per line with ' |', bare '|' for an empty cell, '||' ending a row") {
  Report r = parse_fixture("cell_per_line_pipes_2021.txt");
  check_t2_2021(r);
  check_t3(r, standard_t3_2021());
  check_t4(r, kStandardT4);
  // the empty cells are blank facts (value 0), printed zeros are not
  auto f = table_facts(r, "apply.new", Applicant::research);
  REQUIRE(f.size() == 1);
  CHECK(f.front()->blank);
  auto z = table_facts(r, "apply.result.refused.state_secret", Applicant::total);
  REQUIRE(z.size() == 1);
  CHECK_FALSE(z.front()->blank);
  auto rep = table_facts(r, "disclosure.rules.repealed");
  REQUIRE(rep.size() == 1);
  CHECK(rep.front()->blank);
}

TEST_CASE("pdftotext -layout rows: wrapped labels, vertical group labels, page break inside table 三") {
  Report r = parse_fixture("layout_2021.txt");
  check_t2_2021(r);
  check_t3(r, standard_t3_2021());
  check_t4(r, kStandardT4);
}

TEST_CASE("pdftotext -layout with blank cells: placed under the headers, label-only rows are blank rows") {
  Report r = parse_fixture("layout_blank_cells_2021.txt");
  CHECK(cell(r, "apply.new", Applicant::natural_person) == Decimal(26));
  CHECK(cell(r, "apply.new", Applicant::total) == Decimal(26));
  auto b = table_facts(r, "apply.new", Applicant::commercial);
  REQUIRE(b.size() == 1);
  CHECK(b.front()->blank);
  CHECK(cell(r, "apply.result.refused.law_prohibited", Applicant::natural_person) == Decimal(1));
  CHECK(cell(r, "apply.result.unavailable.not_held", Applicant::total) == Decimal(2));
  for (Applicant a : kCols) {
    auto s = table_facts(r, "apply.result.refused.state_secret", a);  // a row printed with every cell empty
    REQUIRE(s.size() == 1);
    CHECK(s.front()->blank);
  }
  CHECK(cell(r, "apply.carried_out", Applicant::total) == Decimal(0));
  CHECK(cell(r, "apply.result.total", Applicant::natural_person) == Decimal(26));
  for (const ogi::Finding& f : r.findings) CHECK(f.rule != "table.ambiguous");
  check_t4(r, {0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
}

TEST_CASE("layout table 二 with labels wrapped onto the next line") {
  Report r = parse_text(
      "二、主动公开政府信息情况\n第二十条 第（一）项\n信息内容          本年制发件数     本年废止件数   现行有效件数\n"
      "规章            1          0        11\n行政规范\n性文件       8          26       66\n"
      "第二十条 第（五）项\n信息内容          本年处理决定数量\n行政许可          447228\n"
      "第二十条 第（八）项\n信息内容          本年收费金额（单位：万元）\n行政事业          \u2212" "1.5\n性收费\n");
  CHECK(cell(r, "disclosure.normative.issued") == Decimal(8));
  CHECK(cell(r, "disclosure.normative.in_force") == Decimal(66));
  CHECK(cell(r, "disclosure.licensing.decisions") == Decimal(447228));
  auto fee = table_facts(r, "disclosure.fees.amount");
  REQUIRE(fee.size() == 1);
  CHECK(fee.front()->value.to_string() == "-1.5");  // U+2212 MINUS SIGN
}

TEST_CASE("OCR Markdown: per-row mini-tables, 数据1..6 headers, stubs, a bogus header row, label typos") {
  Report r = parse_fixture("markdown_minitables_2021.md");
  check_t2_2021(r);
  check_t3(r, standard_t3_2021());
  check_t4(r, kStandardT4);
}

TEST_CASE("scrambled PDF → Markdown: value rows without labels fill the gaps; a displaced number is put back") {
  Report r = parse_fixture("scrambled_markdown_2021.md");
  check_t2_2021(r);
  check_t3(r, standard_t3_2021());  // includes 结转下年度 总计 = 4, printed on a stray line
  check_t4(r, kStandardT4);
  auto f = table_facts(r, "apply.carried_out", Applicant::total);
  REQUIRE(f.size() == 1);
  CHECK(f.front()->span.of(r.text) == "4");
}

TEST_CASE("subtotal rows a report adds for a group (（三）不予公开 | 6 | …) are not template rows") {
  std::string text;
  REQUIRE(read(std::string(OGI_FIXTURES_DIR) + "/tables/pipe_rows_2021.txt", text));
  for (auto [before, row] : {std::pair{"（三）不予公开 |", "（三）不予公开 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |\n"},
                             std::pair{"（四）无法提供 |", "（四）无法提供 | 11 | 1 | 0 | 1 | 0 | 0 | 13 |\n"}}) {
    std::size_t at = text.find(before);
    REQUIRE(at != std::string::npos);
    text.insert(at, row);
  }
  Report r = parse_text(text);
  check_t3(r, standard_t3_2021());
}

TEST_CASE("derived subtotals of table 三 and litigation.total") {
  Report r = parse_fixture("pipe_rows_2021.txt");
  auto d = [&](std::string_view id) {
    auto fs = table_facts(r, id, Applicant::total, Origin::derived);
    if (fs.empty()) fs = table_facts(r, id, Applicant::none, Origin::derived);
    REQUIRE_MESSAGE(fs.size() == 1, id);
    return fs.front()->value;
  };
  CHECK(d("apply.result.refused") == Decimal(8));
  CHECK(d("apply.result.unavailable") == Decimal(13));
  CHECK(d("apply.result.not_processed") == Decimal(6));
  CHECK(d("apply.result.other") == Decimal(3));
  CHECK(d("litigation.total") == Decimal(2));
}

// ---------------------------------------------------------------------------
// 2019 format

TEST_CASE("one cell per line without delimiters, 2019 format (blank lines, split headers, 本年增/减, 采购)") {
  Report r = parse_fixture("cell_per_line_2019.txt");
  CHECK(cell(r, "disclosure.rules.new_made") == Decimal(1));
  CHECK(cell(r, "disclosure.normative.total_published") == Decimal(30));
  CHECK(cell(r, "disclosure.licensing.prev_items") == Decimal(10));
  CHECK(cell(r, "disclosure.licensing.change") == Decimal(-2));
  CHECK(cell(r, "disclosure.other_services.decisions") == Decimal(60));
  CHECK(cell(r, "disclosure.fees.change") == Decimal(-1));
  auto amount = table_facts(r, "disclosure.procurement.amount");
  REQUIRE(amount.size() == 1);
  CHECK(amount.front()->value == Decimal(125000));
  CHECK(amount.front()->unit == "元");
  auto mark = table_facts(r, "disclosure.coercion.decisions");
  REQUIRE(mark.size() == 1);
  CHECK(mark.front()->marker == "—");
  CHECK(mark.front()->value == Decimal(0));
  CHECK_FALSE(mark.front()->blank);
  // table 三 with the single （六）其他处理 row
  CHECK(cell(r, "apply.result.other", Applicant::total) == Decimal(3));
  CHECK(table_facts(r, "apply.result.other.misc", Applicant::total).empty());
  CHECK(cell(r, "apply.result.total", Applicant::natural_person) == Decimal(41));
  CHECK(cell(r, "apply.carried_out", Applicant::total) == Decimal(4));
  const ogi::Table* t3 = table_of(r, TableKind::apply);
  REQUIRE(t3);
  CHECK(t3->rows == 23);
  check_t4(r, kStandardT4);
}

TEST_CASE("HTML grid: rowspan/colspan, header colspans that differ from data colspans, &nbsp; cells") {
  Report r = parse_fixture("markup_2019.html");
  CHECK(cell(r, "disclosure.rules.new_published") == Decimal(1));
  CHECK(cell(r, "disclosure.licensing.change") == Decimal(-2));
  CHECK(cell(r, "disclosure.licensing.decisions") == Decimal(1200));
  auto slash = table_facts(r, "disclosure.coercion.decisions");
  REQUIRE(slash.size() == 1);
  CHECK(slash.front()->marker == "/");
  CHECK(cell(r, "disclosure.procurement.amount") == Decimal(125000));
  CHECK(cell(r, "apply.new", Applicant::legal_service) == Decimal(2));
  CHECK(cell(r, "apply.result.granted", Applicant::natural_person) == Decimal(12));
  // the 总计 cells of the outcome rows are blank: 0 with blank = true
  auto blank_total = table_facts(r, "apply.result.granted", Applicant::total);
  REQUIRE(blank_total.size() == 1);
  CHECK(blank_total.front()->blank);
  CHECK(blank_total.front()->value == Decimal(0));
  CHECK(cell(r, "apply.result.not_processed.confirm_existing", Applicant::legal_service) == Decimal(1));
  CHECK(cell(r, "apply.result.other", Applicant::natural_person) == Decimal(3));
  CHECK(cell(r, "apply.result.total", Applicant::total) == Decimal(46));
  // subtotals use the applicant columns when 总计 is blank
  auto refused = table_facts(r, "apply.result.refused", Applicant::total, Origin::derived);
  REQUIRE(refused.size() == 1);
  CHECK(refused.front()->value == Decimal(8));
  // table 四: blank cells, and litigation.total from the printed 总计 cells
  CHECK(cell(r, "review.total") == Decimal(4));
  CHECK(cell(r, "litigation.direct.total") == Decimal(1));
  auto after = table_facts(r, "litigation.after_review.total");
  REQUIRE(after.size() == 1);
  CHECK(after.front()->blank);
}

TEST_CASE("one HTML grid holding tables 二, 三 and 四 is split at their first rows") {
  std::string html;
  REQUIRE(read(std::string(OGI_FIXTURES_DIR) + "/tables/markup_2019.html", html));
  for (const char* cut : {"</tbody></table>\n<p>三、收到和处理政府信息公开申请情况</p>\n<table border=\"1\"><tbody>",
                          "</tbody></table>\n<p>四、政府信息公开行政复议、行政诉讼情况</p>\n<table border=\"1\"><tbody>"}) {
    std::size_t at = html.find(cut);
    REQUIRE(at != std::string::npos);
    html.erase(at, std::string_view(cut).size());
  }
  Report r = parse_text(html, ogi::Options::Kind::html);
  REQUIRE(table_of(r, TableKind::disclosure));
  REQUIRE(table_of(r, TableKind::apply));
  REQUIRE(table_of(r, TableKind::review_litigation));
  CHECK(table_of(r, TableKind::apply)->cells.size() == 161);
  CHECK(cell(r, "disclosure.licensing.decisions") == Decimal(1200));
  CHECK(cell(r, "apply.result.total", Applicant::total) == Decimal(46));
  CHECK(cell(r, "review.total") == Decimal(4));
}

TEST_CASE("a Markdown table outside the templates is kept as a table of kind other") {
  Report r = parse_text("一、总体情况\n本年度工作如下表。\n\n| 项目 | 数量 | 备注 |\n|---|---|---|\n| 主动公开信息 | 1200 | 条 |\n"
                        "| 受理申请 | 35 | 件 |\n\n二、其他\n",
                        ogi::Options::Kind::markdown);
  const ogi::Table* t = table_of(r, TableKind::other);
  REQUIRE(t);
  CHECK(t->rows == 3);
  CHECK(t->cols == 3);
  CHECK(t->header_rows == 1);
  REQUIRE(t->cells.size() == 9);
  CHECK(t->cells[4].text == "1200");
  CHECK(t->cells[4].span.of(r.text) == "1200");
  for (const Fact& f : r.facts) CHECK(f.origin != Origin::table);
}

TEST_CASE("dropped empty cells: only what every placement agrees on is kept, and the rest is flagged") {
  ogi::Options o;
  o.checks = false;
  auto res = ogi::parse_file(std::string(OGI_FIXTURES_DIR) + "/tables/dropped_cells_2019.txt", o);
  REQUIRE(res);
  const Report& r = *res;
  // "3 | 3": the 总计 is 3 (T3-ROW), the applicant column of the other 3 is unknown
  CHECK(cell(r, "apply.new", Applicant::total) == Decimal(3));
  CHECK(table_facts(r, "apply.new", Applicant::commercial).empty());
  CHECK(table_facts(r, "apply.new", Applicant::natural_person).empty());
  // "0 | 0": every placement gives 0 everywhere
  for (Applicant a : kCols) CHECK(cell(r, "apply.carried_in", a) == Decimal(0));
  // "2 | 1 | 3": 总计 3, two applicant cells unknown
  CHECK(cell(r, "apply.result.granted", Applicant::total) == Decimal(3));
  CHECK(table_facts(r, "apply.result.granted", Applicant::natural_person).empty());
  bool flagged = false;
  for (const ogi::Finding& f : r.findings)
    if (f.rule == "table.ambiguous" && f.severity == ogi::Severity::warning) {
      flagged = std::find(f.indicators.begin(), f.indicators.end(), "apply.new") != f.indicators.end();
      CHECK_FALSE(f.message.empty());
      CHECK_FALSE(f.message_en.empty());
    }
  CHECK(flagged);
}

TEST_CASE("tables announced by their headings but absent (published as images)") {
  Report r = parse_fixture("absent_2020.txt");
  int absent = 0;
  for (const ogi::Table& t : r.tables) {
    if (t.absent) {
      ++absent;
      CHECK(t.cells.empty());
    }
  }
  CHECK(absent == 3);
  REQUIRE(table_of(r, TableKind::apply));
  CHECK(table_of(r, TableKind::apply)->absent);
  for (const Fact& f : r.facts) CHECK(f.origin != Origin::table);
}

TEST_CASE("a sentence with numbers under a table heading stays prose") {
  Report r = parse_text(
      "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
      "全年发生政府信息公开行政复议2件，行政诉讼1件\n五、存在的主要问题及改进情况\n一是公开内容还不够全面。\n");
  for (const Fact& f : r.facts) CHECK(f.origin != Origin::table);
  int found = 0;
  for (const ogi::Quantity& q : r.quantities) found += (q.value == Decimal(2) || q.value == Decimal(1)) ? 1 : 0;
  CHECK(found == 2);
}

TEST_CASE("table lines are marked so that the prose stage skips them") {
  Report r = parse_fixture("pipe_rows_2021.txt");
  // no quantity comes from a table row; the prose line after the table still counts
  for (const ogi::Quantity& q : r.quantities) {
    std::string_view t = q.span.of(r.text);
    CHECK_MESSAGE(t.find('|') == std::string_view::npos, t);
  }
}

// ---------------------------------------------------------------------------
// cost

TEST_CASE("a table of 10^4 rows parses in linear time and bounded memory") {
  std::string text = "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n";
  text += "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n";
  for (int i = 0; i < 10000; ++i) text += "| " + std::to_string(i) + " | 0 | 0 | 0 | 0 | 0 | " + std::to_string(i) + " |\n";
  text += "四、政府信息公开行政复议、行政诉讼情况\n";
  for (int i = 0; i < 10000; ++i) text += "第" + std::to_string(i) + "项 | 说明文字 | 其他 |\n";
  Report r = parse_text(text);
  CHECK(cell(r, "apply.new", Applicant::total) == Decimal(1));
  // and a generic Markdown table of 10^4 rows outside any template
  std::string md = "| 项目 | 数量 |\n|---|---|\n";
  for (int i = 0; i < 10000; ++i) md += "| 项目" + std::to_string(i) + " | " + std::to_string(i) + " |\n";
  Report m = parse_text(md, ogi::Options::Kind::markdown);
  for (const Fact& f : m.facts) CHECK(f.origin != Origin::table);
}
