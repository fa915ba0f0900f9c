#pragma once
// A JSON document read one value at a time, so that a plan can be read
// straight into its structs without first building the whole document as
// JSON values (io/json_stream.hpp reads text this way).
#include <cstddef>
#include <deque>
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

// The JSON Pointer of the value being read. The reader goes in and out of
// some 150,000 keys and items in England's plan, and a path is wanted only
// for a message: the text is written only when asked for, and kept for the
// next question while the reader stays below it.
class PointerPath {
 public:
  PointerPath() = default;
  explicit PointerPath(std::string start) : text_(std::move(start)) {}
  // A key that outlives its push: a field's name, or other fixed text.
  void push(std::string_view key) { segments_.push_back({key, 0, 0, false, false}); }
  // A key that may not (one read from a file): the path keeps a copy.
  void push_copy(std::string_view key) {
    segments_.push_back({copies_.emplace_back(key), 0, 0, false, true});
  }
  void push(std::size_t index) { segments_.push_back({{}, index, 0, true, false}); }
  void pop() {
    if (written_ < segments_.size() && !segments_.back().copied) segments_.pop_back();  // nearly always
    else pop_written();
  }
  const std::string& text() const;

 private:
  struct Segment {
    std::string_view key;
    std::size_t index;
    std::size_t start;  // where it begins in text_, once written
    bool is_index;
    bool copied;
  };
  void pop_written();

  mutable std::vector<Segment> segments_;
  mutable std::string text_;
  mutable std::size_t written_ = 0;  // how many segments text_ holds
  std::deque<std::string> copies_;  // a deque: the keys' views stay put
};

// A path given as text or as a PointerPath, for code that takes either.
inline const std::string& path_text(const std::string& path) { return path; }
inline const std::string& path_text(const PointerPath& path) { return path.text(); }

}  // namespace model
