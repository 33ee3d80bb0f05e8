/*
 * ogi.h: the C ABI of ogi, a reader for China's government information
 * disclosure annual reports (政府信息公开工作年度报告).
 *
 * C99, usable from C++ (extern "C"). This header is the reference; see
 * docs/c-api.md for a tour with examples.
 *
 * Conventions
 * -----------
 * Handles. `ogi_report` is opaque. It is created by ogi_parse() or
 *   ogi_parse_file() and destroyed by ogi_report_free(), which accepts NULL.
 *   `ogi_section`, `ogi_fact` and `ogi_finding` are opaque views into a
 *   report: they are borrowed, never freed, and valid until the report that
 *   owns them is freed.
 *
 * Strings. Strings read from a report are `ogi_str` values: a pointer and a
 *   byte length into UTF-8 owned by the report, valid until it is freed. They
 *   are also NUL-terminated (data[len] == '\0'), and an absent value is an
 *   empty string ({"", 0}), never a NULL pointer. Strings the caller owns
 *   (the JSON of ogi_report_to_json() and ogi_compare()) are returned through
 *   a `char **` out parameter and are freed only with ogi_string_free(),
 *   never with free(): ogi may use its own allocator.
 *
 * Errors. Functions that can fail return a status: OGI_OK (0) or a negative
 *   OGI_ERR_* code. The codes are the C++ ogi::ErrorCode values negated and are
 *   never renumbered. Details go to a caller-owned `ogi_error` (code, byte
 *   offset in the input, line and column, and a message saying what to do);
 *   passing NULL for it is allowed. ogi_parse() returns NULL on failure.
 *   Accessors given NULL or an index out of range return an empty value
 *   (empty string, 0, NULL handle); they never crash on such input.
 *
 * Guarantees. Nothing in this API throws, aborts, exits or prints. Memory
 *   exhaustion is reported as OGI_ERR_TOO_LARGE.
 *
 * Threads. There is no global mutable state and no init function. Any
 *   number of threads may parse at the same time, and a report may be read
 *   from any number of threads at once (reading never modifies it). Freeing a
 *   report while another thread reads it is the caller's bug.
 *
 * Spans. `ogi_span` values are byte offsets [begin, end) into the report's
 *   decoded UTF-8 text (ogi_report_text()).
 */
#ifndef OGI_OGI_H
#define OGI_OGI_H

#include <stddef.h>

#if defined(_WIN32) && defined(OGI_C_BUILDING_SHARED)
#define OGI_API __declspec(dllexport)
#elif defined(__GNUC__) || defined(__clang__)
#define OGI_API __attribute__((visibility("default")))
#else
#define OGI_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status codes ------------------------------------------------------ */

/* Return values of the functions that can fail: 0 or negative, stable. */
enum {
  OGI_OK = 0,
  OGI_ERR_EMPTY_INPUT = -1,      /* no bytes, or only whitespace */
  OGI_ERR_BINARY_INPUT = -2,     /* NUL bytes or a binary format ogi does not read */
  OGI_ERR_BAD_ENCODING = -3,     /* bytes that decode in no supported encoding */
  OGI_ERR_TOO_LARGE = -4,        /* input over max_input_bytes, or out of memory */
  OGI_ERR_IO = -5,               /* a file could not be opened or read */
  OGI_ERR_UNSUPPORTED = -6,      /* a format ogi was built without (e.g. PDF) */
  OGI_ERR_INVALID_ARGUMENT = -7, /* a NULL pointer or a bad option value */
  OGI_ERR_INTERNAL = -8,         /* a bug in ogi: please report it with the input */
  OGI_ERR_INCOMPATIBLE = -9      /* ogi_compare(): not the same body or not consecutive years */
};

/* A short static description of a status ("empty input"); never NULL, also
 * for unknown codes. */
OGI_API const char *ogi_status_str(int status);

/* The version of the linked library, e.g. "0.1.0" (static string). */
OGI_API const char *ogi_version(void);

/* ---- options ----------------------------------------------------------- */

/* Input kinds for ogi_options.kind and ogi_report_input_kind(). */
enum {
  OGI_KIND_DETECT = 0, /* options only: detect from the bytes (and the file extension) */
  OGI_KIND_TEXT = 1,
  OGI_KIND_MARKDOWN = 2,
  OGI_KIND_HTML = 3,
  OGI_KIND_PDF = 4
};

#define OGI_OPTIONS_VERSION 1

/* Parse options. Fields are only ever appended; `version` tells the library
 * which fields the caller knows. Initialise with OGI_OPTIONS_INIT or
 * ogi_options_init(), then change what you need. Passing NULL options to
 * ogi_parse() means the defaults. */
typedef struct ogi_options {
  unsigned int version;   /* OGI_OPTIONS_VERSION */
  size_t max_input_bytes; /* refuse larger inputs (OGI_ERR_TOO_LARGE); 0 = default, 256 MiB */
  int kind;               /* OGI_KIND_*: force an input kind; OGI_KIND_DETECT by default */
  int checks;             /* nonzero: run the consistency checks (findings); default 1 */
} ogi_options;

#define OGI_OPTIONS_INIT { OGI_OPTIONS_VERSION, 0, OGI_KIND_DETECT, 1 }

/* Fills *opts with the defaults for `version` (pass OGI_OPTIONS_VERSION).
 * Returns OGI_ERR_INVALID_ARGUMENT for NULL or an unknown version. */
OGI_API int ogi_options_init(ogi_options *opts, unsigned int version);

/* ---- errors ------------------------------------------------------------ */

#define OGI_ERROR_MESSAGE_SIZE 256

/* Filled by the functions that take one. Caller-owned: typically a local
 * variable. On success code is OGI_OK and message is "". */
typedef struct ogi_error {
  int code;              /* OGI_OK or an OGI_ERR_* status */
  size_t offset;         /* byte offset in the input where the problem was found, 0 if none */
  size_t line;           /* 1-based line of offset (ogi_parse only), 0 when unknown */
  size_t column;         /* 1-based column of offset in code points, 0 when unknown */
  char message[OGI_ERROR_MESSAGE_SIZE]; /* UTF-8, NUL-terminated, cut at a character boundary */
} ogi_error;

/* ---- borrowed values ---------------------------------------------------- */

/* A UTF-8 string borrowed from a report: `len` bytes at `data`, followed by
 * a NUL. Never NULL; empty when absent. */
typedef struct ogi_str {
  const char *data;
  size_t len;
} ogi_str;

/* A byte range [begin, end) into ogi_report_text(). */
typedef struct ogi_span {
  size_t begin;
  size_t end;
} ogi_span;

typedef struct ogi_report ogi_report;
typedef struct ogi_section ogi_section;
typedef struct ogi_fact ogi_fact;
typedef struct ogi_finding ogi_finding;

/* ---- parsing ------------------------------------------------------------ */

/* Parses one report from `len` bytes at `data` (any supported encoding and
 * kind: text, Markdown, HTML, PDF). The bytes are copied; the caller may
 * free them afterwards. `opts` and `err` may be NULL. Returns a report to
 * free with ogi_report_free(), or NULL with *err filled. */
OGI_API ogi_report *ogi_parse(const char *data, size_t len, const ogi_options *opts, ogi_error *err);

/* Reads and parses a file (the kind is also guessed from the extension:
 * .html/.htm, .md, .pdf, .txt). `path` is a NUL-terminated file name. */
OGI_API ogi_report *ogi_parse_file(const char *path, const ogi_options *opts, ogi_error *err);

/* Frees a report and everything borrowed from it. NULL is a no-op. */
OGI_API void ogi_report_free(ogi_report *report);

/* ---- JSON (schema "ogi/1", docs/output.md) ------------------------------ */

enum {
  OGI_JSON_PRETTY = 1,    /* indented */
  OGI_JSON_WITH_TEXT = 2, /* include the decoded text as "text" */
  OGI_JSON_ENGLISH = 4    /* finding messages in English */
};

/* Writes the report as one JSON object into a new string: *out receives it
 * (NUL-terminated, owned by the caller, free with ogi_string_free()) and
 * *out_len its length (out_len may be NULL). On failure *out is NULL. */
OGI_API int ogi_report_to_json(const ogi_report *report, unsigned int flags, char **out, size_t *out_len);

/* Compares last year's report of a body with this year's (carry-over of
 * pending applications, documents in force) and writes the findings as
 * JSON ({"schema":"ogi/1","findings":[...]}) into *json_out, to free with
 * ogi_string_free(). OGI_ERR_INCOMPATIBLE when the reports are not of the
 * same body or not of consecutive years. `err` may be NULL. */
OGI_API int ogi_compare(const ogi_report *last_year, const ogi_report *this_year, char **json_out,
                        size_t *json_len, ogi_error *err);

/* Frees a string returned by ogi_report_to_json() or ogi_compare(). NULL is
 * a no-op. */
OGI_API void ogi_string_free(char *s);

/* ---- meta --------------------------------------------------------------- */

/* Formats for ogi_report_format(). */
enum {
  OGI_FORMAT_UNKNOWN = 0,
  OGI_FORMAT_LEGACY = 1, /* 2008-2018 reports */
  OGI_FORMAT_2019 = 2,   /* 国办公开办函〔2019〕60号 */
  OGI_FORMAT_2021 = 3    /* 国办公开办函〔2021〕30号 */
};

/* "unknown", "legacy", "2019", "2021" (static; "unknown" for other values). */
OGI_API const char *ogi_format_name(int format);
/* "detect", "text", "markdown", "html", "pdf" (static; "" for other values). */
OGI_API const char *ogi_kind_name(int kind);

/* The decoded UTF-8 text every span points into. */
OGI_API ogi_str ogi_report_text(const ogi_report *report);
OGI_API ogi_str ogi_report_title(const ogi_report *report);
OGI_API ogi_str ogi_report_region(const ogi_report *report);   /* e.g. "新乡市" */
OGI_API ogi_str ogi_report_issuer(const ogi_report *report);   /* e.g. "新乡市人民政府" */
OGI_API int ogi_report_year(const ogi_report *report);         /* year reported on, 0 when unknown */
OGI_API int ogi_report_format(const ogi_report *report);       /* OGI_FORMAT_* */
OGI_API ogi_str ogi_report_published(const ogi_report *report);   /* ISO date or empty */
OGI_API ogi_str ogi_report_period_from(const ogi_report *report); /* ISO date or empty */
OGI_API ogi_str ogi_report_period_to(const ogi_report *report);   /* ISO date or empty */
OGI_API ogi_str ogi_report_source(const ogi_report *report);      /* "来源:" on the page */

/* Contact fields. The single-valued ones: */
OGI_API ogi_str ogi_report_contact_address(const ogi_report *report);
OGI_API ogi_str ogi_report_contact_postcode(const ogi_report *report);
/* The list-valued ones, by field and index: */
enum { OGI_CONTACT_PHONE = 0, OGI_CONTACT_FAX = 1, OGI_CONTACT_EMAIL = 2, OGI_CONTACT_WEBSITE = 3 };
OGI_API size_t ogi_report_contact_count(const ogi_report *report, int field);
OGI_API ogi_str ogi_report_contact_at(const ogi_report *report, int field, size_t index);

/* The input as it was read. */
OGI_API int ogi_report_input_kind(const ogi_report *report);        /* OGI_KIND_TEXT ... OGI_KIND_PDF */
OGI_API ogi_str ogi_report_input_encoding(const ogi_report *report); /* "UTF-8", "GB18030", ... */
OGI_API size_t ogi_report_input_bytes(const ogi_report *report);
OGI_API int ogi_report_input_traditional(const ogi_report *report); /* 1: Traditional converted */

/* ---- sections ----------------------------------------------------------- */

/* Top-level sections in document order; children by the same pattern. */
OGI_API size_t ogi_report_section_count(const ogi_report *report);
OGI_API const ogi_section *ogi_report_section_at(const ogi_report *report, size_t index);
OGI_API size_t ogi_section_child_count(const ogi_section *section);
OGI_API const ogi_section *ogi_section_child_at(const ogi_section *section, size_t index);

OGI_API ogi_str ogi_section_number(const ogi_section *section); /* "一" (also for "（一）"), "1", ... */
OGI_API ogi_str ogi_section_title(const ogi_section *section);  /* heading without the number */
OGI_API int ogi_section_level(const ogi_section *section);      /* 1 = top section, 0 for NULL */
OGI_API ogi_str ogi_section_kind(const ogi_section *section);   /* canonical kind or empty */
OGI_API ogi_span ogi_section_heading(const ogi_section *section); /* the heading line */
OGI_API ogi_span ogi_section_span(const ogi_section *section);    /* heading and body */

/* ---- facts (standard statistics, docs/indicators.md) -------------------- */

OGI_API size_t ogi_report_fact_count(const ogi_report *report);
OGI_API const ogi_fact *ogi_report_fact_at(const ogi_report *report, size_t index);

OGI_API ogi_str ogi_fact_indicator(const ogi_fact *fact); /* e.g. "apply.received" */
/* The exact decimal as printed, e.g. "120", "86.50", "-8". */
OGI_API ogi_str ogi_fact_value(const ogi_fact *fact);
/* The value as a double (may round; use ogi_fact_value() for exact digits). */
OGI_API double ogi_fact_value_double(const ogi_fact *fact);
OGI_API ogi_str ogi_fact_unit(const ogi_fact *fact);      /* "件", "条", "万元", ... */
OGI_API ogi_str ogi_fact_scope(const ogi_fact *fact);     /* "total", "own_level", "lower_levels" */
OGI_API ogi_str ogi_fact_applicant(const ogi_fact *fact); /* "natural_person" ... "total", or empty */
OGI_API ogi_str ogi_fact_approx(const ogi_fact *fact);    /* "more_than", "about", ... or empty */
OGI_API ogi_str ogi_fact_origin(const ogi_fact *fact);    /* "text", "table", "derived" */
OGI_API ogi_span ogi_fact_span(const ogi_fact *fact);     /* the printed number or the cell */
/* The table (index in the report's tables) and cell, or -1 each. */
OGI_API int ogi_fact_table(const ogi_fact *fact);
OGI_API int ogi_fact_row(const ogi_fact *fact);
OGI_API int ogi_fact_col(const ogi_fact *fact);
OGI_API int ogi_fact_blank(const ogi_fact *fact); /* 1: an empty table cell counted as 0 */

/* ---- findings (consistency checks, docs/checks.md) ---------------------- */

OGI_API size_t ogi_report_finding_count(const ogi_report *report);
OGI_API const ogi_finding *ogi_report_finding_at(const ogi_report *report, size_t index);

OGI_API ogi_str ogi_finding_rule(const ogi_finding *finding);     /* e.g. "sum.mismatch" */
OGI_API ogi_str ogi_finding_severity(const ogi_finding *finding); /* "info", "warning", "error" */
OGI_API ogi_str ogi_finding_message(const ogi_finding *finding);  /* Chinese */
OGI_API ogi_str ogi_finding_message_en(const ogi_finding *finding); /* English */
OGI_API ogi_str ogi_finding_expected(const ogi_finding *finding);
OGI_API ogi_str ogi_finding_found(const ogi_finding *finding);
OGI_API ogi_span ogi_finding_span(const ogi_finding *finding);
OGI_API size_t ogi_finding_indicator_count(const ogi_finding *finding);
OGI_API ogi_str ogi_finding_indicator_at(const ogi_finding *finding, size_t index);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* OGI_OGI_H */
