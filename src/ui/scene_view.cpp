#include "ui/scene_view.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "layout/camera.hpp"
#include "layout/text_fit.hpp"
#include "ui/theme.hpp"

namespace ui {

namespace {

// Sizes in CSS pixels; multiplied by the device pixel ratio when drawn.
constexpr double smallest_block = 2.0;    // below this an item and its insides are one block
constexpr double smallest_text = 7.0;     // text smaller than this is not drawn...
constexpr double readable_text = 11.0;    // ...unless it has room to be drawn this size

ImVec2 to_imvec(glm::dvec2 v) { return ImVec2(static_cast<float>(v.x), static_cast<float>(v.y)); }

void draw_hatching(ImDrawList& draw, ImVec2 min, ImVec2 max, ImU32 colour, float ratio) {
  const float step = 4.0f * ratio;
  draw.PushClipRect(min, max, true);
  for (float x = min.x - (max.y - min.y); x < max.x; x += step) {
    draw.AddLine(ImVec2(x, max.y), ImVec2(x + (max.y - min.y), min.y), colour, ratio);
  }
  draw.PopClipRect();
}

}  // namespace

int draw_scene(ImDrawList& draw, const layout::Scene& scene, const app::CanvasState& canvas, app::Theme theme,
               const Fonts& fonts, const std::set<std::string>& selected, ImVec2 pointer) {
  const double ratio = canvas.viewport.pixel_ratio;
  const glm::dvec2 view_min = canvas.viewport.origin;
  const glm::dvec2 view_max = canvas.viewport.origin + canvas.viewport.size;
  const auto to_screen = [&](glm::dvec2 world) { return layout::world_to_screen(canvas.camera, canvas.viewport, world); };
  const ImU32 white = paint_colour(theme, layout::Paint::practice);
  int hovered = -1;
  std::vector<std::pair<ImVec2, ImVec2>> selected_boxes;

  for (std::size_t i = 0; i < scene.items.size();) {
    const layout::Item& item = scene.items[i];
    const glm::dvec2 min = to_screen(item.bounds.min);
    const glm::dvec2 max = to_screen(item.bounds.max);
    if (max.x < view_min.x || max.y < view_min.y || min.x > view_max.x || min.y > view_max.y) {
      i = item.end;  // off screen, and so is everything inside it
      continue;
    }
    const double short_side = std::min(max.x - min.x, max.y - min.y);
    const bool tiny = short_side < smallest_block * ratio;
    for (std::size_t s = item.first_shape; s < item.first_shape + item.shape_count; ++s) {
      const layout::Shape& shape = scene.shapes[s];
      const ImVec2 a = to_imvec(to_screen(shape.rect.min));
      const ImVec2 b = to_imvec(to_screen(shape.rect.max));
      if (shape.kind == layout::Shape::Kind::box) {
        if (shape.style.fill != layout::Paint::none) draw.AddRectFilled(a, b, paint_colour(theme, shape.style.fill));
        if (tiny) break;  // one plain block: no outline, marks or text
        if (shape.style.hatched && static_cast<double>(b.x - a.x) > 3.0 * ratio) draw_hatching(draw, a, b, white, static_cast<float>(ratio));
        if (shape.style.stroke != layout::Paint::none) {
          draw.AddRect(a, b, paint_colour(theme, shape.style.stroke), 0.0f, 0, static_cast<float>(ratio) * shape.style.stroke_width);
        }
        continue;
      }
      double font_size = static_cast<double>(b.y - a.y);
      if (font_size < smallest_text * ratio) {
        // Too small at this zoom: a name with room in its strip is drawn readable instead.
        if (shape.room * (font_size / std::max(shape.rect.size().y, 1e-9)) < (readable_text + 2.0) * ratio) continue;
        font_size = readable_text * ratio;
      }
      ImFont* font = shape.bold ? fonts.heading : fonts.body;
      const float size = static_cast<float>(font_size);
      const double width = static_cast<double>(b.x - a.x);
      if (width < font_size * 2.0) continue;  // not even a couple of letters
      const std::string text = layout::fit_text(shape.text, width, [&](std::string_view t) {
        return static_cast<double>(font->CalcTextSizeA(size, 1e9f, 0.0f, t.data(), t.data() + t.size()).x);
      });
      if (!text.empty()) draw.AddText(font, size, a, paint_colour(theme, shape.colour), text.c_str());
    }
    const glm::dvec2 at{pointer.x, pointer.y};
    if (at.x >= min.x && at.x <= max.x && at.y >= min.y && at.y <= max.y) hovered = static_cast<int>(i);
    if (!selected.empty() && selected.count(item.id)) selected_boxes.emplace_back(to_imvec(min), to_imvec(max));
    i = tiny ? item.end : i + 1;
  }
  // The selection is drawn last, over everything: a thick outline in the focus colour.
  const float width = 3.0f * static_cast<float>(ratio);
  for (const auto& [min, max] : selected_boxes) {
    draw.AddRect(ImVec2(min.x - width * 0.5f, min.y - width * 0.5f), ImVec2(max.x + width * 0.5f, max.y + width * 0.5f),
                 canvas_palette(theme).accent, 0.0f, 0, width);
  }
  return hovered;
}

}  // namespace ui
