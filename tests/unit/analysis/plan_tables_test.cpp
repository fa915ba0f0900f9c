// The plan as tables for spreadsheets, and the CSV they are written as.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <fstream>
#include <sstream>

#include "analysis/plan_tables.hpp"
#include "io/csv.hpp"
#include "plan_fixtures.hpp"

namespace {

using fixtures::example;

std::size_t column(const analysis::PlanTable& table, const std::string& name) {
  const auto found = std::find(table.header.begin(), table.header.end(), name);
  REQUIRE(found != table.header.end());
  return static_cast<std::size_t>(found - table.header.begin());
}

}  // namespace

TEST_CASE("every table has a row per thing in the plan, each as wide as its header") {
  const model::Plan plan = example("syb-acs-mou-2017");
  const std::map<std::string, std::size_t> counts = {
      {"units", plan.units.size()}, {"organisations", plan.organisations.size()}, {"bodies", plan.bodies.size()},
      {"posts", plan.posts.size()}, {"flows", plan.flows.size()}, {"functions", plan.functions.size()}};
  CHECK(analysis::plan_table_names().size() == counts.size());
  for (std::string_view name : analysis::plan_table_names()) {
    CAPTURE(name);
    const auto table = analysis::plan_table(plan, name);
    REQUIRE(table.has_value());
    CHECK(table->name == name);
    CHECK(table->header.front() == "id");
    CHECK(table->rows.size() == counts.at(std::string(name)));
    for (const auto& row : table->rows) CHECK(row.size() == table->header.size());
  }
  CHECK_FALSE(analysis::plan_table(plan, "people").has_value());
}

TEST_CASE("units carry their roll-ups and band; flows and functions name what they point at") {
  const model::Plan plan = example("syb-acs-mou-2017");
  const auto units = *analysis::plan_table(plan, "units");
  const auto syb = std::find_if(units.rows.begin(), units.rows.end(), [](const auto& row) { return row[1] == "South Yorkshire and Bassetlaw"; });
  REQUIRE(syb != units.rows.end());
  CHECK((*syb)[column(units, "layer")] == "system");
  CHECK((*syb)[column(units, "rollup")] == "1587740");
  CHECK((*syb)[column(units, "population")] == "1587740");
  CHECK((*syb)[column(units, "units_inside")] == "5");

  const auto functions = *analysis::plan_table(plan, "functions");
  const auto stroke = std::find_if(functions.rows.begin(), functions.rows.end(),
                                   [](const auto& row) { return row[1].find("hyper-acute stroke") != std::string::npos; });
  REQUIRE(stroke != functions.rows.end());
  CHECK((*stroke)[column(functions, "decided_by")] == "Joint Committee of Clinical Commissioning Groups");
  CHECK((*stroke)[column(functions, "held_by")].find("NHS Barnsley CCG") != std::string::npos);

  const auto flows = *analysis::plan_table(plan, "flows");
  const auto delegation = std::find_if(flows.rows.begin(), flows.rows.end(), [&](const auto& row) { return row[1] == "delegates"; });
  REQUIRE(delegation != flows.rows.end());
  CHECK_FALSE((*delegation)[column(flows, "from_name")].empty());
  CHECK_FALSE((*delegation)[column(flows, "functions")].empty());
}

TEST_CASE("CSV is written as RFC 4180 and reads back field for field, with formulas defused") {
  const std::vector<std::vector<std::string>> rows = {
      {"id", "name", "note"},
      {"a", "Plain", "comma, inside"},
      {"b", "Quote \"here\"", "line\nbreak"},
      {"c", "=HYPERLINK(\"http://example.com\")", "-12.5"},
      {"d", "@SUM(A1)", "-not a number"},
      {"e", "", "+44 20"}};
  const std::string text = io::write_csv(rows);
  CHECK(text.starts_with("id,name,note\r\na,Plain,\"comma, inside\"\r\n"));
  const io::CsvTable back = io::read_csv(text);
  REQUIRE(back.error.empty());
  REQUIRE(back.rows.size() == rows.size());
  CHECK(back.rows[1].fields == rows[1]);
  CHECK(back.rows[2].fields == rows[2]);
  CHECK(back.rows[3].fields[1] == "'=HYPERLINK(\"http://example.com\")");
  CHECK(back.rows[3].fields[2] == "-12.5");  // a number stays a number
  CHECK(back.rows[4].fields[1] == "'@SUM(A1)");
  CHECK(back.rows[4].fields[2] == "'-not a number");
  CHECK(back.rows[5].fields[1].empty());
  CHECK(back.rows[5].fields[2] == "'+44 20");
}
