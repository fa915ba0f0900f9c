// The picture both exports draw (layout/picture): the SVG writes it as
// text, the page draws its JSON onto a canvas for the PNG.
#include <doctest/doctest.h>

#include <string>

#include "layout/governance_scene.hpp"
#include "layout/picture.hpp"
#include "layout/svg_writer.hpp"
#include "model/json.hpp"
#include "plan_fixtures.hpp"

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("picture: every box, line, arrowhead and name of the scene, then the legend, framed with room for it") {
  const model::Plan plan = fixtures::example("ncl-collaboration-2015");
  const layout::Scene scene = layout::build_governance_scene(plan);
  const layout::Picture picture = layout::make_picture(scene, 1600.0);
  CHECK(picture.width == 1600.0);
  CHECK(picture.height == doctest::Approx(1600.0 * picture.view.size().y / picture.view.size().x));
  CHECK(picture.view.min.x < scene.bounds.min.x);
  CHECK(picture.view.max.y > scene.bounds.max.y);  // the legend's room
  std::size_t groups = 0, ends = 0, boxes = 0, lines = 0, heads = 0, texts = 0;
  for (const layout::PictureMark& mark : picture.marks) {
    groups += mark.kind == layout::PictureMark::Kind::group;
    ends += mark.kind == layout::PictureMark::Kind::group_end;
    boxes += mark.kind == layout::PictureMark::Kind::rect;
    lines += mark.kind == layout::PictureMark::Kind::polyline;
    heads += mark.kind == layout::PictureMark::Kind::polygon;
    texts += mark.kind == layout::PictureMark::Kind::text;
  }
  CHECK(groups == ends);
  std::size_t scene_boxes = 0, scene_lines = 0;
  for (const layout::Shape& shape : scene.shapes) {
    scene_boxes += shape.kind == layout::Shape::Kind::box;
    scene_lines += shape.kind == layout::Shape::Kind::line && shape.points.size() >= 2;
  }
  CHECK(boxes >= scene_boxes);              // and the legend's swatches
  CHECK(lines >= scene_lines);              // and the legend's lines
  CHECK(heads > 0);
  CHECK(texts > scene.legend.size());
  CHECK(picture.marks.back().kind == layout::PictureMark::Kind::group_end);  // the legend closes it
  // The frame alone, for a page making its canvas early, is the picture's.
  const layout::Picture frame = layout::picture_frame(scene, 1600.0);
  CHECK(frame.marks.empty());
  CHECK(frame.view.min == picture.view.min);
  CHECK(frame.view.max == picture.view.max);
  CHECK(frame.width == picture.width);
  CHECK(frame.height == picture.height);
}

TEST_CASE("picture as JSON: parses, gives each paint its colour, and carries names as written, quotes and all") {
  model::Plan plan = fixtures::example("herefordshire-worcestershire-2019");
  plan.bodies.front().name = "B \"Q\" <A&B> \\";  // short enough for one line
  const layout::Picture picture = layout::make_picture(layout::build_governance_scene(plan), 1600.0);
  const model::Json json = model::Json::parse(layout::picture_json(picture));
  CHECK(json["width"] == 1600);
  CHECK(json["view"].size() == 4);
  CHECK(json["background"] == layout::picture_background);
  CHECK(json["colours"][std::to_string(static_cast<int>(layout::Paint::flow_delegation))] == "#005eb8");
  bool named = false;
  std::size_t marks_drawn = 0;
  for (const layout::PictureMark& mark : picture.marks) {
    marks_drawn += mark.kind != layout::PictureMark::Kind::group && mark.kind != layout::PictureMark::Kind::group_end;
  }
  REQUIRE(json["marks"].size() == marks_drawn);
  for (const model::Json& mark : json["marks"]) {
    const int kind = mark[0].get<int>();
    CHECK((kind >= 0 && kind <= 3));
    if (kind == 0) CHECK(mark.size() == 11);
    if (kind == 1) CHECK((mark.size() >= 8 && mark.size() % 2 == 0));  // stroke, width, dash, then x, y pairs
    if (kind != 3) continue;
    named |= mark[6] == "B \"Q\" <A&B> \\";
  }
  CHECK(named);
}

TEST_CASE("picture: the SVG writes the same marks, one element each") {
  const model::Plan plan = fixtures::example("nwl-collaboration-2018");
  const layout::Scene scene = layout::build_governance_scene(plan);
  const layout::Picture picture = layout::make_picture(scene, 1600.0);
  const std::string svg = layout::write_svg(scene, {plan.name, "governance", 1600.0});
  std::size_t rects = 0, hatched = 0, polylines = 0, polygons = 0, texts = 0;
  for (const layout::PictureMark& mark : picture.marks) {
    rects += mark.kind == layout::PictureMark::Kind::rect;
    hatched += mark.kind == layout::PictureMark::Kind::rect && mark.hatched;
    polylines += mark.kind == layout::PictureMark::Kind::polyline;
    polygons += mark.kind == layout::PictureMark::Kind::polygon;
    texts += mark.kind == layout::PictureMark::Kind::text;
  }
  CHECK(count(svg, "<rect ") == rects + hatched + 1);  // and the background
  CHECK(count(svg, "<polyline ") == polylines);
  CHECK(count(svg, "<polygon ") == polygons);
  CHECK(count(svg, "<text ") == texts);
}
