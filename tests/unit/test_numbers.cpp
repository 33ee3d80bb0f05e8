// lib/numbers: the quantity recogniser.
//
// * the case table (numbers_cases.inc): every case states everything scan()
//   must find in its input, quantities and skipped items, in order;
// * the context the facts stage reads (scope, verb, marker, part_of, lists);
// * on a real report (../shared/corpus, skipped when absent) and on the
//   project's fixtures: every digit run and every numeral character is part of
//   a quantity or of a skipped item with a reason, and every figure the gold
//   file lists is a quantity;
// * adversarial input: a megabyte of digits, of 一, of 《 … is one item or
//   nothing, never a crash (timing is the benchmark's job, not a unit test's).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "doc.hpp"
#include "numbers/numbers.hpp"
#include "ogi/ogi.hpp"

namespace {

using ogi::Quantity;
using ogi::Span;
using ogi::detail::QuantityContext;
using ogi::detail::Skipped;
using ogi::detail::SkipReason;
namespace num = ogi::detail::num;

struct Case {
  std::string_view input;
  std::string_view expected;
};
constexpr Case kCases[] = {
#include "numbers_cases.inc"
};

struct Scan {
  std::string text;
  std::vector<Quantity> q;
  std::vector<Skipped> s;
  std::vector<QuantityContext> c;
};
Scan scan(std::string_view text) {
  Scan r;
  r.text = std::string(text);
  num::scan(r.text, 0, r.q, r.s, &r.c);
  return r;
}

std::string_view approx_name(ogi::Approx a) {
  std::string_view s = ogi::to_string(a);
  return s == "null" ? std::string_view{} : s;
}

// What scan found, in the notation of numbers_cases.inc. Labels are printed
// only where the expectation asks for one (`with_label[i]`).
std::string describe(const Scan& r, const std::vector<bool>& with_label) {
  struct Item {
    std::size_t begin;
    std::string text;
  };
  std::vector<Item> items;
  for (std::size_t i = 0; i < r.q.size(); ++i) {
    const Quantity& q = r.q[i];
    std::string t = q.value.to_string() + "/" + q.unit + "/" + std::string(approx_name(q.approx));
    items.push_back({q.span.begin, t});
  }
  for (const Skipped& s : r.s) items.push_back({s.span.begin, "-" + std::string(num::to_string(s.reason))});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t qi = 0;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k) out += " ; ";
    out += items[k].text;
    if (items[k].text[0] != '-') {
      // quantities come in span order; find the k-th one for its label
      std::size_t idx = qi++;
      if (idx < with_label.size() && with_label[idx] && idx < r.q.size()) out += "@" + r.q[idx].label;
    }
  }
  return out;
}

// Which expected quantities carry an @label (in order).
std::vector<bool> labels_asked(std::string_view expected) {
  std::vector<bool> out;
  std::size_t start = 0;
  while (start <= expected.size() && !expected.empty()) {
    std::size_t end = expected.find(" ; ", start);
    std::string_view item = expected.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!item.empty() && item[0] != '-') out.push_back(item.find('@') != std::string_view::npos);
    if (end == std::string_view::npos) break;
    start = end + 3;
  }
  return out;
}

bool is_numeral_char(std::string_view t, std::size_t i) {
  for (std::string_view c : {"〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十"})
    if (t.substr(i, c.size()) == c) return true;
  return false;
}

// Every ASCII digit and every Chinese numeral character lies inside a
// quantity or a skipped span. Returns the first one that does not, or npos.
std::size_t first_unaccounted(std::string_view text, const std::vector<Quantity>& q, const std::vector<Skipped>& s,
                              std::size_t base = 0) {
  std::vector<Span> spans;
  for (const Quantity& x : q) spans.push_back(x.span);
  for (const Skipped& x : s) spans.push_back(x.span);
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin; });
  std::size_t k = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool digit = text[i] >= '0' && text[i] <= '9';
    if (!digit && !is_numeral_char(text, i)) continue;
    std::size_t at = base + i;
    while (k < spans.size() && spans[k].end <= at) ++k;
    bool covered = false;
    for (std::size_t m = k; m < spans.size() && spans[m].begin <= at; ++m)
      if (spans[m].contains(at)) covered = true;
    if (!covered) return i;
  }
  return std::string_view::npos;
}

bool no_overlap(const std::vector<Quantity>& q, const std::vector<Skipped>& s) {
  std::vector<Span> spans;
  for (const Quantity& x : q) spans.push_back(x.span);
  for (const Skipped& x : s) spans.push_back(x.span);
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin; });
  for (std::size_t i = 1; i < spans.size(); ++i)
    if (spans[i].begin < spans[i - 1].end) return false;
  for (Span x : spans)
    if (x.empty()) return false;
  return true;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The normalised text of a report, through the pipeline's own stages.
bool normalised(const std::string& bytes, ogi::detail::Doc& doc) {
  if (!ogi::detail::decode(bytes, doc)) return false;
  if (!ogi::detail::layout(doc)) return false;
  ogi::detail::normalise(doc);
  return true;
}

}  // namespace

TEST_CASE("numbers: the case table") {
  REQUIRE(std::size(kCases) >= 300);
  int failed = 0;
  for (const Case& c : kCases) {
    Scan r = scan(c.input);
    std::string got = describe(r, labels_asked(c.expected));
    INFO("input: ", c.input);
    CHECK_MESSAGE(got == c.expected, "got      ", got, "\nexpected ", c.expected);
    CHECK_MESSAGE(first_unaccounted(r.text, r.q, r.s) == std::string_view::npos, "a numeral is unaccounted for");
    CHECK(no_overlap(r.q, r.s));
    CHECK(r.c.size() == r.q.size());
    if (got != c.expected) ++failed;
  }
  MESSAGE(std::size(kCases), " cases, ", failed, " failed");
}

TEST_CASE("numbers: spans point at the printed quantity") {
  std::string t = "平台建成以来,共归集信用信息24.8万多条,“信用新乡”网站已发布信息257条。";
  Scan r = scan(t);
  REQUIRE(r.q.size() == 2);
  CHECK(r.q[0].span.of(t) == "24.8万多条");
  CHECK(r.c[0].number.of(t) == "24.8");
  CHECK(r.c[0].unit().of(t) == "条");
  CHECK(r.q[1].span.of(t) == "257条");
  // base offsets shift every span
  std::vector<Quantity> q;
  std::vector<Skipped> s;
  num::scan(t, 1000, q, s);
  REQUIRE(q.size() == 2);
  CHECK(q[0].span.begin == r.q[0].span.begin + 1000);
  // 76.10 keeps its printed scale
  Scan m = scan("专项经费76.10万元");
  REQUIRE(m.q.size() == 1);
  CHECK(m.q[0].value.to_string() == "76.10");
  CHECK(m.q[0].value == ogi::Decimal::from_parts(761, 1));
}

TEST_CASE("numbers: context for the facts stage") {
  std::string t =
      "2016年,全市共新增主动公开政府信息130661条。其中市级行政机关及企事业单位公开信息74949条,"
      "各县(市)、区公开信息55712条。全市共制发规范性文件510件,主动公开425件,主动公开比例为83.3%。"
      "其中,各县(市)区有9个。申请量居前3位的是辉县市、原阳县和红旗区,分别为15件、6件和4件。"
      "网络申请64件,占53.3%。";
  Scan r = scan(t);
  auto find = [&](std::string_view printed) -> std::size_t {
    for (std::size_t i = 0; i < r.q.size(); ++i)
      if (r.q[i].span.of(t) == printed) return i;
    FAIL("no quantity printed as ", printed);
    return 0;
  };
  std::size_t a = find("130661条");
  CHECK(r.c[a].scope().of(t) == "全市");
  CHECK(r.c[a].marker() == "共");
  CHECK(r.c[a].verb().of(t) == "新增");
  CHECK(r.q[a].label == "主动公开政府信息");
  CHECK(r.c[a].label().of(t) == "主动公开政府信息");
  CHECK(r.c[a].part_of().empty());

  std::size_t b = find("74949条");
  CHECK(r.c[b].scope().of(t) == "市级行政机关及企事业单位");
  CHECK(r.c[b].marker() == "其中");
  CHECK(r.c[b].part_of() == "其中");
  CHECK(r.q[b].label == "公开信息");
  std::size_t c = find("55712条");
  CHECK(r.c[c].scope().of(t) == "各县(市)、区");
  CHECK(r.c[c].part_of() == "其中");  // same sentence as 其中
  CHECK(r.c[c].sentence == r.c[b].sentence);
  CHECK(r.c[a].sentence < r.c[b].sentence);
  CHECK(r.c[b].clause < r.c[c].clause);

  std::size_t d = find("510件");
  CHECK(r.q[d].label == "制发规范性文件");  // the verb that says what is counted stays
  CHECK(r.c[d].part_of().empty());
  std::size_t e = find("83.3%");
  CHECK(r.c[e].share);
  CHECK(r.q[e].label == "主动公开比例");

  std::size_t f = find("9个");
  CHECK(r.c[f].scope().of(t) == "各县(市)区");
  CHECK(r.q[f].label.empty());
  CHECK(r.c[f].part_of() == "其中");

  std::size_t g = find("15件");
  CHECK(r.c[g].list_index == 0);
  CHECK(r.c[g].marker() == "分别为");
  CHECK(r.c[find("6件")].list_index == 1);
  CHECK(r.c[find("4件")].list_index == 2);
  CHECK(r.c[find("3位")].list_index == -1);

  std::size_t h = find("53.3%");
  CHECK(r.c[h].share);
  CHECK(r.c[h].marker() == "占");
  CHECK_FALSE(r.c[find("64件")].share);
  // a percentage in brackets right after a count is its share
  Scan p = scan("部分公开 208 件（17.46%），不予公开20件(1.68%)");
  REQUIRE(p.q.size() == 4);
  CHECK(p.c[1].share);
  CHECK(p.c[3].share);
  CHECK_FALSE(p.c[0].share);
  CHECK(sizeof(QuantityContext) <= 64);  // a million of them in a dense 100 MB input
  for (const QuantityContext& x : r.c) {
    CHECK(x.window().end <= x.number.begin);
    CHECK(x.window().size() <= num::kLabelWindow);
  }
}

TEST_CASE("numbers: every unit of the table is recognised after a number") {
  for (const num::UnitDef& u : num::units()) {
    std::string t = "共7" + std::string(u.text) + (u.text == "日" ? "内" : "");  // 7日 alone is a date
    Scan r = scan(t);
    INFO("unit ", u.text);
    REQUIRE(r.q.size() == 1);
    std::string expect = u.text == "％" ? "%" : std::string(u.text);
    CHECK(r.q[0].unit == expect);
    CHECK(r.q[0].value == ogi::Decimal(7));
  }
}

TEST_CASE("numbers: numbers(Doc) fills quantities and a parallel context, skipping tables and boilerplate") {
  ogi::detail::Doc doc;
  doc.norm = "共受理申请12件。\n| 3 | 4 |\n打印本页 2\n其中市级5件。";
  auto line = [&](std::size_t b, std::size_t e) { return ogi::detail::Line{{b, e}}; };
  std::size_t l1 = doc.norm.find('\n'), l2 = doc.norm.find('\n', l1 + 1), l3 = doc.norm.find('\n', l2 + 1);
  doc.lines = {line(0, l1), line(l1 + 1, l2), line(l2 + 1, l3), line(l3 + 1, doc.norm.size())};
  doc.lines[1].in_table = true;
  doc.lines[2].boilerplate = true;
  ogi::detail::numbers(doc);
  REQUIRE(doc.quantities.size() == 2);
  REQUIRE(doc.quantity_context.size() == 2);
  CHECK(doc.text(doc.quantities[0].span) == "12件");
  CHECK(doc.text(doc.quantities[1].span) == "5件");
  CHECK(doc.quantity_context[0].sentence < doc.quantity_context[1].sentence);
  CHECK(doc.quantity_context[1].part_of() == "其中");
  CHECK(doc.text(doc.quantity_context[1].number) == "5");
  // running it again gives the same result (the stage clears its outputs)
  ogi::detail::numbers(doc);
  CHECK(doc.quantities.size() == 2);
}

TEST_CASE("numbers: adversarial input is linear and accounted for") {
  SUBCASE("a megabyte of digits is one too_long item") {
    std::string t(1 << 20, '7');
    Scan r = scan(t);
    CHECK(r.q.empty());
    REQUIRE(r.s.size() == 1);
    CHECK(r.s[0].reason == SkipReason::too_long);
    CHECK(r.s[0].span.size() == t.size());
  }
  SUBCASE("a megabyte of 一 is one too_long item") {
    std::string t;
    for (int i = 0; i < (1 << 20) / 3; ++i) t += "一";
    Scan r = scan(t);
    CHECK(r.q.empty());
    REQUIRE(r.s.size() == 1);
    CHECK(r.s[0].reason == SkipReason::too_long);
  }
  SUBCASE("thousands separators without end") {
    std::string t = "1";
    for (int i = 0; i < 100000; ++i) t += ",000";
    Scan r = scan(t);
    REQUIRE(r.s.size() == 1);
    CHECK(r.s[0].reason == SkipReason::too_long);
    CHECK(r.q.empty());
  }
  SUBCASE("open titles, ordinals, brackets and dots") {
    for (std::string_view unit : {"《", "第", "〔", "1.", "一、", "百分之", "(", "-", "万", "“"}) {
      std::string t;
      for (int i = 0; i < 50000; ++i) t += unit;
      Scan r = scan(t);
      INFO("repeated ", unit);
      CHECK(first_unaccounted(r.text, r.q, r.s) == std::string_view::npos);
      CHECK(no_overlap(r.q, r.s));
    }
  }
  SUBCASE("many quantities in one clause") {
    std::string t;
    for (int i = 0; i < 20000; ++i) t += "共新增信息12条、";
    Scan r = scan(t);
    CHECK(r.q.size() == 20000);
    CHECK(first_unaccounted(r.text, r.q, r.s) == std::string_view::npos);
  }
  SUBCASE("invalid UTF-8 does not derail the scan") {
    std::string t = "共\xE4\xB8" "件\xFF" "12条\xE4";
    Scan r = scan(t);
    CHECK(first_unaccounted(r.text, r.q, r.s) == std::string_view::npos);
    CHECK(no_overlap(r.q, r.s));
  }
}

namespace {
// Every numeral of a normalised report is accounted for; returns how many
// items were found. Reports the first unaccounted numeral with its line.
std::size_t check_report(const std::string& bytes, const std::string& name) {
  ogi::detail::Doc doc;
  REQUIRE_MESSAGE(normalised(bytes, doc), "decode/layout failed for ", name);
  std::size_t items = 0;
  for (const ogi::detail::Line& line : doc.lines) {
    std::string_view text = doc.text(line.span);
    std::vector<Quantity> q;
    std::vector<Skipped> s;
    num::scan(text, line.span.begin, q, s);
    std::size_t miss = first_unaccounted(text, q, s, line.span.begin);
    INFO(name, ": ", text);
    CHECK_MESSAGE(miss == std::string_view::npos, "unaccounted numeral at byte ", miss);
    CHECK(no_overlap(q, s));
    for (const Skipped& x : s) {
      bool has_digit = false;
      for (char ch : doc.text(x.span)) has_digit |= ch >= '0' && ch <= '9';
      // a digit run is always explained by a specific reason
      if (has_digit && x.reason == SkipReason::other) CHECK_MESSAGE(false, "digits skipped as other: ", doc.text(x.span));
    }
    items += q.size() + s.size();
  }
  return items;
}

// The numeric values of the gold file's non-optional facts (a small reader:
// the unit tests do not link a JSON library).
std::vector<std::string> gold_values(const std::string& json) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = json.find("\"indicator\"", pos)) != std::string::npos) {
    std::size_t end = json.find('}', pos);
    std::string obj = json.substr(pos, end - pos);
    pos = end;
    if (obj.find("\"optional\": true") != std::string::npos) continue;
    std::size_t v = obj.find("\"value\":");
    if (v == std::string::npos) continue;
    v += 8;
    while (v < obj.size() && obj[v] == ' ') ++v;
    std::size_t e = v;
    while (e < obj.size() && (std::isdigit(static_cast<unsigned char>(obj[e])) || obj[e] == '.' || obj[e] == '-')) ++e;
    if (e > v) out.push_back(obj.substr(v, e - v));
  }
  return out;
}
}  // namespace

TEST_CASE("numbers: every numeral of the project fixtures is accounted for") {
  std::filesystem::path dir = OGI_FIXTURES_DIR;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string ext = entry.path().extension().string();
    if (ext != ".txt" && ext != ".md") continue;
    CHECK(check_report(read_file(entry.path()), entry.path().filename().string()) > 0);
    ++files;
  }
  CHECK(files > 0);
}

TEST_CASE("numbers: a real report (xinxiang-2016): every digit run accounted for, every gold figure a quantity") {
  std::filesystem::path file = std::filesystem::path(OGI_SHARED_DIR) / "corpus/real/xinxiang-2016.txt";
  std::filesystem::path gold = std::filesystem::path(OGI_SHARED_DIR) / "corpus/gold/xinxiang-2016.json";
  if (!std::filesystem::exists(file) || !std::filesystem::exists(gold)) {
    MESSAGE("skipped: ", file.string(), " not found (the shared corpus is not available here)");
    return;
  }
  std::string bytes = read_file(file);
  std::size_t items = check_report(bytes, "xinxiang-2016.txt");
  CHECK(items > 200);

  ogi::detail::Doc doc;
  REQUIRE(normalised(bytes, doc));
  std::vector<Quantity> q;
  std::vector<Skipped> s;
  num::scan(doc.norm, 0, q, s);
  std::vector<std::string> values = gold_values(read_file(gold));
  REQUIRE(values.size() > 50);
  int found = 0, zero = 0;
  for (const std::string& v : values) {
    auto want = ogi::Decimal::parse(v);
    REQUIRE(want);
    if (want->is_zero()) {  // statements of absence ("没有收到") have no number to read
      ++zero;
      continue;
    }
    bool hit = std::any_of(q.begin(), q.end(), [&](const Quantity& x) { return x.value == *want; });
    CHECK_MESSAGE(hit, "gold figure ", v, " is not among the quantities");
    found += hit;
  }
  MESSAGE(found, " gold figures found as quantities (", zero, " zero-valued absences not looked for)");
}
