// The table fragments of ../shared/corpus/partial (real pages, flattened in
// every way seen in the wild). Each test states the cells a correct reading
// of the fragment gives, read off the fragment by hand; fragments end with
// "[... snippet ends here]", so rows past that point have no facts. The
// fragments are read from ../shared and the tests skip when it is absent.
#include <doctest/doctest.h>

#include <filesystem>
#include <algorithm>
#include <string>

#include "tables_support.hpp"

using namespace tables_test;
using ogi::Decimal;
using ogi::TableKind;

namespace {

// The fragment's report text: line 1 (where it was published) and the
// researcher's "#" comment lines are not part of the page.
std::optional<Report> fragment(const char* name) {
  std::string path = std::string(OGI_SHARED_DIR) + "/corpus/partial/" + name;
  std::string raw;
  if (!read(path, raw)) {
    MESSAGE("skipped: " << path << " is not available");
    return std::nullopt;
  }
  std::string text;
  std::size_t pos = 0;
  bool first = true;
  while (pos < raw.size()) {
    std::size_t nl = raw.find('\n', pos);
    std::string_view line(raw.data() + pos, (nl == std::string::npos ? raw.size() : nl) - pos);
    pos = nl == std::string::npos ? raw.size() : nl + 1;
    if (first) {
      first = false;
      continue;
    }
    if (!line.empty() && line[0] == '#') continue;
    text.append(line);
    text.push_back('\n');
  }
  return parse_text(text);
}

void row(const Report& r, std::string_view id, std::array<int, 7> want) {
  for (std::size_t c = 0; c < 7; ++c) {
    INFO(id, " column ", c);
    auto v = cell(r, id, kCols[c]);
    REQUIRE(v);
    CHECK(*v == Decimal(want[c]));
  }
}

bool blank(const Report& r, std::string_view id, Applicant a = Applicant::none) {
  auto fs = table_facts(r, id, a);
  return fs.size() == 1 && fs.front()->blank && fs.front()->value == Decimal(0);
}

bool any_table_fact(const Report& r, std::string_view prefix) {
  for (const Fact& f : r.facts)
    if (f.origin == Origin::table && f.indicator.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

bool flagged(const Report& r, std::string_view rule, std::string_view id) {
  for (const ogi::Finding& f : r.findings)
    if (f.rule == rule && std::find(f.indicators.begin(), f.indicators.end(), id) != f.indicators.end()) return true;
  return false;
}

}  // namespace

TEST_CASE("partial: 二道 2022 — bare '|' lines are blank cells, label typos") {
  auto r = fragment("changchun_erdao_2022_blank_cells_typos.txt");
  if (!r) return;
  for (auto id : {"disclosure.rules.issued", "disclosure.rules.repealed", "disclosure.rules.in_force",
                  "disclosure.normative.issued", "disclosure.normative.repealed", "disclosure.normative.in_force"})
    CHECK_MESSAGE(cell(*r, id) == Decimal(0), id);
  row(*r, "apply.new", {56, 0, 0, 0, 0, 0, 56});
  CHECK(blank(*r, "apply.new", Applicant::commercial));
  CHECK_FALSE(blank(*r, "apply.new", Applicant::total));
  row(*r, "apply.carried_in", {0, 0, 0, 0, 0, 0, 0});
  row(*r, "apply.result.granted", {18, 0, 0, 0, 0, 0, 0});
  CHECK(blank(*r, "apply.result.granted", Applicant::total));  // 总计 left blank although 自然人 = 18
  row(*r, "apply.result.partial", {0, 0, 0, 0, 0, 0, 0});      // "只计这一情况" typo, every cell blank
  CHECK(blank(*r, "apply.result.partial", Applicant::natural_person));
  CHECK(table_facts(*r, "apply.result.refused.state_secret", Applicant::total).empty());  // cut by the snippet
}

TEST_CASE("partial: 汉阳 2022 — one cell per line ending ' |', '|' row boundaries") {
  auto r = fragment("hanyang_2022_cell_per_line_pipes.txt");
  if (!r) return;
  CHECK(cell(*r, "disclosure.rules.issued") == Decimal(0));
  CHECK(cell(*r, "disclosure.rules.repealed") == Decimal(0));
  CHECK(blank(*r, "disclosure.rules.in_force"));  // third cell empty
  CHECK(cell(*r, "disclosure.normative.issued") == Decimal(5));
  CHECK(cell(*r, "disclosure.normative.repealed") == Decimal(12));
  CHECK(cell(*r, "disclosure.normative.in_force") == Decimal(8));  // "现行有效件数 (历史累计)"
  CHECK(cell(*r, "disclosure.licensing.decisions") == Decimal(0));
  row(*r, "apply.new", {8, 0, 0, 0, 0, 0, 8});
  row(*r, "apply.carried_in", {0, 0, 0, 0, 0, 0, 0});
  // the prose paragraph inside section 三 is not a table row
  CHECK(table_facts(*r, "apply.result.granted", Applicant::total).empty());
}

TEST_CASE("partial: 中村乡 2020 — one cell per line, blank lines, split headers, 2019 format") {
  auto r = fragment("huichang_zhongcun_2020_cell_per_line.txt");
  if (!r) return;
  CHECK(cell(*r, "disclosure.rules.new_made") == Decimal(0));
  CHECK(cell(*r, "disclosure.rules.total_published") == Decimal(0));
  CHECK(cell(*r, "disclosure.normative.new_made") == Decimal(5));
  CHECK(cell(*r, "disclosure.normative.new_published") == Decimal(5));
  CHECK(cell(*r, "disclosure.normative.total_published") == Decimal(5));
  for (auto id : {"disclosure.licensing.prev_items", "disclosure.licensing.change", "disclosure.licensing.decisions",
                  "disclosure.other_services.prev_items", "disclosure.other_services.change",
                  "disclosure.other_services.decisions", "disclosure.penalty.decisions", "disclosure.coercion.decisions",
                  "disclosure.fees.prev_items", "disclosure.fees.change"})
    CHECK_MESSAGE(cell(*r, id) == Decimal(0), id);
  CHECK(cell(*r, "disclosure.procurement.projects") == Decimal(1));
  auto amount = table_facts(*r, "disclosure.procurement.amount");
  REQUIRE(amount.size() == 1);
  CHECK(amount.front()->value == Decimal(8040));
  CHECK(amount.front()->unit.empty());  // the template prints no unit and neither does the cell
  REQUIRE(table_of(*r, TableKind::disclosure));
  CHECK(table_of(*r, TableKind::disclosure)->rows == 8);  // the 2019 rows
}

TEST_CASE("partial: 九原区 2022 — ' | ' rows, padding pipes, group label on the first row of a group") {
  auto r = fragment("jiuyuanqu_2022_pipe_rows.txt");
  if (!r) return;
  for (auto id : {"disclosure.rules.issued", "disclosure.normative.in_force", "disclosure.licensing.decisions",
                  "disclosure.penalty.decisions", "disclosure.coercion.decisions", "disclosure.fees.amount"})
    CHECK_MESSAGE(cell(*r, id) == Decimal(0), id);
  row(*r, "apply.new", {1, 0, 0, 0, 0, 0, 1});
  row(*r, "apply.carried_in", {0, 0, 0, 0, 0, 0, 0});
  row(*r, "apply.result.granted", {0, 0, 0, 0, 0, 0, 0});
  row(*r, "apply.result.partial", {0, 0, 0, 0, 0, 0, 0});
  row(*r, "apply.result.refused.state_secret", {0, 0, 0, 0, 0, 0, 0});
  row(*r, "apply.result.refused.law_prohibited", {0, 0, 0, 0, 0, 0, 0});
  row(*r, "apply.result.refused.security_stability", {0, 0, 0, 0, 0, 0, 0});
  // "4.保护第三方合法权益 | 1 |" is cut by the snippet: its column cannot be known
  CHECK(table_facts(*r, "apply.result.refused.third_party", Applicant::natural_person).empty());
  CHECK(flagged(*r, "table.ambiguous", "apply.result.refused.third_party"));
}

TEST_CASE("partial: table 四 collapsed to one 15-value row (KGC fixture)") {
  auto r = fragment("kirogov_fixture_flattened_table4_suqian_2025.txt");
  if (!r) return;
  check_t4(*r, {119, 25, 91, 24, 259, 7, 0, 15, 6, 28, 21, 1, 7, 9, 38});
  auto lt = table_facts(*r, "litigation.total", Applicant::none, Origin::derived);
  REQUIRE(lt.size() == 1);
  CHECK(lt.front()->value == Decimal(66));
}

TEST_CASE("partial: legacy local forms and the town's reuse of the national rows have no statistics") {
  for (const char* name : {"legacy_local_annex_putian_2009.txt", "legacy_local_form_dingxi.txt",
                           "legacy_national_rows_town_adaptation_qianlima.txt"}) {
    auto r = fragment(name);
    if (!r) return;
    INFO(name);
    // empty forms; 定西's third column is the row code (01…35), not a count
    for (const Fact& f : r->facts) CHECK_MESSAGE(f.origin != Origin::table, f.indicator);
    CHECK(table_of(*r, TableKind::legacy_stats));
  }
}

TEST_CASE("partial: 龙岗 2024 — ' | ' rows with spaced header cells") {
  auto r = fragment("lg_gov_2024_pipe_rows.txt");
  if (!r) return;
  CHECK(cell(*r, "disclosure.rules.issued") == Decimal(0));
  CHECK(cell(*r, "disclosure.normative.issued") == Decimal(5));
  CHECK(cell(*r, "disclosure.normative.repealed") == Decimal(1));
  CHECK(cell(*r, "disclosure.normative.in_force") == Decimal(25));
  CHECK(cell(*r, "disclosure.fees.amount") == Decimal(0));
  row(*r, "apply.new", {58, 7, 0, 0, 1, 0, 66});
  row(*r, "apply.carried_in", {2, 0, 0, 0, 0, 0, 2});
  row(*r, "apply.result.granted", {2, 1, 0, 0, 0, 0, 3});
  row(*r, "apply.result.partial", {16, 1, 0, 0, 0, 0, 17});
  row(*r, "apply.result.refused.state_secret", {0, 0, 0, 0, 0, 0, 0});
  row(*r, "apply.result.refused.internal_affairs", {1, 0, 0, 0, 0, 0, 1});
  row(*r, "apply.result.refused.process_info", {0, 0, 0, 0, 0, 0, 0});
  // "7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 |" lost a cell to the snippet; every placement gives 0
  row(*r, "apply.result.refused.enforcement_file", {0, 0, 0, 0, 0, 0, 0});
  CHECK(table_facts(*r, "apply.result.refused.query_matter", Applicant::total).empty());
}

TEST_CASE("partial: mirror artefacts and section 六 sub-items hold no table") {
  for (const char* name : {"mirror_artifacts_traditional_pinyin_seo.txt", "section6_four_subitems_flbook_2023.txt"}) {
    auto r = fragment(name);
    if (!r) return;
    INFO(name);
    for (const Fact& f : r->facts) CHECK(f.origin != Origin::table);
  }
}

TEST_CASE("partial: PDF flip-book table 四 with vertical and two-character header fragments") {
  for (const char* name : {"pdf_flipbook_2020_shenji_table4.txt", "pdf_flipbook_2022_wendeng_xinfang_table4.txt"}) {
    auto r = fragment(name);
    if (!r) return;
    INFO(name);
    check_t4(*r, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  }
  auto r = fragment("pdf_flipbook_2020_shenji_table4.txt");
  if (!r) return;
  row(*r, "apply.carried_out", {0, 0, 0, 0, 0, 0, 0});  // the last row of table 三, before the page break
}

TEST_CASE("partial: 螅镇 2022 and the blank 2021 template — labels only, no values") {
  auto r = fragment("sxjiaxian_xizhen_2022_uses_2019_template.txt");
  if (!r) return;
  const ogi::Table* t2 = table_of(*r, TableKind::disclosure);
  REQUIRE(t2);
  CHECK_FALSE(t2->absent);
  CHECK(t2->rows == 8);  // recognised as the 2019 table from its headers
  for (const Fact& f : r->facts) CHECK(f.origin != Origin::table);
  auto t = fragment("template_2021_flattened_275167.txt");
  if (!t) return;
  REQUIRE(table_of(*t, TableKind::disclosure));
  CHECK(table_of(*t, TableKind::disclosure)->rows == 6);  // the 2021 rows
  for (const Fact& f : t->facts) CHECK(f.origin != Origin::table);
}

TEST_CASE("partial: 武汉生态 2020 — Traditional, annotated labels, 檔案 for 文件, a '-' marker, an extra local row") {
  auto r = fragment("wuhan_ecology_2020_traditional_annotated.txt");
  if (!r) return;
  CHECK(cell(*r, "disclosure.rules.new_made") == Decimal(0));
  CHECK(cell(*r, "disclosure.normative.new_made") == Decimal(2));
  CHECK(cell(*r, "disclosure.normative.new_published") == Decimal(2));
  CHECK(cell(*r, "disclosure.normative.total_published") == Decimal(19));  // not the 其他主動公開檔案 row (255)
  CHECK(cell(*r, "disclosure.licensing.prev_items") == Decimal(8));
  CHECK(cell(*r, "disclosure.licensing.change") == Decimal(5));
  CHECK(cell(*r, "disclosure.licensing.decisions") == Decimal(93));
  CHECK(cell(*r, "disclosure.other_services.prev_items") == Decimal(117));
  CHECK(cell(*r, "disclosure.other_services.decisions") == Decimal(165));
  CHECK(cell(*r, "disclosure.penalty.prev_items") == Decimal(90));
  CHECK(cell(*r, "disclosure.penalty.decisions") == Decimal(22));
  CHECK(cell(*r, "disclosure.coercion.change") == Decimal(4));
  auto m = table_facts(*r, "disclosure.coercion.decisions");
  REQUIRE(m.size() == 1);
  CHECK(m.front()->marker == "-");
  CHECK(table_facts(*r, "disclosure.fees.prev_items").empty());  // the row has no values at all
  for (const Fact& f : r->facts) CHECK(f.value != Decimal(186));
}

TEST_CASE("partial: 雄县 2019 — labels without values must not pull later numbers into empty slots") {
  auto r = fragment("xiongxian_2019_template_without_values.txt");
  if (!r) return;
  CHECK(table_facts(*r, "disclosure.normative.new_made").empty());
  CHECK_FALSE(any_table_fact(*r, "apply."));
  CHECK_FALSE(any_table_fact(*r, "review."));
  // the one printed 0 belongs to 规章; whatever is read there is 0
  for (const Fact& f : r->facts)
    if (f.origin == Origin::table) CHECK(f.value == Decimal(0));
  REQUIRE(table_of(*r, TableKind::apply));
  CHECK(table_of(*r, TableKind::apply)->rows == 23);
}

TEST_CASE("partial: 南湖 2019 — dropped empty cells are re-aligned by T3-ROW or flagged") {
  auto r = fragment("yynanhu_2019_dropped_empty_cells.txt");
  if (!r) return;
  for (auto id : {"disclosure.rules.new_made", "disclosure.rules.total_published", "disclosure.normative.new_made",
                  "disclosure.procurement.projects", "disclosure.procurement.amount"})
    CHECK_MESSAGE(cell(*r, id) == Decimal(0), id);
  // "3 | 3": 总计 = 3; the naive fill (3 in 商业企业) must not happen
  CHECK(cell(*r, "apply.new", Applicant::total) == Decimal(3));
  CHECK(table_facts(*r, "apply.new", Applicant::commercial).empty());
  CHECK(flagged(*r, "table.ambiguous", "apply.new"));
  row(*r, "apply.carried_in", {0, 0, 0, 0, 0, 0, 0});
  CHECK(cell(*r, "apply.result.granted", Applicant::total) == Decimal(3));
  row(*r, "apply.result.partial", {0, 0, 0, 0, 0, 0, 0});
}
