// The import preview: which files were read as what, the counts, every
// skipped row with its reason; then Import (one undoable change) or Cancel.
#include <imgui.h>

#include <string>

#include "app/import_flow.hpp"
#include "ui/ui.hpp"

namespace ui {

void draw_import_window(app::AppState& state, const Fonts& fonts) {
  app::PendingImport& pending = state.pending_import;
  if (!pending.visible) return;
  const float ratio = fonts.built_for_ratio;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(640.0f * ratio, 0.0f), ImGuiCond_Appearing);
  if (ImGui::Begin("Import NHS data###import", &pending.visible, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Read: %s", pending.files.c_str());
    if (!pending.error.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.84f, 0.16f, 0.11f, 1.0f));
      ImGui::TextUnformatted(pending.error.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    if (pending.error.empty()) {
      ImGui::BeginChild("summary", ImVec2(0.0f, std::min(360.0f * ratio, viewport->WorkSize.y * 0.5f)), true);
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(pending.summary.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndChild();
      ImGui::TextDisabled(pending.new_plan ? "A new plan will be made." : "The open plan will change; Ctrl+Z undoes the whole import.");
      ImGui::BeginDisabled(pending.imported == 0);
      if (ImGui::Button("Import")) app::confirm_import(state);
      ImGui::EndDisabled();
      ImGui::SameLine();
    }
    if (ImGui::Button(pending.error.empty() ? "Cancel" : "Close")) pending.visible = false;
  }
  ImGui::End();
}

}  // namespace ui
