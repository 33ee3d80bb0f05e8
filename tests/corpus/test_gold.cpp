// Every real report of ../shared/corpus against its gold labels: metadata,
// facts (recall and precision, the way ../shared/tools/ogi-score counts
// them), the findings a correct checker must report, and no error-severity
// false alarm. Skips with a message when ../shared is absent.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include "gold.hpp"

using namespace ogi;
using namespace ogi::testing;

namespace {

// Floors for the whole corpus: the targets are recall 0.99 and
// precision 0.995; these guard against regressions from where we are.
constexpr double kMinRecall = OGI_CORPUS_MIN_RECALL;
constexpr double kMinPrecision = OGI_CORPUS_MIN_PRECISION;

std::string meta_value(const Meta& m, const std::string& field) {
  if (field == "year") return m.year ? std::to_string(m.year) : "null";
  if (field == "format") return std::string(to_string(m.format));
  if (field == "region") return m.region;
  if (field == "published") return m.published.value_or("null");
  return "?";
}

std::string gold_string(const nlohmann::json& v) { return v.is_null() ? "null" : v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace

TEST_CASE("corpus: metadata, facts and findings against the gold") {
  if (!have_corpus()) {
    MESSAGE("SKIP: ../shared/corpus not found; the corpus tests need it beside the project");
    return;
  }
  int tp = 0, fn = 0, fp = 0;
  for (const GoldFile& g : gold_files()) {
    CAPTURE(g.name);
    auto r = parse_file(g.input);
    REQUIRE_MESSAGE(r, g.input << ": " << (r ? "" : r.error().message));
    const auto& gm = g.json["meta"];
    for (const char* field : {"year", "format", "published"})
      if (gm.contains(field)) CHECK_MESSAGE(meta_value(r->meta, field) == gold_string(gm[field]), field);
    // The region as printed is accepted too: an OCR copy may misprint the
    // name throughout (沐阳县 for 沭阳县), and correcting it needs a gazetteer.
    if (gm.contains("region")) {
      std::string got = meta_value(r->meta, "region");
      CHECK_MESSAGE((got == gold_string(gm["region"]) ||
                     (gm.contains("region_as_printed") && got == gold_string(gm["region_as_printed"]))),
                    "region");
    }
    if (gm.contains("period") && gm["period"].is_object()) {
      REQUIRE(r->meta.period);
      CHECK(r->meta.period->from == gm["period"]["from"].get<std::string>());
      CHECK(r->meta.period->to == gm["period"]["to"].get<std::string>());
    }
    if (gm.contains("contact")) {
      const Contact& c = r->meta.contact;
      for (const auto& [field, want] : gm["contact"].items()) {
        CAPTURE(field);
        if (want.is_array()) {
          std::vector<std::string> w = want.get<std::vector<std::string>>();
          const std::vector<std::string>* got = field == "phone" ? &c.phone : field == "fax" ? &c.fax
                                                : field == "email" ? &c.email : &c.website;
          std::vector<std::string> a = *got;
          std::sort(a.begin(), a.end());
          std::sort(w.begin(), w.end());
          CHECK(a == w);
        } else if (field == "address") {
          CHECK(c.address == want.get<std::string>());
        } else if (field == "postcode") {
          CHECK(c.postcode == want.get<std::string>());
        }
      }
    }
    Score s = score_facts(*r, g.json);
    tp += s.tp;
    fn += s.fn;
    fp += s.fp;
    for (const auto& line : s.lines) MESSAGE(g.name << ": " << line);

    // Every non-optional gold finding is reported.
    for (const auto& gf : g.json.value("findings", nlohmann::json::array())) {
      if (gf.value("optional", false)) continue;
      std::vector<std::string> sev;
      if (gf["severity"].is_string()) sev = {gf["severity"].get<std::string>()};
      else if (gf["severity"].is_array()) sev = gf["severity"].get<std::vector<std::string>>();
      auto inds = gf.value("indicators", std::vector<std::string>{});
      bool hit = std::any_of(r->findings.begin(), r->findings.end(), [&](const Finding& f) {
        if (f.rule != gf["rule"].get<std::string>()) return false;
        if (!sev.empty() && std::find(sev.begin(), sev.end(), std::string(to_string(f.severity))) == sev.end()) return false;
        if (inds.empty()) return true;
        return std::any_of(f.indicators.begin(), f.indicators.end(),
                           [&](const std::string& i) { return std::find(inds.begin(), inds.end(), i) != inds.end(); });
      });
      CHECK_MESSAGE(hit, "finding not reported: " << gf["rule"].get<std::string>() << " " << gf.value("why", ""));
    }
    // No error that the gold does not explain.
    if (g.json.value("no_other_errors", false)) {
      for (const Finding& f : r->findings) {
        if (f.severity != Severity::error) continue;
        bool explained = false;
        for (const auto& gf : g.json.value("findings", nlohmann::json::array())) {
          if (gf["rule"].get<std::string>() != f.rule) continue;
          auto inds = gf.value("indicators", std::vector<std::string>{});
          if (inds.empty() || std::any_of(f.indicators.begin(), f.indicators.end(), [&](const std::string& i) {
                return std::find(inds.begin(), inds.end(), i) != inds.end();
              }))
            explained = true;
        }
        CHECK_MESSAGE(explained, "false alarm: " << f.rule << " " << f.message);
      }
    }
  }
  double recall = tp + fn ? double(tp) / (tp + fn) : 1.0;
  double precision = tp + fp ? double(tp) / (tp + fp) : 1.0;
  MESSAGE(fmt::format("corpus: recall {:.3f} ({}/{}), precision {:.3f}", recall, tp, tp + fn, precision));
  CHECK(recall >= kMinRecall);
  CHECK(precision >= kMinPrecision);
}
