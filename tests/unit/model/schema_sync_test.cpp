// docs/plan.schema.json must agree with the code that reads and writes plan
// files: each struct's $def lists the fields of its table (fields.cpp) in the
// order they are saved, with the same required ones; each enum's $def lists
// the JSON names of enums.cpp in order; the limits match fields.hpp. When a
// field or a name changes, this test fails until the schema (and with it
// docs/plan-format.md) is brought up to date.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "io/plan_file.hpp"
#include "model/collections.hpp"
#include "model/enums.hpp"
#include "model/fields.hpp"

namespace {

using Json = nlohmann::ordered_json;  // keeps the schema's property order

const std::string schema_path = PLANNER_SOURCE_DIR "/docs/plan.schema.json";

// The schema, read once; null when it is missing or not JSON.
const Json& schema() {
  static const Json loaded = [] {
    std::ifstream in(schema_path, std::ios::binary);
    if (!in) return Json();
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Json parsed = Json::parse(text, nullptr, false);
    return parsed.is_discarded() ? Json() : parsed;
  }();
  return loaded;
}

const Json& def(const std::string& name) {
  static const Json missing;
  const Json& root = schema();
  if (!root.is_object() || !root.contains("$defs") || !root["$defs"].contains(name)) return missing;
  return root["$defs"][name];
}

std::vector<std::string> strings_in(const Json& list) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const Json& item : list) out.push_back(item.is_string() ? item.get<std::string>() : item.dump());
  return out;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

template <class T>
void check_struct(const std::string& name) {
  INFO("$defs/", name, " in ", schema_path);
  const Json& entry = def(name);
  REQUIRE_MESSAGE(entry.is_object(), "the schema has no $def \"", name, "\"");
  REQUIRE_MESSAGE(entry.contains("properties"), "\"", name, "\" has no properties");
  const Json& properties = entry["properties"];

  std::vector<std::string> table;
  std::vector<std::string> table_required;
  for (const model::Field<T>& field : model::fields_of<T>()) {
    table.emplace_back(field.name);
    if (field.required) table_required.emplace_back(field.name);
    CHECK_MESSAGE(properties.contains(std::string(field.name)), "the field \"", std::string(field.name),
                  "\" is in the table but not in the schema");
  }
  std::vector<std::string> listed;
  for (auto item = properties.begin(); item != properties.end(); ++item) {
    listed.push_back(item.key());
    CHECK_MESSAGE(std::find(table.begin(), table.end(), item.key()) != table.end(), "the schema lists \"",
                  item.key(), "\", which the table does not have");
  }
  // Saving writes fields in table order; the schema (and the docs) list them so.
  CHECK_MESSAGE(listed == table, "order in the table: ", joined(table), "; in the schema: ", joined(listed));

  std::vector<std::string> schema_required = strings_in(entry.value("required", Json::array()));
  std::sort(table_required.begin(), table_required.end());
  std::sort(schema_required.begin(), schema_required.end());
  CHECK_MESSAGE(schema_required == table_required, "required in the table: ", joined(table_required),
                "; in the schema: ", joined(schema_required));
}

template <class E>
void check_enum(const std::string& name) {
  INFO("$defs/", name, " in ", schema_path);
  const Json& entry = def(name);
  REQUIRE_MESSAGE(entry.is_object(), "the schema has no $def \"", name, "\"");
  std::vector<std::string> code;
  for (const auto& value : model::enum_names<E>()) code.emplace_back(value.name);
  const std::vector<std::string> listed = strings_in(entry.value("enum", Json()));
  CHECK_MESSAGE(listed == code, "enums.cpp: ", joined(code), "; the schema: ", joined(listed));
}

}  // namespace

TEST_CASE("the plan schema can be read") {
  INFO(schema_path);
  REQUIRE(schema().is_object());
  CHECK(schema().value("$schema", "") == "https://json-schema.org/draft/2020-12/schema");
  CHECK(schema().contains("$defs"));
}

TEST_CASE("the plan schema has each struct's fields, in saving order, with the same required ones") {
  REQUIRE(schema().is_object());
  check_struct<model::Plan>("Plan");
  check_struct<model::Source>("Source");
  check_struct<model::Unit>("Unit");
  check_struct<model::Organisation>("Organisation");
  check_struct<model::Member>("Member");
  check_struct<model::VotingRule>("VotingRule");
  check_struct<model::Body>("Body");
  check_struct<model::Post>("Post");
  check_struct<model::Function>("Function");
  check_struct<model::Flow>("Flow");
  check_struct<model::Programme>("Programme");
  check_struct<model::Money>("Money");
  check_struct<model::Milestone>("Milestone");
  check_struct<model::Score>("Score");
  check_struct<model::Period>("Period");
  check_struct<model::Option>("Option");
  check_struct<model::Criterion>("Criterion");
  check_struct<model::GlossaryEntry>("GlossaryEntry");
  check_struct<model::Principle>("Principle");
  check_struct<model::Note>("Note");
  check_struct<model::Band>("Band");
  check_struct<model::Bands>("Bands");
}

TEST_CASE("the plan schema lists every enum's JSON names in order") {
  REQUIRE(schema().is_object());
  check_enum<model::Layer>("Layer");
  check_enum<model::OrganisationKind>("OrganisationKind");
  check_enum<model::PartnershipRole>("PartnershipRole");
  check_enum<model::PartnershipTier>("PartnershipTier");
  check_enum<model::Lifecycle>("Lifecycle");
  check_enum<model::Succession>("Succession");
  check_enum<model::BodyKind>("BodyKind");
  check_enum<model::VotingMethod>("VotingMethod");
  check_enum<model::PostRole>("PostRole");
  check_enum<model::FlowKind>("FlowKind");
  check_enum<model::ProgrammeKind>("ProgrammeKind");
  check_enum<model::OptionStatus>("OptionStatus");
  check_enum<model::Certainty>("Certainty");
}

TEST_CASE("the plan schema's version, collections and limits match the code") {
  REQUIRE(schema().is_object());
  const Json& root = schema();
  CHECK(strings_in(root.value("required", Json())) == std::vector<std::string>{"schemaVersion"});
  REQUIRE(root.contains("properties"));
  CHECK(root["properties"]["schemaVersion"].value("pattern", "") ==
        "^" + std::to_string(io::schema_major) + "\\.[0-9]+$");
  CHECK(root.value("$ref", "") == "#/$defs/Plan");

  std::vector<std::string> collections;
  for (const model::CollectionInfo& info : model::collections()) collections.emplace_back(info.name);
  const Json& add = def("AddCommand");
  REQUIRE(add.is_object());
  CHECK(strings_in(add["properties"]["collection"].value("enum", Json())) == collections);

  const std::string id_pattern = "^[A-Za-z0-9][A-Za-z0-9._:-]{0," + std::to_string(model::max_id_length - 1) + "}$";
  CHECK(def("Id").value("pattern", "") == id_pattern);
  CHECK(def("Reference").value("pattern", "") == id_pattern);
  CHECK(def("Text").value("maxLength", std::size_t{0}) == model::max_text_length);
  CHECK(def("TextList").value("maxItems", std::size_t{0}) == model::max_list_length);
  CHECK(def("ReferenceList").value("maxItems", std::size_t{0}) == model::max_list_length);
}
