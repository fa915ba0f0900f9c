#pragma once
#include <string>
#include <string_view>

namespace model {

// Appends `text` as a JSON string, exactly as Json(text).dump(-1, ' ', false,
// replace) writes it, without building a JSON value: for answers made of
// thousands of strings (a national plan's advice).
void append_json_string(std::string& out, std::string_view text);

}  // namespace model
