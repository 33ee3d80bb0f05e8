/* Uses ogi::ogi_c from C: parse a small report from memory, free it. */
#include <ogi/ogi.h>

#include <stdio.h>
#include <string.h>

int main(void) {
  const char *text = "某县2017年政府信息公开工作年度报告\n\n一、基本情况\n\n全年共收到政府信息公开申请12件。\n";
  ogi_error err;
  ogi_report *report = ogi_parse(text, strlen(text), NULL, &err);
  char *json = NULL;
  int ok;
  if (!report) {
    fprintf(stderr, "consumer_c: %s\n", err.message);
    return 1;
  }
  ok = ogi_report_text(report).len == strlen(text) && ogi_report_to_json(report, 0, &json, NULL) == OGI_OK;
  printf("consumer_c: ogi %s, %s\n", ogi_version(), ok ? "ok" : "FAILED");
  ogi_string_free(json);
  ogi_report_free(report);
  return ok ? 0 : 1;
}
