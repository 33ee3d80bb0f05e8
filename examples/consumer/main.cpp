// Uses ogi::ogi from C++: parse a small report from memory.
#include <ogi/ogi.hpp>

#include <cstdio>
#include <string_view>

int main() {
  std::string_view text =
      "某县2017年政府信息公开工作年度报告\n\n一、基本情况\n\n全年共收到政府信息公开申请12件。\n";
  auto report = ogi::parse(text);
  if (!report) {
    std::fprintf(stderr, "consumer_cpp: %s\n", report.error().message.c_str());
    return 1;
  }
  if (report->text != text) return 1;
  std::printf("consumer_cpp: ogi %s, %zu bytes, %zu sections\n", ogi::version(), report->text.size(),
              report->sections.size());
  return 0;
}
