#pragma once
// Importing NHS files in the page: the files are recognised by their
// contents, the import is previewed (counts and every skipped row), and
// only then applied, as one change that one undo reverses.
#include <string>
#include <vector>

#include "app/app_state.hpp"

namespace app {

struct NamedText {
  std::string name;
  std::string text;
};

// Reads the files and plans the import into the open plan (or a new one);
// the preview window shows the result. False, with state.pending_import's
// error set, when a file cannot be read as any of the three layouts.
bool preview_import(AppState& state, const std::vector<NamedText>& files);
// Applies the previewed import; opens a new plan first when none is open.
model::ApplyResult confirm_import(AppState& state);

}  // namespace app
