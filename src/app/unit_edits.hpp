#pragma once
// The layers view's edits, each one command (a batch where it takes
// several), so that each is undone in one step.
#include <optional>
#include <string>

#include "app/app_state.hpp"
#include "model/command.hpp"

namespace app {

const model::Unit* find_unit(const AppState& state, const std::string& id);
// The units directly inside a unit.
std::size_t count_children(const AppState& state, const std::string& id);

model::ApplyResult rename_unit(AppState& state, const std::string& id, const std::string& name);
model::ApplyResult set_unit_code(AppState& state, const std::string& id, const std::string& code);
// No figure (nullopt) lets the unit count as the sum of its parts.
model::ApplyResult set_unit_population(AppState& state, const std::string& id, std::optional<std::int64_t> population);
// Adds a unit one layer down inside `parent` ("New PCN" in a place...) and
// selects it; its id is new and readable ("pcn-3").
model::ApplyResult add_unit_inside(AppState& state, const std::string& parent);
// Removes the unit and everything inside it, deepest first.
model::ApplyResult delete_unit(AppState& state, const std::string& id);

}  // namespace app
