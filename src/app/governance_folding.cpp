#include "app/governance_folding.hpp"

#include <algorithm>

#include "app/canvas_control.hpp"
#include "app/plan_document.hpp"

namespace app {

namespace {

// The set of like boxes an item belongs to, "set/place/acute-trust": an
// organisation or body drawn on its own (not in a group, not folded); "" otherwise.
std::string set_of(const layout::Item& item) {
  if ((item.role != "organisation" && item.role != "body") || !item.parent.empty() || item.folded) return {};
  return layout::set_id(item.level, item.kind);
}

std::size_t set_size(const layout::Scene& scene, const std::string& set) {
  return static_cast<std::size_t>(std::count_if(scene.items.begin(), scene.items.end(), [&](const layout::Item& item) { return set_of(item) == set; }));
}

}  // namespace

FoldChoices fold_choices(AppState& state, const std::string& id) {
  FoldChoices choices;
  if (!state.document) return choices;
  if (!state.governance_scene) refresh_governance(state);
  if (!state.governance_scene) return choices;  // another view is shown: the governance drawing is not kept
  const layout::Scene& scene = *state.governance_scene;
  std::string wanted;
  for (const layout::Item& item : scene.items) {
    if (item.id != id) continue;
    if (item.role == "group") choices.group = id;
    if (wanted.empty()) wanted = set_of(item);
  }
  if (wanted.empty()) return choices;
  choices.set_size = set_size(scene, wanted);
  if (choices.set_size >= 2) choices.set = wanted;
  return choices;
}

void show_only(AppState& state, const std::string& id) {
  state.governance.only = id;
  show_view(state, CanvasView::governance);
  refresh_governance(state);
  fit_content(state.canvas, state.now_seconds);
}

bool fold_governance(AppState& state, const std::string& id, bool fold) {
  if (!state.document) return false;
  std::set<std::string>& folded = state.governance.folded;
  if (!fold) {
    if (!folded.erase(id)) return false;
  } else {
    if (folded.count(id)) return true;
    bool foldable = false;
    if (!state.governance_scene) refresh_governance(state);
    for (const layout::Item& item : state.governance_scene->items) {
      if (item.id == id && item.role == "group") foldable = true;
    }
    if (!foldable && id.rfind("set/", 0) == 0) foldable = set_size(*state.governance_scene, id) >= 2;
    if (!foldable) return false;
    folded.insert(id);
  }
  show_view(state, CanvasView::governance);
  refresh_governance(state);
  return true;
}

}  // namespace app
