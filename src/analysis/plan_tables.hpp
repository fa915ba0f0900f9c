#pragma once
// The plan as flat tables, one row per thing, for spreadsheets: units with
// their roll-ups, organisations, bodies, posts, flows and functions (with
// who decides each). Values are plain text; lists are joined with "; ".
// docs/exports.md lists every column.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"

namespace analysis {

struct PlanTable {
  std::string name;                              // "units", "organisations", ...
  std::vector<std::string> header;               // column names
  std::vector<std::vector<std::string>> rows;    // as many fields as the header
};

// The tables' names, in the order menus list them.
const std::vector<std::string_view>& plan_table_names();

// The named table; nullopt for a name not in plan_table_names(). Needs a
// valid plan.
std::optional<PlanTable> plan_table(const model::Plan& plan, std::string_view name);

}  // namespace analysis
