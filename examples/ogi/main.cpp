// ogi: the command-line tool.
//
//   ogi extract [--json] [--pretty] [--with-text] FILE|-
//   ogi check [--json] [--lang zh|en] [--html OUT.html] FILE...
//   ogi compare [--json] [--lang zh|en] LAST THIS
//   ogi batch [--jobs N] [--jsonl OUT | --csv OUT] PATH...
//
// Exit status: 0 success (check: no error findings), 1 check found errors,
// 2 an input could not be read or parsed, or bad usage. batch: 0 all parsed,
// 1 some failed.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "batch.hpp"
#include "ogi/ogi.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitInput = 2;

ogi::result<ogi::Report> load(const std::string& path, const ogi::Options& options) {
  if (path == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return ogi::parse(data, options);
  }
  return ogi::parse_file(path, options);
}

void print_error(const ogi::Error& e) { fmt::print(stderr, "ogi: error: {}\n", e.message); }

void print_outline(const std::vector<ogi::Section>& sections, int depth) {
  for (const ogi::Section& s : sections) {
    if (s.level > 2) continue;
    std::string number = s.number.empty() ? "" : s.number + " ";
    std::string kind = s.kind.empty() ? "" : fmt::format("  [{}]", s.kind);
    fmt::print("  {:{}}{}{}{}\n", "", depth * 2, number, s.title, kind);
    print_outline(s.children, depth + 1);
  }
}

void print_summary(const std::string& path, const ogi::Report& r) {
  const ogi::Meta& m = r.meta;
  fmt::print("{}\n", path);
  fmt::print("  title:     {}\n", m.title);
  fmt::print("  region:    {}\n", m.region);
  fmt::print("  issuer:    {}\n", m.issuer);
  fmt::print("  year:      {}\n", m.year ? std::to_string(m.year) : std::string("?"));
  fmt::print("  format:    {}\n", ogi::to_string(m.format));
  fmt::print("  published: {}\n", m.published.value_or("?"));
  if (m.period) fmt::print("  period:    {} .. {}\n", m.period->from, m.period->to);
  if (!m.source.empty()) fmt::print("  source:    {}\n", m.source);
  const ogi::Contact& c = m.contact;
  if (!c.address.empty()) fmt::print("  address:   {}\n", c.address);
  if (!c.postcode.empty()) fmt::print("  postcode:  {}\n", c.postcode);
  for (const auto& p : c.phone) fmt::print("  phone:     {}\n", p);
  for (const auto& p : c.fax) fmt::print("  fax:       {}\n", p);
  for (const auto& p : c.email) fmt::print("  email:     {}\n", p);
  for (const auto& p : c.website) fmt::print("  website:   {}\n", p);
  fmt::print("  input:     {} {} ({} bytes{})\n", ogi::to_string(m.input.kind), m.input.encoding, m.input.bytes,
             m.input.traditional ? ", Traditional converted" : "");
  fmt::print("  counts:    {} sections, {} tables, {} quantities, {} facts, {} findings\n", r.sections.size(),
             r.tables.size(), r.quantities.size(), r.facts.size(), r.findings.size());
  fmt::print("outline:\n");
  print_outline(r.sections, 0);
}

void print_diagnostics(const std::string& path, const ogi::Report& r, const std::vector<ogi::Finding>& findings,
                       bool english) {
  for (const ogi::Finding& f : findings) {
    auto [line, col] = r.line_col(f.span.begin);
    const std::string& msg = english && !f.message_en.empty() ? f.message_en : f.message;
    fmt::print("{}:{}:{}: {}: {} [{}]\n", path, line, col, ogi::to_string(f.severity), msg, f.rule);
  }
}

bool write_file(const std::string& path, const std::string& data) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  return std::fclose(f) == 0 && ok;
}

bool has_error(const std::vector<ogi::Finding>& findings) {
  for (const auto& f : findings)
    if (f.severity == ogi::Severity::error) return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ogi: read government information disclosure annual reports (政府信息公开工作年度报告)"};
  app.set_version_flag("--version", std::string(ogi::version()));
  app.require_subcommand(1);

  bool json = false, pretty = false, with_text = false;
  std::string lang = "zh";
  std::vector<std::string> files;

  auto* extract = app.add_subcommand("extract", "Print a report's metadata and outline, or its JSON (--json)");
  extract->add_flag("--json", json, "Print the JSON object (schema ogi/1)");
  extract->add_flag("--pretty", pretty, "Indent the JSON");
  extract->add_flag("--with-text", with_text, "Include the decoded text in the JSON");
  extract->add_option("file", files, "Report file (.txt .md .html .pdf), or - for standard input")->required();

  auto* check = app.add_subcommand("check", "Check reports; compiler-style diagnostics, exit 1 when errors are found");
  check->add_flag("--json", json, "Print the findings as JSON");
  check->add_option("--lang", lang, "Message language: zh or en")->check(CLI::IsMember({"zh", "en"}));
  std::string html_out;
  check->add_option("--html", html_out, "Also write a review page: the text with facts and findings marked (one input)");
  check->add_option("files", files, "Report files")->required();

  std::string last, current;
  auto* compare = app.add_subcommand("compare", "Compare last year's report with this year's (carry-over, documents in force)");
  compare->add_flag("--json", json, "Print the findings as JSON");
  compare->add_option("--lang", lang, "Message language: zh or en")->check(CLI::IsMember({"zh", "en"}));
  compare->add_option("last", last, "Last year's report")->required();
  compare->add_option("this", current, "This year's report")->required();

  ogi_cli::BatchOptions batch_options;
  auto* batch = app.add_subcommand("batch", "Parse many reports on several threads; JSON Lines or CSV in input order");
  batch->add_option("paths", batch_options.paths, "Files and directories (searched for .txt .md .html .htm .pdf)")
      ->required();
  batch->add_option("--jobs,-j", batch_options.jobs, "Worker threads (default: number of cores)");
  auto* jsonl_opt = batch->add_option("--jsonl", batch_options.jsonl, "Write one JSON object per report per line (- = stdout, the default)");
  batch->add_option("--csv", batch_options.csv, "Write one CSV row per fact, UTF-8 with BOM (- = stdout)")
      ->excludes(jsonl_opt);
  batch->add_flag("!--no-progress", batch_options.progress, "No progress bar on stderr");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitInput;
  }
  bool english = lang == "en";
  if (*check && !html_out.empty() && files.size() != 1) {
    fmt::print(stderr, "ogi: error: --html writes one page: give exactly one report\n");
    return kExitInput;
  }
  ogi::Options options;

  if (*extract) {
    int status = kExitOk;
    for (const std::string& path : files) {
      auto r = load(path, options);
      if (!r) {
        print_error(r.error());
        status = kExitInput;
        continue;
      }
      if (json) {
        ogi::JsonOptions jo;
        jo.pretty = pretty;
        jo.with_text = with_text;
        fmt::print("{}\n", ogi::to_json(*r, jo));
      } else {
        print_summary(path, *r);
      }
    }
    return status;
  }

  if (*check) {
    int status = kExitOk;
    for (const std::string& path : files) {
      auto r = load(path, options);
      if (!r) {
        print_error(r.error());
        status = kExitInput;
        continue;
      }
      if (json) {
        fmt::print("{}\n", ogi::findings_to_json(r->findings, english));
      } else {
        print_diagnostics(path, *r, r->findings, english);
      }
      if (!html_out.empty() && !write_file(html_out, ogi::to_html(*r, path, english))) {
        fmt::print(stderr, "ogi: error: cannot write {}\n", html_out);
        return kExitInput;
      }
      if (status == kExitOk && has_error(r->findings)) status = kExitFindings;
    }
    return status;
  }

  if (*batch) return ogi_cli::run_batch(batch_options);

  if (*compare) {
    auto a = load(last, options);
    if (!a) return print_error(a.error()), kExitInput;
    auto b = load(current, options);
    if (!b) return print_error(b.error()), kExitInput;
    auto cmp = ogi::compare(*a, *b);
    if (!cmp) return print_error(cmp.error()), kExitInput;
    if (json) {
      fmt::print("{}\n", ogi::findings_to_json(cmp->findings, english));
    } else {
      for (const ogi::CrossYearResult& r : cmp->results) {
        std::string col = r.applicant == ogi::Applicant::none || r.applicant == ogi::Applicant::total
                              ? std::string()
                              : fmt::format("[{}]", ogi::to_string(r.applicant));
        fmt::print("{} {}{}: {} ({})\n", r.rule, r.indicator, col, r.holds ? "holds" : "DIFFERS", r.explanation);
      }
      if (cmp->results.empty()) fmt::print("no cross-year relation could be evaluated (tables missing?)\n");
      print_diagnostics(current, *b, cmp->findings, english);
    }
    return has_error(cmp->findings) ? kExitFindings : kExitOk;
  }
  return kExitInput;
}
