// gen_indicators: writes docs/indicators.md from the catalogue.
//
//   ogi_gen_indicators                 print the document
//   ogi_gen_indicators --write FILE    write it to FILE
//   ogi_gen_indicators --check FILE    exit 1 when FILE differs from it
//
// docs/indicators.md is generated, never edited by hand: the ctest
// `indicators_doc` fails when a catalogue row changes without the doc;
// `cmake --build BUILD --target update_indicators_doc` rewrites it.
#include <fmt/core.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "ogi/catalogue.hpp"

namespace {

std::string formats(std::uint8_t m) {
  std::string out;
  auto add = [&](std::string_view s) {
    if (!out.empty()) out += ", ";
    out += s;
  };
  if (m & ogi::in_legacy) add("legacy");
  if (m & ogi::in_2019) add("2019");
  if (m & ogi::in_2021) add("2021");
  return out;
}

// '|' separates aliases in the catalogue; in a Markdown cell it must be escaped.
std::string cell(std::string_view s, std::string_view sep = " / ") {
  std::string out;
  for (char c : s) {
    if (c == '|') out += sep;
    else out += c;
  }
  return out;
}

std::string ids(std::string_view s) {
  if (s.empty()) return "";
  std::string out = "`";
  for (char c : s) {
    if (c == '|') out += "` + `";
    else out += c;
  }
  return out + "`";
}

std::string group_of(const ogi::Indicator& i) {
  if (i.formats == ogi::in_legacy) return "Legacy format (2008-2018): 《政府信息公开情况统计表》 and prose";
  std::string_view id = i.id;
  if (id.starts_with("disclosure.")) return "2019 / 2021: 二、主动公开政府信息情况 (table 二)";
  if (id.starts_with("apply.")) return "2019 / 2021: 三、收到和处理政府信息公开申请情况 (table 三)";
  if (id.starts_with("review.") || id.starts_with("litigation."))
    return "2019 / 2021: 四、政府信息公开行政复议、行政诉讼情况 (table 四)";
  if (id.starts_with("fee.")) return "2019 / 2021: 六、其他需要报告的事项";
  return "Other";
}

std::string position(const ogi::Indicator& i) {
  if (i.table == ogi::TableKind::other) return i.derived ? "derived" : "";
  std::string out(ogi::to_string(i.table));
  out += " ";
  out += i.row;
  if (!i.col.empty()) {
    out += " / ";
    out += i.col;
  }
  return out;
}

std::string_view kind_name(ogi::RelationKind k) {
  switch (k) {
    case ogi::RelationKind::sum: return "sum";
    case ogi::RelationKind::at_least: return "at_least";
    case ogi::RelationKind::at_most: return "at_most";
    case ogi::RelationKind::balance: return "balance";
    case ogi::RelationKind::scope_sum: return "scope_sum";
    case ogi::RelationKind::applicant_sum: return "applicant_sum";
  }
  return "?";
}

std::string formula(const ogi::Relation& r) {
  switch (r.kind) {
    case ogi::RelationKind::sum: return fmt::format("{} = {}", ids(r.total), ids(r.parts));
    case ogi::RelationKind::at_least: return fmt::format("{} ≤ {}", ids(r.total), ids(r.parts));
    case ogi::RelationKind::at_most: return fmt::format("{} ≥ {}", ids(r.total), ids(r.parts));
    case ogi::RelationKind::balance: {
      std::string_view p = r.parts;
      auto a = p.find('|'), b = p.rfind('|');
      return fmt::format("{} + {} = {} + {}", ids(p.substr(0, a)), ids(p.substr(a + 1, b - a - 1)), ids(r.total),
                         ids(p.substr(b + 1)));
    }
    case ogi::RelationKind::scope_sum:
      return r.total == "*" ? std::string("any indicator: total = own_level + lower_levels")
                            : fmt::format("{}: total = own_level + lower_levels", ids(r.total));
    case ogi::RelationKind::applicant_sum:
      return fmt::format("{}: 总计 = Σ six applicant columns", ids(r.total));
  }
  return "";
}

std::string render() {
  std::string out;
  out +=
      "# Indicators\n\n"
      "<!-- GENERATED from lib/facts/catalogue.cpp by tools/gen_indicators.cpp; do not edit.\n"
      "     Regenerate: cmake --build BUILD --target update_indicators_doc -->\n\n"
      "Every standard statistic ogi recognises is a *fact* with a stable indicator id\n"
      "from this catalogue (contract v1: ids are added, never renamed or reused).\n"
      "A fact is `indicator` + dimensions (`scope`: total / own_level / lower_levels;\n"
      "`applicant` for table 三 of the 2019/2021 formats) + an exact decimal value in\n"
      "the report's own unit. *Formats* says in which report formats the id is\n"
      "expected; *aliases* are the phrases the prose mapper looks for; *table* is the\n"
      "row / column key of the official table the id is read from (see\n"
      "`ogi::find_table_indicator`); *derived* subtotals are not printed by the\n"
      "template and are computed or read from prose.\n";
  std::string group;
  for (const ogi::Indicator& i : ogi::indicators()) {
    std::string g = group_of(i);
    if (g != group) {
      group = g;
      out += fmt::format("\n## {}\n\n", group);
      out += "| id | label | English | unit | formats | aliases | table |\n";
      out += "|---|---|---|---|---|---|---|\n";
    }
    out += fmt::format("| `{}` | {} | {} | {} | {} | {} | {} |\n", i.id, i.label, i.english,
                       i.unit.empty() ? std::string("as printed") : std::string(i.unit), formats(i.formats),
                       cell(i.aliases, "、"), position(i));
  }
  out +=
      "\n## Relations\n\n"
      "Checked by lib/checks. `sum`: the parts add up to the total; `at_least`: the\n"
      "parts add up to at least the total (channels and refusal reasons may count an\n"
      "item twice); `at_most`: a \"其中\" part does not exceed its total; `balance`:\n"
      "table 三 新收 + 上年结转 = 总计 + 结转下年度; `scope_sum`: the scope split adds\n"
      "up; `applicant_sum`: table 三 总计 column = the six applicant columns.\n"
      "*Per applicant*: checked for each applicant column; *per scope*: for each scope.\n\n"
      "| kind | relation | formats | per applicant | per scope | finding rule |\n"
      "|---|---|---|---|---|---|\n";
  for (const ogi::Relation& r : ogi::relations())
    out += fmt::format("| {} | {} | {} | {} | {} | `{}` |\n", kind_name(r.kind), formula(r), formats(r.formats),
                       r.per_applicant ? "yes" : "", r.per_scope ? "yes" : "", r.rule);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string doc = render();
  std::string_view mode = argc > 1 ? argv[1] : "";
  if (mode.empty()) {
    fmt::print("{}", doc);
    return 0;
  }
  if (argc != 3 || (mode != "--write" && mode != "--check")) {
    fmt::print(stderr, "usage: ogi_gen_indicators [--write FILE | --check FILE]\n");
    return 2;
  }
  if (mode == "--write") {
    std::ofstream f(argv[2], std::ios::binary);
    f << doc;
    return f ? 0 : 2;
  }
  std::ifstream f(argv[2], std::ios::binary);
  if (!f) {
    fmt::print(stderr, "{}: cannot read\n", argv[2]);
    return 1;
  }
  std::string have((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (have == doc) return 0;
  // Report the first differing line.
  std::istringstream a(have), b(doc);
  std::string la, lb;
  int line = 0;
  while (true) {
    ++line;
    bool ga = static_cast<bool>(std::getline(a, la)), gb = static_cast<bool>(std::getline(b, lb));
    if (!ga && !gb) break;
    if (!ga || !gb || la != lb) {
      fmt::print(stderr,
                 "{}:{}: differs from the catalogue (lib/facts/catalogue.cpp)\n  file:      {}\n  generated: {}\n"
                 "regenerate with: cmake --build <build> --target update_indicators_doc\n",
                 argv[2], line, ga ? la : "<end>", gb ? lb : "<end>");
      break;
    }
  }
  return 1;
}
