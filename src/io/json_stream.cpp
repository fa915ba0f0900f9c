#include "io/json_stream.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "io/plan_file.hpp"

namespace io {

using model::Json;

namespace {

[[noreturn]] void refuse() { throw NotPlainJson{}; }

bool in_range(unsigned char byte, unsigned char low, unsigned char high) { return byte >= low && byte <= high; }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// The length of the well-formed UTF-8 sequence starting at `at` (Unicode's
// table 3-7, which nlohmann's lexer follows), or 0.
std::size_t utf8_length(const char* at, const char* end) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(at[i]); };
  const std::size_t left = static_cast<std::size_t>(end - at);
  const unsigned char lead = byte(0);
  if (in_range(lead, 0xC2, 0xDF)) return left >= 2 && in_range(byte(1), 0x80, 0xBF) ? 2 : 0;
  if (in_range(lead, 0xE0, 0xEF)) {
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    return left >= 3 && in_range(byte(1), low, high) && in_range(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in_range(lead, 0xF0, 0xF4)) {
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    return left >= 4 && in_range(byte(1), low, high) && in_range(byte(2), 0x80, 0xBF) &&
                   in_range(byte(3), 0x80, 0xBF)
               ? 4
               : 0;
  }
  return 0;
}

}  // namespace

void JsonTextStream::skip_space() {
  while (at_ != end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t')) ++at_;
}

char JsonTextStream::peek() {
  skip_space();
  return at_ == end_ ? '\0' : *at_;
}

void JsonTextStream::expect(char c) {
  if (peek() != c || c == '\0') refuse();
  ++at_;
}

void JsonTextStream::enter(bool object) {
  ++at_;
  if (open_.size() >= static_cast<std::size_t>(max_nesting_depth)) refuse();
  open_.push_back({object, true, keys_.size()});
}

bool JsonTextStream::enter_object() {
  if (peek() != '{') return false;
  enter(true);
  return true;
}

bool JsonTextStream::enter_array() {
  if (peek() != '[') return false;
  enter(false);
  return true;
}

bool JsonTextStream::next_key(std::string_view& key) {
  Open& object = open_.back();
  const char c = peek();
  if (c == '}') {
    ++at_;
    keys_.resize(object.keys_begin);
    open_.pop_back();
    return false;
  }
  if (!object.first) expect(',');
  object.first = false;
  expect('"');
  key = string();
  if (key.data() == scratch_.data()) key = decoded_keys_.emplace_back(key);
  const auto mine = keys_.begin() + static_cast<std::ptrdiff_t>(object.keys_begin);
  if (std::find(mine, keys_.end(), key) != keys_.end()) refuse();
  keys_.push_back(key);
  expect(':');
  return true;
}

bool JsonTextStream::next_item() {
  Open& list = open_.back();
  if (peek() == ']') {
    ++at_;
    open_.pop_back();
    return false;
  }
  if (!list.first) expect(',');
  list.first = false;
  return true;
}

std::string_view JsonTextStream::string() {
  const char* start = at_;
  // Eight bytes at a time while none is a quote, a backslash, a control
  // character or part of a longer UTF-8 sequence (most of a plan's text).
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  while (end_ - at_ >= 8) {
    std::uint64_t word;
    std::memcpy(&word, at_, sizeof word);
    const std::uint64_t quote = word ^ (ones * '"');
    const std::uint64_t backslash = word ^ (ones * '\\');
    const std::uint64_t marked = ((word - ones * 0x20) & ~word) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | word;
    if (marked & highs) break;
    at_ += 8;
  }
  // The common case: no escapes, so the text itself is the string.
  while (at_ != end_) {
    const auto byte = static_cast<unsigned char>(*at_);
    if (byte == '"') return {start, static_cast<std::size_t>(at_++ - start)};
    if (byte == '\\') break;
    if (byte < 0x20) refuse();
    if (byte < 0x80) {
      ++at_;
    } else {
      const std::size_t length = utf8_length(at_, end_);
      if (length == 0) refuse();
      at_ += length;
    }
  }
  scratch_.assign(start, at_);
  while (at_ != end_) {
    const auto byte = static_cast<unsigned char>(*at_);
    if (byte == '"') {
      ++at_;
      return scratch_;
    }
    if (byte == '\\') {
      escape(scratch_);
    } else if (byte < 0x20) {
      refuse();
    } else {
      const std::size_t length = byte < 0x80 ? 1 : utf8_length(at_, end_);
      if (length == 0) refuse();
      scratch_.append(at_, length);
      at_ += length;
    }
  }
  refuse();
}

void JsonTextStream::escape(std::string& out) {
  ++at_;  // the backslash
  if (at_ == end_) refuse();
  const char c = *at_++;
  switch (c) {
    case '"': out += '"'; return;
    case '\\': out += '\\'; return;
    case '/': out += '/'; return;
    case 'b': out += '\b'; return;
    case 'f': out += '\f'; return;
    case 'n': out += '\n'; return;
    case 'r': out += '\r'; return;
    case 't': out += '\t'; return;
    case 'u': break;
    default: refuse();
  }
  const auto four_hex = [&] {
    if (end_ - at_ < 4) refuse();
    std::uint32_t code = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = hex_digit(*at_++);
      if (digit < 0) refuse();
      code = code * 16 + static_cast<std::uint32_t>(digit);
    }
    return code;
  };
  std::uint32_t code = four_hex();
  if (code >= 0xDC00 && code <= 0xDFFF) refuse();  // a low surrogate alone
  if (code >= 0xD800 && code <= 0xDBFF) {
    if (end_ - at_ < 2 || at_[0] != '\\' || at_[1] != 'u') refuse();
    at_ += 2;
    const std::uint32_t low = four_hex();
    if (low < 0xDC00 || low > 0xDFFF) refuse();
    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
  }
  append_utf8(out, code);
}

Json JsonTextStream::number() {
  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  const char* start = at_;
  const auto digits = [&] {
    const char* from = at_;
    while (at_ != end_ && *at_ >= '0' && *at_ <= '9') ++at_;
    return at_ - from;
  };
  if (at_ != end_ && *at_ == '-') ++at_;
  if (at_ != end_ && *at_ == '0') {
    ++at_;
  } else if (digits() == 0) {
    refuse();
  }
  bool whole = true;
  if (at_ != end_ && *at_ == '.') {
    ++at_;
    whole = false;
    if (digits() == 0) refuse();
  }
  if (at_ != end_ && (*at_ == 'e' || *at_ == 'E')) {
    ++at_;
    whole = false;
    if (at_ != end_ && (*at_ == '+' || *at_ == '-')) ++at_;
    if (digits() == 0) refuse();
  }
  // As nlohmann: a whole number that fits 64 bits stays whole (signed when
  // negative), anything else is a double.
  if (whole) {
    if (*start == '-') {
      std::int64_t value = 0;
      if (std::from_chars(start, at_, value).ec == std::errc()) return Json(value);
    } else {
      std::uint64_t value = 0;
      if (std::from_chars(start, at_, value).ec == std::errc()) return Json(value);
    }
  }
  const std::string token(start, at_);
  const double value = std::strtod(token.c_str(), nullptr);
  if (!std::isfinite(value)) refuse();
  return Json(value);
}

void JsonTextStream::literal(std::string_view word) {
  if (static_cast<std::size_t>(end_ - at_) < word.size() || std::string_view(at_, word.size()) != word) refuse();
  at_ += word.size();
}

Json JsonTextStream::value() {
  switch (peek()) {
    case '{': {
      enter(true);
      Json object(Json::value_t::object);
      auto& fields = object.get_ref<Json::object_t&>();
      std::string_view key;
      while (next_key(key)) {
        std::string name(key);
        fields.emplace_back(std::move(name), value());
      }
      return object;
    }
    case '[': {
      enter(false);
      Json list(Json::value_t::array);
      auto& items = list.get_ref<Json::array_t&>();
      while (next_item()) items.push_back(value());
      return list;
    }
    case '"':
      ++at_;
      return Json(std::string(string()));
    case 't': literal("true"); return Json(true);
    case 'f': literal("false"); return Json(false);
    case 'n': literal("null"); return Json(nullptr);
    default: return number();
  }
}

bool JsonTextStream::next_text(std::string_view& text) {
  if (peek() != '"') return false;
  ++at_;
  text = string();
  return true;
}

void JsonTextStream::finish() {
  if (!open_.empty() || peek() != '\0' || at_ != end_) refuse();
}

}  // namespace io
