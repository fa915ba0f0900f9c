#include "ui/scene_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "layout/camera.hpp"
#include "layout/scene_mesh.hpp"
#include "layout/text_fit.hpp"
#include "ui/theme.hpp"

namespace ui {

namespace {

// Sizes in CSS pixels; multiplied by the device pixel ratio when drawn.
constexpr double smallest_text = 7.0;     // text smaller than this is not drawn...
constexpr double readable_text = 11.0;    // ...unless it has room to be drawn this size

ImVec2 to_imvec(glm::dvec2 v) { return ImVec2(static_cast<float>(v.x), static_cast<float>(v.y)); }

// Diagonal stripes (x + y constant) over the part of a box on screen, in
// step with the box's corner so that they move with it.
void draw_hatching(ImDrawList& draw, ImVec2 min, ImVec2 max, ImU32 colour, float ratio) {
  const float step = 4.0f * ratio;
  draw.PushClipRect(min, max, true);
  const ImVec2 low = draw.GetClipRectMin();
  const ImVec2 high = draw.GetClipRectMax();
  const float first = (min.x + min.y) + std::ceil((low.x + low.y - min.x - min.y) / step) * step;
  for (float c = first; c < high.x + high.y; c += step) {
    draw.AddLine(ImVec2(c - high.y, high.y), ImVec2(c - low.y, low.y), colour, ratio);
  }
  draw.PopClipRect();
}

ImU32 faded(ImU32 colour, bool dim) {
  if (!dim) return colour;
  const ImU32 alpha = ((colour >> IM_COL32_A_SHIFT) & 0xFF) / 4;
  return (colour & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

// The part of segment a→b, as distances along it from a, inside the clip
// rectangle (Liang and Barsky's clipping); false when none of it is.
bool visible_part(ImVec2 a, ImVec2 b, const ImVec4& clip, float length, float& from, float& to) {
  float t0 = 0.0f, t1 = 1.0f;
  const float d[2] = {b.x - a.x, b.y - a.y};
  const float start[2] = {a.x, a.y};
  const float low[2] = {clip.x, clip.y};
  const float high[2] = {clip.z, clip.w};
  for (int axis = 0; axis < 2; ++axis) {
    if (d[axis] == 0.0f) {
      if (start[axis] < low[axis] || start[axis] > high[axis]) return false;
      continue;
    }
    float enter = (low[axis] - start[axis]) / d[axis];
    float leave = (high[axis] - start[axis]) / d[axis];
    if (enter > leave) std::swap(enter, leave);
    t0 = std::max(t0, enter);
    t1 = std::min(t1, leave);
    if (t0 >= t1) return false;
  }
  from = t0 * length;
  to = t1 * length;
  return true;
}

// A path drawn solid, dashed or dotted; the pattern is in screen pixels so
// that it reads the same at every zoom. Dashes are made only where they can
// be seen: close up, a long line's pattern off screen would be millions.
void stroke_path(ImDrawList& draw, const std::vector<ImVec2>& path, bool closed, ImU32 colour, float width, layout::Dash dash, float ratio) {
  if (path.size() < 2) return;
  if (dash == layout::Dash::solid) {
    draw.AddPolyline(path.data(), static_cast<int>(path.size()), colour, closed ? ImDrawFlags_Closed : 0, width);
    return;
  }
  const float on = (dash == layout::Dash::dashed ? 6.0f : 1.5f) * ratio;
  const float off = (dash == layout::Dash::dashed ? 4.0f : 3.0f) * ratio;
  const float period = on + off;
  const ImVec2 clip_min = draw.GetClipRectMin();
  const ImVec2 clip_max = draw.GetClipRectMax();
  const ImVec4 clip(clip_min.x - width, clip_min.y - width, clip_max.x + width, clip_max.y + width);
  float phase = 0.0f;  // distance into the current on+off period
  const std::size_t count = closed ? path.size() + 1 : path.size();
  for (std::size_t i = 1; i < count; ++i) {
    const ImVec2 a = path[i - 1];
    const ImVec2 b = path[i % path.size()];
    const float dx = b.x - a.x;
    const float dy = b.y - a.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    float at = 0.0f, to = 0.0f;
    if (length <= 0.0f || !visible_part(a, b, clip, length, at, to)) {
      phase = std::fmod(phase + length, period);
      continue;
    }
    phase = std::fmod(phase + at, period);
    while (at < to) {
      const bool drawing = phase < on;
      const float step = std::min(to - at, drawing ? on - phase : period - phase);
      if (drawing) {
        draw.AddLine(ImVec2(a.x + dx * at / length, a.y + dy * at / length),
                     ImVec2(a.x + dx * (at + step) / length, a.y + dy * (at + step) / length), colour, width);
      }
      at += step;
      phase += step;
      if (phase >= period) phase = 0.0f;
    }
    phase = std::fmod(phase + (length - to), period);
  }
}

}  // namespace

void draw_arrowhead(ImDrawList& draw, layout::Arrowhead head, ImVec2 tip, ImVec2 from, float size, ImU32 colour, float ratio) {
  const layout::ArrowheadShape mark = layout::arrowhead_shape(head, {tip.x, tip.y}, {from.x, from.y}, static_cast<double>(size));
  if (mark.points.empty()) return;
  std::vector<ImVec2> points;
  for (glm::dvec2 p : mark.points) points.push_back(to_imvec(p));
  if (mark.filled) draw.AddConvexPolyFilled(points.data(), static_cast<int>(points.size()), colour);
  else draw.AddPolyline(points.data(), static_cast<int>(points.size()), colour, mark.closed ? ImDrawFlags_Closed : 0, 1.5f * ratio);
}

namespace {

// A line shape on screen: points closer than a pixel to the last one kept
// are skipped (a whole picture of long curves stays cheap), and the
// arrowhead follows the last segment.
void draw_line(ImDrawList& draw, const layout::Shape& shape, const std::function<glm::dvec2(glm::dvec2)>& to_screen, ImU32 colour,
               float ratio, float zoom_width) {
  std::vector<ImVec2> path;
  path.reserve(shape.points.size());
  for (std::size_t i = 0; i < shape.points.size(); ++i) {
    const ImVec2 p = to_imvec(to_screen(shape.points[i]));
    const bool last = i + 1 == shape.points.size();
    if (!path.empty() && !last && std::abs(p.x - path.back().x) + std::abs(p.y - path.back().y) < 2.0f * ratio) continue;
    path.push_back(p);
  }
  const float width = std::max(ratio * 0.5f, shape.style.stroke_width * zoom_width);
  // Far out, a pattern cannot be seen and costs a segment per dash: drawn solid.
  const layout::Dash dash = zoom_width < 0.6f * ratio ? layout::Dash::solid : shape.style.dash;
  stroke_path(draw, path, false, colour, width, dash, ratio);
  if (path.size() < 2) return;
  const float size = (4.0f + shape.style.stroke_width * 2.0f) * zoom_width;
  if (size < 2.0f * ratio) return;
  draw_arrowhead(draw, shape.head, path.back(), path[path.size() - 2], size, colour, ratio);
}

// layout::items_faded, kept between frames: worked out again when the scene
// or the set changes. Looking each item up in the set every frame took
// 15,800 searches a frame at England's governance overview.
const std::vector<bool>& kept_faded(const layout::Scene& scene, const std::set<std::string>& lit) {
  static struct {
    std::uint64_t scene = 0;
    std::set<std::string> lit;
    std::vector<bool> faded;
  } kept;
  if (kept.scene != scene.serial || kept.faded.size() != scene.items.size() || kept.lit != lit) {
    kept = {scene.serial, lit, layout::items_faded(scene, lit)};
  }
  return kept.faded;
}

}  // namespace

int draw_scene(ImDrawList& draw, const layout::Scene& scene, const app::CanvasState& canvas, app::Theme theme,
               const Fonts& fonts, const std::set<std::string>& selected, ImVec2 pointer, const std::set<std::string>* lit,
               std::vector<app::ShownItem>* shown, const SceneMarks* marks, const std::vector<std::uint8_t>* retained) {
  if (shown) shown->clear();
  // With `retained`, the boxes and lines are on the GPU already, drawn at
  // a level whose decisions (`detail`) the text follows here.
  const auto detail = [&](std::size_t i, std::uint8_t bit) { return retained && ((*retained)[i] & bit) != 0; };
  const std::vector<bool>* dimmed = lit ? &kept_faded(scene, *lit) : nullptr;
  const double scale = layout::device_pixels_per_world_unit(canvas.camera, canvas.viewport);
  const double ratio = canvas.viewport.pixel_ratio;
  // Far out, lines are a pixel or less and anti-aliasing them would triple
  // their geometry (a fringe each side): the national governance overview's
  // 12,000 lines cost a third as much to draw without it.
  const ImDrawListFlags line_flags = draw.Flags;
  if (canvas.camera.zoom < 0.15) draw.Flags &= ~(ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedLinesUseTex);
  const glm::dvec2 view_min = canvas.viewport.origin;
  const glm::dvec2 view_max = canvas.viewport.origin + canvas.viewport.size;
  const auto to_screen = [&](glm::dvec2 world) { return layout::world_to_screen(canvas.camera, canvas.viewport, world); };
  const ImU32 white = paint_colour(theme, layout::Paint::practice);
  int hovered = -1;
  std::vector<std::pair<ImVec2, ImVec2>> selected_boxes;
  std::vector<std::size_t> selected_lines;
  std::vector<std::pair<std::size_t, ImU32>> marked;  // items outlined in a colour of their own

  for (std::size_t i = 0; i < scene.items.size();) {
    const layout::Item& item = scene.items[i];
    const glm::dvec2 min = to_screen(item.bounds.min);
    const glm::dvec2 max = to_screen(item.bounds.max);
    if (max.x < view_min.x || max.y < view_min.y || min.x > view_max.x || min.y > view_max.y ||
        (marks && marks->hidden && marks->hidden->count(item.id))) {
      i = item.end;  // off screen (or left out), and so is everything inside it
      continue;
    }
    if (marks) {
      for (const auto& [ids, colour] : marks->outlined) {
        if (ids->count(item.id) && item.role != "band") marked.emplace_back(i, colour);
      }
    }
    const bool is_line = item.shape_count > 0 && scene.shapes[item.first_shape].kind == layout::Shape::Kind::line;
    const bool tiny = retained ? detail(i, layout::detail_tiny) : layout::item_is_tiny(scene, item, scale, ratio);
    const bool dim = dimmed && (*dimmed)[i];
    const auto colour_of = [&](layout::Paint paint) { return faded(paint_colour(theme, paint), dim); };
    bool collapsed = false;
    // A line's label too small to read at this zoom: neither its words nor its empty box.
    const bool label_hidden =
        retained ? detail(i, layout::detail_label_hidden) : layout::line_label_hidden(scene, item, scale, ratio);
    app::ShownItem* record = nullptr;
    if (shown) {
      shown->push_back({i, {}, 0.0});
      record = &shown->back();
    }
    for (std::size_t s = item.first_shape; s < item.first_shape + item.shape_count; ++s) {
      const layout::Shape& shape = scene.shapes[s];
      if (shape.kind == layout::Shape::Kind::line) {
        if (!retained) draw_line(draw, shape, to_screen, colour_of(shape.style.stroke), static_cast<float>(ratio),
                  static_cast<float>(ratio * std::clamp(canvas.camera.zoom, 0.25, 2.0)));
        continue;
      }
      if (shape.kind == layout::Shape::Kind::box && retained) {
        if (tiny) break;
        continue;  // on the GPU already
      }
      const ImVec2 a = to_imvec(to_screen(shape.rect.min));
      const ImVec2 b = to_imvec(to_screen(shape.rect.max));
      if (shape.kind == layout::Shape::Kind::box) {
        if (label_hidden && is_line) continue;
        const float rounding = static_cast<float>(std::min(shape.style.rounding * canvas.camera.zoom * ratio, 0.5 * static_cast<double>(b.y - a.y)));
        if (shape.style.fill != layout::Paint::none) draw.AddRectFilled(a, b, colour_of(shape.style.fill), rounding);
        if (tiny) break;  // one plain block: no outline, marks or text
        if (shape.style.hatched && static_cast<double>(b.x - a.x) > 3.0 * ratio) draw_hatching(draw, a, b, white, static_cast<float>(ratio));
        if (shape.style.stroke != layout::Paint::none) {
          const float width = static_cast<float>(ratio) * shape.style.stroke_width;
          if (shape.style.dash == layout::Dash::solid) {
            draw.AddRect(a, b, colour_of(shape.style.stroke), rounding, 0, width);
          } else {
            draw.PathRect(a, b, rounding);
            std::vector<ImVec2> outline(draw._Path.begin(), draw._Path.end());
            draw.PathClear();
            stroke_path(draw, outline, true, colour_of(shape.style.stroke), width, shape.style.dash, static_cast<float>(ratio));
          }
        }
        continue;
      }
      if (label_hidden && is_line) continue;
      double font_size = static_cast<double>(b.y - a.y);
      ImFont* font = shape.bold ? fonts.heading : fonts.body;
      const auto measure = [&](double size) {
        return [font, size](std::string_view t) {
          return static_cast<double>(font->CalcTextSizeA(static_cast<float>(size), 1e9f, 0.0f, t.data(), t.data() + t.size()).x);
        };
      };
      if (scene.min_text_px > 0.0) {
        // Never smaller than the view promises: a line too small is drawn at
        // that size where its own line (1.3 times its text) has room, and the
        // box's stand-in name is drawn, wrapped, only where its lines are not.
        const double least = scene.min_text_px * ratio;
        const bool lines_fit = font_size * 1.3 >= least;
        if (shape.fallback) {
          const std::vector<std::string> lines = layout::stand_in_lines(scene, shape, scale, ratio, measure(least));
          if (lines.empty()) continue;
          // A group whose boxes cannot be read is one block under this name
          // (at a retained level, as the level decided: its boxes are drawn).
          if (retained && item.role == "group" && !detail(i, layout::detail_collapsed)) continue;
          collapsed = item.role == "group" && !lines.empty();
          for (std::size_t l = 0; l < lines.size(); ++l) {
            draw.AddText(font, static_cast<float>(least), ImVec2(a.x, a.y + static_cast<float>(least * 1.2 * static_cast<double>(l))), colour_of(shape.colour), lines[l].c_str());
          }
          if (record && !lines.empty()) {
            std::string joined;
            for (const std::string& line : lines) joined += (joined.empty() ? "" : " ") + line;
            record->text += (record->text.empty() ? "" : "\n") + joined;
            if (record->text_px == 0.0) record->text_px = least / ratio;
          }
          continue;
        }
        if (font_size < least) {
          // A name with room in its strip (a band's) is drawn readable too.
          const bool room = shape.room * (font_size / std::max(shape.rect.size().y, 1e-9)) >= least + 2.0 * ratio;
          if (!lines_fit && !room) continue;
          font_size = least;
        }
      } else if (shape.fallback && font_size >= smallest_text * ratio) {
        continue;  // the real lines are readable
      }
      if (font_size < smallest_text * ratio) {
        // Too small at this zoom: a name with room in its strip is drawn readable instead.
        if (shape.room * (font_size / std::max(shape.rect.size().y, 1e-9)) < (readable_text + 2.0) * ratio) continue;
        font_size = readable_text * ratio;
      }
      const float size = static_cast<float>(font_size);
      const double width = static_cast<double>(b.x - a.x);
      if (width < font_size * 2.0) continue;  // not even a couple of letters
      const std::string text = layout::fit_text(shape.text, width, measure(font_size));
      if (text.empty()) continue;
      draw.AddText(font, size, a, colour_of(shape.colour), text.c_str());
      if (record) {
        record->text += (record->text.empty() ? "" : "\n") + text;
        if (record->text_px == 0.0) record->text_px = font_size / ratio;  // its first line: its name
      }
    }
    const glm::dvec2 at{pointer.x, pointer.y};
    if (at.x >= min.x && at.x <= max.x && at.y >= min.y && at.y <= max.y) hovered = static_cast<int>(i);
    if (!selected.empty() && selected.count(item.id) && (item.role != "group" || collapsed)) {
      if (is_line) selected_lines.push_back(i);  // a line is picked out along its length, not by its bounds
      else selected_boxes.emplace_back(to_imvec(min), to_imvec(max));
    }
    if (retained) collapsed = detail(i, layout::detail_collapsed);
    i = tiny || collapsed ? item.end : i + 1;
  }
  for (const auto& [i, colour] : marked) {
    const layout::Item& item = scene.items[i];
    if (item.shape_count > 0 && scene.shapes[item.first_shape].kind == layout::Shape::Kind::line) {
      layout::Shape line = scene.shapes[item.first_shape];
      line.style.stroke_width += 1.5f;
      draw_line(draw, line, to_screen, colour, static_cast<float>(ratio), static_cast<float>(ratio * std::clamp(canvas.camera.zoom, 0.25, 2.0)));
      continue;
    }
    const float w = 2.5f * static_cast<float>(ratio);
    const ImVec2 a = to_imvec(to_screen(item.bounds.min));
    const ImVec2 b = to_imvec(to_screen(item.bounds.max));
    draw.AddRect(ImVec2(a.x - w, a.y - w), ImVec2(b.x + w, b.y + w), colour, 3.0f * static_cast<float>(ratio), 0, w);
  }
  // The selection is drawn last, over everything: a thick outline (or line) in the focus colour.
  for (std::size_t i : selected_lines) {
    layout::Shape line = scene.shapes[scene.items[i].first_shape];
    line.style.stroke_width += 2.5f;
    line.style.dash = layout::Dash::solid;
    draw_line(draw, line, to_screen, canvas_palette(theme).accent, static_cast<float>(ratio),
              static_cast<float>(ratio * std::clamp(canvas.camera.zoom, 0.25, 2.0)));
  }
  const float width = 3.0f * static_cast<float>(ratio);
  for (const auto& [min, max] : selected_boxes) {
    draw.AddRect(ImVec2(min.x - width * 0.5f, min.y - width * 0.5f), ImVec2(max.x + width * 0.5f, max.y + width * 0.5f),
                 canvas_palette(theme).accent, 0.0f, 0, width);
  }
  draw.Flags = line_flags;
  return hovered;
}

}  // namespace ui
