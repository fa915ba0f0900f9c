#pragma once
#include <string>
#include <string_view>

#include "model/json.hpp"

namespace model {

// Appends `text` as a JSON string, exactly as Json(text).dump(-1, ' ', false,
// replace) writes it, without building a JSON value: for answers made of
// thousands of strings (a national plan's advice).
void append_json_string(std::string& out, std::string_view text);

// Appends `value` exactly as value.dump(indent, ' ', false, replace) writes
// it (indent >= 0: pretty, as plan files are saved; -1: compact, as the API
// answers, currentPlan with England in one string), a string at a time
// with the writer above: nlohmann's writer looks at every character of
// every string by itself, and England's plan is 5 MB of them.
void append_json(std::string& out, const Json& value, int indent);
// The same for a value nested `depth` levels deep in what is being written
// (its lines indented that much more).
void append_json(std::string& out, const Json& value, int indent, int depth);

}  // namespace model
