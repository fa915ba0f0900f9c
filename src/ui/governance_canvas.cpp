#include "ui/governance_canvas.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "app/governance_edits.hpp"
#include "layout/camera.hpp"

namespace ui {

namespace {

constexpr double handle_radius = 7.0;  // CSS pixels

ImVec2 to_imvec(glm::dvec2 v) { return ImVec2(static_cast<float>(v.x), static_cast<float>(v.y)); }

bool is_node(const layout::Item& item) { return item.role != "flow" && item.role != "membership" && item.role != "band"; }

const layout::Item* find_item(const app::AppState& state, const std::string& id) {
  if (!state.governance_scene || id.empty()) return nullptr;  // asked every frame for the selection, often none
  // Looked for first where it was last found in this scene (a group and its
  // host's box share an id: the first is the one): England's has some 16,000 items.
  static struct {
    std::uint64_t scene = 0;
    std::size_t index = 0;
  } last_found;
  const std::vector<layout::Item>& items = state.governance_scene->items;
  const std::uint64_t scene = state.governance_scene->serial;
  if (last_found.scene == scene && last_found.index < items.size() && items[last_found.index].id == id) return &items[last_found.index];
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id != id || !is_node(items[i])) continue;
    last_found = {scene, i};
    return &items[i];
  }
  return nullptr;
}

glm::dvec2 to_world(const app::AppState& state, glm::dvec2 screen) {
  return layout::screen_to_world(state.canvas.camera, state.canvas.viewport, screen);
}

glm::dvec2 to_screen(const app::AppState& state, glm::dvec2 world) {
  return layout::world_to_screen(state.canvas.camera, state.canvas.viewport, world);
}

// Where a node's "draw a flow" handle is, on screen: just inside the middle of its right side.
glm::dvec2 handle_of(const app::AppState& state, const layout::Item& item) {
  return to_screen(state, {item.bounds.max.x, item.bounds.center().y}) - glm::dvec2{(handle_radius + 4.0) * state.canvas.viewport.pixel_ratio, 0.0};
}

// The node whose handle is under the pointer: the hovered or the selected one.
const layout::Item* handle_under(const app::AppState& state, glm::dvec2 pointer, const layout::Item* hovered) {
  const double reach = (handle_radius + 2.0) * state.canvas.viewport.pixel_ratio;
  for (const layout::Item* item : {hovered, find_item(state, state.selected)}) {
    if (!item) continue;
    const glm::dvec2 d = handle_of(state, *item) - pointer;
    if (d.x * d.x + d.y * d.y <= reach * reach) return item;
  }
  return nullptr;
}

// What moving an item moves: the block it is drawn in (a post inside a
// box moves the box; a box in a group moves the group, whose id is its host's).
std::string block_of(const app::AppState& state, const layout::Item& item) {
  std::string id = item.id;
  std::string parent = item.parent;
  while (!parent.empty()) {
    const layout::Item* outer = find_item(state, parent);
    if (!outer) break;
    id = outer->id;
    parent = outer->parent;
  }
  return id;
}

const layout::Item* node_at(const app::AppState& state, glm::dvec2 pointer) {
  const int index = governance_item_at(state, pointer);
  if (index < 0) return nullptr;
  const layout::Item& item = state.governance_scene->items[static_cast<std::size_t>(index)];
  return is_node(item) ? &item : nullptr;
}

}  // namespace

int governance_item_at(const app::AppState& state, glm::dvec2 pointer) {
  if (!state.governance_scene) return -1;
  const double tolerance = 5.0 / std::max(state.canvas.camera.zoom, 1e-9);
  const int index = layout::item_at(*state.governance_scene, to_world(state, pointer), tolerance);
  // A level's band is the background: nothing to select.
  return index >= 0 && state.governance_scene->items[static_cast<std::size_t>(index)].role == "band" ? -1 : index;
}

bool governance_press(app::AppState& state, glm::dvec2 pointer) {
  if (!state.governance_scene || !state.document) return false;
  const layout::Item* hovered = node_at(state, pointer);
  const bool alt = ImGui::GetIO().KeyAlt;
  if (const layout::Item* item = handle_under(state, pointer, hovered)) {
    state.flow_draft = app::FlowDraft{item->id, {}};
    return true;
  }
  if (!hovered) return false;
  if (alt) {
    state.flow_draft = app::FlowDraft{hovered->id, {}};
    return true;
  }
  const layout::Item* moved = find_item(state, block_of(state, *hovered));
  if (!moved) moved = hovered;
  state.node_drag = app::NodeDrag{moved->id, to_world(state, pointer) - moved->bounds.center()};
  return true;
}

void governance_drag(app::AppState& state, glm::dvec2 pointer) {
  if (state.flow_draft) {
    const layout::Item* target = node_at(state, pointer);
    state.flow_draft->target = target && target->id != state.flow_draft->from ? target->id : std::string();
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  } else if (state.node_drag) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  }
}

void governance_release(app::AppState& state, glm::dvec2 pointer, bool moved) {
  if (state.flow_draft) {
    const app::FlowDraft draft = *state.flow_draft;
    state.flow_draft.reset();
    if (!moved || draft.target.empty()) return;
    state.new_flow = app::NewFlowDialog{true, draft.from, draft.target, app::suggested_flow_kind(state, draft.from, draft.target), {}, {}};
    return;
  }
  if (!state.node_drag) return;
  const app::NodeDrag drag = *state.node_drag;
  state.node_drag.reset();
  if (!moved) return;
  const glm::dvec2 centre = to_world(state, pointer) - drag.grab;
  app::set_layout_hint(state, layout::governance_view, drag.id, centre.x, centre.y);
  state.selected = drag.id;
}

namespace {

std::set<std::string> neighbourhood_now(const app::AppState& state) {
  std::set<std::string> lit;
  if (state.selected.empty() || !state.governance_scene || !state.document) return lit;
  lit.insert(state.selected);
  bool drawn = false;
  for (const layout::Item& item : state.governance_scene->items) {
    drawn = drawn || item.id == state.selected ||
            std::find(item.stands_for.begin(), item.stands_for.end(), state.selected) != item.stands_for.end();
    if (is_node(item)) continue;
    if (item.id == state.selected) lit.insert(item.from), lit.insert(item.to);  // a selected flow: its two ends
    if (item.from == state.selected || item.to == state.selected) {
      lit.insert(item.id);
      lit.insert(item.from);
      lit.insert(item.to);
    }
  }
  // Members light up with their body, and bodies with their members, drawn lines or not.
  for (const model::Body& body : app::shown_plan(state).bodies) {
    for (const model::Member& member : body.members) {
      const std::string& who = member.organisation.empty() ? member.post : member.organisation;
      if (body.id == state.selected) lit.insert(who);
      if (who == state.selected) lit.insert(body.id);
    }
  }
  // A selection this view does not draw (a practice chosen in the layers view) fades nothing.
  if (!drawn) lit.clear();
  return lit;
}

}  // namespace

const std::set<std::string>& neighbourhood(const app::AppState& state) {
  // Looking through England's 15,000 items took about 5 ms of every frame in the page.
  static struct {
    std::uint64_t scene = 0;  // a scene's serial is new whenever the plan shown changes what it draws
    std::string selected;
    std::set<std::string> lit;
  } kept;
  const std::uint64_t scene = state.governance_scene && state.document ? state.governance_scene->serial : 0;
  if (scene != kept.scene || state.selected != kept.selected) kept = {scene, state.selected, neighbourhood_now(state)};
  return kept.lit;
}

void draw_governance_feedback(ImDrawList& draw, const app::AppState& state, const CanvasPalette& palette, int hovered) {
  if (!state.governance_scene || state.read_only()) return;  // handles and drag outlines are for editing
  const float ratio = static_cast<float>(state.canvas.viewport.pixel_ratio);
  const ImVec2 pointer = ImGui::GetIO().MousePos;
  if (state.node_drag) {
    // The node's outline where it will go: along its row, as the layout keeps rows.
    if (const layout::Item* item = find_item(state, state.node_drag->id)) {
      const glm::dvec2 centre = layout::screen_to_world(state.canvas.camera, state.canvas.viewport, {pointer.x, pointer.y}) - state.node_drag->grab;
      const glm::dvec2 half = item->bounds.size() * 0.5;
      const glm::dvec2 at{centre.x, item->bounds.center().y};
      draw.AddRect(to_imvec(to_screen(state, at - half)), to_imvec(to_screen(state, at + half)), palette.accent, 6.0f * ratio, 0, 2.5f * ratio);
    }
    return;
  }
  if (state.flow_draft) {
    if (const layout::Item* from = find_item(state, state.flow_draft->from)) {
      draw.AddLine(to_imvec(handle_of(state, *from)), pointer, palette.accent, 2.5f * ratio);
      draw.AddCircleFilled(pointer, 4.0f * ratio, palette.accent);
    }
    if (const layout::Item* target = find_item(state, state.flow_draft->target)) {
      draw.AddRect(to_imvec(to_screen(state, target->bounds.min)), to_imvec(to_screen(state, target->bounds.max)), palette.accent, 6.0f * ratio, 0,
                   3.0f * ratio);
    }
    return;
  }
  // The handle: on the node under the pointer, or the selected one.
  const layout::Item* item = nullptr;
  if (hovered >= 0 && is_node(state.governance_scene->items[static_cast<std::size_t>(hovered)])) {
    item = &state.governance_scene->items[static_cast<std::size_t>(hovered)];
  } else {
    item = find_item(state, state.selected);
  }
  if (!item || !state.document) return;
  const double node_height = static_cast<double>(item->bounds.size().y) * state.canvas.camera.zoom;
  if (node_height < 24.0) return;  // too small to aim at
  const ImVec2 at = to_imvec(handle_of(state, *item));
  const float r = static_cast<float>(handle_radius) * ratio;
  draw.AddCircleFilled(at, r, palette.accent);
  draw.AddLine(ImVec2(at.x - r * 0.55f, at.y), ImVec2(at.x + r * 0.55f, at.y), palette.card, 1.5f * ratio);
  draw.AddLine(ImVec2(at.x, at.y - r * 0.55f), ImVec2(at.x, at.y + r * 0.55f), palette.card, 1.5f * ratio);
}

}  // namespace ui
