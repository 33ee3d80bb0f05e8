/* Compiled (not run) by the ctests capi_header_*: ogi.h must be
 * self-contained and warning-free as C99 and as C++ under -Wall -Wextra
 * -pedantic -Werror. The same file is compiled as C++ (-x c++), so it is
 * written in the common subset: no casts, no null pointer constants. */
#include "ogi/ogi.h"
#include "ogi/ogi.h" /* include guard */

int header_test_use(const ogi_report *report, const ogi_section *section);

int header_test_use(const ogi_report *report, const ogi_section *section) {
  ogi_options options = OGI_OPTIONS_INIT;
  ogi_error err;
  ogi_str s = ogi_report_title(report);
  ogi_span sp = ogi_section_span(section);
  ogi_report *(*parse)(const char *, size_t, const ogi_options *, ogi_error *) = ogi_parse;
  int (*to_json)(const ogi_report *, unsigned int, char **, size_t *) = ogi_report_to_json;
  void (*string_free)(char *) = ogi_string_free;
  int codes[] = {OGI_OK, OGI_ERR_EMPTY_INPUT, OGI_ERR_INCOMPATIBLE, OGI_KIND_PDF, OGI_FORMAT_2021,
                 OGI_JSON_PRETTY, OGI_CONTACT_WEBSITE, OGI_ERROR_MESSAGE_SIZE};
  err.code = OGI_OK;
  (void)parse;
  (void)to_json;
  (void)string_free;
  return options.checks + err.code + codes[0] + (s.len == 0) + (sp.end == 0);
}
