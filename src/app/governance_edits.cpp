#include "app/governance_edits.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "app/plan_document.hpp"
#include "model/collections.hpp"
#include "model/fields.hpp"
#include "model/plan_index.hpp"
#include "app/find_entry.hpp"
#include "model/validate.hpp"

namespace app {

namespace {

using model::Json;

model::ApplyResult failed(std::string message) {
  model::ApplyResult result;
  result.problems.error("", std::move(message));
  return result;
}

template <class T>
const T* find_in(const AppState& state, const std::vector<T> model::Plan::*list, const std::string& id) {
  if (!state.document || id.empty()) return nullptr;
  return find_entry(shown_plan(state).*list, id);
}

std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

// A new id no entry has, in the plan as written or in the state shown: "body-1", "body-2"...
std::string new_id(const AppState& state, const std::string& stem) {
  const model::PlanIndex shown(shown_plan(state));
  const model::PlanIndex written(state.document->plan);
  std::string id;
  for (int n = 1; id.empty() || shown.find(id) || written.find(id); ++n) id = stem + "-" + std::to_string(n);
  return id;
}

template <class T>
model::ApplyResult add_selected(AppState& state, const char* collection, T entity) {
  if (!state.document) return failed("no plan is open");
  const std::string id = entity.id;
  model::ApplyResult result = execute(state, model::add_command(collection, model::write_object(entity)));
  if (result.ok) state.selected = id, state.also_selected.clear();
  return result;
}

bool is_node(const AppState& state, const std::string& id) {
  return find_organisation(state, id) || find_body(state, id) || find_post(state, id) ||
         find_in(state, &model::Plan::programmes, id);
}

model::ApplyResult set_body_field(AppState& state, const std::string& body_id, const char* field, Json value, const std::string& what) {
  const model::Body* body = find_body(state, body_id);
  if (!body) return failed("there is no body " + in_quotes(body_id));
  return execute(state, model::batch_command(what + " of " + in_quotes(body->name), {model::set_command(body_id, field, std::move(value))}));
}

Json members_json(const std::vector<model::Member>& members) {
  Json list = Json::array();
  for (const model::Member& member : members) list.push_back(model::write_object(member));
  return list;
}

// The plan's layout hints as saved, {"view": {"id": [x, y]}}, or an empty object.
Json layout_json(const model::Plan& plan) {
  const auto written = model::find_field<model::Plan>("layout")->write(plan);
  return written ? *written : Json::object();
}

// Removes what a reference points from, inside an entry's JSON: the
// element of a list ("hosts", "footprint"), the list entry it sits in (a
// member, a change), or the field (a successor, a voting rule's lead).
void erase_reference(Json& entity, const Json::json_pointer& where) {
  const Json::json_pointer parent = where.parent_pointer();
  Json& container = entity.at(parent);
  if (container.is_array()) {
    container.erase(std::stoul(where.back()));
    return;
  }
  if (!parent.empty()) {
    Json& grand = entity.at(parent.parent_pointer());
    if (grand.is_array()) {
      grand.erase(std::stoul(parent.back()));
      return;
    }
  }
  container.erase(where.back());
}

// Pointers deepest and latest first, so that erasing one leaves the others' indices valid.
bool later_first(const std::string& a, const std::string& b) {
  const auto tokens = [](const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= path.size()) {
      const std::size_t end = std::min(path.find('/', start), path.size());
      out.push_back(path.substr(start, end - start));
      start = end + 1;
    }
    return out;
  };
  const auto ta = tokens(a);
  const auto tb = tokens(b);
  for (std::size_t i = 0; i < std::min(ta.size(), tb.size()); ++i) {
    if (ta[i] == tb[i]) continue;
    const bool numbers = !ta[i].empty() && !tb[i].empty() && std::all_of(ta[i].begin(), ta[i].end(), ::isdigit) &&
                         std::all_of(tb[i].begin(), tb[i].end(), ::isdigit);
    return numbers ? std::stoul(ta[i]) > std::stoul(tb[i]) : ta[i] > tb[i];
  }
  return ta.size() > tb.size();
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string join_words(const std::vector<std::string>& parts) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) text += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return text;
}

}  // namespace

const model::Organisation* find_organisation(const AppState& state, const std::string& id) { return find_in(state, &model::Plan::organisations, id); }
const model::Body* find_body(const AppState& state, const std::string& id) { return find_in(state, &model::Plan::bodies, id); }
const model::Post* find_post(const AppState& state, const std::string& id) { return find_in(state, &model::Plan::posts, id); }
const model::Flow* find_flow(const AppState& state, const std::string& id) { return find_in(state, &model::Plan::flows, id); }

std::string node_name(const AppState& state, const std::string& id) {
  if (const auto* o = find_organisation(state, id)) return o->name;
  if (const auto* b = find_body(state, id)) return b->name;
  if (const auto* p = find_post(state, id)) return p->title;
  if (const auto* u = find_in(state, &model::Plan::units, id)) return u->name;
  if (const auto* p = find_in(state, &model::Plan::programmes, id)) return p->name;
  return id;
}

model::ApplyResult add_organisation(AppState& state) {
  if (!state.document) return failed("no plan is open");
  model::Organisation organisation;
  organisation.id = new_id(state, "organisation");
  organisation.name = "New organisation";
  return add_selected(state, "organisations", organisation);
}

model::ApplyResult add_body(AppState& state) {
  if (!state.document) return failed("no plan is open");
  model::Body body;
  body.id = new_id(state, "body");
  body.name = "New body";
  body.kind = model::BodyKind::committee;
  body.status = model::Lifecycle::proposed;  // a new box on a sketch is a proposal until said otherwise
  return add_selected(state, "bodies", body);
}

model::ApplyResult add_post(AppState& state) {
  if (!state.document) return failed("no plan is open");
  model::Post post;
  post.id = new_id(state, "post");
  post.title = "New post";
  return add_selected(state, "posts", post);
}

model::ApplyResult add_flow(AppState& state, const std::string& from, const std::string& to, model::FlowKind kind,
                            const std::vector<std::string>& functions) {
  if (!state.document) return failed("no plan is open");
  if (kind == model::FlowKind::holds) return failed("holding a function is not a flow between two boxes: it belongs to one organisation");
  if (!is_node(state, from)) return failed("a flow starts at an organisation, body or post, and there is none called " + in_quotes(from));
  if (!is_node(state, to)) return failed("a flow ends at an organisation, body, post or programme, and there is none called " + in_quotes(to));
  if (from == to) return failed("a flow goes from one box to another, not to itself");
  for (const model::Flow& flow : shown_plan(state).flows) {
    if (flow.kind == kind && flow.from == from && flow.to == to) {
      return failed("there is already such a flow: " + node_name(state, from) + " " + std::string(model::to_label(kind)) + " " + node_name(state, to));
    }
  }
  for (const std::string& function : functions) {
    if (!find_in(state, &model::Plan::functions, function)) return failed("there is no function " + in_quotes(function) + " in the plan");
  }
  model::Flow flow;
  flow.id = new_id(state, "flow");
  flow.kind = kind;
  flow.from = from;
  flow.to = to;
  flow.functions = functions;
  const std::string label = "add: " + node_name(state, from) + " " + std::string(model::to_label(kind)) + " " + node_name(state, to);
  model::ApplyResult result = execute(state, model::batch_command(label, {model::add_command("flows", model::write_object(flow))}));
  if (result.ok) state.selected = flow.id, state.also_selected.clear();
  return result;
}

std::vector<model::FlowKind> allowed_flow_kinds(const AppState& state, const std::string& from, const std::string& to) {
  std::vector<model::FlowKind> kinds;
  if (!state.document) return kinds;
  const model::PlanIndex index(shown_plan(state));
  const model::Location* a = index.find(from);
  const model::Location* b = index.find(to);
  if (!a || !b || from == to) return kinds;
  for (const auto& entry : model::enum_names<model::FlowKind>()) {
    const model::FlowRule& rule = model::flow_rule(entry.value);
    if (rule.to != 0 && (rule.from & a->ref_kind()) && (rule.to & b->ref_kind())) kinds.push_back(entry.value);
  }
  return kinds;
}

bool flow_needs_functions(model::FlowKind kind) { return model::flow_rule(kind).needs_functions; }

model::FlowKind suggested_flow_kind(const AppState& state, const std::string& from, const std::string& to) {
  const std::vector<model::FlowKind> allowed = allowed_flow_kinds(state, from, to);
  const auto pick = [&](model::FlowKind kind) { return std::find(allowed.begin(), allowed.end(), kind) != allowed.end(); };
  const model::Body* target = find_body(state, to);
  const model::Body* source = find_body(state, from);
  const bool decides_jointly = target && (target->kind == model::BodyKind::joint_committee || target->kind == model::BodyKind::committees_in_common);
  if (source && source->kind == model::BodyKind::governing_body && decides_jointly && pick(model::FlowKind::delegates)) return model::FlowKind::delegates;
  if (target && (find_post(state, from) || find_organisation(state, from)) && pick(model::FlowKind::member_of)) return model::FlowKind::member_of;
  if (pick(model::FlowKind::reports_to)) return model::FlowKind::reports_to;
  return allowed.empty() ? model::FlowKind::reports_to : allowed.front();
}

model::ApplyResult rename_node(AppState& state, const std::string& id, const std::string& name) {
  if (!state.document) return failed("no plan is open");
  const bool post = find_post(state, id) != nullptr;
  if (!post && !is_node(state, id)) return failed("there is no organisation, body or post " + in_quotes(id));
  return execute(state, model::set_command(id, post ? "title" : "name", Json(name)));
}

model::ApplyResult set_flow_kind(AppState& state, const std::string& flow_id, model::FlowKind kind) {
  const model::Flow* flow = find_flow(state, flow_id);
  if (!flow) return failed("there is no flow " + in_quotes(flow_id));
  if (kind == model::FlowKind::holds) return failed("a flow between two boxes cannot become \"holds\"");
  std::vector<model::Command> commands = {model::set_command(flow_id, "kind", Json(std::string(model::to_name(kind))))};
  // Functions travel with delegations; other kinds of flow keep none.
  if (kind != model::FlowKind::delegates && !flow->functions.empty()) commands.push_back(model::set_command(flow_id, "functions", Json(nullptr)));
  return execute(state, model::batch_command("make the flow \"" + std::string(model::to_label(kind)) + "\"", std::move(commands)));
}

model::ApplyResult set_flow_functions(AppState& state, const std::string& flow_id, const std::vector<std::string>& functions) {
  if (!find_flow(state, flow_id)) return failed("there is no flow " + in_quotes(flow_id));
  return execute(state, model::batch_command("change the functions delegated",
                                             {model::set_command(flow_id, "functions", functions.empty() ? Json(nullptr) : Json(functions))}));
}

model::ApplyResult set_body_status(AppState& state, const std::string& body_id, model::Lifecycle status) {
  return set_body_field(state, body_id, "status", Json(std::string(model::to_name(status))), "change the status");
}

model::ApplyResult set_body_level(AppState& state, const std::string& body_id, std::optional<model::Layer> level) {
  return set_body_field(state, body_id, "level", level ? Json(std::string(model::to_name(*level))) : Json(nullptr), "change the level");
}

model::ApplyResult set_body_voting(AppState& state, const std::string& body_id, const std::optional<model::VotingRule>& rule) {
  return set_body_field(state, body_id, "voting", rule ? model::write_object(*rule) : Json(nullptr), "change the voting rule");
}

model::ApplyResult add_body_member(AppState& state, const std::string& body_id, const std::string& member_id, bool voting) {
  const model::Body* body = find_body(state, body_id);
  if (!body) return failed("there is no body " + in_quotes(body_id));
  const bool post = find_post(state, member_id) != nullptr;
  if (!post && !find_organisation(state, member_id)) return failed("a member is an organisation or a post, and there is none called " + in_quotes(member_id));
  for (const model::Member& m : body->members) {
    if (m.organisation == member_id || m.post == member_id) return failed(node_name(state, member_id) + " is already a member of " + body->name);
  }
  std::vector<model::Member> members = body->members;
  model::Member member;
  (post ? member.post : member.organisation) = member_id;
  member.voting = voting;
  members.push_back(member);
  return execute(state, model::batch_command("add " + in_quotes(node_name(state, member_id)) + " to " + in_quotes(body->name),
                                             {model::set_command(body_id, "members", members_json(members))}));
}

model::ApplyResult remove_body_member(AppState& state, const std::string& body_id, std::size_t index) {
  const model::Body* body = find_body(state, body_id);
  if (!body || index >= body->members.size()) return failed("there is no such member to remove");
  std::vector<model::Member> members = body->members;
  const model::Member removed = members[index];
  members.erase(members.begin() + static_cast<std::ptrdiff_t>(index));
  const std::string who = node_name(state, removed.organisation.empty() ? removed.post : removed.organisation);
  return execute(state, model::batch_command("remove " + in_quotes(who) + " from " + in_quotes(body->name),
                                             {model::set_command(body_id, "members", members.empty() ? Json(nullptr) : members_json(members))}));
}

model::ApplyResult set_member_voting(AppState& state, const std::string& body_id, std::size_t index, bool voting) {
  const model::Body* body = find_body(state, body_id);
  if (!body || index >= body->members.size()) return failed("there is no such member");
  std::vector<model::Member> members = body->members;
  members[index].voting = voting;
  return execute(state, model::batch_command(std::string(voting ? "give a vote" : "take the vote") + " on " + in_quotes(body->name),
                                             {model::set_command(body_id, "members", members_json(members))}));
}

model::ApplyResult add_body_footprint(AppState& state, const std::string& body_id, const std::string& unit_id) {
  const model::Body* body = find_body(state, body_id);
  if (!body) return failed("there is no body " + in_quotes(body_id));
  if (!find_in(state, &model::Plan::units, unit_id)) return failed("there is no unit " + in_quotes(unit_id));
  if (std::find(body->footprint.begin(), body->footprint.end(), unit_id) != body->footprint.end()) return failed("it is already in the footprint");
  std::vector<std::string> footprint = body->footprint;
  footprint.push_back(unit_id);
  return set_body_field(state, body_id, "footprint", Json(footprint), "add " + in_quotes(node_name(state, unit_id)) + " to the footprint");
}

model::ApplyResult remove_body_footprint(AppState& state, const std::string& body_id, const std::string& unit_id) {
  const model::Body* body = find_body(state, body_id);
  if (!body) return failed("there is no body " + in_quotes(body_id));
  std::vector<std::string> footprint = body->footprint;
  if (std::erase(footprint, unit_id) == 0) return failed("it is not in the footprint");
  return set_body_field(state, body_id, "footprint", footprint.empty() ? Json(nullptr) : Json(footprint),
                        "take " + in_quotes(node_name(state, unit_id)) + " out of the footprint");
}

std::optional<DeletePlan> plan_delete_node(const AppState& state, const std::string& id) {
  if (!state.document || (!is_node(state, id) && !find_flow(state, id))) return std::nullopt;
  const model::Plan& plan = shown_plan(state);
  // Every reference to it, grouped by the entry that holds it.
  std::map<std::pair<std::string, std::size_t>, std::vector<std::string>> holders;  // (collection, index) -> pointers inside
  model::for_each_collection(plan, [&](const model::CollectionInfo& info, const auto& items) {
    model::PointerPath path;  // inside the entry
    for (std::size_t i = 0; i < items.size(); ++i) {
      model::visit_refs(items[i], path, [&](const model::PointerPath& at, const std::string& ref, unsigned) {
        if (ref == id) holders[{std::string(info.name), i}].push_back(at.text());
      });
    }
  });
  std::vector<model::Command> changes;
  std::vector<model::Command> removals;
  std::vector<std::string> flows_removed;
  std::size_t seats = 0;
  std::size_t mentions = 0;
  model::for_each_collection(plan, [&](const model::CollectionInfo& info, const auto& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto found = holders.find({std::string(info.name), i});
      if (found == holders.end()) continue;
      std::vector<std::string> pointers = found->second;
      const std::string& holder_id = items[i].id;
      if (std::string(info.name) == "flows" &&
          std::any_of(pointers.begin(), pointers.end(), [](const std::string& p) { return p == "/from" || p == "/to"; })) {
        removals.push_back(model::remove_command(holder_id));
        const model::Flow* flow = find_flow(state, holder_id);
        flows_removed.push_back(node_name(state, flow->from) + " " + std::string(model::to_label(flow->kind)) + " " + node_name(state, flow->to));
        continue;
      }
      Json entry = model::write_object(items[i]);
      std::sort(pointers.begin(), pointers.end(), later_first);
      std::vector<std::string> fields;
      for (const std::string& pointer : pointers) {
        const std::string field = pointer.substr(1, pointer.find('/', 1) - 1);
        if (field == "members") ++seats;
        else ++mentions;
        erase_reference(entry, Json::json_pointer(pointer));
        if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
      }
      for (const std::string& field : fields) {
        const bool empty = !entry.contains(field) || (entry[field].is_array() && entry[field].empty());
        changes.push_back(model::set_command(holder_id, field, empty ? Json(nullptr) : entry[field]));
      }
    }
  });
  // Its nudges go with it.
  Json layout = layout_json(plan);
  std::size_t nudges = 0;
  for (auto& [view, hints] : layout.items()) nudges += hints.erase(id);
  if (nudges > 0) {
    for (auto it = layout.begin(); it != layout.end();) it = it.value().empty() ? layout.erase(it) : std::next(it);
    changes.push_back(model::set_plan_command("layout", layout.empty() ? Json(nullptr) : layout));
  }
  const bool flow = find_flow(state, id) != nullptr;
  std::string name;
  if (flow) {
    const model::Flow* f = find_flow(state, id);
    name = node_name(state, f->from) + " " + std::string(model::to_label(f->kind)) + " " + node_name(state, f->to);
  } else {
    name = node_name(state, id);
  }
  DeletePlan result;
  result.label = "delete " + in_quotes(name);
  std::vector<std::string> also;
  if (!flows_removed.empty()) {
    std::string flows = plural(flows_removed.size(), "flow", "flows") + " to or from it (";
    for (std::size_t i = 0; i < flows_removed.size() && i < 3; ++i) flows += (i ? "; " : "") + flows_removed[i];
    flows += flows_removed.size() > 3 ? "; and " + std::to_string(flows_removed.size() - 3) + " more)" : ")";
    also.push_back(flows);
  }
  if (seats > 0) also.push_back("its " + plural(seats, "seat on a body", "seats on bodies"));
  if (mentions > 0) also.push_back(plural(mentions, "other mention of it", "other mentions of it") + " (as a host, successor, lead or note subject)");
  if (nudges > 0) also.push_back("where it was dragged to");
  result.statement = "Delete " + in_quotes(name) + "?" +
                     (also.empty() ? std::string(" Nothing else refers to it.") : " This also removes " + join_words(also) + ".");
  changes.insert(changes.end(), removals.begin(), removals.end());
  changes.push_back(model::remove_command(id));
  result.command = model::batch_command(result.label, std::move(changes));
  return result;
}

model::ApplyResult delete_node(AppState& state, const std::string& id) {
  const auto plan = plan_delete_node(state, id);
  if (!plan) return failed("there is no organisation, body, post or flow " + in_quotes(id) + " to delete");
  model::ApplyResult result = execute(state, plan->command);
  if (result.ok && state.selected == id) state.selected.clear();
  return result;
}

model::ApplyResult set_layout_hint(AppState& state, const std::string& view, const std::string& id, double x, double y) {
  if (!state.document) return failed("no plan is open");
  Json layout = layout_json(state.document->plan);
  layout[view][id] = Json::array({std::round(x * 10.0) / 10.0, std::round(y * 10.0) / 10.0});
  return execute(state, model::batch_command("move " + in_quotes(node_name(state, id)), {model::set_plan_command("layout", layout)}));
}

model::ApplyResult clear_layout_hint(AppState& state, const std::string& view, const std::string& id) {
  if (!state.document) return failed("no plan is open");
  Json layout = layout_json(state.document->plan);
  if (!layout.contains(view) || !layout[view].contains(id)) return failed(in_quotes(node_name(state, id)) + " has not been moved by hand");
  layout[view].erase(id);
  if (layout[view].empty()) layout.erase(view);
  return execute(state, model::batch_command("put " + in_quotes(node_name(state, id)) + " back in place",
                                             {model::set_plan_command("layout", layout.empty() ? Json(nullptr) : layout)}));
}

}  // namespace app
