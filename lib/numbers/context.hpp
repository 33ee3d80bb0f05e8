// Internal: what the numbers stage knows about a quantity beyond the public
// ogi::Quantity. Doc::quantity_context runs parallel to Doc::quantities (same
// index, same order); the prose-facts stage (lib/facts) reads both to map a
// quantity to an indicator, a scope and a part-of relation.
//
// All spans are in the coordinates of the text given to num::scan (for the
// pipeline: Doc::norm). They are not mapped to Report::text and not exported.
//
// How to read one, for "其中市级行政机关及企事业单位公开信息74949条":
//   window  = "其中市级行政机关及企事业单位公开信息"   (searched for the label)
//   marker  = "其中"                                  (the connective found in window)
//   scope   = "市级行政机关及企事业单位"               (who; the facts stage maps it to own_level)
//   label   = "公开信息"                              (= Quantity::label)
//   part_of = "其中"
// and for "全市共制发规范性文件510件": scope "全市", marker "共", verb "制发",
// label "规范性文件" (the verb says which indicator: 制发 vs 主动公开).
#pragma once

#include <string_view>

#include "ogi/span.hpp"

namespace ogi::detail {

struct QuantityContext {
  Span number;               // the numerals alone: "24.8" of "24.8万多条", "一百二十" of "一百二十件"
  Span unit;                 // the unit as printed ("条", "万元", "个百分点", "%"); empty when none
  Span window;               // where the label was looked for: back from the number to the clause start,
                             // the end of the previous number/date/..., or a fixed look-back, whichever is nearest
  Span scope;                // who: "全市", "市级行政机关及企事业单位", "各县(市)、区"; may be empty
  Span verb;                 // the verb taken off the front of the label: "新增", "受理", "制发"; may be empty
  Span label;                // the text Quantity::label was copied from (inside window); may be empty
  std::string_view marker;   // connective inside window: "其中" "共" "共计" "累计" "合计" "全年" "分别为" "占" ...; "" if none
  std::string_view part_of;  // "其中", "分别" or "包括" when one stood earlier in the same sentence
                             // (this quantity is a part of a total stated before it), else ""
  bool share = false;        // a percentage stated as a share of a whole: "占33.3%", "比例为83.3%", "所占比重为53.3%"
  int list_index = -1;       // position in a run of numbers that share one label ("分别为25件、23件和13件"
                             // -> 0, 1, 2; a later item with no label of its own inherits the label); -1 otherwise
  int sentence = 0;          // sentence index (split at 。；！？ and line ends), increasing through the document
  int clause = 0;            // clause index (split also at ，：), increasing through the document
};

}  // namespace ogi::detail
