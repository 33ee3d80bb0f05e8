// lib/input: the pieces of decode() that tests exercise one by one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "ogi/report.hpp"

namespace ogi::detail {

// One linear scan of bytes as UTF-8 (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF).
struct Utf8Scan {
  bool valid = true;
  std::size_t first_invalid = 0;     // offset of the first byte of the first bad sequence
  std::size_t multibyte = 0;         // well-formed sequences of 2-4 bytes
  std::size_t invalid = 0;           // bad sequences (each counted once, then resynchronised)
  bool truncated_at_end = false;     // the only fault is an incomplete sequence at the very end
};
Utf8Scan scan_utf8(std::string_view bytes);

// Strict conversion of `bytes` in `charset` (an ICU converter name) to UTF-8.
// Stops at the first byte sequence that is invalid or has no Unicode mapping.
struct Converted {
  bool ok = false;
  bool known = true;                 // ICU knows the charset
  std::string text;                  // UTF-8: all of it when ok; when truncated, every complete character
  std::size_t error_offset = 0;      // first bad byte (when !ok)
  bool truncated = false;            // the input ends inside a character (the only fault)
};
Converted icu_convert(const char* charset, std::string_view bytes);

// The charset an HTML document declares in its first 4 KB
// (<meta charset=...> or http-equiv content="...; charset=..."), or "".
std::string_view declared_charset(std::string_view bytes);

// Input kind of decoded text (PDF is recognised from the bytes, not here).
InputKind detect_kind(std::string_view text);

// A known binary file format by its magic bytes ("ELF executable", "ZIP
// archive (.docx, .xlsx, ...)", ...), or nullptr.
const char* binary_format(std::string_view bytes);

// The `%PDF-1.x` header at the start of a line within the first 1024 bytes
// (readers accept junk before it).
bool has_pdf_magic(std::string_view bytes);

}  // namespace ogi::detail
