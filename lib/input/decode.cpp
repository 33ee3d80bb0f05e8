// lib/input: (placeholder until the input stage lands) UTF-8 only.
#include "doc.hpp"

namespace ogi::detail {

result<bool> decode(std::string_view bytes, Doc& doc) {
  if (bytes.empty()) return Error{ErrorCode::empty_input, "the input is empty", 0};
  doc.source.assign(bytes);
  doc.input.bytes = bytes.size();
  doc.input.encoding = "UTF-8";
  return true;
}

}  // namespace ogi::detail
