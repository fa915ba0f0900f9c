// Every structural rule of a plan, each with a plan that breaks it.
#include <doctest/doctest.h>

#include "model/validate.hpp"
#include "plan_fixtures.hpp"

using fixtures::mentions;
using fixtures::problems;

namespace {
std::string plan_with(const std::string& fields) {
  return R"({"schemaVersion": "1.0", "name": "Test")" + std::string(fields.empty() ? "" : ", ") + fields + "}";
}
}  // namespace

TEST_CASE("the small fixture plan is valid") {
  const auto lines = problems(fixtures::small_system);
  for (const auto& line : lines) CHECK_MESSAGE(line.find("warning: ") != std::string::npos, line);
}

TEST_CASE("ids must be unique across the whole plan") {
  const auto lines = problems(plan_with(R"("units": [{"id": "x", "name": "A", "layer": "place"}],
      "organisations": [{"id": "x", "name": "B", "kind": "ccg"}])"));
  CHECK(mentions(lines, "/organisations/0/id: duplicate id \"x\": the unit at /units/0 has it too"));
}

TEST_CASE("ids follow the id rules") {
  CHECK(mentions(problems(plan_with(R"("units": [{"id": "has space", "name": "A", "layer": "place"}])")),
                 "/units/0/id: \"has space\" is not a valid id"));
  CHECK(mentions(problems(plan_with(R"("units": [{"id": "-dash", "name": "A", "layer": "place"}])")),
                 "is not a valid id"));
}

TEST_CASE("required fields are reported with where they are missing") {
  const auto lines = problems(plan_with(R"("units": [{"id": "u", "layer": "place"}])"));
  CHECK(mentions(lines, "/units/0: missing \"name\", which is required here"));
  CHECK(mentions(problems(R"({"schemaVersion": "1.0"})"), "missing \"name\""));
}

TEST_CASE("wrong types name the field and what it should be") {
  const auto lines = problems(plan_with(R"("units": [{"id": "u", "name": 5, "layer": "place", "registeredPopulation": "12k"}])"));
  CHECK(mentions(lines, "/units/0/name: must be text, not a number"));
  CHECK(mentions(lines, "/units/0/registeredPopulation: must be a whole number, not text"));
  CHECK(mentions(problems(plan_with(R"("units": [{"id": "u", "name": "U", "layer": "place", "registeredPopulation": -4}])")),
                 "must be 0 or more, not -4"));
  CHECK(mentions(problems(plan_with(R"("units": [{"id": "u", "name": "U", "layer": "place", "registeredPopulation": 1.5}])")),
                 "must be a whole number, not 1.5"));
  CHECK(mentions(problems(plan_with(R"("units": {"id": "u"})")), "/units: must be a list ([...]), not an object"));
}

TEST_CASE("enum values list what is allowed") {
  const auto lines = problems(plan_with(R"("organisations": [{"id": "o", "name": "O", "kind": "trust"}])"));
  CHECK(mentions(lines, "/organisations/0/kind: \"trust\" is not allowed here: use one of ccg, icb,"));
}

TEST_CASE("references must exist and be the right kind of thing") {
  const auto lines = problems(plan_with(R"("units": [{"id": "u", "name": "U", "layer": "place", "parent": "nowhere"}],
      "organisations": [{"id": "o", "name": "O", "kind": "ccg", "area": ["o"]}])"));
  CHECK(mentions(lines, "/units/0/parent: refers to \"nowhere\", but nothing in the plan has that id; it must be a unit"));
  CHECK(mentions(lines, "/organisations/0/area/0: refers to \"o\", which is the organisation at /organisations/0; it must be a unit"));
}

TEST_CASE("a unit's parent is a larger layer") {
  const auto lines = problems(plan_with(R"("units": [
      {"id": "p1", "name": "Practice 1", "layer": "practice"},
      {"id": "p2", "name": "Practice 2", "layer": "practice", "parent": "p1"}])"));
  CHECK(mentions(lines, "/units/1/parent: \"Practice 2\" is a GP practice, so its parent must be a larger layer"));
  CHECK(mentions(lines, "but \"Practice 1\" is a GP practice"));
}

TEST_CASE("a unit's parents never loop") {
  // Layers make most loops impossible; a unit that is its own parent is the one left.
  CHECK(mentions(problems(plan_with(R"("units": [{"id": "a", "name": "A", "layer": "place", "parent": "a"}])")),
                 "/units/0/parent: \"A\" is its own parent"));
}

TEST_CASE("flows connect what their kind allows") {
  const std::string base = R"("organisations": [{"id": "o", "name": "O", "kind": "ccg"}, {"id": "p", "name": "P", "kind": "ccg"}],
      "bodies": [{"id": "b", "name": "B", "kind": "board"}], "units": [{"id": "u", "name": "U", "layer": "place"}],
      "functions": [{"id": "f", "name": "F"}], "flows": )";
  CHECK(mentions(problems(plan_with(base + R"([{"id": "x", "kind": "delegates", "from": "o", "to": "b"}])")),
                 "/flows/0: a \"delegates\" flow must name at least one function"));
  CHECK(mentions(problems(plan_with(base + R"([{"id": "x", "kind": "holds", "from": "o", "to": "b", "functions": ["f"]}])")),
                 "/flows/0/to: a \"holds\" flow has no \"to\""));
  CHECK(mentions(problems(plan_with(base + R"([{"id": "x", "kind": "regulates", "from": "b", "to": "o"}])")),
                 "/flows/0/from: a \"regulates\" flow starts at an organisation, but \"b\" is the body at /bodies/0"));
  CHECK(mentions(problems(plan_with(base + R"([{"id": "x", "kind": "member-of", "from": "o", "to": "p"}])")),
                 "/flows/0/to: a \"member-of\" flow ends at a body"));
  CHECK(mentions(problems(plan_with(base + R"([{"id": "x", "kind": "reports-to", "from": "o"}])")),
                 "/flows/0: missing \"to\""));
  CHECK(mentions(problems(plan_with(base + R"([{"id": "x", "kind": "advises", "from": "o", "to": "o"}])")),
                 "cannot go from \"o\" to itself"));
  CHECK(mentions(problems(plan_with(base + R"([{"id": "x", "kind": "advises", "from": "u", "to": "o"}])")),
                 "/flows/0/from: refers to \"u\", which is the unit at /units/0"));
}

TEST_CASE("a member is an organisation or a post, and a voting lead is a member") {
  const auto lines = problems(plan_with(R"("organisations": [{"id": "o", "name": "O", "kind": "ccg"}],
      "posts": [{"id": "ao", "title": "AO", "role": "accountable-officer"}],
      "bodies": [{"id": "b", "name": "B", "kind": "joint-committee",
        "members": [{"organisation": "o", "post": "ao"}, {"role": "nobody"}],
        "voting": {"method": "lead-decides", "lead": "ao"}}])"));
  CHECK(mentions(lines, "/bodies/0/members/0: a member is either an organisation or a post"));
  CHECK(mentions(lines, "/bodies/0/members/1: a member is either an organisation or a post"));
  const auto lead = problems(plan_with(R"("organisations": [{"id": "o", "name": "O", "kind": "ccg"}, {"id": "p", "name": "P", "kind": "ccg"}],
      "bodies": [{"id": "b", "name": "B", "kind": "board", "members": [{"organisation": "o"}],
        "voting": {"method": "lead-decides", "lead": "p"}}])"));
  CHECK(mentions(lead, "/bodies/0/voting/lead: the lead \"p\" is not one of the body's members"));
}

TEST_CASE("the plan's milestones are dated; option steps may not be") {
  CHECK(mentions(problems(plan_with(R"("milestones": [{"id": "m", "label": "Soon"}])")),
                 "/milestones/0: missing \"date\""));
  CHECK_FALSE(mentions(problems(plan_with(R"("options": [{"id": "o", "title": "O", "steps": [{"id": "s", "label": "Now"}]}])")),
                       "missing \"date\""));
}

TEST_CASE("dates are checked with the date's own message") {
  CHECK(mentions(problems(plan_with(R"("asOf": "Mar 18")")), "/asOf: \"Mar 18\" is not a date the planner understands"));
  CHECK(mentions(problems(plan_with(R"("asOf": 2018)")), "/asOf: must be a date written as text"));
}

TEST_CASE("a consultation cannot end before it starts") {
  CHECK(mentions(problems(plan_with(R"("options": [{"id": "o", "title": "O", "consultation": {"start": "2019-06-30", "end": "2019-06-01"}}])")),
                 "/options/0/consultation/end: the consultation ends (1 June 2019) before it starts (30 June 2019)"));
}

TEST_CASE("bands need their smallest population below their largest") {
  CHECK(mentions(problems(plan_with(R"("bands": {"pcn": {"min": 60000, "max": 30000}})")),
                 "/bands/pcn/min: the smallest population (60000) is above the largest (30000)"));
}

TEST_CASE("layout hints name things that exist") {
  CHECK(mentions(problems(plan_with(R"("layout": {"governance": {"ghost": [1, 2]}})")),
                 "/layout/governance/ghost: a position is kept for \"ghost\""));
  CHECK(mentions(problems(plan_with(R"("layout": {"governance": {"ghost": [1]}})")), "must be a position [x, y]"));
}

TEST_CASE("changes inside milestones are read strictly") {
  const auto lines = problems(plan_with(R"("milestones": [{"id": "m", "date": "2020", "label": "L", "changes": [
      {"op": "explode"}, {"op": "set", "id": "x"}, "not an object"]}])"));
  CHECK(mentions(lines, "/milestones/0/changes/0/op: \"explode\" is not a kind of change"));
  CHECK(mentions(lines, "/milestones/0/changes/1: missing \"field\""));
  CHECK(mentions(lines, "/milestones/0/changes/2: a change must be an object"));
}

TEST_CASE("unknown fields are kept and warned about, with a suggestion for typos") {
  const auto lines = problems(plan_with(R"("units": [{"id": "u", "name": "U", "layer": "place", "registeredPopulaton": 5, "colour": "blue"}])"));
  CHECK(mentions(lines, "/units/0/registeredPopulaton: warning: unknown field \"registeredPopulaton\" (kept as it is); did you mean \"registeredPopulation\"?"));
  CHECK(mentions(lines, "/units/0/colour: warning: unknown field \"colour\" (kept as it is)"));
  const io::LoadResult loaded = io::load_plan(plan_with(R"("units": [{"id": "u", "name": "U", "layer": "place", "colour": "blue"}])"));
  REQUIRE(loaded.plan);
  CHECK(loaded.plan->units[0].extra["colour"] == "blue");
}

TEST_CASE("every problem is reported at once") {
  const auto lines = problems(plan_with(R"("units": [{"id": "a", "layer": "nowhere"}, {"id": "a", "name": "B", "layer": "pcn", "parent": "zzz"}],
      "flows": [{"id": "f", "kind": "delegates", "from": "a"}])"));
  CHECK(lines.size() >= 5);
}
