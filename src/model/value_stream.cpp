#include "model/value_stream.hpp"

#include <charconv>

#include "model/problems.hpp"

namespace model {

void PointerPath::pop_written() {
  const Segment& last = segments_.back();
  if (written_ == segments_.size()) {
    text_.resize(last.start);
    --written_;
  }
  if (last.copied) copies_.pop_back();
  segments_.pop_back();
}

const std::string& PointerPath::text() const {
  for (; written_ < segments_.size(); ++written_) {
    Segment& segment = segments_[written_];
    segment.start = text_.size();
    text_ += '/';
    if (segment.is_index) {
      char digits[24];
      const auto end = std::to_chars(digits, digits + sizeof digits, segment.index).ptr;
      text_.append(digits, end);
    } else {
      append_pointer_key(text_, segment.key);
    }
  }
  return text_;
}

}  // namespace model
