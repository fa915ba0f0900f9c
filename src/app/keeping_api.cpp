#include "app/keeping_api.hpp"

#include <string>

#include "app/plan_document.hpp"
#include "io/plan_file.hpp"

namespace app {

namespace {

using json = model::Json;

json failure(const std::string& message) { return {{"ok", false}, {"messages", json::array({message})}}; }
json success() { return {{"ok", true}, {"messages", json::array()}}; }

bool unsigned_field(const json& args, const char* name) {
  return args.contains(name) && args[name].is_number_unsigned();
}

}  // namespace

json keeping_status_api(AppState& state, const json& args) {
  if (!args.is_object()) return failure("keepingStatus expects {generation, revision} or {problem}");
  KeepingStatus& keeping = state.keeping;
  keeping.reported = true;
  if (args.contains("problem") && args["problem"].is_string()) {
    keeping.problem = args["problem"].get<std::string>();
    return success();
  }
  if (!unsigned_field(args, "generation") || !unsigned_field(args, "revision")) {
    return failure("keepingStatus expects {generation, revision} or {problem}");
  }
  keeping.problem.clear();
  keeping.generation = args["generation"].get<std::uint64_t>();
  keeping.kept_revision = args["revision"].get<std::uint64_t>();
  return success();
}

json mark_saved_api(AppState& state, const json& args) {
  if (!args.is_object() || !unsigned_field(args, "generation") || !unsigned_field(args, "revision")) {
    return failure("markSaved expects {generation, revision, file}");
  }
  if (!state.document || state.document->generation != args["generation"].get<std::uint64_t>()) {
    return failure("that plan is no longer open");
  }
  state.document->saved_revision = args["revision"].get<std::uint64_t>();
  if (args.contains("file") && args["file"].is_string() && !args["file"].get<std::string>().empty()) {
    state.document->file_name = args["file"].get<std::string>();
  }
  return success();
}

json renamed_plan_text_api(AppState&, const json& args) {
  if (!args.is_object() || !args.contains("text") || !args["text"].is_string() || !args.contains("name") ||
      !args["name"].is_string()) {
    return failure("renamedPlanText expects {text, name}");
  }
  const std::string name = args["name"].get<std::string>();
  if (name.find_first_not_of(" \t\r\n") == std::string::npos) return failure("a plan needs a name: type at least one letter");
  io::LoadResult loaded = io::load_plan(args["text"].get<std::string>());
  if (!loaded.plan) return failure("the stored plan could not be read, so it was not renamed");
  loaded.plan->name = name;
  json answer = success();
  answer["text"] = io::save_plan(*loaded.plan);
  return answer;
}

json save_name_api(AppState& state, const json&) { return json(download_name(state)); }

}  // namespace app
