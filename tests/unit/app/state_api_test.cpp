// window.planner's options and time, natively: states, edits placed by
// state, the timeline, comparisons and the appraisal.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "app/api.hpp"
#include "app/plan_document.hpp"
#include "plan_fixtures.hpp"

using nlohmann::json;

namespace {

json call(app::AppState& state, std::string_view method, const json& arguments = json()) {
  return json::parse(app::call_api(state, method, arguments.is_null() ? std::string() : arguments.dump()));
}

app::AppState opened(const std::string& name) {
  app::AppState state;
  state.canvas.viewport = {{0.0, 0.0}, {1600.0, 1000.0}, 2.0};
  REQUIRE(call(state, "openPlan", json(fixtures::example_text(name)))["ok"] == true);
  return state;
}

bool has(const json& list, const std::string& id) {
  return std::any_of(list.begin(), list.end(), [&](const json& n) { return n["id"] == id; });
}

}  // namespace

TEST_CASE("a plan opens as written; showOption and showDate change what every view shows, and bad ones change nothing") {
  app::AppState state = opened("herefordshire-worcestershire-2019");
  CHECK(call(state, "state") ["option"].is_null());
  CHECK(call(state, "state")["date"].is_null());
  CHECK(call(state, "options").size() == 3);
  CHECK_FALSE(has(call(state, "governance")["nodes"], "hw-ccg"));
  CHECK(call(state, "showOption", "merge-2020")["ok"] == true);
  CHECK_FALSE(has(call(state, "governance")["nodes"], "hw-ccg"));  // as written: only its undated steps
  const json shown = call(state, "showDate", "2020-04-01");
  CHECK(shown["option"] == "merge-2020");
  CHECK(shown["date"] == "2020-04-01");
  CHECK(has(call(state, "governance")["nodes"], "hw-ccg"));
  // Who decides follows the state.
  const json rights = call(state, "decisionRights", "hw-ccg");
  CHECK(rights["ok"] == true);
  // Refused, and nothing changes.
  const json unknown = call(state, "showOption", "merge-2022");
  CHECK(unknown["ok"] == false);
  CHECK(unknown["messages"][0].get<std::string>().find("its options are: merge-2020, merge-2021, no-merger") != std::string::npos);
  CHECK(call(state, "showDate", "2020-13-01")["ok"] == false);
  CHECK(call(state, "state")["date"] == "2020-04-01");
  CHECK(call(state, "showDate", "end")["date"] == "end");
  CHECK(call(state, "showDate", json())["date"].is_null());
  CHECK(call(state, "showOption", json())["option"].is_null());
  CHECK_FALSE(has(call(state, "governance")["nodes"], "hw-ccg"));
}

TEST_CASE("edits follow the state: into an option's step of the date shown, the plan as written untouched; undo takes them back") {
  app::AppState state = opened("herefordshire-worcestershire-2019");
  const std::string before = call(state, "currentPlan").get<std::string>();
  REQUIRE(call(state, "showOption", "merge-2020")["ok"] == true);
  REQUIRE(call(state, "showDate", "2020-04-01")["ok"] == true);
  CHECK(call(state, "state")["editsGoTo"].get<std::string>().find("step dated 1 April 2020") != std::string::npos);
  const json renamed = call(state, "apply", json{{"op", "rename"}, {"id", "hw-ccg"}, {"name", "NHS Herefordshire and Worcestershire CCG (renamed)"}});
  CHECK(renamed["ok"] == true);
  // Shown in this state...
  const auto name_of = [&](const std::string& id) {
    const json governance = call(state, "governance");  // kept: a range over a temporary's part outlives it
    for (const json& n : governance["nodes"]) {
      if (n["id"] == id) return n["label"].get<std::string>();
    }
    return std::string();
  };
  CHECK(std::any_of(state.state_plan->organisations.begin(), state.state_plan->organisations.end(),
                    [](const model::Organisation& o) { return o.name == "NHS Herefordshire and Worcestershire CCG (renamed)"; }));
  // ...kept in the option's step of that date, not in the plan as written.
  const model::Option& option = state.document->plan.options.front();
  REQUIRE(option.id == "merge-2020");
  const auto step = std::find_if(option.steps.begin(), option.steps.end(), [](const model::Milestone& s) { return s.id == "merge-2020-merge"; });
  REQUIRE(step != option.steps.end());
  CHECK(step->changes.size() == 11);
  CHECK(std::none_of(state.document->plan.organisations.begin(), state.document->plan.organisations.end(),
                     [](const model::Organisation& o) { return o.id == "hw-ccg"; }));
  // Under no option the rename does not exist.
  REQUIRE(call(state, "showOption", json())["ok"] == true);
  CHECK(name_of("herefordshire-ccg").find("renamed") == std::string::npos);
  // An edit that does not apply in the state shown is refused, and changes nothing.
  REQUIRE(call(state, "showOption", "merge-2020")["ok"] == true);
  REQUIRE(call(state, "showDate", "2019-01-01")["ok"] == true);
  CHECK(call(state, "apply", json{{"op", "rename"}, {"id", "hw-ccg"}, {"name", "Too early"}})["ok"] == false);
  CHECK(call(state, "undo")["ok"] == true);
  CHECK(call(state, "currentPlan").get<std::string>() == before);
}

TEST_CASE("an edit on a date with no milestone makes one, dated that day; at the plan as written under an option, an undated step") {
  app::AppState state = opened("herefordshire-worcestershire-2019");
  REQUIRE(call(state, "showDate", "2019-09")["ok"] == true);
  CHECK(call(state, "state")["editsGoTo"] == "the plan's milestone of September 2019");
  REQUIRE(call(state, "apply", json{{"op", "rename"}, {"id", "herefordshire-ccg"}, {"name", "Herefordshire CCG"}})["ok"] == true);
  const auto& milestones = state.document->plan.milestones;
  const auto made = std::find_if(milestones.begin(), milestones.end(), [](const model::Milestone& m) { return m.id == "milestone-2019-09-edits"; });
  REQUIRE(made != milestones.end());
  CHECK(made->label == "Changes made in the planner");
  CHECK(made->changes.size() == 1);
  // A second edit on that date joins it.
  REQUIRE(call(state, "apply", json{{"op", "rename"}, {"id", "wyre-forest-ccg"}, {"name", "Wyre Forest CCG"}})["ok"] == true);
  CHECK(std::count_if(milestones.begin(), milestones.end(), [](const model::Milestone& m) { return m.label == "Changes made in the planner"; }) == 1);
  CHECK(made->changes.size() == 2);
  // Under an option, as written: its own undated step.
  REQUIRE(call(state, "showDate", json())["ok"] == true);
  REQUIRE(call(state, "showOption", "no-merger")["ok"] == true);
  CHECK(call(state, "state")["editsGoTo"].get<std::string>().find(", from the start") != std::string::npos);
  REQUIRE(call(state, "apply", json{{"op", "rename"}, {"id", "one-herefordshire"}, {"name", "One Herefordshire partnership"}})["ok"] == true);
  const model::Option& no_merger = state.document->plan.options.back();
  REQUIRE(no_merger.steps.size() == 1);
  CHECK(no_merger.steps.front().id == "no-merger-planner-edits");
  CHECK_FALSE(no_merger.steps.front().date);
  // Nudges are the drawing's: they go into the plan itself whatever the state.
  REQUIRE(call(state, "showDate", "end")["ok"] == true);
  const std::size_t steps = no_merger.steps.size();
  const json nudge = {{"op", "batch"}, {"label", "move"}, {"commands", json::array({json{{"op", "setPlan"}, {"field", "layout"},
                                                                                        {"value", {{"governance", {{"one-herefordshire", {40, 0}}}}}}}})}};
  CHECK(call(state, "apply", nudge)["ok"] == true);
  CHECK(state.document->plan.layout.size() == 1);
  CHECK(state.document->plan.options.back().steps.size() == steps);
}

TEST_CASE("the timeline lists milestones and steps by date, ranges as ranges; compare answers the differences in words") {
  app::AppState state = opened("herefordshire-worcestershire-2019");
  const json timeline = call(state, "timeline");
  REQUIRE(timeline.size() == 7);
  const auto entry = std::find_if(timeline.begin(), timeline.end(), [](const json& e) { return e["id"] == "running-cost-cut"; });
  REQUIRE(entry != timeline.end());
  CHECK((*entry)["date"] == "by 2020-03-31");
  CHECK((*entry)["effective"] == "2020-03-31");
  const auto year = std::find_if(timeline.begin(), timeline.end(), [](const json& e) { return e["id"] == "merge-2020-apply"; });
  REQUIRE(year != timeline.end());
  CHECK((*year)["from"] == "2019-01-01");
  CHECK((*year)["to"] == "2019-12-31");
  CHECK((*year)["option"] == "merge-2020");
  const json compared = call(state, "compare", json::array({json{{"option", nullptr}, {"date", nullptr}}, json{{"option", "merge-2020"}, {"date", "end"}}}));
  REQUIRE(compared["ok"] == true);
  CHECK(has(compared["differences"], "hw-ccg"));
  CHECK(state.comparison.has_value());
  CHECK(call(state, "compare", json::array({json{{"option", "nope"}}, json::object()}))["ok"] == false);
  CHECK(call(state, "closeCompare")["ok"] == true);
  CHECK_FALSE(state.comparison.has_value());
}

TEST_CASE("the appraisal: NCL's five criteria, each option's scores, weighted totals and a ranking") {
  app::AppState state = opened("ncl-collaboration-2015");
  const json appraisal = call(state, "appraisal");
  CHECK(appraisal["criteria"].size() == 5);
  REQUIRE(appraisal["options"].size() == 2);
  for (const json& option : appraisal["options"]) {
    double total = 0.0;
    for (const json& score : option["scores"]) total += score["value"].get<double>();
    CHECK(option["total"].get<double>() == doctest::Approx(total));
  }
  CHECK(appraisal["ranking"].size() == 2);
}

TEST_CASE("exports name the state: in the drawing's title and in the file's name") {
  app::AppState state = opened("herefordshire-worcestershire-2019");
  REQUIRE(call(state, "showView", "governance")["ok"] == true);
  const json written = call(state, "exportSvg");
  CHECK(written["fileName"].get<std::string>().ends_with("-governance.svg"));
  REQUIRE(call(state, "showOption", "merge-2020")["ok"] == true);
  REQUIRE(call(state, "showDate", "by 2020-03")["ok"] == true);
  const json shown = call(state, "exportSvg");
  CHECK(shown["fileName"].get<std::string>().ends_with("-governance-merge-2020-by-2020-03.svg"));
  CHECK(shown["svg"].get<std::string>().find("(Option &quot;A single CCG for Herefordshire and Worcestershire by April 2020&quot;, by the end of March 2020)") !=
        std::string::npos);
  const json csv = call(state, "exportCsv", "organisations");
  CHECK(csv["fileName"].get<std::string>().ends_with("-organisations-merge-2020-by-2020-03.csv"));
}

TEST_CASE("edits to the plan's own milestones, options and criteria go into the plan whatever the state shown") {
  app::AppState state = opened("herefordshire-worcestershire-2019");
  REQUIRE(call(state, "showOption", "merge-2020")["ok"] == true);
  REQUIRE(call(state, "showDate", "end")["ok"] == true);
  const std::size_t steps = state.document->plan.options.front().steps.size();
  REQUIRE(call(state, "apply", json{{"op", "set"}, {"id", "running-cost-cut"}, {"field", "label"}, {"value", "Running costs cut by a fifth"}})["ok"] == true);
  const auto& milestones = state.document->plan.milestones;
  CHECK(std::any_of(milestones.begin(), milestones.end(), [](const model::Milestone& m) { return m.label == "Running costs cut by a fifth"; }));
  // A step is edited through its option (a command cannot name a step).
  CHECK(call(state, "apply", json{{"op", "set"}, {"id", "merge-2020-merge"}, {"field", "label"}, {"value", "The CCGs merge"}})["ok"] == false);
  const auto relabel = analysis::set_milestone_field(state.document->plan, "merge-2020-merge", "label", "The CCGs merge");
  REQUIRE(relabel);
  REQUIRE(app::execute(state, *relabel).ok);
  CHECK(state.document->plan.options.front().steps.size() == steps);  // a step renamed, not a step added
  CHECK(std::any_of(state.document->plan.options.front().steps.begin(), state.document->plan.options.front().steps.end(),
                    [](const model::Milestone& m) { return m.label == "The CCGs merge"; }));
  REQUIRE(call(state, "apply", json{{"op", "set"}, {"id", "short-disruption"}, {"field", "weight"}, {"value", 2}})["ok"] == true);
  CHECK(call(state, "appraisal")["criteria"][1]["weight"] == 2.0);
  CHECK(state.document->plan.options.front().steps.size() == steps);
}
