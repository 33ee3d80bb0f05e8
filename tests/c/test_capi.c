/* The C ABI from C: a real C99 program linked against ogi::ogi_c.
 *
 *   ogi_test_capi FIXTURES_DIR
 *
 * Checks the accessors against the sample report (tests/fixtures), the
 * invariants every report satisfies (spans inside the text, children inside
 * their parent), ownership of returned strings, and the error paths (NULL
 * arguments, empty and binary input, bad options, unreadable files, long
 * messages cut at a character boundary). Exit status 0 when every check
 * holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/ogi.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                             \
  do {                                                                          \
    ++checks;                                                                   \
    if (!(cond)) {                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                               \
    }                                                                           \
  } while (0)

/* s equals the NUL-terminated lit, and is itself NUL-terminated. */
static int str_eq(ogi_str s, const char *lit) {
  size_t n = strlen(lit);
  return s.data != NULL && s.len == n && memcmp(s.data, lit, n) == 0 && s.data[n] == '\0';
}

/* A borrowed string is never NULL and always NUL-terminated. */
static int str_ok(ogi_str s) { return s.data != NULL && s.data[s.len] == '\0' && strlen(s.data) == s.len; }

static int valid_utf8(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    int extra = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
    int i;
    if (extra < 0) return 0;
    for (i = 1; i <= extra; ++i)
      if ((p[i] & 0xC0) != 0x80) return 0;
    p += extra + 1;
  }
  return 1;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long n;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return NULL;
  }
  buf = (char *)malloc((size_t)n + 1);
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  if (buf) {
    buf[n] = '\0';
    *len = (size_t)n;
  }
  return buf;
}

/* The first fact with this indicator and scope, or NULL. */
static const ogi_fact *find_fact(const ogi_report *r, const char *indicator, const char *scope) {
  size_t i;
  for (i = 0; i < ogi_report_fact_count(r); ++i) {
    const ogi_fact *f = ogi_report_fact_at(r, i);
    if (str_eq(ogi_fact_indicator(f), indicator) && str_eq(ogi_fact_scope(f), scope)) return f;
  }
  return NULL;
}

/* The bytes of text a span covers are exactly lit. */
static int span_is(ogi_str text, ogi_span sp, const char *lit) {
  size_t n = strlen(lit);
  return sp.end <= text.len && sp.end - sp.begin == n && memcmp(text.data + sp.begin, lit, n) == 0;
}

static int span_in(ogi_span inner, ogi_span outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

/* Every section: strings valid, spans ordered and inside the text, heading
 * inside the span, children inside their parent and one level deeper. */
static size_t check_section(const ogi_section *s, size_t text_len, int parent_level, ogi_span parent) {
  size_t i, n = 1;
  ogi_span sp = ogi_section_span(s), hd = ogi_section_heading(s);
  CHECK(s != NULL);
  CHECK(str_ok(ogi_section_number(s)));
  CHECK(str_ok(ogi_section_title(s)));
  CHECK(str_ok(ogi_section_kind(s)));
  CHECK(ogi_section_level(s) > parent_level);
  CHECK(sp.begin <= sp.end && sp.end <= text_len);
  CHECK(span_in(hd, sp));
  CHECK(span_in(sp, parent));
  for (i = 0; i < ogi_section_child_count(s); ++i)
    n += check_section(ogi_section_child_at(s, i), text_len, ogi_section_level(s), sp);
  CHECK(ogi_section_child_at(s, ogi_section_child_count(s)) == NULL);
  return n;
}

static void test_version_and_status(const char *expected_version) {
  CHECK(strcmp(ogi_version(), expected_version) == 0);
  CHECK(strcmp(ogi_status_str(OGI_OK), "ok") == 0);
  CHECK(strcmp(ogi_status_str(OGI_ERR_EMPTY_INPUT), "empty input") == 0);
  CHECK(strcmp(ogi_status_str(OGI_ERR_INVALID_ARGUMENT), "invalid argument") == 0);
  CHECK(strcmp(ogi_status_str(OGI_ERR_INCOMPATIBLE), "reports not comparable") == 0);
  CHECK(strcmp(ogi_status_str(1), "unknown status") == 0);
  CHECK(strcmp(ogi_status_str(-1000), "unknown status") == 0);
  CHECK(strcmp(ogi_format_name(OGI_FORMAT_LEGACY), "legacy") == 0);
  CHECK(strcmp(ogi_format_name(OGI_FORMAT_2021), "2021") == 0);
  CHECK(strcmp(ogi_format_name(42), "unknown") == 0);
  CHECK(strcmp(ogi_kind_name(OGI_KIND_HTML), "html") == 0);
  CHECK(strcmp(ogi_kind_name(OGI_KIND_DETECT), "detect") == 0);
  CHECK(strcmp(ogi_kind_name(-3), "") == 0);
}

static void test_options(void) {
  ogi_options o = OGI_OPTIONS_INIT;
  ogi_options p;
  CHECK(o.version == OGI_OPTIONS_VERSION && o.max_input_bytes == 0 && o.kind == OGI_KIND_DETECT && o.checks == 1);
  memset(&p, 0x5a, sizeof p);
  CHECK(ogi_options_init(&p, OGI_OPTIONS_VERSION) == OGI_OK);
  CHECK(p.version == o.version && p.max_input_bytes == o.max_input_bytes && p.kind == o.kind && p.checks == o.checks);
  CHECK(ogi_options_init(&p, 0) == OGI_ERR_INVALID_ARGUMENT);
  CHECK(ogi_options_init(&p, OGI_OPTIONS_VERSION + 1) == OGI_ERR_INVALID_ARGUMENT);
  CHECK(ogi_options_init(NULL, OGI_OPTIONS_VERSION) == OGI_ERR_INVALID_ARGUMENT);
}

static void test_sample(const char *path) {
  size_t len = 0, i, n, json_len = 0, pretty_len = 0, text_json_len = 0;
  char *data = read_file(path, &len);
  ogi_error err;
  ogi_report *r;
  ogi_str text;
  char *json = NULL, *pretty = NULL, *with_text = NULL;
  ogi_span whole;

  CHECK(data != NULL);
  if (!data) return;
  memset(&err, 0x5a, sizeof err);
  r = ogi_parse(data, len, NULL, &err);
  CHECK(r != NULL);
  CHECK(err.code == OGI_OK && err.message[0] == '\0' && err.offset == 0);
  if (!r) {
    fprintf(stderr, "ogi_parse failed: %s\n", err.message);
    free(data);
    return;
  }
  /* The input is copied: the report outlives the caller's buffer. */
  memset(data, 0, len);

  /* Input and text: UTF-8 text input is its own decoded text. */
  text = ogi_report_text(r);
  CHECK(text.len == len);
  CHECK(ogi_report_input_bytes(r) == len);
  CHECK(ogi_report_input_kind(r) == OGI_KIND_TEXT);
  CHECK(str_eq(ogi_report_input_encoding(r), "UTF-8"));
  CHECK(ogi_report_input_traditional(r) == 0);
  CHECK(text.len > 8 && memcmp(text.data, "青川市2017年", strlen("青川市2017年")) == 0);

  /* Meta: every accessor gives a valid string holding the sample's value. */
  CHECK(str_eq(ogi_report_title(r), "青川市2017年政府信息公开工作年度报告"));
  CHECK(str_eq(ogi_report_region(r), "青川市"));
  CHECK(str_eq(ogi_report_issuer(r), "青川市人民政府"));
  CHECK(ogi_report_year(r) == 2017);
  CHECK(ogi_report_format(r) == OGI_FORMAT_LEGACY);
  CHECK(str_eq(ogi_report_published(r), "2018-03-20"));
  CHECK(str_eq(ogi_report_period_from(r), "2017-01-01"));
  CHECK(str_eq(ogi_report_period_to(r), "2017-12-31"));
  CHECK(str_eq(ogi_report_source(r), "青川市人民政府办公室"));
  CHECK(str_eq(ogi_report_contact_address(r), "青川市滨河路88号市政府办公大楼"));
  CHECK(str_eq(ogi_report_contact_postcode(r), "628199"));
  CHECK(ogi_report_contact_count(r, OGI_CONTACT_PHONE) == 1);
  CHECK(str_eq(ogi_report_contact_at(r, OGI_CONTACT_PHONE, 0), "0123-4567890"));
  CHECK(ogi_report_contact_count(r, OGI_CONTACT_EMAIL) == 1);
  CHECK(str_eq(ogi_report_contact_at(r, OGI_CONTACT_EMAIL, 0), "qcsxxgk@qingchuanshi.gov.cn"));
  CHECK(ogi_report_contact_count(r, OGI_CONTACT_WEBSITE) == 1);
  CHECK(str_eq(ogi_report_contact_at(r, OGI_CONTACT_WEBSITE, 0), "www.qingchuanshi.gov.cn"));
  CHECK(ogi_report_contact_count(r, OGI_CONTACT_FAX) == 0);
  CHECK(str_eq(ogi_report_contact_at(r, OGI_CONTACT_WEBSITE, 1), ""));
  CHECK(ogi_report_contact_count(r, 99) == 0 && str_eq(ogi_report_contact_at(r, -1, 0), ""));

  /* Sections: 一 to 九, the tree consistent. */
  whole.begin = 0;
  whole.end = text.len;
  n = ogi_report_section_count(r);
  CHECK(n == 9);
  for (i = 0; i < n; ++i) check_section(ogi_report_section_at(r, i), text.len, 0, whole);
  CHECK(ogi_report_section_at(r, n) == NULL);
  if (n == 9) {
    const ogi_section *first = ogi_report_section_at(r, 0), *last = ogi_report_section_at(r, 8);
    ogi_span sp = ogi_section_heading(first);
    CHECK(str_eq(ogi_section_number(first), "一") && str_eq(ogi_section_title(first), "基本情况"));
    CHECK(ogi_section_level(first) == 1 && ogi_section_child_count(first) == 3);
    CHECK(str_eq(ogi_section_title(ogi_section_child_at(first, 1)), "健全制度规范"));
    CHECK(ogi_section_level(ogi_section_child_at(first, 1)) == 2);
    CHECK(str_eq(ogi_section_number(last), "九") && str_eq(ogi_section_title(last), "其他需要报告的事项"));
    /* The heading span points at the heading in the text. */
    CHECK(sp.end - sp.begin >= strlen("一、基本情况"));
    CHECK(strstr(text.data + sp.begin, "一、基本情况") == text.data + sp.begin);
  }

  /* Facts and findings: valid strings, spans inside the text, exact values. */
  {
    const ogi_fact *received = find_fact(r, "apply.received", "total");
    const ogi_fact *budget = find_fact(r, "org.budget", "total");
    CHECK(received != NULL && str_eq(ogi_fact_value(received), "96") && str_eq(ogi_fact_unit(received), "件"));
    CHECK(received != NULL && span_is(text, ogi_fact_span(received), "96"));
    CHECK(received != NULL && str_eq(ogi_fact_origin(received), "text") && ogi_fact_table(received) == -1);
    /* Exact decimals: printed "86.50" stays "86.50". */
    CHECK(budget != NULL && str_eq(ogi_fact_value(budget), "86.50") && ogi_fact_value_double(budget) == 86.5);
    CHECK(budget != NULL && str_eq(ogi_fact_unit(budget), "万元") && span_is(text, ogi_fact_span(budget), "86.50"));
    CHECK(find_fact(r, "apply.received", "own_level") != NULL);
  }
  for (i = 0; i < ogi_report_fact_count(r); ++i) {
    const ogi_fact *f = ogi_report_fact_at(r, i);
    ogi_span sp = ogi_fact_span(f);
    ogi_str v = ogi_fact_value(f);
    CHECK(f != NULL && ogi_fact_indicator(f).len > 0 && str_ok(ogi_fact_unit(f)));
    CHECK(str_ok(v) && v.len > 0 && strtod(v.data, NULL) == ogi_fact_value_double(f));
    CHECK(str_ok(ogi_fact_scope(f)) && ogi_fact_scope(f).len > 0 && str_ok(ogi_fact_applicant(f)));
    CHECK(str_ok(ogi_fact_approx(f)) && str_ok(ogi_fact_origin(f)) && ogi_fact_origin(f).len > 0);
    CHECK(sp.begin <= sp.end && sp.end <= text.len);
    CHECK(ogi_fact_table(f) >= 0 || (ogi_fact_row(f) < 0 && ogi_fact_col(f) < 0));
  }
  CHECK(ogi_report_fact_at(r, ogi_report_fact_count(r)) == NULL);
  for (i = 0; i < ogi_report_finding_count(r); ++i) {
    const ogi_finding *f = ogi_report_finding_at(r, i);
    size_t k;
    CHECK(ogi_finding_rule(f).len > 0 && str_ok(ogi_finding_message(f)) && str_ok(ogi_finding_message_en(f)));
    CHECK(str_eq(ogi_finding_severity(f), "info") || str_eq(ogi_finding_severity(f), "warning") ||
          str_eq(ogi_finding_severity(f), "error"));
    CHECK(ogi_finding_span(f).end <= text.len);
    for (k = 0; k < ogi_finding_indicator_count(f); ++k) CHECK(ogi_finding_indicator_at(f, k).len > 0);
    CHECK(str_eq(ogi_finding_indicator_at(f, ogi_finding_indicator_count(f)), ""));
  }
  CHECK(ogi_report_finding_at(r, ogi_report_finding_count(r)) == NULL);

  /* JSON: owned strings, freed with ogi_string_free. */
  CHECK(ogi_report_to_json(r, 0, &json, &json_len) == OGI_OK);
  CHECK(json != NULL && strlen(json) == json_len);
  CHECK(json != NULL && strncmp(json, "{\"schema\":\"ogi/1\"", 17) == 0);
  CHECK(json != NULL && strchr(json, '\n') == NULL);
  CHECK(ogi_report_to_json(r, OGI_JSON_PRETTY, &pretty, &pretty_len) == OGI_OK);
  CHECK(pretty != NULL && strchr(pretty, '\n') != NULL && pretty_len > json_len);
  CHECK(ogi_report_to_json(r, OGI_JSON_WITH_TEXT, &with_text, NULL) == OGI_OK);
  CHECK(with_text != NULL && (text_json_len = strlen(with_text)) > json_len + text.len / 2);
  CHECK(with_text != NULL && strstr(with_text, "\"text\":\"青川市2017年") != NULL);
  ogi_string_free(json);
  ogi_string_free(pretty);
  ogi_string_free(with_text);
  json = (char *)1;
  CHECK(ogi_report_to_json(NULL, 0, &json, &json_len) == OGI_ERR_INVALID_ARGUMENT && json == NULL && json_len == 0);
  CHECK(ogi_report_to_json(r, 0, NULL, NULL) == OGI_ERR_INVALID_ARGUMENT);

  /* The sample is consistent: no error findings. */
  for (i = 0; i < ogi_report_finding_count(r); ++i)
    CHECK(!str_eq(ogi_finding_severity(ogi_report_finding_at(r, i)), "error"));

  /* Options: checks off gives no findings. */
  {
    ogi_options o = OGI_OPTIONS_INIT;
    ogi_report *q;
    o.checks = 0;
    q = ogi_parse(text.data, text.len, &o, &err);
    CHECK(q != NULL && ogi_report_finding_count(q) == 0);
    CHECK(q != NULL && ogi_report_section_count(q) == ogi_report_section_count(r));
    ogi_report_free(q);
  }

  /* Compare: a report with itself is not last year's; either refused as
   * incompatible or a findings document. NULL arguments are refused. */
  {
    int status = ogi_compare(r, r, &json, &json_len, &err);
    CHECK(status == OGI_OK || status == OGI_ERR_INCOMPATIBLE);
    CHECK(err.code == status);
    if (status == OGI_OK) {
      CHECK(json != NULL && strncmp(json, "{\"schema\":\"ogi/1\"", 17) == 0 && strlen(json) == json_len);
    } else {
      CHECK(json == NULL && err.message[0] != '\0');
    }
    ogi_string_free(json);
    CHECK(ogi_compare(NULL, r, &json, &json_len, &err) == OGI_ERR_INVALID_ARGUMENT);
    CHECK(err.code == OGI_ERR_INVALID_ARGUMENT && json == NULL);
    CHECK(ogi_compare(r, r, NULL, NULL, NULL) == OGI_ERR_INVALID_ARGUMENT);
  }

  ogi_report_free(r);
  free(data);
}

static void test_errors(const char *fixtures) {
  ogi_error err;
  ogi_options o = OGI_OPTIONS_INIT;
  static const char binary[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";
  static const char with_nul[] = "第一行文字\n第二行ab\0\0\0后面还有文字后面还有文字后面还有文字";
  char path[1024];
  ogi_report *r;
  size_t i;

  /* Empty input, with and without a data pointer. */
  memset(&err, 0x5a, sizeof err);
  CHECK(ogi_parse("", 0, NULL, &err) == NULL);
  CHECK(err.code == OGI_ERR_EMPTY_INPUT && err.message[0] != '\0' && valid_utf8(err.message));
  CHECK(ogi_parse(NULL, 0, NULL, &err) == NULL && err.code == OGI_ERR_EMPTY_INPUT);
  CHECK(ogi_parse("", 0, NULL, NULL) == NULL); /* err may be NULL */

  /* NULL data with a length is a caller error. */
  CHECK(ogi_parse(NULL, 10, NULL, &err) == NULL && err.code == OGI_ERR_INVALID_ARGUMENT);
  CHECK(ogi_parse_file(NULL, NULL, &err) == NULL && err.code == OGI_ERR_INVALID_ARGUMENT);

  /* Binary input is refused; a NUL inside text is located by offset, line
   * and column (in code points). */
  CHECK(ogi_parse(binary, sizeof binary - 1, NULL, &err) == NULL);
  CHECK(err.code == OGI_ERR_BINARY_INPUT && err.message[0] != '\0');
  CHECK(ogi_parse(with_nul, sizeof with_nul - 1, NULL, &err) == NULL);
  CHECK(err.code == OGI_ERR_BINARY_INPUT);
  CHECK(err.offset == strlen("第一行文字\n第二行ab") && err.line == 2 && err.column == 6);

  /* Bad options. */
  o.version = 0;
  CHECK(ogi_parse("abc", 3, &o, &err) == NULL && err.code == OGI_ERR_INVALID_ARGUMENT);
  CHECK(strstr(err.message, "OGI_OPTIONS_INIT") != NULL);
  o.version = OGI_OPTIONS_VERSION;
  o.kind = 99;
  CHECK(ogi_parse("abc", 3, &o, &err) == NULL && err.code == OGI_ERR_INVALID_ARGUMENT);

  /* Files: missing, a directory; the message names the file. */
  CHECK(ogi_parse_file("/nonexistent/ogi-report.txt", NULL, &err) == NULL);
  CHECK(err.code == OGI_ERR_IO && strstr(err.message, "/nonexistent/ogi-report.txt") != NULL);
  CHECK(ogi_parse_file(fixtures, NULL, &err) == NULL && err.code == OGI_ERR_IO);

  /* A message longer than the buffer is cut at a UTF-8 character boundary. */
  strcpy(path, "/nonexistent/");
  for (i = 0; i < 100; ++i) strcat(path, "青"); /* 3 bytes each: 313 bytes */
  CHECK(ogi_parse_file(path, NULL, &err) == NULL && err.code == OGI_ERR_IO);
  CHECK(strlen(err.message) < OGI_ERROR_MESSAGE_SIZE && strlen(err.message) >= OGI_ERROR_MESSAGE_SIZE - 4);
  CHECK(valid_utf8(err.message));

  /* A file parses like its bytes. */
  snprintf(path, sizeof path, "%s/sample-legacy.txt", fixtures);
  r = ogi_parse_file(path, NULL, &err);
  CHECK(r != NULL && err.code == OGI_OK && ogi_report_input_kind(r) == OGI_KIND_TEXT);
  ogi_report_free(r);
  snprintf(path, sizeof path, "%s/sample-2021.md", fixtures);
  r = ogi_parse_file(path, NULL, &err);
  CHECK(r != NULL && ogi_report_input_kind(r) == OGI_KIND_MARKDOWN);
  CHECK(ogi_report_format(r) == OGI_FORMAT_2021 && ogi_report_year(r) == 2021);
  ogi_report_free(r);

  /* Every accessor accepts NULL. */
  ogi_report_free(NULL);
  ogi_string_free(NULL);
  CHECK(str_eq(ogi_report_text(NULL), "") && str_eq(ogi_report_title(NULL), ""));
  CHECK(str_eq(ogi_report_published(NULL), "") && str_eq(ogi_report_period_from(NULL), ""));
  CHECK(ogi_report_year(NULL) == 0 && ogi_report_format(NULL) == OGI_FORMAT_UNKNOWN);
  CHECK(ogi_report_section_count(NULL) == 0 && ogi_report_section_at(NULL, 0) == NULL);
  CHECK(ogi_report_fact_count(NULL) == 0 && ogi_report_fact_at(NULL, 0) == NULL);
  CHECK(ogi_report_finding_count(NULL) == 0 && ogi_report_finding_at(NULL, 0) == NULL);
  CHECK(ogi_section_child_count(NULL) == 0 && ogi_section_level(NULL) == 0);
  CHECK(str_eq(ogi_section_title(NULL), "") && ogi_section_span(NULL).end == 0);
  CHECK(str_eq(ogi_fact_value(NULL), "") && ogi_fact_table(NULL) == -1 && ogi_fact_blank(NULL) == 0);
  CHECK(str_eq(ogi_finding_rule(NULL), "") && ogi_finding_indicator_count(NULL) == 0);
  CHECK(ogi_report_contact_count(NULL, OGI_CONTACT_PHONE) == 0);
}

int main(int argc, char **argv) {
  char path[1024];
  if (argc != 3) {
    fprintf(stderr, "usage: ogi_test_capi FIXTURES_DIR EXPECTED_VERSION\n");
    return 2;
  }
  test_version_and_status(argv[2]);
  test_options();
  snprintf(path, sizeof path, "%s/sample-legacy.txt", argv[1]);
  test_sample(path);
  test_errors(argv[1]);
  printf("%d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
