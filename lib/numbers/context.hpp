// Internal: what the numbers stage knows about a quantity beyond the public
// ogi::Quantity. Doc::quantity_context runs parallel to Doc::quantities (same
// index, same order); the prose-facts stage (lib/facts) reads both to map a
// quantity to an indicator, a scope and a part-of relation.
//
// All spans are in the coordinates of the text given to num::scan (for the
// pipeline: Doc::norm). They are not mapped to Report::text and not exported.
//
// How to read one, for "其中市级行政机关及企事业单位公开信息74949条":
//   window()  = "其中市级行政机关及企事业单位公开信息"   (searched for the label)
//   marker()  = "其中"                                  (the connective found in window)
//   scope()   = "市级行政机关及企事业单位"               (who; the facts stage maps it to own_level)
//   label()   = "公开信息"                              (= Quantity::label)
//   part_of() = "其中"
// and for "全市共制发规范性文件510件": scope "全市", marker "共", label
// "制发规范性文件" (a verb that says what is counted stays in the label; light
// verbs such as 新增 受理 发布 are taken off and returned by verb()).
//
// Layout: a document can hold a million quantities, so the struct is compact
// (56 bytes): `number` is a Span, every other span is stored as offsets from
// number.begin (they all lie within num::kLabelWindow before the number or a
// few bytes after it) and read through the accessors.
#pragma once

#include <cstdint>
#include <string_view>

#include "ogi/span.hpp"

namespace ogi::detail {

struct QuantityContext {
  Span number;        // the numerals alone: "24.8" of "24.8万多条", "一百二十" of "一百二十件"
  bool share = false; // a percentage stated as a share of a whole: "占33.3%", "比例为83.3%",
                      // "所占比重为53.3%", or in brackets right after a count: "208件(17.46%)"
  int list_index = -1;  // position in a run of numbers that share one label ("分别为25件、23件和13件"
                        // -> 0, 1, 2; a later item with no label of its own inherits the label); -1 otherwise
  int sentence = 0;     // sentence index (split at 。；！？ and line ends), increasing through the document
  int clause = 0;       // clause index (split also at ，：), increasing through the document

  // the unit as printed ("条", "万元", "个百分点", "%"); empty when none
  Span unit() const { return at(unit_); }
  // where the label was looked for: back from the number to the clause start,
  // the end of the previous number/date/..., or num::kLabelWindow bytes, whichever is nearest
  Span window() const { return at(window_); }
  // who: "全市", "市级行政机关及企事业单位", "各县(市)、区"; may be empty
  Span scope() const { return at(scope_); }
  // the light verb taken off the front of the label: "新增", "受理"; may be empty
  Span verb() const { return at(verb_); }
  // the text Quantity::label was copied from (inside window); may be empty
  Span label() const { return at(label_); }
  // connective inside window: "其中" "共" "共计" "累计" "合计" "全年" "分别为" "占" ...; "" if none
  std::string_view marker() const { return name(marker_); }
  // "其中", "分别" or "包括" when one stood earlier in the same sentence (this
  // quantity is a part of a total stated before it), else ""
  std::string_view part_of() const { return name(part_of_); }

  // ---- written by the numbers stage
  void set_unit(Span s) { unit_ = rel(s); }
  void set_window(Span s) { window_ = rel(s); }
  void set_scope(Span s) { scope_ = rel(s); }
  void set_verb(Span s) { verb_ = rel(s); }
  void set_label(Span s) { label_ = rel(s); }
  void set_marker(std::uint8_t id) { marker_ = id; }
  void set_part_of(std::uint8_t id) { part_of_ = id; }
  std::uint8_t marker_id() const { return marker_; }
  std::uint8_t part_of_id() const { return part_of_; }
  // The connective names, by id (0 = none). Ids are stable within a build only.
  static std::string_view name(std::uint8_t id);

 private:
  struct Rel {
    std::int16_t b = 0, e = 0;
  };
  Rel rel(Span s) const {
    std::int64_t b = static_cast<std::int64_t>(s.begin) - static_cast<std::int64_t>(number.begin);
    std::int64_t e = static_cast<std::int64_t>(s.end) - static_cast<std::int64_t>(number.begin);
    if (s.empty() || b < INT16_MIN || e > INT16_MAX) return {};  // (a list item's inherited label far back)
    return {static_cast<std::int16_t>(b), static_cast<std::int16_t>(e)};
  }
  Span at(Rel r) const {
    if (r.b == r.e) return {};
    return {static_cast<std::size_t>(static_cast<std::int64_t>(number.begin) + r.b),
            static_cast<std::size_t>(static_cast<std::int64_t>(number.begin) + r.e)};
  }
  Rel unit_, window_, scope_, verb_, label_;
  std::uint8_t marker_ = 0, part_of_ = 0;
};

}  // namespace ogi::detail
