/* extract: print a report's metadata, outline and statistics using the C ABI.
 *
 *   extract REPORT_FILE
 *
 * Shows the whole life cycle: options, parse with a caller-owned error,
 * borrowed strings (pointer + length, valid until the report is freed),
 * sections by index, facts, and an owned JSON string freed with
 * ogi_string_free. Exit status 0 on success, 2 when the file cannot be read. */
#include <stdio.h>

#include "ogi/ogi.h"

/* Borrowed strings carry their length; print them with %.*s. */
#define STR(s) (int)(s).len, (s).data

static void print_outline(const ogi_section *s, int depth) {
  size_t i;
  ogi_str number = ogi_section_number(s), kind = ogi_section_kind(s);
  printf("  %*s%.*s%s%.*s", depth * 2, "", STR(number), number.len ? " " : "", STR(ogi_section_title(s)));
  if (kind.len) printf("  [%.*s]", STR(kind));
  printf("\n");
  if (depth >= 1) return; /* two levels are enough for an outline */
  for (i = 0; i < ogi_section_child_count(s); ++i) print_outline(ogi_section_child_at(s, i), depth + 1);
}

int main(int argc, char **argv) {
  ogi_options options = OGI_OPTIONS_INIT;
  ogi_error err;
  ogi_report *report;
  char *json = NULL;
  size_t json_len = 0, i;

  if (argc != 2) {
    fprintf(stderr, "usage: %s REPORT_FILE\n", argv[0]);
    return 2;
  }
  options.checks = 1;
  report = ogi_parse_file(argv[1], &options, &err);
  if (!report) {
    fprintf(stderr, "extract: %s (%s, code %d)\n", err.message, ogi_status_str(err.code), err.code);
    return 2;
  }

  printf("title:     %.*s\n", STR(ogi_report_title(report)));
  printf("region:    %.*s\n", STR(ogi_report_region(report)));
  printf("year:      %d\n", ogi_report_year(report));
  printf("format:    %s\n", ogi_format_name(ogi_report_format(report)));
  printf("published: %.*s\n", STR(ogi_report_published(report)));
  printf("period:    %.*s .. %.*s\n", STR(ogi_report_period_from(report)), STR(ogi_report_period_to(report)));
  for (i = 0; i < ogi_report_contact_count(report, OGI_CONTACT_PHONE); ++i)
    printf("phone:     %.*s\n", STR(ogi_report_contact_at(report, OGI_CONTACT_PHONE, i)));
  printf("input:     %s, %.*s, %lu bytes\n", ogi_kind_name(ogi_report_input_kind(report)),
         STR(ogi_report_input_encoding(report)), (unsigned long)ogi_report_input_bytes(report));

  printf("sections:  %lu\n", (unsigned long)ogi_report_section_count(report));
  for (i = 0; i < ogi_report_section_count(report); ++i) print_outline(ogi_report_section_at(report, i), 0);

  printf("facts:     %lu\n", (unsigned long)ogi_report_fact_count(report));
  for (i = 0; i < ogi_report_fact_count(report) && i < 10; ++i) {
    const ogi_fact *f = ogi_report_fact_at(report, i);
    ogi_span at = ogi_fact_span(f);
    printf("  %.*s = %.*s %.*s  (%.*s, bytes %lu..%lu)\n", STR(ogi_fact_indicator(f)), STR(ogi_fact_value(f)),
           STR(ogi_fact_unit(f)), STR(ogi_fact_scope(f)), (unsigned long)at.begin, (unsigned long)at.end);
  }
  printf("findings:  %lu\n", (unsigned long)ogi_report_finding_count(report));
  for (i = 0; i < ogi_report_finding_count(report); ++i) {
    const ogi_finding *f = ogi_report_finding_at(report, i);
    printf("  %.*s: %.*s [%.*s]\n", STR(ogi_finding_severity(f)), STR(ogi_finding_message_en(f)),
           STR(ogi_finding_rule(f)));
  }

  /* The JSON is owned by the caller: free it with ogi_string_free. */
  if (ogi_report_to_json(report, 0, &json, &json_len) == OGI_OK) {
    printf("json:      %lu bytes\n", (unsigned long)json_len);
    ogi_string_free(json);
  }
  ogi_report_free(report);
  return 0;
}
