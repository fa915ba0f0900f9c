#pragma once
// JSON text read one value at a time (model::ValueStream), for loading a
// plan without building the whole document first.
//
// It reads only what nlohmann's parser would accept, plus the planner's own
// rules (no NUL byte, no key twice in one object, nesting at most
// max_nesting_depth), and throws NotPlainJson at the first thing it does
// not like, without wording it: the loader then reads the text through
// nlohmann's parser, which finds and words the problem (io/plan_file.cpp).
// So it may refuse more than nlohmann does (a byte-order mark, say), never
// less.
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "model/value_stream.hpp"

namespace io {

struct NotPlainJson {};

class JsonTextStream final : public model::ValueStream {
 public:
  explicit JsonTextStream(std::string_view text) : at_(text.data()), end_(text.data() + text.size()) {}

  bool enter_object() override;
  bool next_key(std::string_view& key) override;
  bool enter_array() override;
  bool next_item() override;
  model::Json value() override;
  bool next_text(std::string_view& text) override;
  // After the outermost value: only whitespace may follow.
  void finish();

 private:
  struct Open {
    bool object;
    bool first;                 // no item or key read yet
    std::size_t keys_begin;     // this object's keys in keys_
  };

  void skip_space();
  char peek();  // the next byte after whitespace, '\0' at the end
  void expect(char c);
  void enter(bool object);
  std::string_view string();  // after the opening quote
  void escape(std::string& out);
  model::Json number();
  void literal(std::string_view word);

  const char* at_;
  const char* end_;
  std::vector<Open> open_;
  std::vector<std::string_view> keys_;   // the keys of every open object, for the duplicate check
  std::deque<std::string> decoded_keys_;  // keys written with escapes, where keys_ can point
  std::string scratch_;                   // a string written with escapes, decoded
};

}  // namespace io
