#include "model/json_text.hpp"

#include <charconv>
#include <cstdint>

#include "model/json.hpp"

namespace model {

namespace {

// The length of the well-formed UTF-8 sequence that starts with a byte
// of 0x80 or more at `i`, or 0 if it is broken (what nlohmann's writer
// replaces).
std::size_t utf8_length_at(std::string_view text, std::size_t i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  unsigned low = 0x80, high = 0xBF;  // the second byte's range
  if (byte >= 0xC2 && byte <= 0xDF) length = 2;
  else if (byte >= 0xE0 && byte <= 0xEF) {
    length = 3;
    if (byte == 0xE0) low = 0xA0;   // no overlong forms
    if (byte == 0xED) high = 0x9F;  // no surrogates
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    length = 4;
    if (byte == 0xF0) low = 0x90;
    if (byte == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  const auto second = static_cast<unsigned char>(text[i + 1]);
  if (second < low || second > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if (next < 0x80 || next > 0xBF) return 0;
  }
  return length;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  out += '"';
  std::size_t plain = 0;  // start of the run of characters written as they are
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8_length_at(text, i);
      if (length == 0) {
        // Broken UTF-8 is rare (the loader refuses it): nlohmann's writer replaces it.
        out.resize(start);
        out += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
      }
      i += length - 1;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.substr(plain, i - plain));
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        constexpr char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xF];
      }
    }
  }
  out.append(text.substr(plain));
  out += '"';
}

namespace {

// indent < 0: compact, with no spaces or line breaks.
void append_value(std::string& out, const Json& value, int indent, int depth) {
  switch (value.type()) {
    case Json::value_t::string:
      append_json_string(out, value.get_ref<const std::string&>());
      return;
    case Json::value_t::object:
    case Json::value_t::array: {
      const bool object = value.is_object();
      if (value.empty()) {
        out += object ? "{}" : "[]";
        return;
      }
      const bool pretty = indent >= 0;
      out += object ? '{' : '[';
      const std::size_t inner = pretty ? static_cast<std::size_t>(indent) * static_cast<std::size_t>(depth + 1) : 0;
      bool first = true;
      for (auto item = value.begin(); item != value.end(); ++item) {
        if (!first) out += ',';
        first = false;
        if (pretty) out += '\n', out.append(inner, ' ');
        if (object) {
          append_json_string(out, item.key());
          out += pretty ? ": " : ":";
        }
        append_value(out, item.value(), indent, depth + 1);
      }
      if (pretty) out += '\n', out.append(inner - static_cast<std::size_t>(indent), ' ');
      out += object ? '}' : ']';
      return;
    }
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: {
      char digits[24];
      const auto written = value.is_number_unsigned() ? std::to_chars(digits, digits + sizeof digits, value.get<std::uint64_t>())
                                                      : std::to_chars(digits, digits + sizeof digits, value.get<std::int64_t>());
      out.append(digits, written.ptr);
      return;
    }
    default:  // null, booleans and fractions, as nlohmann writes them
      out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

}  // namespace

void append_json(std::string& out, const Json& value, int indent) { append_value(out, value, indent, 0); }

void append_json(std::string& out, const Json& value, int indent, int depth) { append_value(out, value, indent, depth); }

}  // namespace model
