// The inspector for the governance view's selection: an organisation, a
// body (its members, voting rule, level, footprint and status), a post or a
// flow (its kind and, for a delegation, its functions). Every change is one
// command, undone in one step.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "analysis/decision_rights.hpp"
#include "app/governance_edits.hpp"
#include "app/governance_folding.hpp"
#include "app/plan_document.hpp"
#include "app/unit_edits.hpp"
#include "model/command.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

void report(app::InspectorState& fields, const model::ApplyResult& result) {
  fields.message.clear();
  for (const model::Problem& problem : result.problems.list) {
    if (problem.severity == model::Severity::error) fields.message += (fields.message.empty() ? "" : " ") + problem.message;
  }
}

// A combo over an enum's labels; true (and `value` set) when one is chosen.
template <class E>
bool enum_combo(const char* id, E& value) {
  bool chosen = false;
  if (ImGui::BeginCombo(id, std::string(model::to_label(value)).c_str())) {
    for (const auto& entry : model::enum_names<E>()) {
      if (ImGui::Selectable(entry.label, entry.value == value) && entry.value != value) value = entry.value, chosen = true;
    }
    ImGui::EndCombo();
  }
  return chosen;
}

template <class E>
void enum_field(app::AppState& state, app::InspectorState& fields, const std::string& id, const char* label, const char* field, E value) {
  ImGui::TextUnformatted(label);
  if (enum_combo((std::string("##") + field).c_str(), value)) {
    report(fields, app::execute(state, model::set_command(id, field, model::Json(std::string(model::to_name(value))))));
  }
}

void name_field(app::AppState& state, app::InspectorState& fields, const std::string& id, const std::string& current) {
  ImGui::TextUnformatted("Name");
  ImGui::InputText("##name", &fields.name);
  if (ImGui::IsItemDeactivatedAfterEdit() && fields.name != current) {
    if (fields.name.find_first_not_of(' ') == std::string::npos) fields.message = "It needs a name.";
    else report(fields, app::rename_node(state, id, fields.name));
  }
}

void draw_members(app::AppState& state, app::InspectorState& fields, const model::Body& body) {
  ImGui::SeparatorText("Members");
  if (body.members.empty()) ImGui::TextDisabled("No members yet.");
  for (std::size_t i = 0; i < body.members.size(); ++i) {
    const model::Member& member = body.members[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton("\xC3\x97")) report(fields, app::remove_body_member(state, body.id, i));  // ×
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove from %s", body.name.c_str());
    ImGui::SameLine();
    bool voting = member.voting;
    if (ImGui::Checkbox("##voting", &voting)) report(fields, app::set_member_voting(state, body.id, i, voting));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", voting ? "Has a vote (untick: sits without a vote)" : "Sits without a vote (tick: give a vote)");
    ImGui::SameLine();
    const std::string who = app::node_name(state, member.organisation.empty() ? member.post : member.organisation);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted((who + (member.voting ? "" : " (no vote)")).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopID();
  }
  if (ImGui::BeginCombo("##add_member", "Add a member...")) {
    const model::Plan& plan = app::shown_plan(state);
    const auto already = [&](const std::string& id) {
      for (const model::Member& m : body.members) {
        if (m.organisation == id || m.post == id) return true;
      }
      return false;
    };
    std::string chosen;
    for (const model::Organisation& o : plan.organisations) {
      if (!already(o.id) && ImGui::Selectable((o.name + "##" + o.id).c_str())) chosen = o.id;
    }
    for (const model::Post& p : plan.posts) {
      if (!already(p.id) && ImGui::Selectable((p.title + " (post)##" + p.id).c_str())) chosen = p.id;
    }
    ImGui::EndCombo();
    if (!chosen.empty()) report(fields, app::add_body_member(state, body.id, chosen, true));
  }
}

void draw_voting(app::AppState& state, app::InspectorState& fields, const model::Body& body) {
  ImGui::SeparatorText("How it decides");
  const char* preview = body.voting ? model::to_label(body.voting->method).data() : "No voting rule recorded";
  if (ImGui::BeginCombo("##voting_rule", preview)) {
    if (ImGui::Selectable("No voting rule recorded", !body.voting)) report(fields, app::set_body_voting(state, body.id, std::nullopt));
    for (const auto& entry : model::enum_names<model::VotingMethod>()) {
      if (ImGui::Selectable(entry.label, body.voting && body.voting->method == entry.value)) {
        model::VotingRule rule = body.voting.value_or(model::VotingRule{});
        rule.method = entry.value;
        report(fields, app::set_body_voting(state, body.id, rule));
      }
    }
    ImGui::EndCombo();
  }
  if (body.voting && body.voting->evidence.certainty != model::Certainty::stated) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("This rule is %s%s%s", std::string(model::to_name(body.voting->evidence.certainty)).c_str(),
                        body.voting->note.empty() ? "." : ": ", body.voting->note.c_str());
    ImGui::PopTextWrapPos();
  }
}

void draw_footprint(app::AppState& state, app::InspectorState& fields, const model::Body& body) {
  ImGui::SeparatorText("Level and footprint");
  ImGui::TextUnformatted("Works at");
  const std::string level = body.level ? std::string(model::to_label(*body.level)) : "Not set (from its footprint)";
  if (ImGui::BeginCombo("##level", level.c_str())) {
    if (ImGui::Selectable("Not set (from its footprint)", !body.level)) report(fields, app::set_body_level(state, body.id, std::nullopt));
    for (const auto& entry : model::enum_names<model::Layer>()) {
      if (ImGui::Selectable(entry.label, body.level == entry.value)) report(fields, app::set_body_level(state, body.id, entry.value));
    }
    ImGui::EndCombo();
  }
  for (const std::string& unit_id : body.footprint) {
    ImGui::PushID(unit_id.c_str());
    if (ImGui::SmallButton("\xC3\x97")) report(fields, app::remove_body_footprint(state, body.id, unit_id));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Take it out of the footprint");
    ImGui::SameLine();
    ImGui::TextUnformatted(app::node_name(state, unit_id).c_str());
    ImGui::PopID();
  }
  if (ImGui::BeginCombo("##add_footprint", "Add a place, system or region...")) {
    std::string chosen;
    for (const model::Unit& unit : app::shown_plan(state).units) {
      if (model::layer_rank(unit.layer) < model::layer_rank(model::Layer::place)) continue;
      if (std::find(body.footprint.begin(), body.footprint.end(), unit.id) != body.footprint.end()) continue;
      if (ImGui::Selectable((unit.name + "##" + unit.id).c_str())) chosen = unit.id;
    }
    ImGui::EndCombo();
    if (!chosen.empty()) report(fields, app::add_body_footprint(state, body.id, chosen));
  }
}

void draw_flow(app::AppState& state, app::InspectorState& fields, const model::Flow& flow) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted((app::node_name(state, flow.from) + " " + std::string(model::to_label(flow.kind)) + " " + app::node_name(state, flow.to)).c_str());
  ImGui::PopTextWrapPos();
  ImGui::TextUnformatted("Kind");
  model::FlowKind kind = flow.kind;
  if (enum_combo("##flow_kind", kind)) report(fields, app::set_flow_kind(state, flow.id, kind));
  if (flow.kind != model::FlowKind::delegates) return;
  ImGui::SeparatorText("Functions delegated");
  for (const model::Function& function : app::shown_plan(state).functions) {
    bool chosen = std::find(flow.functions.begin(), flow.functions.end(), function.id) != flow.functions.end();
    if (ImGui::Checkbox((function.name + "##" + function.id).c_str(), &chosen)) {
      std::vector<std::string> functions;
      for (const model::Function& f : app::shown_plan(state).functions) {
        const bool was = std::find(flow.functions.begin(), flow.functions.end(), f.id) != flow.functions.end();
        if (f.id == function.id ? chosen : was) functions.push_back(f.id);
      }
      report(fields, app::set_flow_functions(state, flow.id, functions));
    }
  }
}

bool nudged(const app::AppState& state, const std::string& id) {
  for (const model::LayoutHint& hint : app::shown_plan(state).layout) {
    if (hint.view == layout::governance_view && hint.id == id) return true;
  }
  return false;
}

std::string label_of(const app::AppState& state, const std::string& id) {
  if (!state.governance_scene) return {};
  for (const layout::Item& item : state.governance_scene->items) {
    if (item.id == id) return item.label;
  }
  return {};
}

// What the inspector says of the selected box beyond its fields, worked
// out again only when the selection or the drawing (so the plan shown)
// changes: going through England's flows and boxes took about 6 ms of
// every frame in the page.
struct BoxFacts {
  std::uint64_t scene = 0;
  std::string id;
  std::string label;            // the box's words in the drawing
  std::string decision_rights;  // what it decides, in words
  app::FoldChoices fold;
};

const BoxFacts& box_facts(app::AppState& state, const std::string& id) {
  static BoxFacts kept;
  const std::uint64_t scene = state.governance_scene ? state.governance_scene->serial : 0;
  if (scene == 0 || scene != kept.scene || id != kept.id) {
    kept = {scene, id, label_of(state, id), analysis::decision_rights_of(app::shown_plan(state), id), app::fold_choices(state, id)};
  }
  return kept;
}

// Folding: the group this box hosts, or every like box in its level, as one box.
void draw_fold_buttons(app::AppState& state, const std::string& id) {
  if (state.governance.folded.count(id)) {
    if (ImGui::Button("Unfold")) app::fold_governance(state, id, false);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Draw the bodies it hosts in boxes of their own again");
    return;
  }
  const app::FoldChoices choices = box_facts(state, id).fold;
  if (!choices.group.empty()) {
    if (ImGui::Button("Fold with what it hosts")) app::fold_governance(state, choices.group, true);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Draw it and the bodies it hosts as one box, with their lines merged");
  }
  if (!choices.set.empty()) {
    if (!choices.group.empty()) ImGui::SameLine();
    const std::string label = "Fold all " + std::to_string(choices.set_size) + " like it";
    if (ImGui::Button(label.c_str())) {
      app::fold_governance(state, choices.set, true);
      state.selected = choices.set;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Draw every box of this kind at this level as one box, with their lines merged");
  }
}

// A folded set of like boxes: what it holds, and the way back.
void draw_folded_set(app::AppState& state, const Fonts& fonts) {
  const layout::Item* item = nullptr;
  if (state.governance_scene) {
    for (const layout::Item& candidate : state.governance_scene->items) {
      if (candidate.id == state.selected) item = &candidate;
    }
  }
  if (!item) {
    state.selected.clear();
    return;
  }
  bool open = true;
  if (begin_inspector("Folded boxes###inspector", 360.0f, fonts, &open)) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(item->label.c_str());
    ImGui::PopTextWrapPos();
    const std::string id = item->id;
    if (ImGui::Button("Unfold")) {
      app::fold_governance(state, id, false);
      state.selected.clear();
    }
  }
  ImGui::End();
  if (!open) state.selected.clear();
}

}  // namespace

void draw_governance_inspector(app::AppState& state, const Fonts& fonts) {
  if (state.selected.empty() || !state.document) return;
  // Copies: edits below may move the plan's entries. Ids are unique across
  // the plan, so the looking stops at the first list that has it.
  const model::Organisation* organisation = app::find_organisation(state, state.selected);
  const model::Body* body = organisation ? nullptr : app::find_body(state, state.selected);
  const model::Post* post = organisation || body ? nullptr : app::find_post(state, state.selected);
  const model::Flow* flow = organisation || body || post ? nullptr : app::find_flow(state, state.selected);
  if (!organisation && !body && !post && !flow && app::find_unit(state, state.selected)) return;  // the unit inspector's
  if (!organisation && !body && !post && !flow && state.selected.rfind("set/", 0) == 0) {
    draw_folded_set(state, fonts);
    return;
  }
  if (!organisation && !body && !post && !flow) {
    state.selected.clear();  // deleted, or an add undone
    return;
  }
  const std::string id = state.selected;
  const std::string name = organisation ? organisation->name : body ? body->name : post ? post->title : std::string();
  app::InspectorState& fields = state.inspector;
  if (fields.unit_id != id) fields.message.clear();
  if (fields.unit_id != id || !ImGui::IsAnyItemActive()) fields.unit_id = id, fields.name = name;

  bool open = true;
  const char* title = organisation ? "Organisation###inspector" : body ? "Body###inspector" : post ? "Post###inspector" : "Flow###inspector";
  if (begin_inspector(title, 360.0f, fonts, &open)) {
    ImGui::PushItemWidth(-1.0f);
    if (organisation) {
      const model::Organisation o = *organisation;
      name_field(state, fields, id, o.name);
      enum_field(state, fields, id, "Kind", "kind", o.kind);
      enum_field(state, fields, id, "Status", "status", o.status);
    } else if (body) {
      const model::Body b = *body;
      name_field(state, fields, id, b.name);
      enum_field(state, fields, id, "Kind", "kind", b.kind);
      ImGui::TextUnformatted("Status");
      model::Lifecycle status = b.status;
      if (enum_combo("##status", status)) report(fields, app::set_body_status(state, id, status));
      draw_voting(state, fields, b);
      draw_members(state, fields, b);
      draw_footprint(state, fields, b);
    } else if (post) {
      const model::Post p = *post;
      name_field(state, fields, id, p.title);
      enum_field(state, fields, id, "Role", "role", p.role);
    } else {
      draw_flow(state, fields, model::Flow(*flow));
    }
    ImGui::PopItemWidth();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    if (!flow) ImGui::TextDisabled("%s", box_facts(state, id).label.c_str());
    if (organisation || body) {
      // What it decides and for whom, or what it holds, delegated and kept.
      ImGui::SeparatorText("Decision rights");
      ImGui::TextUnformatted(box_facts(state, id).decision_rights.c_str());
    }
    if (!fields.message.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.84f, 0.16f, 0.11f, 1.0f));
      ImGui::TextUnformatted(fields.message.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    if (!flow && nudged(state, id)) {
      if (ImGui::Button("Put back in place")) report(fields, app::clear_layout_hint(state, layout::governance_view, id));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Forget where it was dragged to: the automatic layout places it");
      ImGui::SameLine();
    }
    if (ImGui::Button("Delete...")) ask_delete(state, id);
    if (organisation || body) draw_fold_buttons(state, id);
    if (!flow && state.governance.only != id) {
      if (ImGui::Button("Show only what touches this")) app::show_only(state, id);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hide everything without a line to it; Show everything (top left) brings it all back");
    }
  }
  ImGui::End();
  if (!open) state.selected.clear();
}

}  // namespace ui
