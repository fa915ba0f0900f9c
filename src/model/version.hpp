#pragma once
#include <string_view>

namespace model {

// The planner's release version (semantic versioning), shared by the page,
// the command-line tool and saved files.
std::string_view planner_version();

}  // namespace model
