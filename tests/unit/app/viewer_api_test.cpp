// window.planner for readers, natively: the outline, descriptions, the
// glossary, search in the view, the text alternative and read-only pages.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <functional>

#include "app/api.hpp"
#include "app/plan_document.hpp"
#include "plan_fixtures.hpp"

using nlohmann::json;

namespace {

json call(app::AppState& state, std::string_view method, const json& arguments = json()) {
  return json::parse(app::call_api(state, method, arguments.is_null() ? std::string() : arguments.dump()));
}

app::AppState opened(const std::string& name, app::Mode mode = app::Mode::edit) {
  app::AppState state;
  state.mode = mode;
  state.canvas.viewport = {{0.0, 0.0}, {1600.0, 1000.0}, 2.0};
  REQUIRE(call(state, "openPlan", json(fixtures::example_text(name)))["ok"] == true);
  return state;
}

// Every node of an outline, depth first.
void each_node(const json& nodes, const std::function<void(const json&)>& visit) {
  for (const json& node : nodes) {
    visit(node);
    if (node["children"].is_array()) each_node(node["children"], visit);
  }
}

}  // namespace

TEST_CASE("the governance outline has the levels at the top, every box under its level, and lines in words") {
  app::AppState state = opened("ncl-collaboration-2015");
  call(state, "showView", "governance");
  const json outline = call(state, "outline");
  REQUIRE(outline["ok"] == true);
  CHECK(outline["view"] == "governance");
  std::vector<std::string> top;
  for (const json& node : outline["nodes"]) top.push_back(node["id"].get<std::string>());
  CHECK(top == std::vector<std::string>{"band/national", "band/system", "band/place"});
  bool board = false;
  bool board_lines = false;
  each_node(outline["nodes"], [&](const json& node) {
    if (node["id"] == "collab-board") {
      board = true;
      board_lines = node["lines"].size() == 5 && node["lines"][0]["text"].get<std::string>().find("reports to") != std::string::npos;
    }
  });
  CHECK(board);
  CHECK(board_lines);
  // The system level holds the board, not the place level.
  bool under_system = false;
  each_node(outline["nodes"][1]["children"], [&](const json& node) { under_system |= node["id"] == "collab-board"; });
  CHECK(under_system);
}

TEST_CASE("the layers outline nests system, place, PCN and practice, and follows the option shown") {
  app::AppState state = opened("herefordshire-worcestershire-2019");
  const json outline = call(state, "outline");
  REQUIRE(outline["nodes"].size() >= 1);
  CHECK(outline["nodes"][0]["kind"] == "system");
  CHECK(outline["nodes"][0]["children"].size() >= 1);
  call(state, "showView", "governance");
  const auto ids = [&] {
    std::set<std::string> all;
    each_node(call(state, "outline")["nodes"], [&](const json& node) { all.insert(node["id"].get<std::string>()); });
    return all;
  };
  CHECK_FALSE(ids().count("hw-ccg"));
  call(state, "showOption", "merge-2020");
  call(state, "showDate", "end");
  CHECK(ids().count("hw-ccg"));
}

TEST_CASE("a large outline comes two levels at a time, the rest on asking") {
  app::AppState state = opened("syb-acs-mou-2017");
  const json shallow = call(state, "outline", json{{"depth", 1}});
  REQUIRE(shallow["nodes"].size() >= 1);
  const json& first = shallow["nodes"][0];
  CHECK(first["children"].is_null());
  CHECK(first["count"].get<int>() > 0);
  const json under = call(state, "outline", json{{"under", first["id"]}, {"depth", 1}});
  CHECK(under["nodes"].size() == first["count"].get<std::size_t>());
  CHECK(call(state, "outline", json{{"under", "no-such-thing"}})["ok"] == false);
}

TEST_CASE("describe says what an item is, what holds it, its lines and who decides, with its terms explained") {
  app::AppState state = opened("ncl-collaboration-2015");
  call(state, "showView", "governance");
  const json board = call(state, "describe", "collab-board");
  REQUIRE(board["ok"] == true);
  CHECK(board["name"] == "North Central London Collaboration Board");
  CHECK(board["lines"].size() >= 5);
  const json body = call(state, "describe", "barnet-gb");
  CHECK(body["within"].size() == 1);
  CHECK(body["within"][0]["id"] == "barnet-ccg");
  bool ccg = false;
  for (const json& term : body["terms"]) ccg |= term["term"] == "CCG";
  CHECK(ccg);
  CHECK(call(state, "describe", "nothing-here")["ok"] == false);
}

TEST_CASE("the glossary puts the plan's own terms first, then the built-in ones; a text gets its terms") {
  app::AppState state = opened("herefordshire-worcestershire-2019");
  const json all = call(state, "glossary");
  REQUIRE(all.size() > 20);
  CHECK(all[0]["fromPlan"] == true);
  bool builtin_sro = false;
  for (const json& term : all) builtin_sro |= term["term"] == "SRO";
  CHECK(builtin_sro);
  const json found = call(state, "glossary", "The STP and the four CCGs");
  REQUIRE(found.size() == 2);
  CHECK(found[0]["term"] == "STP");
  CHECK(found[1]["term"] == "CCG");
}

TEST_CASE("findInView finds what the view shows by its words, and the text alternative describes the view") {
  app::AppState state = opened("ncl-collaboration-2015");
  call(state, "showView", "governance");
  const json found = call(state, "findInView", "collaboration board");
  REQUIRE(found.size() == 1);
  CHECK(found[0]["id"] == "collab-board");
  CHECK(call(state, "findInView", "   ").empty());
  const json text = call(state, "textAlternative");
  REQUIRE(text["ok"] == true);
  CHECK(text["summary"].get<std::string>().find("who decides what") != std::string::npos);
  CHECK(text["description"].get<std::string>().find("North Central London Collaboration Board") != std::string::npos);
}

TEST_CASE("a read-only page refuses apply, edit, undo and redo, and changes nothing; it still opens plans and shows states") {
  app::AppState state = opened("herefordshire-worcestershire-2019", app::Mode::view);
  CHECK(call(state, "mode") == "view");
  const json before = call(state, "currentPlan");
  const json applied = call(state, "apply", json{{"op", "set"}, {"id", "herefordshire-ccg"}, {"field", "name"}, {"value", "Renamed"}});
  CHECK(applied["ok"] == false);
  CHECK(applied["messages"][0].get<std::string>().find("read-only") != std::string::npos);
  CHECK(call(state, "edit", json{{"op", "remove"}, {"id", "herefordshire-ccg"}})["ok"] == false);
  CHECK(call(state, "undo")["ok"] == false);
  CHECK(call(state, "currentPlan") == before);
  CHECK(call(state, "showOption", "merge-2020")["ok"] == true);
  CHECK(call(state, "openPlan", json(fixtures::example_text("ncl-collaboration-2015")))["ok"] == true);
}
