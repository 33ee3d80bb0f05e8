// Reading the gold labels of ../shared/corpus (never copied into the project).
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "ogi/ogi.hpp"

namespace ogi::testing {

inline std::string shared_dir() { return OGI_SHARED_DIR; }

inline bool have_corpus() {
  std::error_code ec;
  return std::filesystem::is_directory(shared_dir() + "/corpus/gold", ec);
}

struct GoldFile {
  std::string name;   // "xinxiang-2016"
  std::string input;  // absolute path of the report
  nlohmann::json json;
};

inline std::vector<GoldFile> gold_files() {
  std::vector<GoldFile> out;
  std::error_code ec;
  std::string dir = shared_dir() + "/corpus/gold";
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path());
    GoldFile g;
    g.name = e.path().stem().string();
    g.json = nlohmann::json::parse(in, nullptr, false);
    if (g.json.is_discarded()) continue;
    g.input = shared_dir() + "/corpus/" + g.json.value("file", "");
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const GoldFile& a, const GoldFile& b) { return a.name < b.name; });
  return out;
}

using FactKey = std::tuple<std::string, std::string, std::string>;  // indicator, scope, applicant

inline FactKey key_of(const Fact& f) {
  std::string_view a = to_string(f.applicant);
  return {f.indicator, std::string(to_string(f.scope)), a.empty() ? "total" : std::string(a)};
}

inline FactKey key_of(const nlohmann::json& g) {
  auto str = [&](const char* k, const char* dflt) {
    return g.contains(k) && g[k].is_string() ? g[k].get<std::string>() : std::string(dflt);
  };
  return {str("indicator", ""), str("scope", "total"), str("applicant", "total")};
}

// A gold value as a Decimal (the gold writes JSON numbers).
inline std::optional<Decimal> gold_value(const nlohmann::json& v) {
  if (v.is_number_integer()) return Decimal(v.get<std::int64_t>());
  if (v.is_number()) return Decimal::parse(v.dump());
  if (v.is_string()) return Decimal::parse(v.get<std::string>());
  return std::nullopt;
}

struct Score {
  int tp = 0, fn = 0, fp = 0;
  std::vector<std::string> lines;
};

// The scoring rules of ../shared/tools/ogi-score: a key may hold several gold
// values; optional gold facts count neither way when missing; a predicted
// value not among the key's gold values is a false positive.
inline Score score_facts(const Report& r, const nlohmann::json& gold) {
  std::map<FactKey, std::vector<std::pair<Decimal, bool>>> want;
  for (const auto& g : gold["facts"]) {
    auto v = gold_value(g["value"]);
    if (!v) continue;
    auto& vals = want[key_of(g)];
    bool optional = g.value("optional", false);
    auto it = std::find_if(vals.begin(), vals.end(), [&](auto& p) { return p.first == *v; });
    if (it == vals.end()) vals.push_back({*v, optional});
    else it->second = it->second && optional;
  }
  std::map<FactKey, std::vector<Decimal>> got;
  for (const Fact& f : r.facts) {
    auto& vals = got[key_of(f)];
    if (std::find(vals.begin(), vals.end(), f.value) == vals.end()) vals.push_back(f.value);
  }
  Score s;
  for (const auto& [k, vals] : want) {
    const auto& g = got[k];
    for (const auto& [v, optional] : vals) {
      if (std::find(g.begin(), g.end(), v) != g.end()) ++s.tp;
      else if (!optional) {
        ++s.fn;
        s.lines.push_back("missing " + std::get<0>(k) + " " + std::get<1>(k) + " " + std::get<2>(k) + " " + v.to_string());
      }
    }
  }
  for (const auto& [k, vals] : got) {
    auto it = want.find(k);
    for (const Decimal& v : vals) {
      bool ok = it != want.end() && std::any_of(it->second.begin(), it->second.end(), [&](auto& p) { return p.first == v; });
      if (!ok) {
        ++s.fp;
        s.lines.push_back("extra " + std::get<0>(k) + " " + std::get<1>(k) + " " + std::get<2>(k) + " " + v.to_string());
      }
    }
  }
  return s;
}

}  // namespace ogi::testing
