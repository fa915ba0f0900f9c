#pragma once
// Small plans for unit tests, written as the JSON a person would write.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "io/plan_file.hpp"
#include "model/command.hpp"
#include "model/plan_index.hpp"
#include "model/problems.hpp"

namespace fixtures {

// Loads JSON text that the test expects to be valid.
inline model::Plan load(const std::string& text) {
  io::LoadResult result = io::load_plan(text);
  for (const model::Problem& problem : result.problems.list) {
    if (problem.severity == model::Severity::error) FAIL_CHECK(model::format_problem(problem));
  }
  REQUIRE(result.plan.has_value());
  return *result.plan;
}

// The text of one of the example plans in assets/examples, by name.
inline std::string example_text(const std::string& name) {
  std::ifstream in(std::string(PLANNER_SOURCE_DIR) + "/assets/examples/" + name + ".json");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// One of the example plans, loaded.
inline model::Plan example(const std::string& name) { return load(example_text(name)); }

// The problems found in text: "PATH: message" lines, errors and warnings.
inline std::vector<std::string> problems(const std::string& text) {
  std::vector<std::string> lines;
  for (const model::Problem& problem : io::load_plan(text).problems.list) lines.push_back(model::format_problem(problem));
  return lines;
}

inline bool mentions(const std::vector<std::string>& lines, const std::string& part) {
  for (const std::string& line : lines) {
    if (line.find(part) != std::string::npos) return true;
  }
  return false;
}

// Applies every change of the plan's milestones and options, as listed,
// then undoes those that applied (model::undo_command, in reverse): the
// plan and its index must be back as they were.
inline void check_undone_after_every_change(const model::Plan& original) {
  model::Plan plan = original;
  model::PlanIndex index(plan);
  std::vector<model::Command> inverses;
  auto run = [&](const std::vector<model::Milestone>& steps) {
    for (const model::Milestone& step : steps) {
      for (const model::Command& change : step.changes) {
        model::ApplyResult applied = model::apply_command(plan, index, change);
        if (applied.ok) inverses.push_back(std::move(applied.inverse));
      }
    }
  };
  run(original.milestones);
  for (const model::Option& option : original.options) run(option.steps);
  REQUIRE(!inverses.empty());
  const std::string saved = io::save_plan(original);
  CHECK(io::save_plan(plan) != saved);
  for (auto undo = inverses.rbegin(); undo != inverses.rend(); ++undo) model::undo_command(plan, index, *undo);
  CHECK(io::save_plan(plan) == saved);
  for (std::size_t i = 0; i < plan.units.size(); ++i) {
    const model::Location* found = index.find(plan.units[i].id);
    REQUIRE(found);
    CHECK(found->index == i);
  }
  for (std::size_t i = 0; i < plan.flows.size(); ++i) {
    const model::Location* found = index.find(plan.flows[i].id);
    REQUIRE(found);
    CHECK(found->index == i);
  }
}

// A small system: a place with two PCNs, practices, two CCGs, NHS England,
// a joint committee with a delegation, and a function.
inline const char* small_system = R"({
  "schemaVersion": "1.0",
  "name": "Small system",
  "units": [
    {"id": "sys", "name": "The System", "layer": "system"},
    {"id": "place", "name": "The Place", "layer": "place", "parent": "sys", "registeredPopulation": 150000},
    {"id": "pcn-1", "name": "PCN One", "layer": "pcn", "parent": "place"},
    {"id": "pcn-2", "name": "PCN Two", "layer": "pcn", "parent": "place"},
    {"id": "gp-1", "name": "Practice One", "layer": "practice", "parent": "pcn-1", "registeredPopulation": 8000},
    {"id": "gp-2", "name": "Practice Two", "layer": "practice", "parent": "pcn-1", "registeredPopulation": 25000},
    {"id": "gp-3", "name": "Practice Three", "layer": "practice", "parent": "pcn-2"}
  ],
  "organisations": [
    {"id": "ccg-a", "name": "CCG A", "kind": "ccg", "statutory": true, "area": ["place"]},
    {"id": "ccg-b", "name": "CCG B", "kind": "ccg", "statutory": true},
    {"id": "nhse", "name": "NHS England", "kind": "nhs-england", "statutory": true}
  ],
  "bodies": [
    {"id": "jc", "name": "Joint Committee", "kind": "joint-committee", "hosts": ["ccg-a", "ccg-b"],
     "members": [{"organisation": "ccg-a"}, {"organisation": "ccg-b"}],
     "voting": {"method": "majority", "voters": "CCG representatives", "certainty": "assumed"}}
  ],
  "functions": [{"id": "stroke", "name": "Review of hyper-acute stroke services", "level": "system"}],
  "flows": [
    {"id": "a-holds", "kind": "holds", "from": "ccg-a", "functions": ["stroke"]},
    {"id": "a-delegates", "kind": "delegates", "from": "ccg-a", "to": "jc", "functions": ["stroke"]},
    {"id": "jc-reports", "kind": "reports-to", "from": "jc", "to": "ccg-a"}
  ],
  "milestones": [
    {"id": "m-shadow", "date": "by 2017-10", "label": "Committee in shadow form",
     "changes": [{"op": "set", "id": "jc", "field": "status", "value": "shadow"}]},
    {"id": "m-live", "date": "2018-04-01", "label": "Committee established",
     "changes": [{"op": "set", "id": "jc", "field": "status", "value": "established"}]}
  ],
  "options": [
    {"id": "merge", "title": "Merge the CCGs", "steps": [
      {"id": "merge-now", "label": "Agree to merge", "changes": [
        {"op": "add", "collection": "organisations", "value": {"id": "ccg-ab", "name": "CCG AB", "kind": "ccg"}}]},
      {"id": "merge-done", "date": "2018-04-01", "label": "Merged", "changes": [
        {"op": "set", "id": "ccg-a", "field": "status", "value": "merged"},
        {"op": "set", "id": "ccg-a", "field": "successor", "value": "ccg-ab"}]}
    ]}
  ]
})";

}  // namespace fixtures
