// lib/structure: every keyword the structure stage matches, in one place.
// Sources: spec/FORMATS.md §1, §B.1, §C, §E.3 (heading variants), §6.1
// (format fingerprints), §A.2 (legacy outline). All strings are compact
// (no whitespace) and NFKC-folded: ASCII brackets, colons and commas.
#pragma once

#include <array>
#include <string_view>

namespace ogi::detail::kw {

using sv = std::string_view;

// ---- canonical kinds of top-level sections ----
//
// A title is matched against the rules in order; the first rule with a
// keyword in the title and the report's format in its mask wins. Order
// matters: "因政府信息公开申请行政复议" is review_litigation, not apply;
// "其他需要报告的事项（收费情况）" is other, not fees.
enum FormatMask : unsigned { kLegacy = 1, k2019 = 2, k2021 = 4, kUnknown = 8, kAll = 15, kTableFormats = 6 };

struct KindRule {
  sv kind;
  unsigned formats;
  std::array<sv, 8> any;  // empty entries are unused
};

inline constexpr KindRule kKindRules[] = {
    {"review_litigation", kAll, {"行政复议", "行政诉讼", "举报投诉", "投诉举报", "申诉"}},
    {"problems", kAll, {"存在的主要问题", "主要问题", "存在的问题", "存在问题", "问题及改进", "问题和改进", "整改措施", "改进措施"}},
    {"other", kAll, {"其他需要报告", "需要报告的事项", "需要说明的事项", "其他需要说明", "其他事项"}},
    {"fees", kLegacy | kUnknown, {"收费", "减免"}},
    {"apply", kAll, {"收到和处理政府信息公开申请", "依申请公开", "政府信息公开申请", "公开申请"}},
    {"refusal", kLegacy | kUnknown, {"不予公开"}},
    {"disclosure", kAll, {"主动公开"}},
    {"response", kLegacy | kUnknown, {"回应", "解读", "社会关切", "舆情"}},
    {"org", kLegacy | kUnknown, {"机构建设", "保障经费", "经费保障", "工作机构", "人员配备", "经费情况"}},
    {"meetings", kLegacy | kUnknown, {"会议", "培训"}},
    {"overview", kAll, {"总体情况", "基本情况", "概述", "概况", "总体"}},
};

// ---- format fingerprints (FORMATS.md §6.1) ----
// Each distinct signal found counts once.
inline constexpr sv kSignals2021[] = {
    "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
    "申请人无正当理由逾期不补正", "申请人逾期未按收费通知要求缴纳费用",
};
inline constexpr sv kSignals2019[] = {
    "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增减",
    "第二十条第(九)项", "政府集中采购", "采购总金额", "采购项目数量",
};
// The section and table set common to 2019 and 2021 (used when the tables
// themselves are missing, e.g. printed as images).
inline constexpr sv kSignalsTableFormats[] = {
    "收到和处理政府信息公开申请情况", "本年新收政府信息公开申请数量", "本列数据的勾稽关系为",
    "上年结转政府信息公开申请数量", "结转下年度继续办理", "未经复议直接起诉", "复议后起诉",
};
// Pairs that count as one table-format signal only together.
inline constexpr std::array<sv, 2> kSignalPairsTableFormats[] = {
    {"结果维持", "结果纠正"},
    {"总体情况", "其他需要报告的事项"},
};
// Legacy (2008–2018) outline and statistics vocabulary (FORMATS.md §A).
inline constexpr sv kSignalsLegacy[] = {
    "申请答复数", "举报投诉", "投诉举报", "回应解读", "回应社会关切", "回应社会关注", "政策解读情况",
    "当面申请", "信函申请", "传真申请", "网络申请", "统计指标", "统计数", "同意公开", "同意部分公开",
    "不同意公开", "收费及减免", "机构建设和", "会议和培训", "政府信息公开情况统计表", "依申请公开政府信息情况",
    "不予公开政府信息情况", "申请信息不存在", "不属于本行政机关公开",
};

// ---- lines that look like numbered headings but are table row labels ----
// A numbered line whose title is exactly one of these (before any
// parenthesised note) is a table row of the 2019/2021 templates.
inline constexpr sv kTableLabelsExact[] = {
    "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "其他", "总计", "合计",
    "本年度办理结果", "申请人情况", "自然人", "法人或其他组织", "信息内容", "行政复议", "行政诉讼",
    "结果维持", "结果纠正", "其他结果", "尚未审结", "重复申请", "规章", "行政规范性文件", "规范性文件",
};
// A numbered line whose title contains one of these is a table row.
inline constexpr sv kTableLabelsContain[] = {
    "本年新收政府信息公开申请", "上年结转政府信息公开申请", "结转下年度继续办理", "结转下一年度继续办理",
    "属于国家秘密", "行政法规禁止公开", "三安全一稳定", "保护第三方合法权益", "内部事务信息",
    "过程性信息", "行政执法案卷", "行政查询事项", "本机关不掌握", "没有现成信息", "补正后申请内容",
    "信访举报投诉类申请", "公开出版物", "大量反复申请", "重新出具已获取信息", "逾期不补正",
    "缴纳费用", "第二十条第", "勾稽关系", "不同渠道和方式公开相同信息", "(不包括",
};

// ---- meta ----
// Labels that introduce the publication date on a page or in a metadata
// table, most trusted first. "时间"/"日期" alone count only at a word
// boundary and before a colon (never "采集时间", "统计时间").
inline constexpr sv kPublishedLabels[] = {
    "发布日期", "发布时间", "公开日期", "公开时间", "发文日期", "印发日期", "成文日期",
};
inline constexpr sv kPublishedBareLabels[] = {"时间", "日期"};
// Words before "时间"/"日期" that make it something else than publication.
inline constexpr sv kNotPublishedBefore[] = {"采集", "统计", "访问", "更新", "浏览", "截止", "办结", "受理", "申请"};

// Words that introduce the statistics period.
inline constexpr sv kPeriodLabels[] = {"统计", "所列数据", "报告期", "数据期间"};

// Suffixes of a body name (issuer) after its administrative area.
inline constexpr sv kBodySuffixes[] = {
    "人民政府办公厅", "人民政府办公室", "人民政府", "政府办公厅", "政府办公室", "办公厅", "办公室", "委员会",
    "管委会", "管理委员会", "局", "厅", "委", "办", "院", "署", "中心", "政府", "街道办事处", "办事处", "公司",
};

// Administrative-unit suffixes, from the top down.
inline constexpr sv kAreaSuffixes[] = {"省", "市", "区", "县", "州", "盟", "旗"};

// Contact labels.
inline constexpr sv kAddressLabels[] = {"通讯地址", "联系地址", "办公地址", "地址"};
inline constexpr sv kPostcodeLabels[] = {"邮政编码", "邮编"};
// 联系电话, 咨询电话, 办公电话… all end in 电话, so the one label finds them in
// the order printed; 电话号码 reads on through its tail.
inline constexpr sv kPhoneLabels[] = {"电话"};
inline constexpr sv kPhoneLabelTails[] = {"号码"};
inline constexpr sv kFaxLabels[] = {"传真"};
// A website is a contact (where to read or download the report) when it is
// written in brackets after one of these words, or after "网址:" / "网站:".
inline constexpr sv kWebsiteBefore[] = {"网站", "门户", "网址", "网页", "平台", "官网", "网"};
inline constexpr sv kWebsiteLabels[] = {"网站地址", "网址", "网站"};
// Lines that are page footers even when not flagged as boilerplate.
inline constexpr sv kFooterMarks[] = {"ICP备", "ICP证", "公网安备", "版权所有", "Copyright", "技术支持", "主办单位", "网站标识码"};

}  // namespace ogi::detail::kw
