// lib/input/pdf.cpp: PDF text through poppler-cpp, page by page, as
// `pdftotext -layout` gives it; errors for broken and encrypted files; the
// page furniture removed by layout. The PDFs here are written by the test
// (ASCII text in the standard Helvetica font, made-up content).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "doc.hpp"
#include "input/pdf.hpp"
#include "layout/layout.hpp"

using namespace ogi;
using namespace ogi::detail;

namespace {

// One line of text at (x, y) points from the bottom left of an A4 page.
struct PdfLine {
  int x, y;
  std::string text;  // ASCII without parentheses or backslashes
};

// A minimal, valid PDF: one content stream per page, Helvetica, a correct
// xref table. `encrypt` adds a standard security handler whose user
// password is not empty, so the file cannot be opened without one.
std::string make_pdf(const std::vector<std::vector<PdfLine>>& pages, bool encrypt = false) {
  std::vector<std::string> objs;  // objs[i] is object i+1
  const int n = static_cast<int>(pages.size());
  // 1 catalog, 2 pages, 3 font, then per page: page object, content stream
  objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int i = 0; i < n; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objs.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  objs.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (int i = 0; i < n; ++i) {
    objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                   "/Contents " +
                   std::to_string(5 + 2 * i) + " 0 R >>");
    std::string content = "BT /F1 11 Tf\n";
    for (const PdfLine& l : pages[static_cast<std::size_t>(i)])
      content += "1 0 0 1 " + std::to_string(l.x) + " " + std::to_string(l.y) + " Tm (" + l.text + ") Tj\n";
    content += "ET\n";
    objs.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
  }
  if (encrypt) {
    const std::string o(32, 'O'), u(32, 'U');
    objs.push_back("<< /Filter /Standard /V 1 /R 2 /O (" + o + ") /U (" + u + ") /P -44 >>");
  }
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R";
  if (encrypt)
    pdf += " /Encrypt " + std::to_string(objs.size()) +
           " 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]";
  pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A three-page report: a body, a running header on pages 2-3, "- N -" at
// the foot of every page.
std::vector<std::vector<PdfLine>> sample_pages() {
  std::vector<std::vector<PdfLine>> pages(3);
  for (int p = 0; p < 3; ++p) {
    auto& lines = pages[static_cast<std::size_t>(p)];
    if (p > 0) lines.push_back({200, 800, "Qingshi City Annual Report"});
    if (p == 0) lines.push_back({180, 760, "Qingshi City 2099 Open Government Report"});
    for (int k = 0; k < 5; ++k)
      lines.push_back({72, 700 - 20 * k, "Page " + std::to_string(p + 1) + " body line " + std::to_string(k + 1) +
                                             " received 1" + std::to_string(k) + " requests"});
    lines.push_back({290, 40, "- " + std::to_string(p + 1) + " -"});
  }
  return pages;
}

bool pdf_supported() {
  auto r = pdf_to_text(make_pdf({{{72, 700, "probe"}}}));
  if (!r && r.error().code == ErrorCode::unsupported &&
      r.error().message.find("libpoppler-cpp-dev") != std::string::npos) {
    MESSAGE("SKIPPED: ogi was built without poppler-cpp");
    return false;
  }
  return true;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs a command and returns its standard output ("" when it fails).
std::string run_command(const std::string& cmd) {
  std::string out;
  FILE* f = popen(cmd.c_str(), "r");
  if (!f) return out;
  char buf[65536];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  if (pclose(f) != 0) out.clear();
  return out;
}

}  // namespace

TEST_CASE("PDF: every page's layout text, each page ended by a form feed") {
  if (!pdf_supported()) return;
  auto r = pdf_to_text(make_pdf(sample_pages()));
  REQUIRE(r);
  const std::string& t = *r;
  CHECK(std::count(t.begin(), t.end(), '\f') == 3);
  CHECK(t.back() == '\f');
  CHECK(t.find("Qingshi City 2099 Open Government Report") != std::string::npos);
  for (int p = 1; p <= 3; ++p)
    CHECK(t.find("Page " + std::to_string(p) + " body line 5 received 14 requests") != std::string::npos);
  // pages in order
  CHECK(t.find("Page 1 body") < t.find("Page 2 body"));
  CHECK(t.find("Page 2 body") < t.find("Page 3 body"));
  CHECK(t.find("-3-") != std::string::npos);  // pdftotext -layout closes up the spaces
}

TEST_CASE("PDF: page numbers and the running header go, the body stays") {
  if (!pdf_supported()) return;
  auto r = pdf_to_text(make_pdf(sample_pages()));
  REQUIRE(r);
  const Derived d = strip_page_furniture(*r);
  CHECK(r->find("-2-") != std::string::npos);
  CHECK(d.text.find("-1-") == std::string::npos);
  CHECK(d.text.find("-2-") == std::string::npos);
  CHECK(d.text.find("-3-") == std::string::npos);
  CHECK(d.text.find("Qingshi City Annual Report") == std::string::npos);
  CHECK(d.text.find("Qingshi City 2099 Open Government Report") != std::string::npos);
  CHECK(d.text.find('\f') == std::string::npos);
  // every body line survives and maps back to the same bytes
  for (int p = 1; p <= 3; ++p) {
    const std::string line = "Page " + std::to_string(p) + " body line 3 received 12 requests";
    const std::size_t at = d.text.find(line);
    REQUIRE(at != std::string::npos);
    const Span src = d.map.to_orig(Span{at, at + line.size()});
    CHECK(src.of(*r) == line);
  }
}

TEST_CASE("PDF: the whole pipeline reads the PDF like its text") {
  if (!pdf_supported()) return;
  const std::string pdf = make_pdf(sample_pages());
  Options o;
  o.kind = Options::Kind::pdf;
  auto rep = ogi::parse(pdf, o);
  REQUIRE(rep);
  CHECK(rep->meta.input.kind == InputKind::pdf);
  CHECK(rep->text.find("Page 2 body line 1") != std::string::npos);  // Report::text is the extracted text
}

TEST_CASE("PDF: broken, truncated and encrypted files give clean errors") {
  if (!pdf_supported()) return;
  SUBCASE("not a PDF at all") {
    auto r = pdf_to_text("%PDF-1.4\nthis is not a PDF body\n");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::bad_encoding);
    CHECK(r.error().message.find("damaged") != std::string::npos);
  }
  SUBCASE("cut in the middle") {
    const std::string pdf = make_pdf(sample_pages());
    auto r = pdf_to_text(std::string_view(pdf).substr(0, pdf.size() / 3));
    // poppler may rebuild what is left, or refuse it: never a crash, never garbage
    if (r) {
      CHECK(r->find("Page 3 body") == std::string::npos);
    } else {
      CHECK(r.error().code == ErrorCode::bad_encoding);
    }
  }
  SUBCASE("empty") {
    auto r = pdf_to_text("");
    CHECK_FALSE(r);
  }
  SUBCASE("encrypted with a user password") {
    auto r = pdf_to_text(make_pdf(sample_pages(), true));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::unsupported);
    CHECK(r.error().message.find("encrypted") != std::string::npos);
  }
}

TEST_CASE("PDF corpus: poppler-cpp gives pdftotext -layout's text, and both give the same plain text") {
  const std::filesystem::path dir = std::filesystem::path(OGI_SHARED_DIR) / "corpus" / "real";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("SKIPPED: ", dir.string(), " is absent");
    return;
  }
  if (!pdf_supported()) return;
  const bool have_pdftotext = !run_command("pdftotext -v 2>&1").empty();
  if (!have_pdftotext) MESSAGE("pdftotext is not installed: comparing without it");
  int seen = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".pdf") continue;
    ++seen;
    CAPTURE(e.path().filename().string());
    const std::string bytes = read_file(e.path());
    auto text = pdf_to_text(bytes);
    REQUIRE(text);
    CHECK(std::count(text->begin(), text->end(), '\f') >= 1);
    if (have_pdftotext) {
      const std::string ref = run_command("pdftotext -layout '" + e.path().string() + "' -");
      REQUIRE_FALSE(ref.empty());
      CHECK(*text == ref);
    }
    // The layout of the PDF and the layout of its text are the same plain text.
    Doc a, b;
    a.input.kind = InputKind::pdf;
    a.source = *text;
    b.input.kind = InputKind::text;
    b.source = have_pdftotext ? run_command("pdftotext -layout '" + e.path().string() + "' -") : *text;
    REQUIRE(layout(a));
    REQUIRE(layout(b));
    CHECK(a.plain == b.plain);
    // page furniture gone: no line is a strong page number
    std::size_t pos = 0, strong = 0;
    while (pos < a.plain.size()) {
      std::size_t nl = a.plain.find('\n', pos);
      if (nl == std::string::npos) nl = a.plain.size();
      if (classify_page_number(std::string_view(a.plain).substr(pos, nl - pos)).kind == PageNumberLine::strong)
        ++strong;
      pos = nl + 1;
    }
    CHECK(strong == 0);
    CHECK(a.plain.size() < a.source.size());
  }
  if (seen == 0) MESSAGE("no PDF in ", dir.string());
}
