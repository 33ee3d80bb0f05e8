// lib/structure/tables: find the tables of a report and match them to the
// official templates (FORMATS.md §B, §C, §A.2, §E.1).
//
//   1. Markup tables (HTML grids) are turned into rows and classified by
//      their words (第二十条 / 勾稽关系 / 行政复议 + 结果维持 / 统计指标).
//   2. In the text, anchors open a region per table: 第二十条第（一）项 for
//      table 二, the corner note or 一、本年新收… for table 三, a short line
//      with 行政复议 for table 四; headings 二、三、四、五 bound them. Each
//      region's lines become rows (table_rows), whatever the flattening.
//   3. The rows are matched (table_match) into a canonical grid with one
//      CellInfo per cell; lines that made rows are marked Line::in_table so
//      that the numbers stage reads only prose.
//   4. A section heading 二/三/四 with no table under it gives a Table with
//      absent = true (tables published as images, §E.1.7).
//   Other markup tables and Markdown pipe tables pass through as kind other.
#include <algorithm>
#include <span>
#include <string>

#include "doc.hpp"
#include "structure/table_match.hpp"
#include "structure/table_rows.hpp"
#include "structure/table_text.hpp"

namespace ogi::detail {
namespace {

namespace tt = tables_text;
namespace tr = table_rows;
namespace tm = table_match;

enum class Kind { none, disclosure, apply, review, legacy };

constexpr std::u32string_view kT2Words[] = {U"本年制发件数", U"本年新制作数量", U"本年处理决定数量", U"上一年项目数量",
                                            U"本年收费金额", U"对外公开总数量"};

bool has_any(const std::u32string& s, std::span<const std::u32string_view> words) {
  for (auto w : words)
    if (tt::contains(s, w)) return true;
  return false;
}

// What a short line announces.
struct LineInfo {
  bool t2 = false, t3 = false, t4 = false;
  int heading = 0;  // 2..6 for the headings 二…六 of the official outline
};

int numeral_value(char32_t c) {
  switch (c) {
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    default: return 0;
  }
}

LineInfo inspect(std::string_view text) {
  LineInfo li;
  std::u32string s = tt::squash(text, 120);
  if (s.empty() || s.size() > 100) return li;
  bool prose = tt::looks_like_prose(text);
  if (!prose && s.size() <= 40 && tt::contains(s, U"第二十条") && tt::contains(s, U"项")) li.t2 = true;
  if (!prose && tt::starts_with(s, U"信息内容") && has_any(s, kT2Words)) li.t2 = true;
  if (tt::contains(s, U"勾稽关系") || (tt::starts_with(s, U"申请人情况") && s.size() <= 20)) li.t3 = true;
  if (!prose && s.size() <= 40 && tt::contains(s, U"行政复议") && !tt::contains(s, U"本年新收")) li.t4 = true;
  // headings: "二、主动公开政府信息情况", "## 三、…", "一、主动公开政府信息情况" (re-numbered)
  if (!prose && s.size() <= 36) {
    bool numbered = s.size() > 2 && numeral_value(s[0]) && (s[1] == U'、' || s[1] == U'.' || s[1] == U',');
    bool bare = !numbered;
    if (tt::contains(s, U"主动公开政府信息情况") && (numbered || (bare && s.size() <= 12))) li.heading = 2;
    else if (tt::contains(s, U"收到和处理政府信息公开申请情况")) li.heading = 3;
    else if (tt::contains(s, U"行政复议") && tt::contains(s, U"行政诉讼") && tt::contains(s, U"情况")) li.heading = 4;
    else if (numbered && (tt::contains(s, U"存在的主要问题") || tt::contains(s, U"主要问题及"))) li.heading = 5;
    else if (numbered && tt::contains(s, U"其他需要报告的事项")) li.heading = 6;
  }
  return li;
}

// A line of a table region that the prose stage may skip: a row of cells,
// or a label whose only digits are its numbering ("1.属于国家秘密"). A line
// of words with a number in it ("（其中修订 16 件）", a sentence cut without
// its 。) stays with the prose.
bool table_like(std::string_view line) {
  if (line.find('|') != std::string_view::npos || tt::is_page_marker(line)) return true;
  std::vector<tt::Token> toks = tt::tokens(line);
  if (toks.empty()) return true;
  tt::Value last = tt::parse_value(line.substr(toks.back().begin, toks.back().end - toks.back().begin));
  if (last.kind == tt::ValueKind::number || last.kind == tt::ValueKind::marker) return true;
  std::u32string s = tt::squash(line, 200);
  std::size_t i = 0;
  if (i < s.size() && s[i] == U'(') ++i;
  while (i < s.size() && s[i] >= U'0' && s[i] <= U'9') ++i;  // leading numbering
  for (; i < s.size(); ++i)
    if (s[i] >= U'0' && s[i] <= U'9') return false;
  return true;
}

Kind classify_markup(const std::vector<tr::Row>& rows) {
  std::u32string all;
  for (const tr::Row& r : rows) {
    for (const tr::RCell& c : r.labels) {
      all += tt::squash(c.text, 200);
      if (all.size() > 20000) break;
    }
  }
  if (tt::contains(all, U"勾稽关系") || tt::contains(all, U"本年新收") || tt::contains(all, U"上年结转"))
    return Kind::apply;
  if (tt::contains(all, U"行政复议") &&
      (tt::contains(all, U"结果维持") || tt::contains(all, U"尚未审结") || tt::contains(all, U"复议后起诉")))
    return Kind::review;
  if (tt::contains(all, U"第二十条") || has_any(all, kT2Words)) return Kind::disclosure;
  if (tt::contains(all, U"统计指标") || tt::contains(all, U"主动公开情况") || tt::contains(all, U"依申请公开情况"))
    return Kind::legacy;
  return Kind::none;
}

// The table a markup row opens: 第二十条第（一）项, the corner note of 三, the 行政复议 header of 四.
Kind starts_table(const tr::Row& r) {
  std::u32string all;
  for (const tr::RCell& c : r.labels) all += tt::squash(c.text, 200);
  if (tt::contains(all, U"勾稽关系")) return Kind::apply;
  if (tt::contains(all, U"行政复议") && (tt::contains(all, U"行政诉讼") || tt::contains(all, U"结果维持")))
    return Kind::review;
  if (tt::contains(all, U"第二十条")) return Kind::disclosure;
  return Kind::none;
}

Span cells_span(const std::vector<tr::Row>& rows, Span fallback) {
  Span s{SIZE_MAX, 0};
  for (const tr::Row& r : rows) {
    for (const tr::RCell& c : r.labels) s.begin = std::min(s.begin, c.span.begin), s.end = std::max(s.end, c.span.end);
    for (const tr::RCell& c : r.values) s.begin = std::min(s.begin, c.span.begin), s.end = std::max(s.end, c.span.end);
  }
  return s.begin == SIZE_MAX ? fallback : s;
}

TableKind table_kind(Kind k) {
  switch (k) {
    case Kind::disclosure: return TableKind::disclosure;
    case Kind::apply: return TableKind::apply;
    case Kind::review: return TableKind::review_litigation;
    case Kind::legacy: return TableKind::legacy_stats;
    default: return TableKind::other;
  }
}

int line_at(const Doc& doc, std::size_t offset) {
  auto it = std::upper_bound(doc.lines.begin(), doc.lines.end(), offset,
                             [](std::size_t off, const Line& l) { return off < l.span.begin; });
  if (it == doc.lines.begin()) return 0;
  return static_cast<int>(it - doc.lines.begin()) - 1;
}

struct Found {
  Kind kind = Kind::none;
  tm::Result result;
};

}  // namespace

void tables(Doc& doc) {
  const int nlines = static_cast<int>(doc.lines.size());
  std::vector<char> covered(static_cast<std::size_t>(nlines), 0);
  std::vector<Found> found;          // matched template tables, in the order found
  std::vector<RawTable> others;      // tables that match no template

  auto mark = [&](int a, int b) {
    for (int l = std::max(a, 0); l <= b && l < nlines; ++l) doc.lines[static_cast<std::size_t>(l)].in_table = true;
  };
  auto have = [&](Kind k) {
    return std::any_of(found.begin(), found.end(), [&](const Found& f) { return f.kind == k && f.result.matched; });
  };

  // 1. markup tables
  for (RawTable& mt : doc.markup_tables) {
    if (mt.grid.cells.empty() || mt.span.empty()) continue;  // <table></table>: nothing to read
    int a = -1, b = -1;
    if (!doc.lines.empty() && !mt.span.empty()) {
      a = line_at(doc, mt.span.begin);
      b = line_at(doc, mt.span.end > 0 ? mt.span.end - 1 : 0);
      for (int l = a; l <= b; ++l) covered[static_cast<std::size_t>(l)] = 1;
      mark(a, b);
    }
    std::vector<tr::Row> rows = tr::rows_from_grid(doc, mt.grid, a, b);
    // one grid may hold several of the tables (二, 三 and 四 in one <table>): split at their first rows
    std::vector<std::pair<Kind, std::size_t>> parts;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      Kind k = starts_table(rows[i]);
      if (k == Kind::none) continue;
      bool seen = std::any_of(parts.begin(), parts.end(), [&](const auto& p) { return p.first == k; });
      if (!seen) parts.push_back({k, i});
    }
    if (parts.empty()) parts.push_back({classify_markup(rows), 0});
    parts.front().second = 0;
    bool any = false;
    for (std::size_t p = 0; p < parts.size(); ++p) {
      std::size_t end = p + 1 < parts.size() ? parts[p + 1].second : rows.size();
      std::vector<tr::Row> part(std::make_move_iterator(rows.begin() + static_cast<std::ptrdiff_t>(parts[p].second)),
                                std::make_move_iterator(rows.begin() + static_cast<std::ptrdiff_t>(end)));
      Kind k = parts.size() == 1 ? parts[p].first : classify_markup(part);
      tm::Result r;
      if (k == Kind::apply && !have(Kind::apply)) r = tm::match_apply(doc, part, doc.meta.format);
      else if (k == Kind::review && !have(Kind::review)) r = tm::match_review(doc, part);
      else if (k == Kind::disclosure && !have(Kind::disclosure)) r = tm::match_disclosure(doc, part, doc.meta.format);
      else if (k == Kind::legacy && !have(Kind::legacy)) r = tm::match_legacy(doc, part);
      if (!r.matched) continue;
      any = true;
      r.table.span = parts.size() == 1 ? mt.span : cells_span(part, mt.span);
      r.table.anchor_line = a;
      found.push_back({k, std::move(r)});
    }
    if (!any) others.push_back(std::move(mt));
  }
  doc.markup_tables.clear();

  // 2. anchors and headings in the text
  std::vector<LineInfo> info(static_cast<std::size_t>(nlines));
  int t2 = -1, t3 = -1, t4 = -1;
  int head[7] = {-1, -1, -1, -1, -1, -1, -1};
  for (int l = 0; l < nlines; ++l) {
    const Line& line = doc.lines[static_cast<std::size_t>(l)];
    if (line.boilerplate || covered[static_cast<std::size_t>(l)]) continue;
    std::string_view sv = doc.text(line.span);
    if (sv.size() > 600) continue;
    LineInfo li = inspect(sv);
    info[static_cast<std::size_t>(l)] = li;
    if (li.heading && head[li.heading] < 0) head[li.heading] = l;
    if (li.t2 && t2 < 0) t2 = l;
    if (li.t3 && t3 < 0 && (t2 < 0 || l > t2)) t3 = l;
    if (li.t4 && t4 < 0 && l > std::max(t2, t3) && (t3 >= 0 || t2 >= 0)) t4 = l;
  }
  // a table 三 without its header: its first row is the anchor
  if (t3 < 0) {
    for (int l = std::max(t2, 0); l < nlines; ++l) {
      const Line& line = doc.lines[static_cast<std::size_t>(l)];
      if (line.boilerplate || covered[static_cast<std::size_t>(l)]) continue;
      std::string_view sv = doc.text(line.span);
      if (sv.size() > 400) continue;
      if (sv.find("本年新收") == std::string_view::npos && sv.find("结转下") == std::string_view::npos) continue;
      std::vector<tr::Row> one = tr::rows_from_lines(doc, l, l + 1, covered, nullptr);
      if (one.empty()) continue;
      if (tm::row_similarity(one.front(), "一、本年新收政府信息公开申请数量") >= 0.8 ||
          (one.front().filled() >= 5 && tm::row_similarity(one.front(), "四、结转下年度继续办理") >= 0.8)) {
        t3 = l;
        break;
      }
    }
    if (t3 >= 0 && t4 >= 0 && t4 < t3) t4 = -1;
    if (t3 >= 0 && t4 < 0)
      for (int l = t3 + 1; l < nlines; ++l)
        if (info[static_cast<std::size_t>(l)].t4) {
          t4 = l;
          break;
        }
  }
  // headings open a region when the table has no anchor of its own (not in a
  // legacy report, whose outline has 二、主动公开政府信息情况 too)
  if (doc.meta.format == Format::legacy) head[2] = head[3] = head[4] = -1;
  if (t2 < 0 && head[2] >= 0 && (t3 < 0 || head[2] < t3)) t2 = head[2];
  if (t3 < 0 && head[3] >= 0 && head[3] > t2) t3 = head[3];
  if (t4 < 0 && head[4] >= 0 && head[4] > std::max(t2, t3)) t4 = head[4];

  auto first_after = [&](int from, std::initializer_list<int> cands) {
    int best = nlines;
    for (int c : cands)
      if (c > from && c < best) best = c;
    return best;
  };
  int h5 = -1;
  for (int l = std::max({t2, t3, t4, 0}); l < nlines; ++l)
    if (info[static_cast<std::size_t>(l)].heading >= 5) {
      h5 = l;
      break;
    }

  struct Region {
    Kind kind;
    int begin, end;
  };
  std::vector<Region> regions;
  if (t2 >= 0) regions.push_back({Kind::disclosure, t2, first_after(t2, {t3, t4, h5})});
  if (t3 >= 0) regions.push_back({Kind::apply, t3, first_after(t3, {t4, h5})});
  if (t4 >= 0) regions.push_back({Kind::review, t4, std::min(first_after(t4, {h5}), t4 + 120)});

  for (const Region& rg : regions) {
    if (have(rg.kind)) continue;
    std::vector<char> used(static_cast<std::size_t>(nlines), 0);
    std::vector<tr::Row> rows = tr::rows_from_lines(doc, rg.begin, rg.end, covered, &used);
    tm::Result r;
    if (rg.kind == Kind::disclosure) r = tm::match_disclosure(doc, rows, doc.meta.format);
    else if (rg.kind == Kind::apply) r = tm::match_apply(doc, rows, doc.meta.format);
    else r = tm::match_review(doc, rows);
    // mark the lines that were table rows; for table 四 only up to its last value row
    int last = rg.end - 1;
    if (rg.kind == Kind::review && r.matched) {
      last = rg.begin;
      for (const Cell& c : r.table.grid.cells)
        if (!c.span.empty()) last = std::max(last, line_at(doc, c.span.begin));
    }
    for (int l = rg.begin; r.matched && l <= last && l < rg.end; ++l)
      if ((used[static_cast<std::size_t>(l)] || info[static_cast<std::size_t>(l)].t2 ||
           info[static_cast<std::size_t>(l)].t3 || info[static_cast<std::size_t>(l)].t4) &&
          table_like(doc.text(doc.lines[static_cast<std::size_t>(l)].span)))
        doc.lines[static_cast<std::size_t>(l)].in_table = true;
    if (r.matched) {
      if (r.table.span.empty()) r.table.span = doc.lines[static_cast<std::size_t>(rg.begin)].span;
      r.table.anchor_line = rg.begin;
      found.push_back({rg.kind, std::move(r)});
    }
  }

  // legacy 统计表 when no 2019/2021 table is there: only clusters of short,
  // non-prose lines that use the table's words are tried (a long prose report
  // costs one cheap pass)
  if (found.empty() && !have(Kind::legacy)) {
    static constexpr std::string_view kWords[] = {"公开", "申请", "复议", "诉讼", "举报", "投诉", "费用", "机构",
                                                  "人员", "经费", "会议", "培训", "发布会", "访谈", "解读", "回应"};
    std::vector<int> cand;
    for (int l = 0; l < nlines; ++l) {
      const Line& line = doc.lines[static_cast<std::size_t>(l)];
      if (line.boilerplate || covered[static_cast<std::size_t>(l)]) continue;
      std::string_view sv = doc.text(line.span);
      if (sv.size() > 300 || sv.find("。") != std::string_view::npos) continue;
      bool word = false;
      for (std::string_view w : kWords) word = word || sv.find(w) != std::string_view::npos;
      if (word) cand.push_back(l);
    }
    int tried = 0;
    for (std::size_t i = 0; i < cand.size() && tried < 40;) {
      std::size_t j = i + 1;
      while (j < cand.size() && cand[j] - cand[j - 1] <= 12) ++j;
      if (j - i >= 4) {
        ++tried;
        int a = std::max(cand[i] - 3, 0), b = std::min(cand[j - 1] + 4, nlines);
        std::vector<char> used(static_cast<std::size_t>(nlines), 0);
        std::vector<tr::Row> rows = tr::rows_from_lines(doc, a, b, covered, &used);
        tm::Result r = tm::match_legacy(doc, rows);
        if (r.matched) {
          for (int l = a; l < b; ++l)
            if (used[static_cast<std::size_t>(l)]) doc.lines[static_cast<std::size_t>(l)].in_table = true;
          r.table.anchor_line = a;
          found.push_back({Kind::legacy, std::move(r)});
          break;
        }
      }
      i = j;
    }
  }

  // 4. announced but absent: a heading 二/三/四 with nothing under it
  auto absent = [&](int h, Kind k, const char* caption) {
    if (h < 0 || have(k)) return;
    int next = nlines;
    for (int l = h + 1; l < nlines; ++l)
      if (info[static_cast<std::size_t>(l)].heading) {
        next = l;
        break;
      }
    // "back to back with no content": nothing but prose (or nothing) under the heading
    for (int l = h + 1; l < next; ++l) {
      const Line& line = doc.lines[static_cast<std::size_t>(l)];
      if (covered[static_cast<std::size_t>(l)]) return;
      if (line.boilerplate) continue;
      std::string_view sv = doc.text(line.span);
      if (tt::squash(sv, 8).empty() || tt::is_page_marker(sv)) continue;
      if (!tt::looks_like_prose(sv)) return;
    }
    tm::Result r;
    r.matched = true;
    r.table.grid.kind = table_kind(k);
    r.table.grid.caption = caption;
    r.table.grid.absent = true;
    r.table.span = doc.lines[static_cast<std::size_t>(h)].span;
    r.table.anchor_line = h;
    found.push_back({k, std::move(r)});
  };
  // only in a 2019/2021 report (a legacy report also has 二、主动公开政府信息情况)
  int announced = (head[2] >= 0) + (head[3] >= 0) + (head[4] >= 0);
  bool modern = doc.meta.format == Format::f2019 || doc.meta.format == Format::f2021 ||
                (doc.meta.format == Format::unknown && announced >= 2);
  if (!have(Kind::legacy) && modern) {
    absent(head[2], Kind::disclosure, "主动公开政府信息情况");
    absent(head[3], Kind::apply, "收到和处理政府信息公开申请情况");
    absent(head[4], Kind::review, "政府信息公开行政复议、行政诉讼情况");
  }

  // other tables written with pipes (Markdown or " | " rows) outside the templates:
  // kept as they are (kind other), their lines left to the prose stage
  for (int l = 0; l < nlines;) {
    auto table_line = [&](int k, bool& sep) {
      const Line& line = doc.lines[static_cast<std::size_t>(k)];
      if (line.boilerplate || line.in_table || covered[static_cast<std::size_t>(k)]) return false;
      std::vector<tr::RCell> cells = tr::pipe_cells(doc, k, sep);
      if (sep) return true;
      int nonempty = 0;
      for (const tr::RCell& c : cells) nonempty += c.text.empty() ? 0 : 1;
      return nonempty >= 2;
    };
    bool sep = false;
    int e = l;
    while (e < nlines && table_line(e, sep)) ++e;
    if (e - l >= 2) {
      RawTable t;
      t.grid.kind = TableKind::other;
      t.anchor_line = l;
      t.span = Span{doc.lines[static_cast<std::size_t>(l)].span.begin, doc.lines[static_cast<std::size_t>(e - 1)].span.end};
      t.grid.span = t.span;
      int r = 0;
      for (int k = l; k < e; ++k) {
        std::vector<tr::RCell> cells = tr::pipe_cells(doc, k, sep);
        if (sep) {
          if (r == 1 && t.grid.header_rows == 0) t.grid.header_rows = 1;
          continue;
        }
        for (std::size_t c = 0; c < cells.size(); ++c) {
          Cell cell;
          cell.row = r;
          cell.col = static_cast<int>(c);
          cell.text = std::string(cells[c].text);
          cell.span = cells[c].span;
          t.grid.cells.push_back(std::move(cell));
        }
        t.grid.cols = std::max(t.grid.cols, static_cast<int>(cells.size()));
        ++r;
      }
      t.grid.rows = r;
      if (r >= 2) others.push_back(std::move(t));
    }
    l = std::max(e, l + 1);
  }

  // 5. output in document order: template tables, then the rest
  std::vector<RawTable> out;
  for (Found& f : found) {
    RawTable& t = f.result.table;
    t.grid.span = t.span;
    for (Finding& x : f.result.findings) doc.findings.push_back(std::move(x));
    out.push_back(std::move(t));
  }
  for (RawTable& t : others) out.push_back(std::move(t));
  std::stable_sort(out.begin(), out.end(), [](const RawTable& a, const RawTable& b) { return a.span.begin < b.span.begin; });
  for (RawTable& t : out) doc.tables.push_back(std::move(t));
}

}  // namespace ogi::detail
