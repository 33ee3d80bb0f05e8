// lib/structure/table_rows: markup grids and flattened text → Rows.
#include "structure/table_rows.hpp"

#include <algorithm>

namespace ogi::detail::table_rows {

namespace tt = tables_text;

int Row::filled() const {
  int n = 0;
  for (const auto& p : parsed)
    if (p.kind == tt::ValueKind::number || p.kind == tt::ValueKind::marker) ++n;
  return n;
}

namespace {

bool is_value(const tt::Value& v) {
  return v.kind == tt::ValueKind::number || v.kind == tt::ValueKind::marker || v.kind == tt::ValueKind::empty;
}

// Trimmed cell at [b, e) of line text `sv` starting at norm offset `base`.
RCell make_cell(std::string_view sv, std::size_t base, std::size_t b, std::size_t e) {
  std::string_view piece = sv.substr(b, e - b);
  // trim ASCII and Unicode spaces
  std::size_t lo = 0, hi = piece.size();
  while (lo < hi) {
    std::size_t i = lo;
    if (!tt::is_space_cp(tt::next_cp(piece, i))) break;
    lo = i;
  }
  while (hi > lo) {
    std::size_t k = hi - 1;
    while (k > lo && (static_cast<unsigned char>(piece[k]) & 0xC0) == 0x80) --k;
    std::size_t i = k;
    if (!tt::is_space_cp(tt::next_cp(piece, i))) break;
    hi = k;
  }
  return RCell{Span{base + b + lo, base + b + hi}, piece.substr(lo, hi - lo)};
}

// Splits cells into labels (up to the last non-value cell) and values.
void split_cells(const std::vector<RCell>& cells, Row& row) {
  std::vector<tt::Value> parsed;
  parsed.reserve(cells.size());
  int last_label = -1;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    parsed.push_back(tt::parse_value(cells[i].text));
    if (!is_value(parsed.back())) last_label = static_cast<int>(i);
  }
  for (int i = 0; i <= last_label; ++i)
    if (!cells[i].text.empty()) row.labels.push_back(cells[i]);
  for (std::size_t i = static_cast<std::size_t>(last_label + 1); i < cells.size(); ++i) {
    row.values.push_back(cells[i]);
    row.parsed.push_back(parsed[i]);
  }
}

bool is_separator_piece(std::string_view p) {
  std::size_t dashes = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '-') ++dashes;
    else if (c == ':' && (i == 0 || i + 1 == p.size())) continue;
    else return false;
  }
  return dashes >= 3;
}

struct PipeLine {
  std::vector<RCell> pieces;  // without the empty pieces outside the first/last pipe
  int pipes = 0;
  int nonempty = 0;
  bool separator = false;
};

PipeLine split_pipes(std::string_view sv, std::size_t base) {
  PipeLine pl;
  std::vector<RCell> all;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= sv.size(); ++i) {
    if (i == sv.size() || sv[i] == '|') {
      all.push_back(make_cell(sv, base, start, i));
      if (i < sv.size()) ++pl.pipes;
      start = i + 1;
    }
  }
  // drop the empty piece before a leading pipe and after a trailing pipe
  std::size_t lo = 0, hi = all.size();
  if (hi > lo && all[lo].text.empty()) ++lo;
  if (hi > lo && all[hi - 1].text.empty()) --hi;
  pl.pieces.assign(all.begin() + static_cast<std::ptrdiff_t>(lo), all.begin() + static_cast<std::ptrdiff_t>(hi));
  bool any_sep = false, all_sep = true;
  for (const RCell& c : pl.pieces) {
    if (c.text.empty()) continue;
    ++pl.nonempty;
    if (is_separator_piece(c.text)) any_sep = true;
    else all_sep = false;
  }
  pl.separator = any_sep && all_sep;
  return pl;
}

}  // namespace

std::vector<Row> rows_from_grid(const Doc& doc, const Table& grid, int first_line, int last_line) {
  std::vector<Row> rows;
  std::vector<std::vector<const Cell*>> by_row(static_cast<std::size_t>(std::max(grid.rows, 0)));
  for (const Cell& c : grid.cells)
    if (c.row >= 0 && c.row < grid.rows) by_row[static_cast<std::size_t>(c.row)].push_back(&c);
  for (auto& cells : by_row) {
    std::sort(cells.begin(), cells.end(), [](const Cell* a, const Cell* b) { return a->col < b->col; });
    std::vector<RCell> rc;
    rc.reserve(cells.size());
    for (const Cell* c : cells) {
      std::string_view t = c->text;
      // trim
      RCell cell = make_cell(t, 0, 0, t.size());
      cell.span = c->span;
      rc.push_back(cell);
    }
    Row row;
    split_cells(rc, row);
    row.explicit_cells = true;
    row.from_markup = true;
    row.first_line = first_line;
    row.last_line = last_line;
    rows.push_back(std::move(row));
  }
  (void)doc;
  return rows;
}

std::vector<Row> rows_from_lines(const Doc& doc, int begin, int end, const std::vector<char>& skip,
                                 std::vector<char>* used) {
  std::vector<Row> rows;
  int cur = -1;  // the row a one-cell-per-line value attaches to
  auto mark = [&](int l) {
    if (used) (*used)[static_cast<std::size_t>(l)] = 1;
  };
  auto append_value = [&](int l, const RCell& cell) {
    Row& r = rows[static_cast<std::size_t>(cur)];
    if (!cell.text.empty()) {
      r.bar_inside = r.bar_inside || r.bar_tail > 0;
      r.bar_tail = 0;
    }
    r.values.push_back(cell);
    r.parsed.push_back(tt::parse_value(cell.text));
    r.last_line = l;
    mark(l);
  };
  for (int l = begin; l < end; ++l) {
    const Line& line = doc.lines[static_cast<std::size_t>(l)];
    if (line.boilerplate || (static_cast<std::size_t>(l) < skip.size() && skip[static_cast<std::size_t>(l)])) continue;
    std::string_view sv = doc.text(line.span);
    std::size_t base = line.span.begin;
    RCell whole = make_cell(sv, base, 0, sv.size());
    if (whole.text.empty()) continue;  // blank lines separate cells in some pages; they end nothing
    if (tt::is_page_marker(whole.text)) {
      mark(l);
      continue;
    }
    if (sv.find('|') != std::string_view::npos) {
      PipeLine pl = split_pipes(sv, base);
      if (pl.separator) {
        cur = -1;
        mark(l);
        continue;
      }
      if (pl.nonempty == 0) {
        // "|": one empty cell; "||", "|||": the end of a row (colspan padding)
        if (pl.pipes == 1 && cur >= 0) {
          std::size_t at = whole.span.begin;
          append_value(l, RCell{Span{at, at}, std::string_view{}});
          rows[static_cast<std::size_t>(cur)].explicit_cells = true;
          ++rows[static_cast<std::size_t>(cur)].bar_tail;
        } else {
          cur = -1;
          mark(l);
        }
        continue;
      }
      if (pl.nonempty >= 2) {
        Row row;
        split_cells(pl.pieces, row);
        row.explicit_cells = true;
        row.first_line = row.last_line = l;
        rows.push_back(std::move(row));
        cur = -1;
        mark(l);
        continue;
      }
      // one cell per line: "label |", "12 |" (padding pipes after it are ignored)
      const RCell* cell = nullptr;
      for (const RCell& c : pl.pieces)
        if (!c.text.empty()) {
          cell = &c;
          break;
        }
      tt::Value v = tt::parse_value(cell->text);
      if (is_value(v)) {
        if (cur < 0) {
          rows.emplace_back();
          rows.back().first_line = l;
          cur = static_cast<int>(rows.size()) - 1;
        }
        append_value(l, *cell);
      } else {
        Row row;
        row.labels.push_back(*cell);
        row.first_line = row.last_line = l;
        rows.push_back(std::move(row));
        cur = static_cast<int>(rows.size()) - 1;
        mark(l);
      }
      continue;
    }
    // no pipes: a label and/or numbers separated by whitespace
    std::vector<tt::Token> toks = tt::tokens(sv);
    std::size_t nvals = 0;
    std::vector<tt::Value> tail;
    for (std::size_t k = toks.size(); k-- > 0;) {
      tt::Value v = tt::parse_value(sv.substr(toks[k].begin, toks[k].end - toks[k].begin));
      if (v.kind != tt::ValueKind::number && v.kind != tt::ValueKind::marker) break;
      // a number glued to a label ("信息公开申请1") is not a cell; tokens are whitespace-separated already
      tail.push_back(v);
      ++nvals;
    }
    std::reverse(tail.begin(), tail.end());
    if (nvals == 0) {
      if (tt::looks_like_prose(whole.text)) {
        cur = -1;
        continue;
      }
      Row row;
      row.labels.push_back(whole);
      row.first_line = row.last_line = l;
      row.plain = true;
      rows.push_back(std::move(row));
      cur = static_cast<int>(rows.size()) - 1;
      mark(l);
      continue;
    }
    std::size_t first_val = toks.size() - nvals;
    if (first_val > 0) {
      std::string_view label_part = sv.substr(0, toks[first_val - 1].end);
      if (tt::looks_like_prose(label_part)) {
        cur = -1;
        continue;
      }
    }
    if (nvals == 1 && first_val == 0) {  // a lone number: a cell of the row above (one cell per line)
      RCell cell = make_cell(sv, base, toks[0].begin, toks[0].end);
      if (cur < 0) {
        rows.emplace_back();
        rows.back().first_line = l;
        cur = static_cast<int>(rows.size()) - 1;
      }
      append_value(l, cell);
      continue;
    }
    Row row;
    // label fragments: tokens separated by two or more columns of space
    int prev_end_col = -100;
    for (std::size_t k = 0; k < first_val; ++k) {
      int cps = static_cast<int>(tt::cp_count(sv.substr(toks[k].begin, toks[k].end - toks[k].begin)));
      if (row.labels.empty() || toks[k].column - prev_end_col >= 2) {
        row.labels.push_back(make_cell(sv, base, toks[k].begin, toks[k].end));
      } else {
        RCell& f = row.labels.back();
        RCell merged = make_cell(sv, base, f.span.begin - base, toks[k].end);
        f = merged;
      }
      prev_end_col = toks[k].column + cps;
    }
    for (std::size_t k = first_val; k < toks.size(); ++k) {
      row.values.push_back(make_cell(sv, base, toks[k].begin, toks[k].end));
      row.columns.push_back(toks[k].column);
    }
    row.parsed = std::move(tail);
    row.plain = true;
    row.first_line = row.last_line = l;
    rows.push_back(std::move(row));
    cur = -1;
    mark(l);
  }
  return rows;
}

std::vector<RCell> pipe_cells(const Doc& doc, int line, bool& separator) {
  const Line& l = doc.lines[static_cast<std::size_t>(line)];
  std::string_view sv = doc.text(l.span);
  separator = false;
  if (sv.find('|') == std::string_view::npos) return {};
  PipeLine pl = split_pipes(sv, l.span.begin);
  separator = pl.separator;
  return std::move(pl.pieces);
}

Span value_span(const Doc& doc, const RCell& cell, const tt::Value& v) {
  if (v.kind == tt::ValueKind::empty || v.kind == tt::ValueKind::none) {
    return Span{cell.span.begin, cell.span.begin};
  }
  std::string_view num = cell.text.substr(v.begin, v.end - v.begin);
  std::string_view in_norm = doc.text(cell.span);
  if (in_norm.data() == cell.text.data() || in_norm == cell.text) {
    return Span{cell.span.begin + v.begin, cell.span.begin + v.end};
  }
  // markup cell: find the number inside the cell's bytes in norm
  std::size_t at = in_norm.find(num);
  if (at != std::string_view::npos) return Span{cell.span.begin + at, cell.span.begin + at + num.size()};
  return cell.span;
}

}  // namespace ogi::detail::table_rows
