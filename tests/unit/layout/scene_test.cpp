// The layers scene, text fitting and the SVG writer.
#include <doctest/doctest.h>

#include <string>

#include "layout/layers_scene.hpp"
#include "layout/svg_writer.hpp"
#include "layout/text_fit.hpp"
#include "plan_fixtures.hpp"

namespace {

const layout::Item& item(const layout::Scene& scene, const std::string& id) {
  for (const layout::Item& i : scene.items) {
    if (i.id == id) return i;
  }
  FAIL("no item " << id);
  return scene.items.front();
}

bool inside(const layout::Rect& inner, const layout::Rect& outer) {
  return inner.min.x >= outer.min.x && inner.min.y >= outer.min.y && inner.max.x <= outer.max.x && inner.max.y <= outer.max.y;
}

bool overlap(const layout::Rect& a, const layout::Rect& b) {
  return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

const char* layers_plan = R"({"schemaVersion": "1.0", "name": "Layers <&> test",
  "units": [
    {"id": "sys", "name": "System", "layer": "system"},
    {"id": "east", "name": "East Place", "layer": "place", "parent": "sys", "registeredPopulation": 150000},
    {"id": "west", "name": "West Place", "layer": "place", "parent": "sys"},
    {"id": "pcn-a", "name": "PCN A", "layer": "pcn", "parent": "east"},
    {"id": "pcn-b", "name": "PCN B", "layer": "pcn", "parent": "west"},
    {"id": "p1", "name": "Practice One", "layer": "practice", "parent": "pcn-a", "registeredPopulation": 9000},
    {"id": "p2", "name": "Practice <Two> & \"Sons\"", "layer": "practice", "parent": "pcn-a", "registeredPopulation": 27000},
    {"id": "p3", "name": "Practice Three", "layer": "practice", "parent": "pcn-b", "registeredPopulation": 500},
    {"id": "empty", "name": "Empty PCN", "layer": "pcn", "parent": "west"}
  ]})";

}  // namespace

TEST_CASE("the layers scene nests each unit inside its parent, in tree order, with no overlaps between siblings") {
  const layout::Scene scene = layout::build_layers_scene(fixtures::load(layers_plan));
  REQUIRE(scene.items.size() == 9);
  CHECK(scene.items[0].id == "sys");
  CHECK(scene.items[0].end == 9);
  CHECK(inside(item(scene, "pcn-a").bounds, item(scene, "east").bounds));
  CHECK(inside(item(scene, "p3").bounds, item(scene, "pcn-b").bounds));
  CHECK(inside(item(scene, "empty").bounds, item(scene, "west").bounds));
  CHECK_FALSE(overlap(item(scene, "east").bounds, item(scene, "west").bounds));
  CHECK_FALSE(overlap(item(scene, "p1").bounds, item(scene, "p2").bounds));
  CHECK(inside(scene.items[0].bounds, scene.bounds));
  // A subtree is contiguous: [index + 1, end) holds exactly its descendants.
  const layout::Item& east = item(scene, "east");
  CHECK(east.end - (static_cast<std::size_t>(&east - scene.items.data()) + 1) == 3);
}

TEST_CASE("blocks are sized by population: a practice three times as large has about three times the area") {
  const layout::Scene scene = layout::build_layers_scene(fixtures::load(layers_plan));
  const auto area = [&](const char* id) { return item(scene, id).bounds.size().x * item(scene, id).bounds.size().y; };
  CHECK(area("p2") / area("p1") == doctest::Approx(3.0).epsilon(0.15));
  CHECK(area("empty") > 0.0);  // no figure, still there to see and use
}

TEST_CASE("labels say the population, the roll-up when it differs, and the band in words") {
  const layout::Scene scene = layout::build_layers_scene(fixtures::load(layers_plan));
  CHECK(item(scene, "east").label == "East Place, Place: 150,000 people; its 1 parts add up to 36,000; inside its band of 100,000\xE2\x80\x93" "500,000.");
  CHECK(item(scene, "pcn-a").label == "PCN A, Primary Care Network: 36,000 people, the sum of its 2 parts; inside its band of 30,000\xE2\x80\x93" "50,000.");
  CHECK(item(scene, "p2").label.find("above its band of 1,000") != std::string::npos);
  CHECK(item(scene, "p3").label.find("below its band") != std::string::npos);
  CHECK(item(scene, "empty").label == "Empty PCN, Primary Care Network: no population figure.");
  // The mark beside the figures says it in words and an arrow, not only in colour.
  bool above_words = false;
  for (const layout::Shape& shape : scene.shapes) above_words |= shape.text == "\xE2\x86\x91 above its band";
  CHECK(above_words);
}

TEST_CASE("text is cut after whole words with an ellipsis, or not drawn") {
  const layout::MeasureText measure = [](std::string_view t) { return static_cast<double>(t.size()); };  // 1 per byte
  CHECK(layout::fit_text("Penistone Group Practice", 100, measure) == "Penistone Group Practice");
  CHECK(layout::fit_text("Penistone Group Practice", 19, measure) == "Penistone Group\xE2\x80\xA6");
  CHECK(layout::fit_text("Penistone Group Practice", 12, measure) == "Penistone\xE2\x80\xA6");
  CHECK(layout::fit_text("Penistone Group Practice", 8, measure).empty());  // never "Penis..."
}

TEST_CASE("the SVG has a title, a description, text as text, every plan string escaped, and a legend") {
  const model::Plan plan = fixtures::load(layers_plan);
  const std::string svg = layout::write_svg(layout::build_layers_scene(plan), {plan.name, "A test's picture", 800.0});
  CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("<title id=\"title\">Layers &lt;&amp;&gt; test</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"desc\">A test&apos;s picture</desc>") != std::string::npos);
  CHECK(svg.find("Practice &lt;Two&gt; &amp; &quot;Sons&quot;") != std::string::npos);
  CHECK(svg.find("<Two>") == std::string::npos);
  CHECK(svg.find("id=\"unit-p1\"") != std::string::npos);
  CHECK(svg.find(">9,000 people</text>") != std::string::npos);
  CHECK(svg.find("id=\"legend\"") != std::string::npos);
  CHECK(svg.find("</svg>\n") == svg.size() - 7);
}

TEST_CASE("escape_xml escapes the five XML characters and drops control characters") {
  CHECK(layout::escape_xml("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  CHECK(layout::escape_xml(std::string("x\x01y", 3)) == "x y");
}

TEST_CASE("items_at gives the path of items under a point, outermost first") {
  const layout::Scene scene = layout::build_layers_scene(fixtures::load(layers_plan));
  const layout::Item& p3 = item(scene, "p3");
  std::vector<std::string> ids;
  for (std::size_t i : layout::items_at(scene, p3.bounds.center())) ids.push_back(scene.items[i].id);
  CHECK(ids == std::vector<std::string>{"sys", "west", "pcn-b", "p3"});
  CHECK(p3.kind == "practice");
  CHECK(layout::items_at(scene, scene.bounds.max + 10.0).empty());
}

TEST_CASE("items_faded leaves the lit items and the bands unfaded, by index") {
  layout::Scene scene;
  for (const auto& [id, role] : std::vector<std::pair<std::string, std::string>>{{"a", "organisation"}, {"b", "body"}, {"ab", "flow"}, {"national", "band"}}) {
    layout::Item item;
    item.id = id;
    item.role = role;
    scene.items.push_back(item);
  }
  CHECK(layout::items_faded(scene, {"a", "ab"}) == std::vector<bool>{false, true, false, false});
  CHECK(layout::items_faded(scene, {}) == std::vector<bool>{true, true, true, false});
}

TEST_CASE("a folded unit is one block that says how many units are inside, and they are not in the scene") {
  layout::LayersOptions options;
  options.collapsed = {"east"};
  const layout::Scene scene = layout::build_layers_scene(fixtures::load(layers_plan), options);
  CHECK(scene.items.size() == 6);  // pcn-a and its two practices are folded away
  const layout::Item& east = item(scene, "east");
  CHECK(east.end == static_cast<std::size_t>(&east - scene.items.data()) + 1);
  CHECK(east.label.find("folded, with 1 unit inside") != std::string::npos);
  bool words = false;
  for (const layout::Shape& shape : scene.shapes) words |= shape.text == "1 unit inside, folded away";
  CHECK(words);
}

TEST_CASE("the commissioners overlay outlines each unit in a CCG's area and names the CCG, in the legend too") {
  const model::Plan plan = fixtures::load(R"json({"schemaVersion": "1.0", "name": "t",
    "units": [{"id": "sys", "name": "System", "layer": "system"},
              {"id": "a", "name": "Place A", "layer": "place", "parent": "sys"},
              {"id": "b", "name": "Place B", "layer": "place", "parent": "sys"}],
    "organisations": [{"id": "ccg-a", "name": "NHS A CCG", "shortName": "A CCG", "kind": "ccg", "area": ["a"]},
                      {"id": "council", "name": "A Council", "kind": "local-authority", "area": ["a", "b"]}]})json");
  const layout::Scene plain = layout::build_layers_scene(plan);
  layout::LayersOptions options;
  options.commissioners = true;
  const layout::Scene overlaid = layout::build_layers_scene(plan, options);
  CHECK(item(overlaid, "a").label.find("; commissioned by NHS A CCG") != std::string::npos);
  CHECK(item(overlaid, "b").label.find("commissioned") == std::string::npos);  // councils are not commissioners here
  CHECK(item(overlaid, "a").shape_count == item(plain, "a").shape_count + 2);  // an outline and the name
  CHECK(overlaid.legend.back().words == "Commissioned by A CCG");
  CHECK(overlaid.legend.back().paint == layout::Paint::commissioner_1);
  CHECK(plain.legend.size() + 1 == overlaid.legend.size());
}

TEST_CASE("wrap_text fills the lines there is room for, whole words first, and ends with an ellipsis") {
  const layout::MeasureText measure = [](std::string_view t) { return static_cast<double>(t.size()); };
  CHECK(layout::wrap_text("Joint Committee of CCGs", 10.0, 30.0, 10.0, measure) == std::vector<std::string>{"Joint", "Committee", "of CCGs"});
  CHECK(layout::wrap_text("Joint Committee of CCGs", 13.0, 20.0, 10.0, measure) == std::vector<std::string>{"Joint", "Committee…"});  // the ellipsis measures 3 here
  CHECK(layout::wrap_text("CiC", 10.0, 30.0, 10.0, measure) == std::vector<std::string>{"CiC"});
  CHECK(layout::wrap_text("CiC", 10.0, 5.0, 10.0, measure).empty());
}

TEST_CASE("wrap_text cuts a lone long word rather than leave a box blank, keeping four letters") {
  const layout::MeasureText measure = [](std::string_view t) { return static_cast<double>(t.size()); };
  CHECK(layout::wrap_text("Rotherham Foundation Trust", 8.0, 10.0, 10.0, measure) == std::vector<std::string>{"Rothe…"});
  CHECK(layout::wrap_text("Rotherham", 5.0, 10.0, 10.0, measure).empty());
}

TEST_CASE("wrap_text keeps a short first word when the rest cannot follow") {
  const layout::MeasureText measure = [](std::string_view t) { return static_cast<double>(t.size()); };
  CHECK(layout::wrap_text("CRG: Vascular services", 8.0, 10.0, 10.0, measure) == std::vector<std::string>{"CRG:…"});
}

TEST_CASE("wrap_text cuts a long first word with room for more lines too") {
  const layout::MeasureText measure = [](std::string_view t) { return static_cast<double>(t.size()); };
  CHECK(layout::wrap_text("Nottinghamshire Healthcare", 9.0, 30.0, 10.0, measure) == std::vector<std::string>{"Nottin…"});
}
