#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/json.hpp"
#include "model/json_text.hpp"

namespace {

std::string written(std::string_view text) {
  std::string out = "x";  // appends: what was there stays
  model::append_json_string(out, text);
  return out.substr(1);
}

std::string nlohmanns(std::string_view text) {
  return model::Json(std::string(text)).dump(-1, ' ', false, model::Json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("a JSON string is written byte for byte as nlohmann writes it") {
  std::vector<std::string> texts = {
      "",
      "plain words",
      "\"quoted\" and back\\slash",
      "line\nbreak\ttab\rreturn\bback\fform",
      std::string("nul \0 inside", 12),
      "\x01\x1f\x7f",
      "£ é — 😀 across one, two, three and four bytes",
      "/units/3/parent: warning: \"Sheffield\" is missing",
      "\xff broken",                // a byte UTF-8 never uses
      "cut short \xe2\x82",         // a sequence that stops early
      "\xc0\xaf overlong",          // an overlong slash
      "\xed\xa0\x80 surrogate",     // a UTF-16 surrogate written as UTF-8
      "\xf4\x90\x80\x80 too high",  // above U+10FFFF
      "\xe2\x82\xac\xe2",           // good, then broken at the end
  };
  for (int c = 0; c < 256; ++c) texts.push_back(std::string(1, static_cast<char>(c)) + "a");
  for (const std::string& text : texts) {
    CAPTURE(text);
    CHECK(written(text) == nlohmanns(text));
  }
}

TEST_CASE("a JSON value is written pretty byte for byte as nlohmann writes it") {
  const model::Json value = model::Json::parse(R"({
    "empty object": {}, "empty array": [], "null": null, "yes": true, "no": false,
    "numbers": [0, -1, 42, 9007199254740993, 18446744073709551615, -9223372036854775808, 1.5, -0.25, 1e300, 3.0, 0.1],
    "nested": {"a": [{"b": [[], {}, [1, [2, [3]]]]}], "c": {"d": {"e": "deep"}}},
    "words": ["£ é — 😀", "line\nbreak", "quote \" and \\"]
  })");
  for (const int indent : {0, 1, 2, 4}) {
    CAPTURE(indent);
    std::string out = "x";
    model::append_json(out, value, indent);
    CHECK(out.substr(1) == value.dump(indent, ' ', false, model::Json::error_handler_t::replace));
  }
  std::string compact;
  model::append_json(compact, value, -1);
  CHECK(compact == value.dump(-1, ' ', false, model::Json::error_handler_t::replace));
  // Broken UTF-8 inside a value is replaced as nlohmann replaces it.
  const model::Json broken = {{"name", std::string("cut \xe2\x82")}, {"list", {std::string("\xff")}}};
  std::string out;
  model::append_json(out, broken, 2);
  CHECK(out == broken.dump(2, ' ', false, model::Json::error_handler_t::replace));
}
