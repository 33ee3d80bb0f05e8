// lib/input: kinds, encodings, and every input error.
#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "doc.hpp"
#include "input/input.hpp"
#include "ogi/ogi.hpp"

using namespace ogi;
using namespace ogi::detail;
using namespace std::literals;

namespace {

// UTF-8 -> `charset` with ICU (the test makes its own legacy-encoded bytes).
std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode ec = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &ec);
  REQUIRE(U_SUCCESS(ec));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

result<bool> run(std::string_view bytes, Doc& doc, Options o = {}) {
  doc.options = o;
  return decode(bytes, doc);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kSimplified =
    "新乡市2016年政府信息公开工作年度报告\n"
    "全年共受理政府信息公开申请120件，已全部按时答复。\n"
    "（一）主动公开政府信息情况：主动公开政府信息24.8万条。\n";
const std::string kTraditional =
    "規範性檔案的制定與發布情況\n"
    "全年共受理政府資訊公開申請120件，已全部按時答覆。\n";

bool one_line(const std::string& s) { return !s.empty() && s.find('\n') == std::string::npos; }

}  // namespace

TEST_CASE("UTF-8 input is kept byte for byte") {
  Doc doc;
  REQUIRE(run(kSimplified, doc));
  CHECK(doc.source == kSimplified);
  CHECK(doc.input.encoding == "UTF-8");
  CHECK(doc.input.kind == InputKind::text);
  CHECK(doc.input.bytes == kSimplified.size());
}

TEST_CASE("a UTF-8 BOM is stripped: the decoded text starts after it") {
  Doc doc;
  const std::string bytes = "\xEF\xBB\xBF" + kSimplified;
  REQUIRE(run(bytes, doc));
  CHECK(doc.source == kSimplified);
  CHECK(doc.input.encoding == "UTF-8");
  CHECK(doc.input.bytes == bytes.size());
}

TEST_CASE("UTF-16 with a BOM, both byte orders") {
  for (auto [charset, name] : {std::pair{"UTF-16LE", "UTF-16LE"}, std::pair{"UTF-16BE", "UTF-16BE"}}) {
    CAPTURE(charset);
    const std::string bom = std::string(name) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    Doc doc;
    REQUIRE(run(bom + encode(kSimplified, charset), doc));
    CHECK(doc.source == kSimplified);
    CHECK(doc.input.encoding == name);
  }
}

TEST_CASE("UTF-16 without a BOM is recognised by its NUL pattern, not called binary") {
  for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
    CAPTURE(charset);
    Doc doc;
    auto r = run(encode(kSimplified, charset), doc);
    REQUIRE(r);
    CHECK(doc.source == kSimplified);
    CHECK(doc.input.encoding == charset);
  }
}

TEST_CASE("GB18030 (GBK) text is decoded with ICU") {
  const std::string gb = encode(kSimplified, "gb18030");
  REQUIRE(gb != kSimplified);
  Doc doc;
  REQUIRE(run(gb, doc));
  CHECK(doc.source == kSimplified);
  CHECK(doc.input.encoding == "GB18030");
  CHECK(doc.input.bytes == gb.size());
  // GBK proper (the older subset) decodes the same way.
  Doc doc2;
  REQUIRE(run(encode(kSimplified, "GBK"), doc2));
  CHECK(doc2.source == kSimplified);
}

TEST_CASE("Big5 text is decoded with ICU and not taken for GB18030") {
  const std::string b5 = encode(kTraditional, "big5");
  Doc doc;
  REQUIRE(run(b5, doc));
  CHECK(doc.source == kTraditional);
  CHECK(doc.input.encoding == "Big5");
}

TEST_CASE("an HTML page's declared charset is used") {
  const std::string page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                           "</head><body><p>" + kSimplified + "</p></body></html>";
  Doc doc;
  REQUIRE(run(encode(page, "gb18030"), doc));
  CHECK(doc.source == page);
  CHECK(doc.input.encoding == "GB18030");
  CHECK(doc.input.kind == InputKind::html);
  CHECK(declared_charset("<meta charset='UTF-8'>") == "UTF-8");
  CHECK(declared_charset("<meta content=\"text/html; charset = big5\">") == "big5");
  CHECK(declared_charset("no declaration").empty());
}

TEST_CASE("a valid UTF-8 page wins over a stale declared charset") {
  const std::string page = "<html><head><meta charset=\"gbk\"></head><body>" + kSimplified + "</body></html>";
  Doc doc;
  REQUIRE(run(page, doc));
  CHECK(doc.input.encoding == "UTF-8");
  CHECK(doc.source == page);
}

TEST_CASE("empty and whitespace-only input") {
  Doc doc;
  auto r = run("", doc);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::empty_input);
  CHECK(one_line(r.error().message));
  for (std::string ws : {" \n\t\r\n"s, "\xE3\x80\x80\xC2\xA0 \n"s, "\xEF\xBB\xBF  \n"s}) {
    Doc d;
    auto w = run(ws, d);
    REQUIRE_FALSE(w);
    CHECK(w.error().code == ErrorCode::empty_input);
    CHECK(w.error().message.find("whitespace") != std::string::npos);
  }
  // UTF-16 spaces only
  Doc d16;
  auto w16 = run("\xFF\xFE"s + encode("   \n", "UTF-16LE"), d16);
  REQUIRE_FALSE(w16);
  CHECK(w16.error().code == ErrorCode::empty_input);
}

TEST_CASE("NUL bytes in a non-UTF-16 input are binary, with the offset of the first NUL") {
  std::string bytes = kSimplified;
  bytes.insert(20, 1, '\0');
  bytes.insert(25, 1, '\0');
  Doc doc;
  auto r = run(bytes, doc);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::binary_input);
  CHECK(r.error().offset == 20);
  CHECK(r.error().message.find("20") != std::string::npos);
  CHECK(one_line(r.error().message));
  // Random binary with NULs at both parities is not UTF-16.
  std::string blob;
  for (int i = 0; i < 512; ++i) blob += static_cast<char>((i * 7919) % 251);
  blob[100] = blob[101] = '\0';
  Doc d2;
  auto r2 = run(blob, d2);
  REQUIRE_FALSE(r2);
  CHECK(r2.error().code == ErrorCode::binary_input);
}

TEST_CASE("known binary formats are refused by their magic bytes") {
  const std::pair<std::string, std::string> samples[] = {
      {"\x7F" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3E\x00"s, "ELF"},
      {"PK\x03\x04\x14\x00\x06\x00word/document.xml"s, "ZIP"},
      {"\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR"s, "PNG"},
      {"\xFF\xD8\xFF\xE0\x00\x10JFIF"s, "JPEG"},
      {"GIF89a\x01\x00\x01\x00"s, "GIF"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"s, "OLE2"},
  };
  for (const auto& [bytes, what] : samples) {
    CAPTURE(what);
    Doc doc;
    auto r = run(bytes, doc);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::binary_input);
    CHECK(r.error().message.find(what) != std::string::npos);
    CHECK(one_line(r.error().message));
  }
  if (std::filesystem::exists("/bin/ls")) {
    Doc doc;
    auto r = run(read_file("/bin/ls"), doc);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::binary_input);
  }
}

TEST_CASE("invalid UTF-8 in the middle of a UTF-8 text is bad_encoding at that byte") {
  std::string bytes = kSimplified + kSimplified;
  const std::size_t at = kSimplified.size() + 9;  // the first byte of a character
  bytes[at] = '\xFF';
  Doc doc;
  auto r = run(bytes, doc);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::bad_encoding);
  CHECK(r.error().offset == at);
  CHECK(r.error().message.find(std::to_string(at)) != std::string::npos);
  CHECK(one_line(r.error().message));
  // A stray continuation byte, and a lone lead byte before ASCII.
  for (std::string bad : {"\x80"s, "\xE4\xB8"s}) {
    std::string b2 = kSimplified + bad + "abc" + kSimplified;
    Doc d2;
    auto r2 = run(b2, d2);
    REQUIRE_FALSE(r2);
    CHECK(r2.error().code == ErrorCode::bad_encoding);
    CHECK(r2.error().offset == kSimplified.size());
  }
}

TEST_CASE("a character cut off at the very end is dropped, in every encoding") {
  const std::string whole = kSimplified + "报告";
  const std::string expected = kSimplified + "报";
  for (const char* charset : {"gb18030", "UTF-8", "big5"}) {
    CAPTURE(charset);
    const std::string text = std::string(charset) == "big5" ? kTraditional + "報告" : whole;
    std::string bytes = encode(text, charset);
    bytes.pop_back();  // cut the last character in half
    Doc doc;
    auto r = run(bytes, doc);
    REQUIRE_MESSAGE(r, r.error().message);
    CHECK(doc.source == (std::string(charset) == "big5" ? kTraditional + "報" : expected));
    CHECK(doc.input.bytes == bytes.size());
  }
  std::string u16 = "\xFF\xFE" + encode(whole, "UTF-16LE");
  u16.pop_back();
  Doc d16;
  REQUIRE(run(u16, d16));
  CHECK(d16.source == expected);
  CHECK(d16.input.encoding == "UTF-16LE");
  // A cut in the middle is not a cut at the end.
  std::string middle = encode(whole, "gb18030");
  middle.insert(10, 1, '\xB1');
  middle.insert(11, 1, '\x0A');
  Doc dm;
  auto rm = run(middle, dm);
  REQUIRE_FALSE(rm);
  CHECK(rm.error().code == ErrorCode::bad_encoding);
  CHECK(rm.error().offset == 10);
}

TEST_CASE("bytes that are no supported encoding") {
  // Latin-1 and control-free junk: invalid UTF-8, not Chinese in GB18030 or Big5.
  std::string junk;
  for (int i = 0; i < 64; ++i) junk += "caf\xE9 \xFF\xFE\xFD ";
  Doc doc;
  auto r = run(junk, doc);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::bad_encoding);
  CHECK(r.error().offset == 3);
  CHECK(one_line(r.error().message));
  Doc d32;
  auto r32 = run("\xFF\xFE\x00\x00\x41\x00\x00\x00"s, d32);
  REQUIRE_FALSE(r32);
  CHECK(r32.error().code == ErrorCode::bad_encoding);
}

TEST_CASE("input over Options::max_input_bytes is refused before any work") {
  Options o;
  o.max_input_bytes = 10;
  Doc doc;
  auto r = run(std::string(11, '\0'), doc, o);  // binary, but the size is checked first
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::too_large);
  CHECK(one_line(r.error().message));
  Doc ok;
  CHECK(run("0123456789", ok, o));
}

TEST_CASE("kind detection") {
  CHECK(detect_kind("<!DOCTYPE html><html><body>x</body></html>") == InputKind::html);
  CHECK(detect_kind("\n  <HTML lang=zh>") == InputKind::html);
  CHECK(detect_kind("<?xml version=\"1.0\"?>\n<!-- saved -->\n<html>") == InputKind::html);
  CHECK(detect_kind("<meta charset=utf-8><div>报告</div>") == InputKind::html);
  CHECK(detect_kind("<p>一、总体情况</p>") == InputKind::html);
  CHECK(detect_kind("<table><tr><td>1</td></tr></table>") == InputKind::html);
  std::string tags = "报告正文\n";
  for (int i = 0; i < 12; ++i) tags += "<span>段落</span>\n";
  CHECK(detect_kind(tags) == InputKind::html);
  CHECK(detect_kind("# 沭阳县2025年报告\n\n正文") == InputKind::markdown);
  CHECK(detect_kind("正文\n## 一、总体情况\n") == InputKind::markdown);
  CHECK(detect_kind("表\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |\n") == InputKind::markdown);
  CHECK(detect_kind("报告\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 3 | 0 | 12 |\n") == InputKind::text);
  CHECK(detect_kind("#1 不是标题\n<p 不是标签\n正文 a<b 和 c>d") == InputKind::text);
  CHECK(detect_kind(kSimplified) == InputKind::text);
  Doc doc;
  REQUIRE(run("# 标题\n\n正文", doc));
  CHECK(doc.input.kind == InputKind::markdown);
  Options forced;
  forced.kind = Options::Kind::text;
  Doc d2;
  REQUIRE(run("# 标题\n\n正文", d2, forced));
  CHECK(d2.input.kind == InputKind::text);
}

TEST_CASE("PDF bytes go to the PDF reader; a forced other kind refuses them") {
  const std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
  CHECK(has_pdf_magic(pdf));
  CHECK_FALSE(has_pdf_magic(kSimplified));
  Doc doc;
  auto r = run(pdf, doc);
  if (r) {
    CHECK(doc.input.kind == InputKind::pdf);
  } else {  // a broken PDF, or no PDF support: a clean error from the PDF reader
    CHECK(r.error().code != ErrorCode::binary_input);
    CHECK(one_line(r.error().message));
  }
  Options o;
  o.kind = Options::Kind::text;
  Doc d2;
  auto r2 = run(pdf, d2, o);
  REQUIRE_FALSE(r2);
  CHECK(r2.error().code == ErrorCode::binary_input);
}

TEST_CASE("UTF-8 scanner") {
  CHECK(scan_utf8("plain ascii text").valid);
  CHECK(scan_utf8("中文 and 𠀀").valid);
  for (std::string bad : {"\xC0\x80"s, "\xE0\x80\x80"s, "\xED\xA0\x80"s, "\xF4\x90\x80\x80"s, "\xF8"s}) {
    Utf8Scan s = scan_utf8("ab" + bad);
    CHECK_FALSE(s.valid);
    CHECK(s.first_invalid == 2);
  }
  Utf8Scan t = scan_utf8("报告\xE6\x8A");
  CHECK_FALSE(t.valid);
  CHECK(t.truncated_at_end);
  CHECK(t.first_invalid == 6);
}

TEST_CASE("acceptance: the Xinxiang report in GB18030 parses to the same text as the UTF-8 original") {
  const std::string path = std::string(OGI_SHARED_DIR) + "/corpus/real/xinxiang-2016.txt";
  if (!std::filesystem::exists(path)) {
    MESSAGE("skipped: " << path << " not found (../shared/corpus is absent)");
    return;
  }
  const std::string original = read_file(path);
  const std::string gb = encode(original, "gb18030");
  auto a = ogi::parse(original);
  auto b = ogi::parse(gb);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(b->meta.input.encoding == "GB18030");
  CHECK(b->text == a->text);
  CHECK(b->facts.size() == a->facts.size());
  CHECK(b->meta.year == a->meta.year);
  // UTF-16 with a BOM too.
  auto c = ogi::parse("\xFF\xFE" + encode(original, "UTF-16LE"));
  REQUIRE(c);
  CHECK(c->text == a->text);
}
