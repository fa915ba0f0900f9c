#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "analysis/decision_rights.hpp"
#include "analysis/governance_checks.hpp"
#include "plan_fixtures.hpp"

namespace {

using fixtures::example;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A holder, its governing body, and bodies to delegate through; each test adds its own flows.
std::string plan_with(const std::string& bodies, const std::string& flows) {
  return R"({"schemaVersion": "1.0", "name": "Delegations",
    "units": [{"id": "place", "name": "The Place", "layer": "place"}, {"id": "other", "name": "Elsewhere", "layer": "place"}],
    "organisations": [{"id": "ccg", "name": "CCG A", "kind": "ccg", "area": ["place"]},
                      {"id": "ccg-b", "name": "CCG B", "kind": "ccg", "area": ["other"]}],
    "functions": [{"id": "f", "name": "Reviewing stroke services"}],
    "bodies": [{"id": "gb", "name": "CCG A Governing Body", "kind": "governing-body", "hosts": ["ccg"]})" +
         bodies + R"(],
    "flows": [{"id": "holds", "kind": "holds", "from": "ccg", "functions": ["f"]})" + flows + "]}";
}

}  // namespace

TEST_CASE("decision rights: the stroke review in SYB 2017 is decided by the joint committee, for seven CCGs") {
  const model::Plan plan = example("syb-acs-mou-2017");
  const analysis::DecisionRoute route = analysis::trace_decision(plan, "hasu-review");
  CHECK(route.decided());
  CHECK(route.deciders == std::vector<std::string>{"jc-ccgs"});
  CHECK(route.holders.size() == 7);
  CHECK(route.steps.size() == 7);
  CHECK(route.kept_by.empty());
  MESSAGE(route.sentence);
  CHECK(route.sentence.rfind("Reviewing hyper-acute stroke services is decided by the Joint Committee of CCGs (majority vote of its CCG members \xE2\x80\x94 assumed: the MoU does not state", 0) == 0);
  CHECK(has(route.sentence, "The CCG Governing Bodies of Barnsley, Bassetlaw, Doncaster, Rotherham, Sheffield, North Derbyshire and Wakefield delegated it; each keeps every other function it holds."));

  // For one place: only its CCG's route.
  const analysis::DecisionRoute barnsley = analysis::trace_decision(plan, "hasu-review", "barnsley");
  CHECK(barnsley.holders == std::vector<std::string>{"barnsley-ccg"});
  CHECK(barnsley.deciders == std::vector<std::string>{"jc-ccgs"});
  MESSAGE(barnsley.sentence);
  CHECK(has(barnsley.sentence, " for Barnsley is decided by the Joint Committee of CCGs"));
  CHECK(has(barnsley.sentence, "Barnsley CCG Governing Body delegated it, and keeps every other function it holds."));
}

TEST_CASE("decision rights: every function of every example traces to a decider or says nobody holds it") {
  for (const char* name : {"syb-working-together-2013", "ncl-collaboration-2015", "syb-acs-mou-2017", "nwl-collaboration-2018",
                           "herefordshire-worcestershire-2019"}) {
    CAPTURE(name);
    const model::Plan plan = example(name);
    for (const model::Function& function : plan.functions) {
      const analysis::DecisionRoute route = analysis::trace_decision(plan, function.id);
      CHECK_FALSE(route.sentence.empty());
      if (route.holders.empty()) CHECK(route.sentence.rfind("Nobody in the plan holds", 0) == 0);
      else CHECK(route.decided());
    }
  }
  const model::Plan hw = example("herefordshire-worcestershire-2019");
  const auto merge = analysis::match_functions(hw, "whether CCGs merge");
  REQUIRE(merge.size() == 1);
  const analysis::DecisionRoute route = analysis::trace_decision(hw, hw.functions[merge.front()].id);
  MESSAGE(route.sentence);
  CHECK(route.sentence == "Deciding whether CCGs merge is decided by NHS England, which holds it by statute and delegates none of it.");
}

TEST_CASE("decision rights: functions are found by id or by words of their name, in any case") {
  const model::Plan plan = example("syb-acs-mou-2017");
  CHECK(analysis::match_functions(plan, "hasu-review").size() == 1);
  CHECK(analysis::match_functions(plan, "STROKE").size() == 1);
  CHECK(analysis::match_functions(plan, "reviewing services").size() == 2);
  CHECK(analysis::match_functions(plan, "nothing like this").empty());
  CHECK(analysis::match_functions(plan, "").empty());
}

TEST_CASE("decision rights: a chain of delegations ends at the last body; what is not delegated stays with its holder") {
  const model::Plan plan = fixtures::load(plan_with(
      R"(, {"id": "a", "name": "Committee A", "kind": "committee"}, {"id": "b", "name": "Committee B", "kind": "committee"})",
      R"(, {"id": "d1", "kind": "delegates", "from": "gb", "to": "a", "functions": ["f"]},
           {"id": "d2", "kind": "delegates", "from": "a", "to": "b", "functions": ["f"], "certainty": "illustrative"})"));
  const analysis::DecisionRoute route = analysis::trace_decision(plan, "f");
  CHECK(route.deciders == std::vector<std::string>{"b"});
  REQUIRE(route.steps.size() == 2);
  CHECK(route.steps[0].from == "gb");
  CHECK(route.steps[1].to == "b");
  CHECK(has(route.sentence, "is decided by the Committee B."));
  CHECK(has(route.sentence, "Committee A delegated it"));
  CHECK(has(route.sentence, "not state all of these delegations as fact: Committee A (illustrative)"));

  // Nothing delegated: the holder decides.
  const model::Plan kept = fixtures::load(plan_with("", ""));
  const analysis::DecisionRoute alone = analysis::trace_decision(kept, "f");
  CHECK(alone.deciders == std::vector<std::string>{"ccg"});
  CHECK(alone.kept_by == std::vector<std::string>{"ccg"});
  CHECK(alone.sentence == "Reviewing stroke services is decided by CCG A, which holds it by statute and delegates none of it.");
  // For a unit outside its area, nobody holds it there.
  CHECK_FALSE(analysis::trace_decision(kept, "f", "other").decided());
  CHECK(analysis::trace_decision(kept, "f", "other").sentence.rfind("Nobody in the plan holds \"Reviewing stroke services\" for Elsewhere", 0) == 0);
}

TEST_CASE("decision rights: delegations in a loop decide nothing, and say so") {
  const model::Plan plan = fixtures::load(plan_with(
      R"(, {"id": "a", "name": "Committee A", "kind": "committee"})",
      R"(, {"id": "d1", "kind": "delegates", "from": "gb", "to": "a", "functions": ["f"]},
           {"id": "d2", "kind": "delegates", "from": "a", "to": "ccg", "functions": ["f"]})"));
  const analysis::DecisionRoute route = analysis::trace_decision(plan, "f");
  CHECK_FALSE(route.decided());
  CHECK_FALSE(route.loop.empty());
  CHECK(has(route.sentence, "delegated round in a loop"));
}

TEST_CASE("decision rights: a body that was replaced hands its decisions to its successor") {
  const model::Plan plan = fixtures::load(plan_with(
      R"(, {"id": "old", "name": "Old Committee", "kind": "committee", "status": "dissolved", "successor": "new"},
           {"id": "new", "name": "New Committee", "kind": "joint-committee", "members": [{"organisation": "ccg"}, {"organisation": "ccg-b"}]})",
      R"(, {"id": "d1", "kind": "delegates", "from": "gb", "to": "old", "functions": ["f"]})"));
  const analysis::DecisionRoute route = analysis::trace_decision(plan, "f");
  CHECK(route.deciders == std::vector<std::string>{"new"});
  CHECK(has(route.sentence, "decided by the New Committee (its voting rule is not recorded in the plan), which replaced Old Committee."));
}

TEST_CASE("decision rights: what a body decides and for whom; what an organisation delegated and kept") {
  const model::Plan plan = example("syb-acs-mou-2017");
  const std::string jc = analysis::decision_rights_of(plan, "jc-ccgs");
  MESSAGE(jc);
  CHECK(has(jc, "The Joint Committee of CCGs decides reviewing children's surgery and anaesthesia services and reviewing hyper-acute stroke services for the CCG Governing Bodies of Barnsley"));
  CHECK(has(jc, "It decides by majority vote of its CCG members"));
  const std::string ccg = analysis::decision_rights_of(plan, "barnsley-ccg");
  MESSAGE(ccg);
  CHECK(has(ccg, "holds 3 functions."));
  CHECK(has(ccg, "It delegated reviewing children's surgery and anaesthesia services to the Joint Committee of CCGs (through its governing body)"));
  CHECK(has(ccg, "It keeps commissioning local health services."));
  CHECK(analysis::decision_rights_of(plan, "no-such-id").empty());
}

TEST_CASE("governance checks: each problem found, said plainly, with the path of what it is about") {
  const model::Plan plan = fixtures::load(R"({"schemaVersion": "1.0", "name": "Checks",
    "organisations": [{"id": "ccg", "name": "CCG A", "kind": "ccg"}, {"id": "lonely", "name": "Lonely Trust", "kind": "acute-trust"}],
    "functions": [{"id": "f", "name": "Reviewing stroke services"}, {"id": "g", "name": "Nobody's function"}],
    "bodies": [{"id": "gb", "name": "Governing Body", "kind": "governing-body", "hosts": ["ccg"]},
               {"id": "x", "name": "Group X", "kind": "committee"},
               {"id": "y", "name": "Group Y", "kind": "committee"},
               {"id": "jc", "name": "Joint Committee", "kind": "joint-committee", "members": [{"organisation": "ccg"}]},
               {"id": "gone", "name": "Old Board", "kind": "committee", "status": "dissolved"},
               {"id": "adrift", "name": "Adrift Group", "kind": "working-group"}],
    "flows": [{"id": "holds", "kind": "holds", "from": "ccg", "functions": ["f"]},
              {"id": "bad", "kind": "delegates", "from": "x", "to": "jc", "functions": ["f"]},
              {"id": "loop-1", "kind": "reports-to", "from": "x", "to": "y"},
              {"id": "loop-2", "kind": "reports-to", "from": "y", "to": "x"},
              {"id": "to-gone", "kind": "reports-to", "from": "jc", "to": "gone"}]})");
  const model::Problems checks = analysis::governance_checks(plan);
  const auto said = [&](const std::string& path, const std::string& part) {
    for (const model::Problem& p : checks.list) {
      if (p.path == path && p.message.find(part) != std::string::npos) return true;
    }
    return false;
  };
  for (const model::Problem& p : checks.list) MESSAGE(p.path << ": " << p.message);
  CHECK(said("/flows/1", "Group X delegates \"Reviewing stroke services\" to Joint Committee, but it does not hold that function"));
  CHECK(said("/bodies/1", "An accountability loop: Group X reports to Group Y reports to Group X."));
  CHECK(said("/bodies/5", "Adrift Group reports to no one"));
  CHECK(said("/bodies/3", "Joint Committee is a joint committee with 1 voting member"));
  CHECK(said("/bodies/3", "Joint Committee has no voting rule"));
  CHECK(said("/flows/4", "Old Board has been merged or dissolved"));
  CHECK(said("/organisations/1", "Lonely Trust sits on no board, committee or group"));
  CHECK(said("/functions/1", "Nobody holds \"Nobody's function\""));
  CHECK_FALSE(said("/bodies/0", "reports to no one"));  // a governing body answers for its organisation
  CHECK_FALSE(said("/organisations/0", "sits on no"));  // it hosts its governing body and sits on the joint committee
  CHECK(checks.list.size() == 8);
}
