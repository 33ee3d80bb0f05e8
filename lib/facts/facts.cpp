// lib/facts: prose quantities -> indicator facts.
//
// Reads the quantities of the numbers stage (doc.quantities, one per number in
// the body text outside tables) and decides, for each, whether the prose says
// it is one of the catalogue's statistics. What it maps:
//
//   * a number whose clause names an indicator ("全市共新增主动公开政府信息
//     130661条", "在答复的120件申请中", "另有103件顺延到下年度答复");
//   * "其中" breakdowns by scope ("其中市级行政机关…74949条，各县(市)、区…
//     55712条" -> own_level / lower_levels of the indicator stated before);
//   * a verb that takes its object from the clause before ("制发规范性文件510
//     件，主动公开425件" -> 主动公开规范性文件);
//   * "分别为" lists whose items all name indicators ("当面、网络、信函申请分
//     别为16件、64件、40件"); lists of named units stay plain quantities;
//   * percentages that give the share of a fact ("占33.3%", "比例为83.3%",
//     "(1.68%)"), kept on the fact for the checks (Fact::percent);
//   * explicit statements of absence as 0 ("没有收到…举报投诉", "未收取费用",
//     "未发生收费情况", "未发生因…被行政复议纠错").
//
// What it does not do: guess. A number is mapped only when its own clause (or
// the construction above) names the indicator, the unit fits the indicator,
// the section may hold it, and the indicator belongs to the report's format
// (a 2021 report gets no legacy ids). Everything else stays a quantity.
//
// Cost: every look-around is bounded (kBack bytes before a number, kAhead
// after), alias matching is over these bounded windows; linear in the text.
#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "doc.hpp"
#include "keyword_set.hpp"
#include "ogi/catalogue.hpp"

namespace ogi::detail {
namespace {

using sv = std::string_view;

constexpr std::size_t kBack = 600;   // bytes looked back from a number for its sentence
constexpr std::size_t kAhead = 160;  // bytes looked ahead for the rest of its clause
constexpr std::size_t kFamilyBack = 400;

// ---------------------------------------------------------------------------
// text helpers

bool starts(sv s, sv p) { return s.substr(0, p.size()) == p; }
bool ends(sv s, sv p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }
bool has(sv s, sv p) { return s.find(p) != sv::npos; }

bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Moves an offset forward to a UTF-8 character boundary.
std::size_t char_floor_fwd(sv t, std::size_t i) {
  while (i < t.size() && is_cont(static_cast<unsigned char>(t[i]))) ++i;
  return i;
}

// The text without whitespace (labels are compared compact: PDF text breaks
// lines inside words, "答\n复").
std::string compact(sv s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {  // U+3000
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // NBSP
      ++i;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

// Kinds of delimiter, weakest first.
enum class Delim { none, clause, segment, sentence, paragraph };

// The delimiter starting at t[i], and its length.
std::pair<Delim, std::size_t> delim_at(sv t, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  switch (c) {
    case ',': case ':': return {Delim::clause, 1};
    case ';': return {Delim::segment, 1};
    case '!': case '?': return {Delim::sentence, 1};
    case '\n': {
      std::size_t j = i + 1;
      while (j < t.size() && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r')) ++j;
      if (j < t.size() && t[j] == '\n') return {Delim::paragraph, j + 1 - i};
      return {Delim::none, 1};
    }
    default: break;
  }
  if (c == 0xE3 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(t[i + 2]);
    if (d == 0x82) return {Delim::sentence, 3};  // 。
  }
  if (c == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xBC) {
    unsigned char d = static_cast<unsigned char>(t[i + 2]);
    if (d == 0x8C || d == 0x9A) return {Delim::clause, 3};   // ， ：
    if (d == 0x9B) return {Delim::segment, 3};               // ；
    if (d == 0x81 || d == 0x9F) return {Delim::sentence, 3};  // ！ ？
  }
  return {Delim::none, 0};
}

bool is_open_paren(sv t, std::size_t i) {
  return t[i] == '(' || (i + 2 < t.size() && t.substr(i, 3) == "\xEF\xBC\x88");
}
bool is_close_paren(sv t, std::size_t i) {
  return t[i] == ')' || (i + 2 < t.size() && t.substr(i, 3) == "\xEF\xBC\x89");
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A short parenthesised note without digits or delimiters ("(班)", "(市)")
// is part of the words around it; returns the offset after its ')' or npos.
std::size_t short_paren_end(sv t, std::size_t i, std::size_t limit) {
  std::size_t open = t[i] == '(' ? 1 : 3;
  std::size_t j = i + open;
  std::size_t stop = std::min(limit, i + 40);
  while (j < stop) {
    if (is_close_paren(t, j)) return j + (t[j] == ')' ? 1 : 3);
    if (is_digit(t[j]) || is_open_paren(t, j)) return sv::npos;
    if (delim_at(t, j).first != Delim::none) return sv::npos;
    ++j;
  }
  return sv::npos;
}

// Where the last delimiter of at least `level` in [from, to) ends (from when none).
struct Bounds {
  std::size_t clause, segment, sentence;
};
Bounds bounds_before(sv t, std::size_t from, std::size_t to) {
  from = char_floor_fwd(t, from);
  Bounds b{from, from, from};
  std::size_t i = from;
  while (i < to) {
    if (is_open_paren(t, i)) {
      std::size_t e = short_paren_end(t, i, to);
      if (e != sv::npos) {
        i = e;
        continue;
      }
      i += t[i] == '(' ? 1 : 3;
      b.clause = i;
      continue;
    }
    if (is_close_paren(t, i)) {
      i += t[i] == ')' ? 1 : 3;
      b.clause = i;
      continue;
    }
    auto [d, n] = delim_at(t, i);
    if (d == Delim::none) {
      i += n ? n : 1;
      continue;
    }
    i += n;
    b.clause = i;
    if (d >= Delim::segment) b.segment = i;
    if (d >= Delim::sentence) b.sentence = i;
  }
  return b;
}

// The end of the clause that starts at `from` (to at the latest).
std::size_t clause_end(sv t, std::size_t from, std::size_t to) {
  std::size_t i = from;
  while (i < to) {
    if (is_open_paren(t, i)) {
      std::size_t e = short_paren_end(t, i, to);
      if (e == sv::npos) return i;
      i = e;
      continue;
    }
    if (is_close_paren(t, i)) return i;
    auto [d, n] = delim_at(t, i);
    if (d != Delim::none) return i;
    i += n ? n : 1;
  }
  return to;
}

// The first UTF-8 character of a string, as a number (for word indexes).
std::uint32_t lead(sv s) {
  if (s.empty()) return 0;
  std::uint32_t k = 0;
  std::size_t n = 1;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 0xF0) n = 4;
  else if (c >= 0xE0) n = 3;
  else if (c >= 0xC0) n = 2;
  n = std::min(n, s.size());
  for (std::size_t i = 0; i < n; ++i) k = (k << 8) | static_cast<unsigned char>(s[i]);
  return k;
}

// Words indexed by their first character; each bucket keeps the order the
// words were added in (so a longer word listed first is tried first).
class WordIndex {
 public:
  void add(sv w, std::size_t id) { by_lead_[lead(w)].push_back({w, id}); }
  struct Entry {
    sv word;
    std::size_t id;
  };
  // The words that may start `s` (check with starts()).
  const std::vector<Entry>* at(sv s) const {
    auto it = by_lead_.find(lead(s));
    return it == by_lead_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::uint32_t, std::vector<Entry>> by_lead_;
};

// ---------------------------------------------------------------------------
// words

// Words that may stand between the name of an indicator and its number
// without changing what is counted ("行政复议有4件", "工作人员共有938人",
// "同意公开答复9件", "培训会议(班)79次").
constexpr sv kFiller[] = {
    "政府信息公开申请", "信息公开申请", "依申请公开", "政府信息", "各类", "有关", "相关", "案件", "事件", "申请",
    "原具体行政行为", "具体行政行为", "收取金额", "收费金额", "金额", "信息", "答复", "公开", "发布", "数量", "总数", "总量", "次数", "件数", "人数", "个数", "共计", "合计", "继续",
    "总计", "累计", "一共", "共有", "达到", "分别为", "分别是", "分别", "均为", "全年", "全部", "其中", "已经",
    "共", "计", "达", "为", "是", "有", "的", "了", "约", "近", "超过", "余", "数", "量", "已", "各", "类",
    "\xE2\x80\x9C", "\xE2\x80\x9D", "\"", "'", "\xE2\x80\x98", "\xE2\x80\x99",  // quotes
};

const WordIndex& filler_index() {
  static const WordIndex index = [] {
    WordIndex w;
    for (sv f : kFiller) w.add(f, 0);
    return w;
  }();
  return index;
}

// The length of a filler word at the start of `s` (0 when none).
std::size_t filler_prefix(sv s) {
  if (const auto* ws = filler_index().at(s))
    for (const auto& e : *ws)
      if (starts(s, e.word)) return e.word.size();
  return 0;
}

// A year ("2023年", "2023年度") at the start of `s`: its length, or 0.
std::size_t year_prefix(sv s) {
  if (s.size() < 7 || !is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2]) || !is_digit(s[3])) return 0;
  if (s.substr(4, 3) != "年") return 0;
  return s.substr(7, 3) == "度" ? 10 : 7;
}

// True when `s` is made only of filler words, years and short parenthesised notes.
bool only_filler(sv s) {
  while (!s.empty()) {
    if (s[0] == '(' || starts(s, "\xEF\xBC\x88")) {
      std::size_t close = s.find(')');
      std::size_t close_w = s.find("\xEF\xBC\x89");
      std::size_t c = std::min(close, close_w);
      if (c == sv::npos || c > 40) return false;
      s.remove_prefix(c + (c == close ? 1 : 3));
      continue;
    }
    std::size_t n = filler_prefix(s);
    if (!n) n = year_prefix(s);
    if (!n) return false;
    s.remove_prefix(n);
  }
  return true;
}

// Aliases that only say "handled"/"answered": any other name beats them.
constexpr sv kWeakAliases[] = {"答复", "办结", "办理", "予以答复", "作出答复"};
bool weak_alias(sv a) {
  for (sv w : kWeakAliases)
    if (a == w) return true;
  return false;
}

// Verbs that a label may consist of, and that start a "verb + object" alias.
constexpr sv kVerbs[] = {"主动公开", "组织召开", "制发", "印发", "制定", "出台", "废止", "发布", "公开", "受理", "收到",
                         "设置", "安排", "成立", "举办", "召开", "回应", "参加", "组织", "新增", "累计"};

// Negations that make an alias before them mean the opposite.
constexpr sv kNegBefore[] = {"未", "不", "无", "没有", "非"};

// ---------------------------------------------------------------------------
// scope

struct ScopeHit {
  Scope scope;
  std::size_t pos;
};

// The level of the reporting body ("市", "县", "区", "省") from its region.
std::string body_level(const Meta& m) {
  sv r = m.region.empty() ? sv(m.issuer) : sv(m.region);
  for (sv suffix : {"省", "自治区", "市", "州", "盟", "县", "旗", "区"}) {
    if (ends(r, suffix)) return std::string(suffix == "自治区" ? "省" : suffix);
  }
  return "市";
}

// Scope words, relative to the level of the reporting body.
struct ScopeWords : std::vector<std::pair<std::string, Scope>> {
  WordIndex index;
};
ScopeWords scope_words(const std::string& level) {
  ScopeWords w;
  // whole body
  for (sv x : {"全市", "全县", "全区", "全省", "全州", "全旗", "全盟", "各级", "两级", "三级"}) w.push_back({std::string(x), Scope::total});
  // own level
  for (sv x : {"本级", "直属", "市直", "省直", "县直", "区直", "旗直"}) w.push_back({std::string(x), Scope::own_level});
  w.push_back({level + "级", Scope::own_level});
  for (sv x : {"政府各部门", "政府部门", "属各部门", "属部门"}) w.push_back({level + std::string(x), Scope::own_level});
  // lower levels
  for (sv x : {"下辖", "下属各", "乡镇", "街道", "各县", "县(市)", "县区", "区县", "县市区", "县(市、区)", "县(区)"})
    w.push_back({std::string(x), Scope::lower_levels});
  if (level == "省") {
    for (sv x : {"市县", "各市", "市级"}) w.push_back({std::string(x), Scope::lower_levels});
  }
  if (level == "市") w.push_back({"各区", Scope::lower_levels});
  if (level == "县" || level == "区" || level == "旗") w.push_back({"镇街", Scope::lower_levels});
  return w;
}
void index_scope_words(ScopeWords& w) {
  for (std::size_t i = 0; i < w.size(); ++i) w.index.add(w[i].first, i);
}

// The first scope word in a compact label.
std::optional<ScopeHit> find_scope(sv s, const ScopeWords& words) {
  for (std::size_t p = 0; p < s.size(); ++p) {
    if (is_cont(static_cast<unsigned char>(s[p]))) continue;
    const auto* es = words.index.at(s.substr(p));
    if (!es) continue;
    std::optional<std::size_t> best;
    for (const auto& e : *es)
      if (starts(s.substr(p), e.word) && (!best || e.id < *best)) best = e.id;
    if (best) return ScopeHit{words[*best].second, p};
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// the catalogue, as the mapper sees it

struct Alias {
  std::string text;
  const Indicator* ind;
  bool weak;
};

// Section kinds (lib/structure) each indicator family may be stated in.
bool topic_ok(sv id, sv kind) {
  if (kind == "problems") return false;
  if (kind.empty() || kind == "overview") return true;
  auto any = [&](std::initializer_list<sv> kinds) {
    for (sv k : kinds)
      if (k == kind) return true;
    return false;
  };
  if (starts(id, "disclosure.")) return any({"disclosure"});
  if (starts(id, "response.")) return any({"response", "disclosure"});
  if (starts(id, "apply.")) return any({"apply", "refusal"});
  if (starts(id, "review.") || starts(id, "litigation.") || starts(id, "complaints."))
    return any({"review_litigation", "apply"});
  if (starts(id, "fee.collected")) return any({"fees", "apply", "other"});
  if (starts(id, "fee.")) return any({"other", "fees", "apply"});
  if (starts(id, "org.")) return any({"org"});
  if (starts(id, "meetings.") || starts(id, "training.")) return any({"meetings", "org"});
  return false;
}

// Whether a printed unit fits an indicator's unit.
bool unit_ok(const Indicator& ind, sv unit) {
  if (unit.empty() || unit == "%" || unit == "个百分点") return false;
  sv u = ind.unit;
  auto any = [&](std::initializer_list<sv> units) {
    for (sv x : units)
      if (x == unit) return true;
    return false;
  };
  sv id = ind.id;
  if (starts(id, "disclosure.items") || starts(id, "disclosure.channel.")) return any({"条", "件"});
  if (starts(id, "disclosure.normative.") || starts(id, "disclosure.rules.")) return any({"件", "条", "部", "个"});
  if (id == "response.interpretations") return any({"篇", "条", "件", "个", "期"});
  if (id == "response.hotspots") return any({"次", "个", "条", "起"});
  if (id == "fee.processing.notices") return any({"件", "份", "次", "个"});  // 收费通知书5份
  // applications are also counted as documents ("收到申请书31份", "申请表12份")
  if (starts(id, "apply.") && u == "件") return any({"件", "宗", "起", "个", "份"});
  if (u == "件") return any({"件", "宗", "起", "个"});
  if (u == "次") return any({"次", "场", "期"});
  if (u == "人") return any({"人", "名"});
  if (u == "人次") return any({"人次"});
  if (u == "个") return any({"个", "处", "家"});
  if (u == "项") return any({"项", "个", "件"});
  if (u == "条") return any({"条"});
  if (u == "篇") return any({"篇"});
  if (u == "万元" || u == "元" || u.empty()) return any({"元", "万元", "亿元"});
  return unit == u;
}

// Outcome indicators of 行政复议 / 行政诉讼 / 举报投诉 share their words; the
// family is decided by what the text talks about.
bool is_outcome(sv id) {
  return (starts(id, "review.") || starts(id, "litigation.") || starts(id, "complaints.")) && !ends(id, ".total");
}
sv family_of(sv id) {
  if (starts(id, "review.")) return "review";
  if (starts(id, "litigation.")) return "litigation";
  if (starts(id, "complaints.")) return "complaints";
  return "";
}

// Indicators a statement of absence can set to 0.
constexpr sv kAbsenceIds[] = {"complaints.total", "review.total", "litigation.total", "review.corrected",
                              "litigation.corrected", "fee.collected", "fee.processing.amount",
                              "fee.processing.notices", "apply.received", "apply.new"};
// Words that name a fee only in a statement of absence ("未收取…任何费用").
constexpr std::pair<sv, sv> kAbsenceExtra[] = {{"费用", "fee.collected"}, {"费用", "fee.processing.amount"}};
// Words that make a phrase about an outcome of a case, not about the case.
constexpr sv kOutcomeWords[] = {"纠错", "纠正", "败诉", "维持", "驳回"};
// Verbs that a negation must govern for a statement of absence.
constexpr sv kAbsenceVerbs[] = {"收到", "收取", "发生", "出现", "产生", "接到", "受理", "发出", "收费"};

// ---------------------------------------------------------------------------

struct Sec {
  Span span;
  Span heading;
  std::vector<int> path;
  std::string kind;  // of the top-level ancestor
  int parent = -1;
};

void flatten(const std::vector<Section>& ss, std::vector<int>& path, const std::string& top_kind, int parent,
             std::vector<Sec>& out) {
  for (std::size_t i = 0; i < ss.size(); ++i) {
    path.push_back(static_cast<int>(i));
    const Section& s = ss[i];
    std::string kind = parent < 0 ? s.kind : top_kind;
    out.push_back({s.span, s.heading, path, kind, parent});
    int me = static_cast<int>(out.size()) - 1;
    flatten(s.children, path, kind, me, out);
    path.pop_back();
  }
}

struct Match {
  const Alias* alias;
  std::size_t begin, end;  // in the compact string
};

// What the mapper knows about one quantity.
struct QView {
  std::size_t index;
  Span num;              // the numerals
  Span whole;            // number + unit as printed
  std::size_t clause_b;  // start of its clause
  std::size_t label_b;   // start of its label (clause start or the end of a previous number in it)
  std::size_t segment_b, sentence_b;
  std::size_t tail_e;    // end of its clause after it
  int sec = -1;          // index into secs
  std::string label;     // compact [label_b, num.begin)
  std::string tail;      // compact [whole.end, tail_e)
  bool percent = false;
  bool invalid = false;  // spans out of range: ignored
};

// The names of the catalogue's indicators for one format, indexed by their
// first character, and for each indicator the names of its descendants.
// They depend only on the format, so they are built once per format and
// shared (read-only) by every parse.
struct AliasTables {
  std::vector<Alias> aliases;
  std::vector<Alias> absence_aliases;
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> by_lead;
  std::unordered_map<const Indicator*, std::vector<std::size_t>> child_aliases;

  explicit AliasTables(Format format) {
    for (const Indicator& ind : indicators()) {
      if (!in_format(ind.formats, format)) continue;
      sv a = ind.aliases;
      while (!a.empty()) {
        std::size_t p = a.find('|');
        sv one = a.substr(0, p);
        if (!one.empty()) aliases.push_back({std::string(one), &ind, weak_alias(one)});
        if (p == sv::npos) break;
        a.remove_prefix(p + 1);
      }
    }
    for (std::size_t i = 0; i < aliases.size(); ++i) {
      by_lead[lead(aliases[i].text)].push_back(i);
      // the aliases of an indicator's descendants, for refine_child
      sv id = aliases[i].ind->id;
      for (std::size_t dot = id.rfind('.'); dot != sv::npos && dot > 0; dot = id.rfind('.', dot - 1)) {
        const Indicator* anc = find_indicator(id.substr(0, dot));
        if (anc) child_aliases[anc].push_back(i);
        if (dot == 0) break;
      }
    }
    for (auto [word, id] : kAbsenceExtra) {
      const Indicator* ind = find_indicator(id);
      if (ind && in_format(ind->formats, format)) absence_aliases.push_back({std::string(word), ind, false});
    }
  }
};

const AliasTables& alias_tables(Format f) {
  static const AliasTables unknown(Format::unknown), legacy(Format::legacy), f2019(Format::f2019),
      f2021(Format::f2021);
  switch (f) {
    case Format::legacy: return legacy;
    case Format::f2019: return f2019;
    case Format::f2021: return f2021;
    case Format::unknown: break;
  }
  return unknown;
}

class Mapper {
 public:
  explicit Mapper(Doc& doc) : doc_(doc), t_(doc.norm), format_(doc.meta.format), level_(body_level(doc.meta)), scope_words_(scope_words(level_)) {
    index_scope_words(scope_words_);
    std::vector<int> path;
    flatten(doc.sections, path, "", -1, secs_);
  }

  void run() {
    // One pass in text order. What outlives a quantity is only whether it
    // became a fact (fact_of_, sum_of_) and whether a list took it (handled_).
    const std::size_t n = doc_.quantities.size();
    handled_.assign(n, false);
    fact_of_.assign(n, -1);
    sum_of_.assign(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
      QView v = next_view(i);
      if (v.invalid || handled_[i]) continue;
      if (v.percent) attach_percent(v);
      else map_one(v);
    }
    absences();
    resolve_received_ambiguity();
    doc_.facts.insert(doc_.facts.end(), std::make_move_iterator(facts_.begin()), std::make_move_iterator(facts_.end()));
    doc_.sums.insert(doc_.sums.end(), std::make_move_iterator(sums_.begin()), std::make_move_iterator(sums_.end()));
  }

 private:
  // ---- setup ----

  // The number, its unit and its section: enough to judge an indicator.
  QView light(std::size_t i) const {
    const Quantity& q = doc_.quantities[i];
    QView v;
    v.index = i;
    v.whole = q.span;
    const bool ctx = doc_.quantity_context.size() == doc_.quantities.size();
    v.num = ctx && !doc_.quantity_context[i].number.empty() ? doc_.quantity_context[i].number : q.span;
    if (v.num.end > t_.size() || v.whole.end > t_.size() || v.num.begin > v.num.end || v.whole.begin > v.whole.end) {
      v.invalid = true;
      return v;
    }
    v.percent = q.unit == "%";
    v.sec = sec_at(v.num.begin);
    return v;
  }

  // The deepest section at a position (binary search over the pre-order list).
  int sec_at(std::size_t pos) const {
    auto it = std::upper_bound(secs_.begin(), secs_.end(), pos,
                               [](std::size_t p, const Sec& s) { return p < s.span.begin; });
    int s = static_cast<int>(it - secs_.begin()) - 1;
    while (s >= 0 && !secs_[static_cast<std::size_t>(s)].span.contains(pos)) s = secs_[static_cast<std::size_t>(s)].parent;
    return s;
  }

  // The full view of quantity i; called for i = 0, 1, 2 ... in order (it
  // carries a forward scan of the delimiters).
  QView next_view(std::size_t i) {
    const auto& quantities = doc_.quantities;
    QView v = light(i);
    if (v.invalid) return v;
    const int s = v.sec;
    // the floor: a number's sentence never reaches above its section's heading
    std::size_t floor = 0;
    if (s >= 0) {
      const Sec& sec = secs_[static_cast<std::size_t>(s)];
      floor = std::max(sec.heading.end, sec.span.begin);
      if (floor > v.num.begin) floor = sec.span.begin;
    }
    std::size_t from = v.num.begin > kBack ? v.num.begin - kBack : 0;
    from = std::max(from, floor);
    // one forward pass over the text keeps the last delimiters seen
    if (scan_at_ < from) {
      scan_at_ = char_floor_fwd(t_, from);
      run_ = Bounds{scan_at_, scan_at_, scan_at_};
    }
    if (scan_at_ < v.num.begin) {
      Bounds b = bounds_before(t_, scan_at_, v.num.begin);
      if (b.clause != scan_at_) run_.clause = b.clause;
      if (b.segment != scan_at_) run_.segment = b.segment;
      if (b.sentence != scan_at_) run_.sentence = b.sentence;
      scan_at_ = v.num.begin;
    }
    v.clause_b = std::max(run_.clause, from);
    v.segment_b = std::max(run_.segment, from);
    v.sentence_b = std::max(run_.sentence, from);
    v.label_b = std::max(v.clause_b, std::min(prev_end_, v.num.begin));
    v.label = compact(t_.substr(v.label_b, v.num.begin - v.label_b));
    std::size_t next_b = i + 1 < quantities.size() ? quantities[i + 1].span.begin : t_.size();
    std::size_t ahead = std::min({t_.size(), v.whole.end + kAhead, std::max(next_b, v.whole.end)});
    v.tail_e = clause_end(t_, v.whole.end, ahead);
    v.tail = compact(t_.substr(v.whole.end, v.tail_e - v.whole.end));
    prev_end_ = v.whole.end;
    return v;
  }

  const Sec* sec_of(const QView& v) const { return v.sec >= 0 ? &secs_[static_cast<std::size_t>(v.sec)] : nullptr; }
  sv kind_of(const QView& v) const {
    const Sec* s = sec_of(v);
    return s ? sv(s->kind) : sv("preamble");
  }

  // ---- alias matching ----

  std::vector<Match> find_aliases(sv s) const {
    std::vector<Match> ms;
    for (std::size_t p = 0; p < s.size(); ++p) {
      if (is_cont(static_cast<unsigned char>(s[p]))) continue;
      auto it = by_lead_.find(lead(s.substr(p)));
      if (it == by_lead_.end()) continue;
      for (std::size_t ai : it->second) {
        const Alias& a = aliases_[ai];
        if (s.compare(p, a.text.size(), a.text) != 0) continue;
        // "申请书" / "申请表": the form stands for the application it carries
        std::size_t e = p + a.text.size();
        if (ends(a.text, "申请") && (s.compare(e, 3, "书") == 0 || s.compare(e, 3, "表") == 0)) e += 3;
        ms.push_back({&a, p, e});
      }
    }
    // a match inside a longer one is not a separate name ("同意公开" in "不同意公开")
    std::vector<Match> out;
    for (const Match& m : ms) {
      bool inside = false;
      for (const Match& o : ms) {
        if (&o == &m) continue;
        if (o.begin <= m.begin && o.end >= m.end && (o.end - o.begin) > (m.end - m.begin)) {
          inside = true;
          break;
        }
      }
      if (inside) continue;
      // "未按时办结" is not 按时办结
      bool negated = false;
      for (sv n : kNegBefore)
        if (m.begin >= n.size() && s.substr(m.begin - n.size(), n.size()) == n) negated = true;
      if (negated) continue;
      out.push_back(m);
    }
    return out;
  }

  // Which of review / litigation / complaints the text before `pos` talks about.
  sv family_at(std::size_t pos, std::size_t floor) const {
    std::size_t from = pos > kFamilyBack ? pos - kFamilyBack : 0;
    from = std::max(from, floor);
    sv w = t_.substr(from, pos - from);
    std::size_t best = sv::npos;
    sv fam;
    auto last = [&](sv word, sv f) {
      std::size_t p = w.rfind(word);
      if (p != sv::npos && (best == sv::npos || p > best)) {
        best = p;
        fam = f;
      }
    };
    last("复议", "review");
    last("诉讼", "litigation");
    last("投诉", "complaints");
    last("举报", "complaints");
    return fam;
  }

  // Keeps the matches whose indicator fits the unit, the section and the family.
  std::vector<Match> usable(std::vector<Match> ms, const QView& v, sv unit, bool check_unit = true) const {
    sv kind = kind_of(v);
    std::vector<Match> out;
    sv fam;
    bool fam_done = false;
    for (const Match& m : ms) {
      const Indicator& ind = *m.alias->ind;
      if (check_unit && !unit_ok(ind, unit)) continue;
      if (!topic_ok(ind.id, kind)) continue;
      if (is_outcome(ind.id)) {
        if (!fam_done) {
          const Sec* s = sec_of(v);
          fam = family_at(v.num.begin, s ? s->span.begin : 0);
          fam_done = true;
        }
        if (family_of(ind.id) != fam) continue;
      }
      out.push_back(m);
    }
    return out;
  }

  // The match that names what the number counts: not weak if possible, then
  // the one ending nearest the number, then the longest. nullopt when two
  // different indicators tie.
  std::optional<Match> best_near_end(const std::vector<Match>& ms) const {
    std::optional<Match> best;
    bool tie = false;
    for (const Match& m : ms) {
      if (!best) {
        best = m;
        continue;
      }
      auto key = [](const Match& x) {
        return std::tuple(!x.alias->weak, x.end, x.end - x.begin);
      };
      if (key(m) > key(*best)) {
        best = m;
        tie = false;
      } else if (key(m) == key(*best) && m.alias->ind != best->alias->ind) {
        tie = true;
      }
    }
    if (tie) return std::nullopt;
    return best;
  }
  std::optional<Match> best_near_begin(const std::vector<Match>& ms) const {
    std::optional<Match> best;
    for (const Match& m : ms) {
      if (!best) {
        best = m;
        continue;
      }
      auto key = [](const Match& x) {
        return std::tuple(x.alias->weak, x.begin, -static_cast<long>(x.end - x.begin));
      };
      if (key(m) < key(*best)) best = m;
    }
    return best;
  }

  // A child indicator named in the label too ("其中主要负责同志参加新闻发布会"),
  // unless only as an example ("属信访、重复申请等不予处理").
  const Indicator* refine_child(const Indicator* ind, sv label, const QView& v, sv unit) const {
    const Indicator* found = nullptr;
    auto kids = child_aliases_.find(ind);
    if (kids == child_aliases_.end()) return ind;
    for (std::size_t ai : kids->second) {
      const Alias& a = aliases_[ai];
      std::size_t at = label.find(a.text);
      if (at == sv::npos) continue;
      sv after = label.substr(at + a.text.size());
      sv before = label.substr(0, at);
      if (has(after, "等") || starts(after, "\xE3\x80\x81") || ends(before, "\xE3\x80\x81")) continue;
      if (!unit_ok(*a.ind, unit) || !topic_ok(a.ind->id, kind_of(v))) continue;
      if (inside_own_alias(ind, label, at, at + a.text.size())) continue;  // 兼职 in 专兼职工作人员
      if (found && found != a.ind) return ind;  // two children: keep the parent
      found = a.ind;
    }
    return found ? found : ind;
  }

  // Whether [b, e) of the label lies inside a longer alias of `ind` itself.
  bool inside_own_alias(const Indicator* ind, sv label, std::size_t b, std::size_t e) const {
    for (const Alias& a : aliases_) {
      if (a.ind != ind || a.text.size() <= e - b) continue;
      for (std::size_t p = label.find(a.text); p != sv::npos; p = label.find(a.text, p + 1))
        if (p <= b && p + a.text.size() >= e) return true;
    }
    return false;
  }

  // Channels of publication must be the report's own, not one agency's
  // website or one column of it.
  bool channel_ok(const Indicator& ind, sv label, const Match& m) const {
    if (!starts(ind.id, "disclosure.channel.")) return true;
    sv before = label.substr(0, m.begin);
    for (sv agency : {"局", "委", "厅", "中心", "办", "院", "所", "公司", "站"}) {
      if (ends(before, agency)) return false;
    }
    sv after = label.substr(m.end);
    if (has(after, "专栏") || has(after, "栏目")) return false;
    return true;
  }

  // ---- mapping one quantity ----

  struct Pick {
    const Indicator* ind = nullptr;
    std::optional<Scope> scope;  // stated in the clause
    std::string alias;           // the alias that named it
    std::vector<const Indicator*> parts;  // a sum of several indicators
  };

  std::optional<Scope> scope_in(sv s) const {
    auto h = find_scope(s, scope_words_);
    if (!h) return std::nullopt;
    return h->scope;
  }

  // Strips scope words, "其中" and filler: what remains is the label's content.
  std::string content_of(sv label) const {
    std::string s(label);
    for (sv w : {"其中", "另有", "此外", "含", "包括"}) {
      std::size_t p;
      while ((p = s.find(w)) != std::string::npos) s.erase(p, w.size());
    }
    auto h = find_scope(s, scope_words_);
    if (h) {
      // drop the scope phrase: up to the first of 有/受理/... we can't know its
      // length exactly; scope words are followed by their noun phrase, which
      // ends at the first verb or filler.
      std::size_t p = h->pos;
      std::size_t best = s.size();
      for (sv stop : kVerbs) {
        std::size_t q = s.find(stop, p);
        if (q != std::string::npos) best = std::min(best, q);
      }
      for (sv stop : {"有", "为", "共", "累计"}) {
        std::size_t q = s.find(stop, p);
        if (q != std::string::npos) best = std::min(best, q);
      }
      s.erase(p, best - p);
    }
    return s;
  }

  bool generic(sv label) const {
    std::string c = content_of(label);
    return only_filler(c);
  }

  Pick direct(const QView& v, sv unit) const {
    Pick p;
    auto ms = usable(find_aliases(v.label), v, unit);
    auto m = best_near_end(ms);
    if (!m) return p;
    sv label = v.label;
    if (!trailing_ok(label.substr(m->end))) return p;
    if (m->alias->weak && !about_applications(v)) return p;
    if (!channel_ok(*m->alias->ind, label, *m)) return p;
    // "予以公开及部分公开258件": two statistics counted together are neither
    sv before = label.substr(0, m->begin);
    for (sv conj : {"\xE3\x80\x81", "以及", "及", "和", "与", "或", "加"}) {
      if (!ends(before, conj)) continue;
      std::size_t at = m->begin - conj.size();
      for (const Match& o : ms)
        if (o.end == at && o.alias->ind != m->alias->ind) {
          p.parts = {o.alias->ind, m->alias->ind};
          p.scope = scope_in(label.substr(0, o.begin));
          return p;
        }
    }
    p.ind = refine_child(m->alias->ind, label, v, unit);
    p.scope = scope_in(before);
    p.alias = m->alias->text;
    return p;
  }

  // "办结1180件" counts applications only when the sentence is about them
  // ("共收到群众留言1200件，办结1180件" is not).
  bool about_applications(const QView& v) const {
    // compact: a PDF line may break inside the word ("申\n请")
    if (has(compact(t_.substr(v.sentence_b, v.num.begin - v.sentence_b)), "申请") || has(v.tail, "申请")) return true;
    // or the section is about them ("三、依申请公开情况", "（二）依申请公开")
    const Sec* s = sec_of(v);
    if (!s) return false;
    if (s->kind == "apply") return true;
    return has(s->heading.of(t_), "申请");
  }

  // What may follow the name before the number: filler, or a weak verb
  // ("转下一年度办理答复的有1件").
  static bool trailing_ok(sv after) {
    if (only_filler(after)) return true;
    for (sv w : kWeakAliases) {
      std::size_t p = after.find(w);
      if (p != sv::npos && only_filler(after.substr(0, p)) && only_filler(after.substr(p + w.size()))) return true;
    }
    return false;
  }

  // "另有103件顺延到下年度答复", "有1件涉及…的行政复议": the name follows the number.
  Pick from_tail(const QView& v, sv unit) const {
    Pick p;
    if (v.tail.empty()) return p;
    // "市科委有1件涉及…的行政复议": an existential 有 introduces what follows
    sv l = v.label;
    bool existential = ends(l, "有") && !ends(l, "没有");
    if (!existential && !generic(v.label)) return p;
    auto ms = usable(find_aliases(v.tail), v, unit);
    auto m = best_near_begin(ms);
    if (!m) return p;
    if (!channel_ok(*m->alias->ind, v.tail, *m)) return p;
    if (m->alias->weak && !about_applications(v)) return p;
    p.ind = m->alias->ind;
    p.scope = scope_in(v.label);
    p.alias = m->alias->text;
    return p;
  }

  // The facts made so far, newest last, with the quantity they came from.
  struct Made {
    const Indicator* ind;
    Scope scope;
    std::size_t end;  // end of its quantity
    int sec;
    std::string alias;
    std::string label;
  };

  // "其中市级行政机关…受理90件": a scope part of the total stated just before.
  Pick from_part_of(const QView& v, sv unit) const {
    Pick p;
    auto sc = scope_in(v.label);
    if (!sc || *sc == Scope::total) return p;
    // the anchor: the newest total fact in this or the previous sentence
    int looked = 0;
    for (auto it = made_.rbegin(); it != made_.rend() && looked < 16; ++it, ++looked) {
      if (it->sec != v.sec) break;
      if (it->scope != Scope::total) continue;
      // at most one sentence boundary between them
      if (it->end > v.num.begin || v.num.begin - it->end > kBack) break;
      sv between = t_.substr(it->end, v.num.begin - it->end);
      int sentences = 0;
      for (std::size_t i = 0; i < between.size();) {
        auto [d, n] = delim_at(between, i);
        if (d >= Delim::sentence) ++sentences;
        i += n ? n : 1;
      }
      if (sentences > 1) break;
      if (!has(between, "其中") && !has(between, "含") && !has(between, "包括")) break;
      if (!unit_ok(*it->ind, unit)) break;
      // what is left of the label must be words of the anchor's label
      std::string rest = content_of(v.label);
      sv r = rest;
      while (!r.empty()) {
        std::size_t fl = filler_prefix(r);
        if (fl) {
          r.remove_prefix(fl);
          continue;
        }
        std::size_t n = 1;
        unsigned char c = static_cast<unsigned char>(r[0]);
        if (c >= 0xF0) n = 4;
        else if (c >= 0xE0) n = 3;
        else if (c >= 0xC0) n = 2;
        if (!has(it->label, r.substr(0, n))) return p;
        r.remove_prefix(std::min(n, r.size()));
      }
      p.ind = it->ind;
      p.scope = sc;
      return p;
    }
    return p;
  }

  // "制发规范性文件510件，主动公开425件": the verb takes the object named before.
  Pick from_object(const QView& v, sv unit) const {
    Pick p;
    std::string c = content_of(v.label);
    // strip filler at the end ("主动公开比例为" is not ours: percentages skip this)
    sv verb;
    for (sv vb : kVerbs) {
      if (c.size() >= vb.size() && ends(c, vb) && only_filler(sv(c).substr(0, c.size() - vb.size()))) {
        verb = vb;
        break;
      }
      if (starts(c, vb) && only_filler(sv(c).substr(vb.size()))) {
        verb = vb;
        break;
      }
    }
    if (verb.empty()) return p;
    // the newest fact of this segment
    if (made_.empty()) return p;
    const Made& prev = made_.back();
    if (prev.end <= v.segment_b || prev.sec != v.sec) return p;
    sv alias = prev.alias;
    for (sv vb : kVerbs) {
      if (starts(alias, vb) && alias.size() > vb.size()) {
        std::string composed = std::string(verb) + std::string(alias.substr(vb.size()));
        auto ms = usable(find_aliases(composed), v, unit);
        for (const Match& m : ms) {
          if (m.begin == 0 && m.end == composed.size()) {
            p.ind = m.alias->ind;
            p.alias = composed;
            p.scope = scope_in(v.label);
            if (!p.scope) p.scope = prev.scope;
            return p;
          }
        }
        break;
      }
    }
    return p;
  }

  // "网络申请是主要申请形式，申请量为64件": the name stands in the clause
  // just before, which has no number of its own.
  Pick from_previous_clause(const QView& v, sv unit) const {
    Pick p;
    if (v.label.empty() || !generic(v.label)) return p;
    if (v.clause_b <= v.segment_b) return p;
    // the previous clause: [its start, v.clause_b - delimiter)
    std::size_t end = v.clause_b;
    std::size_t lo = std::max(v.segment_b, end > 200 ? end - 200 : 0);
    Bounds b = bounds_before(t_, lo, end > 0 ? end - 1 : 0);
    std::size_t begin = std::max(b.clause, v.segment_b);
    if (begin >= end) return p;
    // no number in it
    if (v.index > 0 && doc_.quantities[v.index - 1].span.end > begin) return p;
    std::string prev = compact(t_.substr(begin, end - begin));
    auto ms = usable(find_aliases(prev), v, unit);
    auto m = best_near_end(ms);
    if (!m || m->alias->weak) return p;
    const Indicator& ind = *m->alias->ind;
    if (starts(ind.id, "disclosure.channel.")) {
      if (!channel_ok(ind, prev, *m)) return p;
      if (!(has(prev, "公开") || has(prev, "发布")) || !has(prev, "信息")) return p;
    }
    p.ind = refine_child(&ind, prev, v, unit);
    p.scope = scope_in(prev);
    if (!p.scope) p.scope = scope_in(v.label);
    p.alias = m->alias->text;
    return p;
  }

  // "当面、网络、信函申请分别为16件、64件、40件"
  bool map_list(const QView& v) {
    const std::size_t i = v.index;
    std::size_t p = v.label.rfind("分别");
    if (p == std::string::npos) return false;
    if (!only_filler(sv(v.label).substr(p))) return false;
    // the members: this quantity and the ones joined to it by 、和及与
    std::vector<std::size_t> members{i};
    for (std::size_t j = i + 1; j < doc_.quantities.size(); ++j) {
      QView w = light(j);
      if (w.invalid || w.percent != v.percent) break;
      std::size_t last_end = doc_.quantities[members.back()].span.end;
      if (w.whole.begin < last_end) break;
      std::string between = compact(t_.substr(last_end, w.whole.begin - last_end));
      if (!(between == "\xE3\x80\x81" || between == "和" || between == "及" || between == "与" ||
            between == "以及" || between == ",")) break;
      members.push_back(j);
    }
    for (std::size_t m : members) handled_[m] = true;
    // the items: the label before 分别, or the previous clause
    std::string items = v.label.substr(0, p);
    std::string cont = content_of(items);
    if (only_filler(cont)) {
      if (v.clause_b <= v.segment_b) return true;
      std::size_t lo = std::max(v.segment_b, v.clause_b > 200 ? v.clause_b - 200 : 0);
      Bounds b = bounds_before(t_, lo, v.clause_b - 1);
      std::size_t begin = std::max(b.clause, v.segment_b);
      items = compact(t_.substr(begin, v.clause_b - begin));
    }
    std::vector<std::string> parts;
    {
      std::string cur;
      sv s = items;
      while (!s.empty()) {
        sv sep;
        for (sv x : {"\xE3\x80\x81", "以及", "和", "及", "与"})
          if (starts(s, x)) sep = x;
        if (!sep.empty()) {
          parts.push_back(cur);
          cur.clear();
          s.remove_prefix(sep.size());
          continue;
        }
        cur.push_back(s[0]);
        s.remove_prefix(1);
      }
      parts.push_back(cur);
    }
    if (parts.size() != members.size()) return true;
    const std::string& last = parts.back();
    std::vector<const Indicator*> inds;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      const Indicator* found = nullptr;
      std::string item = parts[k];
      // the first item may carry the sentence's subject: take its tail
      std::vector<std::string> tries{item};
      if (k + 1 < parts.size()) {
        // shared head noun of the last item ("当面" + "申请")
        for (std::size_t cut = 3; cut < last.size(); cut += 3) tries.push_back(item + last.substr(cut));
      }
      for (const std::string& tr : tries) {
        auto ms = usable(find_aliases(tr), light(members[k]), unit_of(members[k]));
        auto m = best_near_end(ms);
        if (m && only_filler(sv(tr).substr(m->end)) && !m->alias->weak) {
          found = m->alias->ind;
          break;
        }
      }
      if (!found) return true;  // a list of named units: plain quantities
      inds.push_back(found);
    }
    auto sc = scope_in(items);
    for (std::size_t k = 0; k < members.size(); ++k) {
      Pick pk;
      pk.ind = inds[k];
      pk.scope = sc;
      QView mv = members[k] == i ? v : light(members[k]);
      if (members[k] != i) mv.segment_b = v.segment_b;
      emit(mv, pk);
    }
    return true;
  }

  // The unit of a quantity; when the numbers stage found none, a unit word
  // standing right after the number across a line break ("351\n件" in text
  // extracted from PDF).
  // "收取金额为0。": a bare 0 right after a label naming a money amount
  // (金额为 / 费用为 …) and ending its clause is 0 元. Only 0: any other
  // number without a unit may be in 元 or 万元.
  std::string implied_money_unit(const Quantity& q) const {
    if (!q.value.is_zero() || q.span.end - q.span.begin != 1) return {};
    sv before = t_.substr(0, q.span.begin);
    bool label = false;
    for (sv l : {"金额为", "金额是", "金额:", "费用为", "费用是", "费用:", "费为", "费是", "费:"})
      label = label || ends(before, l);
    if (!label) return {};
    sv after = t_.substr(q.span.end);
    if (after.empty()) return "元";
    for (sv end : {"。", ",", ";", "、", "\n", ".", "\r"})
      if (starts(after, end)) return "元";
    return {};
  }

  std::string unit_of(std::size_t i) const {
    const Quantity& q = doc_.quantities[i];
    if (!q.unit.empty()) return q.unit;
    std::size_t j = q.span.end;
    std::size_t stop = std::min(t_.size(), j + 8);
    while (j < stop && (t_[j] == ' ' || t_[j] == '\n' || t_[j] == '\r' || t_[j] == '\t')) ++j;
    if (j == q.span.end) return implied_money_unit(q);
    sv rest = t_.substr(j);
    for (sv u : {"人次", "万元", "件", "条", "次", "篇", "个", "人", "元", "项", "场", "名", "家", "处", "期"})
      if (starts(rest, u)) return std::string(u);
    return {};
  }

  void map_one(const QView& v) {
    const std::size_t i = v.index;
    sv kind = kind_of(v);
    if (kind == "preamble" || kind == "problems") return;
    std::string unit = unit_of(i);
    if (unit.empty()) return;
    if (map_list(v)) return;
    Pick p = direct(v, unit);
    if (!p.parts.empty()) {
      emit_sum(v, p);
      return;
    }
    if (!p.ind) p = from_part_of(v, unit);
    if (!p.ind) p = from_object(v, unit);
    if (!p.ind) p = from_tail(v, unit);
    if (!p.ind) p = from_previous_clause(v, unit);
    if (!p.ind) return;
    // "受理申请45件（含上年结转3件）": received counts carried-in too, so it is not 新收
    if (p.ind->id == "apply.new" && !has(p.alias, "新")) {
      std::size_t e = std::min(t_.size(), v.whole.end + 40);
      std::string after = compact(t_.substr(v.whole.end, e - v.whole.end));
      if ((starts(after, "(含") || starts(after, "(其中含") || starts(after, "(包括")) && has(after, "结转")) return;
    }
    emit(v, p);
  }

  void emit(const QView& v, const Pick& p) {
    const std::size_t i = v.index;
    const Quantity& q = doc_.quantities[i];
    Fact f;
    f.indicator = std::string(p.ind->id);
    f.value = q.value;
    f.unit = unit_of(i);
    f.approx = q.approx;
    f.origin = Origin::text;
    f.span = v.num;
    if (const Sec* s = sec_of(v)) f.section = s->path;
    if (p.scope) {
      f.scope = *p.scope;
    } else if (!made_.empty()) {
      // no scope word: the scope of the previous fact of the same segment
      const Made& prev = made_.back();
      if (prev.end > v.segment_b && prev.sec == v.sec)
        f.scope = prev.scope;
    }
    fact_of_[i] = static_cast<int>(facts_.size());
    // only what is needed for the next numbers is kept
    if (made_.size() >= 32) made_.pop_front();
    made_.push_back({p.ind, f.scope, v.whole.end, v.sec, p.alias, v.label});
    if (!first_statement(f)) {
      fact_of_[i] = -1;
      return;
    }
    facts_.push_back(std::move(f));
  }

  void emit_sum(const QView& v, const Pick& p) {
    const std::size_t i = v.index;
    const Quantity& q = doc_.quantities[i];
    Fact f;
    for (const Indicator* ind : p.parts) {
      if (!f.indicator.empty()) f.indicator += "+";
      f.indicator += ind->id;
      f.parts.emplace_back(ind->id);
    }
    f.value = q.value;
    f.unit = unit_of(i);
    f.approx = q.approx;
    f.origin = Origin::text;
    f.span = v.num;
    if (p.scope) f.scope = *p.scope;
    if (const Sec* s = sec_of(v)) f.section = s->path;
    sum_of_[i] = static_cast<int>(sums_.size());
    sums_.push_back(std::move(f));
  }

  // ---- percentages ----

  bool share_label(const QView& v) const {
    const bool ctx = doc_.quantity_context.size() == doc_.quantities.size();
    if (ctx && doc_.quantity_context[v.index].share) return true;
    sv l = v.label;
    if (starts(l, "分别")) l.remove_prefix(6);
    if (starts(l, "所占") || starts(l, "占")) return true;
    for (sv w : {"比例", "比重", "占比"})
      if (has(l, w)) return true;
    return false;
  }

  void attach_percent(const QView& v) {
    const std::size_t i = v.index;
    bool paren = false;
    if (v.label.empty() && v.label_b == v.clause_b && v.clause_b > 0) {
      // "(1.68%)" right after a number
      sv before = t_.substr(0, v.clause_b);
      paren = ends(before, "(") || ends(before, "\xEF\xBC\x88");
    }
    if (!paren && !share_label(v)) return;
    // a list of percentages: "分别占…4.3%和4.1%"
    std::vector<std::size_t> members{i};
    if (starts(v.label, "分别")) {
      for (std::size_t j = i + 1; j < doc_.quantities.size(); ++j) {
        QView w = light(j);
        if (w.invalid || !w.percent) break;
        std::size_t last_end = doc_.quantities[members.back()].span.end;
        if (w.whole.begin < last_end) break;
        std::string between = compact(t_.substr(last_end, w.whole.begin - last_end));
        if (!(between == "\xE3\x80\x81" || between == "和" || between == "及" || between == "与")) break;
        members.push_back(j);
      }
    }
    for (std::size_t m : members) handled_[m] = true;
    // the quantities just before, in the same sentence, must all be facts
    std::size_t n = members.size();
    if (i < n) return;
    std::vector<std::size_t> targets;
    std::size_t k = i;
    while (targets.size() < n && k > 0) {
      --k;
      if (doc_.quantities[k].unit == "%") continue;
      targets.push_back(k);
    }
    if (targets.size() != n) return;
    std::reverse(targets.begin(), targets.end());
    auto target = [&](std::size_t k) -> Fact* {
      if (fact_of_[k] >= 0) return &facts_[static_cast<std::size_t>(fact_of_[k])];
      if (sum_of_[k] >= 0) return &sums_[static_cast<std::size_t>(sum_of_[k])];
      return nullptr;
    };
    for (std::size_t x = 0; x < n; ++x) {
      Fact* f = target(targets[x]);
      if (!f || doc_.quantities[targets[x]].span.end <= v.sentence_b || f->percent) return;
    }
    for (std::size_t x = 0; x < n; ++x) {
      Fact* f = target(targets[x]);
      f->percent = doc_.quantities[members[x]].value;
      f->percent_span = members[x] == i ? v.num : light(members[x]).num;
    }
  }

  // ---- statements of absence ----

  // The deepest section at `pos`; positions must come in increasing order.
  int section_at(std::size_t pos) {
    while (abs_si_ + 1 < secs_.size() && secs_[abs_si_ + 1].span.begin <= pos) ++abs_si_;
    int s = secs_.empty() ? -1 : static_cast<int>(abs_si_);
    while (s >= 0 && !secs_[static_cast<std::size_t>(s)].span.contains(pos)) s = secs_[static_cast<std::size_t>(s)].parent;
    return s;
  }

  void absences() {
    abs_si_ = 0;
    // One pass per line finds every negation; they are then handled word by
    // word (all 没有, then all 未, ...), each in text order.
    static const KeywordSet negations({"没有", "未", "无", "不存在"});
    std::array<std::vector<std::size_t>, 4> at_of;
    for (const Line& line : doc_.lines) {
      if (line.boilerplate || line.in_table) continue;
      sv l = line.span.of(t_);
      for (auto& v : at_of) v.clear();
      negations.each_match(l, [&](std::size_t at, std::size_t w) {
        at_of[w].push_back(at);
        return true;
      });
      for (std::size_t w = 0; w < at_of.size(); ++w) {
        const std::size_t len = negations.word(w).size();
        for (std::size_t at : at_of[w]) {
          absence_at(line.span.begin + at, line.span.begin + at + len, line.span.end);
          if (w == 2) absence_after_colon(line.span.begin + at, line.span.begin + at + len, line.span.end);
        }
      }
    }
  }

  void absence_at(std::size_t neg_b, std::size_t neg_e, std::size_t line_e) {
    // the governed verb, right after the negation ("均未发生", "没有收到")
    std::size_t vb = neg_e;
    sv rest = t_.substr(vb, std::min(line_e, vb + 3 * 30) - vb);
    for (sv skip : {"再", "曾", "有"})
      if (starts(rest, skip) && !starts(rest, "有关")) {
        rest.remove_prefix(skip.size());
        vb += skip.size();
      }
    sv verb;
    for (sv v : kAbsenceVerbs)
      if (starts(rest, v)) verb = v;
    if (verb.empty()) return;
    (void)line_e;  // the object may go on over a line break (text from PDF)
    std::size_t ce = clause_end(t_, vb, std::min(t_.size(), vb + kAhead));
    std::string obj = compact(t_.substr(vb, ce - vb));
    int si = section_at(neg_b);
    sv kind = si >= 0 ? sv(secs_[static_cast<std::size_t>(si)].kind) : sv("preamble");
    if (kind == "preamble" || kind == "problems") return;
    // coordinated parts: "行政复议纠错或行政诉讼败诉"
    std::vector<std::string> parts;
    {
      std::string cur;
      sv s = obj;
      while (!s.empty()) {
        sv sep;
        for (sv x : {"\xE3\x80\x81", "或者", "或", "和", "及", "与"})
          if (starts(s, x)) sep = x;
        if (!sep.empty()) {
          parts.push_back(cur);
          cur.clear();
          s.remove_prefix(sep.size());
          continue;
        }
        cur.push_back(s[0]);
        s.remove_prefix(1);
      }
      parts.push_back(cur);
    }
    sv fam;
    for (const std::string& part : parts) {
      if (has(part, "减免")) continue;  // "未发生减免费用的情况" is about reductions
      std::vector<Match> ms;
      std::vector<Match> found = find_aliases(part);
      bool named = false;
      for (const Match& m : found) {
        sv id = m.alias->ind->id;
        named = named || starts(id, "fee.");
      }
      if (!named) {
        for (const Alias& a : absence_aliases_) {
          std::size_t at = part.find(a.text);
          if (at != std::string::npos) found.push_back({&a, at, at + a.text.size()});
        }
      }
      for (const Match& m : found) {
        sv id = m.alias->ind->id;
        bool ok = false;
        for (sv a : kAbsenceIds) ok = ok || a == id;
        if (ok && topic_ok(id, kind)) ms.push_back(m);
      }
      // the family of an outcome: named in this part or an earlier one
      for (sv w : {"复议", "诉讼", "投诉", "举报"}) {
        if (has(part, w)) fam = w == "复议" ? "review" : w == "诉讼" ? "litigation" : "complaints";
      }
      std::vector<Match> fit;
      for (const Match& m : ms) {
        if (is_outcome(m.alias->ind->id) && family_of(m.alias->ind->id) != fam) continue;
        fit.push_back(m);
      }
      auto m = best_near_end(fit);
      if (!m) continue;
      // the head of the phrase must be what is absent: in "行政诉讼败诉情形"
      // it is 败诉 (an outcome), not 行政诉讼, even where the format has no id for it
      bool outranked = false;
      for (sv w : kOutcomeWords) {
        std::size_t at = part.rfind(w);
        if (at != std::string::npos && at >= m->end && !is_outcome(m->alias->ind->id)) outranked = true;
      }
      if (outranked) continue;
      emit_absence(*m->alias->ind, {neg_b, vb + verb.size()}, si);
    }
  }

  // A statement of absence ("未收取费用", "信息处理费：无") is the value 0 of
  // the indicator it names, read at the negation (first statement wins).
  void emit_absence(const Indicator& ind, Span span, int si) {
    Fact f;
    f.indicator = std::string(ind.id);
    f.value = Decimal(0);
    f.unit = std::string(ind.unit);
    f.origin = Origin::text;
    f.span = span;
    if (si >= 0) f.section = secs_[static_cast<std::size_t>(si)].path;
    if (first_statement(f)) facts_.push_back(std::move(f));
  }

  // "信息处理费：无。", "行政复议:无": a name, a colon and 无 standing alone.
  void absence_after_colon(std::size_t neg_b, std::size_t neg_e, std::size_t line_e) {
    std::size_t c = neg_b;
    while (c > 0 && t_[c - 1] == ' ') --c;
    std::size_t colon = 0;
    if (c >= 1 && t_[c - 1] == ':') colon = 1;
    else if (c >= 3 && t_.substr(c - 3, 3) == "\xEF\xBC\x9A") colon = 3;  // ：
    if (!colon) return;
    // 无 ends its clause ("信息处理费：无。"; not "…：无正当理由")
    std::size_t e = neg_e;
    while (e < line_e && t_[e] == ' ') ++e;
    if (e < line_e && delim_at(t_, e).first == Delim::none) return;
    std::size_t name_e = c - colon;
    std::size_t from = name_e > 90 ? name_e - 90 : 0;
    Bounds b = bounds_before(t_, from, name_e);
    std::string name = compact(t_.substr(b.clause, name_e - b.clause));
    if (name.empty()) return;
    int si = section_at(neg_b);
    sv kind = si >= 0 ? sv(secs_[static_cast<std::size_t>(si)].kind) : sv("preamble");
    if (kind == "preamble" || kind == "problems") return;
    std::vector<Match> ms;
    for (const Match& m : find_aliases(name)) {
      sv id = m.alias->ind->id;
      bool ok = false;
      for (sv a : kAbsenceIds) ok = ok || a == id;
      // the name is the whole label: only filler words after it ("信息处理费情况")
      sv after = sv(name).substr(m.end);
      if (ends(after, "情况")) after.remove_suffix(sv("情况").size());
      if (ok && topic_ok(id, kind) && !is_outcome(id) && only_filler(after)) ms.push_back(m);
    }
    auto m = best_near_end(ms);
    if (!m) return;
    emit_absence(*m->alias->ind, {neg_b, neg_e}, si);
  }

  // ---- "受理…件" that counts carried-in applications too ----
  //
  // FORMATS.md TXT-T3: "收到/受理…件" may mean new or new + carried-in. When
  // the report's own table says new + carried-in equals the prose number
  // (and carried-in is not 0), the prose number is not apply.new.
  void resolve_received_ambiguity() {
    std::optional<Decimal> t_new, t_in;
    for (const RawTable& t : doc_.tables) {
      for (const CellInfo& c : t.info) {
        if (c.applicant != Applicant::total) continue;
        if (c.indicator == "apply.new") t_new = c.value;
        if (c.indicator == "apply.carried_in") t_in = c.value;
      }
    }
    if (!t_new || !t_in || t_in->is_zero()) return;
    auto sum = Decimal::add(*t_new, *t_in);
    if (!sum) return;
    facts_.erase(std::remove_if(facts_.begin(), facts_.end(),
                                [&](const Fact& f) {
                                  return f.indicator == "apply.new" && f.scope == Scope::total &&
                                         f.value == *sum && !(f.value == *t_new);
                                }),
                 facts_.end());
  }

  // One fact per (indicator, scope): the first statement wins (a report
  // restates its figures; keeping only the first also bounds memory).
  bool first_statement(const Fact& f) {
    return seen_.insert({f.indicator, f.scope, f.applicant}).second;
  }

  Doc& doc_;
  sv t_;
  Format format_;
  std::string level_;
  ScopeWords scope_words_;
  // The catalogue's names for this format, built once per format.
  const AliasTables& tables_ = alias_tables(format_);
  const std::vector<Alias>& aliases_ = tables_.aliases;
  const std::vector<Alias>& absence_aliases_ = tables_.absence_aliases;
  const std::unordered_map<std::uint32_t, std::vector<std::size_t>>& by_lead_ = tables_.by_lead;
  const std::unordered_map<const Indicator*, std::vector<std::size_t>>& child_aliases_ = tables_.child_aliases;
  std::vector<Sec> secs_;
  std::vector<bool> handled_;
  std::vector<int> fact_of_, sum_of_;  // per quantity: index into facts_ / sums_, or -1
  std::size_t scan_at_ = 0, prev_end_ = 0;
  Bounds run_{0, 0, 0};
  std::vector<Fact> facts_;
  std::vector<Fact> sums_;
  std::deque<Made> made_;
  std::set<std::tuple<std::string, Scope, Applicant>> seen_;
  std::size_t abs_si_ = 0;
};

}  // namespace

void facts(Doc& doc) {
  Mapper m(doc);
  m.run();
}

}  // namespace ogi::detail
