// lib/layout: HTML -> plain text and markup tables (gumbo), page furniture
// of paginated text, and the offset maps back to the source. Snippets are
// written here with made-up figures; corpus tests skip without ../shared.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "doc.hpp"
#include "layout/layout.hpp"

using namespace ogi;
using namespace ogi::detail;

namespace {

bool html_supported() {
  auto r = html_layout("<p>x</p>");
  if (!r && r.error().code == ErrorCode::unsupported) {
    MESSAGE("SKIPPED: ogi was built without gumbo");
    return false;
  }
  return true;
}

HtmlLayout html(std::string_view s) {
  auto r = html_layout(s);
  REQUIRE(r);
  return std::move(*r);
}

std::vector<std::string> lines_of(std::string_view s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    if (nl > pos) out.emplace_back(s.substr(pos, nl - pos));
    if (nl == s.size()) break;
    pos = nl + 1;
  }
  return out;
}

// The source bytes behind the first occurrence of `what` in plain.
std::string source_of(const HtmlLayout& h, std::string_view src, std::string_view what) {
  const std::size_t at = h.plain.find(what);
  REQUIRE(at != std::string::npos);
  return std::string(h.map.to_orig(Span{at, at + what.size()}).of(src));
}

const Cell* cell_at(const Table& t, int row, int col) {
  for (const Cell& c : t.cells)
    if (c.row == row && c.col == col) return &c;
  return nullptr;
}

// Every grid position is covered by at most one cell, inside the table.
void check_grid(const Table& t) {
  std::set<std::pair<int, int>> seen;
  for (const Cell& c : t.cells) {
    CHECK(c.row >= 0);
    CHECK(c.col >= 0);
    CHECK(c.row + c.rowspan <= t.rows);
    CHECK(c.col + c.colspan <= t.cols);
    for (int r = c.row; r < c.row + c.rowspan; ++r)
      for (int k = c.col; k < c.col + c.colspan; ++k) CHECK(seen.insert({r, k}).second);
  }
}

// Every segment of a map that claims a one-to-one copy really is one (a
// collapsed whitespace byte may stand for another whitespace byte).
void check_linear_segments(std::string_view plain, const OffsetMap& m, std::string_view src) {
  std::size_t bad = 0, next = 0;
  for (const auto& g : m.segments()) {
    CHECK(g.to_begin == next);  // derived side is contiguous
    next = g.to_begin + g.to_len;
    if (g.to_len != g.from_len) continue;
    for (std::size_t k = 0; k < g.to_len; ++k) {
      const char a = plain[g.to_begin + k], b = src[g.from_begin + k];
      const bool ws = (a == ' ' || a == '\n') && (b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f');
      if (a != b && !ws) ++bad;
    }
  }
  CHECK(next == plain.size());
  CHECK(bad == 0);
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

// ---------------------------------------------------------------- furniture

TEST_CASE("page-number lines: the printed forms") {
  using K = PageNumberLine;
  struct Case {
    const char* line;
    K::Kind kind;
    long value;
  };
  const Case cases[] = {
      {"                 -1-", K::strong, 1},
      {"- 2 -", K::strong, 2},
      {"—3—", K::strong, 3},
      {"－ 12 －", K::strong, 12},
      {"第 3 页", K::strong, 3},
      {"第3页 共6页", K::strong, 3},
      {"第3页/共6页", K::strong, 3},
      {"共6页 第4页", K::strong, 4},
      {"Page 9 - 2020年报_审计局", K::strong, 9},
      {"page 4 of 12", K::strong, 4},
      {"P. 9", K::strong, 9},
      {"P.10", K::strong, 10},
      {"3/6", K::strong, 3},
      {"3 / 6", K::strong, 3},
      {"  7  ", K::bare, 7},
      {"１５", K::bare, 15},
      {"-4", K::none, -1},            // a negative value (本年增/减)
      {"7/3", K::none, -1},           // not "page of pages"
      {"第3章", K::none, -1},
      {"共收到申请 3 件", K::none, -1},
      {"2024年1月17日", K::none, -1},
      {"行政许可                      550", K::none, -1},
      {"", K::none, -1},
      {"Pages", K::none, -1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    const PageNumberLine r = classify_page_number(c.line);
    CHECK(r.kind == c.kind);
    if (c.kind != K::none) CHECK(r.value == c.value);
  }
}

TEST_CASE("furniture: text without form feeds is unchanged") {
  const std::string t = "一、总体情况\n  1\n共收到申请 3 件。\n- 2 -\n";
  const Derived d = strip_page_furniture(t);
  CHECK(d.text == t);
  CHECK(d.map.to_orig(5) == 5);
}

TEST_CASE("furniture: page numbers and running headers/footers of pdftotext pages") {
  std::string t;
  for (int p = 1; p <= 4; ++p) {
    t += "        青石市人民政府办公室文件\n\n";  // running header (page 1 too)
    t += "    正文第" + std::to_string(p) + "页，共收到申请 " + std::to_string(7 * p) + " 件。\n";
    t += "规章               0          " + std::to_string(p) + "       0\n";
    t += "\n        青石市2099年政府信息公开工作年度报告 第 " + std::to_string(p) + " 页\n";  // footer with number
    t += "                      - " + std::to_string(p) + " -\n\f";
  }
  const Derived d = strip_page_furniture(t);
  CHECK(d.text.find("- 1 -") == std::string::npos);
  CHECK(d.text.find("- 4 -") == std::string::npos);
  CHECK(d.text.find("年度报告 第") == std::string::npos);  // footer gone on every page
  // the header is kept on the first page (the title area), gone elsewhere
  CHECK(std::count(d.text.begin(), d.text.end(), '\n') == std::count(t.begin(), t.end(), '\n') + 4);
  std::size_t headers = 0;
  for (std::size_t at = 0; (at = d.text.find("青石市人民政府办公室文件", at)) != std::string::npos; ++at) ++headers;
  CHECK(headers == 1);
  for (int p = 1; p <= 4; ++p) {
    const std::string body = "共收到申请 " + std::to_string(7 * p) + " 件。";
    const std::size_t at = d.text.find(body);
    REQUIRE(at != std::string::npos);
    CHECK(d.map.to_orig(Span{at, at + body.size()}).of(t) == body);
  }
  // table rows that end a page are not furniture
  CHECK(d.text.find("规章               0          4       0") != std::string::npos);
  CHECK(d.text.find('\f') == std::string::npos);
}

TEST_CASE("furniture: bare numbers go only when they follow the pages") {
  SUBCASE("a sequence: removed") {
    std::string t;
    const char* words[] = {"甲", "乙", "丙"};
    for (int p = 0; p < 3; ++p) t += std::string("正文") + words[p] + "\n\n          " + std::to_string(p + 3) + "\n\f";
    const Derived d = strip_page_furniture(t);
    CHECK(d.text == "正文甲\n\n\n\n正文乙\n\n\n\n正文丙\n\n\n\n");
  }
  SUBCASE("no sequence: kept (table values)") {
    const std::string t = "行政许可\n0\n\f行政处罚\n5\n\f行政强制\n0\n\f";
    const Derived d = strip_page_furniture(t);
    CHECK(d.text == "行政许可\n0\n\n行政处罚\n5\n\n行政强制\n0\n\n");
  }
  SUBCASE("a table row repeated at the top of pages is not a header") {
    const std::string t = "0    0    0\n甲\n\f0    0    0\n乙\n\f0    0    0\n丙\n\f";
    const Derived d = strip_page_furniture(t);
    CHECK(std::count(d.text.begin(), d.text.end(), '0') == 9);
  }
}

// ---------------------------------------------------------------- HTML text

TEST_CASE("HTML: blocks are lines, inline spans join, the title comes first") {
  if (!html_supported()) return;
  const std::string src =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>青石市2099年政府信息公开工作年度报告</title>"
      "<style>p { color: red }</style><script>var x = '申请人情况 99';</script></head><body>"
      "<p><span>申请人情</span><span>况</span></p><div>一、总体<b>情况</b></div>"
      "<p>第一段<br>第二行</p><ul><li>甲</li><li>乙</li></ul>"
      "<noscript>请启用脚本</noscript><template><p>模板</p></template></body></html>";
  const HtmlLayout h = html(src);
  const auto lines = lines_of(h.plain);
  REQUIRE(lines.size() == 7);
  CHECK(lines[0] == "青石市2099年政府信息公开工作年度报告");
  CHECK(lines[1] == "申请人情况");
  CHECK(lines[2] == "一、总体情况");
  CHECK(lines[3] == "第一段");
  CHECK(lines[4] == "第二行");
  CHECK(lines[5] == "甲");
  CHECK(lines[6] == "乙");
  CHECK(h.plain.find("申请人情况 99") == std::string::npos);
  CHECK(h.plain.find("color") == std::string::npos);
  CHECK(h.plain.find("请启用脚本") == std::string::npos);
  CHECK(h.plain.find("模板") == std::string::npos);
  // split label maps back over both spans
  CHECK(source_of(h, src, "申请人情况") == "申请人情</span><span>况");
  check_linear_segments(h.plain, h.map, src);
}

TEST_CASE("HTML: page chrome and hidden elements are skipped") {
  if (!html_supported()) return;
  const std::string src =
      "<body><header>首页 走进青石</header><nav>政府信息公开</nav>"
      "<article><header><h1>报告标题</h1></header><p>正文</p>"
      "<p style=\"DISPLAY : None;\">隐藏一</p><div hidden>隐藏二</div>"
      "<span style=\"visibility:hidden\">隐藏三</span>"
      "<form><input value=\"请输入关键词\"><select><option>选项</option></select><button>搜索</button>"
      "<label>表单说明</label></form><iframe src=\"x\">框架</iframe></article>"
      "<aside>侧栏</aside><footer>版权所有</footer></body>";
  const HtmlLayout h = html(src);
  CHECK(lines_of(h.plain) == std::vector<std::string>{"报告标题", "正文", "表单说明"});
}

TEST_CASE("HTML: whitespace collapses; a line break between CJK characters is no space") {
  if (!html_supported()) return;
  const HtmlLayout h = html("<p>  申请\n    人情况   </p><p>open\n  government\t report</p><p>共 3 件</p>"
                            "<pre>  a  b\n c</pre>");
  CHECK(lines_of(h.plain) == std::vector<std::string>{"申请人情况", "open government report", "共 3 件", "  a  b",
                                                      " c"});
}

TEST_CASE("HTML: character references decode and map back to their bytes") {
  if (!html_supported()) return;
  const std::string src = "<p>收到&#30003;请&nbsp;17&nbsp;件，A&amp;B&lt;C&gt; &copy;2099 &foo; R&amp;D</p>";
  const HtmlLayout h = html(src);
  CHECK(h.plain == "收到申请\u00A017\u00A0件，A&B<C> ©2099 &foo; R&D\n");
  CHECK(source_of(h, src, "申") == "&#30003;");
  CHECK(source_of(h, src, "17") == "17");
  CHECK(source_of(h, src, "\u00A017\u00A0") == "&nbsp;17&nbsp;");
  CHECK(source_of(h, src, "A&B") == "A&amp;B");
  CHECK(source_of(h, src, "2099") == "2099");
  CHECK(source_of(h, src, "&foo;") == "&foo;");
  CHECK(source_of(h, src, "R&D") == "R&amp;D");
  check_linear_segments(h.plain, h.map, src);

  // a legacy reference without ';' right before another reference
  const std::string legacy = "<p>&copy2099&nbsp;&lt3</p>";
  const HtmlLayout l = html(legacy);
  CHECK(l.plain == "©2099\u00A0<3\n");
  CHECK(source_of(l, legacy, "2099") == "2099");
  CHECK(source_of(l, legacy, "\u00A0") == "&nbsp;");
  check_linear_segments(l.plain, l.map, legacy);
}

TEST_CASE("HTML: a heading set in 黑体/楷体 gets its own line before body text") {
  if (!html_supported()) return;
  const HtmlLayout h = html(
      "<p><span><font face=\"方正楷体_GBK\">（一）存在的主要问题。</font></span>"
      "<span><font face=\"方正仿宋_GBK\">人员不足。</font></span></p>"
      "<p><font face=\"方正黑体_GBK\">五、存在的主要问题及</font><font face=\"方正黑体_GBK\">改进情况</font></p>"
      "<p><span style=\"font-family: 楷体\">全年共收到申请</span><span>17件。</span></p>");
  CHECK(lines_of(h.plain) == std::vector<std::string>{"（一）存在的主要问题。", "人员不足。",
                                                      "五、存在的主要问题及改进情况", "全年共收到申请17件。"});
}

// ---------------------------------------------------------------- HTML tables

TEST_CASE("HTML tables: rowspan/colspan resolved, rows as ' | ' lines, cell spans exact") {
  if (!html_supported()) return;
  const std::string src =
      "<p>三、收到和处理政府信息公开申请情况</p>"
      "<table><caption>表三</caption>"
      "<tr><td rowspan=\"2\" colspan=\"2\">（本列数据的勾稽关系）</td><td colspan=\"3\">申请人情况</td></tr>"
      "<tr><td>自然<span>人</span></td><td><p>商业</p><p>企业</p></td><td>总计</td></tr>"
      "<tr><td rowspan=\"2\">三、本年度办理结果</td><td>（一）予以公开</td><td>12</td><td>&nbsp;</td><td>12</td></tr>"
      "<tr><td>（二）部分公开</td><td>3</td><td>1</td><td>4</td></tr>"
      "</table><p>四、结转</p>";
  const HtmlLayout h = html(src);
  const auto lines = lines_of(h.plain);
  REQUIRE(lines.size() == 7);
  CHECK(lines[0] == "三、收到和处理政府信息公开申请情况");
  CHECK(lines[1] == "表三");
  CHECK(lines[2] == "（本列数据的勾稽关系） | 申请人情况");
  CHECK(lines[3] == "自然人 | 商业 企业 | 总计");
  CHECK(lines[4] == "三、本年度办理结果 | （一）予以公开 | 12 | \u00A0 | 12");
  CHECK(lines[5] == "（二）部分公开 | 3 | 1 | 4");
  CHECK(lines[6] == "四、结转");

  REQUIRE(h.tables.size() == 1);
  const Table& t = h.tables[0].grid;
  CHECK(t.caption == "表三");
  CHECK(t.rows == 4);
  CHECK(t.cols == 5);
  CHECK(t.header_rows == 2);
  check_grid(t);
  const Cell* corner = cell_at(t, 0, 0);
  REQUIRE(corner);
  CHECK(corner->rowspan == 2);
  CHECK(corner->colspan == 2);
  REQUIRE(cell_at(t, 0, 2));
  CHECK(cell_at(t, 0, 2)->colspan == 3);
  REQUIRE(cell_at(t, 1, 2));
  CHECK(cell_at(t, 1, 2)->text == "自然人");  // placed after the corner's rowspan
  REQUIRE(cell_at(t, 1, 3));
  CHECK(cell_at(t, 1, 3)->text == "商业 企业");
  REQUIRE(cell_at(t, 2, 0));
  CHECK(cell_at(t, 2, 0)->rowspan == 2);
  REQUIRE(cell_at(t, 3, 1));
  CHECK(cell_at(t, 3, 1)->text == "（二）部分公开");  // the group label's rowspan pushes it right
  REQUIRE(cell_at(t, 3, 4));
  CHECK(cell_at(t, 3, 4)->text == "4");
  const Cell* blank = cell_at(t, 2, 3);
  REQUIRE(blank);
  CHECK(blank->text.empty());
  CHECK(blank->span.empty());
  // spans point at the cell text in plain, and through the map at the source
  for (const Cell& c : t.cells) {
    CAPTURE(c.text);
    CHECK(c.span.of(h.plain) == c.text);
  }
  CHECK(h.map.to_orig(cell_at(t, 2, 2)->span).of(src) == "12");
  CHECK(h.map.to_orig(cell_at(t, 1, 2)->span).of(src) == "自然<span>人");
  CHECK(h.tables[0].span.of(h.plain).substr(0, 6) == "表三");  // the caption belongs to the table
  CHECK(h.tables[0].span == t.span);
  CHECK(h.tables[0].anchor_line == -1);
}

TEST_CASE("HTML tables: nested tables; a layout table's cells stay blocks") {
  if (!html_supported()) return;
  const std::string src =
      "<table><tr><td><p>导航</p></td><td><p>正文一</p><p>正文二</p>"
      "<table><tr><td>规章</td><td>1</td></tr><tr><td>规范性文件</td><td>2</td></tr></table>"
      "<p>正文三</p></td></tr></table>";
  const HtmlLayout h = html(src);
  CHECK(lines_of(h.plain) ==
        std::vector<std::string>{"导航", "正文一", "正文二", "规章 | 1", "规范性文件 | 2", "正文三"});
  REQUIRE(h.tables.size() == 2);  // in document order: outer, inner
  const Table& outer = h.tables[0].grid;
  const Table& inner = h.tables[1].grid;
  CHECK(outer.rows == 1);
  CHECK(outer.cols == 2);
  CHECK(inner.rows == 2);
  CHECK(inner.cols == 2);
  CHECK(inner.header_rows == 0);
  REQUIRE(cell_at(outer, 0, 1));
  CHECK(cell_at(outer, 0, 1)->span.contains(inner.span));
  check_grid(outer);
  check_grid(inner);
}

TEST_CASE("HTML tables: a one-cell box around the article is not a grid row") {
  if (!html_supported()) return;
  std::string src = "<table><tr><td>";
  for (int i = 0; i < 12; ++i) src += "<p>第" + std::to_string(i) + "段</p>";
  src += "</td></tr></table>";
  const HtmlLayout h = html(src);
  CHECK(lines_of(h.plain).size() == 12);
  REQUIRE(h.tables.size() == 1);
  CHECK(h.tables[0].grid.cells.size() == 1);
}

// ---------------------------------------------------------------- limits

TEST_CASE("HTML limits: ordinary pages are untouched, deep nesting is bounded") {
  if (!html_supported()) return;
  CHECK(html_blank_ranges("<html><body><div><p>a<b>b</b></p><table><tr><td>1</td></tr></table></div>").empty());
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "<div>";
  deep += "x";
  const auto blanks = html_blank_ranges(deep);
  HtmlLimits lim;
  CHECK(blanks.size() == 1000 - lim.max_depth);
  for (const Span& s : blanks) CHECK(s.of(deep) == "<div>");
}

TEST_CASE("HTML limits: 10^5 nested tags, a 10^4-row table, a 10 MB line") {
  if (!html_supported()) return;
  SUBCASE("10^5 nested divs") {
    std::string s = "<html><body>";
    for (int i = 0; i < 100000; ++i) s += "<div>";
    s += "最深处 42";
    for (int i = 0; i < 100000; ++i) s += "</div>";
    const HtmlLayout h = html(s);
    CHECK(h.plain == "最深处 42\n");
    CHECK(source_of(h, s, "42") == "42");
    CHECK(h.map.segments().size() < 10);
  }
  SUBCASE("10^5 unclosed spans and formatting tags") {
    std::string s;
    for (int i = 0; i < 50000; ++i) s += "<b id=" + std::to_string(i) + "><span>";
    for (int i = 0; i < 20000; ++i) s += "<p>" + std::to_string(i) + "</p>";
    const HtmlLayout h = html(s);
    // past the limits the structure is flattened, the text is all there
    CHECK(h.plain.find("19999") != std::string::npos);
  }
  SUBCASE("10^5 nested tables") {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "<table><tr><td>";
    s += "x";
    const HtmlLayout h = html(s);
    CHECK(h.plain == "x\n");
    CHECK(h.tables.size() < 1000);
  }
  SUBCASE("a table of 10^4 rows with rowspans") {
    std::string s = "<table>";
    for (int i = 0; i < 10000; ++i)
      s += "<tr><td>" + std::to_string(i) + "</td>" + (i % 2 == 0 ? "<td rowspan=2>r</td>" : "") + "<td>z</td></tr>";
    s += "</table>";
    const HtmlLayout h = html(s);
    REQUIRE(h.tables.size() == 1);
    const Table& t = h.tables[0].grid;
    CHECK(t.rows == 10000);
    CHECK(t.cols == 3);
    CHECK(t.cells.size() == 25000);
    REQUIRE(cell_at(t, 9999, 2));
    CHECK(cell_at(t, 9999, 2)->text == "z");  // pushed right by the rowspan above
  }
  SUBCASE("a 10 MB line") {
    std::string s = "<p>";
    while (s.size() < 10'000'000) s += "政府信息公开 2099 件 ";
    s += "</p>";
    const HtmlLayout h = html(s);
    CHECK(h.plain.size() > 9'000'000);
    CHECK(std::count(h.plain.begin(), h.plain.end(), '\n') == 1);
  }
  SUBCASE("10^5 attributes") {
    std::string s = "<p";
    for (int i = 0; i < 100000; ++i) s += " a" + std::to_string(i) + "=1";
    s += ">正文</p>";
    const HtmlLayout h = html(s);
    CHECK(h.plain == "正文\n");
  }
}

// ---------------------------------------------------------------- the stage

TEST_CASE("layout(): text and Markdown pass through, HTML and paged text are laid out") {
  Doc md;
  md.input.kind = InputKind::markdown;
  const std::string text = "| 项目 | 数量 |\n|---|---|\n| **规章** | 1 |\n";
  md.source = text;
  REQUIRE(layout(md));
  // unchanged, and moved rather than copied (the report's one copy)
  CHECK(md.plain == text);
  CHECK(md.plain_is_source);
  CHECK(md.source.empty());
  CHECK(md.plain_map.to_orig(10) == 10);
  CHECK(md.markup_tables.empty());

  Doc paged;
  paged.input.kind = InputKind::text;
  paged.source = "正文一\n\n    - 1 -\n\f正文二\n\n    - 2 -\n\f";
  REQUIRE(layout(paged));
  CHECK(paged.plain == "正文一\n\n\n\n正文二\n\n\n\n");

  if (!html_supported()) return;
  Doc h;
  h.input.kind = InputKind::html;
  h.source = "<table><tr><td>规章</td><td>7</td></tr></table>";
  REQUIRE(layout(h));
  CHECK(h.plain == "规章 | 7\n");
  REQUIRE(h.markup_tables.size() == 1);
  const Span seven = h.markup_tables[0].grid.cells.at(1).span;
  CHECK(h.plain_map.to_orig(seven).of(h.source) == "7");
}

// ---------------------------------------------------------------- corpus

TEST_CASE("HTML corpus: text, tables and spans of the real pages") {
  const std::filesystem::path dir = std::filesystem::path(OGI_SHARED_DIR) / "corpus" / "real";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("SKIPPED: ", dir.string(), " is absent");
    return;
  }
  if (!html_supported()) return;
  int seen = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".html") continue;
    ++seen;
    CAPTURE(e.path().filename().string());
    const std::string src = read_file(e.path());
    const HtmlLayout h = html(src);
    check_linear_segments(h.plain, h.map, src);
    // visible text only: no markup, no script
    CHECK(h.plain.find("<span") == std::string::npos);
    CHECK(h.plain.find("</") == std::string::npos);
    CHECK(h.plain.find("function(") == std::string::npos);
    CHECK(h.plain.find("font-family") == std::string::npos);
    // the report's sections and the split label are whole lines
    const auto lines = lines_of(h.plain);
    CHECK(std::find(lines.begin(), lines.end(), "三、收到和处理政府信息公开申请情况") != lines.end());
    CHECK(h.plain.find("申请人情况") != std::string::npos);
    CHECK(lines.front().find("年度报告") != std::string::npos);  // <title> first
    // tables: grids are consistent, every cell span holds its text and maps to the source
    bool spanned = false, grid_with_numbers = false;
    for (const RawTable& rt : h.tables) {
      const Table& t = rt.grid;
      check_grid(t);
      for (const Cell& c : t.cells) {
        CHECK(c.span.of(h.plain) == c.text);
        spanned = spanned || (c.rowspan > 1 && c.colspan > 1);
        if (!c.text.empty() && c.text.find('&') == std::string::npos) {
          CAPTURE(c.text);
          const std::string_view s = h.map.to_orig(c.span).of(src);
          // the source range starts and ends with the cell's first and last bytes (tags may lie between)
          REQUIRE(s.size() >= c.text.size() / 2);
          CHECK(s.front() == c.text.front());
          CHECK(s.back() == c.text.back());
        }
      }
      if (t.header_rows > 0 && t.header_rows < t.rows) grid_with_numbers = true;
    }
    CHECK(spanned);  // table 三's corner cell
    CHECK(grid_with_numbers);
  }
  if (seen == 0) MESSAGE("no HTML in ", dir.string());
}

TEST_CASE("HTML: an overflowing numeric reference leaves valid UTF-8 (fuzzing found gumbo's stray byte)") {
  if (!html_supported()) return;
  for (std::string_view page : {std::string_view("<p>二 &#x4EEEEEEEEEEEEEEEEEEEEEEEEEE 2件</p>"),
                                std::string_view("<table><tr><td>1 &#x4EEEEEEEEEEEEEEEEEEEEEEEEEE</td><td>2</td></tr></table>")}) {
    CAPTURE(page);
    const HtmlLayout h = html(page);
    const std::string& p = h.plain;
    std::size_t bad = 0;
    for (std::size_t i = 0; i < p.size();) {
      const auto b = static_cast<unsigned char>(p[i]);
      const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
      bool ok = n != 0 && i + n <= p.size();
      for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(p[i + k]) & 0xC0) == 0x80;
      if (!ok) ++bad;
      i += ok ? n : 1;
    }
    CHECK(bad == 0);
    CHECK(p.find('2') != std::string::npos);
  }
}
