// The C ABI (capi/include/ogi/ogi.h): convert, call the C++ library, catch
// everything. No logic lives here beyond the conversions.
#include "ogi/ogi.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/ogi.hpp"

// ---- the handles -----------------------------------------------------------

// A fact keeps its value printed once, so that ogi_fact_value can lend it.
struct ogi_fact {
  const ogi::Fact* fact;
  std::string value;
};

struct ogi_report {
  ogi::Report report;
  std::vector<ogi_fact> facts;
};

// ogi_section and ogi_finding are never defined: a handle is the address of
// the ogi::Section / ogi::Finding inside the report, cast back on use.

namespace {

using ogi::ErrorCode;

// The C codes are the C++ codes negated; pin them so neither side drifts.
constexpr int c_status(ErrorCode c) { return -static_cast<int>(c); }
static_assert(OGI_OK == c_status(ErrorCode::ok));
static_assert(OGI_ERR_EMPTY_INPUT == c_status(ErrorCode::empty_input));
static_assert(OGI_ERR_BINARY_INPUT == c_status(ErrorCode::binary_input));
static_assert(OGI_ERR_BAD_ENCODING == c_status(ErrorCode::bad_encoding));
static_assert(OGI_ERR_TOO_LARGE == c_status(ErrorCode::too_large));
static_assert(OGI_ERR_IO == c_status(ErrorCode::io));
static_assert(OGI_ERR_UNSUPPORTED == c_status(ErrorCode::unsupported));
static_assert(OGI_ERR_INVALID_ARGUMENT == c_status(ErrorCode::invalid_argument));
static_assert(OGI_ERR_INTERNAL == c_status(ErrorCode::internal));
static_assert(OGI_ERR_INCOMPATIBLE == c_status(ErrorCode::incompatible));
static_assert(OGI_KIND_TEXT - 1 == static_cast<int>(ogi::InputKind::text));
static_assert(OGI_KIND_PDF - 1 == static_cast<int>(ogi::InputKind::pdf));
static_assert(OGI_FORMAT_LEGACY == static_cast<int>(ogi::Format::legacy));
static_assert(OGI_FORMAT_2021 == static_cast<int>(ogi::Format::f2021));

constexpr ogi_str kEmpty = {"", 0};

ogi_str str(const std::string& s) noexcept { return {s.c_str(), s.size()}; }
// Only for views of NUL-terminated storage (string literals of the library).
ogi_str str(std::string_view s) noexcept { return s.empty() ? kEmpty : ogi_str{s.data(), s.size()}; }
ogi_span span(ogi::Span s) noexcept { return {s.begin, s.end}; }

const ogi::Section* cpp(const ogi_section* s) noexcept { return reinterpret_cast<const ogi::Section*>(s); }
const ogi_section* c(const ogi::Section* s) noexcept { return reinterpret_cast<const ogi_section*>(s); }
const ogi::Finding* cpp(const ogi_finding* f) noexcept { return reinterpret_cast<const ogi::Finding*>(f); }
const ogi_finding* c(const ogi::Finding* f) noexcept { return reinterpret_cast<const ogi_finding*>(f); }

// Copies a message into the fixed buffer, cut at a UTF-8 character boundary.
void set_message(ogi_error* err, std::string_view msg) noexcept {
  std::size_t n = msg.size();
  if (n > OGI_ERROR_MESSAGE_SIZE - 1) {
    n = OGI_ERROR_MESSAGE_SIZE - 1;
    while (n > 0 && (static_cast<unsigned char>(msg[n]) & 0xC0) == 0x80) --n;
  }
  std::memcpy(err->message, msg.data(), n);
  err->message[n] = '\0';
}

void clear(ogi_error* err) noexcept {
  if (!err) return;
  err->code = OGI_OK;
  err->offset = 0;
  err->line = 0;
  err->column = 0;
  err->message[0] = '\0';
}

// Fills *err; `input` (may be empty) gives line and column of the offset.
int fail(ogi_error* err, int code, std::string_view msg, std::size_t offset = 0,
         std::string_view input = {}) noexcept {
  if (!err) return code;
  err->code = code;
  err->offset = offset;
  err->line = 0;
  err->column = 0;
  if (!input.empty() && offset <= input.size()) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < offset; ++i) {
      unsigned char ch = static_cast<unsigned char>(input[i]);
      if (ch == '\n') {
        ++line;
        col = 1;
      } else if ((ch & 0xC0) != 0x80) {
        ++col;
      }
    }
    err->line = line;
    err->column = col;
  }
  set_message(err, msg);
  return code;
}

int fail(ogi_error* err, const ogi::Error& e, std::string_view input = {}) noexcept {
  return fail(err, c_status(e.code), e.message, e.offset, input);
}

int out_of_memory(ogi_error* err) noexcept {
  return fail(err, OGI_ERR_TOO_LARGE, "out of memory; raise the memory limit or split the input");
}

int internal(ogi_error* err, const char* what) noexcept {
  std::string_view w = what ? what : "";
  // Built without allocating: we may be here because allocation failed.
  char buf[OGI_ERROR_MESSAGE_SIZE];
  std::string_view head = "internal error (please report this input): ";
  std::size_t n = head.size();
  std::memcpy(buf, head.data(), n);
  std::size_t m = w.size() < sizeof buf - 1 - n ? w.size() : sizeof buf - 1 - n;
  std::memcpy(buf + n, w.data(), m);
  return fail(err, OGI_ERR_INTERNAL, std::string_view(buf, n + m));
}

// Validates the C options and converts them; false with *err filled.
bool convert(const ogi_options* in, ogi::Options* out, ogi_error* err) noexcept {
  if (!in) return true;
  if (in->version < 1 || in->version > OGI_OPTIONS_VERSION) {
    fail(err, OGI_ERR_INVALID_ARGUMENT,
         "ogi_options.version is not a known version; initialise the options with OGI_OPTIONS_INIT");
    return false;
  }
  if (in->max_input_bytes != 0) out->max_input_bytes = in->max_input_bytes;
  switch (in->kind) {
    case OGI_KIND_DETECT: out->kind = ogi::Options::Kind::detect; break;
    case OGI_KIND_TEXT: out->kind = ogi::Options::Kind::text; break;
    case OGI_KIND_MARKDOWN: out->kind = ogi::Options::Kind::markdown; break;
    case OGI_KIND_HTML: out->kind = ogi::Options::Kind::html; break;
    case OGI_KIND_PDF: out->kind = ogi::Options::Kind::pdf; break;
    default:
      fail(err, OGI_ERR_INVALID_ARGUMENT, "ogi_options.kind must be one of the OGI_KIND_* values");
      return false;
  }
  out->checks = in->checks != 0;
  return true;
}

ogi_report* wrap(ogi::Report&& report) {
  auto* r = new ogi_report{std::move(report), {}};
  try {
    r->facts.reserve(r->report.facts.size());
    for (const ogi::Fact& f : r->report.facts) r->facts.push_back(ogi_fact{&f, f.value.to_string()});
  } catch (...) {
    delete r;
    throw;
  }
  return r;
}

// Copies a string into memory the caller frees with ogi_string_free.
int give(const std::string& s, char** out, std::size_t* out_len) noexcept {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) return OGI_ERR_TOO_LARGE;
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  *out = p;
  if (out_len) *out_len = s.size();
  return OGI_OK;
}

// The findings of a comparison (ogi::compare returns them directly or inside a
// Comparison with the relations evaluated).
template <class T>
const std::vector<ogi::Finding>& findings_of(const T& comparison) {
  if constexpr (requires { comparison.findings; }) {
    return comparison.findings;
  } else {
    return comparison;
  }
}

const std::vector<std::string>* contact_list(const ogi_report* r, int field) noexcept {
  if (!r) return nullptr;
  const ogi::Contact& c = r->report.meta.contact;
  switch (field) {
    case OGI_CONTACT_PHONE: return &c.phone;
    case OGI_CONTACT_FAX: return &c.fax;
    case OGI_CONTACT_EMAIL: return &c.email;
    case OGI_CONTACT_WEBSITE: return &c.website;
    default: return nullptr;
  }
}

}  // namespace

// ---- status, version, options --------------------------------------------

extern "C" {

const char* ogi_status_str(int status) {
  if (status > 0 || status < OGI_ERR_INCOMPATIBLE) return "unknown status";
  return ogi::error_code_name(static_cast<ErrorCode>(-status));
}

const char* ogi_version(void) { return ogi::version(); }

int ogi_options_init(ogi_options* opts, unsigned int version) {
  if (!opts || version < 1 || version > OGI_OPTIONS_VERSION) return OGI_ERR_INVALID_ARGUMENT;
  ogi_options defaults = OGI_OPTIONS_INIT;
  *opts = defaults;
  opts->version = version;
  return OGI_OK;
}

// ---- parsing ---------------------------------------------------------------

ogi_report* ogi_parse(const char* data, size_t len, const ogi_options* opts, ogi_error* err) {
  clear(err);
  if (!data && len != 0) {
    fail(err, OGI_ERR_INVALID_ARGUMENT, "ogi_parse: data is NULL but len is not 0");
    return nullptr;
  }
  ogi::Options options;
  if (!convert(opts, &options, err)) return nullptr;
  std::string_view input(data ? data : "", len);
  try {
    auto r = ogi::parse(input, options);
    if (!r) {
      fail(err, r.error(), input);
      return nullptr;
    }
    return wrap(std::move(r).value());
  } catch (const std::bad_alloc&) {
    out_of_memory(err);
  } catch (const std::exception& e) {
    internal(err, e.what());
  } catch (...) {
    internal(err, "unknown exception");
  }
  return nullptr;
}

ogi_report* ogi_parse_file(const char* path, const ogi_options* opts, ogi_error* err) {
  clear(err);
  if (!path) {
    fail(err, OGI_ERR_INVALID_ARGUMENT, "ogi_parse_file: path is NULL");
    return nullptr;
  }
  ogi::Options options;
  if (!convert(opts, &options, err)) return nullptr;
  try {
    auto r = ogi::parse_file(path, options);
    if (!r) {
      fail(err, r.error());
      return nullptr;
    }
    return wrap(std::move(r).value());
  } catch (const std::bad_alloc&) {
    out_of_memory(err);
  } catch (const std::exception& e) {
    internal(err, e.what());
  } catch (...) {
    internal(err, "unknown exception");
  }
  return nullptr;
}

void ogi_report_free(ogi_report* report) { delete report; }

// ---- JSON ------------------------------------------------------------------

int ogi_report_to_json(const ogi_report* report, unsigned int flags, char** out, size_t* out_len) {
  if (out) *out = nullptr;
  if (out_len) *out_len = 0;
  if (!report || !out) return OGI_ERR_INVALID_ARGUMENT;
  try {
    ogi::JsonOptions o;
    o.pretty = (flags & OGI_JSON_PRETTY) != 0;
    o.with_text = (flags & OGI_JSON_WITH_TEXT) != 0;
    o.english = (flags & OGI_JSON_ENGLISH) != 0;
    return give(ogi::to_json(report->report, o), out, out_len);
  } catch (const std::bad_alloc&) {
    return OGI_ERR_TOO_LARGE;
  } catch (...) {
    return OGI_ERR_INTERNAL;
  }
}

int ogi_compare(const ogi_report* last_year, const ogi_report* this_year, char** json_out, size_t* json_len,
                ogi_error* err) {
  clear(err);
  if (json_out) *json_out = nullptr;
  if (json_len) *json_len = 0;
  if (!last_year || !this_year || !json_out)
    return fail(err, OGI_ERR_INVALID_ARGUMENT, "ogi_compare: a report or json_out is NULL");
  try {
    auto comparison = ogi::compare(last_year->report, this_year->report);
    if (!comparison) return fail(err, comparison.error());
    int status = give(ogi::findings_to_json(findings_of(*comparison)), json_out, json_len);
    if (status != OGI_OK) return out_of_memory(err);
    return OGI_OK;
  } catch (const std::bad_alloc&) {
    return out_of_memory(err);
  } catch (const std::exception& e) {
    return internal(err, e.what());
  } catch (...) {
    return internal(err, "unknown exception");
  }
}

void ogi_string_free(char* s) { std::free(s); }

// ---- meta ------------------------------------------------------------------

const char* ogi_format_name(int format) {
  if (format < OGI_FORMAT_UNKNOWN || format > OGI_FORMAT_2021) return "unknown";
  return ogi::to_string(static_cast<ogi::Format>(format)).data();
}

const char* ogi_kind_name(int kind) {
  switch (kind) {
    case OGI_KIND_DETECT: return "detect";
    case OGI_KIND_TEXT:
    case OGI_KIND_MARKDOWN:
    case OGI_KIND_HTML:
    case OGI_KIND_PDF: return ogi::to_string(static_cast<ogi::InputKind>(kind - 1)).data();
    default: return "";
  }
}

#define OGI_META_STR(name, expr) \
  ogi_str name(const ogi_report* report) { return report ? str(report->report.meta.expr) : kEmpty; }

OGI_META_STR(ogi_report_title, title)
OGI_META_STR(ogi_report_region, region)
OGI_META_STR(ogi_report_issuer, issuer)
OGI_META_STR(ogi_report_source, source)
OGI_META_STR(ogi_report_contact_address, contact.address)
OGI_META_STR(ogi_report_contact_postcode, contact.postcode)
OGI_META_STR(ogi_report_input_encoding, input.encoding)
#undef OGI_META_STR

ogi_str ogi_report_text(const ogi_report* report) { return report ? str(report->report.text) : kEmpty; }

int ogi_report_year(const ogi_report* report) { return report ? report->report.meta.year : 0; }

int ogi_report_format(const ogi_report* report) {
  return report ? static_cast<int>(report->report.meta.format) : OGI_FORMAT_UNKNOWN;
}

ogi_str ogi_report_published(const ogi_report* report) {
  if (!report || !report->report.meta.published) return kEmpty;
  return str(*report->report.meta.published);
}

ogi_str ogi_report_period_from(const ogi_report* report) {
  if (!report || !report->report.meta.period) return kEmpty;
  return str(report->report.meta.period->from);
}

ogi_str ogi_report_period_to(const ogi_report* report) {
  if (!report || !report->report.meta.period) return kEmpty;
  return str(report->report.meta.period->to);
}

size_t ogi_report_contact_count(const ogi_report* report, int field) {
  const auto* list = contact_list(report, field);
  return list ? list->size() : 0;
}

ogi_str ogi_report_contact_at(const ogi_report* report, int field, size_t index) {
  const auto* list = contact_list(report, field);
  return list && index < list->size() ? str((*list)[index]) : kEmpty;
}

int ogi_report_input_kind(const ogi_report* report) {
  return report ? static_cast<int>(report->report.meta.input.kind) + 1 : OGI_KIND_DETECT;
}

size_t ogi_report_input_bytes(const ogi_report* report) { return report ? report->report.meta.input.bytes : 0; }

int ogi_report_input_traditional(const ogi_report* report) {
  return report && report->report.meta.input.traditional ? 1 : 0;
}

// ---- sections --------------------------------------------------------------

size_t ogi_report_section_count(const ogi_report* report) { return report ? report->report.sections.size() : 0; }

const ogi_section* ogi_report_section_at(const ogi_report* report, size_t index) {
  if (!report || index >= report->report.sections.size()) return nullptr;
  return c(&report->report.sections[index]);
}

size_t ogi_section_child_count(const ogi_section* section) { return section ? cpp(section)->children.size() : 0; }

const ogi_section* ogi_section_child_at(const ogi_section* section, size_t index) {
  if (!section || index >= cpp(section)->children.size()) return nullptr;
  return c(&cpp(section)->children[index]);
}

ogi_str ogi_section_number(const ogi_section* section) { return section ? str(cpp(section)->number) : kEmpty; }
ogi_str ogi_section_title(const ogi_section* section) { return section ? str(cpp(section)->title) : kEmpty; }
int ogi_section_level(const ogi_section* section) { return section ? cpp(section)->level : 0; }
ogi_str ogi_section_kind(const ogi_section* section) { return section ? str(cpp(section)->kind) : kEmpty; }
ogi_span ogi_section_heading(const ogi_section* section) {
  return section ? span(cpp(section)->heading) : ogi_span{0, 0};
}
ogi_span ogi_section_span(const ogi_section* section) { return section ? span(cpp(section)->span) : ogi_span{0, 0}; }

// ---- facts -----------------------------------------------------------------

size_t ogi_report_fact_count(const ogi_report* report) { return report ? report->facts.size() : 0; }

const ogi_fact* ogi_report_fact_at(const ogi_report* report, size_t index) {
  if (!report || index >= report->facts.size()) return nullptr;
  return &report->facts[index];
}

ogi_str ogi_fact_indicator(const ogi_fact* fact) { return fact ? str(fact->fact->indicator) : kEmpty; }
ogi_str ogi_fact_value(const ogi_fact* fact) { return fact ? str(fact->value) : kEmpty; }
double ogi_fact_value_double(const ogi_fact* fact) { return fact ? fact->fact->value.to_double() : 0.0; }
ogi_str ogi_fact_unit(const ogi_fact* fact) { return fact ? str(fact->fact->unit) : kEmpty; }
ogi_str ogi_fact_scope(const ogi_fact* fact) { return fact ? str(ogi::to_string(fact->fact->scope)) : kEmpty; }
ogi_str ogi_fact_applicant(const ogi_fact* fact) {
  return fact ? str(ogi::to_string(fact->fact->applicant)) : kEmpty;
}
ogi_str ogi_fact_approx(const ogi_fact* fact) { return fact ? str(ogi::to_string(fact->fact->approx)) : kEmpty; }
ogi_str ogi_fact_origin(const ogi_fact* fact) { return fact ? str(ogi::to_string(fact->fact->origin)) : kEmpty; }
ogi_span ogi_fact_span(const ogi_fact* fact) { return fact ? span(fact->fact->span) : ogi_span{0, 0}; }
int ogi_fact_table(const ogi_fact* fact) { return fact ? fact->fact->table : -1; }
int ogi_fact_row(const ogi_fact* fact) { return fact ? fact->fact->row : -1; }
int ogi_fact_col(const ogi_fact* fact) { return fact ? fact->fact->col : -1; }
int ogi_fact_blank(const ogi_fact* fact) { return fact && fact->fact->blank ? 1 : 0; }

// ---- findings --------------------------------------------------------------

size_t ogi_report_finding_count(const ogi_report* report) { return report ? report->report.findings.size() : 0; }

const ogi_finding* ogi_report_finding_at(const ogi_report* report, size_t index) {
  if (!report || index >= report->report.findings.size()) return nullptr;
  return c(&report->report.findings[index]);
}

ogi_str ogi_finding_rule(const ogi_finding* f) { return f ? str(cpp(f)->rule) : kEmpty; }
ogi_str ogi_finding_severity(const ogi_finding* f) { return f ? str(ogi::to_string(cpp(f)->severity)) : kEmpty; }
ogi_str ogi_finding_message(const ogi_finding* f) { return f ? str(cpp(f)->message) : kEmpty; }
ogi_str ogi_finding_message_en(const ogi_finding* f) { return f ? str(cpp(f)->message_en) : kEmpty; }
ogi_str ogi_finding_expected(const ogi_finding* f) { return f ? str(cpp(f)->expected) : kEmpty; }
ogi_str ogi_finding_found(const ogi_finding* f) { return f ? str(cpp(f)->found) : kEmpty; }
ogi_span ogi_finding_span(const ogi_finding* f) { return f ? span(cpp(f)->span) : ogi_span{0, 0}; }
size_t ogi_finding_indicator_count(const ogi_finding* f) { return f ? cpp(f)->indicators.size() : 0; }
ogi_str ogi_finding_indicator_at(const ogi_finding* f, size_t index) {
  if (!f || index >= cpp(f)->indicators.size()) return kEmpty;
  return str(cpp(f)->indicators[index]);
}

}  // extern "C"
