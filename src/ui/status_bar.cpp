#include <imgui.h>
#include <imgui_internal.h>  // BeginViewportSideBar

#include <cmath>
#include <cstdio>

#include "analysis/plan_stats.hpp"
#include "ui/ui.hpp"

namespace ui {

void draw_status_bar(app::AppState& state) {
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_MenuBar;
  const float height = ImGui::GetFrameHeight();
  if (ImGui::BeginViewportSideBar("##status_bar", ImGui::GetMainViewport(), ImGuiDir_Down, height, flags)) {
    if (ImGui::BeginMenuBar()) {
      if (state.document) {
        const std::string summary = state.document->plan.name + "  \xC2\xB7  " + analysis::summary_line(state.document->plan);
        ImGui::TextUnformatted(summary.c_str());
        if (!state.advice.list.empty()) {
          const std::string checks = std::to_string(state.advice.list.size()) + (state.advice.list.size() == 1 ? " check" : " checks");
          ImGui::SameLine();
          if (ImGui::SmallButton(checks.c_str())) state.show_checks = !state.show_checks;
        }
      } else {
        ImGui::TextDisabled("No plan open");
      }
      char zoom[32];
      std::snprintf(zoom, sizeof zoom, "Zoom %.0f%%", std::round(state.canvas.camera.zoom * 100.0));
      const float width = ImGui::CalcTextSize(zoom).x;
      ImGui::SameLine(ImGui::GetWindowWidth() - width - ImGui::GetStyle().WindowPadding.x * 2.0f);
      ImGui::TextUnformatted(zoom);
      ImGui::EndMenuBar();
    }
  }
  ImGui::End();
}

}  // namespace ui
