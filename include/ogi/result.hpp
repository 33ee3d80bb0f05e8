// Errors without exceptions: ogi::Error and ogi::result<T>.
//
// Parsing never throws. `ogi::parse` returns a result<Report> that holds
// either the report or an Error with a code, the byte offset in the input
// where the problem was found, and a message saying what to do.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace ogi {

// Stable codes; the C ABI exposes the same numbers (negated). Never renumber.
enum class ErrorCode : int {
  ok = 0,
  empty_input = 1,       // no bytes, or only whitespace
  binary_input = 2,      // NUL bytes or a binary file format we do not read
  bad_encoding = 3,      // bytes that decode in no supported encoding
  too_large = 4,         // input over Options::max_input_bytes
  io = 5,                // a file could not be opened or read
  unsupported = 6,       // a format ogi was built without (e.g. PDF without poppler)
  invalid_argument = 7,  // a caller error (null pointer, bad option value)
  internal = 8,          // a bug in ogi: please report it with the input
  incompatible = 9,      // compare(): the two reports are not the same body or not consecutive years
};

// A short static description of a code ("empty input").
const char* error_code_name(ErrorCode code) noexcept;

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;     // one line, English, says what is wrong and what to do
  std::size_t offset = 0;  // byte offset in the input where it was detected (0 when not applicable)
};

template <class T>
class [[nodiscard]] result {
 public:
  result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  result(Error error) : v_(std::move(error)) {}    // NOLINT: implicit by design

  bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace ogi
