#include "app/governance_folding.hpp"

#include "app/canvas_control.hpp"
#include "app/plan_document.hpp"

namespace app {

FoldChoices fold_choices(AppState& state, const std::string& id) {
  FoldChoices choices;
  if (!state.document) return choices;
  if (!state.governance_scene) refresh_governance(state);
  const layout::Scene& scene = *state.governance_scene;
  const auto bands = layout::governance_bands(state.document->plan);
  const auto set_of = [&](const layout::Item& item) {
    const auto band = bands.find(item.id);
    return band == bands.end() ? std::string() : layout::set_id(band->second, item.kind);
  };
  std::string wanted;
  for (const layout::Item& item : scene.items) {
    if (item.id != id) continue;
    if (item.role == "group") choices.group = id;
    if ((item.role == "organisation" || item.role == "body") && item.parent.empty() && !item.folded) wanted = set_of(item);
  }
  if (wanted.empty()) return choices;
  for (const layout::Item& item : scene.items) {
    if ((item.role == "organisation" || item.role == "body") && item.parent.empty() && !item.folded && set_of(item) == wanted) ++choices.set_size;
  }
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
    if (!foldable && id.rfind("set/", 0) == 0) {
      for (const layout::Item& item : state.governance_scene->items) {
        if ((item.role == "organisation" || item.role == "body") && item.parent.empty() && fold_choices(state, item.id).set == id) {
          foldable = true;
          break;
        }
      }
    }
    if (!foldable) return false;
    folded.insert(id);
  }
  show_view(state, CanvasView::governance);
  refresh_governance(state);
  return true;
}

}  // namespace app
