// exportSvg and exportCsv: what File > Export and window.planner hand out.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "plan_fixtures.hpp"

using nlohmann::json;

namespace {

json call(app::AppState& state, std::string_view method, const json& arguments = nullptr) {
  return json::parse(app::call_api(state, method, arguments.is_null() ? std::string() : arguments.dump()));
}

}  // namespace

TEST_CASE("exportSvg draws the view on screen, named after the plan and the view") {
  app::AppState state;
  CHECK(call(state, "exportSvg")["ok"] == false);
  REQUIRE(call(state, "openPlan", json(fixtures::example_text("nwl-collaboration-2018")))["ok"] == true);
  const json layers = call(state, "exportSvg");
  REQUIRE(layers["ok"] == true);
  CHECK(layers["fileName"] == "north-west-london-ccgs-developing-collaborative-layers.svg");
  CHECK(layers["svg"].get<std::string>().starts_with("<?xml"));
  CHECK(layers["svg"].get<std::string>().find("The population layers of") != std::string::npos);
  REQUIRE(call(state, "showView", "governance")["ok"] == true);
  const json governance = call(state, "exportSvg");
  CHECK(governance["fileName"].get<std::string>().ends_with("-governance.svg"));
  CHECK(governance["svg"].get<std::string>().find("Joint Committee of the North West London CCGs") != std::string::npos);
}

TEST_CASE("exportCsv gives each table with its header, and refuses an unknown one") {
  app::AppState state;
  CHECK(call(state, "exportCsv", "units")["ok"] == false);
  REQUIRE(call(state, "openPlan", json(fixtures::example_text("nwl-collaboration-2018")))["ok"] == true);
  const json units = call(state, "exportCsv", "units");
  REQUIRE(units["ok"] == true);
  CHECK(units["csv"].get<std::string>().starts_with("id,name,layer,code,parent,registered_population,rollup,population,band,units_inside\r\n"));
  CHECK(units["fileName"].get<std::string>().ends_with("-units.csv"));
  const json unknown = call(state, "exportCsv", "people");
  CHECK(unknown["ok"] == false);
  CHECK(unknown["messages"][0] == "\"people\" is not one of the plan's tables: units, organisations, bodies, posts, flows or functions");
}
