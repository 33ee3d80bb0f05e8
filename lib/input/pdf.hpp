// lib/input: text of a PDF (implemented by the layout stage's owner in
// pdf.cpp with poppler-cpp; a build without poppler returns
// ErrorCode::unsupported).
#pragma once

#include <string>
#include <string_view>

#include "ogi/result.hpp"

namespace ogi::detail {

// The layout text of every page (like `pdftotext -layout`), UTF-8.
result<std::string> pdf_to_text(std::string_view bytes);

}  // namespace ogi::detail
