#include <imgui.h>
#include <imgui_internal.h>  // BeginViewportSideBar

#include <cmath>
#include <cstdio>
#include <string>

#include "analysis/plan_stats.hpp"
#include "layout/text_fit.hpp"
#include "ui/theme.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

// Whether the open plan's changes are kept in the browser, in words:
// nothing until the page has reported (and for a plan not yet changed).
struct KeepingWords {
  std::string text;
  bool warning = false;
};

KeepingWords keeping_words(const app::AppState& state) {
  const app::KeepingStatus& keeping = state.keeping;
  if (!keeping.reported || !state.document) return {};
  if (!keeping.problem.empty()) return {"Changes not kept in this browser", true};
  const app::Document& document = *state.document;
  if (keeping.generation == document.generation && keeping.kept_revision == document.revision) return {"Kept in this browser"};
  if (document.revision == 0) return {};
  return {"Keeping changes\xE2\x80\xA6"};
}

}  // namespace

void draw_status_bar(app::AppState& state) {
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_MenuBar;
  const float height = ImGui::GetFrameHeight();
  if (ImGui::BeginViewportSideBar("##status_bar", ImGui::GetMainViewport(), ImGuiDir_Down, height, flags)) {
    if (ImGui::BeginMenuBar()) {
      char zoom[32];
      std::snprintf(zoom, sizeof zoom, "Zoom %.0f%%", std::round(state.canvas.camera.zoom * 100.0));
      const KeepingWords keeping = keeping_words(state);
      const float gap = ImGui::GetStyle().ItemSpacing.x * 3.0f;
      const float keeping_width = keeping.text.empty() ? 0.0f : ImGui::CalcTextSize(keeping.text.c_str()).x + gap;
      const float width = ImGui::CalcTextSize(zoom).x + keeping_width;
      if (state.document) {
        const std::size_t count = state.advice.list.size() + state.governance_advice.list.size();
        const std::string checks = count == 0 ? std::string() : std::to_string(count) + (count == 1 ? " check" : " checks");
        // The summary gives way (cut at a whole word) to the checks button and the zoom.
        const float room = ImGui::GetWindowWidth() - width - ImGui::GetStyle().WindowPadding.x * 4.0f -
                           (checks.empty() ? 0.0f : ImGui::CalcTextSize(checks.c_str()).x + ImGui::GetStyle().FramePadding.x * 4.0f);
        const std::string summary = layout::fit_text(app::shown_plan(state).name + "  \xC2\xB7  " + analysis::summary_line(app::shown_plan(state)),
                                                     static_cast<double>(room), [](std::string_view text) {
                                                       return static_cast<double>(ImGui::CalcTextSize(text.data(), text.data() + text.size()).x);
                                                     });
        ImGui::TextUnformatted(summary.c_str());
        if (!checks.empty()) {
          ImGui::SameLine();
          if (ImGui::SmallButton(checks.c_str())) state.show_checks = !state.show_checks;
        }
      } else {
        ImGui::TextDisabled("No plan open");
      }
      ImGui::SameLine(ImGui::GetWindowWidth() - width - ImGui::GetStyle().WindowPadding.x * 2.0f);
      if (!keeping.text.empty()) {
        if (keeping.warning) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paint_colour(state.theme, layout::Paint::band_above)), "%s", keeping.text.c_str());
        else ImGui::TextDisabled("%s", keeping.text.c_str());
        if (ImGui::IsItemHovered()) {
          ImGui::SetTooltip("%s", keeping.warning ? state.keeping.problem.c_str()
                                                  : "Every change is stored in this browser as you go. File > My plans lists what is kept.");
        }
        ImGui::SameLine(0.0f, gap);
      }
      ImGui::TextUnformatted(zoom);
      ImGui::EndMenuBar();
    }
  }
  ImGui::End();
}

}  // namespace ui
