// lib/structure/table_templates: the official table shapes (FORMATS.md §A.2, B, C).
#include "structure/table_templates.hpp"

namespace ogi::detail::table_templates {
namespace {

// Rows shared by 2019 and 2021 up to （五）5, then the two （六） variants.
#define OGI_T3_HEAD                                                                   \
  {"new", "一、本年新收政府信息公开申请数量", ""},                                     \
      {"carried_in", "二、上年结转政府信息公开申请数量", ""},                          \
      {"r.open", "（一）予以公开", "r"},                                                \
      {"r.partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "r"}, \
      {"r.deny.1", "1.属于国家秘密", "r.deny"},                                         \
      {"r.deny.2", "2.其他法律行政法规禁止公开", "r.deny"},                             \
      {"r.deny.3", "3.危及“三安全一稳定”", "r.deny"},                                   \
      {"r.deny.4", "4.保护第三方合法权益", "r.deny"},                                   \
      {"r.deny.5", "5.属于三类内部事务信息", "r.deny"},                                 \
      {"r.deny.6", "6.属于四类过程性信息", "r.deny"},                                   \
      {"r.deny.7", "7.属于行政执法案卷", "r.deny"},                                     \
      {"r.deny.8", "8.属于行政查询事项", "r.deny"},                                     \
      {"r.unable.1", "1.本机关不掌握相关政府信息", "r.unable"},                         \
      {"r.unable.2", "2.没有现成信息需要另行制作", "r.unable"},                         \
      {"r.unable.3", "3.补正后申请内容仍不明确", "r.unable"},                           \
      {"r.noproc.1", "1.信访举报投诉类申请", "r.noproc"},                               \
      {"r.noproc.2", "2.重复申请", "r.noproc"},                                         \
      {"r.noproc.3", "3.要求提供公开出版物", "r.noproc"},                               \
      {"r.noproc.4", "4.无正当理由大量反复申请", "r.noproc"},                           \
      {"r.noproc.5", "5.要求行政机关确认或重新出具已获取信息", "r.noproc"}

constexpr SeqRow kT3_2021[] = {
    OGI_T3_HEAD,
    {"r.other.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "r.other"},
    {"r.other.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "r.other"},
    {"r.other.3", "3.其他", "r.other"},
    {"r.total", "（七）总计", "r"},
    {"carried_out", "四、结转下年度继续办理", ""},
};

constexpr SeqRow kT3_2019[] = {
    OGI_T3_HEAD,
    {"r.other", "（六）其他处理", "r"},
    {"r.total", "（七）总计", "r"},
    {"carried_out", "四、结转下年度继续办理", ""},
};
#undef OGI_T3_HEAD

constexpr Group kGroups2021[] = {
    {"r", "三、本年度办理结果"},  {"r.deny", "（三）不予公开"},   {"r.unable", "（四）无法提供"},
    {"r.noproc", "（五）不予处理"}, {"r.other", "（六）其他处理"},
};
constexpr Group kGroups2019[] = {
    {"r", "三、本年度办理结果"},
    {"r.deny", "（三）不予公开"},
    {"r.unable", "（四）无法提供"},
    {"r.noproc", "（五）不予处理"},
};

constexpr Applicant kColumns[] = {Applicant::natural_person, Applicant::commercial,    Applicant::research,
                                  Applicant::nonprofit,      Applicant::legal_service, Applicant::other_org,
                                  Applicant::total};

constexpr DisclosureRow kT2[] = {
    {"rules", "规章", "issued|repealed|in_force", "new_made|new_published|total_published"},
    {"normative", "行政规范性文件|规范性文件", "issued|repealed|in_force", "new_made|new_published|total_published"},
    {"licensing", "行政许可", "decisions", "prev_items|change|decisions"},
    {"other_services", "其他对外管理服务事项", "", "prev_items|change|decisions"},
    {"penalty", "行政处罚", "decisions", "prev_items|change|decisions"},
    {"coercion", "行政强制", "decisions", "prev_items|change|decisions"},
    {"fees", "行政事业性收费", "amount", "prev_items|change"},
    {"procurement", "政府集中采购", "", "projects|amount"},
};

constexpr std::string_view kHeaders2021[] = {"本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量",
                                             "本年收费金额"};
constexpr std::string_view kHeaders2019[] = {"本年新制作数量", "本年新公开数量", "对外公开总数量",
                                             "上一年项目数量", "本年增/减",     "采购项目数量",
                                             "采购总金额"};

constexpr std::string_view kT4Groups[] = {"review", "direct", "after_review"};
constexpr std::string_view kT4Cols[] = {"upheld", "corrected", "other", "pending", "total"};

// FORMATS.md §A.2; keys are the catalogue's legacy row keys. Block rows
// ("一、主动公开情况") carry no statistic and have an empty key prefix "-".
constexpr SeqRow kLegacy[] = {
    {"-1", "一、主动公开情况", ""},
    {"1.1", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", ""},
    {"1.1a", "其中：主动公开规范性文件数", ""},
    {"1.1b", "制发规范性文件总数", ""},
    {"-1.2", "（二）通过不同渠道和方式公开政府信息的情况", ""},
    {"1.2.1", "1.政府公报公开政府信息数", ""},
    {"1.2.2", "2.政府网站公开政府信息数", ""},
    {"1.2.3", "3.政务微博公开政府信息数", ""},
    {"1.2.4", "4.政务微信公开政府信息数", ""},
    {"1.2.5", "5.其他方式公开政府信息数", ""},
    {"-2", "二、回应解读情况", ""},
    {"2.1", "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", ""},
    {"-2.2", "（二）通过不同渠道和方式回应解读的情况", ""},
    {"2.2.1", "1.参加或举办新闻发布会总次数", ""},
    {"2.2.1a", "其中：主要负责同志参加新闻发布会次数", ""},
    {"2.2.2", "2.政府网站在线访谈次数", ""},
    {"2.2.2a", "其中：主要负责同志参加政府网站在线访谈次数", ""},
    {"2.2.3", "3.政策解读稿件发布数", ""},
    {"2.2.4", "4.微博微信回应事件数", ""},
    {"2.2.5", "5.其他方式回应事件数", ""},
    {"-3", "三、依申请公开情况", ""},
    {"3.1", "（一）收到申请数", ""},
    {"3.1.1", "1.当面申请数", ""},
    {"3.1.2", "2.传真申请数", ""},
    {"3.1.3", "3.网络申请数", ""},
    {"3.1.4", "4.信函申请数", ""},
    {"3.2", "（二）申请办结数", ""},
    {"3.2.1", "1.按时办结数", ""},
    {"3.2.2", "2.延期办结数", ""},
    {"3.3", "（三）申请答复数", ""},
    {"3.3.1", "1.属于已主动公开范围数", ""},
    {"3.3.2", "2.同意公开答复数", ""},
    {"3.3.3", "3.同意部分公开答复数", ""},
    {"3.3.4", "4.不同意公开答复数", ""},
    {"3.3.4a", "其中：涉及国家秘密", ""},
    {"3.3.4b", "涉及商业秘密", ""},
    {"3.3.4c", "涉及个人隐私", ""},
    {"3.3.4d", "危及国家安全、公共安全、经济安全和社会稳定", ""},
    {"3.3.4e", "不是《条例》所指政府信息", ""},
    {"3.3.4f", "法律法规规定的其他情形", ""},
    {"3.3.5", "5.不属于本行政机关公开", ""},
    {"3.3.6", "6.申请信息不存在", ""},
    {"3.3.7", "7.告知作出更改补充", ""},
    {"3.3.8", "8.告知通过其他途径办理", ""},
    {"四", "四、行政复议数量", ""},
    {"4.1", "（一）维持具体行政行为数", ""},
    {"4.2", "（二）被依法纠错数", ""},
    {"4.3", "（三）其他情形数", ""},
    {"五", "五、行政诉讼数量", ""},
    {"5.1", "（一）维持具体行政行为或者驳回原告诉讼请求数", ""},
    {"5.2", "（二）被依法纠错数", ""},
    {"5.3", "（三）其他情形数", ""},
    {"六", "六、举报投诉数量", ""},
    {"6.1", "（一）维持具体行政行为数", ""},
    {"6.2", "（二）被纠错数", ""},
    {"6.3", "（三）其他情形数", ""},
    {"七", "七、依申请公开信息收取的费用", ""},
    {"-8", "八、机构建设和保障经费情况", ""},
    {"8.1", "（一）政府信息公开工作专门机构数", ""},
    {"8.2", "（二）设置政府信息公开查阅点数", ""},
    {"8.3", "（三）从事政府信息公开工作人员数", ""},
    {"8.3.1", "1.专职人员数（不包括政府公报及政府网站工作人员数）", ""},
    {"8.3.2", "2.兼职人员数", ""},
    {"8.4", "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", ""},
    {"-9", "九、政府信息公开会议和培训情况", ""},
    {"9.1", "（一）召开政府信息公开工作会议或专题会议数", ""},
    {"9.2", "（二）举办各类培训班数", ""},
    {"9.3", "（三）接受培训人员数", ""},
};

}  // namespace

std::span<const SeqRow> t3_rows(Format f) {
  if (f == Format::f2019) return kT3_2019;
  return kT3_2021;
}
std::span<const Group> t3_groups(Format f) {
  if (f == Format::f2019) return kGroups2019;
  return kGroups2021;
}
std::span<const Applicant> t3_columns() { return kColumns; }
std::span<const DisclosureRow> t2_rows() { return kT2; }
std::span<const std::string_view> t2_headers(Format f) {
  if (f == Format::f2019) return kHeaders2019;
  return kHeaders2021;
}
std::span<const std::string_view> t4_groups() { return kT4Groups; }
std::span<const std::string_view> t4_columns() { return kT4Cols; }
std::span<const SeqRow> legacy_rows() { return kLegacy; }

}  // namespace ogi::detail::table_templates
