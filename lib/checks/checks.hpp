// Internal interface of lib/checks.
//
// The checks read a view of a parsed report (facts, meta, sections, tables
// and the text the spans point into), so that they run the same inside the
// pipeline (norm coordinates) and on a finished Report (ogi::check).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "ogi/report.hpp"

namespace ogi::detail {

struct TableInfo {
  TableKind kind = TableKind::other;
  bool absent = false;
};

struct CheckInput {
  const Meta* meta = nullptr;
  const std::vector<Section>* sections = nullptr;
  std::vector<TableInfo> tables;
  const std::vector<Fact>* facts = nullptr;
  const std::vector<Quantity>* quantities = nullptr;  // may be null
  std::string_view text;
};

// Facts by (indicator, scope, applicant) for one origin. A table-format fact
// without an applicant is the 总计 column: it is stored as Applicant::total.
class FactIndex {
 public:
  FactIndex(const std::vector<Fact>& facts, Origin origin);
  const Fact* get(std::string_view id, Scope scope = Scope::total, Applicant a = Applicant::total) const;
  bool empty() const { return map_.empty(); }
  const std::vector<const Fact*>& all() const { return all_; }

 private:
  // Sorted by (indicator, scope, applicant); the first fact of each key in
  // report order. Views into the facts, so lookups do not allocate.
  struct Entry {
    std::string_view id;
    int scope;
    int applicant;
    const Fact* fact;
  };
  std::vector<Entry> map_;
  std::vector<const Fact*> all_;
};

// Splits a '|'-separated list.
std::vector<std::string_view> split_ids(std::string_view ids);

// Rule families.
void check_relations(const CheckInput& in, std::vector<Finding>& out);
void check_percentages(const CheckInput& in, std::vector<Finding>& out);
void check_text_against_tables(const CheckInput& in, std::vector<Finding>& out);
// Prose that states several table rows at once ("予以公开及部分公开258件，占33.9%").
void check_compound_statements(const CheckInput& in, std::vector<Finding>& out);
void check_structure(const CheckInput& in, std::vector<Finding>& out);
void check_dates(const CheckInput& in, std::vector<Finding>& out);

std::vector<Finding> run_checks(const CheckInput& in);

// Chinese and English names used in messages.
std::string_view applicant_zh(Applicant a);
std::string indicator_zh(std::string_view id);

}  // namespace ogi::detail
