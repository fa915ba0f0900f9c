#pragma once
// The governance view's edits: organisations, bodies, posts and flows,
// each edit one command (a batch where it takes several), so that each is
// undone in one step.
#include <optional>
#include <string>
#include <vector>

#include "app/app_state.hpp"
#include "model/command.hpp"

namespace app {

const model::Organisation* find_organisation(const AppState& state, const std::string& id);
const model::Body* find_body(const AppState& state, const std::string& id);
const model::Post* find_post(const AppState& state, const std::string& id);
const model::Flow* find_flow(const AppState& state, const std::string& id);
// What people call it: an organisation's or body's name, a post's title,
// a unit's or programme's name; the id itself when there is none.
std::string node_name(const AppState& state, const std::string& id);

// New entries with readable new ids ("body-3"), selected.
model::ApplyResult add_organisation(AppState& state);
model::ApplyResult add_body(AppState& state);
model::ApplyResult add_post(AppState& state);
// A flow from one organisation, body or post to another; functions only
// for a delegation. Refuses a flow to itself and one already there.
model::ApplyResult add_flow(AppState& state, const std::string& from, const std::string& to, model::FlowKind kind,
                            const std::vector<std::string>& functions = {});
// The kinds of flow that may go from one node to another (a regulator
// regulates organisations, members sit on bodies...), in the usual order.
std::vector<model::FlowKind> allowed_flow_kinds(const AppState& state, const std::string& from, const std::string& to);
// Whether the kind must name functions (a delegation does).
bool flow_needs_functions(model::FlowKind kind);
// A sensible kind for a flow drawn from one node to another: a governing
// body to a joint committee delegates, a member sits on a body, else reports to.
model::FlowKind suggested_flow_kind(const AppState& state, const std::string& from, const std::string& to);

model::ApplyResult rename_node(AppState& state, const std::string& id, const std::string& name);
model::ApplyResult set_flow_kind(AppState& state, const std::string& flow_id, model::FlowKind kind);
model::ApplyResult set_flow_functions(AppState& state, const std::string& flow_id, const std::vector<std::string>& functions);

model::ApplyResult set_body_status(AppState& state, const std::string& body_id, model::Lifecycle status);
model::ApplyResult set_body_level(AppState& state, const std::string& body_id, std::optional<model::Layer> level);
model::ApplyResult set_body_voting(AppState& state, const std::string& body_id, const std::optional<model::VotingRule>& rule);
model::ApplyResult add_body_member(AppState& state, const std::string& body_id, const std::string& member_id, bool voting);
model::ApplyResult remove_body_member(AppState& state, const std::string& body_id, std::size_t index);
model::ApplyResult set_member_voting(AppState& state, const std::string& body_id, std::size_t index, bool voting);
model::ApplyResult add_body_footprint(AppState& state, const std::string& body_id, const std::string& unit_id);
model::ApplyResult remove_body_footprint(AppState& state, const std::string& body_id, const std::string& unit_id);

// Deleting an organisation, body, post or flow, and everything that names
// it: flows to and from it, seats on bodies, successor, host, lead and
// other references, its nudges. The statement says so before it is done.
struct DeletePlan {
  std::string label;      // for the undo menu: "delete "Joint Committee of CCGs""
  std::string statement;  // for the confirmation
  model::Command command;
};
std::optional<DeletePlan> plan_delete_node(const AppState& state, const std::string& id);
model::ApplyResult delete_node(AppState& state, const std::string& id);

// Nudges: where a person put a node in a view, kept in the plan's layout hints.
model::ApplyResult set_layout_hint(AppState& state, const std::string& view, const std::string& id, double x, double y);
model::ApplyResult clear_layout_hint(AppState& state, const std::string& view, const std::string& id);

}  // namespace app
