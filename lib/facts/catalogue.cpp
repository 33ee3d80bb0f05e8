// lib/facts/catalogue: the indicator table.
//
// The ONE table of every standard statistic (INDICATORS.md) and of every
// arithmetic relation between them (FORMATS.md §D, A.2). The prose mapper
// (facts.cpp), the table mapper (table_facts.cpp), the checks, the C API and
// docs/indicators.md (tools/gen_indicators) are driven from here.
//
// Columns: id, official label, English name, unit, formats, prose aliases,
// table kind, row key, column key, table label variants, derived.
// Aliases are '|'-separated phrases that name the indicator in prose; they
// are matched inside the label phrase of a number, so keep them specific.
#include <algorithm>
#include <vector>

#include "ogi/catalogue.hpp"

namespace ogi {
namespace {

constexpr TableKind kNone = TableKind::other;
constexpr TableKind kT2 = TableKind::disclosure;
constexpr TableKind kT3 = TableKind::apply;
constexpr TableKind kT4 = TableKind::review_litigation;
constexpr TableKind kLeg = TableKind::legacy_stats;
constexpr std::uint8_t k19 = in_2019;
constexpr std::uint8_t k21 = in_2021;
constexpr std::uint8_t kTab = in_tables;
constexpr std::uint8_t kLegacy = in_legacy;

constexpr Indicator kIndicators[] = {
    // ---- 2019 / 2021: 二、主动公开政府信息情况 (table 2) ----
    {"disclosure.rules.issued", "规章 本年制发件数", "rules issued this year", "件", k21, "制发规章|制定规章|出台规章",
     kT2, "rules", "issued", "规章", false},
    {"disclosure.rules.repealed", "规章 本年废止件数", "rules repealed this year", "件", k21, "废止规章", kT2, "rules",
     "repealed", "规章", false},
    {"disclosure.rules.in_force", "规章 现行有效件数", "rules in force", "件", k21, "现行有效规章", kT2, "rules",
     "in_force", "规章", false},
    {"disclosure.normative.issued", "行政规范性文件 本年制发件数", "normative documents issued this year", "件", k21,
     "制发行政规范性文件|制发规范性文件|印发行政规范性文件|印发规范性文件|出台行政规范性文件|出台规范性文件", kT2,
     "normative", "issued", "行政规范性文件|规范性文件", false},
    {"disclosure.normative.repealed", "行政规范性文件 本年废止件数", "normative documents repealed this year", "件", k21,
     "废止行政规范性文件|废止规范性文件", kT2, "normative", "repealed", "行政规范性文件|规范性文件", false},
    {"disclosure.normative.in_force", "行政规范性文件 现行有效件数", "normative documents in force", "件", k21,
     "现行有效行政规范性文件|现行有效规范性文件", kT2, "normative", "in_force", "行政规范性文件|规范性文件", false},
    {"disclosure.rules.new_made", "规章 本年新制作数量", "rules newly made", "件", k19, "", kT2, "rules", "new_made",
     "规章", false},
    {"disclosure.rules.new_published", "规章 本年新公开数量", "rules newly published", "件", k19, "", kT2, "rules",
     "new_published", "规章", false},
    {"disclosure.rules.total_published", "规章 对外公开总数量", "rules published in total", "件", k19, "", kT2,
     "rules", "total_published", "规章", false},
    {"disclosure.normative.new_made", "规范性文件 本年新制作数量", "normative documents newly made", "件", k19, "",
     kT2, "normative", "new_made", "规范性文件|行政规范性文件", false},
    {"disclosure.normative.new_published", "规范性文件 本年新公开数量", "normative documents newly published", "件",
     k19, "", kT2, "normative", "new_published", "规范性文件|行政规范性文件", false},
    {"disclosure.normative.total_published", "规范性文件 对外公开总数量", "normative documents published in total",
     "件", k19, "", kT2, "normative", "total_published", "规范性文件|行政规范性文件", false},
    {"disclosure.licensing.prev_items", "行政许可 上一年项目数量", "licensing items last year", "项", k19, "", kT2,
     "licensing", "prev_items", "行政许可", false},
    {"disclosure.licensing.change", "行政许可 本年增/减", "licensing items change", "项", k19, "", kT2, "licensing",
     "change", "行政许可", false},
    {"disclosure.licensing.decisions", "行政许可 （本年）处理决定数量", "licensing decisions", "件", kTab, "", kT2,
     "licensing", "decisions", "行政许可", false},
    {"disclosure.other_services.prev_items", "其他对外管理服务事项 上一年项目数量", "other services items last year",
     "项", k19, "", kT2, "other_services", "prev_items", "其他对外管理服务事项", false},
    {"disclosure.other_services.change", "其他对外管理服务事项 本年增/减", "other services items change", "项", k19,
     "", kT2, "other_services", "change", "其他对外管理服务事项", false},
    {"disclosure.other_services.decisions", "其他对外管理服务事项 处理决定数量", "other services decisions", "件",
     k19, "", kT2, "other_services", "decisions", "其他对外管理服务事项", false},
    {"disclosure.penalty.prev_items", "行政处罚 上一年项目数量", "penalty items last year", "项", k19, "", kT2,
     "penalty", "prev_items", "行政处罚", false},
    {"disclosure.penalty.change", "行政处罚 本年增/减", "penalty items change", "项", k19, "", kT2, "penalty",
     "change", "行政处罚", false},
    {"disclosure.penalty.decisions", "行政处罚 （本年）处理决定数量", "penalty decisions", "件", kTab, "", kT2,
     "penalty", "decisions", "行政处罚", false},
    {"disclosure.coercion.prev_items", "行政强制 上一年项目数量", "coercion items last year", "项", k19, "", kT2,
     "coercion", "prev_items", "行政强制", false},
    {"disclosure.coercion.change", "行政强制 本年增/减", "coercion items change", "项", k19, "", kT2, "coercion",
     "change", "行政强制", false},
    {"disclosure.coercion.decisions", "行政强制 （本年）处理决定数量", "coercion decisions", "件", kTab, "", kT2,
     "coercion", "decisions", "行政强制", false},
    {"disclosure.fees.prev_items", "行政事业性收费 上一年项目数量", "fee items last year", "项", k19, "", kT2, "fees",
     "prev_items", "行政事业性收费", false},
    {"disclosure.fees.change", "行政事业性收费 本年增/减", "fee items change", "项", k19, "", kT2, "fees", "change",
     "行政事业性收费", false},
    {"disclosure.fees.amount", "行政事业性收费 本年收费金额（单位：万元）", "administrative fees collected", "万元", k21,
     "", kT2, "fees", "amount", "行政事业性收费", false},
    {"disclosure.procurement.projects", "政府集中采购 采购项目数量", "procurement projects", "项", k19, "", kT2,
     "procurement", "projects", "政府集中采购", false},
    {"disclosure.procurement.amount", "政府集中采购 采购总金额", "procurement amount", "", k19, "", kT2, "procurement",
     "amount", "政府集中采购", false},

    // ---- 2019 / 2021: 三、收到和处理政府信息公开申请情况 (table 3) ----
    {"apply.new", "一、本年新收政府信息公开申请数量", "new applications", "件", kTab, "新收政府信息公开申请|新收申请|新收到政府信息公开申请|新收到申请|新受理政府信息公开申请|新受理申请|新增政府信息公开申请|新增申请|受理政府信息公开申请|收到政府信息公开申请|受理信息公开申请|收到信息公开申请|受理依申请|收到依申请|受理申请|收到申请|接到政府信息公开申请|接到信息公开申请|接到申请|接收政府信息公开申请|接收申请",
     kT3, "new", "", "本年新收政府信息公开申请数量|一、本年新收政府信息公开申请数量", false},
    {"apply.carried_in", "二、上年结转政府信息公开申请数量", "applications carried in", "件", kTab, "上年结转|上年度结转|上一年度结转|上一年结转|上年度转结|上年遗留|上年度遗留|上年转入|上年度转入", kT3, "carried_in", "",
     "上年结转政府信息公开申请数量|二、上年结转政府信息公开申请数量", false},
    {"apply.result.granted", "（一）予以公开", "granted", "件", kTab, "予以公开|同意公开|全部公开", kT3, "r.open", "",
     "予以公开|三、本年度办理结果（一）予以公开", false},
    {"apply.result.partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partly granted", "件", kTab,
     "部分公开|部分予以公开", kT3, "r.partial", "",
     "（二）部分公开|部分公开（区分处理的，只计这一情形，不计其他情形）|部分公开（区分处理的，只计这一情况，不计其他情形）",
     false},
    {"apply.result.refused", "（三）不予公开", "refused (subtotal)", "件", kTab, "不予公开", kNone, "r.deny", "",
     "（三）不予公开", true},
    {"apply.result.refused.state_secret", "（三）不予公开 1.属于国家秘密", "refused: state secret", "件", kTab,
     "属于国家秘密|涉及国家秘密", kT3, "r.deny.1", "", "1.属于国家秘密|属于国家秘密", false},
    {"apply.result.refused.law_prohibited", "2.其他法律行政法规禁止公开", "refused: prohibited by law", "件", kTab,
     "其他法律行政法规禁止公开", kT3, "r.deny.2", "", "2.其他法律行政法规禁止公开|其他法律行政法规禁止公开", false},
    {"apply.result.refused.security_stability", "3.危及“三安全一稳定”", "refused: security and stability", "件",
     kTab, "危及“三安全一稳定”|危及三安全一稳定", kT3, "r.deny.3", "",
     "3.危及“三安全一稳定”|危及“三安全一稳定”|危及\"三安全一稳定\"|危及三安全一稳定", false},
    {"apply.result.refused.third_party", "4.保护第三方合法权益", "refused: third-party rights", "件", kTab,
     "保护第三方合法权益", kT3, "r.deny.4", "", "4.保护第三方合法权益|保护第三方合法权益", false},
    {"apply.result.refused.internal_affairs", "5.属于三类内部事务信息", "refused: internal affairs", "件", kTab,
     "属于三类内部事务信息|内部事务信息", kT3, "r.deny.5", "",
     "5.属于三类内部事务信息|属于三类内部事务信息|属于三类内容事务信息", false},
    {"apply.result.refused.process_info", "6.属于四类过程性信息", "refused: process information", "件", kTab,
     "属于四类过程性信息|过程性信息", kT3, "r.deny.6", "", "6.属于四类过程性信息|属于四类过程性信息", false},
    {"apply.result.refused.enforcement_file", "7.属于行政执法案卷", "refused: enforcement file", "件", kTab,
     "属于行政执法案卷|行政执法案卷", kT3, "r.deny.7", "", "7.属于行政执法案卷|属于行政执法案卷", false},
    {"apply.result.refused.query_matter", "8.属于行政查询事项", "refused: query matter", "件", kTab,
     "属于行政查询事项|行政查询事项", kT3, "r.deny.8", "", "8.属于行政查询事项|属于行政查询事项", false},
    {"apply.result.unavailable", "（四）无法提供", "unavailable (subtotal)", "件", kTab, "无法提供", kNone, "r.unable",
     "", "（四）无法提供", true},
    {"apply.result.unavailable.not_held", "（四）无法提供 1.本机关不掌握相关政府信息", "unavailable: not held", "件",
     kTab, "本机关不掌握相关政府信息|不掌握相关政府信息", kT3, "r.unable.1", "",
     "1.本机关不掌握相关政府信息|本机关不掌握相关政府信息", false},
    {"apply.result.unavailable.needs_creation", "2.没有现成信息需要另行制作", "unavailable: needs creation", "件",
     kTab, "没有现成信息需要另行制作|需要另行制作", kT3, "r.unable.2", "",
     "2.没有现成信息需要另行制作|没有现成信息需要另行制作", false},
    {"apply.result.unavailable.unclear", "3.补正后申请内容仍不明确", "unavailable: still unclear", "件", kTab,
     "补正后申请内容仍不明确", kT3, "r.unable.3", "", "3.补正后申请内容仍不明确|补正后申请内容仍不明确", false},
    {"apply.result.not_processed", "（五）不予处理", "not processed (subtotal)", "件", kTab, "不予处理", kNone,
     "r.noproc", "", "（五）不予处理", true},
    {"apply.result.not_processed.petition", "（五）不予处理 1.信访举报投诉类申请", "not processed: petition", "件",
     kTab, "信访举报投诉类申请", kT3, "r.noproc.1", "", "1.信访举报投诉类申请|信访举报投诉类申请", false},
    {"apply.result.not_processed.duplicate", "2.重复申请", "not processed: duplicate", "件", kTab, "重复申请", kT3,
     "r.noproc.2", "", "2.重复申请|重复申请", false},
    {"apply.result.not_processed.publication", "3.要求提供公开出版物", "not processed: publication", "件", kTab,
     "要求提供公开出版物", kT3, "r.noproc.3", "", "3.要求提供公开出版物|要求提供公开出版物", false},
    {"apply.result.not_processed.bulk", "4.无正当理由大量反复申请", "not processed: bulk", "件", kTab,
     "无正当理由大量反复申请", kT3, "r.noproc.4", "", "4.无正当理由大量反复申请|无正当理由大量反复申请", false},
    {"apply.result.not_processed.confirm_existing", "5.要求行政机关确认或重新出具已获取信息",
     "not processed: confirm existing", "件", kTab, "要求行政机关确认或重新出具已获取信息", kT3, "r.noproc.5", "",
     "5.要求行政机关确认或重新出具已获取信息|要求行政机关确认或重新出具已获取信息", false},
    // 2019: a single printed row; 2021: the derived subtotal of the three sub-rows.
    {"apply.result.other", "（六）其他处理", "other handling", "件", kTab, "其他处理", kT3, "r.other", "",
     "（六）其他处理|（六）其他|其他处理", false},
    {"apply.result.other.overdue_amend",
     "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
     "other: not amended in time", "件", k21, "逾期不补正", kT3, "r.other.1", "",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请|申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
     false},
    {"apply.result.other.overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
     "other: fee not paid", "件", k21, "逾期未按收费通知要求缴纳费用", kT3, "r.other.2", "",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请|申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
     false},
    {"apply.result.other.misc", "3.其他", "other: miscellaneous", "件", k21, "", kT3, "r.other.3", "", "3.其他", false},
    {"apply.result.total", "（七）总计", "applications handled (total)", "件", kTab, "办结|答复|办理|予以答复|作出答复", kT3, "r.total", "",
     "（七）总计|(七)总计|七、总计|总计(7)|总计", false},
    {"apply.carried_out", "四、结转下年度继续办理", "applications carried out", "件", kTab, "转下年度|转下一年度|转下年|转下一年|结转至|结转到|转至下一年|转到下一年|转至下年|转到下年|转入下一年|转入下年|顺延到下|顺延至下|延至下一年|延至下年|延期到下一年|延期至下一年",
     kT3, "carried_out", "", "四、结转下年度继续办理|结转下年度继续办理|结转下一年度继续办理", false},

    // ---- 2019 / 2021: 四、政府信息公开行政复议、行政诉讼情况 (table 4) ----
    {"review.upheld", "行政复议 结果维持", "review: upheld", "件", in_all, "维持具体行政行为|结果维持|维持", kT4, "review", "upheld",
     "结果维持", false},
    {"review.corrected", "行政复议 结果纠正", "review: corrected", "件", in_all, "被依法纠错|纠错|结果纠正|纠正|撤销|确认违法", kT4, "review",
     "corrected", "结果纠正", false},
    {"review.other", "行政复议 其他结果", "review: other outcome", "件", in_all, "其他情形|其他结果", kT4, "review",
     "other", "其他结果", false},
    {"review.pending", "行政复议 尚未审结", "review: pending", "件", kTab, "尚未审结|未审结", kT4, "review", "pending",
     "尚未审结", false},
    {"review.total", "行政复议 总计", "administrative reviews", "件", in_all, "行政复议", kT4, "review", "total",
     "总计", false},
    {"litigation.direct.upheld", "行政诉讼 未经复议直接起诉 结果维持", "direct litigation: upheld", "件", kTab, "",
     kT4, "direct", "upheld", "结果维持", false},
    {"litigation.direct.corrected", "行政诉讼 未经复议直接起诉 结果纠正", "direct litigation: corrected", "件", kTab,
     "", kT4, "direct", "corrected", "结果纠正", false},
    {"litigation.direct.other", "行政诉讼 未经复议直接起诉 其他结果", "direct litigation: other outcome", "件", kTab,
     "", kT4, "direct", "other", "其他结果", false},
    {"litigation.direct.pending", "行政诉讼 未经复议直接起诉 尚未审结", "direct litigation: pending", "件", kTab, "",
     kT4, "direct", "pending", "尚未审结", false},
    {"litigation.direct.total", "行政诉讼 未经复议直接起诉 总计", "direct litigation", "件", kTab,
     "未经复议直接起诉|直接起诉", kT4, "direct", "total", "总计", false},
    {"litigation.after_review.upheld", "行政诉讼 复议后起诉 结果维持", "litigation after review: upheld", "件", kTab,
     "", kT4, "after_review", "upheld", "结果维持", false},
    {"litigation.after_review.corrected", "行政诉讼 复议后起诉 结果纠正", "litigation after review: corrected", "件",
     kTab, "", kT4, "after_review", "corrected", "结果纠正", false},
    {"litigation.after_review.other", "行政诉讼 复议后起诉 其他结果", "litigation after review: other outcome", "件",
     kTab, "", kT4, "after_review", "other", "其他结果", false},
    {"litigation.after_review.pending", "行政诉讼 复议后起诉 尚未审结", "litigation after review: pending", "件", kTab,
     "", kT4, "after_review", "pending", "尚未审结", false},
    {"litigation.after_review.total", "行政诉讼 复议后起诉 总计", "litigation after review", "件", kTab, "复议后起诉",
     kT4, "after_review", "total", "总计", false},
    // Legacy: a printed row; 2019/2021: direct.total + after_review.total (derived).
    {"litigation.total", "行政诉讼数量", "litigation cases", "件", in_all, "行政诉讼|诉讼", kLeg, "五", "",
     "五、行政诉讼数量|行政诉讼数量", false},
    // ---- 2019 / 2021: 六、其他需要报告的事项 ----
    {"fee.processing.amount", "收取信息处理费", "information processing fees collected", "元", kTab, "信息处理费|处理费|收费|收取费用", kNone, "", "", "", false},
    {"fee.processing.notices", "发出收费通知", "fee notices issued", "件", kTab, "收费通知书|收费通知", kNone, "", "", "", false},

    // ---- Legacy (2008-2018): 《政府信息公开情况统计表》 and the prose ----
    {"disclosure.items", "主动公开政府信息数", "items disclosed proactively", "条", kLegacy,
     "主动公开政府信息|主动公开信息|主动公开各类政府信息|主动公开各类信息|公开政府信息", kLeg, "1.1", "",
     "（一）主动公开政府信息数|主动公开政府信息数（不同渠道和方式公开相同信息计1条）|主动公开政府信息数|政府信息数",
     false},
    {"disclosure.normative.published", "其中：主动公开规范性文件数", "normative documents published", "条", kLegacy,
     "公开规范性文件|主动公开规范性文件", kLeg, "1.1a", "", "其中：主动公开规范性文件数|主动公开规范性文件数",
     false},
    {"disclosure.normative.issued_total", "制发规范性文件总数", "normative documents issued", "件", kLegacy,
     "制发规范性文件|印发规范性文件|制定规范性文件|出台规范性文件|发布规范性文件", kLeg, "1.1b", "",
     "制发规范性文件总数", false},
    {"disclosure.channel.gazette", "政府公报公开政府信息数", "items in the gazette", "条", kLegacy,
     "政府公报|公报", kLeg, "1.2.1", "", "1.政府公报公开政府信息数|政府公报公开政府信息数", false},
    {"disclosure.channel.website", "政府网站公开政府信息数", "items on the website", "条", kLegacy, "政府网站|门户网站|政府网", kLeg, "1.2.2", "", "2.政府网站公开政府信息数|政府网站公开政府信息数", false},
    {"disclosure.channel.weibo", "政务微博公开政府信息数", "items on weibo", "条", kLegacy, "政务微博|微博", kLeg,
     "1.2.3", "", "3.政务微博公开政府信息数|政务微博公开政府信息数", false},
    {"disclosure.channel.wechat", "政务微信公开政府信息数", "items on wechat", "条", kLegacy, "政务微信|微信", kLeg,
     "1.2.4", "", "4.政务微信公开政府信息数|政务微信公开政府信息数", false},
    {"disclosure.channel.other", "其他方式公开政府信息数", "items by other means", "条", kLegacy, "其他方式|其他渠道|其他形式|多种方式",
     kLeg, "1.2.5", "", "5.其他方式公开政府信息数|其他方式公开政府信息数", false},
    {"response.hotspots", "回应公众关注热点或重大舆情数", "hot topics answered", "次", kLegacy, "回应公众关注热点|公众关注热点|社会关注热点|关注热点|重大舆情|网络舆情|舆情|回应社会关切", kLeg, "2.1", "",
     "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）|回应公众关注热点或重大舆情数", false},
    {"response.press_conferences", "参加或举办新闻发布会总次数", "press conferences", "次", kLegacy,
     "新闻发布会|发布会", kLeg, "2.2.1", "", "1.参加或举办新闻发布会总次数|参加或举办新闻发布会总次数", false},
    {"response.press_conferences.principal", "其中：主要负责同志参加新闻发布会次数",
     "press conferences with the principal", "次", kLegacy, "主要负责同志|主要领导|主要负责人", kLeg, "2.2.1a", "",
     "其中：主要负责同志参加新闻发布会次数|主要负责同志参加新闻发布会次数", false},
    {"response.online_interviews", "政府网站在线访谈次数", "online interviews", "次", kLegacy, "在线访谈|网上访谈", kLeg,
     "2.2.2", "", "2.政府网站在线访谈次数|政府网站在线访谈次数", false},
    {"response.online_interviews.principal", "其中：主要负责同志参加政府网站在线访谈次数",
     "online interviews with the principal", "次", kLegacy, "主要负责同志|主要领导|主要负责人", kLeg, "2.2.2a", "",
     "其中：主要负责同志参加政府网站在线访谈次数|主要负责同志参加政府网站在线访谈次数", false},
    {"response.interpretations", "政策解读稿件发布数", "policy interpretations", "篇", kLegacy,
     "政策解读稿件|解读稿件|政策解读|解读材料|解读文章", kLeg, "2.2.3", "", "3.政策解读稿件发布数|政策解读稿件发布数",
     false},
    {"response.weibo_wechat", "微博微信回应事件数", "events answered on weibo/wechat", "次", kLegacy, "微博微信回应|微博、微信回应|微博微信回|微博微信", kLeg, "2.2.4", "", "4.微博微信回应事件数|微博微信回应事件数", false},
    {"response.other", "其他方式回应事件数", "events answered by other means", "次", kLegacy, "其他方式回应", kLeg,
     "2.2.5", "", "5.其他方式回应事件数|其他方式回应事件数", false},
    {"apply.received", "收到申请数", "applications received", "件", kLegacy, "收到政府信息公开申请|受理政府信息公开申请|受理信息公开申请|收到信息公开申请|受理依申请|收到依申请|受理申请|收到申请|接到政府信息公开申请|接到信息公开申请|接到申请|接收政府信息公开申请|接收申请",
     kLeg, "3.1", "", "（一）收到申请数|收到申请数", false},
    {"apply.received.in_person", "当面申请数", "applications in person", "件", kLegacy, "当面申请|现场申请|当面提出申请|当面提交申请|当面提交|现场提交",
     kLeg, "3.1.1", "", "1.当面申请数|当面申请数", false},
    {"apply.received.fax", "传真申请数", "applications by fax", "件", kLegacy, "传真申请", kLeg, "3.1.2", "",
     "2.传真申请数|传真申请数", false},
    {"apply.received.online", "网络申请数", "applications online", "件", kLegacy, "网络申请|网上申请|在线申请|互联网申请|电子邮件申请|网上提交申请|网上提交|网络提交|在线提交",
     kLeg, "3.1.3", "", "3.网络申请数|网络申请数", false},
    {"apply.received.letter", "信函申请数", "applications by letter", "件", kLegacy, "信函申请|邮寄申请|来信申请|信函提交申请|信函提交|邮寄提交", kLeg,
     "3.1.4", "", "4.信函申请数|信函申请数", false},
    {"apply.concluded", "申请办结数", "applications concluded", "件", kLegacy, "办结", kLeg, "3.2", "",
     "（二）申请办结数|申请办结数", false},
    {"apply.concluded.on_time", "按时办结数", "concluded on time", "件", kLegacy, "按时办结|按期办结", kLeg, "3.2.1", "",
     "1.按时办结数|按时办结数", false},
    {"apply.concluded.extended", "延期办结数", "concluded after extension", "件", kLegacy, "延期办结", kLeg, "3.2.2", "",
     "2.延期办结数|延期办结数", false},
    {"apply.answered", "申请答复数", "applications answered", "件", kLegacy, "答复", kLeg, "3.3", "",
     "（三）申请答复数|申请答复数", false},
    {"apply.answered.already_public", "属于已主动公开范围数", "answered: already public", "件", kLegacy,
     "已主动公开范围|已主动公开", kLeg, "3.3.1", "", "1.属于已主动公开范围数|属于已主动公开范围数", false},
    {"apply.answered.granted", "同意公开答复数", "answered: granted", "件", kLegacy, "同意公开|予以公开", kLeg, "3.3.2",
     "", "2.同意公开答复数|同意公开答复数", false},
    {"apply.answered.partial", "同意部分公开答复数", "answered: partly granted", "件", kLegacy,
     "同意部分公开|部分公开", kLeg, "3.3.3", "", "3.同意部分公开答复数|同意部分公开答复数", false},
    {"apply.answered.refused", "不同意公开答复数", "answered: refused", "件", kLegacy, "不同意公开|不予公开", kLeg,
     "3.3.4", "", "4.不同意公开答复数|不同意公开答复数", false},
    {"apply.answered.refused.state_secret", "涉及国家秘密", "refused: state secret", "件", kLegacy, "国家秘密", kLeg,
     "3.3.4a", "", "其中：涉及国家秘密|涉及国家秘密", false},
    {"apply.answered.refused.trade_secret", "涉及商业秘密", "refused: trade secret", "件", kLegacy, "商业秘密", kLeg,
     "3.3.4b", "", "涉及商业秘密", false},
    {"apply.answered.refused.privacy", "涉及个人隐私", "refused: privacy", "件", kLegacy, "个人隐私", kLeg, "3.3.4c",
     "", "涉及个人隐私", false},
    {"apply.answered.refused.security_stability", "危及国家安全、公共安全、经济安全和社会稳定",
     "refused: security and stability", "件", kLegacy,
     "危及国家安全、公共安全、经济安全和社会稳定|三安全一稳定|危及国家安全", kLeg, "3.3.4d", "",
     "危及国家安全、公共安全、经济安全和社会稳定|危及“三安全一稳定”", false},
    {"apply.answered.refused.not_gov_info", "不是《条例》所指政府信息", "refused: not government information", "件",
     kLegacy, "不是《条例》所指政府信息|不是政府信息|非《条例》所指政府信息|不属于政府信息", kLeg, "3.3.4e", "",
     "不是《条例》所指政府信息", false},
    {"apply.answered.refused.other_law", "法律法规规定的其他情形", "refused: other legal grounds", "件", kLegacy, "法律法规规定的其他情形|法律、法规规定的其他情形|法律规定的其他情形", kLeg, "3.3.4f", "", "法律法规规定的其他情形", false},
    {"apply.answered.not_this_agency", "不属于本行政机关公开", "answered: not this agency", "件", kLegacy,
     "不属于本行政机关公开|不属于本机关公开|不属于本行政机关|不属于本机关|非本机关掌握|非本行政机关掌握|非本部门掌握|非本机关职责范围|不属于本机关职责范围|非本机关职责|不属于本机关职责|非本机关", kLeg, "3.3.5", "",
     "5.不属于本行政机关公开|不属于本行政机关公开", false},
    {"apply.answered.nonexistent", "申请信息不存在", "answered: information does not exist", "件", kLegacy,
     "申请信息不存在|信息不存在", kLeg, "3.3.6", "", "6.申请信息不存在|申请信息不存在", false},
    {"apply.answered.amend", "告知作出更改补充", "answered: asked to amend", "件", kLegacy,
     "告知作出更改补充|更改补充|更改、补充", kLeg, "3.3.7", "", "7.告知作出更改补充|告知作出更改补充", false},
    {"apply.answered.other_channel", "告知通过其他途径办理", "answered: other channel", "件", kLegacy,
     "告知通过其他途径办理|通过其他途径办理|其他途径", kLeg, "3.3.8", "", "8.告知通过其他途径办理|告知通过其他途径办理",
     false},
    {"litigation.upheld", "（一）维持具体行政行为或者驳回原告诉讼请求数", "litigation: upheld", "件", kLegacy, "维持具体行政行为|驳回原告诉讼请求|结果维持|维持|驳回", kLeg, "5.1", "", "维持具体行政行为或者驳回原告诉讼请求数", false},
    {"litigation.corrected", "（二）被依法纠错数", "litigation: corrected", "件", kLegacy, "被依法纠错|纠错|结果纠正|纠正|撤销|确认违法|败诉", kLeg, "5.2",
     "", "被依法纠错数", false},
    {"litigation.other", "（三）其他情形数", "litigation: other outcome", "件", kLegacy, "其他情形", kLeg, "5.3", "",
     "其他情形数", false},
    {"complaints.total", "举报投诉数量", "complaints", "件", kLegacy, "举报投诉|投诉举报|投诉", kLeg, "六", "",
     "六、举报投诉数量|举报投诉数量", false},
    {"complaints.upheld", "（一）维持具体行政行为数", "complaints: upheld", "件", kLegacy, "维持具体行政行为|结果维持|维持", kLeg, "6.1", "",
     "维持具体行政行为数", false},
    {"complaints.corrected", "（二）被纠错数", "complaints: corrected", "件", kLegacy, "被依法纠错|被纠错|纠错|纠正|撤销", kLeg, "6.2", "",
     "被纠错数", false},
    {"complaints.other", "（三）其他情形数", "complaints: other outcome", "件", kLegacy, "其他情形", kLeg, "6.3", "",
     "其他情形数", false},
    {"fee.collected", "依申请公开信息收取的费用", "fees for disclosure on request", "万元", kLegacy, "收取费用|收取的费用|收费|等费用|检索费用|复制费用|邮寄费用|检索费|复制费|邮寄费", kLeg, "七", "", "七、依申请公开信息收取的费用|依申请公开信息收取的费用",
     false},
    {"org.units", "政府信息公开工作专门机构数", "dedicated units", "个", kLegacy, "专门机构|工作机构", kLeg, "8.1", "",
     "（一）政府信息公开工作专门机构数|政府信息公开工作专门机构数", false},
    {"org.reading_points", "设置政府信息公开查阅点数", "reading points", "个", kLegacy,
     "查阅点|查阅场所|查阅室|查阅中心", kLeg, "8.2", "", "（二）设置政府信息公开查阅点数|设置政府信息公开查阅点数", false},
    {"org.staff", "从事政府信息公开工作人员数", "staff", "人", kLegacy, "专兼职工作人员|专兼职人员|专兼职|工作人员|从业人员|工作的人员", kLeg, "8.3", "",
     "（三）从事政府信息公开工作人员数|从事政府信息公开工作人员数", false},
    {"org.staff.full_time", "专职人员数", "full-time staff", "人", kLegacy, "专职人员|专职", kLeg, "8.3.1", "",
     "1.专职人员数（不包括政府公报及政府网站工作人员数）|专职人员数", false},
    {"org.staff.part_time", "兼职人员数", "part-time staff", "人", kLegacy, "兼职人员|兼职", kLeg, "8.3.2", "",
     "2.兼职人员数|兼职人员数", false},
    {"org.budget", "政府信息公开专项经费", "dedicated budget", "万元", kLegacy, "专项经费|工作经费", kLeg, "8.4", "",
     "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）|政府信息公开专项经费", false},
    {"meetings.count", "召开政府信息公开工作会议或专题会议数", "meetings", "次", kLegacy, "工作会议|专题会议|工作会|专题会", kLeg, "9.1", "",
     "（一）召开政府信息公开工作会议或专题会议数|召开政府信息公开工作会议或专题会议数", false},
    {"training.sessions", "举办各类培训班数", "training sessions", "次", kLegacy, "培训班|培训会议|培训会|培训", kLeg, "9.2", "",
     "（二）举办各类培训班数|举办各类培训班数", false},
    {"training.attendees", "接受培训人员数", "trainees", "人次", kLegacy, "接受培训|参加培训|参训|培训人员|培训人次|培训", kLeg, "9.3", "", "（三）接受培训人员数|接受培训人员数", false},
};

constexpr Relation kRelations[] = {
    // ---- Legacy sums (FORMATS.md A.2, LEG-*) ----
    {RelationKind::sum, "apply.received",
     "apply.received.in_person|apply.received.fax|apply.received.online|apply.received.letter", kLegacy, false, true,
     "sum.mismatch"},
    {RelationKind::sum, "apply.concluded", "apply.concluded.on_time|apply.concluded.extended", kLegacy, false, true,
     "sum.mismatch"},
    {RelationKind::sum, "apply.answered",
     "apply.answered.already_public|apply.answered.granted|apply.answered.partial|apply.answered.refused|"
     "apply.answered.not_this_agency|apply.answered.nonexistent|apply.answered.amend|apply.answered.other_channel",
     kLegacy, false, true, "sum.mismatch"},
    {RelationKind::at_least, "apply.answered.refused",
     "apply.answered.refused.state_secret|apply.answered.refused.trade_secret|apply.answered.refused.privacy|"
     "apply.answered.refused.security_stability|apply.answered.refused.not_gov_info|apply.answered.refused.other_law",
     kLegacy, false, true, "sum.mismatch"},
    {RelationKind::sum, "review.total", "review.upheld|review.corrected|review.other", kLegacy, false, true,
     "sum.mismatch"},
    {RelationKind::sum, "litigation.total", "litigation.upheld|litigation.corrected|litigation.other", kLegacy, false,
     true, "sum.mismatch"},
    {RelationKind::sum, "complaints.total", "complaints.upheld|complaints.corrected|complaints.other", kLegacy, false,
     true, "sum.mismatch"},
    {RelationKind::sum, "org.staff", "org.staff.full_time|org.staff.part_time", kLegacy, false, true, "sum.mismatch"},
    // LEG-CH: channels de-duplicate, so their sum is at least the total.
    {RelationKind::at_least, "disclosure.items",
     "disclosure.channel.gazette|disclosure.channel.website|disclosure.channel.weibo|disclosure.channel.wechat|"
     "disclosure.channel.other",
     kLegacy, false, true, "sum.mismatch"},
    // "其中" rows.
    {RelationKind::at_most, "disclosure.items", "disclosure.normative.published", kLegacy, false, true,
     "sum.mismatch"},
    {RelationKind::at_most, "response.press_conferences", "response.press_conferences.principal", kLegacy, false, true,
     "sum.mismatch"},
    {RelationKind::at_most, "response.online_interviews", "response.online_interviews.principal", kLegacy, false, true,
     "sum.mismatch"},
    // Scope split: 本级 + 下辖 = 全部, for every indicator stated by scope.
    {RelationKind::scope_sum, "*", "", in_all, false, false, "sum.mismatch"},

    // ---- 2019 / 2021 table 三 ----
    // T3-BAL: 新收 + 上年结转 = 总计 + 结转下年度, per applicant column.
    {RelationKind::balance, "apply.result.total", "apply.new|apply.carried_in|apply.carried_out", kTab, true, false,
     "balance.mismatch"},
    // T3-RES.
    {RelationKind::sum, "apply.result.total",
     "apply.result.granted|apply.result.partial|"
     "apply.result.refused.state_secret|apply.result.refused.law_prohibited|apply.result.refused.security_stability|"
     "apply.result.refused.third_party|apply.result.refused.internal_affairs|apply.result.refused.process_info|"
     "apply.result.refused.enforcement_file|apply.result.refused.query_matter|"
     "apply.result.unavailable.not_held|apply.result.unavailable.needs_creation|apply.result.unavailable.unclear|"
     "apply.result.not_processed.petition|apply.result.not_processed.duplicate|"
     "apply.result.not_processed.publication|apply.result.not_processed.bulk|"
     "apply.result.not_processed.confirm_existing|"
     "apply.result.other.overdue_amend|apply.result.other.overdue_fee|apply.result.other.misc",
     k21, true, false, "table.column_sum"},
    {RelationKind::sum, "apply.result.total",
     "apply.result.granted|apply.result.partial|"
     "apply.result.refused.state_secret|apply.result.refused.law_prohibited|apply.result.refused.security_stability|"
     "apply.result.refused.third_party|apply.result.refused.internal_affairs|apply.result.refused.process_info|"
     "apply.result.refused.enforcement_file|apply.result.refused.query_matter|"
     "apply.result.unavailable.not_held|apply.result.unavailable.needs_creation|apply.result.unavailable.unclear|"
     "apply.result.not_processed.petition|apply.result.not_processed.duplicate|"
     "apply.result.not_processed.publication|apply.result.not_processed.bulk|"
     "apply.result.not_processed.confirm_existing|apply.result.other",
     k19, true, false, "table.column_sum"},
    // Derived subtotals (not printed by the template; prose may state them).
    {RelationKind::sum, "apply.result.refused",
     "apply.result.refused.state_secret|apply.result.refused.law_prohibited|apply.result.refused.security_stability|"
     "apply.result.refused.third_party|apply.result.refused.internal_affairs|apply.result.refused.process_info|"
     "apply.result.refused.enforcement_file|apply.result.refused.query_matter",
     kTab, true, false, "sum.mismatch"},
    {RelationKind::sum, "apply.result.unavailable",
     "apply.result.unavailable.not_held|apply.result.unavailable.needs_creation|apply.result.unavailable.unclear",
     kTab, true, false, "sum.mismatch"},
    {RelationKind::sum, "apply.result.not_processed",
     "apply.result.not_processed.petition|apply.result.not_processed.duplicate|"
     "apply.result.not_processed.publication|apply.result.not_processed.bulk|"
     "apply.result.not_processed.confirm_existing",
     kTab, true, false, "sum.mismatch"},
    {RelationKind::sum, "apply.result.other",
     "apply.result.other.overdue_amend|apply.result.other.overdue_fee|apply.result.other.misc", k21, true, false,
     "sum.mismatch"},
    // T3-ROW: 总计 column = Σ six applicant columns, every printed row.
    {RelationKind::applicant_sum, "apply.new", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.carried_in", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.granted", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.partial", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.refused.state_secret", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.refused.law_prohibited", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.refused.security_stability", "", kTab, true, false,
     "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.refused.third_party", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.refused.internal_affairs", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.refused.process_info", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.refused.enforcement_file", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.refused.query_matter", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.unavailable.not_held", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.unavailable.needs_creation", "", kTab, true, false,
     "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.unavailable.unclear", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.not_processed.petition", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.not_processed.duplicate", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.not_processed.publication", "", kTab, true, false,
     "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.not_processed.bulk", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.not_processed.confirm_existing", "", kTab, true, false,
     "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.other", "", k19, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.other.overdue_amend", "", k21, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.other.overdue_fee", "", k21, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.other.misc", "", k21, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.result.total", "", kTab, true, false, "table.row_total"},
    {RelationKind::applicant_sum, "apply.carried_out", "", kTab, true, false, "table.row_total"},

    // ---- 2019 / 2021 table 四 (T4-SUM) ----
    {RelationKind::sum, "review.total", "review.upheld|review.corrected|review.other|review.pending", kTab, false,
     false, "sum.mismatch"},
    {RelationKind::sum, "litigation.direct.total",
     "litigation.direct.upheld|litigation.direct.corrected|litigation.direct.other|litigation.direct.pending", kTab,
     false, false, "sum.mismatch"},
    {RelationKind::sum, "litigation.after_review.total",
     "litigation.after_review.upheld|litigation.after_review.corrected|litigation.after_review.other|"
     "litigation.after_review.pending",
     kTab, false, false, "sum.mismatch"},
    {RelationKind::sum, "litigation.total", "litigation.direct.total|litigation.after_review.total", kTab, false,
     false, "sum.mismatch"},
};

}  // namespace

std::span<const Indicator> indicators() noexcept { return kIndicators; }
std::span<const Relation> relations() noexcept { return kRelations; }

const Indicator* find_indicator(std::string_view id) noexcept {
  // The catalogue sorted by id, built once (lookups run for every fact).
  static const std::vector<const Indicator*> by_id = [] {
    std::vector<const Indicator*> v;
    for (const Indicator& i : kIndicators) v.push_back(&i);
    std::stable_sort(v.begin(), v.end(), [](const Indicator* a, const Indicator* b) { return a->id < b->id; });
    return v;
  }();
  auto it = std::lower_bound(by_id.begin(), by_id.end(), id,
                             [](const Indicator* i, std::string_view k) { return i->id < k; });
  return it != by_id.end() && (*it)->id == id ? *it : nullptr;
}

std::uint8_t format_bit(Format f) noexcept {
  switch (f) {
    case Format::legacy: return in_legacy;
    case Format::f2019: return in_2019;
    case Format::f2021: return in_2021;
    case Format::unknown: break;
  }
  return 0;
}

bool in_format(std::uint8_t formats, Format f) noexcept {
  std::uint8_t bit = format_bit(f);
  return bit == 0 || (formats & bit) != 0;
}

const Indicator* find_table_indicator(TableKind table, std::string_view row, std::string_view col,
                                      Format format) noexcept {
  // Legacy table 四 (行政复议数量 and its three rows) share the ids of table 四.
  if (table == TableKind::legacy_stats) {
    static constexpr std::string_view kLegacyReview[][2] = {
        {"四", "review.total"}, {"4.1", "review.upheld"}, {"4.2", "review.corrected"}, {"4.3", "review.other"}};
    for (const auto& r : kLegacyReview)
      if (r[0] == row && col.empty()) return find_indicator(r[1]);
  }
  for (const Indicator& i : kIndicators)
    if (i.table == table && i.row == row && i.col == col && in_format(i.formats, format)) return &i;
  return nullptr;
}

}  // namespace ogi
