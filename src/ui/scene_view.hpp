#pragma once
#include <imgui.h>

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/app_state.hpp"
#include "layout/scene.hpp"
#include "ui/fonts.hpp"

namespace ui {

// For a comparison's halves: items left out (what the state does not have)
// and items outlined in a colour of their own (what was added, removed or changed).
struct SceneMarks {
  const std::set<std::string>* hidden = nullptr;
  std::vector<std::pair<const std::set<std::string>*, ImU32>> outlined;
};

// A line's end mark (layout::arrowhead_shape), in screen pixels.
void draw_arrowhead(ImDrawList& draw, layout::Arrowhead head, ImVec2 tip, ImVec2 from, float size, ImU32 colour, float ratio);

// Draws a scene on the canvas and returns the index of the deepest item
// under the pointer (-1 for none). Only what is on screen is drawn; an item
// too small to read is one plain block, without its insides; text is drawn
// only where it is large enough to read and cut to fit its box. With `lit`,
// items whose ids are not in it are drawn faded (a selection's neighbourhood).
// With `shown`, every item drawn is listed there with the text it showed.
// With `retained` (a level's ItemDetail per item), the boxes and lines are
// drawn already (kept on the GPU): only text, outlines of marked and
// selected items, and the hover are done here.
int draw_scene(ImDrawList& draw, const layout::Scene& scene, const app::CanvasState& canvas, app::Theme theme,
               const Fonts& fonts, const std::set<std::string>& selected, ImVec2 pointer, const std::set<std::string>* lit = nullptr,
               std::vector<app::ShownItem>* shown = nullptr, const SceneMarks* marks = nullptr,
               const std::vector<std::uint8_t>* retained = nullptr);

}  // namespace ui
