// ogi::Decimal: an exact decimal number as printed in a report.
//
// Reports print integers (130661), decimals (76.10, 4068.208) and negative
// changes (-8). A Decimal keeps the digits and the number of decimal places
// exactly as written, so 76.10 prints back as "76.10" and never as 76.0999.
// The coefficient is a signed 64-bit integer: numbers with more than 18
// significant digits do not fit and are rejected by `parse` (no report
// statistic is that large; a run of a million digits is not a quantity).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ogi {

class Decimal {
 public:
  constexpr Decimal() = default;
  constexpr Decimal(std::int64_t integer) : coef_(integer) {}  // NOLINT: implicit from integers is intended

  // Parses "-12", "76.10", "0.5". ASCII digits, one optional leading '-',
  // one optional '.'. Returns nullopt on anything else or on overflow.
  static std::optional<Decimal> parse(std::string_view text);

  // Builds coefficient * 10^-scale. scale is at most 18.
  static constexpr Decimal from_parts(std::int64_t coefficient, int scale) {
    Decimal d;
    d.coef_ = coefficient;
    d.scale_ = static_cast<std::uint8_t>(scale);
    return d;
  }

  constexpr std::int64_t coefficient() const { return coef_; }
  constexpr int scale() const { return scale_; }
  constexpr bool is_integer() const { return scale_ == 0 || coef_ % pow10(scale_) == 0; }
  constexpr bool is_negative() const { return coef_ < 0; }
  constexpr bool is_zero() const { return coef_ == 0; }

  // The integral part, truncated toward zero.
  constexpr std::int64_t integer_part() const { return coef_ / pow10(scale_); }

  // Printed with exactly `scale()` decimal places: "76.10", "-8", "0.5".
  std::string to_string() const;
  double to_double() const;

  // Exact arithmetic; nullopt on overflow.
  static std::optional<Decimal> add(Decimal a, Decimal b);
  static std::optional<Decimal> sub(Decimal a, Decimal b);
  // a * 10^exp (exp may be negative: 24.8 * 10^4 = 248000). nullopt on overflow or scale > 18.
  static std::optional<Decimal> shift(Decimal a, int exp);
  static std::optional<Decimal> mul(Decimal a, Decimal b);

  // Numeric comparison: 76.1 == 76.10.
  friend bool operator==(Decimal a, Decimal b) { return compare(a, b) == 0; }
  friend std::strong_ordering operator<=>(Decimal a, Decimal b) { return compare(a, b) <=> 0; }

  static constexpr std::int64_t pow10(int n) {
    std::int64_t p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
  }

 private:
  static int compare(Decimal a, Decimal b);
  std::int64_t coef_ = 0;
  std::uint8_t scale_ = 0;
};

}  // namespace ogi
