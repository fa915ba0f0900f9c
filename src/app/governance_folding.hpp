#pragma once
// Folding in the governance view (docs/views.md): a group (a host and the
// bodies drawn with it) or a set of like boxes in a level drawn as one box
// with their lines merged, and unfolded again. The layout is redone: the
// person asked for a new drawing.
#include <string>

#include "app/app_state.hpp"

namespace app {

// What a box could be folded into: the group it hosts (its own id), and the
// set of like boxes in its level (layout::set_id); "" where there is none.
struct FoldChoices {
  std::string group;
  std::string set;
  std::size_t set_size = 0;
};
FoldChoices fold_choices(AppState& state, const std::string& id);

// Folds or unfolds a group or a set by its id; false (nothing changed)
// when the id is neither, or is not folded when asked to unfold.
bool fold_governance(AppState& state, const std::string& id, bool fold);

// "Show only what touches this": the drawing redone with only that box and
// what touches it; "" shows everything again. The box stays selected.
void show_only(AppState& state, const std::string& id);

}  // namespace app
