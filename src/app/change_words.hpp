#pragma once
// Each milestone's and step's changes in plain English, for the timeline,
// the Milestones panel and timeline(): worked out once per plan revision
// and option shown, not every frame.
#include <string>
#include <vector>

#include "app/app_state.hpp"

namespace app {

const std::vector<std::string>& change_sentences(AppState& state, const model::Milestone& milestone);

}  // namespace app
