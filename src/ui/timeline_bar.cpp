// The timeline along the foot of the canvas: the plan's milestones and the
// chosen option's steps on a line of dates, a handle for the date shown,
// and the state in words (docs/options-and-time.md).
#include <imgui.h>
#include <imgui_internal.h>  // BeginViewportSideBar

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/change_words.hpp"
#include "app/plan_document.hpp"
#include "model/command.hpp"
#include "model/plan_date.hpp"
#include "ui/theme.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

// A milestone or step on the line: from its first day to its last, acting on its effective day.
struct Mark {
  const model::Milestone* milestone;
  bool from_option;
};

std::vector<Mark> marks_of(const app::AppState& state) {
  std::vector<Mark> marks;
  const model::Plan& plan = state.document->plan;
  for (const model::Milestone& m : plan.milestones) {
    if (m.date) marks.push_back({&m, false});
  }
  for (const model::Option& option : plan.options) {
    if (option.id != state.plan_state.option) continue;
    for (const model::Milestone& s : option.steps) {
      if (s.date) marks.push_back({&s, true});
    }
  }
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return *a.milestone->date < *b.milestone->date; });
  return marks;
}

void show_day(app::AppState& state, std::int64_t day) {
  analysis::PlanState next = state.plan_state;
  next.when = analysis::PlanState::When::on;
  next.date = model::plan_date_from_day(day);
  if (state.plan_state.when == next.when && state.plan_state.date == next.date) return;
  app::set_plan_state(state, next);
}

void show_when(app::AppState& state, analysis::PlanState::When when) {
  analysis::PlanState next = state.plan_state;
  next.when = when;
  next.date.reset();
  app::set_plan_state(state, next);
}

// The day shown, if the state is on a date.
std::optional<std::int64_t> shown_day(const app::AppState& state) {
  if (state.plan_state.when != analysis::PlanState::When::on || !state.plan_state.date) return std::nullopt;
  return state.plan_state.date->effective_day();
}

// Steps to the previous or next milestone's effective day (from "as written", the first; past the last, "end").
void step(app::AppState& state, const std::vector<Mark>& marks, int direction) {
  std::vector<std::int64_t> days;
  for (const Mark& m : marks) days.push_back(m.milestone->date->effective_day());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  if (days.empty()) return;
  const auto when = state.plan_state.when;
  const std::optional<std::int64_t> now = shown_day(state);
  if (direction > 0) {
    if (when == analysis::PlanState::When::end) return;
    if (!now) return show_day(state, days.front());
    const auto next = std::upper_bound(days.begin(), days.end(), *now);
    if (next == days.end()) return show_when(state, analysis::PlanState::When::end);
    return show_day(state, *next);
  }
  if (when == analysis::PlanState::When::as_written) return;
  if (when == analysis::PlanState::When::end) return show_day(state, days.back());
  const auto before = std::lower_bound(days.begin(), days.end(), *now);
  if (before == days.begin()) return show_when(state, analysis::PlanState::When::as_written);
  show_day(state, *std::prev(before));
}

// The date part of the state, short: the option is in its box.
std::string when_words(const analysis::PlanState& state) {
  switch (state.when) {
    case analysis::PlanState::When::as_written: return state.option.empty() ? "The plan as written" : "As written: its changes from the start";
    case analysis::PlanState::When::end: return "After every change";
    case analysis::PlanState::When::on: return "On " + model::describe_plan_date(*state.date);
  }
  return "";
}

// Where edits go, short (the full words are in its tooltip).
std::string edits_words(const model::Plan& plan, const analysis::PlanState& state) {
  const analysis::EditPlace place = analysis::edit_place(plan, state);
  const std::string date = place.date ? model::describe_plan_date(*place.date) : "";
  if (place.option.empty()) return "Edits go to the plan's milestone of " + date;
  return place.date ? "Edits go to this option's step dated " + date : "Edits go to this option, from the start";
}

void option_combo(app::AppState& state) {
  const model::Plan& plan = state.document->plan;
  if (plan.options.empty()) return;
  std::string current = "No option";
  for (const model::Option& o : plan.options) {
    if (o.id == state.plan_state.option) current = o.title.empty() ? o.id : o.title;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
  if (ImGui::BeginCombo("##option", current.c_str())) {
    if (ImGui::Selectable("No option", state.plan_state.option.empty())) {
      analysis::PlanState next = state.plan_state;
      next.option.clear();
      app::set_plan_state(state, next);
    }
    for (const model::Option& o : plan.options) {
      if (ImGui::Selectable((o.title.empty() ? o.id : o.title).c_str(), o.id == state.plan_state.option)) {
        // Choosing an option shows its result: the timeline moves to the end.
        analysis::PlanState next;
        next.option = o.id;
        next.when = analysis::PlanState::When::end;
        app::set_plan_state(state, next);
      }
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the plan under one of its options. View > Options describes each.");
  ImGui::SameLine();
}

// Play: milestone after milestone, a pause on each, to the end. For a
// reader who prefers reduced motion, a plain change to the end instead.
constexpr double play_pause_seconds = 1.6;

void play_button(app::AppState& state, const std::vector<Mark>& marks) {
  if (state.playing_next && state.now_seconds >= *state.playing_next) {
    step(state, marks, +1);
    if (state.plan_state.when == analysis::PlanState::When::end) state.playing_next.reset();
    else state.playing_next = state.now_seconds + play_pause_seconds;
  }
  if (ImGui::Button(state.playing_next ? "Stop" : "Play")) {
    if (state.playing_next) {
      state.playing_next.reset();
    } else if (state.canvas.reduce_motion) {
      show_when(state, analysis::PlanState::When::end);
    } else {
      if (state.plan_state.when == analysis::PlanState::When::end) show_when(state, analysis::PlanState::When::as_written);
      state.playing_next = state.now_seconds + play_pause_seconds * 0.5;
    }
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go through the milestones one after another, marking what each changes");
}

// How much the last move changed, with the list on hover.
void what_changed(const app::AppState& state) {
  if (!state.step_changes || state.step_changes->sentences.empty()) return;
  const app::StepChanges& changes = *state.step_changes;
  std::string summary;
  const auto part = [&](std::size_t n, const char* what) {
    if (n) summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + what;
  };
  part(changes.added.size(), "added");
  part(changes.changed.size(), "changed");
  part(changes.removed, "removed");
  ImGui::SameLine();
  ImGui::TextDisabled("(%s)", summary.c_str());
  if (!ImGui::IsItemHovered()) return;
  std::string list = "What this step changed (green: added, amber: changed):";
  const std::size_t shown = std::min<std::size_t>(changes.sentences.size(), 14);
  for (std::size_t i = 0; i < shown; ++i) list += "\n  \xE2\x80\xA2 " + changes.sentences[i];
  if (shown < changes.sentences.size()) list += "\n  and " + std::to_string(changes.sentences.size() - shown) + " more";
  ImGui::SetTooltip("%s", list.c_str());
}

}  // namespace

void draw_timeline_bar(app::AppState& state, const Fonts& fonts) {
  (void)fonts;
  if (!state.document) return;
  const model::Plan& plan = state.document->plan;
  if (plan.milestones.empty() && plan.options.empty()) return;
  const std::vector<Mark> marks = marks_of(state);
  const float line = ImGui::GetFrameHeightWithSpacing();
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::BeginViewportSideBar("##timeline", ImGui::GetMainViewport(), ImGuiDir_Down, line * 2.6f, flags)) {
    const CanvasPalette palette = canvas_palette(state.theme);
    // First line: the option, the buttons, and where things stand in words.
    option_combo(state);
    using When = analysis::PlanState::When;
    if (ImGui::RadioButton("As written", state.plan_state.when == When::as_written)) show_when(state, When::as_written);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The plan exactly as its file writes it: no milestone applied.");
    ImGui::SameLine();
    if (ImGui::ArrowButton("##earlier", ImGuiDir_Left)) step(state, marks, -1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The milestone before (Left arrow)");
    ImGui::SameLine();
    if (ImGui::ArrowButton("##later", ImGuiDir_Right)) step(state, marks, +1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The next milestone (Right arrow)");
    ImGui::SameLine();
    if (ImGui::RadioButton("End", state.plan_state.when == When::end)) show_when(state, When::end);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("After every change.");
    ImGui::SameLine();
    play_button(state, marks);
    ImGui::SameLine();
    ImGui::TextUnformatted(when_words(state.plan_state).c_str());
    what_changed(state);
    if (!state.plan_state.is_plan_as_written()) {
      ImGui::SameLine();
      const std::string edits = "\xC2\xB7  " + edits_words(plan, state.plan_state);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette.accent), "%s", edits.c_str());
      if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Changes you make now are kept in %s, so that they show from then on under %s. The plan as written is not changed.",
                          analysis::describe_edit_place(plan, analysis::edit_place(plan, state.plan_state)).c_str(),
                          state.plan_state.option.empty() ? "every option" : "this option only");
      }
    }
    if (ImGui::IsWindowFocused() && !ImGui::GetIO().WantTextInput) {
      if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) step(state, marks, -1);
      if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) step(state, marks, +1);
    }

    // Second line: the dates, with the milestones as dots (a period as a bar) and a handle.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = line * 1.1f;
    ImGui::InvisibleButton("##dates", ImVec2(std::max(width, 10.0f), height));
    const bool active = ImGui::IsItemActive();
    const bool hovered = ImGui::IsItemHovered();
    if (!marks.empty()) {
      std::int64_t first = marks.front().milestone->date->first_day();
      std::int64_t last = first;
      for (const Mark& m : marks) first = std::min(first, m.milestone->date->first_day()), last = std::max(last, m.milestone->date->last_day());
      const std::int64_t pad = std::max<std::int64_t>(30, (last - first) / 12);
      first -= pad;
      last += pad;
      const float left = origin.x + 8.0f;
      const float right = origin.x + width - 8.0f;
      const auto x_of = [&](std::int64_t day) { return left + (right - left) * static_cast<float>(day - first) / static_cast<float>(last - first); };
      const auto day_at = [&](float x) { return first + static_cast<std::int64_t>(std::llround((x - left) / (right - left) * static_cast<float>(last - first))); };
      ImDrawList* draw = ImGui::GetWindowDrawList();
      const float mid = origin.y + height * 0.45f;
      draw->AddLine(ImVec2(left, mid), ImVec2(right, mid), palette.grid_major, 2.0f);
      // Years, where there is room.
      for (int year = model::plan_date_from_day(first).year + 1; year <= model::plan_date_from_day(last).year; ++year) {
        const std::int64_t day = model::days_from_civil(year, 1, 1);
        draw->AddLine(ImVec2(x_of(day), mid - 4.0f), ImVec2(x_of(day), mid + 4.0f), palette.muted_text);
        draw->AddText(ImVec2(x_of(day) + 3.0f, mid + 3.0f), palette.muted_text, std::to_string(year).c_str());
      }
      const Mark* under = nullptr;
      const ImVec2 mouse = ImGui::GetIO().MousePos;
      for (const Mark& m : marks) {
        const model::PlanDate& date = *m.milestone->date;
        const float x0 = x_of(date.first_day());
        const float x1 = x_of(date.last_day() + 1);
        const ImU32 colour = m.from_option ? paint_colour(state.theme, layout::Paint::flow_delegation) : palette.accent;
        const float lift = m.from_option ? -6.0f : 0.0f;
        if (x1 - x0 > 6.0f) draw->AddRectFilled(ImVec2(x0, mid - 5.0f + lift), ImVec2(x1, mid + 1.0f + lift), (colour & 0x00FFFFFF) | 0x60000000, 3.0f);
        const float at = x_of(date.effective_day());
        draw->AddCircleFilled(ImVec2(at, mid - 2.0f + lift), 5.0f, colour);
        if (std::abs(mouse.x - at) < 7.0f && std::abs(mouse.y - (mid - 2.0f + lift)) < 10.0f) under = &m;
      }
      // The handle: the date shown (at the right end for "end"; none for the plan as written).
      std::optional<float> handle;
      if (const auto day = shown_day(state)) handle = x_of(*day);
      if (state.plan_state.when == When::end) handle = right;
      if (handle) {
        draw->AddLine(ImVec2(*handle, origin.y + 2.0f), ImVec2(*handle, origin.y + height - 2.0f), palette.text, 2.0f);
        draw->AddTriangleFilled(ImVec2(*handle - 6.0f, origin.y), ImVec2(*handle + 6.0f, origin.y), ImVec2(*handle, origin.y + 7.0f), palette.text);
      }
      if (under && !active) {
        std::string tip = under->milestone->label + "\n" + model::describe_plan_date(*under->milestone->date);
        for (const std::string& sentence : app::change_sentences(state, *under->milestone)) tip += "\n  \xE2\x80\xA2 " + sentence;
        ImGui::SetTooltip("%s", tip.c_str());
      } else if (hovered && !active) {
        ImGui::SetTooltip("Drag to see the plan on any date; click a dot to go to its milestone");
      }
      if (active) {
        // Dragging snaps to a milestone within a few pixels, so its day is easy to hit.
        std::int64_t day = std::clamp(day_at(mouse.x), first, last);
        for (const Mark& m : marks) {
          if (std::abs(x_of(m.milestone->date->effective_day()) - mouse.x) < 7.0f) day = m.milestone->date->effective_day();
        }
        show_day(state, day);
      }
    }
    // Everything shown in a state other than the plan as written is framed, so no one edits the wrong thing.
    if (!state.plan_state.is_plan_as_written()) {
      const ImGuiViewport* viewport = ImGui::GetMainViewport();
      const ImVec2 min = viewport->WorkPos;
      const ImVec2 max(viewport->WorkPos.x + viewport->WorkSize.x, viewport->WorkPos.y + viewport->WorkSize.y);
      ImGui::GetForegroundDrawList(ImGui::GetMainViewport())->AddRect(ImVec2(min.x + 1.5f, min.y + 1.5f), ImVec2(max.x - 1.5f, max.y - 1.5f),
                                                                      palette.accent, 0.0f, 0, 3.0f);
    }
  }
  ImGui::End();
}

}  // namespace ui
