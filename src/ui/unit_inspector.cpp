// The inspector: the selected unit's name, code and population, editable;
// its figures against its band; adding a unit inside it; deleting it.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "analysis/population.hpp"
#include "analysis/search.hpp"
#include "app/plan_document.hpp"
#include "app/unit_edits.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

void load_fields(app::InspectorState& fields, const model::Unit& unit) {
  fields.unit_id = unit.id;
  fields.name = unit.name;
  fields.code = unit.code;
  fields.population = unit.registered_population ? std::to_string(*unit.registered_population) : "";
}

// "12,500", "12500" or "" (no figure); anything else is refused with a reason.
bool parse_population(std::string text, std::optional<std::int64_t>& out, std::string& message) {
  std::string digits;
  for (char c : text) {
    if (c == ',' || c == ' ') continue;
    if (c < '0' || c > '9' || digits.size() > 12) {
      message = "The population must be a whole number of people, such as 12,500, or empty for no figure.";
      return false;
    }
    digits += c;
  }
  out = digits.empty() ? std::nullopt : std::optional<std::int64_t>(std::stoll(digits));
  return true;
}

void report(app::InspectorState& fields, const model::ApplyResult& result) {
  fields.message.clear();
  for (const model::Problem& problem : result.problems.list) {
    if (problem.severity == model::Severity::error) fields.message += (fields.message.empty() ? "" : " ") + problem.message;
  }
}

std::string label_of(app::AppState& state, const std::string& id) {
  if (const layout::Scene* scene = app::layers_scene(state)) {
    for (const layout::Item& item : scene->items) {
      if (item.id == id) return item.label;
    }
  }
  return {};
}

// Moving without a mouse: type part of the name of the PCN (for a practice)
// or place (for a PCN) to move into, then choose it.
void draw_move_into(app::AppState& state, const model::Unit& unit) {
  const bool practice = unit.layer == model::Layer::practice;
  if (!practice && unit.layer != model::Layer::pcn) return;
  const model::Layer target = practice ? model::Layer::pcn : model::Layer::place;
  app::InspectorState& fields = state.inspector;
  ImGui::TextUnformatted(practice ? "Move into another PCN" : "Move into another place");
  ImGui::InputTextWithHint("##move", "Type part of its name or code", &fields.move_to);
  if (fields.move_to.empty()) return;
  int shown = 0;
  for (std::size_t i : analysis::find_units(app::shown_plan(state), fields.move_to)) {
    const model::Unit& candidate = app::shown_plan(state).units[i];
    if (candidate.layer != target || candidate.id == unit.parent) continue;
    const std::string line = "Move into " + candidate.name;
    if (ImGui::Selectable(line.c_str())) {
      const std::string into = candidate.id;
      fields.move_to.clear();
      report(fields, app::move_unit(state, unit.id, into));
      return;
    }
    if (++shown == 6) break;
  }
  if (shown == 0) ImGui::TextDisabled("No other %s matches.", practice ? "PCN" : "place");
}

}  // namespace

void draw_unit_inspector(app::AppState& state, const Fonts& fonts) {
  if (state.selected.empty()) return;
  const model::Unit* found = app::find_unit(state, state.selected);
  if (!found) return;  // not a unit: the governance inspector's
  const model::Unit unit = *found;  // a copy: edits below may move the plan's units
  app::InspectorState& fields = state.inspector;
  if (fields.unit_id != unit.id) fields.message.clear();
  if (fields.unit_id != unit.id || !ImGui::IsAnyItemActive()) load_fields(fields, unit);

  bool open = true;
  if (begin_inspector("Unit###inspector", 340.0f, fonts, &open)) {
    ImGui::TextDisabled("%s", std::string(model::to_label(unit.layer)).c_str());
    ImGui::PushItemWidth(-1.0f);
    ImGui::TextUnformatted("Name");
    ImGui::InputText("##name", &fields.name);
    if (ImGui::IsItemDeactivatedAfterEdit() && fields.name != unit.name) {
      if (fields.name.find_first_not_of(' ') == std::string::npos) fields.message = "A unit needs a name.";
      else report(fields, app::rename_unit(state, unit.id, fields.name));
    }
    ImGui::TextUnformatted("Code (e.g. ODS)");
    ImGui::InputText("##code", &fields.code);
    if (ImGui::IsItemDeactivatedAfterEdit() && fields.code != unit.code) report(fields, app::set_unit_code(state, unit.id, fields.code));
    ImGui::TextUnformatted("Registered population");
    ImGui::InputTextWithHint("##population", "none: the sum of its parts", &fields.population);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      std::optional<std::int64_t> value;
      if (parse_population(fields.population, value, fields.message) && value != unit.registered_population) {
        report(fields, app::set_unit_population(state, unit.id, value));
      }
    }
    draw_move_into(state, unit);
    ImGui::PopItemWidth();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label_of(state, unit.id).c_str());
    if (!fields.message.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.84f, 0.16f, 0.11f, 1.0f));
      ImGui::TextUnformatted(fields.message.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    if (unit.layer != model::Layer::community) {
      const char* add = unit.layer == model::Layer::place ? "Add a PCN inside" : unit.layer == model::Layer::pcn ? "Add a practice inside"
                        : unit.layer == model::Layer::practice ? "Add a community unit inside" : unit.layer == model::Layer::system ? "Add a place inside"
                                                                                                        : "Add a system inside";
      if (ImGui::Button(add)) report(fields, app::add_unit_inside(state, unit.id));
      ImGui::SameLine();
    }
    const std::size_t inside = app::count_children(state, unit.id);
    if (inside > 0) {
      const bool folded = state.layers.collapsed.count(unit.id) > 0;
      if (ImGui::Button(folded ? "Unfold" : "Fold")) app::set_folded(state, unit.id, !folded);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", folded ? "Show the units inside it" : "Show it as one block, the units inside hidden");
      ImGui::SameLine();
    }
    if (ImGui::Button("Delete...")) {
      if (inside == 0) report(fields, app::delete_unit(state, unit.id));
      else ImGui::OpenPopup("Delete unit?");
    }
    if (ImGui::BeginPopupModal("Delete unit?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      ImGui::Text("Delete \"%s\" and everything inside it?", unit.name.c_str());
      ImGui::TextDisabled("It has %zu unit%s directly inside. You can undo this.", inside, inside == 1 ? "" : "s");
      if (ImGui::Button("Delete them all")) {
        report(fields, app::delete_unit(state, unit.id));
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
  }
  ImGui::End();
  if (!open) {
    state.selected.clear();
    state.also_selected.clear();
  }
}

bool begin_inspector(const char* title, float width, const Fonts& fonts, bool* open) {
  const float ratio = fonts.built_for_ratio;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float pixels = width * ratio;
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - pixels - 12.0f * ratio, viewport->WorkPos.y + 12.0f * ratio),
                          ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(pixels, 0.0f), ImVec2(pixels, viewport->WorkSize.y - 24.0f * ratio));
  return ImGui::Begin(title, open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse);
}

}  // namespace ui
