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
