#include "model/value_stream.hpp"

#include <charconv>

#include "model/problems.hpp"

namespace model {

void PointerPath::push(std::string_view key) {
  ends_.push_back(text_.size());
  text_ += '/';
  append_pointer_key(text_, key);
}

void PointerPath::push(std::size_t index) {
  ends_.push_back(text_.size());
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
  text_ += '/';
  text_.append(digits, end);
}

}  // namespace model
