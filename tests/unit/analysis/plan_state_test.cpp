// States of a plan (an option and a date) and the differences between two.
#include <doctest/doctest.h>

#include <algorithm>

#include "analysis/appraisal.hpp"
#include "analysis/decision_rights.hpp"
#include "analysis/plan_diff.hpp"
#include "analysis/plan_state.hpp"
#include "analysis/running_costs.hpp"
#include "io/plan_file.hpp"
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

TEST_CASE("running costs: each option's total after every change, its computed saving beside the one its paper claims") {
  const model::Plan plan = example("herefordshire-worcestershire-2019");
  const analysis::CostAppraisal costs = analysis::appraise_costs(plan);
  REQUIRE(costs.any_figures);
  CHECK(costs.without_option.total == 10000000);  // the four CCGs' illustrative figures
  CHECK(costs.without_option.priced == 4);
  CHECK_FALSE(costs.without_option.certain);
  REQUIRE(costs.options.size() == 3);
  const analysis::OptionCost& merge = costs.options[0];
  CHECK(merge.option == "merge-2020");
  CHECK(merge.cost.total == 8000000);  // the single CCG; the merged four no longer count
  CHECK(merge.saving == 2000000);
  CHECK(*merge.saving_percent == doctest::Approx(20.0));
  REQUIRE(merge.claimed);
  CHECK(merge.gap.empty());  // the claim and the figures agree
  CHECK(costs.options[2].saving == 0);  // no merger
  // A claim the figures do not bear out is pointed out, in words.
  model::Plan cheaper = plan;
  cheaper.options[0].saving->amount = 3000000;
  const analysis::CostAppraisal changed = analysis::appraise_costs(cheaper);
  CHECK(changed.options[0].gap == "Its paper claims a saving of \xC2\xA3" "3.0m; the running costs in the plan give \xC2\xA3" "2.0m, \xC2\xA3" "1.0m less.");
  // NCL's paper gives no figures: nothing is computed.
  CHECK_FALSE(analysis::appraise_costs(example("ncl-collaboration-2015")).any_figures);
  CHECK(analysis::pounds(850000) == "\xC2\xA3" "850,000");
}

TEST_CASE("a plan is saved as format 1.0 unless it uses a field of 1.1") {
  CHECK(io::version_needed(example("syb-acs-mou-2017")) == "1.0");
  CHECK(io::save_plan(example("syb-acs-mou-2017")).find("\"schemaVersion\": \"1.0\"") != std::string::npos);
  model::Plan hw = example("herefordshire-worcestershire-2019");
  CHECK(io::version_needed(hw) == "1.1");  // running costs, illustrative scores
  for (model::Organisation& o : hw.organisations) o.running_cost.reset();
  for (model::Option& option : hw.options) {
    for (model::Score& score : option.scores) score.certainty = model::Certainty::stated;
  }
  CHECK(io::version_needed(hw) == "1.1");  // the single CCG its options add has a running cost
  for (model::Option& option : hw.options) option.steps.clear();
  CHECK(io::version_needed(hw) == "1.0");
  model::Plan ncl = example("ncl-collaboration-2015");
  CHECK(io::version_needed(ncl) == "1.1");  // its scores are illustrative: its paper gives none
  const std::string text = io::save_plan(ncl);
  CHECK(text.find("\"certainty\": \"illustrative\"") != std::string::npos);
  CHECK(io::load_plan(text).problems.list.empty());  // 1.1 is read without a warning
  for (model::Option& option : ncl.options) {
    for (model::Score& score : option.scores) score.certainty = model::Certainty::stated;
  }
  CHECK(io::version_needed(ncl) == "1.0");
}

TEST_CASE("the appraisal: a score typed in changes its option's scores, a new one marked assumed") {
  model::Plan plan = example("herefordshire-worcestershire-2019");
  const auto changed = analysis::set_score(plan, "merge-2021", "running-cost-saving", 3.0);
  REQUIRE(changed);
  REQUIRE(model::apply_command(plan, *changed).ok);
  const analysis::Appraisal after = analysis::appraise(plan);
  CHECK(*after.options[1].scores[0] == 3.0);
  CHECK(after.options[1].certainties[0] == model::Certainty::illustrative);  // the example's own mark is kept
  const auto added = analysis::set_score(plan, "no-merger", "short-disruption", 4.0);
  REQUIRE(added);
  REQUIRE(model::apply_command(plan, *added).ok);
  const analysis::Appraisal more = analysis::appraise(plan);
  CHECK(*more.options[2].scores[1] == 4.0);
  CHECK(more.options[2].certainties[1] == model::Certainty::assumed);
  CHECK(more.options[2].total == doctest::Approx(4.0));
  CHECK_FALSE(analysis::set_score(plan, "nope", "short-disruption", 1.0));
}

TEST_CASE("a milestone's changes in plain English, naming things as the plan has them") {
  const model::Plan plan = example("herefordshire-worcestershire-2019");
  analysis::PlanState end;
  end.when = analysis::PlanState::When::end;
  end.option = "merge-2020";
  const model::Plan names = analysis::plan_union(plan, analysis::plan_in_state(plan, end).plan);
  std::vector<std::string> sentences;
  for (const model::Command& change : plan.options[0].steps[1].changes) {
    for (const std::string& s : analysis::describe_change(names, change)) sentences.push_back(s);
  }
  const auto has = [&](const std::string& s) { return std::find(sentences.begin(), sentences.end(), s) != sentences.end(); };
  CHECK(has("NHS Herefordshire and Worcestershire Clinical Commissioning Group (organisation) is added."));
  CHECK(has("NHS Herefordshire Clinical Commissioning Group: its status becomes merged."));
  CHECK(has("NHS Herefordshire Clinical Commissioning Group: its successor becomes NHS Herefordshire and Worcestershire Clinical Commissioning Group."));
  CHECK(has("New: NHS England assures NHS Herefordshire and Worcestershire Clinical Commissioning Group."));
  for (const std::string& s : sentences) CHECK(s.find("\"") == std::string::npos);  // names, not quoted ids
}
