// The methods the page's keeping code uses (shell/keeping.js): what is
// stored, what was saved to a file, and stored plans renamed without opening.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "plan_fixtures.hpp"

using nlohmann::json;

namespace {

json call(app::AppState& state, std::string_view method, const json& arguments) {
  return json::parse(app::call_api(state, method, arguments.dump()));
}

std::string example_text() { return fixtures::example_text("nwl-collaboration-2018"); }

}  // namespace

TEST_CASE("keepingStatus records the kept revision or the problem, and rejects anything else") {
  app::AppState state;
  CHECK_FALSE(state.keeping.reported);
  CHECK(call(state, "keepingStatus", {{"generation", 3}, {"revision", 7}})["ok"] == true);
  CHECK(state.keeping.reported);
  CHECK(state.keeping.generation == 3);
  CHECK(state.keeping.kept_revision == 7);
  CHECK(state.redraw_requested);
  CHECK(call(state, "keepingStatus", {{"problem", "The browser has no more room for plans."}})["ok"] == true);
  CHECK(state.keeping.problem == "The browser has no more room for plans.");
  CHECK(state.keeping.kept_revision == 7);
  // A later successful save clears the problem.
  CHECK(call(state, "keepingStatus", {{"generation", 3}, {"revision", 8}})["ok"] == true);
  CHECK(state.keeping.problem.empty());
  const json refused = call(state, "keepingStatus", {{"generation", -1}, {"revision", "eight"}});
  CHECK(refused["ok"] == false);
  CHECK(state.keeping.kept_revision == 8);
}

TEST_CASE("markSaved marks the open plan saved as of a revision, only for the plan it was saved from") {
  app::AppState state;
  REQUIRE(call(state, "openPlan", json(example_text()))["ok"] == true);
  const json document = call(state, "documentState", nullptr);
  REQUIRE(call(state, "apply", {{"op", "setPlan"}, {"field", "name"}, {"value", "Saved"}})["ok"] == true);
  CHECK(call(state, "unsavedChanges", nullptr) == true);
  CHECK(call(state, "saveName", nullptr) == "saved.json");  // from the plan's name: it came from no file
  const json other = call(state, "markSaved", {{"generation", document["generation"].get<int>() + 1}, {"revision", 1}});
  CHECK(other["ok"] == false);
  CHECK(call(state, "unsavedChanges", nullptr) == true);
  CHECK(call(state, "markSaved", {{"generation", document["generation"]}, {"revision", 1}, {"file", "nwl-kept.json"}})["ok"] == true);
  CHECK(call(state, "unsavedChanges", nullptr) == false);
  CHECK(call(state, "saveName", nullptr) == "nwl-kept.json");  // saved again under the file's name
}

TEST_CASE("renamedPlanText renames a stored plan as planner-cli would write it, and refuses a blank name or a broken plan") {
  app::AppState state;
  const json renamed = call(state, "renamedPlanText", {{"text", example_text()}, {"name", "North West London (copy)"}});
  REQUIRE(renamed["ok"] == true);
  CHECK_FALSE(state.document.has_value());  // nothing was opened
  // The same as opening it, renaming it and reading it back.
  app::AppState opened;
  REQUIRE(call(opened, "openPlan", json(example_text()))["ok"] == true);
  REQUIRE(call(opened, "apply", {{"op", "setPlan"}, {"field", "name"}, {"value", "North West London (copy)"}})["ok"] == true);
  CHECK(renamed["text"] == call(opened, "currentPlan", nullptr));
  CHECK(call(state, "renamedPlanText", {{"text", example_text()}, {"name", "  "}})["messages"][0] ==
        "a plan needs a name: type at least one letter");
  CHECK(call(state, "renamedPlanText", {{"text", "{"}, {"name", "X"}})["ok"] == false);
}
