// The structure on a date under an option: order and failures.
#include <doctest/doctest.h>

#include <set>

#include "analysis/plan_at.hpp"
#include "analysis/plan_warnings.hpp"
#include "analysis/population.hpp"
#include "io/plan_file.hpp"
#include "model/command.hpp"
#include "model/plan_date.hpp"
#include "model/validate.hpp"
#include "plan_fixtures.hpp"

using analysis::plan_at;

namespace {
std::int64_t day(int y, int m, int d) { return model::days_from_civil(y, m, d); }

model::Lifecycle jc_status(const model::Plan& plan) { return plan.bodies[0].status; }
}  // namespace

TEST_CASE("the baseline's milestones apply by date, 'by' counting from the end of its period") {
  const model::Plan plan = fixtures::load(fixtures::small_system);
  CHECK(jc_status(plan_at(plan, {day(2017, 10, 15), ""}).plan) == model::Lifecycle::established);  // "by 2017-10" not yet done
  const auto end_october = plan_at(plan, {day(2017, 10, 31), ""});
  CHECK(jc_status(end_october.plan) == model::Lifecycle::shadow);
  CHECK(end_october.applied == std::vector<std::string>{"m-shadow"});
  const auto april = plan_at(plan, {day(2018, 4, 1), ""});
  CHECK(jc_status(april.plan) == model::Lifecycle::established);
  CHECK(april.applied == std::vector<std::string>{"m-shadow", "m-live"});
  CHECK(plan_at(plan, {std::nullopt, ""}).applied.size() == 2);
}

TEST_CASE("an option's undated steps apply first, dated ones in date order after the plan's own") {
  const model::Plan plan = fixtures::load(fixtures::small_system);
  const auto before = plan_at(plan, {day(2017, 1, 1), "merge"});
  CHECK(before.applied == std::vector<std::string>{"merge-now"});
  CHECK(before.plan.organisations.back().id == "ccg-ab");
  CHECK(before.plan.organisations[0].status == model::Lifecycle::established);
  const auto after = plan_at(plan, {day(2018, 4, 1), "merge"});
  CHECK(after.applied == std::vector<std::string>{"merge-now", "m-shadow", "m-live", "merge-done"});
  CHECK(after.plan.organisations[0].status == model::Lifecycle::merged);
  CHECK(after.plan.organisations[0].successor == "ccg-ab");
  CHECK(after.problems.list.empty());
}

TEST_CASE("a change that no longer applies is skipped with a clear message, never a crash") {
  model::Plan plan = fixtures::load(fixtures::small_system);
  // A later milestone refers to something an earlier one removed.
  plan.milestones[0].changes.push_back(model::remove_command("jc-reports"));
  plan.milestones[1].changes.push_back(model::set_command("jc-reports", "label", "gone"));
  const auto result = plan_at(plan, {std::nullopt, ""});
  REQUIRE(result.problems.list.size() == 1);
  CHECK(result.problems.list[0].path == "/milestones/1/changes/1");
  CHECK(result.problems.list[0].message ==
        "a change in \"Committee established\" (change the label of \"jc-reports\") no longer applies and was skipped: "
        "nothing in the plan has the id \"jc-reports\"");
  CHECK(jc_status(result.plan) == model::Lifecycle::established);  // the rest still applied
  CHECK(plan_at(plan, {std::nullopt, "no-such-option"}).problems.list[0].message ==
        "the plan has no option with the id \"no-such-option\"");
}

namespace {

// What check_all_changes found before it shared one copy of the plan: a
// fresh copy per option (plan_at), each problem once.
std::vector<std::string> fresh_copy_per_option(const model::Plan& plan) {
  std::vector<std::string> found;
  std::set<std::string> seen;
  std::vector<std::string> options = {""};
  for (const model::Option& option : plan.options) {
    if (!option.steps.empty()) options.push_back(option.id);
  }
  for (const std::string& option : options) {
    for (const model::Problem& problem : plan_at(plan, {std::nullopt, option}).problems.list) {
      if (seen.insert(problem.path).second) found.push_back(model::format_problem(problem));
    }
  }
  return found;
}

std::vector<std::string> formatted(const model::Problems& problems) {
  std::vector<std::string> lines;
  for (const model::Problem& problem : problems.list) lines.push_back(model::format_problem(problem));
  return lines;
}

}  // namespace

TEST_CASE("the changes of every option are checked on one copy of the plan, each option's undone before the next") {
  model::Plan plan = fixtures::load(fixtures::small_system);
  auto step = [](std::string id, std::vector<model::Command> changes) {
    model::Milestone milestone;
    milestone.id = std::move(id);
    milestone.label = milestone.id;
    milestone.changes = std::move(changes);
    return milestone;
  };
  model::Option remove_then_add;
  remove_then_add.id = "remove";
  remove_then_add.title = "Remove and add";
  // Removes what the plan's own milestones set (they then fail), and adds a unit.
  remove_then_add.steps.push_back(step("r1", {model::remove_command("jc-reports"), model::remove_command("a-delegates"),
                                             model::remove_command("jc"),
                                             model::add_command("units", {{"id", "gp-4"}, {"name", "Four"}, {"layer", "practice"}, {"parent", "pcn-2"}})}));
  model::Option add_again;
  add_again.id = "again";
  add_again.title = "Add the same unit";
  // Applies only if the first option's unit and removals were undone.
  add_again.steps.push_back(step("a1", {model::add_command("units", {{"id", "gp-4"}, {"name", "Four"}, {"layer", "practice"}, {"parent", "pcn-1"}}),
                                        model::set_command("jc", "name", "Still here"), model::set_command("gp-4", "parent", "pcn-2")}));
  plan.options.push_back(remove_then_add);
  plan.options.push_back(add_again);
  const std::string before = io::save_plan(plan);

  const std::vector<std::string> found = formatted(analysis::check_all_changes(plan));
  CHECK(found == fresh_copy_per_option(plan));
  REQUIRE(found.size() == 2);  // the plan's two milestones, under the first new option only
  CHECK(found[0].find("/milestones/0/changes/0") == 0);
  CHECK(io::save_plan(plan) == before);

  // On the plan itself: the same problems, and the plan as it was, byte for byte.
  CHECK(formatted(analysis::check_all_changes_in_place(plan)) == found);
  CHECK(io::save_plan(plan) == before);
  // The same again with the index validation built, as an open passes it on.
  std::optional<model::PlanIndex> index;
  CHECK(model::validate_plan(plan, &index).list.empty());
  REQUIRE(index);
  CHECK(formatted(analysis::check_all_changes_in_place(plan, &*index)) == found);
  CHECK(io::save_plan(plan) == before);
}

TEST_CASE("changes checked on the plan itself may remove and add the milestones and options they are read from") {
  model::Plan plan = fixtures::load(fixtures::small_system);
  REQUIRE(plan.milestones.size() == 2);
  model::Milestone step;
  step.id = "s1";
  step.label = "Rewrites the timeline";
  step.changes = {model::remove_command(plan.milestones[0].id), model::remove_command("keep"),
                  model::add_command("milestones", {{"id", "m-new"}, {"label", "New milestone"}, {"date", "2030-01-01"}}),
                  model::add_command("options", {{"id", "added"}, {"title", "Added"}}),
                  model::set_command("jc", "name", "Renamed")};
  for (int i = 0; i < 40; ++i) {  // enough options for the list to move in memory as it changes
    model::Option option;
    option.id = i == 0 ? "rewrite" : "keep-" + std::to_string(i);
    option.title = option.id;
    if (i == 0) option.steps.push_back(step);
    plan.options.push_back(option);
  }
  model::Option keep;
  keep.id = "keep";
  keep.title = "Keep";
  plan.options.push_back(keep);
  const std::string before = io::save_plan(plan);
  const std::vector<std::string> copied = formatted(analysis::check_all_changes(plan));
  CHECK(copied.empty());  // every change applies
  CHECK(formatted(analysis::check_all_changes_in_place(plan)) == copied);
  CHECK(io::save_plan(plan) == before);
}

TEST_CASE("plan warnings: bands, practices in no PCN, changes that do not apply") {
  model::Plan plan = fixtures::load(fixtures::small_system);
  plan.units.push_back({});
  plan.units.back().id = "gp-orphan";
  plan.units.back().name = "Orphan Practice";
  plan.units.back().parent = "place";
  plan.milestones[1].changes.push_back(model::remove_command("ghost"));
  std::vector<std::string> lines;
  for (const auto& problem : analysis::plan_warnings(plan).list) {
    CHECK(problem.severity == model::Severity::warning);
    lines.push_back(model::format_problem(problem));
  }
  CHECK(fixtures::mentions(lines, "/units/5: warning: \"Practice Two\" has a population of 25,000, above the GP practice band of 1,000\xE2\x80\x93" "10,000"));
  CHECK_FALSE(fixtures::mentions(lines, "\"PCN One\""));  // 33,000 from its practices: inside its band
  CHECK(fixtures::mentions(lines, "/units/7: warning: \"Orphan Practice\" is a GP practice in no Primary Care Network"));
  CHECK(fixtures::mentions(lines, "/milestones/1/changes/1: warning: a change in"));
}

TEST_CASE("roll-ups sum children, use a unit's own figure when it has one, and check bands") {
  const model::Plan plan = fixtures::load(fixtures::small_system);
  const auto populations = analysis::population_rollup(plan);
  CHECK(populations[2].rollup == 33000);   // PCN One = 8,000 + 25,000
  CHECK(populations[2].band == analysis::BandStatus::inside);
  CHECK_FALSE(populations[3].rollup);      // PCN Two's only practice has no figure
  CHECK(populations[3].band == analysis::BandStatus::no_population);
  CHECK(populations[1].own == 150000);
  CHECK(populations[1].rollup == 33000);   // the place's own figure stands; its roll-up is shown beside it
  CHECK(populations[0].rollup == 150000);  // the system sums the place's own figure
  CHECK(populations[5].band == analysis::BandStatus::above);
  CHECK(analysis::format_count(1234567) == "1,234,567");
  CHECK(analysis::format_count(-1000) == "-1,000");
  CHECK(analysis::format_count(999) == "999");
}
