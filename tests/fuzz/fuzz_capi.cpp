// libFuzzer target: the C ABI (capi/include/ogi/ogi.h). The first byte of
// the input picks the options and the calls, the rest is the report:
//
//   bit 0-2  kind: 0 detect, 1 text, 2 markdown, 3 html, 4 pdf (skipped:
//            poppler is not ours to fuzz), 5 -> -1, 6 -> 99, 7 -> text
//   bit 3    checks off
//   bit 4    options version 99 (must be refused cleanly) / NULL options
//   bit 5    max_input_bytes = half the input (must give OGI_ERR_TOO_LARGE)
//   bit 6    NULL ogi_error
//   bit 7    also call the error paths (NULL data, NULL handles, a directory
//            as a file, out-of-range indices, ogi_compare)
//
// Checked: no crash, no leak (under ASan), status codes in range, messages
// NUL-terminated and valid UTF-8, every ogi_str non-NULL and NUL-terminated,
// every span inside the text, JSON valid.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "../support/invariants.hpp"
#include "ogi/ogi.h"

namespace {

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_capi: %s\n", what);
  std::fflush(stderr);
  __builtin_trap();
}

void check_str(ogi_str s) {
  if (s.data == nullptr) fail("an ogi_str with a NULL pointer");
  if (s.data[s.len] != '\0') fail("an ogi_str not NUL-terminated");
  if (ogi::testing::first_invalid_utf8(std::string_view(s.data, s.len)) != std::string_view::npos)
    fail("an ogi_str that is not valid UTF-8");
}

void check_static(const char* s) {
  if (s == nullptr) fail("a static string accessor returned NULL");
}

void check_error(const ogi_error& e, int status) {
  if (e.code != status) fail("ogi_error.code differs from the returned status");
  if (std::memchr(e.message, '\0', OGI_ERROR_MESSAGE_SIZE) == nullptr) fail("ogi_error.message not NUL-terminated");
  std::string_view m(e.message);
  if (status != OGI_OK && m.empty()) fail("an error without a message");
  if (ogi::testing::first_invalid_utf8(m) != std::string_view::npos) fail("ogi_error.message is not valid UTF-8");
}

void check_status(int status) {
  if (status > 0 || status < OGI_ERR_INCOMPATIBLE) fail("a status outside the documented codes");
  if (status == OGI_ERR_INTERNAL) fail("OGI_ERR_INTERNAL: a bug in ogi");
}

void check_span(ogi_span s, std::size_t text_len) {
  if (s.begin > s.end || s.end > text_len) fail("a span outside the report text");
}

void walk_section(const ogi_section* s, std::size_t text_len, int depth) {
  if (s == nullptr) fail("ogi_report_section_at returned NULL in range");
  check_str(ogi_section_number(s));
  check_str(ogi_section_title(s));
  check_str(ogi_section_kind(s));
  if (ogi_section_level(s) < 1) fail("a section level below 1");
  check_span(ogi_section_heading(s), text_len);
  check_span(ogi_section_span(s), text_len);
  std::size_t n = ogi_section_child_count(s);
  if (depth > 64) return;
  for (std::size_t i = 0; i < n; ++i) walk_section(ogi_section_child_at(s, i), text_len, depth + 1);
  if (ogi_section_child_at(s, n) != nullptr) fail("ogi_section_child_at out of range is not NULL");
}

void walk_report(const ogi_report* r) {
  ogi_str text = ogi_report_text(r);
  check_str(text);
  for (auto f : {ogi_report_title, ogi_report_region, ogi_report_issuer, ogi_report_published,
                 ogi_report_period_from, ogi_report_period_to, ogi_report_source, ogi_report_contact_address,
                 ogi_report_contact_postcode, ogi_report_input_encoding})
    check_str(f(r));
  (void)ogi_report_year(r);
  int format = ogi_report_format(r);
  if (format < OGI_FORMAT_UNKNOWN || format > OGI_FORMAT_2021) fail("ogi_report_format out of range");
  int kind = ogi_report_input_kind(r);
  if (kind < OGI_KIND_TEXT || kind > OGI_KIND_PDF) fail("ogi_report_input_kind out of range");
  (void)ogi_report_input_bytes(r);
  (void)ogi_report_input_traditional(r);
  for (int field = -1; field <= 4; ++field) {
    std::size_t n = ogi_report_contact_count(r, field);
    for (std::size_t i = 0; i <= n; ++i) check_str(ogi_report_contact_at(r, field, i));
  }
  std::size_t sections = ogi_report_section_count(r);
  for (std::size_t i = 0; i < sections; ++i) walk_section(ogi_report_section_at(r, i), text.len, 0);
  if (ogi_report_section_at(r, sections) != nullptr) fail("ogi_report_section_at out of range is not NULL");

  std::size_t facts = ogi_report_fact_count(r);
  for (std::size_t i = 0; i < facts; ++i) {
    const ogi_fact* f = ogi_report_fact_at(r, i);
    if (f == nullptr) fail("ogi_report_fact_at returned NULL in range");
    for (auto g : {ogi_fact_indicator, ogi_fact_value, ogi_fact_unit, ogi_fact_scope, ogi_fact_applicant,
                   ogi_fact_approx, ogi_fact_origin})
      check_str(g(f));
    if (ogi_fact_indicator(f).len == 0) fail("a fact without an indicator");
    if (ogi_fact_value(f).len == 0) fail("a fact without a value");
    (void)ogi_fact_value_double(f);
    check_span(ogi_fact_span(f), text.len);
    (void)ogi_fact_table(f);
    (void)ogi_fact_row(f);
    (void)ogi_fact_col(f);
    (void)ogi_fact_blank(f);
  }
  if (ogi_report_fact_at(r, facts) != nullptr) fail("ogi_report_fact_at out of range is not NULL");

  std::size_t findings = ogi_report_finding_count(r);
  for (std::size_t i = 0; i < findings; ++i) {
    const ogi_finding* f = ogi_report_finding_at(r, i);
    if (f == nullptr) fail("ogi_report_finding_at returned NULL in range");
    for (auto g : {ogi_finding_rule, ogi_finding_severity, ogi_finding_message, ogi_finding_message_en,
                   ogi_finding_expected, ogi_finding_found})
      check_str(g(f));
    check_span(ogi_finding_span(f), text.len);
    std::size_t n = ogi_finding_indicator_count(f);
    for (std::size_t k = 0; k <= n; ++k) check_str(ogi_finding_indicator_at(f, k));
  }
  if (ogi_report_finding_at(r, findings) != nullptr) fail("ogi_report_finding_at out of range is not NULL");
}

void check_json(const ogi_report* r, unsigned flags) {
  char* json = nullptr;
  std::size_t len = 0;
  int st = ogi_report_to_json(r, flags, &json, &len);
  check_status(st);
  if (st != OGI_OK) fail("ogi_report_to_json failed on a parsed report");
  if (json == nullptr || json[len] != '\0' || std::strlen(json) != len) fail("JSON string not as documented");
  if (!nlohmann::json::accept(std::string_view(json, len))) fail("ogi_report_to_json wrote invalid JSON");
  ogi_string_free(json);
  // out_len may be NULL
  json = nullptr;
  if (ogi_report_to_json(r, flags ^ OGI_JSON_PRETTY, &json, nullptr) != OGI_OK) fail("to_json without out_len");
  ogi_string_free(json);
}

// Calls on NULL handles and bad arguments: empty values, never a crash.
void error_paths(const ogi_report* r) {
  for (int s = -12; s <= 2; ++s) check_static(ogi_status_str(s));
  for (int f = -1; f <= 5; ++f) check_static(ogi_format_name(f));
  for (int k = -1; k <= 6; ++k) check_static(ogi_kind_name(k));
  check_static(ogi_version());
  check_str(ogi_report_text(nullptr));
  check_str(ogi_report_title(nullptr));
  if (ogi_report_section_count(nullptr) != 0 || ogi_report_fact_count(nullptr) != 0 ||
      ogi_report_finding_count(nullptr) != 0)
    fail("counts of a NULL report are not 0");
  if (ogi_report_section_at(nullptr, 0) || ogi_report_fact_at(nullptr, 0) || ogi_report_finding_at(nullptr, 0))
    fail("items of a NULL report are not NULL");
  check_str(ogi_section_title(nullptr));
  check_str(ogi_fact_indicator(nullptr));
  check_str(ogi_fact_value(nullptr));
  check_str(ogi_finding_rule(nullptr));
  check_str(ogi_report_contact_at(nullptr, 0, 0));
  if (ogi_section_level(nullptr) != 0) fail("level of a NULL section is not 0");
  (void)ogi_fact_span(nullptr);
  (void)ogi_finding_span(nullptr);
  ogi_report_free(nullptr);
  ogi_string_free(nullptr);

  char* json = reinterpret_cast<char*>(1);
  int st = ogi_report_to_json(nullptr, 0, &json, nullptr);
  if (st != OGI_ERR_INVALID_ARGUMENT) fail("ogi_report_to_json(NULL) is not OGI_ERR_INVALID_ARGUMENT");
  if (json != nullptr) fail("ogi_report_to_json failure left *out non-NULL");
  if (r && ogi_report_to_json(r, 0, nullptr, nullptr) != OGI_ERR_INVALID_ARGUMENT)
    fail("ogi_report_to_json(out=NULL) is not OGI_ERR_INVALID_ARGUMENT");

  ogi_error e;
  if (ogi_options_init(nullptr, OGI_OPTIONS_VERSION) != OGI_ERR_INVALID_ARGUMENT) fail("ogi_options_init(NULL)");
  ogi_options o;
  if (ogi_options_init(&o, 12345) != OGI_ERR_INVALID_ARGUMENT) fail("ogi_options_init(unknown version)");

  if (ogi_parse(nullptr, 5, nullptr, &e) != nullptr) fail("ogi_parse(NULL, 5) returned a report");
  check_status(e.code);
  check_error(e, OGI_ERR_INVALID_ARGUMENT);
  if (ogi_parse_file(nullptr, nullptr, &e) != nullptr) fail("ogi_parse_file(NULL) returned a report");
  check_error(e, OGI_ERR_INVALID_ARGUMENT);
  if (ogi_parse_file("/", nullptr, &e) != nullptr) fail("ogi_parse_file(a directory) returned a report");
  check_error(e, OGI_ERR_IO);
  if (ogi_parse_file("/nonexistent/ogi-fuzz.txt", nullptr, &e) != nullptr) fail("ogi_parse_file(missing)");
  check_error(e, OGI_ERR_IO);

  if (r) {
    char* out = nullptr;
    std::size_t len = 0;
    st = ogi_compare(r, r, &out, &len, &e);
    check_status(st);
    check_error(e, st);
    if (st == OGI_OK) {
      if (out == nullptr || !nlohmann::json::accept(std::string_view(out, len))) fail("ogi_compare invalid JSON");
    } else if (out != nullptr) {
      fail("ogi_compare failure left *json_out non-NULL");
    }
    ogi_string_free(out);
    out = nullptr;
    st = ogi_compare(nullptr, r, &out, &len, nullptr);
    if (st != OGI_ERR_INVALID_ARGUMENT || out != nullptr) fail("ogi_compare(NULL, r)");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned ctl = data[0];
  const char* body = reinterpret_cast<const char*>(data + 1);
  const std::size_t len = size - 1;

  static const int kinds[] = {OGI_KIND_DETECT, OGI_KIND_TEXT, OGI_KIND_MARKDOWN, OGI_KIND_HTML,
                              OGI_KIND_PDF,    -1,            99,                OGI_KIND_TEXT};
  const int kind = kinds[ctl & 7];
  if (kind == OGI_KIND_PDF) return 0;
  if (kind == OGI_KIND_DETECT && len >= 4 && std::memcmp(body, "%PDF", 4) == 0) return 0;

  ogi_options opts;
  if (ogi_options_init(&opts, OGI_OPTIONS_VERSION) != OGI_OK) fail("ogi_options_init failed");
  opts.kind = kind;
  opts.checks = (ctl & 8) ? 0 : 1;
  const bool bad_version = (ctl & 16) && (ctl & 1);
  const bool null_options = (ctl & 16) && !(ctl & 1);
  if (bad_version) opts.version = 99;
  const bool limited = (ctl & 32) && len >= 2;
  if (limited) opts.max_input_bytes = len / 2;
  const bool null_error = ctl & 64;

  ogi_error err;
  std::memset(&err, 0x55, sizeof err);  // the library must overwrite all of it
  ogi_report* r = ogi_parse(body, len, null_options ? nullptr : &opts, null_error ? nullptr : &err);
  if (!null_error) {
    check_status(err.code);
    check_error(err, r ? OGI_OK : err.code);
    if (r == nullptr && err.code == OGI_OK) fail("ogi_parse returned NULL with OGI_OK");
    if (r == nullptr && err.offset > len) fail("error offset past the end of the input");
    if (!null_options && !bad_version && (kind == -1 || kind == 99) && err.code != OGI_ERR_INVALID_ARGUMENT)
      fail("a bad kind is not OGI_ERR_INVALID_ARGUMENT");
    if (bad_version && err.code != OGI_ERR_INVALID_ARGUMENT) fail("options version 99 is not refused");
    if (limited && !null_options && !bad_version && !(kind == -1 || kind == 99) && err.code != OGI_ERR_TOO_LARGE)
      fail("an input over max_input_bytes is not OGI_ERR_TOO_LARGE");
  }
  if (r) {
    walk_report(r);
    check_json(r, (ctl >> 5) & 7);
  }
  if (ctl & 128) error_paths(r);
  ogi_report_free(r);
  return 0;
}
