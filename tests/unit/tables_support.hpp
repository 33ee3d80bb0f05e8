// Helpers shared by test_tables.cpp and test_partial.cpp: parse a table
// fixture and look facts up by indicator and applicant column.
#pragma once

#include <doctest/doctest.h>

#include <array>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/ogi.hpp"

namespace tables_test {

using ogi::Applicant;
using ogi::Fact;
using ogi::Origin;
using ogi::Report;

inline bool read(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

inline Report parse_text(std::string_view text, ogi::Options::Kind kind = ogi::Options::Kind::text) {
  ogi::Options o;
  o.kind = kind;
  o.checks = false;
  auto r = ogi::parse(text, o);
  REQUIRE(r);
  return std::move(*r);
}

inline Report parse_fixture(const std::string& name) {
  std::string path = std::string(OGI_FIXTURES_DIR) + "/tables/" + name;
  ogi::Options o;
  o.checks = false;
  auto r = ogi::parse_file(path, o);
  REQUIRE_MESSAGE(r, path);
  return std::move(*r);
}

// The table facts of one indicator and applicant (Applicant::none: T2/T4 cells).
inline std::vector<const Fact*> table_facts(const Report& r, std::string_view id, Applicant a = Applicant::none,
                                            Origin origin = Origin::table) {
  std::vector<const Fact*> out;
  for (const Fact& f : r.facts)
    if (f.indicator == id && f.applicant == a && f.origin == origin) out.push_back(&f);
  return out;
}

// The value of the single table fact, or nullopt when there is none; fails when there are several.
inline std::optional<ogi::Decimal> cell(const Report& r, std::string_view id, Applicant a = Applicant::none) {
  auto fs = table_facts(r, id, a);
  CHECK_MESSAGE(fs.size() <= 1, id);
  if (fs.empty()) return std::nullopt;
  return fs.front()->value;
}

inline const ogi::Table* table_of(const Report& r, ogi::TableKind k) {
  for (const ogi::Table& t : r.tables)
    if (t.kind == k) return &t;
  return nullptr;
}

inline constexpr std::array<Applicant, 7> kCols = {Applicant::natural_person, Applicant::commercial,
                                                   Applicant::research,       Applicant::nonprofit,
                                                   Applicant::legal_service,  Applicant::other_org,
                                                   Applicant::total};

struct T3Row {
  std::string_view id;
  std::array<int, 7> v;
};

// The made-up figures every tests/fixtures/tables report prints (2021 format).
inline const std::vector<T3Row>& standard_t3_2021() {
  static const std::vector<T3Row> rows = {
      {"apply.new", {40, 3, 0, 1, 2, 0, 46}},
      {"apply.carried_in", {5, 0, 0, 0, 0, 0, 5}},
      {"apply.result.granted", {12, 1, 0, 0, 1, 0, 14}},
      {"apply.result.partial", {3, 0, 0, 0, 0, 0, 3}},
      {"apply.result.refused.state_secret", {0, 0, 0, 0, 0, 0, 0}},
      {"apply.result.refused.law_prohibited", {1, 0, 0, 0, 0, 0, 1}},
      {"apply.result.refused.security_stability", {0, 0, 0, 0, 0, 0, 0}},
      {"apply.result.refused.third_party", {2, 0, 0, 0, 0, 0, 2}},
      {"apply.result.refused.internal_affairs", {1, 0, 0, 0, 0, 0, 1}},
      {"apply.result.refused.process_info", {2, 1, 0, 0, 0, 0, 3}},
      {"apply.result.refused.enforcement_file", {0, 0, 0, 0, 0, 0, 0}},
      {"apply.result.refused.query_matter", {1, 0, 0, 0, 0, 0, 1}},
      {"apply.result.unavailable.not_held", {8, 1, 0, 1, 0, 0, 10}},
      {"apply.result.unavailable.needs_creation", {2, 0, 0, 0, 0, 0, 2}},
      {"apply.result.unavailable.unclear", {1, 0, 0, 0, 0, 0, 1}},
      {"apply.result.not_processed.petition", {3, 0, 0, 0, 0, 0, 3}},
      {"apply.result.not_processed.duplicate", {1, 0, 0, 0, 0, 0, 1}},
      {"apply.result.not_processed.publication", {0, 0, 0, 0, 0, 0, 0}},
      {"apply.result.not_processed.bulk", {0, 0, 0, 0, 0, 0, 0}},
      {"apply.result.not_processed.confirm_existing", {1, 0, 0, 0, 1, 0, 2}},
      {"apply.result.other.overdue_amend", {2, 0, 0, 0, 0, 0, 2}},
      {"apply.result.other.overdue_fee", {1, 0, 0, 0, 0, 0, 1}},
      {"apply.result.other.misc", {0, 0, 0, 0, 0, 0, 0}},
      {"apply.result.total", {41, 3, 0, 1, 2, 0, 47}},
      {"apply.carried_out", {4, 0, 0, 0, 0, 0, 4}},
  };
  return rows;
}

inline constexpr std::array<int, 15> kStandardT4 = {2, 1, 0, 1, 4, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1};
inline constexpr std::array<std::string_view, 15> kT4Ids = {
    "review.upheld",
    "review.corrected",
    "review.other",
    "review.pending",
    "review.total",
    "litigation.direct.upheld",
    "litigation.direct.corrected",
    "litigation.direct.other",
    "litigation.direct.pending",
    "litigation.direct.total",
    "litigation.after_review.upheld",
    "litigation.after_review.corrected",
    "litigation.after_review.other",
    "litigation.after_review.pending",
    "litigation.after_review.total",
};

inline void check_t3(const Report& r, const std::vector<T3Row>& rows) {
  for (const T3Row& row : rows)
    for (std::size_t c = 0; c < 7; ++c) {
      INFO(row.id, " column ", c);
      auto v = cell(r, row.id, kCols[c]);
      REQUIRE(v);
      CHECK(*v == ogi::Decimal(row.v[c]));
    }
}

inline void check_t4(const Report& r, const std::array<int, 15>& want) {
  for (std::size_t k = 0; k < 15; ++k) {
    INFO(kT4Ids[k]);
    auto v = cell(r, kT4Ids[k]);
    REQUIRE(v);
    CHECK(*v == ogi::Decimal(want[k]));
  }
}

// Table 二 (2021) of the fixtures: 规章 1/0/5, 行政规范性文件 6/2/30, 许可 1200, 处罚 85, 强制 3, 收费 12.5 万元.
inline void check_t2_2021(const Report& r) {
  CHECK(cell(r, "disclosure.rules.issued") == ogi::Decimal(1));
  CHECK(cell(r, "disclosure.rules.repealed") == ogi::Decimal(0));
  CHECK(cell(r, "disclosure.rules.in_force") == ogi::Decimal(5));
  CHECK(cell(r, "disclosure.normative.issued") == ogi::Decimal(6));
  CHECK(cell(r, "disclosure.normative.repealed") == ogi::Decimal(2));
  CHECK(cell(r, "disclosure.normative.in_force") == ogi::Decimal(30));
  CHECK(cell(r, "disclosure.licensing.decisions") == ogi::Decimal(1200));
  CHECK(cell(r, "disclosure.penalty.decisions") == ogi::Decimal(85));
  CHECK(cell(r, "disclosure.coercion.decisions") == ogi::Decimal(3));
  auto fee = table_facts(r, "disclosure.fees.amount");
  REQUIRE(fee.size() == 1);
  CHECK(fee.front()->value.to_string() == "12.5");
  CHECK(fee.front()->unit == "万元");
}

}  // namespace tables_test
