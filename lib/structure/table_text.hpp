// lib/structure/table_text: the small text tools the table stage is built on.
//
// Labels of the official tables reach us in many spellings: full-width or
// ASCII punctuation, spaces inside words ("商业 企业"), annotations in
// brackets, wrapped or truncated fragments, OCR typos. Everything here works
// on code points and is linear in the input (labels longer than
// kMaxLabel code points are not compared at all).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/decimal.hpp"

namespace ogi::detail::tables_text {

// Labels longer than this (in code points, after squashing) are never
// similar to a template label: they are prose.
inline constexpr std::size_t kMaxLabel = 96;

// Decodes one UTF-8 code point at s[i], advancing i (invalid bytes decode
// as U+FFFD, one byte each).
char32_t next_cp(std::string_view s, std::size_t& i);

bool is_space_cp(char32_t c);

// Whitespace removed, punctuation unified (（→(, ，→, ：→: ．→. “”→" 〔〕→[] ...),
// markdown decoration (# * ` |) dropped. Keeps everything else. At most
// `limit` code points are produced.
std::u32string squash(std::string_view text, std::size_t limit = 4 * kMaxLabel);

// squash() plus what label comparison needs: "档案" → "文件" (Taiwan-vocabulary
// mirrors), "1、"/"1．" → "1.", and bracketed annotations dropped except a
// leading numbering "(一)": "规章(设区的市…)" → "规章", "(二)部分公开(区分…" → "(二)部分公开",
// "…情形)" (a wrapped annotation tail) → "".
std::u32string label_key(std::string_view text);
std::u32string label_key(const std::u32string& squashed);

// Similarity of two label keys in [0, 1]: 2·LCS / (|a| + |b|). 0 when
// either is empty or longer than kMaxLabel.
double similarity(const std::u32string& a, const std::u32string& b);

bool contains(const std::u32string& hay, std::u32string_view needle);
bool starts_with(const std::u32string& hay, std::u32string_view prefix);
std::u32string to_u32(std::string_view utf8);
std::size_t cp_count(std::string_view s);

// What a table cell holds.
enum class ValueKind { none, empty, number, marker };

struct Value {
  ValueKind kind = ValueKind::none;
  Decimal number;
  std::string unit;           // a unit printed in the cell ("元", "万元"), or ""
  std::string marker;         // "/", "-", "—", "无", "空" ...
  std::size_t begin = 0;      // the number (or marker) inside the cell text, byte offsets
  std::size_t end = 0;
};

// Parses a cell: empty, a marker, or a number ("12", "-8", "4068.208",
// "11,398,889", "251000元", "22（其中修订16件）"). Anything else is ValueKind::none.
Value parse_value(std::string_view cell);

// A whitespace-separated token of a line, with its byte range and its
// column (code points from the start of the line).
struct Token {
  std::size_t begin = 0, end = 0;
  int column = 0;
};
std::vector<Token> tokens(std::string_view line);

// "Page 9 - …", "P. 9", "— 4 —", "-3-", "第 3 页", "3 / 12": page furniture.
bool is_page_marker(std::string_view line);

// A sentence of prose rather than a table cell: it holds "。" or ";",
// or is long and has several commas.
bool looks_like_prose(std::string_view line);

}  // namespace ogi::detail::tables_text
