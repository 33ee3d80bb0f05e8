// ogi::parse: runs the pipeline stages in order and turns the working Doc
// into a Report, mapping every span from normalised to decoded coordinates.
#include <fstream>
#include <sstream>
#include <system_error>
#include <sys/stat.h>

#include "doc.hpp"
#include "ogi/check.hpp"
#include "ogi/parse.hpp"

namespace ogi {
namespace {

void map_section(const detail::Doc& doc, Section& s) {
  s.heading = doc.to_source(s.heading);
  s.span = doc.to_source(s.span);
  for (Section& c : s.children) map_section(doc, c);
}

Report finish(detail::Doc&& doc) {
  Report r;
  for (Section& s : doc.sections) map_section(doc, s);
  for (detail::RawTable& t : doc.tables) {
    t.grid.span = doc.to_source(t.span);
    for (Cell& c : t.grid.cells) c.span = doc.to_source(c.span);
    r.tables.push_back(std::move(t.grid));
  }
  for (Quantity& q : doc.quantities) q.span = doc.to_source(q.span);
  for (Fact& f : doc.facts) {
    f.span = doc.to_source(f.span);
    if (!f.percent_span.empty()) f.percent_span = doc.to_source(f.percent_span);
  }
  for (Fact& f : doc.sums) {
    f.span = doc.to_source(f.span);
    if (!f.percent_span.empty()) f.percent_span = doc.to_source(f.percent_span);
  }
  for (Finding& f : doc.findings) {
    f.span = doc.to_source(f.span);
    for (Span& s : f.spans) s = doc.to_source(s);
  }
  r.meta = std::move(doc.meta);
  r.meta.input = doc.input;
  r.sections = std::move(doc.sections);
  r.quantities = std::move(doc.quantities);
  r.facts = std::move(doc.facts);
  r.sums = std::move(doc.sums);
  r.findings = std::move(doc.findings);
  r.text = std::move(doc.plain_is_source ? doc.plain : doc.source);
  return r;
}

result<Report> run(std::string_view bytes, const Options& options) {
  detail::Doc doc;
  doc.options = options;
  if (auto d = detail::decode(bytes, doc); !d) return d.error();
  if (auto l = detail::layout(doc); !l) return l.error();
  detail::normalise(doc);
  detail::structure(doc);
  detail::tables(doc);
  detail::numbers(doc);
  detail::facts(doc);
  detail::table_facts(doc);
  if (options.checks) detail::checks(doc);
  return finish(std::move(doc));
}

}  // namespace

result<Report> parse(std::string_view bytes, const Options& options) {
  try {
    return run(bytes, options);
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::too_large, "out of memory while parsing; raise the memory limit or split the input", 0};
  } catch (const std::exception& e) {
    return Error{ErrorCode::internal, std::string("internal error: ") + e.what() + " (please report this input)", 0};
  } catch (...) {
    return Error{ErrorCode::internal, "internal error (please report this input)", 0};
  }
}

result<Report> parse_file(const std::string& path, const Options& options) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Error{ErrorCode::io, path + ": " + std::generic_category().message(errno), 0};
  }
  if (S_ISDIR(st.st_mode)) return Error{ErrorCode::io, path + ": is a directory, expected a report file", 0};
  if (static_cast<std::size_t>(st.st_size) > options.max_input_bytes) {
    return Error{ErrorCode::too_large,
                 path + ": " + std::to_string(st.st_size) + " bytes is over the limit of " +
                     std::to_string(options.max_input_bytes) + " bytes (Options::max_input_bytes)",
                 0};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::io, path + ": cannot open for reading", 0};
  std::string data;
  try {
    // the size is known: one buffer, no stream copy (regular files; a pipe
    // or device reads to its end)
    if (S_ISREG(st.st_mode)) {
      data.resize(static_cast<std::size_t>(st.st_size));
      in.read(data.data(), static_cast<std::streamsize>(data.size()));
      data.resize(static_cast<std::size_t>(in.gcount()));
    } else {
      std::ostringstream ss;
      ss << in.rdbuf();
      data = std::move(ss).str();
    }
    if (in.bad()) return Error{ErrorCode::io, path + ": read failed", 0};
  } catch (...) {
    return Error{ErrorCode::io, path + ": read failed", 0};
  }
  Options o = options;
  if (o.kind == Options::Kind::detect) {
    auto ends = [&](std::string_view ext) {
      if (path.size() < ext.size()) return false;
      for (std::size_t i = 0; i < ext.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(path[path.size() - ext.size() + i])) != ext[i]) return false;
      return true;
    };
    if (ends(".html") || ends(".htm") || ends(".shtml")) o.kind = Options::Kind::html;
    else if (ends(".md") || ends(".markdown")) o.kind = Options::Kind::markdown;
    else if (ends(".pdf")) o.kind = Options::Kind::pdf;
  }
  auto r = parse(data, o);
  if (!r) {
    Error e = r.error();
    e.message = path + ": " + e.message;
    return e;
  }
  return r;
}

}  // namespace ogi
