#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/canvas_control.hpp"
#include "app/examples.hpp"
#include "cli/national_plan.hpp"
#include "io/plan_file.hpp"
#include "model/json.hpp"
#include "model/version.hpp"
#include "plan_fixtures.hpp"

using nlohmann::json;

namespace {

json call(app::AppState& state, std::string_view method, std::string_view arguments = "") {
  return json::parse(app::call_api(state, method, arguments));
}

app::AppState state_with_viewport() {
  app::AppState state;
  state.canvas.viewport = {{0.0, 0.0}, {1600.0, 1000.0}, 2.0};
  return state;
}

}  // namespace

TEST_CASE("version and view answer plain values without asking for a redraw") {
  app::AppState state;
  CHECK(call(state, "version") == std::string(model::planner_version()));
  CHECK(call(state, "view") == "canvas");
  CHECK(call(state, "frameCount") == 0);
  CHECK_FALSE(state.redraw_requested);
}

TEST_CASE("camera reports x, y and zoom; setCamera changes them and asks for a redraw") {
  app::AppState state = state_with_viewport();
  CHECK(call(state, "camera") == json({{"x", 0.0}, {"y", 0.0}, {"zoom", 1.0}}));
  const json answer = call(state, "setCamera", R"({"x": 12.5, "y": -4, "zoom": 2})");
  CHECK(answer["ok"] == true);
  CHECK(state.redraw_requested);
  CHECK(call(state, "camera") == json({{"x", 12.5}, {"y", -4.0}, {"zoom", 2.0}}));
}

TEST_CASE("setCamera takes a partial camera and keeps the rest") {
  app::AppState state = state_with_viewport();
  call(state, "setCamera", R"({"x": 7, "y": 8, "zoom": 3})");
  call(state, "setCamera", R"({"zoom": 0.5})");
  CHECK(call(state, "camera") == json({{"x", 7.0}, {"y", 8.0}, {"zoom", 0.5}}));
}

TEST_CASE("setCamera rejects bad input with every problem and changes nothing") {
  app::AppState state = state_with_viewport();
  call(state, "setCamera", R"({"x": 1, "y": 2, "zoom": 1.5})");
  const json answer = call(state, "setCamera", R"({"x": "left", "zoom": -1})");
  CHECK(answer["ok"] == false);
  CHECK(answer["messages"].size() == 2);
  CHECK(answer["messages"][0] == "x must be a finite number");
  CHECK(answer["messages"][1] == "zoom must be greater than 0");
  CHECK(call(state, "camera") == json({{"x", 1.0}, {"y", 2.0}, {"zoom", 1.5}}));
  CHECK(call(state, "setCamera", "[1,2]")["ok"] == false);
  CHECK(call(state, "setCamera", "{not json")["messages"][0] == "arguments are not valid JSON");
}

TEST_CASE("setCamera clamps zoom to what the canvas can show") {
  app::AppState state = state_with_viewport();
  call(state, "setCamera", R"({"zoom": 1e12})");
  CHECK(call(state, "camera")["zoom"] == layout::max_zoom);
}

TEST_CASE("panBy and zoomAt take CSS pixels") {
  app::AppState state = state_with_viewport();
  call(state, "panBy", R"({"dx": 10, "dy": -20})");
  CHECK(call(state, "camera") == json({{"x", -10.0}, {"y", 20.0}, {"zoom", 1.0}}));
  // Zoom about the CSS centre (400, 250) of a 1600 x 1000 device-pixel viewport.
  call(state, "zoomAt", R"({"x": 400, "y": 250, "factor": 2})");
  CHECK(call(state, "camera") == json({{"x", -10.0}, {"y", 20.0}, {"zoom", 2.0}}));
  CHECK(call(state, "zoomAt", R"({"x": 1, "y": 1, "factor": 0})")["ok"] == false);
}

TEST_CASE("fit animates towards the content") {
  app::AppState state = state_with_viewport();
  state.now_seconds = 100.0;
  call(state, "fit");
  REQUIRE(state.canvas.animation.has_value());
  app::step_animation(state.canvas, 100.0 + app::animation_seconds);
  CHECK_FALSE(state.canvas.animation.has_value());
  CHECK(state.canvas.camera.center.x == doctest::Approx(0.0));
  // Below the toolbar's 56 pixels, with a margin of 32 all round.
  CHECK(state.canvas.camera.zoom == doctest::Approx((500.0 - 64.0 - 56.0) / 500.0));
  CHECK(state.canvas.camera.center.y == doctest::Approx(-28.0 / state.canvas.camera.zoom));
}

TEST_CASE("a plan opened on a canvas already drawn is shown fitted at once, with no glide from what was there before") {
  app::AppState state = state_with_viewport();
  state.now_seconds = 100.0;
  const std::string plan = R"({"schemaVersion": "1.0", "name": "P", "units": [{"id": "a", "layer": "system", "name": "A"}]})";
  REQUIRE(call(state, "openPlan", json(plan).dump())["ok"] == true);
  // A host page reading unitBounds straight after opening gets where the unit stays.
  CHECK_FALSE(state.canvas.animation.has_value());
  const json shown = call(state, "camera");
  call(state, "fit");
  app::step_animation(state.canvas, 100.0 + app::animation_seconds);
  CHECK(call(state, "camera") == shown);
}

TEST_CASE("themes can be read and set by name") {
  app::AppState state;
  CHECK(call(state, "theme") == "light");
  CHECK(call(state, "setTheme", R"("high-contrast")")["ok"] == true);
  CHECK(call(state, "theme") == "high-contrast");
  const json answer = call(state, "setTheme", R"("purple")");
  CHECK(answer["ok"] == false);
  CHECK(call(state, "theme") == "high-contrast");
}

TEST_CASE("an unknown method is reported, not ignored") {
  app::AppState state;
  const json answer = call(state, "explode");
  CHECK(answer["ok"] == false);
  CHECK(answer["messages"][0] == "unknown method \"explode\"");
}

TEST_CASE("openPlan checks a plan; a rejected plan leaves the open one untouched") {
  app::AppState state = state_with_viewport();
  CHECK(call(state, "currentPlan").is_null());
  const json good = call(state, "openPlan", json(R"({"schemaVersion": "1.0", "name": "P"})").dump());
  CHECK(good["ok"] == true);
  const std::string before = call(state, "currentPlan").get<std::string>();
  CHECK(before.rfind("{\n  \"schemaVersion\": \"1.0\",\n  \"name\": \"P\"", 0) == 0);
  const json bad = call(state, "openPlan", json::object({{"text", R"({"schemaVersion": "1.0", "units": 3})"}, {"name", "x.json"}}).dump());
  CHECK(bad["ok"] == false);
  CHECK(bad["messages"] == json::array({"missing \"name\", which is required here", "/units: must be a list ([...]), not a number"}));
  CHECK(bad["problems"][1] == json({{"severity", "error"}, {"path", "/units"}, {"message", "must be a list ([...]), not a number"}}));
  CHECK(call(state, "currentPlan") == before);
  CHECK_FALSE(state.open_report.visible);  // host pages' calls do not pop up a report
  call(state, "openPlan", json::object({{"text", "{"}, {"name", "y.json"}, {"report", true}}).dump());
  CHECK(state.open_report.visible);
  CHECK(call(state, "lastOpenReport")["name"] == "y.json");
}

TEST_CASE("openPlan's answer is written as the JSON library would write it, for every example, England and a rejected plan") {
  std::vector<std::string> texts = {io::save_plan(cli::national_plan(3)), R"({"schemaVersion": "1.0", "units": 3, "name": "\u00e9\n\"x\""})", "{"};
  for (const app::Example& example : app::examples) texts.push_back(fixtures::example_text(std::string(example.name)));
  for (const std::string& text : texts) {
    app::AppState state = state_with_viewport();
    const std::string answer = app::open_plan_answer(state, text, "plan.json", false);
    const model::Json parsed = model::Json::parse(answer);
    CHECK(parsed.dump(-1, ' ', false, model::Json::error_handler_t::replace) == answer);
    REQUIRE(parsed["messages"].size() == parsed["problems"].size());
    CHECK(parsed["ok"] == (text.size() > 100));
    for (std::size_t i = 0; i < parsed["problems"].size(); ++i) {
      const model::Json& problem = parsed["problems"][i];
      const std::string path = problem["path"].get<std::string>();
      const std::string line = (path.empty() ? "" : path + ": ") + (problem["severity"] == "warning" ? "warning: " : "") + problem["message"].get<std::string>();
      CHECK(parsed["messages"][i] == line);
    }
  }
}

TEST_CASE("apply, undo and redo change the open plan through commands") {
  app::AppState state = state_with_viewport();
  CHECK(call(state, "apply", R"({"op": "setPlan", "field": "name", "value": "Q"})")["messages"][0] ==
        "no plan is open: open one with openPlan first");
  call(state, "openPlan", json(R"({"schemaVersion": "1.0", "name": "P"})").dump());
  const json added = call(state, "apply", R"({"op": "add", "collection": "units", "value": {"id": "u", "name": "U", "layer": "place"}})");
  CHECK(added["ok"] == true);
  CHECK(state.document->plan.units.size() == 1);
  const json refused = call(state, "apply", R"({"op": "move", "id": "u", "parent": "nowhere"})");
  CHECK(refused["ok"] == false);
  CHECK(refused["messages"][0].get<std::string>().rfind("/value/parent: refers to \"nowhere\"", 0) == 0);
  CHECK(call(state, "apply", R"({"op": "teleport"})")["messages"][0] ==
        "/op: \"teleport\" is not a kind of change: use add, remove, set, rename, move, setPlan or batch");
  CHECK(call(state, "undo")["ok"] == true);
  CHECK(state.document->plan.units.empty());
  CHECK(call(state, "undo")["messages"][0] == "there is nothing to undo");
  CHECK(call(state, "redo")["ok"] == true);
  CHECK(state.document->plan.units.size() == 1);
}

namespace {

app::AppState state_with_example(const std::string& name) {
  app::AppState state = state_with_viewport();
  REQUIRE(call(state, "openPlan", json(fixtures::example_text(name)).dump())["ok"] == true);
  return state;
}

}  // namespace

TEST_CASE("the governance view through the API: shown, read, filtered; bad filters change nothing") {
  app::AppState state = state_with_example("syb-acs-mou-2017");
  CHECK(call(state, "currentView") == "layers");
  CHECK(call(state, "showView", json("maps").dump())["ok"] == false);
  const json view = call(state, "governance");
  CHECK(call(state, "currentView") == "governance");
  CHECK(view["ok"] == true);
  CHECK(view["nodes"].size() == 34 + 39 + 43 + 1);  // and the place band's list of other posts
  CHECK(view["crossings"].get<std::size_t>() <= view["inputOrderCrossings"].get<std::size_t>());
  const json bounds = call(state, "itemBounds", json("jc-ccgs").dump());
  CHECK(bounds["ok"] == true);
  CHECK(bounds["width"].get<double>() > 0.0);
  CHECK(call(state, "itemBounds", json("no-such").dump())["ok"] == false);

  const json refused = call(state, "setGovernanceFilters", R"({"hiddenFlows": ["gossips"], "hiddenLevels": ["national"]})");
  CHECK(refused["ok"] == false);
  CHECK(refused["messages"][0].get<std::string>().find("gossips") != std::string::npos);
  CHECK(call(state, "governance")["nodes"].size() == view["nodes"].size());  // nothing changed
  CHECK(call(state, "setGovernanceFilters", R"({"hiddenLevels": ["national"]})")["ok"] == true);
  CHECK(call(state, "governance")["nodes"].size() < view["nodes"].size());

  const json preview = call(state, "deletePreview", json("jc-ccgs").dump());
  CHECK(preview["statement"].get<std::string>().find("7 flows to or from it") != std::string::npos);
  CHECK(call(state, "select", json("jc-ccgs").dump())["ok"] == true);
  CHECK(call(state, "selection") == "jc-ccgs");
}

TEST_CASE("decide, decisionRights and governanceChecks through the API") {
  app::AppState state = state_with_example("syb-acs-mou-2017");
  const json answer = call(state, "decide", R"(["stroke", "barnsley"])");
  CHECK(answer["ok"] == true);
  CHECK(answer["deciders"] == json::array({"jc-ccgs"}));
  CHECK(answer["holders"] == json::array({"barnsley-ccg"}));
  CHECK(answer["route"][0]["flow"] == "barnsley-gb-delegates");
  CHECK(state.decision.open);
  const json several = call(state, "decide", R"(["review"])");
  CHECK(several["ok"] == false);
  CHECK(several["messages"].size() == 3);  // the sentence, then each function
  CHECK(call(state, "decide", R"(["stroke", "nowhere"])")["ok"] == false);
  CHECK(call(state, "closeDecision")["ok"] == true);
  CHECK_FALSE(state.decision.open);
  CHECK(call(state, "decisionRights", json("barnsley-ccg").dump())["sentence"].get<std::string>().find("holds 3 functions") != std::string::npos);
  CHECK(call(state, "decisionRights", json("barnsley").dump())["ok"] == false);  // a unit
  CHECK(call(state, "governanceChecks").size() == 14);
}

TEST_CASE("a nudge kept for a box now drawn inside a group is reported by the governance checks, and folding takes host ids and set ids") {
  app::AppState state = state_with_example("syb-acs-mou-2017");
  REQUIRE(call(state, "showView", "\"governance\"")["ok"] == true);
  REQUIRE(call(state, "apply", R"({"op": "setPlan", "field": "layout", "value": {"governance": {"barnsley-gb": [10, 20]}}})")["ok"] == true);
  const json checks = call(state, "governanceChecks");
  bool reported = false;
  for (const json& problem : checks) {
    if (problem["path"] == "/layout/governance/barnsley-gb") reported = problem["message"].get<std::string>().find("drawn inside \"barnsley-ccg\"") != std::string::npos;
  }
  CHECK(reported);
  CHECK(call(state, "fold", "\"barnsley-ccg\"")["ok"] == true);
  CHECK(call(state, "unfold", "\"barnsley-ccg\"")["ok"] == true);
  CHECK(call(state, "fold", "\"set/place/acute-trust\"")["ok"] == true);
  CHECK(call(state, "fold", "\"set/place/no-such-kind\"")["ok"] == false);
  CHECK(call(state, "unfold", "\"barnsley-ccg\"")["ok"] == false);
}

TEST_CASE("an edit made in the governance view leaves the layers scene to be built when it is next needed, and it is then up to date") {
  app::AppState state = state_with_example("syb-acs-mou-2017");
  const std::string unit = state.document->plan.units.back().id;
  REQUIRE(call(state, "showView", "\"governance\"")["ok"] == true);
  REQUIRE(call(state, "apply", json({{"op", "rename"}, {"id", unit}, {"name", "Renamed in governance"}}).dump())["ok"] == true);
  CHECK(state.layers_scene_stale);  // not built for an edit it does not show
  CHECK(call(state, "unit", json(unit).dump())["label"].get<std::string>().find("Renamed in governance") != std::string::npos);
  CHECK_FALSE(state.layers_scene_stale);
  REQUIRE(call(state, "apply", json({{"op", "rename"}, {"id", unit}, {"name", "Renamed again"}}).dump())["ok"] == true);
  REQUIRE(call(state, "showView", "\"layers\"")["ok"] == true);
  CHECK_FALSE(state.layers_scene_stale);
  bool shown = false;
  for (const layout::Item& item : state.layers_scene->items) shown |= item.id == unit && item.label.find("Renamed again") != std::string::npos;
  CHECK(shown);
}

TEST_CASE("a fitted view is fitted again when the canvas changes size, unless the camera was moved") {
  app::CanvasState canvas;
  canvas.reduce_motion = true;  // the fit lands at once
  canvas.viewport = {{0.0, 0.0}, {1600.0, 1000.0}, 2.0};
  canvas.content_bounds = {{0.0, 0.0}, {1000.0, 2000.0}};  // tall: the canvas's height sets the zoom
  app::fit_content(canvas, 0.0);
  const double tall_zoom = canvas.camera.zoom;
  canvas.viewport.size = {1600.0, 900.0};  // a bar appears along the foot: the drawing must shrink to fit
  app::keep_fit(canvas);
  CHECK(canvas.camera.zoom < tall_zoom);
  app::pan_by(canvas, {40.0, 0.0});  // the reader moves the camera: their view is theirs
  const layout::Camera moved = canvas.camera;
  canvas.viewport.size = {1600.0, 1000.0};
  app::keep_fit(canvas);
  CHECK(canvas.camera.center == moved.center);
  CHECK(canvas.camera.zoom == moved.zoom);
}

TEST_CASE("a fit asked for before the canvas knew its size is made on its first frame") {
  app::CanvasState canvas;
  canvas.content_bounds = {{0.0, 0.0}, {4000.0, 1000.0}};
  app::fit_content(canvas, 0.0);
  CHECK(canvas.fit_when_sized);
  canvas.viewport = {{0.0, 0.0}, {1600.0, 1000.0}, 2.0};
  app::keep_fit(canvas);
  CHECK_FALSE(canvas.fit_when_sized);
  CHECK(canvas.camera.center.x == doctest::Approx(2000.0));
}

TEST_CASE("a page that only reads keeps the whole drawing fitted when the drawing changes; an editor does not") {
  app::CanvasState canvas;
  canvas.reduce_motion = true;
  canvas.viewport = {{0.0, 0.0}, {1600.0, 1000.0}, 2.0};
  canvas.content_bounds = {{0.0, 0.0}, {1000.0, 1000.0}};
  app::fit_content(canvas, 0.0);
  const layout::Camera fitted = canvas.camera;
  canvas.content_bounds = {{0.0, 0.0}, {3000.0, 1000.0}};  // another option: a wider drawing
  app::keep_fit(canvas);
  CHECK(canvas.camera.zoom == fitted.zoom);  // editing: the camera stays where it was
  app::keep_fit(canvas, true);
  CHECK(canvas.camera.zoom < fitted.zoom);  // reading: all of it is shown
  CHECK(canvas.camera.center.x == doctest::Approx(1500.0));
}
