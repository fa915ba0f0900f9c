#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "app/examples.hpp"
#include "cli/national_plan.hpp"
#include "io/plan_file.hpp"
#include "io/text_file.hpp"
#include "model/fields.hpp"
#include "model/json_text.hpp"
#include "plan_fixtures.hpp"

namespace {

// What saving wrote until it was written straight from the plan: the plan
// as a JSON value, schemaVersion first, written as nlohmann writes it.
std::string saved_through_json(const model::Plan& plan) {
  model::Json out = model::Json::object();
  out["schemaVersion"] = io::version_needed(plan);
  const model::Json body = model::write_object(plan);
  for (auto item = body.begin(); item != body.end(); ++item) out[item.key()] = item.value();
  std::string text;
  model::append_json(text, out, 2);
  return text + '\n';
}

}  // namespace

TEST_CASE("saving writes the plan as its JSON value would be written, byte for byte") {
  SUBCASE("every example") {
    for (const app::Example& example : app::examples) {
      INFO(example.name);
      const model::Plan plan = fixtures::example(std::string(example.name));
      CHECK(io::save_plan(plan) == saved_through_json(plan));
    }
  }
  SUBCASE("every test plan that opens, with or without warnings, the fuzzer's seeds with every field among them") {
    int plans = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(PLANNER_TEST_DATA)) {
      if (entry.path().extension() != ".json") continue;
      const io::TextFile file = io::read_text_file(entry.path().string(), 1 << 24);
      REQUIRE(file.ok);
      const io::LoadResult loaded = io::load_plan(file.text);
      if (!loaded.plan) continue;
      INFO(entry.path().filename().string());
      CHECK(io::save_plan(*loaded.plan) == saved_through_json(*loaded.plan));
      ++plans;
    }
    CHECK(plans >= 10);
  }
  SUBCASE("England, of two seeds") {
    for (const int seed : {1, 7}) {
      const model::Plan plan = cli::national_plan(seed);
      CHECK(io::save_plan(plan) == saved_through_json(plan));
    }
  }
}

TEST_CASE("unknown fields are written where the JSON value has them, a known field's name included") {
  model::Plan plan = fixtures::load(R"({"schemaVersion": "1.0", "futureTopLevel": {"a": [1, 2.5, null, true]}, "name": "P",
      "units": [{"id": "u", "name": "U", "layer": "place", "colour": "blue", "nested": {}}],
      "bodies": [{"id": "b", "name": "B", "kind": "committee", "extraList": []}]})");
  SUBCASE("as read") { CHECK(io::save_plan(plan) == saved_through_json(plan)); }
  SUBCASE("one with the name of a field that is written, and one with the name of a field left out") {
    plan.extra["name"] = "not written: the plan's own name is";
    plan.units[0].extra["note"] = "written: the unit has no note of its own";
    CHECK(io::save_plan(plan) == saved_through_json(plan));
    CHECK(io::save_plan(plan).find("written: the unit has no note") != std::string::npos);
    CHECK(io::save_plan(plan).find("not written") == std::string::npos);
  }
  SUBCASE("one called schemaVersion takes the version's place") {
    plan.extra["schemaVersion"] = "1.9";
    CHECK(io::save_plan(plan) == saved_through_json(plan));
    CHECK(io::save_plan(plan).rfind("{\n  \"schemaVersion\": \"1.9\",\n  \"name\": \"P\",", 0) == 0);
  }
  SUBCASE("compact, one entry at a time, as the API writes them") {
    std::string direct;
    model::append_object(direct, plan.units[0], -1, 0);
    std::string through;
    model::append_json(through, model::write_object(plan.units[0]), -1);
    CHECK(direct == through);
  }
}
