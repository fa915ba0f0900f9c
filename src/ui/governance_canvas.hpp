#pragma once
// The governance view's pointer work on the canvas: nudging a node along
// its row, drawing a flow from a node's handle to another node, and what
// a selection lights up.
#include <imgui.h>

#include <set>
#include <string>

#include "app/app_state.hpp"
#include "ui/theme.hpp"

namespace ui {

// The item under a screen point (device pixels), -1 for none.
int governance_item_at(const app::AppState& state, glm::dvec2 pointer);
// Starts a nudge or a flow on a left press; false when the press should pan.
bool governance_press(app::AppState& state, glm::dvec2 pointer);
void governance_drag(app::AppState& state, glm::dvec2 pointer);
// Ends the nudge (stored as a layout hint) or the flow (the new-flow dialog opens).
void governance_release(app::AppState& state, glm::dvec2 pointer, bool moved);
// The selection and everything it touches, for the view to draw the rest
// faded: worked out again only when the selection or the scene changes.
const std::set<std::string>& neighbourhood(const app::AppState& state);
// The handle of the hovered or selected node, and the drag in progress.
void draw_governance_feedback(ImDrawList& draw, const app::AppState& state, const CanvasPalette& palette, int hovered);

}  // namespace ui
