// lib/checks: cross-year comparison of two reports of the same body.
#include <fmt/core.h>

#include <algorithm>

#include "checks/checks.hpp"
#include "ogi/check.hpp"

namespace ogi {

namespace {

constexpr Applicant kColumns[] = {Applicant::natural_person, Applicant::commercial, Applicant::research,
                                  Applicant::nonprofit,      Applicant::legal_service, Applicant::other_org,
                                  Applicant::total};

// Code points of a UTF-8 string (for a tolerant comparison of names).
std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (cp != ' ') out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

// Share of code points in common, position-insensitive (OCR may misread one
// character: 沭阳 printed as 沐阳; reorganised bodies keep most of their name).
double similarity(std::string_view a, std::string_view b) {
  auto x = code_points(a), y = code_points(b);
  if (x.empty() || y.empty()) return 0;
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  std::vector<char32_t> common;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
  return static_cast<double>(common.size()) / static_cast<double>(std::max(x.size(), y.size()));
}

bool same_body(const Meta& a, const Meta& b) {
  if (!a.issuer.empty() && !b.issuer.empty()) {
    if (similarity(a.issuer, b.issuer) >= 0.75) return true;
    // "洪泽区人民政府" and "淮安市洪泽区人民政府": one name contains the other's.
    std::string_view s = a.issuer.size() < b.issuer.size() ? a.issuer : b.issuer;
    std::string_view l = a.issuer.size() < b.issuer.size() ? b.issuer : a.issuer;
    if (l.find(s) != std::string_view::npos) return true;
    return false;
  }
  return !a.region.empty() && similarity(a.region, b.region) >= 0.75;
}

}  // namespace

result<Comparison> compare(const Report& last, const Report& cur) {
  if (last.meta.year == 0 || cur.meta.year == 0)
    return Error{ErrorCode::incompatible, "the report year of one of the two reports is unknown; cannot compare", 0};
  if (cur.meta.year != last.meta.year + 1)
    return Error{ErrorCode::incompatible,
                 fmt::format("the reports are for {} and {}, not consecutive years (give last year's report first)",
                             last.meta.year, cur.meta.year),
                 0};
  if (!same_body(last.meta, cur.meta))
    return Error{ErrorCode::incompatible,
                 fmt::format("the reports are of different bodies ({} / {}); cross-year checks need the same body",
                             last.meta.issuer.empty() ? last.meta.region : last.meta.issuer,
                             cur.meta.issuer.empty() ? cur.meta.region : cur.meta.issuer),
                 0};

  Comparison cmp;
  detail::FactIndex before(last.facts, Origin::table), now(cur.facts, Origin::table);

  auto record = [&](CrossYearResult r, const Fact* printed) {
    if (!r.holds) {
      Finding f;
      f.rule = r.rule;
      f.severity = Severity::warning;
      f.indicators = {r.indicator};
      f.expected = r.expected.to_string();
      f.found = r.found.to_string();
      if (r.rule == "crossyear.carryover") {
        std::string col = r.applicant == Applicant::total ? "" : fmt::format("（{}列）", detail::applicant_zh(r.applicant));
        f.message = fmt::format("上年结转申请数{}为{}，但上一年度报告的结转下年度继续办理为{}", col, f.found, f.expected);
        f.message_en = fmt::format("applications carried in{} are {}, but last year's report carried out {}",
                                   r.applicant == Applicant::total ? "" : fmt::format(" ({} column)", to_string(r.applicant)),
                                   f.found, f.expected);
      } else {
        f.message = fmt::format("{}现行有效件数为{}，按上年现行有效数加本年制发减废止应为{}（{}）",
                                detail::indicator_zh(r.indicator), f.found, f.expected, r.explanation);
        f.message_en = fmt::format("{} is {}, but last year's count plus issued minus repealed gives {} ({})",
                                   r.indicator, f.found, f.expected, r.explanation);
      }
      if (printed) {
        f.span = printed->span;
        f.spans = {printed->span};
      }
      cmp.findings.push_back(std::move(f));
    }
    cmp.results.push_back(std::move(r));
  };

  for (Applicant a : kColumns) {
    const Fact* in = now.get("apply.carried_in", Scope::total, a);
    const Fact* out = before.get("apply.carried_out", Scope::total, a);
    if (!in || !out) continue;
    CrossYearResult r;
    r.rule = "crossyear.carryover";
    r.indicator = "apply.carried_in";
    r.applicant = a;
    r.expected = out->value;
    r.found = in->value;
    r.holds = in->value == out->value;
    r.explanation = fmt::format("{} = {}", in->value.to_string(), out->value.to_string());
    record(std::move(r), in);
  }

  for (std::string_view kind : {"disclosure.rules", "disclosure.normative"}) {
    std::string base(kind);
    const Fact* prev = before.get(base + ".in_force");
    const Fact* cur_in_force = now.get(base + ".in_force");
    const Fact* issued = now.get(base + ".issued");
    const Fact* repealed = now.get(base + ".repealed");
    if (!prev || !cur_in_force || !issued || !repealed) continue;
    auto plus = Decimal::add(prev->value, issued->value);
    auto expected = plus ? Decimal::sub(*plus, repealed->value) : std::nullopt;
    if (!expected) continue;
    CrossYearResult r;
    r.rule = "crossyear.in_force";
    r.indicator = base + ".in_force";
    r.expected = *expected;
    r.found = cur_in_force->value;
    r.holds = *expected == cur_in_force->value;
    r.explanation = fmt::format("{} + {} - {} = {}", prev->value.to_string(), issued->value.to_string(),
                                repealed->value.to_string(), expected->to_string());
    record(std::move(r), cur_in_force);
  }
  return cmp;
}

}  // namespace ogi
