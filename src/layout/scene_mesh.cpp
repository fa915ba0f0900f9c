#include "layout/scene_mesh.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>


namespace layout {

namespace {

constexpr double level_step = 1.4142135623730951;  // √2
static_assert(static_cast<int>(Paint::flow_succession) < mesh_faded, "a paint and the faded flag share a byte");

class MeshWriter {
  // A straight run of a line, in pixels at the level's scale from the mesh's origin.
  struct Run {
    std::uint8_t paint = 0;  // with mesh_faded
    float width = 0.0f;
    bool vertical = false;
    double track = 0.0;  // the run's row (or column), whole pixels
    double from = 0.0, to = 0.0;
    std::size_t order = 0;  // the last line it draws (lines are gathered in drawing order)
    std::tuple<std::uint8_t, float, bool, double> key() const { return {paint, width, vertical, track}; }
    bool operator<(const Run& other) const { return std::tuple(key(), from, to) < std::tuple(other.key(), other.from, other.to); }
  };

 public:
  MeshWriter(SceneMesh& mesh, double scale) : mesh_(mesh), scale_(scale) {}

  // Whether what is written next belongs to a faded item.
  void set_faded(bool faded) { faded_ = faded; }

  // A box's fill: a rectangle, its corners rounded by `rounding` world units.
  void fill(const Rect& rect, double rounding, Paint paint, bool hatched) {
    const std::vector<glm::dvec2> outline = box_outline(rect, rounding);
    const auto first = static_cast<std::uint32_t>(mesh_.vertices.size());
    for (glm::dvec2 p : outline) {
      MeshVertex v = at(p);
      v.paint = byte(paint);
      v.kind = static_cast<std::uint8_t>(hatched ? MeshKind::hatched_fill : MeshKind::fill);
      mesh_.vertices.push_back(v);
    }
    for (std::uint32_t k = 1; k + 1 < outline.size(); ++k) push_triangle(first, first + k, first + k + 1);
  }

  // A square-cornered box with a solid outline, as two quads: the outline's
  // colour pushed out by half its width, and the fill over it pulled in by
  // as much (four triangles where a fill and four strokes take ten).
  bool framed_box(const Rect& rect, double rounding, const Style& style, bool hatched) {
    const double radius = std::min({rounding, 0.5 * rect.size().x, 0.5 * rect.size().y});
    // Faded, the outline's colour would show through the fill: drawn as the canvas draws it.
    if (faded_ || style.fill == Paint::none || style.stroke == Paint::none || style.dash != Dash::solid || radius * scale_ >= 1.0) return false;
    const glm::dvec2 corners[4] = {rect.min, {rect.max.x, rect.min.y}, rect.max, {rect.min.x, rect.max.y}};
    const glm::vec2 outwards[4] = {{-1.0f, -1.0f}, {1.0f, -1.0f}, {1.0f, 1.0f}, {-1.0f, 1.0f}};
    for (int layer = 0; layer < 2; ++layer) {
      const auto first = static_cast<std::uint32_t>(mesh_.vertices.size());
      for (int k = 0; k < 4; ++k) {
        MeshVertex v = at(corners[k]);
        const float sign = layer == 0 ? 1.0f : -1.0f;
        v.normal_x = outwards[k].x * sign;
        v.normal_y = outwards[k].y * sign;
        v.cap_x = -outwards[k].x;  // the outline's middle is half a pixel inside the box, as ImGui draws it
        v.cap_y = -outwards[k].y;
        v.width = style.stroke_width;
        v.paint = byte(layer == 0 ? style.stroke : style.fill);
        v.kind = static_cast<std::uint8_t>(layer == 1 && hatched ? MeshKind::edged_hatched_fill : MeshKind::edged_fill);
        mesh_.vertices.push_back(v);
      }
      push_triangle(first, first + 1, first + 2);
      push_triangle(first, first + 2, first + 3);
    }
    return true;
  }

  void outline(const Rect& rect, double rounding, const Style& style) {
    stroke(box_outline(rect, rounding), true, style.stroke, MeshKind::outline, style.dash, style.stroke_width);
  }

  // Far out (no patterns drawn), a line's straight runs are gathered by
  // track and merged when the level is done: many lines share a bus's
  // tracks, a pixel apart or less, and one quad does for them all.
  void line(const Shape& shape, bool merge_runs) {
    std::vector<glm::dvec2> points = thinned(shape.points);
    if (merge_runs) {
      for (std::size_t i = 1; i < points.size(); ++i) gather(points[i - 1], points[i], shape.style);
      ++lines_gathered_;
    } else {
      stroke(points, false, shape.style.stroke, MeshKind::line, shape.style.dash, shape.style.stroke_width);
    }
    arrowhead(shape);
  }

  // The gathered runs, merged where they overlap or nearly meet on one track.
  // Each is drawn where its last line would be: what a pixel shows is what was drawn there last.
  void merged_runs() {
    std::sort(runs_.begin(), runs_.end());
    std::vector<Run> merged;
    for (std::size_t i = 0; i < runs_.size();) {
      Run run = runs_[i];
      std::size_t j = i + 1;
      for (; j < runs_.size() && runs_[j].key() == run.key() && runs_[j].from <= run.to + 1.0; ++j) {
        run.to = std::max(run.to, runs_[j].to);
        run.order = std::max(run.order, runs_[j].order);
      }
      merged.push_back(run);
      i = j;
    }
    std::stable_sort(merged.begin(), merged.end(), [](const Run& a, const Run& b) { return a.order < b.order; });
    for (const Run& run : merged) {
      const double track = run.track / scale_;
      const glm::dvec2 a = run.vertical ? glm::dvec2(track, run.from / scale_) : glm::dvec2(run.from / scale_, track);
      const glm::dvec2 b = run.vertical ? glm::dvec2(track, run.to / scale_) : glm::dvec2(run.to / scale_, track);
      stroke_bytes({a + mesh_.origin, b + mesh_.origin}, false, run.paint, MeshKind::line, Dash::solid, run.width);
    }
    runs_.clear();
  }

 private:
  void gather(glm::dvec2 a, glm::dvec2 b, const Style& style) {
    if (style.stroke == Paint::none) return;
    const glm::dvec2 p = (a - mesh_.origin) * scale_;
    const glm::dvec2 q = (b - mesh_.origin) * scale_;
    const bool vertical = std::abs(p.x - q.x) < 0.5;
    if (!vertical && std::abs(p.y - q.y) >= 0.5) {  // a slant: as it is
      stroke({a, b}, false, style.stroke, MeshKind::line, Dash::solid, style.stroke_width);
      return;
    }
    Run run{byte(style.stroke), style.stroke_width, vertical, std::round(vertical ? p.x : p.y), 0.0, 0.0, lines_gathered_};
    run.from = vertical ? std::min(p.y, q.y) : std::min(p.x, q.x);
    run.to = vertical ? std::max(p.y, q.y) : std::max(p.x, q.x);
    runs_.push_back(run);
  }

  // Points closer than a pixel to the last one kept add nothing at this level.
  std::vector<glm::dvec2> thinned(const std::vector<glm::dvec2>& points) const {
    std::vector<glm::dvec2> kept;
    kept.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
      const bool last = i + 1 == points.size();
      if (!kept.empty() && !last && std::abs(points[i].x - kept.back().x) + std::abs(points[i].y - kept.back().y) < 1.0 / scale_) continue;
      kept.push_back(points[i]);
    }
    return kept;
  }

  MeshVertex at(glm::dvec2 world) const {
    MeshVertex v;
    v.x = static_cast<float>(world.x - mesh_.origin.x);
    v.y = static_cast<float>(world.y - mesh_.origin.y);
    return v;
  }

  std::uint8_t byte(Paint paint) const { return static_cast<std::uint8_t>(static_cast<std::uint8_t>(paint) | (faded_ ? mesh_faded : 0)); }

  void push_triangle(std::uint32_t a, std::uint32_t b, std::uint32_t c) { mesh_.indices.insert(mesh_.indices.end(), {a, b, c}); }

  // Corners as arcs of a few segments: enough to look round at this level's size.
  std::vector<glm::dvec2> box_outline(const Rect& rect, double rounding) const {
    const double radius = std::min({rounding, 0.5 * rect.size().x, 0.5 * rect.size().y});
    if (radius * scale_ < 1.0) return {rect.min, {rect.max.x, rect.min.y}, rect.max, {rect.min.x, rect.max.y}};
    const int steps = std::clamp(static_cast<int>(std::ceil(radius * scale_ / 3.0)), 2, 8);
    const glm::dvec2 centres[4] = {{rect.max.x - radius, rect.min.y + radius}, {rect.max.x - radius, rect.max.y - radius},
                                   {rect.min.x + radius, rect.max.y - radius}, {rect.min.x + radius, rect.min.y + radius}};
    std::vector<glm::dvec2> points;
    for (int corner = 0; corner < 4; ++corner) {
      const double start = (corner - 1) * 0.5 * M_PI;  // top right starts pointing up
      for (int s = 0; s <= steps; ++s) {
        const double angle = start + 0.5 * M_PI * s / steps;
        points.push_back(centres[corner] + radius * glm::dvec2(std::cos(angle), std::sin(angle)));
      }
    }
    return points;
  }

  // Each segment is a quad whose corners the shader pushes out by half the
  // stroke's width (and a pixel of anti-aliasing) and past its ends by half
  // the width, so that corners of a path are filled.
  void stroke(const std::vector<glm::dvec2>& points, bool closed, Paint paint, MeshKind kind, Dash dash, float width) {
    if (paint != Paint::none) stroke_bytes(points, closed, byte(paint), kind, dash, width);
  }

  void stroke_bytes(const std::vector<glm::dvec2>& points, bool closed, std::uint8_t paint, MeshKind kind, Dash dash, float width) {
    if (points.size() < 2) return;
    const std::size_t count = closed ? points.size() + 1 : points.size();
    double along = 0.0;
    for (std::size_t i = 1; i < count; ++i) {
      const glm::dvec2 a = points[i - 1];
      const glm::dvec2 b = points[i % points.size()];
      const glm::dvec2 d = b - a;
      const double length = std::sqrt(d.x * d.x + d.y * d.y);
      if (length <= 0.0) continue;
      segment(at(a), at(b), d / length, along, along + length, paint, kind, dash, width);
      along += length;
    }
  }

  void segment(MeshVertex a, MeshVertex b, glm::dvec2 direction, double along_a, double along_b, std::uint8_t paint, MeshKind kind,
               Dash dash, float width) {
    const auto first = static_cast<std::uint32_t>(mesh_.vertices.size());
    const glm::vec2 t(static_cast<float>(direction.x), static_cast<float>(direction.y));
    const glm::vec2 n(-t.y, t.x);
    for (int end = 0; end < 2; ++end) {
      for (int side = 0; side < 2; ++side) {
        MeshVertex v = end == 0 ? a : b;
        const float s = side == 0 ? -1.0f : 1.0f;
        const float e = end == 0 ? -1.0f : 1.0f;
        v.normal_x = n.x * s;
        v.normal_y = n.y * s;
        v.cap_x = t.x * e;
        v.cap_y = t.y * e;
        v.along = static_cast<float>(end == 0 ? along_a : along_b);
        v.width = width;
        v.paint = paint;
        v.kind = static_cast<std::uint8_t>(kind);
        v.dash = static_cast<std::uint8_t>(dash);
        v.side = side == 0 ? 0 : 2;
        mesh_.vertices.push_back(v);
      }
    }
    push_triangle(first, first + 1, first + 3);
    push_triangle(first, first + 3, first + 2);
  }

  // The mark at a line's end, one unit long: the shader sizes it by the zoom
  // and leaves it out when it would be under two pixels, as the canvas does.
  void arrowhead(const Shape& shape) {
    if (shape.head == Arrowhead::none || shape.points.size() < 2) return;
    const glm::dvec2 tip = shape.points.back();
    std::size_t k = shape.points.size() - 1;
    while (k > 0 && shape.points[k - 1] == tip) --k;
    if (k == 0) return;
    const ArrowheadShape mark = arrowhead_shape(shape.head, {0.0, 0.0}, shape.points[k - 1] - tip, 1.0);
    if (mark.points.empty()) return;
    const auto placed = [&](glm::dvec2 offset) {
      MeshVertex v = at(tip);
      v.offset_x = static_cast<float>(offset.x);
      v.offset_y = static_cast<float>(offset.y);
      v.width = shape.style.stroke_width;
      v.paint = byte(shape.style.stroke);
      return v;
    };
    if (mark.filled) {
      const auto first = static_cast<std::uint32_t>(mesh_.vertices.size());
      for (glm::dvec2 p : mark.points) {
        MeshVertex v = placed(p);
        v.kind = static_cast<std::uint8_t>(MeshKind::mark_fill);
        mesh_.vertices.push_back(v);
      }
      for (std::uint32_t i = 1; i + 1 < mark.points.size(); ++i) push_triangle(first, first + i, first + i + 1);
      return;
    }
    const std::size_t count = mark.closed ? mark.points.size() + 1 : mark.points.size();
    for (std::size_t i = 1; i < count; ++i) {
      const glm::dvec2 p = mark.points[i - 1];
      const glm::dvec2 q = mark.points[i % mark.points.size()];
      const glm::dvec2 d = q - p;
      const double length = std::sqrt(d.x * d.x + d.y * d.y);
      if (length <= 0.0) continue;
      MeshVertex a = placed(p);
      MeshVertex b = placed(q);
      segment(a, b, d / length, 0.0, 0.0, byte(shape.style.stroke), MeshKind::mark_outline, Dash::solid, shape.style.stroke_width);
    }
  }

  SceneMesh& mesh_;
  double scale_;
  std::vector<Run> runs_;
  std::size_t lines_gathered_ = 0;
  bool faded_ = false;
};

// A group too small to read is one block when its stand-in name is drawn.
bool group_collapses(const Scene& scene, const Item& item, double scale, double ratio, const SizedMeasure& measure) {
  if (item.role != "group" || scene.min_text_px <= 0.0) return false;
  const double least = scene.min_text_px * ratio;
  for (std::size_t s = item.first_shape; s < item.first_shape + item.shape_count; ++s) {
    const Shape& shape = scene.shapes[s];
    if (shape.kind != Shape::Kind::text || !shape.fallback) continue;
    const MeasureText at_least = [&](std::string_view text) { return measure(text, least, shape.bold); };
    if (!stand_in_lines(scene, shape, scale, ratio, at_least).empty()) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> stand_in_lines(const Scene& scene, const Shape& shape, double device_scale, double pixel_ratio,
                                        const MeasureText& measure) {
  const double least = scene.min_text_px * pixel_ratio;
  const double room = shape.room * device_scale;
  if (shape.rect.size().y * device_scale * 1.3 >= least || room < least) return {};
  return wrap_text(shape.text, shape.rect.size().x * device_scale, room, least * 1.2, measure);
}

int mesh_level(double device_scale) { return static_cast<int>(std::floor(std::log(device_scale) / std::log(level_step))); }

double mesh_level_scale(int level) { return std::pow(level_step, level + 0.5); }

bool item_is_tiny(const Scene& scene, const Item& item, double device_scale, double pixel_ratio) {
  if (item.shape_count > 0 && scene.shapes[item.first_shape].kind == Shape::Kind::line) return false;
  const glm::dvec2 size = item.bounds.size() * device_scale;
  return std::min(size.x, size.y) < smallest_block * pixel_ratio;
}

bool line_label_hidden(const Scene& scene, const Item& item, double device_scale, double pixel_ratio) {
  const bool is_line = item.shape_count > 0 && scene.shapes[item.first_shape].kind == Shape::Kind::line;
  if (!is_line || scene.min_text_px <= 0.0 || item.shape_count < 3) return false;
  const Shape& words = scene.shapes[item.first_shape + 2];
  return words.rect.size().y * device_scale * 1.3 < scene.min_text_px * pixel_ratio;
}

SceneMesh build_scene_mesh(const Scene& scene, int level, double pixel_ratio, const SizedMeasure& measure,
                           const std::vector<bool>& faded) {
  SceneMesh mesh;
  mesh.origin = scene.bounds.min;
  mesh.scale = mesh_level_scale(level);
  mesh.detail.assign(scene.items.size(), 0);
  MeshWriter writer(mesh, mesh.scale);
  // As the canvas does, lines are drawn solid below 0.6 zoom: then runs can merge.
  const bool merge_runs = mesh.scale / pixel_ratio < 0.6;
  for (std::size_t i = 0; i < scene.items.size();) {
    const Item& item = scene.items[i];
    const bool tiny = item_is_tiny(scene, item, mesh.scale, pixel_ratio);
    const bool label_hidden = line_label_hidden(scene, item, mesh.scale, pixel_ratio);
    const bool is_line = item.shape_count > 0 && scene.shapes[item.first_shape].kind == Shape::Kind::line;
    const bool collapsed = !tiny && group_collapses(scene, item, mesh.scale, pixel_ratio, measure);
    mesh.detail[i] = static_cast<std::uint8_t>((tiny ? detail_tiny : 0) | (collapsed ? detail_collapsed : 0) |
                                               (label_hidden ? detail_label_hidden : 0));
    writer.set_faded(!faded.empty() && faded[i]);
    for (std::size_t s = item.first_shape; s < item.first_shape + item.shape_count; ++s) {
      const Shape& shape = scene.shapes[s];
      if (shape.kind == Shape::Kind::line) {
        writer.line(shape, merge_runs);
        continue;
      }
      if (shape.kind != Shape::Kind::box || (label_hidden && is_line)) continue;
      writer.merged_runs();  // lines gathered so far lie under this box (a label's too), as drawn
      const double rounding = shape.style.rounding;
      // As the canvas does: hatching only where there are three pixels for it.
      const bool hatched = !tiny && shape.style.hatched && shape.rect.size().x * mesh.scale > 3.0 * pixel_ratio;
      if (!tiny && writer.framed_box(shape.rect, rounding, shape.style, hatched)) continue;
      if (shape.style.fill != Paint::none) writer.fill(shape.rect, rounding, shape.style.fill, hatched);
      if (tiny) break;
      if (shape.style.stroke != Paint::none) writer.outline(shape.rect, rounding, shape.style);
    }
    i = tiny || collapsed ? item.end : i + 1;
  }
  writer.merged_runs();
  return mesh;
}

}  // namespace layout
