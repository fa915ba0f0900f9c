// What differs between two plans, in plain English (plan_diff.hpp).
#include "analysis/plan_diff.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "model/collections.hpp"
#include "model/enums.hpp"
#include "model/fields.hpp"

namespace analysis {

namespace {

// Names for ids, from both plans (a removed thing is named from `from`).
class Names {
 public:
  Names(const model::Plan& from, const model::Plan& to) {
    for (const model::Plan* plan : {&to, &from}) {
      model::for_each_collection(*plan, [&](const model::CollectionInfo&, const auto& items) {
        for (const auto& item : items) {
          const model::Json json = model::write_object(item);
          for (const char* key : {"name", "title", "term", "label"}) {
            if (json.contains(key) && json[key].is_string() && !json[key].get<std::string>().empty()) {
              names_.try_emplace(item.id, json[key].get<std::string>());
              break;
            }
          }
        }
      });
    }
  }
  std::string of(const std::string& id) const {
    const auto found = names_.find(id);
    return found != names_.end() ? found->second : id;
  }
  bool knows(const std::string& id) const { return names_.count(id) > 0; }

 private:
  std::map<std::string, std::string> names_;
};

// "runningCost" -> "running cost".
std::string field_words(const std::string& field) {
  std::string words;
  for (char c : field) {
    if (std::isupper(static_cast<unsigned char>(c))) words += ' ', words += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else words += c;
  }
  return words;
}

std::string value_text(const model::Json& value, const Names& names) {
  if (value.is_string()) {
    const std::string text = value.get<std::string>();
    return names.knows(text) ? names.of(text) : text;
  }
  if (value.is_array()) {
    if (value.empty()) return "none";
    std::string text;
    for (const model::Json& item : value) text += (text.empty() ? "" : ", ") + value_text(item, names);
    return text;
  }
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_object()) {
    // A member, a voting rule, an amount: named by what it points at, or its own name.
    for (const char* key : {"organisation", "body", "post", "unit", "name", "label"}) {
      if (value.contains(key) && value[key].is_string()) return value_text(value[key], names);
    }
  }
  std::string text = value.dump();
  return text.size() > 80 ? text.substr(0, 77) + "..." : text;
}

// A list that changed: what it gained and what it lost, by name.
std::string list_change(const model::Json& was, const model::Json& now, const Names& names) {
  std::vector<std::string> before;
  std::vector<std::string> after;
  for (const model::Json& item : was) before.push_back(value_text(item, names));
  for (const model::Json& item : now) after.push_back(value_text(item, names));
  const auto missing_from = [](const std::vector<std::string>& list, const std::vector<std::string>& other) {
    std::string text;
    for (const std::string& item : list) {
      if (std::find(other.begin(), other.end(), item) == other.end()) text += (text.empty() ? "" : ", ") + item;
    }
    return text;
  };
  const std::string gained = missing_from(after, before);
  const std::string lost = missing_from(before, after);
  if (gained.empty() && lost.empty()) return ": the details change.";
  if (lost.empty()) return ": " + gained + " added.";
  if (gained.empty()) return ": " + lost + " removed.";
  return ": " + gained + " added; " + lost + " removed.";
}

std::string flow_sentence(const model::Flow& flow, const Names& names) {
  if (flow.kind == model::FlowKind::holds) {
    std::string functions;
    for (const std::string& f : flow.functions) functions += (functions.empty() ? "" : "; ") + names.of(f);
    return names.of(flow.from) + " holds by statute: " + (functions.empty() ? "no functions named" : functions);
  }
  std::string text = names.of(flow.from) + " " + std::string(model::to_label(flow.kind));
  if (!flow.to.empty()) text += " " + names.of(flow.to);
  if (!flow.functions.empty()) {
    std::string functions;
    for (const std::string& f : flow.functions) functions += (functions.empty() ? "" : ", ") + names.of(f);
    text += " (" + functions + ")";
  }
  return text;
}

template <class T>
std::string entry_name(const T& item, const Names& names) {
  if constexpr (std::is_same_v<T, model::Flow>) return flow_sentence(item, names);
  else return names.of(item.id);
}

template <class T>
void compare(const std::vector<T>& before, const std::vector<T>& after, const std::string_view singular, const Names& names,
             std::vector<Difference>& out) {
  constexpr bool is_flow = std::is_same_v<T, model::Flow>;
  std::map<std::string, const T*> old;
  for (const T& item : before) old.emplace(item.id, &item);
  std::set<std::string> kept;
  for (const T& item : after) {
    kept.insert(item.id);
    const auto found = old.find(item.id);
    if (found == old.end()) {
      out.push_back({"added", item.id, "", is_flow ? "New: " + entry_name(item, names) + "."
                                                   : entry_name(item, names) + " (" + std::string(singular) + ") is added."});
      continue;
    }
    if (*found->second == item) continue;
    const model::Json was = model::write_object(*found->second);
    const model::Json now = model::write_object(item);
    std::set<std::string> fields;
    for (auto it = was.begin(); it != was.end(); ++it) fields.insert(it.key());
    for (auto it = now.begin(); it != now.end(); ++it) fields.insert(it.key());
    for (const std::string& field : fields) {
      const bool had = was.contains(field);
      const bool has = now.contains(field);
      if (had && has && was[field] == now[field]) continue;
      const std::string whose = entry_name(item, names) + ": its " + field_words(field);
      std::string sentence;
      if (!had) sentence = whose + " becomes " + value_text(now[field], names) + ".";
      else if (!has) sentence = whose + " is no longer given (it was " + value_text(was[field], names) + ").";
      else if (was[field].is_array() && now[field].is_array()) sentence = entry_name(item, names) + ": " + field_words(field) + list_change(was[field], now[field], names);
      else sentence = whose + " changes from " + value_text(was[field], names) + " to " + value_text(now[field], names) + ".";
      out.push_back({"changed", item.id, field, sentence});
    }
  }
  for (const T& item : before) {
    if (kept.count(item.id)) continue;
    out.push_back({"removed", item.id, "", is_flow ? "Ends: " + entry_name(item, names) + "."
                                                   : entry_name(item, names) + " (" + std::string(singular) + ") is removed."});
  }
}

template <class T>
void add_missing(std::vector<T>& into, const std::vector<T>& from) {
  std::set<std::string> have;
  for (const T& item : into) have.insert(item.id);
  for (const T& item : from) {
    if (!have.count(item.id)) into.push_back(item);
  }
}

}  // namespace

std::vector<std::string> describe_change(const model::Plan& plan, const model::Command& change) {
  const Names names(plan, plan);
  std::vector<std::string> out;
  const auto flow_of = [&](const std::string& id) -> const model::Flow* {
    for (const model::Flow& flow : plan.flows) {
      if (flow.id == id) return &flow;
    }
    return nullptr;
  };
  switch (change.op) {
    case model::CommandOp::add: {
      if (change.collection == "flows") {
        model::Flow flow;
        model::Problems ignored;
        model::read_object(flow, change.value, ignored, "");
        out.push_back("New: " + flow_sentence(flow, names) + ".");
        break;
      }
      const auto collection = model::collection_from_name(change.collection);
      std::string name = change.value.is_object() ? change.value.value("id", std::string()) : std::string();
      for (const char* key : {"name", "title", "term", "label"}) {
        if (change.value.is_object() && change.value.contains(key) && change.value[key].is_string()) {
          name = change.value[key].get<std::string>();
          break;
        }
      }
      out.push_back(name + " (" + (collection ? std::string(model::collection_info(*collection).singular) : change.collection) + ") is added.");
      break;
    }
    case model::CommandOp::remove: {
      const model::Flow* flow = flow_of(change.id);
      out.push_back(flow ? "Ends: " + flow_sentence(*flow, names) + "." : names.of(change.id) + " is removed.");
      break;
    }
    case model::CommandOp::set: {
      const model::Flow* flow = flow_of(change.id);
      out.push_back((flow ? flow_sentence(*flow, names) : names.of(change.id)) + ": its " + field_words(change.field) + " becomes " +
                    value_text(change.value, names) + ".");
      break;
    }
    case model::CommandOp::set_plan: out.push_back("The plan's " + field_words(change.field) + " changes."); break;
    case model::CommandOp::batch:
      for (const model::Command& part : change.commands) {
        const std::vector<std::string> sentences = describe_change(plan, part);
        out.insert(out.end(), sentences.begin(), sentences.end());
      }
      break;
  }
  return out;
}

model::Plan plan_union(const model::Plan& from, const model::Plan& to) {
  model::Plan both = to;
  add_missing(both.units, from.units);
  add_missing(both.organisations, from.organisations);
  add_missing(both.bodies, from.bodies);
  add_missing(both.posts, from.posts);
  add_missing(both.functions, from.functions);
  add_missing(both.flows, from.flows);
  add_missing(both.programmes, from.programmes);
  return both;
}

std::vector<Difference> plan_differences(const model::Plan& from, const model::Plan& to) {
  const Names names(from, to);
  std::vector<Difference> out;
  compare(from.units, to.units, "unit", names, out);
  compare(from.organisations, to.organisations, "organisation", names, out);
  compare(from.bodies, to.bodies, "body", names, out);
  compare(from.posts, to.posts, "post", names, out);
  compare(from.functions, to.functions, "function", names, out);
  compare(from.flows, to.flows, "flow", names, out);
  compare(from.programmes, to.programmes, "programme", names, out);
  return out;
}

}  // namespace analysis
