// The analysis's advice about units: duplicate codes and empty PCNs.
#include <doctest/doctest.h>

#include "analysis/plan_warnings.hpp"
#include "plan_fixtures.hpp"

namespace {
std::vector<std::string> advice(const char* text) {
  std::vector<std::string> lines;
  for (const model::Problem& p : analysis::plan_warnings(fixtures::load(text)).list) lines.push_back(model::format_problem(p));
  return lines;
}
}  // namespace

TEST_CASE("two units with the same code are pointed out, naming the first") {
  const auto lines = advice(R"json({"schemaVersion": "1.0", "name": "t", "units": [
    {"id": "pcn", "name": "PCN", "layer": "pcn", "registeredPopulation": 40000},
    {"id": "a", "name": "Alpha Surgery", "layer": "practice", "code": "C85001", "parent": "pcn", "registeredPopulation": 5000},
    {"id": "b", "name": "Alpha Surgery (again)", "layer": "practice", "code": "C85001", "parent": "pcn", "registeredPopulation": 5000}]})json");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "/units/2: warning: \"Alpha Surgery (again)\" has the code \"C85001\", as \"Alpha Surgery\" at /units/1 does");
}

TEST_CASE("a PCN with no practices and no figure of its own is pointed out; one with a figure is not") {
  const auto lines = advice(R"json({"schemaVersion": "1.0", "name": "t", "units": [
    {"id": "empty", "name": "Empty PCN", "layer": "pcn"},
    {"id": "counted", "name": "Counted PCN", "layer": "pcn", "registeredPopulation": 40000}]})json");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "/units/0: warning: \"Empty PCN\" is a Primary Care Network with no practices and no population of its own");
}
