// lib/numbers: the quantity recogniser.
//
// One left-to-right pass over normalised text (NFKC already applied: digits,
// % , : ( ) are ASCII; the recogniser also accepts the full-width forms of the
// punctuation). Every run of ASCII digits and every Chinese numeral becomes
// exactly one of
//   * a Quantity {value, unit, approx, span, label} (+ a QuantityContext), or
//   * a Skipped {span, reason}: a date, time, ordinal, document number, phone,
//     postcode, URL, e-mail, a year, a section number, the inside of a 《title》,
//     a word that contains a numeral character (统一, 一是, 进一步), a run too long
//     for a Decimal (more than 18 digits), an address number, or other.
// Nothing is dropped silently; tests/unit/test_numbers.cpp checks this on a
// real report.
//
// Values (exact Decimal, never binary floating point):
//   * 130661, 130,661, 83.3, 76.10 (the scale is kept: "76.10").
//   * 万/亿/千/百 multipliers scale the value: 24.8万条 -> 248000 条,
//     1.2亿 -> 120000000. Money is the exception: a multiplier directly before
//     元 is part of the unit, 76.10万元 -> 76.10 unit 万元 (INDICATORS.md: the
//     value is never silently rescaled). "10万余元" has 余 between 万 and 元 and
//     reads 100000 元 more_than.
//   * Compound forms add up: 3万4000 -> 34000, 1亿2000万 -> 120000000. A bare
//     tail must have as many digits as the place it fills (3万4000, 3万0400);
//     "2万3" is not joined (it is ambiguous) and reads as two numbers.
//   * Chinese numerals: 一百二十 120, 两千零五 2005, 十五 15, 一万零十二 10012,
//     colloquial tails 一百二 120 / 三万四 34000, 八十三点三 83.3; digit by digit
//     二〇一六 2016 (a year before 年, a count before a unit).
//   * Percentages: 83.3% (or ％), 百分之八十三点三 -> 83.3 unit "%";
//     个百分点 is its own unit; 八成 -> 8 unit 成.
// Approximation (Approx): before the number 超过 超 逾 多于 不低于 不少于 (more_than),
// 约 大约 (about), 近 将近 接近 (nearly; not 近三年 "the last three years"),
// 不到 不足 少于 不超过 (less_than); after it 余 多 以上 之多 有余 (more_than),
// 左右 上下 (about), 以下 (less_than). "140余人" 140 more_than; "24.8万多条"
// 248000 more_than.
// Decisions on edge cases (each has a case in tests/unit/numbers_cases.inc):
//   * A single Chinese numeral (一 … 十, 两) before a measure word is a count
//     ("召开一次会议" 1 次, "三个" 3 个); before anything else it is a word (一是,
//     统一, 两岸). Fixed phrases that look like counts (一次性, 一条龙, 四个意识,
//     三类内部事务信息) are in the word table.
//   * 12345 (and other 123xx service lines) followed by 热线/平台 or after 拨打 is
//     a phone number, as is anything after 电话/传真/热线 and 0xxx-xxxxxxx.
//   * "N日内" / "七日内" is a time limit: a quantity with unit 日. "21日" is a date.
//   * A bare 4-digit number 1900..2099 with no unit is a year.
//   * 第N… is an ordinal (第54次, 第二十条, 第(一)项); 第N号 is a document number.
//
// Labels: the noun phrase counted, read backwards from the number inside its
// clause (bounded: at most kLabelWindow bytes back), see context.hpp.
//
// Cost: linear in the input, including adversarial input (a megabyte of
// digits or of 一 is one too_long item); no allocation per character.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "doc.hpp"

namespace ogi::detail::num {

// How far back (in bytes) a label is looked for: 40 CJK characters.
inline constexpr std::size_t kLabelWindow = 120;

// Scans `text` and appends what it finds. Spans are offsets into `text` plus
// `base_offset` (pass a line's Span::begin to get Doc::norm offsets). Output
// is in text order; quantity and skipped spans never overlap. `context`,
// when given, gets one entry per quantity appended (same order).
void scan(std::string_view text, std::size_t base_offset, std::vector<Quantity>& quantities,
          std::vector<Skipped>& skipped, std::vector<QuantityContext>* context = nullptr);

// "date", "time", "ordinal", ... (the enumerator's name).
std::string_view to_string(SkipReason reason) noexcept;

// The ONE unit table: every unit the recogniser knows after a number.
enum class UnitKind { count, money, percent, time, measure };
struct UnitDef {
  std::string_view text;
  UnitKind kind;
  // Characters that, right after the unit, show it is the start of a word
  // instead: 成 is not a unit in "13成员单位", 部 not in "12部门联合".
  std::string_view not_before = {};
};
std::span<const UnitDef> units() noexcept;

}  // namespace ogi::detail::num
