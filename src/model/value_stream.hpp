#pragma once
// A JSON document read one value at a time, so that a plan can be read
// straight into its structs without first building the whole document as
// JSON values (io/json_stream.hpp reads text this way).
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/json.hpp"

namespace model {

class ValueStream {
 public:
  virtual ~ValueStream() = default;
  // If the next value is an object, steps into it and answers true; else
  // reads nothing.
  virtual bool enter_object() = 0;
  // Inside an object: its next key (valid until the next call), or false at
  // its end, having stepped out.
  virtual bool next_key(std::string_view& key) = 0;
  // If the next value is a list, steps into it and answers true.
  virtual bool enter_array() = 0;
  // Inside a list: true when another item follows, false at its end.
  virtual bool next_item() = 0;
  // Reads the next value whole.
  virtual Json value() = 0;
  // If the next value is text, reads it (valid until the next call) and
  // answers true; else reads nothing. Spares building a JSON value for the
  // commonest field.
  virtual bool next_text(std::string_view& text) {
    (void)text;
    return false;
  }
};

// The JSON Pointer of the value being read, kept in one buffer that grows
// and shrinks as the reader goes in and out, so that a path is only copied
// when a message needs it.
class PointerPath {
 public:
  PointerPath() = default;
  explicit PointerPath(std::string start) : text_(std::move(start)) {}
  void push(std::string_view key);
  void push(std::size_t index);
  void pop() {
    text_.resize(ends_.back());
    ends_.pop_back();
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;  // the length before each push
};

}  // namespace model
