#include "model/command.hpp"

#include <algorithm>

#include "model/collections.hpp"
#include "model/fields.hpp"
#include "model/plan_index.hpp"
#include "model/validate.hpp"

namespace model {

// --- reading and writing ------------------------------------------------------

namespace {

bool read_string_member(const Json& object, const char* name, std::string& out, Problems& problems,
                        const std::string& path, bool required = true) {
  if (!object.contains(name)) {
    if (required) problems.error(path, std::string("missing \"") + name + "\"");
    return !required;
  }
  return read_text(out, object[name], problems, pointer_join(path, name));
}

}  // namespace

std::optional<Command> read_command(const Json& value, Problems& problems, const std::string& path) {
  if (!value.is_object()) {
    problems.error(path, "a change must be an object such as {\"op\": \"set\", ...}, not " + json_type_name(value));
    return std::nullopt;
  }
  const std::size_t errors_before = problems.count(Severity::error);
  std::string op;
  if (!read_string_member(value, "op", op, problems, path)) return std::nullopt;
  Command command;
  std::vector<std::string_view> known = {"op"};
  if (op == "add") {
    command.op = CommandOp::add;
    read_string_member(value, "collection", command.collection, problems, path);
    if (!command.collection.empty() && !collection_from_name(command.collection)) {
      problems.error(pointer_join(path, "collection"), quote_text(command.collection) + " is not a collection of the plan");
    }
    if (!value.contains("value") || !value["value"].is_object()) {
      problems.error(path, "an \"add\" needs \"value\": the new entry as an object");
    } else {
      command.value = value["value"];
    }
    if (value.contains("index")) {
      std::int64_t index = 0;
      if (read_whole_number(index, value["index"], 0, problems, pointer_join(path, "index"))) command.index = index;
    }
    known.insert(known.end(), {"collection", "value", "index"});
  } else if (op == "remove") {
    command.op = CommandOp::remove;
    read_string_member(value, "id", command.id, problems, path);
    known.push_back("id");
  } else if (op == "set" || op == "setPlan") {
    command.op = op == "set" ? CommandOp::set : CommandOp::set_plan;
    if (op == "set") read_string_member(value, "id", command.id, problems, path);
    read_string_member(value, "field", command.field, problems, path);
    if (!value.contains("value")) problems.error(path, "a \"" + op + "\" needs \"value\" (null to clear the field)");
    else command.value = value["value"];
    known.insert(known.end(), {"id", "field", "value"});
  } else if (op == "rename" || op == "move") {
    command.op = CommandOp::set;
    command.field = op == "rename" ? "name" : "parent";
    read_string_member(value, "id", command.id, problems, path);
    if (!value.contains(command.field)) problems.error(path, "a \"" + op + "\" needs \"" + command.field + "\"");
    else command.value = value[command.field];
    known.insert(known.end(), {"id", op == "rename" ? "name" : "parent"});
  } else if (op == "batch") {
    command.op = CommandOp::batch;
    read_string_member(value, "label", command.label, problems, path, false);
    if (!value.contains("commands") || !value["commands"].is_array()) {
      problems.error(path, "a \"batch\" needs \"commands\": a list of changes");
    } else {
      const Json& list = value["commands"];
      if (list.size() > max_list_length) {
        problems.error(pointer_join(path, "commands"), "has " + std::to_string(list.size()) +
                                                           " changes, more than the limit of " + std::to_string(max_list_length));
        return std::nullopt;
      }
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (auto inner = read_command(list[i], problems, pointer_join(pointer_join(path, "commands"), i))) {
          command.commands.push_back(std::move(*inner));
        }
      }
    }
    known.insert(known.end(), {"label", "commands"});
  } else {
    problems.error(pointer_join(path, "op"), quote_text(op) + " is not a kind of change: use add, remove, set, rename, move, setPlan or batch");
    return std::nullopt;
  }
  for (auto item = value.begin(); item != value.end(); ++item) {
    if (std::find(known.begin(), known.end(), item.key()) == known.end()) {
      problems.warning(pointer_join(path, item.key()), "unknown field " + quote_text(item.key()) + " in a \"" + op + "\" change (kept as it is)");
      command.extra[item.key()] = item.value();
    }
  }
  if (problems.count(Severity::error) != errors_before) return std::nullopt;
  return command;
}

Json write_command(const Command& command) {
  Json out = Json::object();
  switch (command.op) {
    case CommandOp::add:
      out["op"] = "add";
      out["collection"] = command.collection;
      out["value"] = command.value;
      if (command.index) out["index"] = *command.index;
      break;
    case CommandOp::remove:
      out["op"] = "remove";
      out["id"] = command.id;
      break;
    case CommandOp::set:
      out["op"] = "set";
      out["id"] = command.id;
      out["field"] = command.field;
      out["value"] = command.value;
      break;
    case CommandOp::set_plan:
      out["op"] = "setPlan";
      out["field"] = command.field;
      out["value"] = command.value;
      break;
    case CommandOp::batch: {
      out["op"] = "batch";
      if (!command.label.empty()) out["label"] = command.label;
      Json list = Json::array();
      for (const Command& inner : command.commands) list.push_back(write_command(inner));
      out["commands"] = std::move(list);
      break;
    }
  }
  for (auto item = command.extra.begin(); item != command.extra.end(); ++item) {
    if (!out.contains(item.key())) out[item.key()] = item.value();
  }
  return out;
}

Command add_command(std::string collection, Json entity, std::optional<std::int64_t> index) {
  Command command;
  command.op = CommandOp::add;
  command.collection = std::move(collection);
  command.value = std::move(entity);
  command.index = index;
  return command;
}

Command remove_command(std::string id) {
  Command command;
  command.op = CommandOp::remove;
  command.id = std::move(id);
  return command;
}

Command set_command(std::string id, std::string field, Json value) {
  Command command;
  command.op = CommandOp::set;
  command.id = std::move(id);
  command.field = std::move(field);
  command.value = std::move(value);
  return command;
}

Command set_plan_command(std::string field, Json value) {
  Command command = set_command({}, std::move(field), std::move(value));
  command.op = CommandOp::set_plan;
  return command;
}

Command batch_command(std::string label, std::vector<Command> commands) {
  Command command;
  command.op = CommandOp::batch;
  command.label = std::move(label);
  command.commands = std::move(commands);
  return command;
}

// --- applying -----------------------------------------------------------------

namespace {

// The checks an entity of each kind needs after it changes.
void check_entity(const Plan& plan, const PlanIndex& index, const auto& entity, const std::string& path,
                  Problems& problems) {
  using T = std::decay_t<decltype(entity)>;
  PointerPath at(path);
  check_references(index, at, entity, problems);
  if constexpr (std::is_same_v<T, Unit>) check_unit(plan, index, entity, at, problems);
  if constexpr (std::is_same_v<T, Flow>) check_flow(index, entity, at, problems);
  if constexpr (std::is_same_v<T, Body>) check_body(entity, at, problems);
  if constexpr (std::is_same_v<T, Option>) check_option(entity, at, problems);
  if constexpr (std::is_same_v<T, Milestone>) {
    if (!entity.date) problems.error(path, "missing \"date\": the plan's milestones are dated");
  }
}

// Changing a unit's layer can break its children's placement.
void check_children(const Plan& plan, const PlanIndex& index, const Unit& unit, Problems& problems) {
  for (std::size_t i = 0; i < plan.units.size(); ++i) {
    if (plan.units[i].parent == unit.id) check_unit(plan, index, plan.units[i], PointerPath(pointer_join("/units", i)), problems);
  }
}

ApplyResult apply_add(Plan& plan, PlanIndex& index, const Command& command, bool check) {
  ApplyResult result;
  const auto collection = collection_from_name(command.collection);
  if (!collection) {
    result.problems.error("/collection", quote_text(command.collection) + " is not a collection of the plan");
    return result;
  }
  visit_collection(plan, *collection, [&](auto& items) {
    using T = typename std::decay_t<decltype(items)>::value_type;
    T entity{};
    read_object(entity, command.value, result.problems, "/value");
    if (result.problems.has_errors()) return;
    if (const Location* existing = index.find(entity.id)) {
      result.problems.error("/value/id", "the id " + quote_text(entity.id) + " is already used by the " + existing->describe());
      return;
    }
    const std::size_t position = std::min(items.size(), static_cast<std::size_t>(command.index.value_or(
                                                             static_cast<std::int64_t>(items.size()))));
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(position), entity);
    index.reindex_from(plan, *collection, position);
    if (check) check_entity(plan, index, items[position], "/value", result.problems);
    if (result.problems.has_errors()) {
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(position));
      index.erase(entity.id);
      index.reindex_from(plan, *collection, position);
      return;
    }
    result.ok = true;
    result.inverse = remove_command(entity.id);
  });
  return result;
}

// The steps of an option as saved in a remove's inverse (to drop their ids).
std::vector<Milestone> read_steps(const Json& option) {
  Option read{};
  Problems ignored;
  if (option.is_object() && option.contains("steps")) find_field<Option>("steps")->read(read, option["steps"], ignored, "");
  return read.steps;
}

// Every place that refers to id, as paths.
std::vector<std::string> referrers(const Plan& plan, const std::string& id) {
  std::vector<std::string> found;
  auto visit = [&](const PointerPath& path, const std::string& ref, unsigned) {
    if (ref == id) found.push_back(path.text());
  };
  PointerPath path;
  for_each_collection(plan, [&](const CollectionInfo& info, const auto& items) {
    path.push(info.name);
    for (std::size_t i = 0; i < items.size(); ++i) {
      path.push(i);
      visit_refs(items[i], path, visit);
      path.pop();
    }
    path.pop();
  });
  path.push("layout");
  find_field<Plan>("layout")->refs(plan, path, visit);
  return found;
}

// The top-level entry a remove or set acts on (option steps change with
// their option), or a problem saying there is none.
const Location* find_target(const PlanIndex& index, const std::string& id, Problems& problems) {
  const Location* location = index.find(id);
  if (location && location->step < 0) return location;
  problems.error("/id", "nothing in the plan has the id " + quote_text(id));
  return nullptr;
}

ApplyResult apply_remove(Plan& plan, PlanIndex& index, const Command& command, bool check) {
  ApplyResult result;
  const Location* location = find_target(index, command.id, result.problems);
  if (!location) return result;
  const std::vector<std::string> uses = check ? referrers(plan, command.id) : std::vector<std::string>{};
  if (!uses.empty()) {
    std::string list;
    for (std::size_t i = 0; i < uses.size() && i < 5; ++i) list += (i ? ", " : "") + uses[i];
    if (uses.size() > 5) list += " and " + std::to_string(uses.size() - 5) + " more";
    result.problems.error("/id", "cannot remove the " + location->describe() + " (" + quote_text(command.id) +
                                     "): it is still referred to at " + list + "; change or remove those first");
    return result;
  }
  const Location where = *location;
  visit_collection(plan, where.collection, [&](auto& items) {
    result.inverse = add_command(std::string(collection_info(where.collection).name), write_object(items[where.index]),
                                 static_cast<std::int64_t>(where.index));
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(where.index));
  });
  index.erase(command.id);
  if (where.collection == Collection::options) {
    // The removed option's steps leave the index with it.
    for (const Milestone& step : read_steps(result.inverse.value)) index.erase(step.id);
  }
  index.reindex_from(plan, where.collection, where.index);
  result.ok = true;
  return result;
}

ApplyResult apply_set(Plan& plan, PlanIndex& index, const Command& command, bool check) {
  ApplyResult result;
  const Location* location = find_target(index, command.id, result.problems);
  if (!location) return result;
  const Location where = *location;
  visit_collection(plan, where.collection, [&](auto& items) {
    using T = typename std::decay_t<decltype(items)>::value_type;
    const std::string singular(collection_info(where.collection).singular);
    std::string field_name = command.field;
    // "rename" sets "name"; entries named by a title, term or label take it there.
    if (field_name == "name" && !find_field<T>("name")) {
      for (const char* alias : {"title", "term", "label"}) {
        if (find_field<T>(alias)) field_name = alias;
      }
    }
    const Field<T>* field = find_field<T>(field_name);
    if (!field) {
      std::string message = quote_text(command.field) + " is not a field of " + with_article(singular);
      const std::string near = nearest_name(command.field, field_names<T>());
      if (!near.empty()) message += "; did you mean \"" + near + "\"?";
      result.problems.error("/field", message);
      return;
    }
    if (command.field == "id") {
      result.problems.error("/field", "ids never change (other parts of the plan and other files refer to them); add a new entry instead");
      return;
    }
    T changed = items[where.index];
    if (command.value.is_null()) {
      if (field->required) {
        result.problems.error("/value", "\"" + field_name + "\" is required for " + with_article(singular) + " and cannot be cleared");
        return;
      }
      field->clear(changed);
    } else {
      field->read(changed, command.value, result.problems, "/value");
    }
    if (result.problems.has_errors()) return;
    const std::optional<Json> old_value = field->write(items[where.index]);
    std::swap(items[where.index], changed);
    if (check) check_entity(plan, index, items[where.index], "/value", result.problems);
    if constexpr (std::is_same_v<T, Unit>) {
      if (check && field_name == "layer") check_children(plan, index, items[where.index], result.problems);
    }
    if (result.problems.has_errors()) {
      std::swap(items[where.index], changed);
      return;
    }
    if constexpr (std::is_same_v<T, Option>) {
      if (field_name == "steps") {
        for (const Milestone& step : changed.steps) index.erase(step.id);
        index.reindex_from(plan, Collection::options, where.index);
      }
    }
    result.ok = true;
    result.inverse = set_command(command.id, field_name, old_value.value_or(Json(nullptr)));
  });
  return result;
}

ApplyResult apply_set_plan(Plan& plan, const PlanIndex& index, const Command& command) {
  ApplyResult result;
  const Field<Plan>* field = find_field<Plan>(command.field);
  if (!field || collection_from_name(command.field)) {
    result.problems.error("/field", quote_text(command.field) +
                                        " cannot be set on the plan: use name, description, partnership, asOf, bands "
                                        "or layout (entries of collections change with add, remove and set)");
    return result;
  }
  if (command.value.is_null() && field->required) {
    result.problems.error("/value", "\"" + command.field + "\" is required and cannot be cleared");
    return result;
  }
  // Plan-level fields are read into the plan itself and put back from their
  // saved form if anything is wrong: no copy of the whole plan.
  const std::optional<Json> old_value = field->write(plan);
  auto restore = [&] {
    field->clear(plan);
    if (old_value && !old_value->is_null()) {
      Problems ignored;
      field->read(plan, *old_value, ignored, "");
    }
  };
  field->clear(plan);
  if (!command.value.is_null()) field->read(plan, command.value, result.problems, "/value");
  if (!result.problems.has_errors() && command.field == "bands") check_bands(plan.bands, "/value", result.problems);
  if (!result.problems.has_errors() && command.field == "layout") {
    PointerPath value("/value");
    field->refs(plan, value, [&](const PointerPath& path, const std::string& id, unsigned) {
      if (!index.find(id)) result.problems.error(path.text(), "nothing in the plan has the id " + quote_text(id));
    });
  }
  if (result.problems.has_errors()) {
    restore();
    return result;
  }
  result.inverse = set_plan_command(command.field, old_value.value_or(Json(nullptr)));
  result.ok = true;
  return result;
}

ApplyResult apply_checked(Plan& plan, PlanIndex& index, const Command& command, bool check);

ApplyResult apply_batch(Plan& plan, PlanIndex& index, const Command& command, bool check) {
  ApplyResult result;
  std::vector<Command> inverses;
  for (std::size_t i = 0; i < command.commands.size(); ++i) {
    ApplyResult step = apply_checked(plan, index, command.commands[i], check);
    const std::string prefix = pointer_join("/commands", i);
    for (Problem problem : step.problems.list) {
      problem.path = prefix + problem.path;
      result.problems.list.push_back(std::move(problem));
    }
    if (!step.ok) {
      for (auto undo = inverses.rbegin(); undo != inverses.rend(); ++undo) (void)apply_checked(plan, index, *undo, false);
      return result;
    }
    inverses.push_back(std::move(step.inverse));
  }
  std::reverse(inverses.begin(), inverses.end());
  result.inverse = batch_command(command.label, std::move(inverses));
  result.ok = true;
  return result;
}

// An inverse made by a command just applied was valid when it was made:
// undoing with `check` false skips the checks (a removal's search of the
// whole plan for references, above all).
ApplyResult apply_checked(Plan& plan, PlanIndex& index, const Command& command, bool check) {
  switch (command.op) {
    case CommandOp::add: return apply_add(plan, index, command, check);
    case CommandOp::remove: return apply_remove(plan, index, command, check);
    case CommandOp::set: return apply_set(plan, index, command, check);
    case CommandOp::set_plan: return apply_set_plan(plan, index, command);
    case CommandOp::batch: return apply_batch(plan, index, command, check);
  }
  return {};
}

}  // namespace

ApplyResult apply_command(Plan& plan, const Command& command) {
  PlanIndex index(plan);
  return apply_command(plan, index, command);
}

ApplyResult apply_command(Plan& plan, PlanIndex& index, const Command& command) {
  return apply_checked(plan, index, command, true);
}

void undo_command(Plan& plan, PlanIndex& index, const Command& inverse) {
  (void)apply_checked(plan, index, inverse, false);
}

std::string describe_command(const Command& command) {
  switch (command.op) {
    case CommandOp::add: {
      const auto collection = collection_from_name(command.collection);
      std::string what = collection ? std::string(collection_info(*collection).singular) : command.collection;
      std::string name;
      for (const char* key : {"name", "title", "term", "label", "id"}) {
        if (command.value.is_object() && command.value.contains(key) && command.value[key].is_string()) {
          name = command.value[key].get<std::string>();
          break;
        }
      }
      return "add " + what + (name.empty() ? "" : " " + quote_text(name));
    }
    case CommandOp::remove: return "remove " + quote_text(command.id);
    case CommandOp::set:
      if (command.field == "name") return "rename " + quote_text(command.id);
      if (command.field == "parent") return "move " + quote_text(command.id);
      return "change the " + command.field + " of " + quote_text(command.id);
    case CommandOp::set_plan: return "change the plan's " + command.field;
    case CommandOp::batch:
      return command.label.empty() ? std::to_string(command.commands.size()) + " changes" : command.label;
  }
  return "change";
}

}  // namespace model
