#include "model/version.hpp"

namespace model {

std::string_view planner_version() { return PLANNER_VERSION; }

}  // namespace model
