// The object model's small out-of-line parts: Decimal arithmetic, names of
// enum values, error names, Report helpers.
#include <limits>

#include "ogi/ogi.hpp"

namespace ogi {

namespace {
constexpr int kMaxScale = 18;

bool mul_overflow(std::int64_t a, std::int64_t b, std::int64_t* out) { return __builtin_mul_overflow(a, b, out); }
bool add_overflow(std::int64_t a, std::int64_t b, std::int64_t* out) { return __builtin_add_overflow(a, b, out); }

// Brings a and b to the same scale; false on overflow.
bool align(Decimal a, Decimal b, std::int64_t* ca, std::int64_t* cb, int* scale) {
  int s = a.scale() > b.scale() ? a.scale() : b.scale();
  if (mul_overflow(a.coefficient(), Decimal::pow10(s - a.scale()), ca)) return false;
  if (mul_overflow(b.coefficient(), Decimal::pow10(s - b.scale()), cb)) return false;
  *scale = s;
  return true;
}
}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view t) {
  bool neg = false;
  if (!t.empty() && t.front() == '-') {
    neg = true;
    t.remove_prefix(1);
  }
  if (t.empty()) return std::nullopt;
  std::int64_t coef = 0;
  int scale = 0;
  bool dot = false, digit = false;
  for (char c : t) {
    if (c == '.') {
      if (dot) return std::nullopt;
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    digit = true;
    if (mul_overflow(coef, 10, &coef) || add_overflow(coef, c - '0', &coef)) return std::nullopt;
    if (dot && ++scale > kMaxScale) return std::nullopt;
  }
  if (!digit) return std::nullopt;
  return from_parts(neg ? -coef : coef, scale);
}

std::string Decimal::to_string() const {
  // |INT64_MIN| does not fit in int64: print through unsigned.
  std::uint64_t mag = coef_ < 0 ? 0 - static_cast<std::uint64_t>(coef_) : static_cast<std::uint64_t>(coef_);
  std::string digits = std::to_string(mag);
  if (scale_ > 0) {
    if (digits.size() <= scale_) digits.insert(0, scale_ + 1 - digits.size(), '0');
    digits.insert(digits.size() - scale_, 1, '.');
  }
  if (coef_ < 0) digits.insert(0, 1, '-');
  return digits;
}

double Decimal::to_double() const { return static_cast<double>(coef_) / static_cast<double>(pow10(scale_)); }

std::optional<Decimal> Decimal::add(Decimal a, Decimal b) {
  std::int64_t ca, cb, r;
  int s;
  if (!align(a, b, &ca, &cb, &s) || add_overflow(ca, cb, &r)) return std::nullopt;
  return from_parts(r, s);
}

std::optional<Decimal> Decimal::sub(Decimal a, Decimal b) {
  std::int64_t ca, cb, r;
  int s;
  if (!align(a, b, &ca, &cb, &s) || __builtin_sub_overflow(ca, cb, &r)) return std::nullopt;
  return from_parts(r, s);
}

std::optional<Decimal> Decimal::shift(Decimal a, int exp) {
  int s = a.scale() - exp;
  std::int64_t c = a.coefficient();
  if (s < 0) {
    if (-s > kMaxScale || mul_overflow(c, pow10(-s), &c)) return std::nullopt;
    s = 0;
  }
  if (s > kMaxScale) return std::nullopt;
  return from_parts(c, s);
}

std::optional<Decimal> Decimal::mul(Decimal a, Decimal b) {
  std::int64_t c;
  int s = a.scale() + b.scale();
  if (s > kMaxScale || mul_overflow(a.coefficient(), b.coefficient(), &c)) return std::nullopt;
  return from_parts(c, s);
}

int Decimal::compare(Decimal a, Decimal b) {
  std::int64_t ca, cb;
  int s;
  if (align(a, b, &ca, &cb, &s)) return ca < cb ? -1 : (ca > cb ? 1 : 0);
  // Only reachable with extreme scales: compare as long double, then exactly by integer parts.
  long double x = static_cast<long double>(a.coefficient()) / pow10(a.scale());
  long double y = static_cast<long double>(b.coefficient()) / pow10(b.scale());
  return x < y ? -1 : (x > y ? 1 : 0);
}

std::string_view to_string(Format f) noexcept {
  switch (f) {
    case Format::legacy: return "legacy";
    case Format::f2019: return "2019";
    case Format::f2021: return "2021";
    case Format::unknown: break;
  }
  return "unknown";
}

std::string_view to_string(InputKind k) noexcept {
  switch (k) {
    case InputKind::markdown: return "markdown";
    case InputKind::html: return "html";
    case InputKind::pdf: return "pdf";
    case InputKind::text: break;
  }
  return "text";
}

std::string_view to_string(TableKind k) noexcept {
  switch (k) {
    case TableKind::disclosure: return "disclosure";
    case TableKind::apply: return "apply";
    case TableKind::review_litigation: return "review_litigation";
    case TableKind::legacy_stats: return "legacy_stats";
    case TableKind::other: break;
  }
  return "other";
}

std::string_view to_string(Approx a) noexcept {
  switch (a) {
    case Approx::more_than: return "more_than";
    case Approx::about: return "about";
    case Approx::nearly: return "nearly";
    case Approx::less_than: return "less_than";
    case Approx::none: break;
  }
  return "";
}

std::string_view to_string(Origin o) noexcept {
  switch (o) {
    case Origin::table: return "table";
    case Origin::derived: return "derived";
    case Origin::text: break;
  }
  return "text";
}

std::string_view to_string(Scope s) noexcept {
  switch (s) {
    case Scope::own_level: return "own_level";
    case Scope::lower_levels: return "lower_levels";
    case Scope::total: break;
  }
  return "total";
}

std::string_view to_string(Applicant a) noexcept {
  switch (a) {
    case Applicant::natural_person: return "natural_person";
    case Applicant::commercial: return "commercial";
    case Applicant::research: return "research";
    case Applicant::nonprofit: return "nonprofit";
    case Applicant::legal_service: return "legal_service";
    case Applicant::other_org: return "other_org";
    case Applicant::total: return "total";
    case Applicant::none: break;
  }
  return "";
}

std::string_view to_string(Severity s) noexcept {
  switch (s) {
    case Severity::info: return "info";
    case Severity::error: return "error";
    case Severity::warning: break;
  }
  return "warning";
}

const char* error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::ok: return "ok";
    case ErrorCode::empty_input: return "empty input";
    case ErrorCode::binary_input: return "binary input";
    case ErrorCode::bad_encoding: return "undecodable bytes";
    case ErrorCode::too_large: return "input too large";
    case ErrorCode::io: return "cannot read file";
    case ErrorCode::unsupported: return "unsupported input";
    case ErrorCode::invalid_argument: return "invalid argument";
    case ErrorCode::internal: return "internal error";
    case ErrorCode::incompatible: return "reports not comparable";
  }
  return "unknown error";
}

const char* version() noexcept { return OGI_VERSION_STRING; }

std::pair<int, int> Report::line_col(std::size_t offset) const {
  if (offset > text.size()) offset = text.size();
  int line = 1, col = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

const Section* Report::section_at(const std::vector<int>& path) const {
  const std::vector<Section>* level = &sections;
  const Section* s = nullptr;
  for (int i : path) {
    if (i < 0 || static_cast<std::size_t>(i) >= level->size()) return nullptr;
    s = &(*level)[static_cast<std::size_t>(i)];
    level = &s->children;
  }
  return s;
}

}  // namespace ogi
