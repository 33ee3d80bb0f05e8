// lib/text: internal pieces of normalise(), exposed for the unit tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/translit.h>
#include <memory>

#include "doc.hpp"

namespace ogi::detail::text {

using Segments = std::vector<OffsetMap::Segment>;

// Builds a derived text from an input text front to back, recording for
// every input byte where it went, so the map has no gaps. Runs of copied
// bytes (and same-length replacements) become one linear segment.
class Rewriter {
 public:
  explicit Rewriter(std::string_view in) : in_(in) { out_.reserve(in.size()); }
  std::size_t pos() const { return pos_; }
  std::string_view input() const { return in_; }
  void copy(std::size_t n);
  void copy_to(std::size_t end) { copy(end - pos_); }
  // The next n input bytes become `with`.
  void replace(std::size_t n, std::string_view with);
  void drop(std::size_t n) { replace(n, {}); }
  bool changed() const { return changed_; }
  // Copies the rest and hands over the text; segments() then maps it to the input.
  std::string finish();
  const Segments& segments() const { return segs_; }

 private:
  void push(std::size_t out_len, std::size_t in_len, bool linear);
  std::string_view in_;
  std::string out_;
  std::size_t pos_ = 0;
  Segments segs_;
  bool changed_ = false;
};

// outer: c -> b, inner: b -> a; returns c -> a. Where a piece of c falls
// inside a non-linear piece of the inner map, the result is coarsened to the
// whole inner piece (never overlapping, always monotone).
Segments compose(const Segments& outer, const Segments& inner);

OffsetMap to_offset_map(const Segments& segs);

// NFKC (ICU, with the Edits map); returns false when the text was already normal.
bool nfkc(std::string_view in, std::string& out, Segments& map);

// Line ends to '\n', tabs and other spaces to ' ', zero-width and bidi
// control characters removed.
bool clean_spaces(std::string_view in, std::string& out, Segments& map);

// True when the text is written in Traditional characters: enough of its
// CJK characters are ones Simplified text never uses.
bool looks_traditional(std::string_view text);

// ICU "Hant-Hans", or nullptr without ICU data. Not thread-safe: one per
// normalise() call.
std::unique_ptr<icu::Transliterator> make_hant_hans();

// Hant-Hans on the lines that hold CJK characters.
bool to_simplified(std::string_view in, icu::Transliterator& hant_hans, std::string& out, Segments& map);

// Pinyin groups "(wù)" / "（wù）" directly after a CJK character.
int count_pinyin(std::string_view text);

// Mirror artefacts: with `strip_pinyin`, pinyin in parentheses after a
// character ("公务(wù)"); with `traditional` (text converted from
// Traditional), the Taiwan vocabulary of key labels (规范性档案 -> 规范性文件).
bool clean_mirror(std::string_view in, bool strip_pinyin, bool traditional, std::string& out, Segments& map);

// A valid pinyin syllable, tone marks allowed ("wù", "gong", "zheng").
bool is_pinyin_syllable(std::string_view s);

// Portal chrome or page furniture (FORMATS.md §E.5): never the report body.
bool is_boilerplate(std::string_view line);

}  // namespace ogi::detail::text
