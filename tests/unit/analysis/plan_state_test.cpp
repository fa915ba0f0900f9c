// States of a plan (an option and a date) and the differences between two.
#include <doctest/doctest.h>

#include <algorithm>

#include "analysis/decision_rights.hpp"
#include "analysis/plan_diff.hpp"
#include "analysis/plan_state.hpp"
#include "plan_fixtures.hpp"

namespace {

using fixtures::example;

analysis::PlanState state(const std::string& option, const std::string& date) {
  analysis::StateDateParse parsed = analysis::parse_state_date(date);
  REQUIRE(parsed.state);
  parsed.state->option = option;
  return *parsed.state;
}

bool has_organisation(const model::Plan& plan, const std::string& id) {
  return std::any_of(plan.organisations.begin(), plan.organisations.end(), [&](const model::Organisation& o) { return o.id == id; });
}

}  // namespace

TEST_CASE("a state's date: as written, end, or any plan date at its effective day; anything else is refused with advice") {
  CHECK(analysis::parse_state_date("").state->when == analysis::PlanState::When::as_written);
  CHECK(analysis::parse_state_date(" END ").state->when == analysis::PlanState::When::end);
  const auto by = analysis::parse_state_date("by 2020-03");
  REQUIRE(by.state);
  CHECK(by.state->when == analysis::PlanState::When::on);
  CHECK(analysis::format_state_date(*by.state) == "by 2020-03");
  const auto bad = analysis::parse_state_date("2020-13-01");
  CHECK_FALSE(bad.state);
  CHECK(bad.error.find("months run from 01 to 12") != std::string::npos);
  CHECK(bad.error.find("'end'") != std::string::npos);
  CHECK_FALSE(analysis::parse_state_date("tomorrow").state);
}

TEST_CASE("H&W: the merger of April 2020 happens under its option on its date, not before and not in the plan as written") {
  const model::Plan plan = example("herefordshire-worcestershire-2019");
  CHECK(analysis::check_state(plan, state("merge-2020", "")).empty());
  CHECK(analysis::check_state(plan, state("merge-2022", "")).find("its options are: merge-2020, merge-2021, no-merger") != std::string::npos);
  CHECK_FALSE(has_organisation(analysis::plan_in_state(plan, state("merge-2020", "")).plan, "hw-ccg"));  // as written: undated steps only
  CHECK_FALSE(has_organisation(analysis::plan_in_state(plan, state("merge-2020", "2020-03-31")).plan, "hw-ccg"));
  CHECK(has_organisation(analysis::plan_in_state(plan, state("merge-2020", "2020-04-01")).plan, "hw-ccg"));
  CHECK(has_organisation(analysis::plan_in_state(plan, state("merge-2020", "end")).plan, "hw-ccg"));
  CHECK_FALSE(has_organisation(analysis::plan_in_state(plan, state("merge-2021", "2020-04-01")).plan, "hw-ccg"));
  CHECK(has_organisation(analysis::plan_in_state(plan, state("merge-2021", "2021-04")).plan, "hw-ccg"));
  CHECK_FALSE(has_organisation(analysis::plan_in_state(plan, state("", "end")).plan, "hw-ccg"));  // no option: no merger
  CHECK(analysis::describe_state(plan, state("merge-2020", "2020-04")) ==
        "Option \"A single CCG for Herefordshire and Worcestershire by April 2020\", April 2020");
  CHECK(analysis::describe_state(plan, state("", "")) == "The plan as written");
}

TEST_CASE("decision rights follow the state: after April 2020 under the 2020 merger, the single CCG holds Herefordshire's duties") {
  const model::Plan plan = example("herefordshire-worcestershire-2019");
  const auto before = analysis::trace_decision(plan, "ccg-duties", "herefordshire");
  REQUIRE(before.holders.size() == 1);
  CHECK(before.holders.front() == "herefordshire-ccg");
  const model::Plan merged = analysis::plan_in_state(plan, state("merge-2020", "2020-04")).plan;
  const auto after = analysis::trace_decision(merged, "ccg-duties", "herefordshire");
  REQUIRE(after.holders.size() == 1);
  CHECK(after.holders.front() == "hw-ccg");
  CHECK(after.sentence.find("Herefordshire and Worcestershire CCG") != std::string::npos);
}

TEST_CASE("differences between two states, each in plain English: added, removed, and changed field by field") {
  const model::Plan plan = example("herefordshire-worcestershire-2019");
  const model::Plan before = analysis::plan_in_state(plan, state("merge-2020", "2020-03")).plan;
  const model::Plan after = analysis::plan_in_state(plan, state("merge-2020", "2020-04")).plan;
  const std::vector<analysis::Difference> differences = analysis::plan_differences(before, after);
  const auto find = [&](const std::string& kind, const std::string& id, const std::string& field = "") {
    return std::find_if(differences.begin(), differences.end(),
                        [&](const analysis::Difference& d) { return d.kind == kind && d.id == id && d.field == field; });
  };
  const auto added = find("added", "hw-ccg");
  REQUIRE(added != differences.end());
  CHECK(added->sentence == "NHS Herefordshire and Worcestershire Clinical Commissioning Group (organisation) is added.");
  const auto status = find("changed", "herefordshire-ccg", "status");
  REQUIRE(status != differences.end());
  CHECK(status->sentence == "NHS Herefordshire Clinical Commissioning Group: its status becomes merged.");
  // A list that changed says what it gained and lost, by name.
  const auto members = std::find_if(differences.begin(), differences.end(), [](const analysis::Difference& d) { return d.field == "members"; });
  REQUIRE(members != differences.end());
  CHECK(members->sentence.find("NHS Herefordshire and Worcestershire Clinical Commissioning Group added; NHS Herefordshire Clinical Commissioning Group removed") !=
        std::string::npos);
  // Flows begin and end, in words.
  CHECK(std::any_of(differences.begin(), differences.end(), [](const analysis::Difference& d) {
    return d.kind == "added" && d.sentence == "New: NHS England assures NHS Herefordshire and Worcestershire Clinical Commissioning Group.";
  }));
  CHECK(std::any_of(differences.begin(), differences.end(), [](const analysis::Difference& d) {
    return d.kind == "removed" && d.sentence == "Ends: NHS England assures NHS Wyre Forest Clinical Commissioning Group.";
  }));
  // Nothing differs between a state and itself; the reverse swaps added and removed.
  CHECK(analysis::plan_differences(after, after).empty());
  const auto reverse = analysis::plan_differences(after, before);
  CHECK(std::count_if(reverse.begin(), reverse.end(), [](const auto& d) { return d.kind == "removed"; }) ==
        std::count_if(differences.begin(), differences.end(), [](const auto& d) { return d.kind == "added"; }));
}

TEST_CASE("NCL: an option of undated steps shows at once, as written") {
  const model::Plan plan = example("ncl-collaboration-2015");
  REQUIRE(plan.options.size() >= 2);
  for (const model::Option& option : plan.options) {
    const bool dated = std::any_of(option.steps.begin(), option.steps.end(), [](const model::Milestone& s) { return s.date.has_value(); });
    CHECK_FALSE(dated);
  }
  const std::string& option = plan.options[1].id;
  const auto differences = analysis::plan_differences(plan, analysis::plan_in_state(plan, state(option, "")).plan);
  CHECK_FALSE(differences.empty());
  CHECK(analysis::plan_differences(analysis::plan_in_state(plan, state(option, "")).plan, analysis::plan_in_state(plan, state(option, "end")).plan)
            .empty());
}
