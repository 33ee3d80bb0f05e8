// The object model: Decimal, OffsetMap, result.
#include <doctest/doctest.h>

#include "doc.hpp"
#include "ogi/ogi.hpp"

using ogi::Decimal;

TEST_CASE("Decimal keeps the printed digits") {
  auto d = Decimal::parse("76.10");
  REQUIRE(d);
  CHECK(d->to_string() == "76.10");
  CHECK(*d == *Decimal::parse("76.1"));
  CHECK(Decimal::parse("-8")->to_string() == "-8");
  CHECK(Decimal::parse("0.05")->to_string() == "0.05");
  CHECK_FALSE(Decimal::parse(""));
  CHECK_FALSE(Decimal::parse("1.2.3"));
  CHECK_FALSE(Decimal::parse("12a"));
  CHECK_FALSE(Decimal::parse("99999999999999999999"));  // overflow is refused, not wrapped
}

TEST_CASE("Decimal arithmetic is exact") {
  auto a = *Decimal::parse("14.8"), b = *Decimal::parse("61.3");
  CHECK(Decimal::add(a, b)->to_string() == "76.1");
  CHECK(*Decimal::add(a, b) == *Decimal::parse("76.10"));
  CHECK(Decimal::shift(*Decimal::parse("24.8"), 4)->to_string() == "248000");
  CHECK(Decimal::shift(*Decimal::parse("1.2"), 8)->to_string() == "120000000");
  CHECK(Decimal::sub(Decimal(3), Decimal(5))->to_string() == "-2");
  CHECK(Decimal(4) < *Decimal::parse("4.01"));
  CHECK_FALSE(Decimal::shift(Decimal(1), 30));
}

TEST_CASE("OffsetMap maps through linear and collapsed segments") {
  ogi::detail::OffsetMap m;
  m.add(0, 5, 0, 5);    // "abcde" unchanged
  m.add(5, 1, 5, 3);    // one derived byte from three original bytes ("①" -> "1")
  m.add(6, 4, 8, 4);
  CHECK(m.to_orig(3) == 3);
  CHECK(m.to_orig(5) == 5);
  CHECK(m.to_orig(6, true) == 8);
  CHECK(m.to_orig(7) == 9);
  CHECK(m.to_orig(10, true) == 12);
  CHECK(m.to_derived(9) == 7);
  CHECK(m.to_derived(6) == 5);       // inside the collapsed segment: its start
  CHECK(m.to_derived(6, true) == 6); // or its end
}

TEST_CASE("parse refuses empty input with a clear error") {
  auto r = ogi::parse("");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ogi::ErrorCode::empty_input);
  CHECK_FALSE(r.error().message.empty());
}
