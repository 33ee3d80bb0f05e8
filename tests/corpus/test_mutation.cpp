// Mutation test of the checks: in every gold report, each printed number
// that takes part in an identity is changed in the input (+1), one at a time.
// The checks must then report a finding naming that indicator for at least
// 99% of the mutations, and the mutated report must otherwise parse the same.
// PDF reports are mutated in their extracted layout text (which ogi parses to
// the same facts as the PDF). Skips when ../shared is absent.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include "gold.hpp"
#include "inputs.hpp"
#include "ogi/catalogue.hpp"

using namespace ogi;
using namespace ogi::testing;

namespace {

constexpr Applicant kColumns[] = {Applicant::natural_person, Applicant::commercial, Applicant::research,
                                  Applicant::nonprofit,      Applicant::legal_service, Applicant::other_org,
                                  Applicant::total};

std::vector<std::string_view> split(std::string_view ids) {
  std::vector<std::string_view> out;
  while (!ids.empty()) {
    auto bar = ids.find('|');
    if (bar) out.push_back(ids.substr(0, bar));
    if (bar == std::string_view::npos) break;
    ids.remove_prefix(bar + 1);
  }
  return out;
}

struct Lookup {
  const std::vector<Fact>& facts;
  const Fact* get(std::string_view id, Scope s, Applicant a, Origin o) const {
    if (a == Applicant::none) a = Applicant::total;
    for (const Fact& f : facts) {
      Applicant fa = f.applicant == Applicant::none ? Applicant::total : f.applicant;
      if (f.origin == o && f.indicator == id && f.scope == s && fa == a) return &f;
    }
    return nullptr;
  }
};

// Whether the fact is a member of a relation whose other members are all
// printed, or has a table counterpart in the prose, i.e. an identity would
// change if its value did.
bool takes_part(const Fact& f, const Report& r) {
  Lookup lk{r.facts};
  Applicant col = f.applicant == Applicant::none ? Applicant::total : f.applicant;
  bool table = f.origin == Origin::table;
  std::uint8_t family = r.meta.format == Format::legacy ? in_legacy : in_tables;
  for (const Relation& rel : relations()) {
    if (table ? !(rel.formats & family) : !in_format(rel.formats, r.meta.format)) continue;
    auto members = split(rel.parts);
    switch (rel.kind) {
      case RelationKind::applicant_sum:
        if (!table || (rel.total != "*" && rel.total != f.indicator)) break;
        if (std::all_of(std::begin(kColumns), std::end(kColumns),
                        [&](Applicant a) { return lk.get(f.indicator, f.scope, a, f.origin); }))
          return true;
        break;
      case RelationKind::scope_sum:
        if (rel.total != "*" && rel.total != f.indicator) break;
        if (lk.get(f.indicator, Scope::total, col, f.origin) && lk.get(f.indicator, Scope::own_level, col, f.origin) &&
            lk.get(f.indicator, Scope::lower_levels, col, f.origin))
          return true;
        break;
      default: {
        members.push_back(rel.total);
        if (std::find(members.begin(), members.end(), f.indicator) == members.end()) break;
        if (!rel.per_applicant && col != Applicant::total) break;
        if (std::all_of(members.begin(), members.end(),
                        [&](std::string_view id) { return lk.get(id, f.scope, col, f.origin); }))
          return true;
      }
    }
  }
  // Prose stated against a table value.
  if (f.origin == Origin::text && f.scope == Scope::total && f.approx == Approx::none)
    return lk.get(f.indicator, Scope::total, Applicant::total, Origin::table) != nullptr;
  return false;
}

// The input with the number printed at `s` increased by one (its last digit
// run, carrying: 9 -> 10, 0.5 -> 0.6). False when the span holds no digit.
bool bump(std::string& text, Span s) {
  if (s.end > text.size() || s.empty()) return false;
  std::size_t end = s.end;
  while (end > s.begin && !(text[end - 1] >= '0' && text[end - 1] <= '9')) --end;
  if (end == s.begin) return false;
  std::size_t i = end;
  while (i > s.begin) {
    char& c = text[i - 1];
    if (c == '.') {
      --i;
      continue;
    }
    if (c < '0' || c > '9') break;
    if (c != '9') {
      ++c;
      return true;
    }
    c = '0';
    --i;
  }
  text.insert(i, 1, '1');
  return true;
}

}  // namespace

TEST_CASE("corpus: every number in an identity, changed by one, is caught by the checks") {
  if (!have_corpus()) {
    MESSAGE("SKIP: ../shared/corpus not found; the mutation test needs it beside the project");
    return;
  }
  int mutations = 0, caught = 0, changed_elsewhere = 0;
  for (const GoldFile& g : gold_files()) {
    CAPTURE(g.name);
    auto original = parse_file(g.input);
    REQUIRE(original);
    // PDF: mutate the extracted text, parsed as text.
    Options opts = options_for(kind_of(g.input));
    std::string source;
    if (kind_of(g.input) == "pdf") {
      opts.kind = Options::Kind::text;
      source = original->text;
    } else {
      REQUIRE(read_file(g.input, source));
    }
    auto base = parse(source, opts);
    REQUIRE(base);
    std::string bom_prefix;  // decoded text starts after a BOM: spans are relative to it
    if (source.rfind("\xEF\xBB\xBF", 0) == 0) bom_prefix = "\xEF\xBB\xBF";
    int missed_here = 0;
    for (const Fact& f : base->facts) {
      if (f.origin == Origin::derived || f.blank || !takes_part(f, *base)) continue;
      std::string mutated = base->text;
      if (!bump(mutated, f.span)) continue;
      auto m = parse(bom_prefix + mutated, opts);
      ++mutations;
      if (!m) {
        MESSAGE(g.name << ": mutated report does not parse: " << m.error().message);
        continue;
      }
      bool named = std::any_of(m->findings.begin(), m->findings.end(), [&](const Finding& x) {
        return std::find(x.indicators.begin(), x.indicators.end(), f.indicator) != x.indicators.end() &&
               std::none_of(base->findings.begin(), base->findings.end(), [&](const Finding& y) {
                 return y.rule == x.rule && y.indicators == x.indicators && y.found == x.found && y.expected == x.expected;
               });
      });
      if (named) ++caught;
      else if (missed_here++ < 5)
        MESSAGE(g.name << ": not caught: " << f.indicator << " " << to_string(f.scope) << " " << to_string(f.applicant)
                       << " " << f.value.to_string() << " at " << f.span.begin);
      // Everything else parses the same.
      if (m->facts.size() != base->facts.size()) {
        ++changed_elsewhere;
        continue;
      }
      for (std::size_t i = 0; i < m->facts.size(); ++i) {
        const Fact& a = base->facts[i];
        const Fact& b = m->facts[i];
        // The mutated fact itself, and subtotals derived from it, change.
        if (a.origin == Origin::derived ||
            (a.indicator == f.indicator && a.scope == f.scope && a.applicant == f.applicant && a.origin == f.origin))
          continue;
        if (a.indicator != b.indicator || !(a.value == b.value) || a.scope != b.scope || a.applicant != b.applicant) {
          if (changed_elsewhere < 5)
            MESSAGE(g.name << ": mutating " << f.indicator << " changed " << a.indicator << " " << a.value.to_string()
                           << " -> " << b.indicator << " " << b.value.to_string());
          ++changed_elsewhere;
          break;
        }
      }
    }
  }
  double rate = mutations ? double(caught) / mutations : 1.0;
  MESSAGE(fmt::format("mutations: {} caught of {} ({:.1f}%), {} changed other facts", caught, mutations, rate * 100,
                      changed_elsewhere));
  CHECK(mutations > 0);
  CHECK(rate >= 0.99);
  CHECK(changed_elsewhere <= mutations / 100);
}
