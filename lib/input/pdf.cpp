// lib/input: the text of a PDF, page by page, as `pdftotext -layout` gives
// it (poppler-cpp's physical layout mode is the same code). Each page ends
// with '\f'; lib/layout removes the page furniture.
//
// Built without poppler-cpp (OGI_WITH_PDF undefined), PDF input is refused
// with ErrorCode::unsupported.
#include "input/pdf.hpp"

#ifdef OGI_WITH_PDF

#include <climits>
#include <memory>
#include <mutex>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

namespace ogi::detail {
namespace {

void no_debug_output(const std::string&, void*) {}

// poppler writes its warnings to stderr unless given a handler; the handler
// is process-wide, so it is installed once. poppler keeps process-wide state
// too (font and CMap caches), so documents are read one at a time.
std::mutex& poppler_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

result<std::string> pdf_to_text(std::string_view bytes) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(no_debug_output, nullptr); });
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    return Error{ErrorCode::too_large, "the PDF is over 2 GiB, which poppler cannot read; split it", 0};

  std::lock_guard<std::mutex> lock(poppler_mutex());
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc)
    return Error{ErrorCode::bad_encoding,
                 "the PDF is damaged or not a PDF (poppler cannot open it); re-save or re-export it, "
                 "or pass its text",
                 0};
  if (doc->is_locked())
    return Error{ErrorCode::unsupported,
                 "the PDF is encrypted and needs a password to open; save an unprotected copy or pass its text", 0};

  std::string text;
  const int pages = doc->pages();
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    bool ended = false;
    if (page) {
      const poppler::byte_array utf8 =
          page->text(poppler::rectf(), poppler::page::text_layout_enum::physical_layout).to_utf8();
      text.append(utf8.data(), utf8.size());
      ended = !utf8.empty() && utf8.back() == '\f';
    }
    // poppler ends each page with '\f' as pdftotext does; an unreadable page
    // still counts as one
    if (!ended) text += '\f';
  }
  // NUL stands for glyphs without a Unicode mapping: keep the offsets, drop the byte
  for (char& c : text)
    if (c == '\0') c = ' ';
  return text;
}

}  // namespace ogi::detail

#else  // !OGI_WITH_PDF

namespace ogi::detail {

result<std::string> pdf_to_text(std::string_view) {
  return Error{ErrorCode::unsupported,
               "this build of ogi reads no PDF: install libpoppler-cpp-dev and rebuild ogi (OGI_WITH_PDF=ON), "
               "or pass the text of the PDF (pdftotext -layout)",
               0};
}

}  // namespace ogi::detail

#endif
