#pragma once
#include <nlohmann/json.hpp>

namespace model {

// JSON values keep the order their fields were written in, so that saving is
// deterministic and unknown fields come back where they were.
using Json = nlohmann::ordered_json;

}  // namespace model
