// lib/numbers: the quantity recogniser. What it reads and what it decides is
// documented in numbers.hpp; the labels and the context in context.hpp.
//
// Shape: one left-to-right loop over the bytes. ASCII digits go to arabic(),
// Chinese numerals to chinese(), 第 to ordinal(), 百分之 to cn_percent(), 《 to
// title(), ASCII letters to ascii_token(). Each of them consumes what it
// recognised and returns the position after it, so every byte is looked at a
// bounded number of times; look-behind and look-ahead are bounded too.
#include "numbers/numbers.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>

namespace ogi::detail {
namespace num {
namespace {

using sv = std::string_view;
constexpr std::size_t npos = sv::npos;
constexpr int kMaxDigits = 18;               // a Decimal coefficient holds 18 digits
constexpr std::size_t kMaxChineseRun = 40;   // numeral characters; longer is too_long
constexpr std::size_t kMaxTitle = 600;       // bytes between 《 and 》 for a title

// ---------------------------------------------------------------- tables

// The ONE unit table (longest match wins). Money units that start with a
// multiplier (万元) keep the multiplier: 76.10万元 is 76.10 万元.
constexpr UnitDef kUnits[] = {
    // shares
    {"%", UnitKind::percent}, {"％", UnitKind::percent}, {"‰", UnitKind::percent},
    {"个百分点", UnitKind::percent}, {"百分点", UnitKind::percent}, {"成", UnitKind::percent, "员果本立为效绩就熟交型品功长都份"},
    {"倍", UnitKind::percent},
    // money
    {"万元", UnitKind::money}, {"亿元", UnitKind::money}, {"千元", UnitKind::money}, {"元", UnitKind::money},
    {"万美元", UnitKind::money}, {"亿美元", UnitKind::money}, {"美元", UnitKind::money},
    // time
    {"个工作日", UnitKind::time}, {"工作日", UnitKind::time}, {"个月", UnitKind::time},
    {"小时", UnitKind::time}, {"分钟", UnitKind::time}, {"秒钟", UnitKind::time}, {"秒", UnitKind::time},
    {"年", UnitKind::time, "代"}, {"天", UnitKind::time, "然气地下"}, {"日", UnitKind::time}, {"周", UnitKind::time, "边期转"},
    {"个星期", UnitKind::time}, {"星期", UnitKind::time},
    // counts: people and events
    {"人次", UnitKind::count}, {"人天", UnitKind::count}, {"人", UnitKind::count, "员民大事社口"}, {"名", UnitKind::count, "单称义录额"},
    {"位", UnitKind::count, "于置"}, {"户次", UnitKind::count}, {"户", UnitKind::count}, {"家次", UnitKind::count},
    {"家", UnitKind::count, "庭属长"}, {"个次", UnitKind::count}, {"件次", UnitKind::count}, {"条次", UnitKind::count},
    {"次", UnitKind::count}, {"场次", UnitKind::count}, {"场", UnitKind::count}, {"轮", UnitKind::count},
    {"批次", UnitKind::count}, {"批", UnitKind::count}, {"期", UnitKind::count, "间限刊望待盼满"}, {"回", UnitKind::count, "应复访答"},
    {"遍", UnitKind::count}, {"起", UnitKind::count, "草诉点步来止始到至跑"}, {"宗", UnitKind::count}, {"例", UnitKind::count},
    {"笔", UnitKind::count}, {"单", UnitKind::count, "位元独一"}, {"票", UnitKind::count},
    // counts: things and documents
    {"条", UnitKind::count, "例款线"}, {"件", UnitKind::count}, {"篇", UnitKind::count}, {"个", UnitKind::count},
    {"项", UnitKind::count}, {"份", UnitKind::count}, {"所", UnitKind::count, "有在属以得谓"}, {"册", UnitKind::count},
    {"本", UnitKind::count, "级年次单部市县区机人届身"}, {"页", UnitKind::count}, {"卷", UnitKind::count}, {"台", UnitKind::count, "账阶"},
    {"块", UnitKind::count}, {"处", UnitKind::count, "理置罚分室级长"}, {"部", UnitKind::count, "署分委长位件队"}, {"套", UnitKind::count},
    {"张", UnitKind::count}, {"幅", UnitKind::count}, {"封", UnitKind::count}, {"组", UnitKind::count, "织长成建"},
    {"类", UnitKind::count, "别似型"}, {"种", UnitKind::count, "类植"}, {"座", UnitKind::count}, {"栋", UnitKind::count},
    {"支", UnitKind::count}, {"辆", UnitKind::count}, {"间", UnitKind::count, "隔"}, {"则", UnitKind::count},
    {"版", UnitKind::count, "块面本"}, {"字", UnitKind::count, "号"}, {"段", UnitKind::count, "落"}, {"节", UnitKind::count},
    {"课时", UnitKind::count}, {"学时", UnitKind::count}, {"课", UnitKind::count, "题程"}, {"分", UnitKind::count, "别类析工局配布享管解级行支之公散批期为钟"},
    {"帖", UnitKind::count}, {"集", UnitKind::count, "中体团成约"}, {"档", UnitKind::count}, {"栏", UnitKind::count},
    {"版块", UnitKind::count}, {"板块", UnitKind::count}, {"枚", UnitKind::count}, {"盒", UnitKind::count},
    {"袋", UnitKind::count}, {"箱", UnitKind::count}, {"对", UnitKind::count, "于象接外比照应"}, {"部门", UnitKind::count},
    {"周年", UnitKind::time},
    // measures
    {"平方公里", UnitKind::measure}, {"平方米", UnitKind::measure}, {"立方米", UnitKind::measure},
    {"公里", UnitKind::measure}, {"千米", UnitKind::measure}, {"米", UnitKind::measure},
    {"公顷", UnitKind::measure}, {"亩", UnitKind::measure}, {"吨", UnitKind::measure},
    {"公斤", UnitKind::measure}, {"千克", UnitKind::measure}, {"千瓦", UnitKind::measure},
};

// Multipliers after a number (longest first), as powers of ten.
struct Mult {
  sv text;
  int exp;
};
constexpr Mult kMults[] = {{"万亿", 12}, {"千万", 7}, {"百万", 6}, {"十万", 5}, {"亿", 8},
                           {"万", 4},    {"千", 3},   {"百", 2}};

// Words that contain a numeral character but are not numbers. Most numeral
// runs not followed by a measure word are words anyway; this table holds the
// ones that would otherwise read as counts (一次性, 四个意识), those whose
// numeral does not start the word (统一, 进一步), and some named for clarity.
struct Word {
  sv text;
  SkipReason reason;
  std::size_t back;  // bytes before the first numeral character
};
constexpr bool is_numeral_start_bytes(sv s) {
  constexpr sv starts[] = {"〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (sv x : starts)
    if (s == x) return true;
  return false;
}
constexpr std::size_t first_numeral(sv w) {
  for (std::size_t i = 0; i + 3 <= w.size(); i += 3)
    if (is_numeral_start_bytes(w.substr(i, 3))) return i;
  return 0;
}
constexpr Word W(sv t, SkipReason r = SkipReason::word) { return {t, r, first_numeral(t)}; }
constexpr Word kWords[] = {
    // the numeral does not start the word
    W("统一"), W("进一步"), W("同一"), W("唯一"), W("逐一"), W("之一"), W("万一"), W("不一"),
    W("划一"), W("单一"), W("专一"), W("其一"), W("某一"), W("任一"), W("每一"), W("如一"),
    W("整一"), W("下一步"), W("下一年"), W("上一年"), W("最后一公里"), W("双一流"), W("再三"), W("第一时间"), W("说一不二"),
    W("星期一", SkipReason::date), W("星期二", SkipReason::date), W("星期三", SkipReason::date),
    W("星期四", SkipReason::date), W("星期五", SkipReason::date), W("星期六", SkipReason::date),
    W("周一", SkipReason::date), W("周二", SkipReason::date), W("周三", SkipReason::date),
    W("周四", SkipReason::date), W("周五", SkipReason::date), W("周六", SkipReason::date),
    W("初一", SkipReason::date),
    // would read as counts
    W("一次性"), W("一件事"), W("一次办"), W("一条龙"), W("一张网"), W("一张图"), W("一把手"),
    W("一部分"), W("一段时间"), W("一年一度"), W("一成不变"), W("一分为二"), W("一门式"),
    W("一起"), W("一道"), W("一批批"), W("一项项"), W("一件件"), W("一个个"), W("一人一档"),
    W("一户一档"), W("一企一策"), W("一事一议"), W("一案一档"), W("一对一"), W("一站式"),
    W("一窗受理"), W("一次告知"), W("一号文件"), W("一岗双责"), W("一票否决"), W("一体化"),
    W("一网通办"), W("一网统管"), W("一带一路"), W("一些"), W("一切"), W("一直"), W("一律"),
    W("一般"), W("一致"), W("一并"), W("一定"), W("一样"), W("一线"), W("一旦"), W("一贯"),
    W("一向"), W("一度"), W("一时"), W("一同"), W("一手"), W("一揽子"), W("一级"), W("一方面"),
    W("一系列"), W("一大批"), W("一流"), W("一体"), W("一把"),
    W("两个维护"), W("两个确立"), W("两学一做"), W("两岸"), W("两会"), W("两新"), W("两级"),
    W("两委"), W("两办"), W("两票制"), W("两者"), W("两化"),
    W("三个代表"), W("三严三实"), W("三会一课"), W("三重一大"), W("三安全一稳定"),
    W("三类内部事务信息"), W("三公"), W("三农"), W("三级"), W("三大"), W("三单"), W("三定"),
    W("三个务必"), W("三项制度"),
    W("四类过程性信息"), W("四个意识"), W("四个自信"), W("四个全面"), W("四风"), W("四下基层"),
    W("五公开"), W("五位一体"), W("五险一金"), W("六稳"), W("六保"),
    W("十分"), W("十足"), W("十三五"), W("十四五"), W("十五五"),
    W("零件"), W("零售"), W("零星"), W("零距离"), W("零容忍"), W("零散"), W("零跑腿"),
    W("零投诉"), W("零障碍"), W("零时"),
    W("一季度", SkipReason::date), W("二季度", SkipReason::date), W("三季度", SkipReason::date),
    W("四季度", SkipReason::date),
};

enum class Ap : std::uint8_t { none, more, about, nearly, less };
struct Qual {
  sv text;
  Ap ap;
};
// Before the number, longest first.
constexpr Qual kPreQuals[] = {
    {"不超过", Ap::less}, {"不高于", Ap::less}, {"不多于", Ap::less}, {"不低于", Ap::more},
    {"不少于", Ap::more}, {"超过", Ap::more},   {"多于", Ap::more},   {"大约", Ap::about},
    {"约为", Ap::about},  {"将近", Ap::nearly}, {"接近", Ap::nearly}, {"不到", Ap::less},
    {"不足", Ap::less},   {"少于", Ap::less},   {"超", Ap::more},     {"逾", Ap::more},
    {"约", Ap::about},    {"近", Ap::nearly},
};
// After the unit (or the number when there is none).
constexpr Qual kPostQuals[] = {
    {"以上", Ap::more}, {"之多", Ap::more}, {"有余", Ap::more},
    {"左右", Ap::about}, {"上下", Ap::about}, {"以下", Ap::less},
};

// Label analysis (context.hpp).
// A word and the characters that, standing right before it, show it is the
// end of a longer word (为 in 行为, 共 in 公共, 有 in 所有).
struct Guarded {
  sv text;
  sv not_after = {};
};
// Connectives: the last one in the window splits scope | label.
constexpr Guarded kMarkers[] = {
    {"其中"}, {"分别为"}, {"分别是"}, {"分别占"}, {"分别达"}, {"分别"}, {"共计", "总"}, {"共有"},
    {"总共"}, {"一共"}, {"合计"}, {"总计"}, {"累计"}, {"全年共"}, {"全年"}, {"包括"},
    {"共", "公中总一"}, {"占比"}, {"占"}, {"达到"}, {"达", "下传送抵表发通到直转上"},
};
// Light verbs taken off the front of a label and recorded as
// QuantityContext::verb ("新增主动公开政府信息" -> 主动公开政府信息). Verbs that say
// what is counted (制发, 归集, 回应, 培训 …) stay in the label.
constexpr sv kVerbs[] = {"新增", "新收", "收到", "受理", "接收", "发布", "公布", "办结", "办理", "举办",
                         "开展", "召开", "组织", "参加", "设置", "设立", "成立", "安排", "配备", "发行",
                         "发出", "完成", "涉及", "属于", "从事", "实现", "获得", "发生", "有", "属"};
// Verbs that stay in the label but may follow a scope: "各县(市)区|回应".
constexpr sv kContentVerbs[] = {"归集", "制发", "印发", "制定", "出台", "回应", "接待", "清理", "整改", "推送",
                                "编制", "报送", "提供", "落实", "征集", "转办", "培训", "访问", "收取", "减免",
                                "提起", "保留", "取消", "下放", "调整", "确定", "实施", "备案", "审核", "审查",
                                "召集", "参与", "播发", "刊发", "推出", "上传", "更新", "维护", "督办", "催办",
                                "解读", "答复", "处理", "回复", "公开", "主动公开", "制作", "新制作", "废止"};
// Particles taken off the front of a label (not recorded).
constexpr sv kAdverbs[] = {"通过", "各类", "各项", "各种", "对", "向", "了", "和", "及", "与", "并", "或", "以及",
                           "同时", "其中", "中", "的", "等", "在", "为", "是"};
// Adverbs taken off the front of a label only when a verb follows: "已发布信息"
// (but "已主动公开范围" keeps its 已).
constexpr sv kVerbAdverbs[] = {"已经", "已", "又", "再", "还", "均", "都", "仍", "也", "共", "累计", "全年", "先后",
                               "积极", "及时", "依法"};
// Taken off the end of a label.
constexpr Guarded kTrailing[] = {
    {"分别为"}, {"分别是"}, {"分别"}, {"均为"}, {"约为"}, {"共计"}, {"合计"}, {"总计"}, {"总共"},
    {"达到"},   {"为", "行作认成因以视称更较极最人"}, {"是", "但或就总还正凡要于"},
    {"达", "下传送抵表发通到直转上"}, {"有", "所没具拥享持国私现原特固含占保富稀共"},
    {"约", "节制合条公预签契"}, {"的"}, {"各"}, {"了", "为除"}, {"共", "公中总一"},
    {"计", "统设估预会审总累合共"}, {"均", "人平"}, {"都", "首"}, {"已"}, {"等"},
};
// Besides the verbs, what may follow a scope: "各县(市)、区|公开信息", "…单位|中从事…".
constexpr sv kScopeTriggers[] = {"已经", "已", "共", "累计", "全年", "先后", "积极", "依法", "通过", "均", "都",
                                 "中"};
// Words a scope (who) ends with, when a verb follows: "市级行政机关及企事业单位|公开信息".
constexpr sv kScopeEnds[] = {"单位", "机关", "部门", "政府", "区", "县", "市", "局", "委", "办", "中心", "乡镇",
                             "街道", "镇", "乡", "企业", "机构", "网站", "省", "州", "旗", "厅", "院", "站", "科",
                             "室"};
// Taken off either end of a scope.
constexpr sv kScopeTrim[] = {"全年共", "全年", "共计", "共有", "共", "累计", "通过", "已经", "已", "先后", "在",
                             "各类", "其中", "所"};

// Keywords before a number that say what it is.
constexpr sv kIdKeys[] = {"备案号", "备案", "备", "标识码", "索引号", "编号", "文号", "代码", "证号", "登记号"};
constexpr sv kPostKeys[] = {"邮编", "邮政编码", "邮码"};
constexpr sv kPhoneKeys[] = {"电话", "传真", "热线", "手机", "座机", "联系方式", "拨打", "Tel", "TEL", "tel",
                             "Fax", "FAX", "fax", "号码"};

// ---------------------------------------------------------------- lexicons
// Each word table gets a 1024-bit set of hashes of its words' first and last
// characters, so that most positions are rejected without comparing words.
struct CharMask {
  std::uint64_t bits[16] = {};
  constexpr void add(unsigned h) { bits[h >> 6] |= std::uint64_t{1} << (h & 63); }
  constexpr bool has(unsigned h) const { return (bits[h >> 6] >> (h & 63)) & 1; }
};
constexpr std::size_t char_len(unsigned char b) { return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1; }
constexpr unsigned char_hash(const char* p, std::size_t len) {
  unsigned h = 0;
  for (std::size_t k = 0; k < len; ++k) h = h * 131 + static_cast<unsigned char>(p[k]);
  return h & 1023;
}
constexpr sv text_of(sv s) { return s; }
constexpr sv text_of(const Guarded& g) { return g.text; }
constexpr sv text_of(const UnitDef& u) { return u.text; }
constexpr sv text_of(const Qual& q) { return q.text; }
constexpr unsigned first_hash(sv w) {
  return char_hash(w.data(), std::min(w.size(), char_len(static_cast<unsigned char>(w[0]))));
}
constexpr unsigned last_hash(sv w) {
  std::size_t k = w.size() - 1;
  while (k > 0 && (static_cast<unsigned char>(w[k]) & 0xC0) == 0x80) --k;
  return char_hash(w.data() + k, w.size() - k);
}
// The items of a table bucketed by a character hash (a counting sort).
template <std::size_t N>
struct Buckets {
  std::uint16_t start[1025] = {};
  std::uint16_t order[N] = {};
  template <class T, class H>
  constexpr Buckets(const T (&list)[N], H hash) {
    for (const T& x : list) ++start[hash(text_of(x)) + 1];
    for (std::size_t h = 0; h < 1024; ++h) start[h + 1] += start[h];
    std::uint16_t fill[1024] = {};
    for (std::size_t i = 0; i < N; ++i) {
      unsigned h = hash(text_of(list[i]));
      order[start[h] + fill[h]++] = static_cast<std::uint16_t>(i);
    }
  }
};
template <class T, std::size_t N>
struct Lexicon {
  const T* items;
  CharMask first, last;
  Buckets<N> by_first, by_last;
  constexpr explicit Lexicon(const T (&list)[N])
      : items(list),
        by_first(list, [](sv w) { return first_hash(w); }),
        by_last(list, [](sv w) { return last_hash(w); }) {
    for (const T& x : list) {
      first.add(first_hash(text_of(x)));
      last.add(last_hash(text_of(x)));
    }
  }
  constexpr const T* begin() const { return items; }
  constexpr const T* end() const { return items + N; }
  // Calls f(item) for the items whose first (last) character hashes to h.
  template <class F>
  constexpr void each_first(unsigned h, F f) const {
    if (h >= 1024) return;
    for (std::size_t k = by_first.start[h]; k < by_first.start[h + 1]; ++k) f(items[by_first.order[k]]);
  }
  template <class F>
  constexpr void each_last(unsigned h, F f) const {
    if (h >= 1024) return;
    for (std::size_t k = by_last.start[h]; k < by_last.start[h + 1]; ++k) f(items[by_last.order[k]]);
  }
};
// QuantityContext stores a connective as its index in kMarkers plus one.
constexpr std::uint8_t marker_id(sv m) {
  for (std::size_t i = 0; i < std::size(kMarkers); ++i)
    if (kMarkers[i].text == m) return static_cast<std::uint8_t>(i + 1);
  return 0;
}
static_assert(marker_id("其中") && marker_id("分别") && marker_id("包括"));

constexpr Lexicon kUnitLex{kUnits};
constexpr Lexicon kMarkerLex{kMarkers};
constexpr Lexicon kVerbLex{kVerbs};
constexpr Lexicon kContentVerbLex{kContentVerbs};
constexpr Lexicon kAdverbLex{kAdverbs};
constexpr Lexicon kVerbAdverbLex{kVerbAdverbs};
constexpr Lexicon kTrailingLex{kTrailing};
constexpr Lexicon kScopeTriggerLex{kScopeTriggers};
constexpr Lexicon kScopeEndLex{kScopeEnds};
constexpr Lexicon kScopeTrimLex{kScopeTrim};
constexpr Lexicon kIdKeyLex{kIdKeys};
constexpr Lexicon kPostKeyLex{kPostKeys};
constexpr Lexicon kPhoneKeyLex{kPhoneKeys};
constexpr Lexicon kPreQualLex{kPreQuals};

// ---------------------------------------------------------------- UTF-8

inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(unsigned char c) { return is_digit(c) || is_alpha(c); }

struct Cp {
  char32_t cp;
  std::size_t len;
};
inline Cp decode(sv t, std::size_t i) {
  auto b = static_cast<unsigned char>(t[i]);
  if (b < 0x80) return {b, 1};
  std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (len == 1 || i + len > t.size()) return {0xFFFD, 1};
  char32_t cp = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(t[i + k]);
    if ((c & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (c & 0x3F);
  }
  return {cp, len};
}

// 〇零一二两三四五六七八九 -> 0..9, else -1.
inline int cn_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}
// 十百千万亿 -> 1 2 3 4 8 (powers of ten), else 0.
inline int cn_unit(char32_t c) {
  switch (c) {
    case U'十': return 1;
    case U'百': return 2;
    case U'千': return 3;
    case U'万': return 4;
    case U'亿': return 8;
    default: return 0;
  }
}
inline bool is_numeral_start(char32_t c) { return cn_digit(c) >= 0 || c == U'十'; }

constexpr std::int64_t kPow10[] = {1,
                                   10,
                                   100,
                                   1000,
                                   10000,
                                   100000,
                                   1000000,
                                   10000000,
                                   100000000,
                                   1000000000,
                                   10000000000,
                                   100000000000,
                                   1000000000000,
                                   10000000000000,
                                   100000000000000,
                                   1000000000000000,
                                   10000000000000000,
                                   100000000000000000,
                                   1000000000000000000};

inline Approx to_approx(Ap a) {
  switch (a) {
    case Ap::more: return Approx::more_than;
    case Ap::about: return Approx::about;
    case Ap::nearly: return Approx::nearly;
    case Ap::less: return Approx::less_than;
    case Ap::none: break;
  }
  return Approx::none;
}

// A Chinese numeral run as parsed.
enum class CnKind { single, pair, digits, positional };
struct CnValue {
  Decimal value;
  CnKind kind;
  bool overflow = false;
};

// ---------------------------------------------------------------- scanner

class Scanner {
 public:
  Scanner(sv text, std::size_t base, std::vector<Quantity>& qs, std::vector<Skipped>& sk,
          std::vector<QuantityContext>* ctx)
      : t_(text), n_(text.size()), base_(base), qs_(qs), sk_(sk), ctx_(ctx), q0_(qs.size()) {}

  void run() {
    start_line(0);
    std::size_t i = 0;
    while (i < n_) {
      auto c = static_cast<unsigned char>(t_[i]);
      if (is_digit(c)) {
        i = arabic(i);
      } else if (c == '-' && i + 1 < n_ && is_digit(t_[i + 1]) && sign_ok(i)) {
        i = arabic(i);
      } else if (is_alpha(c)) {
        i = ascii_token(i);
      } else if (c < 0x80) {
        ascii_punct(i, c);
        ++i;
      } else {
        i = cjk(i);
      }
    }
  }

 private:
  // ---- small helpers
  // (inline loops: the literals are a few bytes, a memcmp call costs more)
  static bool same(const char* p, sv lit) {
    for (std::size_t k = 0; k < lit.size(); ++k)
      if (p[k] != lit[k]) return false;
    return true;
  }
  bool at(std::size_t i, sv lit) const { return i <= n_ && n_ - i >= lit.size() && same(t_.data() + i, lit); }
  bool ends(std::size_t i, sv lit) const { return i >= lit.size() && i <= n_ && same(t_.data() + i - lit.size(), lit); }
  unsigned hash_at(std::size_t k) const {
    return k < n_ ? char_hash(t_.data() + k, std::min(n_ - k, char_len(static_cast<unsigned char>(t_[k])))) : 1024;
  }
  unsigned hash_before(std::size_t e) const {
    if (e == 0 || e > n_) return 1024;
    std::size_t k = e - 1;
    for (int m = 0; m < 3 && k > 0 && (static_cast<unsigned char>(t_[k]) & 0xC0) == 0x80; ++m) --k;
    return char_hash(t_.data() + k, e - k);
  }
  bool digit_at(std::size_t i) const { return i < n_ && is_digit(t_[i]); }
  // The value of the n ASCII digits at b (n <= 18).
  std::int64_t int_at(std::size_t b, std::size_t n) const {
    std::int64_t v = 0;
    for (std::size_t k = 0; k < n && b + k < n_; ++k) v = v * 10 + (t_[b + k] - '0');
    return v;
  }
  std::size_t digits_end(std::size_t i) const {
    while (i < n_ && is_digit(t_[i])) ++i;
    return i;
  }
  std::size_t skip_spaces(std::size_t i, int max = 2) const {
    for (int k = 0; k < max && i < n_ && (t_[i] == ' ' || t_[i] == '\t'); ++k) ++i;
    return i;
  }
  // Back over up to `max` spaces before i.
  std::size_t back_spaces(std::size_t i, int max = 2) const {
    for (int k = 0; k < max && i > 0 && (t_[i - 1] == ' ' || t_[i - 1] == '\t'); ++k) --i;
    return i;
  }
  char32_t cp_at(std::size_t i) const { return i < n_ ? decode(t_, i).cp : 0; }
  // The code point that ends at i (0 at the start).
  char32_t cp_before(std::size_t i) const {
    if (i == 0 || i > n_) return 0;
    std::size_t k = i - 1;
    for (int m = 0; m < 3 && k > 0 && (static_cast<unsigned char>(t_[k]) & 0xC0) == 0x80; ++m) --k;
    return decode(t_, k).cp;
  }
  std::size_t cn_digit_at(std::size_t i) const {  // length of a numeral char at i, 0 if none
    auto c = cp_at(i);
    return (cn_digit(c) >= 0 || cn_unit(c) > 0) ? 3 : 0;
  }
  std::size_t phone_dash(std::size_t i) const {
    if (i < n_ && t_[i] == '-') return 1;
    for (sv d : {sv("—"), sv("–"), sv("―"), sv("－"), sv("−")})
      if (at(i, d)) return d.size();
    return 0;
  }
  std::size_t range_dash(std::size_t i) const {
    if (i < n_ && (t_[i] == '-' || t_[i] == '~')) return 1;
    for (sv d : {sv("—"), sv("–"), sv("―"), sv("－"), sv("−"), sv("～"), sv("〜"), sv("至"), sv("到")})
      if (at(i, d)) return d.size();
    return 0;
  }
  static bool is_clause_cp(char32_t c) {
    switch (c) {
      case ',': case ';': case ':': case '!': case '?': case '\n': case '|': case U'，': case U'；':
      case U'：': case U'！': case U'？': case U'。':
        return true;
      default: return false;
    }
  }
  bool boundary_before(std::size_t i) const {
    std::size_t k = back_spaces(i);
    if (k == line_begin_ || k <= head_end_) return true;
    char32_t c = cp_before(k);
    return is_clause_cp(c) || c == U'、';
  }
  bool sign_ok(std::size_t i) const {
    if (i == 0 || i == line_begin_) return true;
    char c = t_[i - 1];
    return c == ' ' || c == '\t' || c == '|' || c == '(' || c == ':' || c == ',' || ends(i, "：") ||
           ends(i, "（") || ends(i, "，");
  }

  // ---- line / clause / sentence bookkeeping
  void start_line(std::size_t i) {
    line_begin_ = i;
    std::size_t k = i;
    while (k < n_) {
      char c = t_[k];
      if (c == ' ' || c == '\t' || c == '#' || c == '>') {
        ++k;
      } else if ((c == '-' || c == '*' || c == '+') && k + 1 < n_ && t_[k + 1] == ' ') {
        k += 2;
      } else if (at(k, "\xE3\x80\x80")) {  // U+3000 when the text is not normalised
        k += 3;
      } else {
        break;
      }
    }
    head_end_ = k;
    clause_start_ = i;
  }
  void clause_break(std::size_t after) {
    clause_start_ = after;
    ++clause_;
  }
  void sentence_break(std::size_t after) {
    clause_break(after);
    ++sentence_;
    part_of_ = 0;
  }
  void ascii_punct(std::size_t i, unsigned char c) {
    switch (c) {
      case '\n':
        sentence_break(i + 1);
        start_line(i + 1);
        break;
      case ';': case '!': case '?':
        sentence_break(i + 1);
        break;
      case ',': case ':': case '|':
        clause_break(i + 1);
        break;
      default: break;
    }
  }

  // ---- output
  void skip(std::size_t b, std::size_t e, SkipReason r) {
    if (b < item_end_) b = item_end_;
    if (e <= b) return;
    sk_.push_back({{base_ + b, base_ + e}, r});
    item_end_ = e;
  }

  // ---- dispatch for a non-ASCII character
  std::size_t cjk(std::size_t i) {
    Cp c = decode(t_, i);
    if (is_numeral_start(c.cp)) return chinese(i);
    switch (c.cp) {
      case U'第': return ordinal(i);
      case U'百':
        if (at(i, "百分之")) return cn_percent(i);
        break;
      case U'《': return title(i);
      case U'。': case U'；': case U'！': case U'？':
        sentence_break(i + c.len);
        break;
      case U'，': case U'：':
        clause_break(i + c.len);
        break;
      case U'其':
        if (at(i, "其中")) part_of_ = marker_id("其中");
        break;
      case U'分':
        if (at(i, "分别")) part_of_ = marker_id("分别");
        break;
      case U'包':
        if (at(i, "包括")) part_of_ = marker_id("包括");
        break;
      default: break;
    }
    return i + c.len;
  }

  // ---- ASCII words: URLs, e-mail addresses, alphanumeric words (IPv6, 5G, PM2.5)
  std::size_t ascii_token(std::size_t i) {
    std::size_t j = i;
    bool digit = false, at_sign = false, scheme = false, dot = false;
    while (j < n_) {
      auto c = static_cast<unsigned char>(t_[j]);
      if (is_alnum(c)) {
        digit |= is_digit(c);
        ++j;
        continue;
      }
      if (c == ':' && at(j, "://")) {
        scheme = true;
        j += 3;
        continue;
      }
      bool joiner = c == '.' || c == '-' || c == '_' || c == '@' || c == '/' || c == '%' || c == '?' ||
                    c == '=' || c == '&' || c == '#' || c == '~' || c == '+' || (c == ':' && scheme);
      if (joiner && j + 1 < n_ && is_alnum(static_cast<unsigned char>(t_[j + 1]))) {
        at_sign |= c == '@';
        dot |= c == '.';
        ++j;
        continue;
      }
      break;
    }
    if (digit) {
      sv tok = t_.substr(i, j - i);
      bool www = tok.size() > 4 && (tok.substr(0, 4) == "www." || tok.substr(0, 4) == "WWW.");
      SkipReason r = SkipReason::word;
      if (at_sign && dot) r = SkipReason::email;
      else if (scheme || www) r = SkipReason::url;
      else if (dot && tld_like(tok)) r = SkipReason::url;
      skip(i, j, r);
    }
    return j;
  }
  static bool tld_like(sv tok) {
    std::size_t d = tok.rfind('.');
    if (d == npos || tok.size() - d - 1 < 2 || tok.size() - d - 1 > 6) return false;
    for (char c : tok.substr(d + 1))
      if (!is_alpha(static_cast<unsigned char>(c))) return false;
    return true;
  }

  // ---- 《title》: numbers inside a law or document name are part of its name
  std::size_t title(std::size_t i) {
    std::size_t from = i + 3;
    if (!(close_from_ <= from && from <= close_pos_)) {  // not answered by the last search
      close_from_ = from;
      std::size_t k = from;
      close_found_ = false;
      while (k < n_ && t_[k] != '\n') {
        if (at(k, "》")) {
          close_found_ = true;
          break;
        }
        ++k;
      }
      close_pos_ = k;
    }
    if (!close_found_ || close_pos_ - i > kMaxTitle) return from;
    std::size_t end = close_pos_ + 3;
    bool numeral = false;
    for (std::size_t k = from; k < close_pos_ && !numeral;) {
      Cp c = decode(t_, k);
      numeral = (c.cp < 0x80 && is_digit(static_cast<unsigned char>(c.cp))) || is_numeral_start(c.cp);
      k += c.len;
    }
    if (numeral) skip(i, end, SkipReason::law_name);
    return end;
  }

  // ---- words with numerals (table kWords)
  struct WordHit {
    std::size_t b, e;
    SkipReason r;
  };
  std::optional<WordHit> match_word(std::size_t i) const {
    std::optional<WordHit> best;
    for (const Word& w : kWords) {
      if (w.back > i) continue;
      if (!same(t_.data() + i, w.text.substr(w.back, 3))) continue;  // same numeral char
      std::size_t b = i - w.back;
      if (b < item_end_ || !at(b, w.text)) continue;
      std::size_t e = b + w.text.size();
      if (!best || e > best->e) best = WordHit{b, e, w.reason};
    }
    return best;
  }

  // ---- 第N…: ordinals (第54次, 第二十条, 第(一)项) and 第N号 document numbers
  std::size_t ordinal(std::size_t i) {
    std::size_t p = skip_spaces(i + 3);
    if (p < n_ && t_[p] == '(') ++p;
    else if (at(p, "（")) p += 3;
    bool paren = p != skip_spaces(i + 3);
    if (digit_at(p)) {
      p = digits_end(p);
    } else if (is_numeral_start(cp_at(p))) {
      if (auto w = match_word(p); w && w->b <= i) {
        skip(w->b, w->e, w->r);
        return w->e;
      }
      while (cn_digit_at(p)) p += 3;
    } else {
      return i + 3;
    }
    if (paren) {
      if (p < n_ && t_[p] == ')') ++p;
      else if (at(p, "）")) p += 3;
    }
    std::size_t q = skip_spaces(p);
    if (at(q, "号")) {
      std::size_t e = id_tail(q + 3);
      skip(i, e, SkipReason::doc_number);
      return e;
    }
    if (auto u = ordinal_suffix(q)) p = q + u;
    skip(i, p, SkipReason::ordinal);
    return p;
  }
  std::size_t ordinal_suffix(std::size_t q) const {
    for (sv s : {sv("部分"), sv("阶段"), sv("季度"), sv("款"), sv("章"), sv("节"), sv("目"), sv("届"), sv("段"),
                 sv("句"), sv("行"), sv("名")})
      if (at(q, s)) return s.size();
    if (const UnitDef* u = match_unit(q)) return u->text.size();
    return 0;
  }
  // After 号: "-1" (ICP numbers) belongs to the id.
  std::size_t id_tail(std::size_t e) const {
    if (e + 1 < n_ && t_[e] == '-' && is_digit(t_[e + 1])) e = digits_end(e + 1);
    return e;
  }

  // ---- units and multipliers
  const UnitDef* match_unit(std::size_t i) const {
    const UnitDef* best = nullptr;
    kUnitLex.each_first(hash_at(i), [&](const UnitDef& u) {
      if ((!best || u.text.size() > best->text.size()) && at(i, u.text) && !blocked(u, i + u.text.size())) best = &u;
    });
    return best;
  }
  // The unit starts a word instead ("13成员单位"): see UnitDef::not_before.
  bool blocked(const UnitDef& u, std::size_t after) const {
    if (u.not_before.empty() || after + 3 > n_) return false;
    for (std::size_t k = 0; k + 3 <= u.not_before.size(); k += 3)
      if (same(t_.data() + after, u.not_before.substr(k, 3))) return true;
    return false;
  }
  const Mult* match_mult(std::size_t i) const {
    for (const Mult& m : kMults)
      if (at(i, m.text)) return &m;
    return nullptr;
  }

  // ---- Arabic numbers
  struct Num {
    std::size_t begin = 0, end = 0, int_end = 0;
    std::int64_t coef = 0;
    int scale = 0, digits = 0, frac = 0;
    bool overflow = false, grouped = false, dotted = false;
  };
  Num read_arabic(std::size_t i) const {
    Num r;
    r.begin = i;
    auto take = [&](char c) {
      if (r.digits >= kMaxDigits) r.overflow = true;
      else r.coef = r.coef * 10 + (c - '0');
      ++r.digits;
    };
    std::size_t j = i;
    while (j < n_ && is_digit(t_[j])) take(t_[j++]);
    r.int_end = j;
    if (j - i <= 3 && t_[i] != '0') {  // thousands groups: 130,661 / 130，661
      while (true) {
        std::size_t k = j;
        if (k < n_ && t_[k] == ',') k += 1;
        else if (at(k, "，")) k += 3;
        else break;
        if (k + 3 <= n_ && is_digit(t_[k]) && is_digit(t_[k + 1]) && is_digit(t_[k + 2]) && !digit_at(k + 3)) {
          take(t_[k]), take(t_[k + 1]), take(t_[k + 2]);
          j = k + 3;
          r.grouped = true;
        } else {
          break;
        }
      }
    }
    if (j + 1 < n_ && t_[j] == '.' && is_digit(t_[j + 1])) {
      ++j;
      while (j < n_ && is_digit(t_[j])) {
        take(t_[j++]);
        ++r.frac;
      }
      r.scale = r.frac;
      if (j + 1 < n_ && t_[j] == '.' && is_digit(t_[j + 1])) {  // 1.2.3, 180.76.149.248, 2016.12.21
        r.dotted = true;
        while (j + 1 < n_ && t_[j] == '.' && is_digit(t_[j + 1])) j = digits_end(j + 1);
      }
    }
    r.end = j;
    return r;
  }

  std::size_t arabic(std::size_t s) {
    bool neg = t_[s] == '-';
    std::size_t d0 = neg ? s + 1 : s;
    std::size_t de = digits_end(d0);
    if (de < n_ && (is_alpha(t_[de]) || t_[de] == '@' || t_[de] == '_')) return ascii_token(d0);
    Num num = read_arabic(d0);
    if (num.overflow) {
      skip(d0, num.end, SkipReason::too_long);
      return num.end;
    }
    if (!neg) {
      if (auto r = before_context(d0, num)) return *r;
    }
    if (num.dotted) return dotted(d0, num);
    if (!neg && num.scale == 0 && !num.grouped) {
      if (auto r = date_time(d0, num)) return *r;
      if (auto r = phone_pattern(d0, num)) return *r;
      if (auto r = section_arabic(d0, num)) return *r;
      if (auto r = number_hao(d0, num)) return *r;
    }
    if (!neg && num.scale > 0 && !num.grouped && num.int_end - d0 == 4 && year_like(num.coef / kPow10[num.scale]) &&
        num.frac <= 2) {  // 2016.12
      std::int64_t month = num.coef % kPow10[num.scale];
      std::size_t q = skip_spaces(num.end);
      if (month >= 1 && month <= 12 && !match_unit(q) && !match_mult(q)) {
        skip(d0, num.end, SkipReason::date);
        return num.end;
      }
    }
    Decimal v = Decimal::from_parts(neg ? -num.coef : num.coef, num.scale);
    return quantity(s, d0, num.end, v, /*chinese=*/false, /*needs_unit=*/false, num.int_end - d0, num.grouped);
  }
  static bool year_like(std::int64_t v) { return v >= 1900 && v <= 2099; }

  // What stands before the digits decides: registration ids, bracketed
  // document numbers, postcodes, phone numbers after 电话, page markers.
  std::optional<std::size_t> before_context(std::size_t d0, const Num& num) {
    std::size_t run = num.int_end - d0;
    std::size_t k = d0;
    for (int m = 0; m < 3 && k > 0; ++m) {  // skip ":" " " "(" between keyword and number
      if (t_[k - 1] == ':' || t_[k - 1] == ' ' || t_[k - 1] == '(') --k;
      else if (ends(k, "：") || ends(k, "（")) k -= 3;
      else break;
    }
    // registration and index numbers: ICP备05004400号-1, 索引号:014314799/2024-00002
    if (!ends_with_any(0, k, kIdKeyLex).empty()) {
      {
        std::size_t e = num.int_end;
        while (e < n_ && (is_alnum(t_[e]) || ((t_[e] == '/' || t_[e] == '-') && e + 1 < n_ && is_alnum(t_[e + 1]))))
          ++e;
        if (at(e, "号")) e = id_tail(e + 3);
        skip(d0, e, SkipReason::doc_number);
        return e;
      }
    }
    if (run == 6 && num.scale == 0 && !num.grouped && !ends_with_any(0, k, kPostKeyLex).empty()) {
      skip(d0, num.int_end, SkipReason::postcode);
      return num.int_end;
    }
    // phone numbers after a keyword: 电话:0373-3696072, 传真 3696073, 拨打12345
    if (run >= 3 && !ends_with_any(0, k, kPhoneKeyLex).empty()) {
      {
        std::size_t e = phone_chain(d0);
        skip(d0, e, SkipReason::phone);
        return e;
      }
    }
    // bracketed document numbers: 〔2016〕56号, [2014]32号, 【2016】1号, (2016)56号
    char32_t before = cp_before(d0);
    bool bracket = before == U'〔' || before == '[' || before == U'【' || before == U'［' || before == '(' ||
                   before == U'（';
    for (sv open : {sv("〔"), sv("["), sv("【"), sv("［"), sv("("), sv("（")}) {
      if (!bracket) break;
      if (!ends(d0, open)) continue;
      bool paren = open == "(" || open == "（";
      std::size_t b = d0 - open.size();
      std::size_t e = num.int_end;
      std::size_t close = 0;
      for (sv c : {sv("〕"), sv("]"), sv("】"), sv("］"), sv(")"), sv("）")})
        if (at(e, c)) close = c.size();
      if (run == 4 && year_like(num.coef) && num.scale == 0) {
        if (paren) {  // (2016)56号 only; (2016—2020年) is a year range
          std::size_t q = e + close;
          if (!close || !digit_at(q)) break;
          std::size_t qe = digits_end(q);
          if (!at(qe, "号")) break;
          skip(b, id_tail(qe + 3), SkipReason::doc_number);
          return item_end_;
        }
        e += close;
        if (close && digit_at(e)) {
          e = digits_end(e);
          if (at(e, "号")) e = id_tail(e + 3);
        }
        skip(b, e, SkipReason::doc_number);
        return e;
      }
      if (!paren && run <= 3 && close && num.scale == 0) {  // [1] reference marks
        skip(b, e + close, SkipReason::section_number);
        return e + close;
      }
      if (!paren && !close && run > 4 && year_like(int_at(d0, 4))) {
        skip(b, num.int_end, SkipReason::doc_number);  // 〔202130 (〕 lost in conversion)
        return num.int_end;
      }
      break;
    }
    // page markers of PDF conversions: "Page 9", "P. 9"
    if (before == ' ' || before == '.')
    for (sv kw : {sv("Page "), sv("page "), sv("P. "), sv("P."), sv("p. ")})
      if (ends(d0, kw)) {
        skip(d0, num.int_end, SkipReason::other);
        return num.int_end;
      }
    return std::nullopt;
  }
  std::size_t phone_chain(std::size_t p) const {
    std::size_t e = digits_end(p);
    while (true) {
      std::size_t d = phone_dash(e);
      if (!d && e < n_ && t_[e] == ')') d = 1;
      if (!d && at(e, "）")) d = 3;
      if (!d && at(e, "转")) d = 3;
      if (d && digit_at(e + d)) {
        e = digits_end(e + d);
        continue;
      }
      break;
    }
    return e;
  }

  // 1.2.3, 180.76.149.248 (other) and 2016.12.21 (date)
  std::size_t dotted(std::size_t d0, const Num& num) {
    bool date = num.int_end - d0 == 4 && year_like(int_at(d0, 4));
    skip(d0, num.end, date ? SkipReason::date : SkipReason::other);
    return num.end;
  }

  // After 月: 21日, 21号, 份, 初, 底, 中旬 ...
  std::size_t finish_month(std::size_t q) const {
    std::size_t p = skip_spaces(q);
    if (digit_at(p)) {
      std::size_t e = digits_end(p);
      std::size_t e2 = skip_spaces(e);
      if (e - p <= 2 && (at(e2, "日") || at(e2, "号"))) return e2 + 3;
      return q;
    }
    std::size_t c = p;
    while (cn_digit_at(c)) c += 3;
    if (c > p && (at(c, "日") || at(c, "号"))) return c + 3;
    for (sv s : {sv("上旬"), sv("中旬"), sv("下旬"), sv("份"), sv("初"), sv("底"), sv("末"), sv("中")})
      if (at(q, s)) return q + s.size();
    return q;
  }

  std::optional<std::size_t> date_time(std::size_t d0, const Num& num) {
    std::size_t e = num.int_end, run = e - d0;
    std::int64_t v = num.coef;
    std::size_t p = skip_spaces(e);
    if (run == 4 && year_like(v)) {
      if (at(p, "年")) {
        std::size_t q = skip_spaces(p + 3);
        if (digit_at(q)) {
          std::size_t me = digits_end(q);
          std::size_t mq = skip_spaces(me);
          if (me - q <= 2 && at(mq, "月")) {
            std::size_t r = finish_month(mq + 3);
            skip(d0, r, SkipReason::date);
            return r;
          }
        }
        std::size_t c = q;
        while (cn_digit_at(c)) c += 3;
        if (c > q && at(c, "月")) {
          std::size_t r = finish_month(c + 3);
          skip(d0, r, SkipReason::date);
          return r;
        }
        std::size_t r = p + 3;
        if (at(r, "度")) r += 3;
        skip(d0, r, SkipReason::year);
        return r;
      }
      if (std::size_t dl = range_dash(e)) {  // 2016—2020年, 2016-2020
        std::size_t q = e + dl;
        std::size_t qe = digits_end(q);
        if (qe - q == 4 && year_like(int_at(q, 4))) {
          std::size_t r = skip_spaces(qe);
          if (at(r, "年度")) r += 6;
          else if (at(r, "年")) r += 3;
          else r = qe;
          skip(d0, r, SkipReason::year);
          return r;
        }
      }
      if (e < n_ && (t_[e] == '-' || t_[e] == '/') && digit_at(e + 1)) {  // 2017-03-21, 2017/3/21
        std::size_t me = digits_end(e + 1);
        if (me - e - 1 <= 2) {
          std::size_t r = me;
          if (r + 1 < n_ && t_[r] == t_[e] && digit_at(r + 1) && digits_end(r + 1) - r - 1 <= 2) r = digits_end(r + 1);
          skip(d0, r, SkipReason::date);
          return r;
        }
      }
      if (at(p, "版")) {
        skip(d0, p + 3, SkipReason::year);
        return p + 3;
      }
    }
    // digits run together where 年/月 were lost (FORMATS.md E.1 §8): 2024121日, 20238月
    if (run >= 5 && run <= 8 && year_like(int_at(d0, 4)) && (at(p, "月") || (at(p, "日") && !at(p + 3, "内")))) {
      std::size_t r = at(p, "月") ? finish_month(p + 3) : p + 3;
      skip(d0, r, SkipReason::date);
      return r;
    }
    if (run <= 2) {
      if (at(p, "月")) {
        std::size_t r = finish_month(p + 3);
        skip(d0, r, SkipReason::date);
        return r;
      }
      if (at(p, "日") && v >= 1 && v <= 31 && !at(p + 3, "内") && !at(p + 3, "以内") && !at(p + 3, "之内")) {
        skip(d0, p + 3, SkipReason::date);
        return p + 3;
      }
      if (e + 2 < n_ && t_[e] == ':' && is_digit(t_[e + 1]) && is_digit(t_[e + 2]) && !digit_at(e + 3) && v <= 24) {
        std::size_t r = e + 3;
        if (r + 2 < n_ && t_[r] == ':' && is_digit(t_[r + 1]) && is_digit(t_[r + 2]) && !digit_at(r + 3)) r += 3;
        skip(d0, r, SkipReason::time);
        return r;
      }
      if ((at(p, "时") || at(p, "点")) && v <= 24) {
        std::size_t q = p + 3;
        bool clock = at(p, "时");
        if (digit_at(q)) {
          std::size_t me = digits_end(q);
          if (at(me, "分")) {
            q = me + 3;
            clock = true;
          }
        } else if (at(q, "半") || at(q, "整")) {
          q += 3;
          clock = true;
        }
        if (clock) {
          skip(d0, q, SkipReason::time);
          return q;
        }
      }
    }
    if (at(p, "年代") && run <= 4) {
      skip(d0, p + 6, SkipReason::date);
      return p + 6;
    }
    return std::nullopt;
  }

  std::optional<std::size_t> phone_pattern(std::size_t d0, const Num& num) {
    std::size_t e = num.int_end, run = e - d0;
    if (t_[d0] == '0' && run >= 3 && run <= 4) {  // 0373-3696072, 0373—3696072
      if (std::size_t d = phone_dash(e)) {
        std::size_t q = digits_end(e + d);
        if (q - e - d >= 7 && q - e - d <= 8) {
          std::size_t r = phone_chain(d0);
          skip(d0, r, SkipReason::phone);
          return r;
        }
      }
      bool open = (d0 > 0 && t_[d0 - 1] == '(') || ends(d0, "（");
      std::size_t c = e < n_ && t_[e] == ')' ? 1 : at(e, "）") ? 3 : 0;
      if (open && c) {  // (0373)3696072
        std::size_t q = digits_end(e + c);
        if (q - e - c >= 7 && q - e - c <= 8) {
          skip(d0 - (t_[d0 - 1] == '(' ? 1 : 3), q, SkipReason::phone);
          return q;
        }
      }
    }
    if (run == 11 && t_[d0] == '1' && t_[d0 + 1] >= '3' && t_[d0 + 1] <= '9' && !match_unit(skip_spaces(e))) {
      skip(d0, e, SkipReason::phone);  // mobile
      return e;
    }
    if (run == 3 && (num.coef == 400 || num.coef == 800) && phone_dash(e)) {
      std::size_t r = phone_chain(d0);
      if (r - d0 >= 10) {
        skip(d0, r, SkipReason::phone);
        return r;
      }
    }
    if (run == 5 && at(d0, "123")) {  // 12345 政务服务便民热线 and the other 123xx service lines
      bool hotline = ends(back_spaces(d0), "拨打") || ends(back_spaces(d0), "畅通");
      for (std::size_t q = e, m = 0; !hotline && q < n_ && m < 10; ++m) {
        if (at(q, "热线") || at(q, "平台") || at(q, "便民") || at(q, "服务")) hotline = true;
        Cp c = decode(t_, q);
        if (c.cp < 0x80 && c.cp != ' ') break;
        if (is_clause_cp(c.cp) || c.cp == U'、') break;
        q += c.len;
      }
      if (hotline) {
        skip(d0, e, SkipReason::phone);
        return e;
      }
    }
    return std::nullopt;
  }

  std::optional<std::size_t> section_arabic(std::size_t d0, const Num& num) {
    std::size_t e = num.int_end;
    if (e - d0 > 2) return std::nullopt;
    bool head = d0 == head_end_;
    if (head) {
      if (e < n_ && t_[e] == '.' && !digit_at(e + 1)) return sect(d0, e + 1);
      if (at(e, "．") && !digit_at(e + 3)) return sect(d0, e + 3);
      if (e < n_ && t_[e] == ')') return sect(d0, e + 1);
      if (at(e, "）")) return sect(d0, e + 3);
    }
    if (at(e, "、") && boundary_before(d0)) return sect(d0, e + 3);
    bool open = (d0 > 0 && t_[d0 - 1] == '(') || ends(d0, "（");
    std::size_t c = e < n_ && t_[e] == ')' ? 1 : at(e, "）") ? 3 : 0;
    if (open && c) return sect(d0 - (t_[d0 - 1] == '(' ? 1 : 3), e + c);
    if (e < n_ && t_[e] == '.' && !digit_at(e + 1) && boundary_before(d0) && e + 1 < n_ && t_[e + 1] != ' ' &&
        (static_cast<unsigned char>(t_[e + 1]) >= 0x80)) {
      // "。2.加强…" in running text
      return sect(d0, e + 1);
    }
    return std::nullopt;
  }
  std::size_t sect(std::size_t b, std::size_t e) {
    skip(b, e, SkipReason::section_number);
    return e;
  }

  // N号: a document number (1号文件), an address (甲1号, 88号) or a day (21号).
  std::optional<std::size_t> number_hao(std::size_t d0, const Num& num) {
    std::size_t e = num.int_end;
    std::size_t p = skip_spaces(e);
    if (!at(p, "号")) return std::nullopt;
    std::size_t r = p + 3;
    char32_t prev = cp_before(d0);
    bool address = false;
    for (char32_t a : {U'路', U'街', U'巷', U'弄', U'道', U'里', U'村', U'甲', U'乙', U'丙', U'丁', U'庄', U'屯'})
      address |= prev == a;
    for (sv s : {sv("楼"), sv("院"), sv("门"), sv("室"), sv("大院"), sv("大楼")}) address |= at(r, s);
    SkipReason reason = SkipReason::doc_number;
    if (at(r, "文件") || at(r, "文") || at(r, "令")) reason = SkipReason::doc_number;
    else if (address) reason = SkipReason::address;
    else if (e - d0 <= 2 && num.coef >= 1 && num.coef <= 31) reason = SkipReason::date;
    r = id_tail(r);
    skip(d0, r, reason);
    return r;
  }

  // ---- Chinese numerals
  std::size_t chinese(std::size_t i) {
    if (auto w = match_word(i)) {
      skip(w->b, w->e, w->r);
      return w->e;
    }
    std::size_t j = i, chars = 0;
    while (j < n_) {
      char32_t c = cp_at(j);
      if (cn_digit(c) >= 0 || cn_unit(c) > 0) {
        j += 3;
        ++chars;
      } else if (c == U'点' && j > i && is_numeral_start(cp_at(j + 3)) && cn_digit(cp_at(j + 3)) >= 0) {
        j += 3;
        ++chars;
      } else {
        break;
      }
    }
    if (chars > kMaxChineseRun) {
      skip(i, j, SkipReason::too_long);
      return j;
    }
    // 十万元: the multiplier before 元 belongs to the money unit
    std::size_t vend = j;
    if (chars >= 2 && (ends(j, "万") || ends(j, "亿")) && at(j, "元")) {
      vend = j - 3;  // not in 一亿二千万元, where 万 is a place inside the number
      for (std::size_t k = i; k < vend; k += 3)
        if (cn_unit(cp_at(k)) >= 4) vend = j;
    }
    std::optional<CnValue> cv = parse_cn(i, vend);
    if (!cv) {
      skip(i, j, SkipReason::word);
      return j;
    }
    if (cv->overflow) {
      skip(i, j, SkipReason::too_long);
      return j;
    }
    std::size_t e = vend;
    // section numbers: 一、 (一) （一）
    if (at(e, "、") && boundary_before(i)) return sect(i, e + 3);
    bool open = (i > 0 && t_[i - 1] == '(') || ends(i, "（");
    std::size_t c = e < n_ && t_[e] == ')' ? 1 : at(e, "）") ? 3 : 0;
    if (open && c && cv->kind != CnKind::pair) return sect(i - (t_[i - 1] == '(' ? 1 : 3), e + c);
    if (cv->kind == CnKind::single && at(e, "是")) {  // 一是 二是 …
      skip(i, e + 3, SkipReason::word);
      return e + 3;
    }
    if (cv->kind == CnKind::pair) {  // 三四个, 七八十: an approximate range, read as a word
      skip(i, j, SkipReason::word);
      return j;
    }
    std::size_t p = skip_spaces(e);
    bool integer = cv->value.scale() == 0;
    std::int64_t iv = cv->value.coefficient();
    if (cv->kind == CnKind::digits && chars == 4 && at(p, "年")) {  // 二〇一六年
      std::size_t q = p + 3;
      std::size_t m = q;
      while (cn_digit_at(m)) m += 3;
      if (m > q && at(m, "月")) {
        std::size_t r = finish_month(m + 3);
        skip(i, r, SkipReason::date);
        return r;
      }
      if (at(q, "度")) q += 3;
      skip(i, q, SkipReason::year);
      return q;
    }
    if (integer && iv >= 1 && iv <= 12 && at(p, "月")) {
      std::size_t r = finish_month(p + 3);
      skip(i, r, SkipReason::date);
      return r;
    }
    if ((at(p, "日") || at(p, "号")) && integer && iv >= 1 && iv <= 31 && !at(p + 3, "内") && !at(p + 3, "以内") &&
        !at(p + 3, "之内")) {
      skip(i, p + 3, SkipReason::date);
      return p + 3;
    }
    if (at(p, "届") || at(p, "中全会")) {
      std::size_t r = p + (at(p, "届") ? 3 : 9);
      skip(i, r, SkipReason::ordinal);
      return r;
    }
    if (at(p, "年代") || at(p, "季度")) {
      skip(i, p + 6, SkipReason::date);
      return p + 6;
    }
    bool needs_unit = cv->kind != CnKind::positional || chars < 2;
    return quantity(i, i, e, cv->value, /*chinese=*/true, needs_unit, chars, false);
  }

  // Parses the numeral characters in [b, e). nullopt when malformed (十四五).
  std::optional<CnValue> parse_cn(std::size_t b, std::size_t e) const {
    std::size_t point = npos;
    for (std::size_t k = b; k < e; k += 3) {
      if (cp_at(k) != U'点') continue;
      if (point != npos) return std::nullopt;
      point = k;
    }
    int tail = 0;  // 一点五万: a multiplier after the decimals
    if (point != npos && e >= point + 6 && cn_unit(cp_at(e - 3)) >= 4) {
      tail = cn_unit(cp_at(e - 3));
      e -= 3;
    }
    std::size_t chars = (e - b) / 3;
    bool positional = false;
    for (std::size_t k = b; k < e; k += 3)
      if (cn_unit(cp_at(k))) positional = true;
    CnValue r{};
    std::size_t int_end = point == npos ? e : point;
    if (!positional) {
      std::size_t ichars = (int_end - b) / 3;
      if (chars == 1) r.kind = CnKind::single;
      else if (ichars == 2 && point == npos && cp_at(b) != U'〇' && cp_at(b + 3) != U'〇' && cp_at(b) != U'零')
        r.kind = CnKind::pair;
      else r.kind = CnKind::digits;
      if (r.kind == CnKind::pair) {
        r.value = Decimal(cn_digit(cp_at(b)));
        return r;
      }
      std::int64_t v = 0;
      int digits = 0;
      for (std::size_t k = b; k < int_end; k += 3) {
        if (++digits > kMaxDigits) {
          r.overflow = true;
          return r;
        }
        v = v * 10 + cn_digit(cp_at(k));
      }
      return with_fraction(r, v, point, e, tail);
    }
    r.kind = CnKind::positional;
    // positional: 一万零十二, 两千零五, 三万四千, 一亿二千万, colloquial 一百二, 三万四
    std::int64_t total = 0, section = 0;
    int pend = -1;       // a digit waiting for its place
    int last_small = 4;  // place of the last 十百千 in this section (4 = none yet)
    int last_big = 99;   // place of the last 万/亿
    bool zero = false;   // a 零 since the last place
    int last_place = 0;  // place of the last place character (for colloquial tails)
    bool any = false;
    for (std::size_t k = b; k < int_end; k += 3) {
      char32_t c = cp_at(k);
      int d = cn_digit(c);
      if (d >= 0) {
        if (d == 0) {
          if (pend > 0) return std::nullopt;
          zero = true;
          pend = -1;
          continue;
        }
        if (pend > 0) return std::nullopt;  // two digits without a place: 十四五
        pend = d;
        any = true;
        continue;
      }
      int u = cn_unit(c);
      if (u <= 3) {
        std::int64_t mult = pend > 0 ? pend : ((u == 1 && (!any || zero)) ? 1 : -1);
        if (mult < 0) return std::nullopt;
        if (u >= last_small) return std::nullopt;
        section += mult * kPow10[u];
        last_small = u;
        last_place = u;
        pend = -1;
        zero = false;
        any = true;
      } else {  // 万 (4) or 亿 (8)
        if (pend > 0) section += pend;
        pend = -1;
        if (section == 0 && total == 0) return std::nullopt;
        if (u == 4) {
          if (last_big <= 4) return std::nullopt;
          if (__builtin_mul_overflow(section, kPow10[4], &section) || __builtin_add_overflow(total, section, &total)) {
            r.overflow = true;
            return r;
          }
        } else {
          if (last_big <= 8 && last_big != 4) return std::nullopt;
          std::int64_t s = 0;
          if (__builtin_add_overflow(total, section, &s) || __builtin_mul_overflow(s, kPow10[8], &total)) {
            r.overflow = true;
            return r;
          }
        }
        section = 0;
        last_small = 4;
        last_big = u;
        last_place = u;
        zero = false;
      }
    }
    if (pend > 0) {
      // colloquial tail: 一百二 = 120, 两千五 = 2500, 三万四 = 34000 (not after 零 or 十)
      if (!zero && last_place >= 2 && point == npos) {
        int place = last_place == 4 ? 3 : last_place == 8 ? 7 : last_place - 1;
        if (place <= 3) section += pend * kPow10[place];
        else if (__builtin_add_overflow(total, pend * kPow10[place], &total)) {
          r.overflow = true;
          return r;
        }
      } else {
        section += pend;
      }
    }
    std::int64_t v;
    if (__builtin_add_overflow(total, section, &v)) {
      r.overflow = true;
      return r;
    }
    return with_fraction(r, v, point, e, tail);
  }
  std::optional<CnValue> with_fraction(CnValue r, std::int64_t v, std::size_t point, std::size_t e,
                                       int tail = 0) const {
    if (point == npos) {
      r.value = Decimal(v);
      return r;
    }
    std::int64_t coef = v;
    int scale = 0;
    for (std::size_t k = point + 3; k < e; k += 3) {
      int d = cn_digit(cp_at(k));
      if (d < 0) return std::nullopt;  // 点 followed by a place character
      if (scale >= kMaxDigits || __builtin_mul_overflow(coef, 10, &coef) || __builtin_add_overflow(coef, d, &coef)) {
        r.overflow = true;
        return r;
      }
      ++scale;
    }
    r.value = Decimal::from_parts(coef, scale);
    if (tail) {
      auto scaled = Decimal::shift(r.value, tail);
      if (!scaled) r.overflow = true;
      else r.value = *scaled;
    }
    return r;
  }

  // 百分之八十三点三, 百分之83.3, 百分之百
  std::size_t cn_percent(std::size_t i) {
    std::size_t p = i + 9;
    Decimal v;
    std::size_t e;
    if (digit_at(p)) {
      Num num = read_arabic(p);
      if (num.overflow || num.dotted || num.grouped) return i + 3;
      v = Decimal::from_parts(num.coef, num.scale);
      e = num.end;
    } else if (at(p, "百")) {
      v = Decimal(100);
      e = p + 3;
    } else if (is_numeral_start(cp_at(p))) {
      std::size_t j = p;
      while (j < n_ && (cn_digit_at(j) || (at(j, "点") && cn_digit(cp_at(j + 3)) >= 0))) j += 3;
      auto cv = parse_cn(p, j);
      if (!cv || cv->overflow || cv->kind == CnKind::pair) return i + 3;
      v = cv->value;
      e = j;
    } else {
      return i + 3;
    }
    static constexpr UnitDef kPercent{"%", UnitKind::percent};
    std::size_t end = e;
    Ap ap = post_qual(end, &kPercent);
    auto [pre, label_end] = pre_qual(i, &kPercent);
    if (ap == Ap::none) ap = pre;
    return emit(i, p, e, v, "%", Span{i, i + 9}, ap, end, label_end);
  }

  // ---- qualifiers
  // After the unit (or the number): 以上 左右 以下 …; 1年多, 3个月余. Advances p.
  Ap post_qual(std::size_t& p, const UnitDef* unit) const {
    for (const Qual& pq : kPostQuals)
      if (at(p, pq.text)) {
        p += pq.text.size();
        return pq.ap;
      }
    if (unit && unit->kind == UnitKind::time && (at(p, "多") || at(p, "余"))) {
      p += 3;
      return Ap::more;
    }
    return Ap::none;
  }
  // Before the number at s: 约 超过 近 不到 …; returns it and where the label window ends.
  std::pair<Ap, std::size_t> pre_qual(std::size_t s, const UnitDef* unit) const {
    std::size_t pre_b = back_spaces(s);
    // longest first: the candidates with the right last character, by length
    const Qual* cand[8] = {};
    std::size_t nc = 0;
    kPreQualLex.each_last(hash_before(pre_b), [&](const Qual& q) {
      if (nc < 8) cand[nc++] = &q;
    });
    for (std::size_t x = 1; x < nc; ++x)  // by length, longest first
      for (std::size_t y = x; y > 0 && cand[y]->text.size() > cand[y - 1]->text.size(); --y) std::swap(cand[y], cand[y - 1]);
    for (std::size_t ci = 0; ci < nc; ++ci) {
      const Qual& pq = *cand[ci];
      if (pre_b < item_end_ + pq.text.size() || !ends(pre_b, pq.text)) continue;
      std::size_t qb = pre_b - pq.text.size();
      char32_t b = cp_before(qb);
      if (pq.text == "近") {
        if (b == U'最' || b == U'临' || b == U'附' || b == U'靠' || b == U'邻' || b == U'接' || b == U'将') continue;
        if (unit && unit->kind == UnitKind::time) continue;  // 近三年: the last three years
      }
      if (pq.text == "约") {
        if (b == U'节' || b == U'制' || b == U'预' || b == U'契' || b == U'签' || b == U'邀' || b == U'相') continue;
      }
      if (pq.text == "超" && (b == U'赶' || b == U'高')) continue;
      return {pq.ap, qb};
    }
    return {Ap::none, pre_b};
  }

  // ---- quantities
  // s: first byte (sign included); d0: first numeral; e: end of the numerals.
  std::size_t quantity(std::size_t s, std::size_t d0, std::size_t e, Decimal v, bool chinese, bool needs_unit,
                       std::size_t run, bool grouped) {
    std::size_t p = e;
    Ap ap = Ap::none;
    const UnitDef* unit = nullptr;
    Span unit_span{};
    bool mult = false, overflow = false;
    auto take_unit = [&](std::size_t q) {
      std::size_t size = 0;  // 7大项36小项: 大/小 before a count unit is part of it
      if ((at(q, "大") || at(q, "小")) && !at(q, "小时")) size = 3;
      const UnitDef* u = match_unit(q + size);
      if (u && size && u->kind != UnitKind::count) u = nullptr;
      if (!u) return false;
      unit = u;
      unit_span = {q, q + size + u->text.size()};
      p = unit_span.end;
      return true;
    };
    // 万 亿 千 …, and the compound forms 3万4000, 1亿2000万
    auto take_mult = [&](std::size_t q) {
      const Mult* m = match_mult(q);
      if (!m) return;
      auto scaled = Decimal::shift(v, m->exp);
      if (!scaled) {
        overflow = true;
        return;
      }
      v = *scaled;
      mult = true;
      p = q + m->text.size();
      int place = m->exp;
      while (digit_at(p)) {
        std::size_t r1 = digits_end(p);
        if (r1 - p > 12) break;
        std::int64_t rv = int_at(p, r1 - p);
        const Mult* m2 = match_mult(r1);
        if (m2 && m2->exp < place) {
          if (place - m2->exp > 12 || rv >= kPow10[place - m2->exp]) break;
          auto sum = Decimal::add(v, Decimal(rv * kPow10[m2->exp]));
          if (!sum) break;
          v = *sum;
          p = r1 + m2->text.size();
          place = m2->exp;
          continue;
        }
        if (!m2 && static_cast<int>(r1 - p) == place) {
          if (auto sum = Decimal::add(v, Decimal(rv))) {
            v = *sum;
            p = r1;
          }
        }
        break;
      }
    };
    std::size_t q = skip_spaces(p);
    if (!take_unit(q)) {
      if (!chinese) take_mult(q);
      if (at(p, "余") || at(p, "多")) {  // 140余人, 24.8万多条, 10余万元
        ap = Ap::more;
        p += 3;
        if (!take_unit(p) && !mult) {
          take_mult(p);
          take_unit(skip_spaces(p));
        }
      } else {
        take_unit(skip_spaces(p));
      }
    }
    if (overflow) {
      skip(d0, p, SkipReason::too_long);
      return std::max(p, d0 + 1);
    }
    if (Ap post = post_qual(p, unit); post != Ap::none) ap = post;
    auto [pre, label_end] = pre_qual(s, unit);
    if (ap == Ap::none) ap = pre;
    if (!unit && !mult) {
      if (needs_unit) {
        skip(d0, e, SkipReason::word);
        return e;
      }
      // a bare year: 2016 standing alone
      if (!chinese && ap == Ap::none && run == 4 && !grouped && v.scale() == 0 && year_like(v.coefficient())) {
        skip(d0, e, SkipReason::year);
        return e;
      }
    }
    sv unit_text = unit ? t_.substr(unit_span.begin, unit_span.size()) : sv{};
    if (unit_text == "％") unit_text = "%";
    return emit(s, d0, e, v, unit_text, unit ? unit_span : Span{}, ap, p, label_end);
  }

  std::size_t emit(std::size_t s, std::size_t d0, std::size_t e, Decimal v, sv unit, Span unit_span, Ap ap,
                   std::size_t end, std::size_t label_end) {
    Quantity q;
    q.value = v;
    q.unit = std::string(unit);
    q.approx = to_approx(ap);
    q.span = {base_ + s, base_ + end};
    QuantityContext c;
    c.number = {base_ + d0, base_ + e};
    if (!unit_span.empty()) c.set_unit({base_ + unit_span.begin, base_ + unit_span.end});
    c.set_part_of(part_of_);
    c.sentence = sentence_;
    c.clause = clause_;
    analyse_label(label_end, unit == "%", q, c);
    // lists: "分别为25件、23件和13件"
    bool continues = false;
    if (last_q_ != npos && last_q_end_ == item_end_ && last_q_end_ <= label_end) {
      continues = only_separators(last_q_end_, label_end) && last_q_sentence_ == sentence_;
    }
    if (continues) {
      std::size_t prev = qs_.size() - 1;
      QuantityContext* pc = ctx_ ? &(*ctx_)[ctx_->size() - 1] : nullptr;
      int prev_index = pc ? pc->list_index : last_list_index_;
      if (prev_index < 0) {
        prev_index = 0;
        if (pc) pc->list_index = 0;
      }
      c.list_index = prev_index + 1;
      {  // the window held only separators: the label is the one of the list
        q.label = qs_[prev].label;
        c.set_label({});
        if (pc) {
          c.set_label(pc->label());
          c.set_scope(pc->scope());
          c.set_verb(pc->verb());
          c.set_marker(pc->marker_id());
          c.share = pc->share;
        }
      }
      // 分别为25、23、13件: earlier items without a unit take this one
      if (!q.unit.empty()) {
        for (std::size_t k = qs_.size(); k > q0_; --k) {
          Quantity& pq = qs_[k - 1];
          if (!pq.unit.empty()) break;
          int idx = ctx_ ? (*ctx_)[k - 1].list_index : 0;
          pq.unit = q.unit;
          if (idx <= 0) break;
        }
      }
    } else if (c.marker().substr(0, std::min<std::size_t>(c.marker().size(), 6)) == "分别") {
      c.list_index = 0;
    }
    if (unit == "%" && q.label.empty() && last_q_ != npos && last_q_end_ == item_end_ && last_q_end_ <= label_end) {
      std::size_t k = trim_front(last_q_end_, label_end);  // only "(" (and spaces) between them
      bool paren = k == label_end && label_end > last_q_end_ &&
                   (t_.substr(last_q_end_, label_end - last_q_end_).find('(') != sv::npos ||
                    t_.substr(last_q_end_, label_end - last_q_end_).find("（") != sv::npos);
      if (paren) c.share = true;
    }
    last_list_index_ = c.list_index;
    qs_.push_back(std::move(q));
    if (ctx_) ctx_->push_back(c);
    last_q_ = qs_.size() - 1;
    last_q_end_ = end;
    last_q_sentence_ = sentence_;
    item_end_ = end;
    return end;
  }

  bool only_separators(std::size_t b, std::size_t e) const {
    std::size_t k = b;
    bool sep = false;  // spaces alone do not make a list
    while (k < e) {
      if (t_[k] == ' ') {
        ++k;
        continue;
      }
      bool ok = false;
      for (sv x : {sv("、"), sv("和"), sv("及"), sv("与"), sv("以及"), sv("或"), sv("/")})
        if (at(k, x)) {
          k += x.size();
          ok = true;
          break;
        }
      if (!ok) return false;
      sep = true;
    }
    return sep;
  }

  // ---- labels (see context.hpp)
  std::size_t align_forward(std::size_t k) const {
    while (k < n_ && (static_cast<unsigned char>(t_[k]) & 0xC0) == 0x80) ++k;
    return k;
  }
  template <class T, std::size_t N>
  sv starts_with_any(std::size_t b, std::size_t e, const Lexicon<T, N>& list) const {
    sv best;
    if (b >= e) return best;
    list.each_first(hash_at(b), [&](const T& x) {
      sv w = text_of(x);
      if (w.size() > best.size() && b + w.size() <= e && at(b, w)) best = w;
    });
    return best;
  }
  template <class T, std::size_t N>
  sv ends_with_any(std::size_t b, std::size_t e, const Lexicon<T, N>& list) const {
    sv best;
    if (e <= b) return best;
    list.each_last(hash_before(e), [&](const T& x) {
      sv w = text_of(x);
      if (w.size() > best.size() && e >= b + w.size() && ends(e, w)) best = w;
    });
    return best;
  }
  // Punctuation, spaces and quotes at either end of a label.
  std::size_t trim_front(std::size_t b, std::size_t e) const {
    while (b < e) {
      Cp c = decode(t_, b);
      bool junk = c.cp == ' ' || c.cp == '\t' || c.cp == '"' || c.cp == '\'' || c.cp == '(' || c.cp == ')' ||
                  c.cp == ',' || c.cp == '.' || c.cp == ';' || c.cp == ':' || c.cp == '-' || c.cp == U'、' ||
                  c.cp == U'“' || c.cp == U'”' || c.cp == U'‘' || c.cp == U'’' || c.cp == U'「' || c.cp == U'」' ||
                  c.cp == U'—' || c.cp == U'》' || c.cp == U'）' || c.cp == U'（';
      if (!junk) break;
      b += c.len;
    }
    return b;
  }
  std::size_t trim_back(std::size_t b, std::size_t e) const {
    while (e > b) {
      char32_t c = cp_before(e);
      bool junk = c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == ',' || c == ':' ||
                  c == U'、' || c == U'“' || c == U'”' || c == U'‘' || c == U'’' || c == U'「' || c == U'」' ||
                  c == U'（' || c == U'—';
      if (!junk) break;
      std::size_t k = e - 1;
      while (k > b && (static_cast<unsigned char>(t_[k]) & 0xC0) == 0x80) --k;
      e = k;
    }
    return e;
  }

  // A guarded word of `list` ending at e (longest), or empty.
  template <std::size_t N>
  sv guarded_end(std::size_t b, std::size_t e, const Lexicon<Guarded, N>& list) const {
    sv best;
    if (e <= b) return best;
    list.each_last(hash_before(e), [&](const Guarded& g) {
      if (g.text.size() <= best.size() || e < b + g.text.size() || !ends(e, g.text)) return;
      if (guard_hit(g, e - g.text.size())) return;
      best = g.text;
    });
    return best;
  }
  // The character before `k` makes the word part of a longer word.
  bool guard_hit(const Guarded& g, std::size_t k) const {
    if (g.not_after.empty() || k < 3) return false;
    for (std::size_t x = 0; x + 3 <= g.not_after.size(); x += 3)
      if (same(t_.data() + k - 3, g.not_after.substr(x, 3))) return true;
    return false;
  }
  // Trailing particles off [b, e): "为" "的" "各" … (not the 为 of 行为).
  std::size_t strip_trailing(std::size_t b, std::size_t e, bool keep_one) const {
    for (int guard = 0; guard < 6; ++guard) {
      e = trim_back(b, e);
      sv tr = guarded_end(b, e, kTrailingLex);
      if (tr.empty() || (keep_one && e - tr.size() <= b)) break;
      e -= tr.size();
    }
    return trim_back(b, e);
  }

  void analyse_label(std::size_t we, bool percent, Quantity& q, QuantityContext& c) const {
    std::size_t ws = std::max(clause_start_, item_end_);
    if (we < ws) ws = we;
    if (we - ws > kLabelWindow) ws = align_forward(we - kLabelWindow);
    c.set_window({base_ + ws, base_ + we});
    std::size_t b = trim_front(ws, we), e = we;
    // the connective that ends last splits the window: prefix | marker | rest
    std::size_t mpos = npos, mend = 0;
    sv marker;
    for (std::size_t k = b; k < e; k += decode(t_, k).len) {
      kMarkerLex.each_first(hash_at(k), [&](const Guarded& g) {
        if (k + g.text.size() > e || !at(k, g.text) || guard_hit(g, k)) return;
        if ((g.text == "达" || g.text == "达到") && k + g.text.size() != e) return;  // only right before the number
        if (g.text == "占" && (at(k + 3, "用") || at(k + 3, "据") || at(k + 3, "领") || at(k + 3, "有"))) return;
        if (g.text == "占比" && (at(k + 6, "重") || at(k + 6, "例") || at(k + 6, "率"))) return;  // 所占比重为
        if (mpos == npos || k + g.text.size() > mend || (k + g.text.size() == mend && k < mpos)) {
          mpos = k;
          mend = k + g.text.size();
          marker = g.text;
        }
      });
    }
    std::size_t prefix_b = b, prefix_e = b, rest_b = b, rest_e = e;
    if (mpos != npos) {
      prefix_e = mpos;
      rest_b = mend;
      c.set_marker(marker_id(marker));
      if (trim_front(rest_b, rest_e) >= rest_e) {  // "共有938人": the label stands before the marker
        rest_b = b;
        rest_e = mpos;
        prefix_e = b;
      }
    }
    rest_b = trim_front(rest_b, rest_e);
    rest_e = trim_back(rest_b, rest_e);
    // scope inside the rest: "市级行政机关及企事业单位|公开信息", "各县(市)区|回应" (not inside quotes)
    std::size_t split = npos;
    int quote = 0;
    for (std::size_t k = rest_b; k < rest_e;) {
      Cp cp = decode(t_, k);
      if (cp.cp == U'“' || cp.cp == U'《') ++quote;
      if ((cp.cp == U'”' || cp.cp == U'》') && quote > 0) --quote;
      std::size_t after = k + cp.len;
      if (!quote && after < rest_e && !ends_with_any(rest_b, after, kScopeEndLex).empty() &&
          scope_trigger(after, rest_e)) {
        split = after;
        break;
      }
      k = after;
    }
    if (split != npos && !scope_start_ok(rest_b, split)) split = npos;
    std::size_t sb = prefix_b, se = prefix_e;
    if (split != npos) {
      if (prefix_e <= prefix_b) sb = rest_b;
      se = split;
      rest_b = split;
    }
    clean_scope(sb, se, c);
    // a quoted category: 分为“涉及商业秘密”的1件 -> 涉及商业秘密
    std::size_t qe = strip_trailing(rest_b, rest_e, false);
    bool quoted = false;
    if (at(qe, "”") && qe < rest_e) {
      for (std::size_t k = qe; k > rest_b;) {
        k -= 1;
        while (k > rest_b && (static_cast<unsigned char>(t_[k]) & 0xC0) == 0x80) --k;
        if (at(k, "“")) {
          if (qe > k + 3) {
            rest_b = k + 3;
            rest_e = qe;
            quoted = true;
          }
          break;
        }
      }
    }
    // leading adverbs (dropped) and light verbs (recorded), while something remains
    for (int guard = 0; guard < 8 && rest_b < rest_e && !quoted; ++guard) {
      sv a = starts_with_any(rest_b, rest_e, kAdverbLex);
      if (sv va = starts_with_any(rest_b, rest_e, kVerbAdverbLex); va.size() > a.size()) {
        std::size_t nb = rest_b + va.size();
        if (!starts_with_any(nb, rest_e, kVerbLex).empty()) a = va;
      }
      sv v = starts_with_any(rest_b, rest_e, kVerbLex);
      if (a == "在" && (at(rest_b + 3, "线") || at(rest_b + 3, "职") || at(rest_b + 3, "编") || at(rest_b + 3, "岗")))
        a = {};
      bool verb = v.size() > a.size();
      sv w = verb ? v : a;
      if (w.empty()) break;
      std::size_t nb = trim_front(rest_b + w.size(), rest_e);
      if (verb && strip_trailing(nb, rest_e, false) <= nb) break;  // a verb alone stays: "受理90件"
      if (verb) c.set_verb({base_ + rest_b, base_ + rest_b + v.size()});
      rest_b = nb;
    }
    rest_e = strip_trailing(rest_b, rest_e, false);
    rest_b = trim_front(rest_b, rest_e);
    // a label that only names who ("其中市级机关74件", "红旗区2件") is a scope
    if (!quoted && split == npos && rest_e > rest_b && !ends_with_any(rest_b, rest_e, kScopeEndLex).empty() &&
        scope_start_ok(rest_b, rest_e) && !has_verb(rest_b, rest_e)) {
      clean_scope(rest_b, rest_e, c);
      rest_b = rest_e;
    }
    if (rest_e > rest_b) {
      c.set_label({base_ + rest_b, base_ + rest_e});
      q.label.assign(t_.substr(rest_b, rest_e - rest_b));
    }
    if (percent) {
      sv l = t_.substr(rest_b, rest_e - rest_b);
      auto ends_l = [&](sv x) { return l.size() >= x.size() && l.substr(l.size() - x.size()) == x; };
      c.share = marker == "占" || marker == "占比" || marker == "分别占" || ends_l("比例") || ends_l("比重") ||
                ends_l("占比");
    }
  }
  // The scope without connectives and adverbs at its ends ("全年共" is no scope).
  void clean_scope(std::size_t b, std::size_t e, QuantityContext& c) const {
    for (int guard = 0; guard < 6 && b < e; ++guard) {
      b = trim_front(b, e);
      e = trim_back(b, e);
      sv f = starts_with_any(b, e, kScopeTrimLex);
      sv l = ends_with_any(b, e, kScopeTrimLex);
      if (f.empty() && l.empty()) break;
      if (!f.empty()) b += f.size();
      else e -= l.size();
    }
    if (e >= b + 3 && ends(e, "中")) e -= 3;
    if (e > b) c.set_scope({base_ + b, base_ + e});
  }
  // A scope names who; it does not start with a negation or a verb ("不属于本行政机关").
  bool scope_start_ok(std::size_t b, std::size_t e) const {
    if (at(b, "不") || at(b, "未") || at(b, "没") || at(b, "属") || at(b, "被")) return false;
    return starts_with_any(b, e, kVerbLex).empty() && starts_with_any(b, e, kContentVerbLex).empty();
  }
  bool has_verb(std::size_t b, std::size_t e) const {
    for (std::size_t k = b; k < e; k += decode(t_, k).len)
      if (!starts_with_any(k, e, kVerbLex).empty() || !starts_with_any(k, e, kContentVerbLex).empty()) return true;
    return false;
  }
  bool scope_trigger(std::size_t k, std::size_t e) const {
    return !starts_with_any(k, e, kVerbLex).empty() || !starts_with_any(k, e, kContentVerbLex).empty() ||
           !starts_with_any(k, e, kScopeTriggerLex).empty();
  }

  // ---- state
  sv t_;
  std::size_t n_;
  std::size_t base_;
  std::vector<Quantity>& qs_;
  std::vector<Skipped>& sk_;
  std::vector<QuantityContext>* ctx_;
  std::size_t q0_;
  std::size_t line_begin_ = 0, head_end_ = 0, clause_start_ = 0, item_end_ = 0;
  std::size_t last_q_ = npos, last_q_end_ = npos;
  int last_q_sentence_ = -1, last_list_index_ = -1;
  int sentence_ = 0, clause_ = 0;
  std::uint8_t part_of_ = 0;  // marker id of 其中/分别/包括 seen in this sentence
  // 《 search memo: the last search for 》 started at close_from_ and ended at close_pos_
  std::size_t close_from_ = 1, close_pos_ = 0;
  bool close_found_ = false;
};

}  // namespace

void scan(std::string_view text, std::size_t base_offset, std::vector<Quantity>& quantities,
          std::vector<Skipped>& skipped, std::vector<QuantityContext>* context) {
  Scanner(text, base_offset, quantities, skipped, context).run();
}

std::string_view to_string(SkipReason r) noexcept {
  switch (r) {
    case SkipReason::date: return "date";
    case SkipReason::time: return "time";
    case SkipReason::ordinal: return "ordinal";
    case SkipReason::doc_number: return "doc_number";
    case SkipReason::phone: return "phone";
    case SkipReason::postcode: return "postcode";
    case SkipReason::url: return "url";
    case SkipReason::email: return "email";
    case SkipReason::year: return "year";
    case SkipReason::section_number: return "section_number";
    case SkipReason::law_name: return "law_name";
    case SkipReason::word: return "word";
    case SkipReason::too_long: return "too_long";
    case SkipReason::other: return "other";
    case SkipReason::address: return "address";
  }
  return "other";
}

std::span<const UnitDef> units() noexcept { return kUnits; }

}  // namespace num

std::string_view QuantityContext::name(std::uint8_t id) {
  return id >= 1 && id <= std::size(num::kMarkers) ? num::kMarkers[id - 1].text : std::string_view{};
}

void numbers(Doc& doc) {
  doc.quantities.clear();
  doc.quantity_context.clear();
  std::vector<Skipped> skipped;  // per line, then dropped
  int sentence_base = 0, clause_base = 0;
  for (const Line& line : doc.lines) {
    if (line.boilerplate || line.in_table || line.span.empty()) continue;
    std::size_t first = doc.quantity_context.size();
    skipped.clear();
    num::scan(doc.text(line.span), line.span.begin, doc.quantities, skipped, &doc.quantity_context);
    int max_sentence = 0, max_clause = 0;
    for (std::size_t k = first; k < doc.quantity_context.size(); ++k) {
      QuantityContext& c = doc.quantity_context[k];
      max_sentence = std::max(max_sentence, c.sentence);
      max_clause = std::max(max_clause, c.clause);
      c.sentence += sentence_base;
      c.clause += clause_base;
    }
    sentence_base += max_sentence + 1;  // a line ends a sentence
    clause_base += max_clause + 1;
  }
  // The vectors grew by doubling; give the slack back before the later stages
  // allocate theirs (a dense 100 MB input has a million quantities).
  doc.quantities.shrink_to_fit();
  doc.quantity_context.shrink_to_fit();
}

}  // namespace ogi::detail
