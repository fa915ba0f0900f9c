// Meshes of a scene kept on the GPU: what each level draws and decides.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "layout/scene_mesh.hpp"

namespace {

using layout::MeshKind;

layout::Shape box(glm::dvec2 min, glm::dvec2 max, layout::Paint fill, layout::Paint stroke) {
  layout::Shape shape;
  shape.rect = {min, max};
  shape.style.fill = fill;
  shape.style.stroke = stroke;
  return shape;
}

// Appends an item of the given shapes; `end` is set by the caller for subtrees.
std::size_t add(layout::Scene& scene, const std::string& id, const std::string& role, std::vector<layout::Shape> shapes, layout::Rect bounds) {
  layout::Item item;
  item.id = id;
  item.role = role;
  item.bounds = bounds;
  item.first_shape = scene.shapes.size();
  item.shape_count = shapes.size();
  for (layout::Shape& shape : shapes) scene.shapes.push_back(std::move(shape));
  scene.items.push_back(item);
  scene.items.back().end = scene.items.size();
  return scene.items.size() - 1;
}

std::size_t count_kind(const layout::SceneMesh& mesh, MeshKind kind) {
  return static_cast<std::size_t>(std::count_if(mesh.vertices.begin(), mesh.vertices.end(),
                                                [&](const layout::MeshVertex& v) { return v.kind == static_cast<std::uint8_t>(kind); }));
}

const layout::SizedMeasure half_em = [](std::string_view text, double size, bool) { return 0.5 * size * static_cast<double>(text.size()); };

// A group (a frame with a stand-in name) holding two boxes, and a line with an arrowhead.
layout::Scene small_scene() {
  layout::Scene scene;
  scene.min_text_px = 11.0;
  layout::Shape name;
  name.kind = layout::Shape::Kind::text;
  name.rect = {{10.0, 10.0}, {390.0, 22.0}};
  name.text = "Integrated care board";
  name.fallback = true;
  name.room = 180.0;
  const std::size_t group = add(scene, "group", "group", {box({0.0, 0.0}, {400.0, 200.0}, layout::Paint::group_frame, layout::Paint::outline), name},
                                {{0.0, 0.0}, {400.0, 200.0}});
  add(scene, "a", "body", {box({20.0, 40.0}, {180.0, 120.0}, layout::Paint::node_body, layout::Paint::outline)}, {{20.0, 40.0}, {180.0, 120.0}});
  layout::Shape provisional = box({220.0, 40.0}, {380.0, 120.0}, layout::Paint::node_body, layout::Paint::outline);
  provisional.style.dash = layout::Dash::dashed;
  add(scene, "b", "body", {provisional}, provisional.rect);
  scene.items[group].end = scene.items.size();
  layout::Shape line;
  line.kind = layout::Shape::Kind::line;
  line.points = {{100.0, 300.0}, {100.0, 250.0}, {300.0, 250.0}};
  line.rect = {{100.0, 250.0}, {300.0, 300.0}};
  line.style.stroke = layout::Paint::flow_delegation;
  line.style.dash = layout::Dash::dashed;
  line.head = layout::Arrowhead::filled;
  add(scene, "flow", "flow", {line}, line.rect);
  scene.bounds = {{0.0, 0.0}, {400.0, 300.0}};
  return scene;
}

}  // namespace

TEST_CASE("a level's scale is within a fifth of every scale in it") {
  for (double scale : {0.004, 0.05, 0.3, 1.0, 2.5, 40.0}) {
    const double level = layout::mesh_level_scale(layout::mesh_level(scale));
    CHECK(level / scale < 1.2);
    CHECK(scale / level < 1.2);
  }
  CHECK(layout::mesh_level(1.0) == layout::mesh_level(1.3));
  CHECK(layout::mesh_level(1.0) != layout::mesh_level(1.5));
}

TEST_CASE("close up, every box is filled and outlined, the line is stroked with its pattern and ends in its arrowhead") {
  const layout::Scene scene = small_scene();
  const layout::SceneMesh mesh = layout::build_scene_mesh(scene, layout::mesh_level(1.0), 1.0, half_em);
  CHECK(mesh.origin == scene.bounds.min);
  CHECK(mesh.detail == std::vector<std::uint8_t>(scene.items.size(), 0));
  CHECK(count_kind(mesh, MeshKind::edged_fill) == 2 * 8);  // solid outlines: the outline's colour and the fill over it
  CHECK(count_kind(mesh, MeshKind::fill) == 4);            // the dashed box: a fill...
  CHECK(count_kind(mesh, MeshKind::outline) == 16);        // ...and four sides with the pattern
  CHECK(count_kind(mesh, MeshKind::line) == 2 * 4);      // two segments
  CHECK(count_kind(mesh, MeshKind::mark_fill) == 3);     // a triangle
  CHECK(mesh.indices.size() % 3 == 0);
  CHECK(*std::max_element(mesh.indices.begin(), mesh.indices.end()) < mesh.vertices.size());
  // The line's pattern runs on round its corner: its distance along it grows.
  std::vector<float> along;
  for (const layout::MeshVertex& v : mesh.vertices) {
    if (v.kind != static_cast<std::uint8_t>(MeshKind::line)) continue;
    CHECK(v.dash == static_cast<std::uint8_t>(layout::Dash::dashed));
    along.push_back(v.along);
  }
  CHECK(along.front() == 0.0f);
  CHECK(along.back() == doctest::Approx(250.0));
  // The arrowhead sits on the tip and points the way the line goes (right): its other corners lie behind.
  for (const layout::MeshVertex& v : mesh.vertices) {
    if (v.kind != static_cast<std::uint8_t>(MeshKind::mark_fill)) continue;
    CHECK(v.x == 300.0f);
    CHECK(v.y == 250.0f);
    CHECK(v.offset_x <= 0.0f);
  }
}

TEST_CASE("far out, a box too small to see is one plain block and a group too small to read is one block under its name") {
  layout::Scene scene = small_scene();
  // At 0.02 device pixels per unit the 80-unit boxes are 1.6 px: plain blocks.
  scene.items[0].role = "organisation";  // not a group: its boxes are drawn, each as a block
  layout::SceneMesh mesh = layout::build_scene_mesh(scene, layout::mesh_level(0.02), 1.0, half_em);
  CHECK((mesh.detail[1] & layout::detail_tiny) != 0);
  CHECK((mesh.detail[2] & layout::detail_tiny) != 0);
  CHECK(mesh.detail[0] == 0);                           // the frame is 8 × 4 px: still a box, outlined
  CHECK(count_kind(mesh, MeshKind::edged_fill) == 8);
  CHECK(count_kind(mesh, MeshKind::fill) == 2 * 4);     // the blocks: fills only
  CHECK(count_kind(mesh, MeshKind::outline) == 0);

  // At 0.5 the group's own name is 6 px: too small, so the group is one block under its wrapped name.
  scene = small_scene();
  mesh = layout::build_scene_mesh(scene, layout::mesh_level(0.5), 1.0, half_em);
  CHECK(mesh.detail[0] == layout::detail_collapsed);
  CHECK(count_kind(mesh, MeshKind::edged_fill) == 8);  // the frame only: its boxes are not drawn
  CHECK(count_kind(mesh, MeshKind::fill) == 0);
  CHECK(mesh.detail[1] == 0);                    // (not reached)
  CHECK(count_kind(mesh, MeshKind::line) == 2 * 4);
}

TEST_CASE("far out, lines sharing a track are one run") {
  layout::Scene scene;
  const auto flow = [&](const std::string& id, std::vector<glm::dvec2> points) {
    layout::Shape line;
    line.kind = layout::Shape::Kind::line;
    line.points = std::move(points);
    line.style.stroke = layout::Paint::flow_accountability;
    add(scene, id, "flow", {line}, {{0.0, 0.0}, {1000.0, 1000.0}});
  };
  // Three lines up one trunk (x = 500, and 501: the same pixel at 0.1) and along one row, overlapping.
  flow("f1", {{500.0, 1000.0}, {500.0, 400.0}, {100.0, 400.0}});
  flow("f2", {{501.0, 900.0}, {501.0, 400.0}, {300.0, 400.0}});
  flow("f3", {{500.0, 800.0}, {500.0, 0.0}});
  scene.bounds = {{0.0, 0.0}, {1000.0, 1000.0}};
  const layout::SceneMesh far = layout::build_scene_mesh(scene, layout::mesh_level(0.1), 1.0, half_em);
  CHECK(count_kind(far, MeshKind::line) == 2 * 4);  // one run up the trunk, one along the row
  const layout::SceneMesh near = layout::build_scene_mesh(scene, layout::mesh_level(1.0), 1.0, half_em);
  CHECK(count_kind(near, MeshKind::line) == 5 * 4);  // close up, every segment, with its pattern
}

TEST_CASE("a rounded box's corners are arcs, fanned from its first point") {
  layout::Scene scene;
  layout::Shape rounded = box({0.0, 0.0}, {100.0, 40.0}, layout::Paint::node_body, layout::Paint::none);
  rounded.style.rounding = 8.0;
  add(scene, "r", "body", {rounded}, rounded.rect);
  scene.bounds = rounded.rect;
  const layout::SceneMesh mesh = layout::build_scene_mesh(scene, layout::mesh_level(2.0), 1.0, half_em);
  REQUIRE(mesh.vertices.size() > 8);
  CHECK(mesh.indices.size() == (mesh.vertices.size() - 2) * 3);
  for (const layout::MeshVertex& v : mesh.vertices) {
    // Every point is on the box, and none at a square corner.
    CHECK(v.x >= -1e-4f);
    CHECK(v.x <= 100.0001f);
    CHECK(std::hypot(v.x, v.y) > 2.0f);
  }
}

TEST_CASE("faded items are marked in every vertex, and a faded box is filled then outlined, as the canvas fades it") {
  const layout::Scene scene = small_scene();
  // Box "a" and the line lit (a selection's neighbourhood); the group and box "b" faded.
  const std::vector<bool> faded = {true, false, true, false};
  const layout::SceneMesh mesh = layout::build_scene_mesh(scene, layout::mesh_level(1.0), 1.0, half_em, faded);
  const layout::SceneMesh bright = layout::build_scene_mesh(scene, layout::mesh_level(1.0), 1.0, half_em);
  CHECK(mesh.detail == bright.detail);
  // Only the lit box keeps the two-quad frame: a faded outline would show through a faded fill.
  CHECK(count_kind(mesh, MeshKind::edged_fill) == 8);
  CHECK(count_kind(mesh, MeshKind::fill) == 2 * 4);
  CHECK(count_kind(mesh, MeshKind::outline) == 2 * 16);
  std::size_t faded_vertices = 0;
  for (const layout::MeshVertex& v : mesh.vertices) {
    const bool lit_kind = v.kind == static_cast<std::uint8_t>(MeshKind::edged_fill) || v.kind == static_cast<std::uint8_t>(MeshKind::line) ||
                          v.kind == static_cast<std::uint8_t>(MeshKind::mark_fill);
    CHECK(((v.paint & layout::mesh_faded) != 0) == !lit_kind);
    if (v.paint & layout::mesh_faded) ++faded_vertices;
  }
  CHECK(faded_vertices == 2 * 4 + 2 * 16);
  CHECK(mesh.vertices.size() == bright.vertices.size() + (4 + 16) - 8);  // the group: a fill and four sides for its two quads
}
