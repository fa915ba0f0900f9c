#include "model/value_stream.hpp"

#include <charconv>

namespace model {

void PointerPath::push(std::string_view key) {
  ends_.push_back(text_.size());
  text_ += '/';
  for (char c : key) {  // RFC 6901, as pointer_key
    if (c == '~') text_ += "~0";
    else if (c == '/') text_ += "~1";
    else text_ += c;
  }
}

void PointerPath::push(std::size_t index) {
  ends_.push_back(text_.size());
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
  text_ += '/';
  text_.append(digits, end);
}

}  // namespace model
