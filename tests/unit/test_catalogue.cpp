// The indicator catalogue: unique ids, relations over known ids, table
// positions, and agreement with the spec's INDICATORS.md when ../shared exists.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ogi/catalogue.hpp"

namespace {

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    auto p = s.find('|');
    out.push_back(s.substr(0, p));
    if (p == std::string_view::npos) break;
    s.remove_prefix(p + 1);
  }
  return out;
}

bool id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'; }

// Ids named in an id expression of INDICATORS.md: "a.b.c", and the
// shorthand "disclosure.rules.new_made / .new_published" (".x" replaces the
// last component), "apply.received (+ .in_person / .fax)" (".x" extends the
// id, or, as in "penalty.decisions (+ .prev_items in 2019)", replaces its
// last component). Each id comes with its alternatives: one of them must exist.
using Alternatives = std::vector<std::string>;

std::vector<Alternatives> ids_in_expr(std::string_view code) {
  std::vector<Alternatives> out;
  std::size_t i = 0;
  while (i < code.size() && (code[i] == ' ' || code[i] == '`')) ++i;
  std::size_t b = i;
  while (i < code.size() && id_char(code[i])) ++i;
  std::string first(code.substr(b, i - b));
  if (first.find('.') == std::string::npos || first.front() == '.' || first.back() == '.') return out;
  out.push_back({first});
  bool extend = false;
  std::string_view rest = code.substr(i);
  std::string sibling_base = first.substr(0, first.rfind('.'));
  while (!rest.empty()) {
    if (rest.starts_with("(+")) extend = true;
    if (rest.front() == '.') {
      std::size_t j = 1;
      while (j < rest.size() && id_char(rest[j])) ++j;
      std::string tail(rest.substr(1, j - 1));
      if (!tail.empty()) {
        if (extend) out.push_back({first + "." + tail, sibling_base + "." + tail});
        else out.push_back({sibling_base + "." + tail});
      }
      rest.remove_prefix(j);
      continue;
    }
    rest.remove_prefix(1);
  }
  return out;
}

// The id expressions of a line: the first cell of a table row, and every
// `code` span that starts like an id.
std::vector<Alternatives> ids_in_line(std::string_view line) {
  std::vector<Alternatives> out;
  auto add = [&](std::string_view expr) {
    for (auto& a : ids_in_expr(expr)) out.push_back(std::move(a));
  };
  if (line.starts_with("| ")) {
    std::size_t end = line.find(" |", 1);
    if (end != std::string_view::npos) add(line.substr(2, end - 2));
  }
  std::size_t pos = 0;
  while ((pos = line.find('`', pos)) != std::string_view::npos) {
    std::size_t end = line.find('`', pos + 1);
    if (end == std::string_view::npos) break;
    add(line.substr(pos + 1, end - pos - 1));
    pos = end + 1;
  }
  return out;
}

bool has(const std::vector<Alternatives>& v, std::string_view id) {
  for (const auto& a : v)
    for (const auto& x : a)
      if (x == id) return true;
  return false;
}

}  // namespace

TEST_CASE("catalogue ids are unique and well formed") {
  std::set<std::string_view> seen;
  REQUIRE(ogi::indicators().size() > 100);
  for (const ogi::Indicator& i : ogi::indicators()) {
    INFO(i.id);
    CHECK(seen.insert(i.id).second);
    CHECK_FALSE(i.label.empty());
    CHECK_FALSE(i.english.empty());
    CHECK(i.formats != 0);
    CHECK((i.formats & ~ogi::in_all) == 0);
    for (char c : i.id) CHECK(id_char(c));
    CHECK(ogi::find_indicator(i.id) == &i);
    for (std::string_view a : split(i.aliases)) CHECK_FALSE(a.empty());
  }
  CHECK(ogi::find_indicator("no.such.id") == nullptr);
}

TEST_CASE("every relation names known ids valid in its formats") {
  for (const ogi::Relation& r : ogi::relations()) {
    INFO(r.total, " ", r.parts);
    CHECK_FALSE(r.rule.empty());
    if (r.kind == ogi::RelationKind::scope_sum && r.total == "*") continue;
    const ogi::Indicator* t = ogi::find_indicator(r.total);
    REQUIRE(t != nullptr);
    CHECK((t->formats & r.formats) == r.formats);
    auto parts = split(r.parts);
    if (r.kind == ogi::RelationKind::applicant_sum || r.kind == ogi::RelationKind::scope_sum) {
      CHECK(parts.empty());
      continue;
    }
    if (r.kind == ogi::RelationKind::balance) CHECK(parts.size() == 3);
    CHECK(!parts.empty());
    std::set<std::string_view> uniq;
    for (std::string_view p : parts) {
      INFO(p);
      CHECK(uniq.insert(p).second);
      CHECK(p != r.total);
      const ogi::Indicator* i = ogi::find_indicator(p);
      REQUIRE(i != nullptr);
      CHECK((i->formats & r.formats) == r.formats);
    }
  }
}

TEST_CASE("table positions are unique per format and found back") {
  for (ogi::Format f : {ogi::Format::legacy, ogi::Format::f2019, ogi::Format::f2021}) {
    std::set<std::string> seen;
    for (const ogi::Indicator& i : ogi::indicators()) {
      if (i.table == ogi::TableKind::other || !ogi::in_format(i.formats, f)) continue;
      INFO(i.id);
      std::string key = std::string(ogi::to_string(i.table)) + "/" + std::string(i.row) + "/" + std::string(i.col);
      CHECK(seen.insert(key).second);
      CHECK(ogi::find_table_indicator(i.table, i.row, i.col, f) == &i);
    }
  }
  // Spot checks against FORMATS.md keys.
  CHECK(ogi::find_table_indicator(ogi::TableKind::apply, "r.deny.3", "")->id ==
        "apply.result.refused.security_stability");
  CHECK(ogi::find_table_indicator(ogi::TableKind::apply, "r.other.2", "", ogi::Format::f2021)->id ==
        "apply.result.other.overdue_fee");
  CHECK(ogi::find_table_indicator(ogi::TableKind::apply, "r.other.2", "", ogi::Format::f2019) == nullptr);
  CHECK(ogi::find_table_indicator(ogi::TableKind::disclosure, "normative", "issued", ogi::Format::f2021)->id ==
        "disclosure.normative.issued");
  CHECK(ogi::find_table_indicator(ogi::TableKind::disclosure, "normative", "issued", ogi::Format::f2019) == nullptr);
  CHECK(ogi::find_table_indicator(ogi::TableKind::review_litigation, "after_review", "pending")->id ==
        "litigation.after_review.pending");
  CHECK(ogi::find_table_indicator(ogi::TableKind::legacy_stats, "4.2", "")->id == "review.corrected");
  CHECK(ogi::find_table_indicator(ogi::TableKind::legacy_stats, "3.3.4c", "")->id ==
        "apply.answered.refused.privacy");
  // Every table 三 row is checked across applicants (T3-ROW).
  std::set<std::string_view> row_checked;
  for (const ogi::Relation& r : ogi::relations())
    if (r.kind == ogi::RelationKind::applicant_sum) row_checked.insert(r.total);
  for (const ogi::Indicator& i : ogi::indicators())
    if (i.table == ogi::TableKind::apply) CHECK_MESSAGE(row_checked.count(i.id), i.id);
}

TEST_CASE("units and formats follow the spec") {
  CHECK(ogi::find_indicator("disclosure.fees.amount")->unit == "万元");
  CHECK(ogi::find_indicator("training.attendees")->unit == "人次");
  CHECK(ogi::find_indicator("response.interpretations")->unit == "篇");
  CHECK(ogi::find_indicator("fee.processing.amount")->unit == "元");
  CHECK(ogi::find_indicator("apply.received")->formats == ogi::in_legacy);
  CHECK(ogi::find_indicator("apply.new")->formats == ogi::in_tables);
  CHECK(ogi::find_indicator("apply.result.refused")->derived);
  CHECK(ogi::in_format(ogi::find_indicator("apply.received")->formats, ogi::Format::unknown));
  CHECK_FALSE(ogi::in_format(ogi::find_indicator("apply.received")->formats, ogi::Format::f2021));
}

TEST_CASE("the ids line parser reads the spec's shorthand") {
  auto s = ids_in_line("| disclosure.rules.new_made / .new_published / .total_published | x |");
  CHECK(has(s, "disclosure.rules.total_published"));
  s = ids_in_line("| apply.received (+ .in_person / .fax) | y |");
  CHECK(has(s, "apply.received.fax"));
  s = ids_in_line("| disclosure.penalty.decisions (+ .prev_items / .change in 2019) | z |");
  CHECK(has(s, "disclosure.penalty.change"));
  s = ids_in_line("such a subtotal is a `text` fact with the same id `apply.result.refused`");
  CHECK(s.size() == 1);
  CHECK(has(s, "apply.result.refused"));
  CHECK(ids_in_line("| id | label | unit |").empty());
}

TEST_CASE("every id in the spec's INDICATORS.md is in the catalogue") {
  std::filesystem::path spec = std::filesystem::path(OGI_SHARED_DIR) / "spec" / "INDICATORS.md";
  if (!std::filesystem::exists(spec)) {
    MESSAGE("skipped: ", spec.string(), " not found");
    return;
  }
  std::ifstream f(spec);
  std::string line;
  std::vector<Alternatives> ids;
  while (std::getline(f, line))
    for (auto& a : ids_in_line(line)) ids.push_back(std::move(a));
  // "litigation.direct.upheld / … / .total" elides three columns of table 四.
  for (std::string_view g : {"litigation.direct", "litigation.after_review"})
    for (std::string_view c : {"corrected", "other", "pending"}) ids.push_back({std::string(g) + "." + std::string(c)});
  REQUIRE(ids.size() > 100);
  for (const Alternatives& a : ids) {
    bool found = false;
    for (const auto& id : a) found = found || ogi::find_indicator(id) != nullptr;
    CHECK_MESSAGE(found, "missing in catalogue: ", a.front());
  }
  // And the other way: every id of the catalogue is named by the spec.
  for (const ogi::Indicator& i : ogi::indicators())
    CHECK_MESSAGE(has(ids, i.id), "not in INDICATORS.md: ", i.id);
}

TEST_CASE("every gold indicator id is in the catalogue") {
  std::filesystem::path gold = std::filesystem::path(OGI_SHARED_DIR) / "corpus" / "gold";
  if (!std::filesystem::exists(gold)) {
    MESSAGE("skipped: ", gold.string(), " not found");
    return;
  }
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(gold)) {
    if (e.path().extension() != ".json") continue;
    std::ifstream f(e.path());
    nlohmann::json j = nlohmann::json::parse(f, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    for (const auto& fact : j.value("facts", nlohmann::json::array())) {
      std::string id = fact.value("indicator", "");
      ++n;
      CHECK_MESSAGE(ogi::find_indicator(id) != nullptr, e.path().filename().string(), ": ", id);
    }
  }
  CHECK(n > 0);
}
