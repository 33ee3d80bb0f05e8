// lib/structure: the report's metadata. Made-up snippets for each field, then
// the real reports of ../shared/corpus against their gold meta (skipped when
// ../shared is absent).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "doc.hpp"
#include "ogi/ogi.hpp"
#include "structure/internal.hpp"

using namespace ogi;
using namespace ogi::detail;

namespace {

Doc meta_of(const std::string& text, std::vector<std::size_t> boilerplate = {}) {
  Doc d;
  d.source = d.plain = d.norm = text;
  d.plain_map = OffsetMap::identity(text.size());
  d.norm_map = OffsetMap::identity(text.size());
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      d.lines.push_back({{start, i}});
      start = i + 1;
    }
  }
  for (std::size_t k : boilerplate) d.lines.at(k).boilerplate = true;
  structure(d);
  return d;
}

}  // namespace

TEST_CASE("meta: title broken over lines (PDF), body on the line above") {
  Doc d = meta_of(
      "            桃源县人民政府\n"
      "     2023 年政府信息公开工作年度报告\n"
      "\n"
      "   本报告由桃源县人民政府办公室编制。\n");
  CHECK(d.meta.title == "桃源县人民政府2023年政府信息公开工作年度报告");
  CHECK(d.meta.year == 2023);
  CHECK(d.meta.issuer == "桃源县人民政府");
  CHECK(d.meta.region == "桃源县");

  Doc e = meta_of("正文\n2024 年上海市某某委政府信息公开工作\n年度报告\n根据条例编制本报告。\n");
  CHECK(e.meta.title == "2024年上海市某某委政府信息公开工作年度报告");  // "正文" is no body name
  CHECK(e.meta.issuer == "上海市某某委");
  CHECK(e.meta.region == "上海市");
  CHECK(e.meta.year == 2024);
}

TEST_CASE("meta: the year on a line of its own under the title") {
  Doc d = meta_of("桃源县人民政府\n政府信息公开工作年度报告\n（2023年度）\n\n一、总体情况\n");
  CHECK(d.meta.title == "桃源县人民政府政府信息公开工作年度报告");
  CHECK(d.meta.year == 2023);
  CHECK(d.meta.issuer == "桃源县人民政府");
  CHECK(d.meta.region == "桃源县");
}

TEST_CASE("meta: title cleaned of Markdown marks, labels and site suffixes; a bare area means its 人民政府") {
  CHECK(meta_of("## 青山市2016年政府信息公开工作年度报告\n").meta.title == "青山市2016年政府信息公开工作年度报告");
  Doc d = meta_of("标题：青山市2016年政府信息公开工作年度报告_青山市人民政府\n正文。\n");
  CHECK(d.meta.title == "青山市2016年政府信息公开工作年度报告");
  CHECK(d.meta.issuer == "青山市人民政府");
  CHECK(d.meta.region == "青山市");
  CHECK(meta_of("青山县交通运输局2021年政府信息公开年度报告-青山县交通局\n").meta.issuer == "青山县交通运输局");
  CHECK(meta_of("Page 8 - 青山县信访局2022年政府信息公开工作年度报告\n").meta.title ==
        "青山县信访局2022年政府信息公开工作年度报告");
  // a sentence that names the report is not the title
  Doc s = meta_of("现公布青山市2016年政府信息公开工作年度报告。\n");
  CHECK(s.meta.title.empty());
  CHECK(s.meta.year == 0);
}

TEST_CASE("meta: region is the issuer's area, a district qualified by the city the text names") {
  Doc d = meta_of(
      "青山区人民政府\n2023年政府信息公开工作年度报告\n"
      "本报告由江城市青山区人民政府办公室编制（地址：江城市青山区湖滨大道9号）。\n");
  CHECK(d.meta.issuer == "青山区人民政府");
  CHECK(d.meta.region == "江城市青山区");
  Doc e = meta_of("青山县发展和改革局2023年政府信息公开年度报告\n请与青山县发展和改革局联系。\n");
  CHECK(e.meta.region == "青山县");

  CHECK(area_prefix("江城市青山区人民政府") == "江城市青山区");
  CHECK(area_prefix("上海市科学技术委员会") == "上海市");
  CHECK(area_prefix("上海市市场监督管理局") == "上海市");
  CHECK(area_prefix("北京市城市管理委员会") == "北京市");
  CHECK(area_prefix("宁夏回族自治区人民政府") == "宁夏回族自治区");
  CHECK(area_prefix("苏州工业园区管委会") == "苏州工业园区");
  CHECK(area_prefix("国务院办公厅") == "");
  CHECK(area_prefix("市政府办公室") == "");
}

TEST_CASE("meta: published from a labelled date, a dated signature, or a date under the title") {
  CHECK(meta_of("青山市2016年政府信息公开工作年度报告\n青山市人民政府门户网站 时间:2017-03-21 21:54 来源:青山市政府\n")
            .meta.published == "2017-03-21");
  CHECK(meta_of("标题\n发布日期：2020-01-31\n").meta.published == "2020-01-31");
  CHECK(meta_of("标题\n浏览次数：35 日期：2021年1月20日 字号：大 中 小\n").meta.published == "2021-01-20");
  // 成文日期 is the date written; 发布日期 wins when both are printed
  CHECK(meta_of("成文日期：2020-01-20\n发布日期：2020-01-31\n").meta.published == "2020-01-31");
  // metadata table: label and value on separate lines; the portal clock and the crawl time are not it
  Doc t = meta_of(
      "采集时间：2025-12-30T21:37:37+08:00\n2025年12月30日\t星期二\n公开日期\n2024-01-17\n"
      "青山县发展和改革局2023年政府信息公开年度报告\n正文。\n");
  CHECK(t.meta.published == "2024-01-17");
  // a signature at the end, written in Chinese numerals
  CHECK(meta_of("青山县2025年政府信息公开工作年度报告\n正文。\n青山县人民政府\n二〇二六年一月二十三日\n").meta.published ==
        "2026-01-23");
  // a date in brackets under the title
  CHECK(meta_of("# 青山县人民政府 2025 年 政府信息公开工作年度报告\n\n青山县人民政府\n(2026年1月23日)\n正文。\n")
            .meta.published == "2026-01-23");
  // nothing printed: null, and a portal clock alone does not count
  CHECK_FALSE(meta_of("青山县2025年政府信息公开工作年度报告\n正文。\n").meta.published);
  CHECK_FALSE(meta_of("2025年12月30日 星期二\n青山县2025年政府信息公开工作年度报告\n正文。\n").meta.published);
  CHECK_FALSE(meta_of("青山县2025年政府信息公开工作年度报告\n统计时间:2025-12-31\n").meta.published);
}

TEST_CASE("meta: statistics period as printed, never guessed") {
  auto period = [](const std::string& text) { return find_period(scan::compact(text)); };
  auto p = period("所列数据的统计期限自2016年1月1日起至2016年12月31日止。");
  REQUIRE(p);
  CHECK(p->from == "2016-01-01");
  CHECK(p->to == "2016-12-31");
  p = period("本年度报告中所列数据统计期限从2019年1月1日到12月31日止。");
  REQUIRE(p);
  CHECK(p->to == "2019-12-31");  // the year of the end date is the start's
  p = period("本年度报告中所列数据的统计周期\n为 2024 年 1 月 1 日至 12 月 31 日。");
  REQUIRE(p);
  CHECK(p->from == "2024-01-01");
  p = period("本年度报告所列数据的统计时限为2023年1月1日至2023年12月31日。");
  REQUIRE(p);
  CHECK(p->to == "2023-12-31");
  p = period("报告中所列数据统计期限为2025年度。");
  REQUIRE(p);
  CHECK(p->from == "2025-01-01");
  CHECK(p->to == "2025-12-31");
  CHECK_FALSE(period("2025年，我县共受理申请749件。"));
  CHECK_FALSE(period("统计期限自2016年12月31日至2016年1月1日"));  // backwards
  // the year comes from the period when the title has none
  Doc d = meta_of("政府信息公开工作年度报告\n本报告所列数据统计期限自2022年1月1日至2022年12月31日。\n");
  CHECK(d.meta.year == 2022);
}

TEST_CASE("meta: contact details after their labels") {
  Doc d = meta_of(
      "青山市2016年政府信息公开工作年度报告\n"
      "电子版可在青山市人民政府官方网站(www.qingshan.gov.cn)政府信息公开专栏查阅。如有疑问请联系"
      "(地址:青山市人民东路甲1号,邮编:450003,电话:0373—3696072,传真：(0373)3696073，电子信箱:qsgk@163.com)。\n"
      "咨询电话：0373-1234567、13912345678\n");
  const Contact& c = d.meta.contact;
  CHECK(c.address == "青山市人民东路甲1号");
  CHECK(c.postcode == "450003");
  CHECK(c.phone == std::vector<std::string>{"0373-3696072", "0373-1234567", "13912345678"});
  CHECK(c.fax == std::vector<std::string>{"0373-3696073"});
  CHECK(c.email == std::vector<std::string>{"qsgk@163.com"});
  CHECK(c.website == std::vector<std::string>{"www.qingshan.gov.cn"});
}

TEST_CASE("meta: contact across PDF line breaks and spaces") {
  Doc d = meta_of(
      "如对本报告有疑问，请与江城市青山区人民政府办公室联系（地址：江城市青山区湖滨大道 90\n"
      "号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：\n"
      "qsgk@126.com）。\n");
  const Contact& c = d.meta.contact;
  CHECK(c.address == "江城市青山区湖滨大道90号");
  CHECK(c.postcode == "223100");
  CHECK(c.phone == std::vector<std::string>{"0517-87222589"});
  CHECK(c.email == std::vector<std::string>{"qsgk@126.com"});
}

TEST_CASE("meta: websites are where the report is published, not every URL on the page") {
  Doc d = meta_of(
      "来源：http://www.qingshan.gov.cn/gknb/202401/abc.shtml\n"
      "某省人民政府门户网站 www.mousheng.gov.cn 时间:2017-03-21\n"
      "年度报告通过青山县人民政府网站（http://www.qingshan.gov.cn/）公布。\n"
      "本年度报告电子版可在“中国青山”门户网站（www.qs.gov.cn）下载。网址：https://data.qs.gov.cn\n"
      "© 青山县人民政府 版权所有 网站（www.footer.gov.cn） 京ICP备05004400号\n");
  CHECK(d.meta.contact.website ==
        std::vector<std::string>{"http://www.qingshan.gov.cn/", "www.qs.gov.cn", "https://data.qs.gov.cn"});
  CHECK(d.meta.source.empty());  // a URL is no source organisation
  CHECK(normalise_phone("0527—83593059") == "0527-83593059");
  CHECK(normalise_phone("0527 83593059") == "0527-83593059");
  CHECK(normalise_phone("(0527)83593059") == "0527-83593059");
  CHECK(normalise_phone("12345") == "");
}

TEST_CASE("meta: source from the page header") {
  Doc d = meta_of("青山市2016年政府信息公开工作年度报告\n\n门户网站 www.x.gov.cn 时间:2017-03-21 21:54 来源:青山市政府\n", {2});
  CHECK(d.meta.source == "青山市政府");
  CHECK(d.meta.published == "2017-03-21");  // page chrome still dates the page
}

// ---- the real reports against their gold meta ----

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("meta: corpus reports match their gold meta") {
  namespace fs = std::filesystem;
  const fs::path corpus = fs::path(OGI_SHARED_DIR) / "corpus";
  if (!fs::exists(corpus / "gold")) {
    MESSAGE("skipped: " << corpus.string() << " is absent (the shared corpus is not part of the project)");
    return;
  }
  int files = 0;
  for (const auto& entry : fs::directory_iterator(corpus / "gold")) {
    if (entry.path().extension() != ".json") continue;
    const nlohmann::json gold = nlohmann::json::parse(slurp(entry.path()));
    const fs::path input = corpus / gold.at("file").get<std::string>();
    auto r = ogi::parse_file(input.string());
    CAPTURE(input.filename().string());
    if (!r) {
      // PDF input needs poppler: a build without it refuses with `unsupported`
      CHECK(r.error().code == ErrorCode::unsupported);
      continue;
    }
    ++files;
    const Meta& m = r.value().meta;
    const nlohmann::json& g = gold.at("meta");
    if (g.contains("year")) CHECK(m.year == g["year"].get<int>());
    if (g.contains("format")) CHECK(to_string(m.format) == g["format"].get<std::string>());
    if (g.contains("region")) {
      // The region as the report prints it: an OCR misreading of the name
      // (gold region_as_printed) cannot be undone without a gazetteer.
      const std::string want = g.value("region_as_printed", g["region"].get<std::string>());
      CHECK(m.region == want);
      if (m.region != g["region"].get<std::string>()) MESSAGE("region printed " << m.region << ", gold " << g["region"]);
    }
    if (g.contains("published")) {
      if (g["published"].is_null()) CHECK_FALSE(m.published);
      else CHECK(m.published.value_or("") == g["published"].get<std::string>());
    }
    if (g.contains("period")) {
      REQUIRE(m.period);
      CHECK(m.period->from == g["period"]["from"].get<std::string>());
      CHECK(m.period->to == g["period"]["to"].get<std::string>());
    }
    if (g.contains("contact")) {
      const nlohmann::json& c = g["contact"];
      if (c.contains("address")) CHECK(m.contact.address == c["address"].get<std::string>());
      if (c.contains("postcode")) CHECK(m.contact.postcode == c["postcode"].get<std::string>());
      if (c.contains("phone")) CHECK(m.contact.phone == c["phone"].get<std::vector<std::string>>());
      if (c.contains("fax")) CHECK(m.contact.fax == c["fax"].get<std::vector<std::string>>());
      if (c.contains("email")) CHECK(m.contact.email == c["email"].get<std::vector<std::string>>());
      if (c.contains("website")) CHECK(m.contact.website == c["website"].get<std::vector<std::string>>());
    }
  }
  CHECK(files > 0);
}
