// Around the canvas: the switch between views, the governance palette
// (add an organisation, body or post), its filters, the dialog that gives a
// newly drawn flow its kind, and the confirmation before deleting.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/governance_edits.hpp"
#include "app/governance_folding.hpp"
#include "app/plan_document.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

constexpr ImGuiWindowFlags overlay_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;

// "Population layers | Governance" at the top left of the canvas, and in the
// governance view the palette beside it.
void draw_view_switch(app::AppState& state, float ratio) {
  if (!state.document) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 12.0f * ratio, viewport->WorkPos.y + 12.0f * ratio), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.95f);
  if (!ImGui::Begin("##views", nullptr, overlay_flags)) {
    ImGui::End();
    return;
  }
  const auto tab = [&](const char* label, app::CanvasView view) {
    // The view shown is the filled one, in the accent colour, like a selected tab.
    const bool current = state.canvas_view == view;
    if (current) {
      const ImVec4 accent = ImGui::GetStyleColorVec4(ImGuiCol_CheckMark);
      ImGui::PushStyleColor(ImGuiCol_Button, accent);
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, accent);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
    }
    if (ImGui::Button(label)) app::show_view(state, view);
    if (current) ImGui::PopStyleColor(3);
  };
  tab("Population layers", app::CanvasView::layers);
  ImGui::SameLine(0.0f, 2.0f * ratio);
  tab("Governance", app::CanvasView::governance);
  if (state.canvas_view == app::CanvasView::governance) {
    ImGui::SameLine(0.0f, 16.0f * ratio);
    ImGui::TextDisabled("Add:");
    ImGui::SameLine();
    if (ImGui::Button("Organisation")) add_governance_node(state, "organisation");
    ImGui::SameLine();
    if (ImGui::Button("Body")) add_governance_node(state, "body");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A board, committee, group or partnership");
    ImGui::SameLine();
    if (ImGui::Button("Post")) add_governance_node(state, "post");
    ImGui::SameLine(0.0f, 16.0f * ratio);
    if (ImGui::Button("Filters")) state.show_governance_filters = !state.show_governance_filters;
    if (!state.governance.only.empty()) {
      // One step back to the whole drawing.
      ImGui::SameLine(0.0f, 16.0f * ratio);
      if (ImGui::Button("Show everything")) app::show_only(state, "");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Showing only what touches the chosen box: show the whole drawing again");
    }
  }
  ImGui::End();
}

template <class E>
bool enum_checkboxes(std::set<E>& hidden, const std::set<E>& present) {
  bool changed = false;
  for (const auto& entry : model::enum_names<E>()) {
    if (!present.count(entry.value)) continue;
    bool shown = !hidden.count(entry.value);
    std::string label(entry.label);
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    if (ImGui::Checkbox(label.c_str(), &shown)) {
      if (shown) hidden.erase(entry.value);
      else hidden.insert(entry.value);
      changed = true;
    }
  }
  return changed;
}

void draw_filters(app::AppState& state, float ratio) {
  if (!state.show_governance_filters || state.canvas_view != app::CanvasView::governance || !state.document) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 12.0f * ratio, viewport->WorkPos.y + 64.0f * ratio), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(300.0f * ratio, 460.0f * ratio), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Governance filters", &state.show_governance_filters, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  const model::Plan& plan = app::shown_plan(state);
  layout::GovernanceOptions& options = state.governance;
  bool changed = false;
  ImGui::TextDisabled("Show these flows");
  std::set<model::FlowKind> flows;
  for (const model::Flow& flow : plan.flows) {
    if (flow.kind != model::FlowKind::holds) flows.insert(flow.kind);
  }
  changed |= enum_checkboxes(options.hidden_flows, flows);
  changed |= ImGui::Checkbox("Lines to each body from its members", &options.member_lines);
  ImGui::Separator();
  ImGui::TextDisabled("Show these organisations");
  std::set<model::OrganisationKind> kinds;
  for (const model::Organisation& organisation : plan.organisations) kinds.insert(organisation.kind);
  changed |= enum_checkboxes(options.hidden_organisations, kinds);
  ImGui::Separator();
  ImGui::TextDisabled("Show these levels");
  for (int band = layout::national_band; band >= 0; --band) {
    bool shown = !options.hidden_bands.count(band);
    std::string label = layout::band_label(band);
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    if (ImGui::Checkbox(label.c_str(), &shown)) {
      if (shown) options.hidden_bands.erase(band);
      else options.hidden_bands.insert(band);
      changed = true;
    }
  }
  ImGui::Separator();
  if (state.governance_scene) {
    // The layout's own report: how tangled the picture is, against the plan's order.
    layout::Scene& scene = *state.governance_scene;
    layout::count_unknown_crossings(scene);  // once a scene: a large layout leaves them to be asked for
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Laid out in %.0f ms: %zu line crossings (%zu if every row kept the plan's order).", state.governance_layout_ms,
                        *scene.crossings, *scene.input_order_crossings);
    ImGui::PopTextWrapPos();
  }
  if (ImGui::Button("Show everything")) {
    options = layout::GovernanceOptions{};
    changed = true;
  }
  if (changed) app::refresh_governance(state);
  ImGui::End();
}

// After a flow is drawn from one node to another: its kind, and for a
// delegation the functions it passes on.
void draw_new_flow(app::AppState& state) {
  app::NewFlowDialog& dialog = state.new_flow;
  if (!dialog.visible) return;
  if (!state.document) {
    dialog.visible = false;
    return;
  }
  ImGui::OpenPopup("New flow");
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("New flow", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  const std::string from = app::node_name(state, dialog.from);
  const std::string to = app::node_name(state, dialog.to);
  const std::vector<model::FlowKind> kinds = app::allowed_flow_kinds(state, dialog.from, dialog.to);
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  if (kinds.empty()) ImGui::TextUnformatted(("No kind of flow can go from \"" + from + "\" to \"" + to + "\".").c_str());
  else ImGui::TextUnformatted(("From \"" + from + "\" to \"" + to + "\": what is it?").c_str());
  ImGui::PopTextWrapPos();
  // Only the kinds that can join these two (a regulator regulates organisations, members sit on bodies).
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
  if (ImGui::BeginCombo("##kind", std::string(model::to_label(dialog.kind)).c_str())) {
    for (model::FlowKind kind : kinds) {
      if (ImGui::Selectable(model::to_label(kind).data(), kind == dialog.kind)) dialog.kind = kind, dialog.message.clear();
    }
    ImGui::EndCombo();
  }
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  ImGui::TextDisabled("%s", (from + " " + std::string(model::to_label(dialog.kind)) + " " + to + ".").c_str());
  ImGui::PopTextWrapPos();
  const bool needs_functions = app::flow_needs_functions(dialog.kind);
  if (needs_functions) {
    ImGui::Separator();
    ImGui::TextUnformatted("Which functions does it delegate? (at least one)");
    if (app::shown_plan(state).functions.empty()) ImGui::TextDisabled("The plan has no functions yet.");
    // A list of its own, scrolled when long, so that the buttons stay in view.
    const float rows = std::min(8.0f, static_cast<float>(app::shown_plan(state).functions.size()));
    if (rows > 0.0f && ImGui::BeginChild("##functions", ImVec2(ImGui::GetFontSize() * 30.0f, rows * ImGui::GetFrameHeightWithSpacing()))) {
      for (const model::Function& function : app::shown_plan(state).functions) {
        bool chosen = dialog.functions.count(function.id) > 0;
        if (ImGui::Checkbox((function.name + "##" + function.id).c_str(), &chosen)) {
          if (chosen) dialog.functions.insert(function.id);
          else dialog.functions.erase(function.id);
        }
      }
    }
    if (rows > 0.0f) ImGui::EndChild();
  }
  if (!dialog.message.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextColored(ImVec4(0.84f, 0.16f, 0.11f, 1.0f), "%s", dialog.message.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::Separator();
  const bool ready = !kinds.empty() && (!needs_functions || !dialog.functions.empty());
  ImGui::BeginDisabled(!ready);
  const bool add = ImGui::Button("Add the flow") || (ready && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)));
  ImGui::EndDisabled();
  if (add) {
    const std::vector<std::string> functions(dialog.functions.begin(), dialog.functions.end());
    const model::ApplyResult result = app::add_flow(state, dialog.from, dialog.to, dialog.kind,
                                                    needs_functions ? functions : std::vector<std::string>{});
    if (result.ok) {
      dialog.visible = false;
      ImGui::CloseCurrentPopup();
    } else {
      dialog.message = result.problems.list.empty() ? "The flow could not be added." : result.problems.list.front().message;
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    dialog.visible = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void draw_delete_confirmation(app::AppState& state, float ratio) {
  app::PendingDelete& pending = state.pending_delete;
  if (!pending.visible) return;
  ImGui::OpenPopup("Delete?");
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(320.0f * ratio, 0.0f), ImVec2(520.0f * ratio, 10000.0f));
  if (!ImGui::BeginPopupModal("Delete?", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
  ImGui::TextUnformatted(pending.statement.c_str());
  ImGui::TextDisabled("You can undo this with Ctrl+Z.");
  ImGui::PopTextWrapPos();
  if (ImGui::Button("Delete")) {
    app::delete_node(state, pending.id);
    pending.visible = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Keep it") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    pending.visible = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

void add_governance_node(app::AppState& state, const std::string& what) {
  if (!state.document) return;
  app::show_view(state, app::CanvasView::governance);
  const model::ApplyResult result = what == "organisation" ? app::add_organisation(state) : what == "body" ? app::add_body(state) : app::add_post(state);
  if (result.ok) app::focus_item(state, state.selected);
}

void ask_delete(app::AppState& state, const std::string& id) {
  const auto plan = app::plan_delete_node(state, id);
  if (!plan) return;
  state.pending_delete = {true, id, plan->statement};
}

void draw_governance_windows(app::AppState& state, const Fonts& fonts) {
  const float ratio = fonts.built_for_ratio;
  draw_view_switch(state, ratio);
  draw_filters(state, ratio);
  draw_new_flow(state);
  draw_delete_confirmation(state, ratio);
}

}  // namespace ui
