#include <doctest/doctest.h>

#include "io/plan_file.hpp"
#include "io/text_file.hpp"
#include "plan_fixtures.hpp"

using fixtures::mentions;
using fixtures::problems;

TEST_CASE("load, save, load round-trips exactly, and saving is deterministic") {
  const model::Plan first = fixtures::load(fixtures::small_system);
  const std::string saved = io::save_plan(first);
  const model::Plan second = fixtures::load(saved);
  CHECK(second == first);
  CHECK(io::save_plan(second) == saved);
  CHECK(saved.rfind("{\n  \"schemaVersion\": \"1.0\",\n  \"name\": \"Small system\",", 0) == 0);
  CHECK(saved.back() == '\n');
}

TEST_CASE("every example fixture round-trips") {
  for (const char* name : {"minimal.json", "herefordshire-sample.json"}) {
    INFO(name);
    const io::TextFile file = io::read_text_file(std::string(PLANNER_TEST_DATA) + "/plans/valid/" + name, 1 << 20);
    REQUIRE(file.ok);
    const model::Plan plan = fixtures::load(file.text);
    const std::string saved = io::save_plan(plan);
    CHECK(fixtures::load(saved) == plan);
    CHECK(io::save_plan(fixtures::load(saved)) == saved);
  }
}

TEST_CASE("unknown fields survive a save, after the known ones") {
  const std::string text = R"({"schemaVersion": "1.0", "futureTopLevel": {"a": 1}, "name": "P",
      "units": [{"colour": "blue", "id": "u", "name": "U", "layer": "place"}]})";
  const model::Plan plan = fixtures::load(text);
  const std::string saved = io::save_plan(plan);
  CHECK(saved.find("\"futureTopLevel\"") > saved.find("\"units\""));
  CHECK(saved.find("\"colour\": \"blue\"") > saved.find("\"layer\": \"place\""));
  CHECK(fixtures::load(saved) == plan);
}

TEST_CASE("defaults are written out for bands, so plans never drift with the defaults") {
  const std::string saved = io::save_plan(fixtures::load(R"({"schemaVersion": "1.0", "name": "P"})"));
  CHECK(saved.find("\"practice\": {\n      \"min\": 1000,\n      \"max\": 10000\n    }") != std::string::npos);
  CHECK(saved.find("\"region\": null") != std::string::npos);
  const model::Plan no_bands = fixtures::load(R"({"schemaVersion": "1.0", "name": "P", "bands": {"practice": null}})");
  CHECK_FALSE(no_bands.bands.practice);
  CHECK(no_bands.bands.pcn);
}

TEST_CASE("syntax errors give line and column") {
  CHECK(mentions(problems("{\n  \"schemaVersion\": \"1.0\",\n  \"name\": \"P\",\n}"), "line 4, column 1: this is not valid JSON"));
  CHECK(mentions(problems(""), "the file is empty"));
  CHECK(mentions(problems("{\"a\": 1,}"), "JSON allows no comma after the last item"));
  CHECK(mentions(problems("{\"schemaVersion\": \"1.0\", \"name\": \"a\", \"name\": \"b\"}"),
                 "the field \"name\" appears twice in one object"));
  CHECK(mentions(problems("[1, 2]"), "a plan file must be a JSON object ({...}), not a list"));
  CHECK(mentions(problems("{\"name\": \"caf\xC3\"}"), "this is not valid JSON"));
}

TEST_CASE("a NUL byte is a syntax error with its line and column, wherever it is") {
  using namespace std::string_literals;
  const std::string plan = "{\"schemaVersion\": \"1.0\", \"name\": \"P\"}"s;
  // The zeros an interrupted write leaves at the end of a file.
  CHECK(mentions(problems(plan + "\n\0\0\0"s), "line 2, column 1: this is not valid JSON (a NUL byte"));
  // A second value hidden behind a NUL.
  CHECK(mentions(problems(plan + "\0{\"x\": 1}"s), "line 1, column 38: this is not valid JSON (a NUL byte"));
  // Inside a string, and before a syntax error that comes after it.
  CHECK(mentions(problems("{\"name\": \"a\0b\"}"s), "line 1, column 12: this is not valid JSON (a NUL byte"));
  CHECK(mentions(problems("{\0,,,}"s), "line 1, column 2: this is not valid JSON (a NUL byte"));
  CHECK(mentions(problems("\0"s), "line 1, column 1: this is not valid JSON (a NUL byte"));
  // A syntax error before the NUL is reported as itself.
  CHECK(mentions(problems("{\"a\": 1,}\0"s), "JSON allows no comma after the last item"));
  CHECK_FALSE(io::load_plan(plan + "\0"s).plan);
}

TEST_CASE("schema versions: newer major refused, newer minor warned, missing or malformed refused") {
  CHECK(mentions(problems(R"({"schemaVersion": "2.0", "name": "P"})"),
                 "/schemaVersion: this plan was made by a newer version of the planner (schema 2.0; this planner reads 1.x): update the planner to open it"));
  const io::LoadResult minor = io::load_plan(R"({"schemaVersion": "1.7", "name": "P", "newThing": true})");
  CHECK(minor.plan);
  CHECK(mentions(problems(R"({"schemaVersion": "1.7", "name": "P"})"), "/schemaVersion: warning: this plan was made by a newer version"));
  CHECK(mentions(problems(R"({"name": "P"})"), "/schemaVersion: missing \"schemaVersion\""));
  CHECK(mentions(problems(R"({"schemaVersion": 1, "name": "P"})"), "/schemaVersion: must be text such as \"1.0\""));
  CHECK(mentions(problems(R"({"schemaVersion": "one", "name": "P"})"), "not \"one\""));
  CHECK(mentions(problems(R"({"schemaVersion": "0.9", "name": "P"})"), "is not a version of the plan format"));
}

TEST_CASE("a plan with errors is never half-loaded") {
  const io::LoadResult result = io::load_plan(R"({"schemaVersion": "1.0", "name": "P", "units": [{"id": "u", "name": "U", "layer": "moon"}]})");
  CHECK_FALSE(result.plan);
  CHECK(result.problems.has_errors());
}

TEST_CASE("limits: nesting depth and size are refused with a message") {
  std::string deep = R"({"schemaVersion": "1.0", "name": "P", "notes": [{"id": "n", "text": "t", "x": )";
  for (int i = 0; i < 200; ++i) deep += "[";
  for (int i = 0; i < 200; ++i) deep += "]";
  deep += "}]}";
  CHECK(mentions(problems(deep), "nests objects and lists more than 64 deep"));
  const std::string big(io::max_plan_bytes + 1, ' ');
  CHECK(mentions(problems(big), "larger than the limit of 64 MiB"));
  const std::string long_name = R"({"schemaVersion": "1.0", "name": ")" + std::string(30000, 'a') + "\"}";
  CHECK(mentions(problems(long_name), "/name: is 30000 characters long, more than the limit of 20000"));
}
