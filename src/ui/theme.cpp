#include "ui/theme.hpp"

// The NHS identity's colour palette (https://www.england.nhs.uk/nhsidentity/):
// NHS Blue leads; text and greys follow the NHS.UK frontend's, whose
// contrasts meet WCAG 2.2 AA on white and on the pale grey background.
namespace ui {

namespace {

constexpr ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

ImU32 packed(unsigned hex, float alpha = 1.0f) { return ImGui::ColorConvertFloat4ToU32(rgb(hex, alpha)); }

constexpr unsigned nhs_blue = 0x005EB8;
constexpr unsigned nhs_dark_blue = 0x003087;
constexpr unsigned nhs_light_blue = 0x41B6E6;
constexpr unsigned nhs_text = 0x212B32;
constexpr unsigned nhs_secondary_text = 0x4C6272;
constexpr unsigned nhs_grey_4 = 0xD8DDE0;  // borders
constexpr unsigned nhs_grey_5 = 0xF0F4F5;  // page background
constexpr unsigned nhs_white = 0xFFFFFF;
constexpr unsigned nhs_focus_yellow = 0xFFEB3B;

// The roles a theme fills; every ImGui colour is derived from them.
struct Roles {
  unsigned text, muted_text, window, surface, border, accent, accent_hover, accent_text, selection;
};

Roles roles_for(app::Theme theme) {
  switch (theme) {
    case app::Theme::dark:
      return {0xE8EDEE, 0xAEB7BD, 0x1B2227, 0x252E35, 0x3C4851, nhs_light_blue, 0x7FCDEE, 0x0B1216, 0x2D5F80};
    case app::Theme::high_contrast:
      return {nhs_white, nhs_white, 0x000000, 0x000000, nhs_white, nhs_focus_yellow, nhs_white, 0x000000, 0x0B3D91};
    case app::Theme::light:
    default:
      return {nhs_text, nhs_secondary_text, nhs_white, nhs_grey_5, nhs_grey_4, nhs_blue, nhs_dark_blue, nhs_white, 0xC9DDF2};
  }
}

}  // namespace

void apply_theme(app::Theme theme, float scale) {
  ImGuiStyle style;  // start from defaults so that scaling never compounds
  style.WindowRounding = 6.0f;
  style.ChildRounding = 4.0f;
  style.FrameRounding = 4.0f;
  style.PopupRounding = 6.0f;
  style.GrabRounding = 4.0f;
  style.TabRounding = 4.0f;
  style.WindowPadding = ImVec2(12.0f, 10.0f);
  style.FramePadding = ImVec2(8.0f, 5.0f);
  style.ItemSpacing = ImVec2(10.0f, 7.0f);
  style.ItemInnerSpacing = ImVec2(6.0f, 5.0f);
  style.WindowBorderSize = 1.0f;
  style.PopupBorderSize = 1.0f;
  style.FrameBorderSize = theme == app::Theme::high_contrast ? 1.0f : 0.0f;
  style.SeparatorTextBorderSize = 2.0f;

  const Roles r = roles_for(theme);
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = rgb(r.text);
  c[ImGuiCol_TextDisabled] = rgb(r.muted_text);
  c[ImGuiCol_WindowBg] = rgb(r.window);
  c[ImGuiCol_ChildBg] = rgb(r.window, 0.0f);
  c[ImGuiCol_PopupBg] = rgb(r.window);
  c[ImGuiCol_Border] = rgb(r.border);
  c[ImGuiCol_BorderShadow] = rgb(0, 0.0f);
  c[ImGuiCol_FrameBg] = rgb(r.surface);
  c[ImGuiCol_FrameBgHovered] = rgb(r.selection);
  c[ImGuiCol_FrameBgActive] = rgb(r.selection);
  c[ImGuiCol_TitleBg] = rgb(r.surface);
  // ImGui draws every label in ImGuiCol_Text, so title bars and buttons take
  // pale fills (dark ones in the dark themes) that keep text at AA contrast.
  c[ImGuiCol_TitleBgActive] = rgb(r.selection);
  c[ImGuiCol_TitleBgCollapsed] = rgb(r.surface);
  c[ImGuiCol_MenuBarBg] = rgb(r.window);
  c[ImGuiCol_ScrollbarBg] = rgb(r.surface);
  c[ImGuiCol_ScrollbarGrab] = rgb(r.border);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(r.muted_text);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(r.accent);
  c[ImGuiCol_CheckMark] = rgb(r.accent);
  c[ImGuiCol_SliderGrab] = rgb(r.accent);
  c[ImGuiCol_SliderGrabActive] = rgb(r.accent_hover);
  c[ImGuiCol_Button] = rgb(r.selection);
  c[ImGuiCol_ButtonHovered] = rgb(r.selection, 0.75f);
  c[ImGuiCol_ButtonActive] = rgb(r.border);
  c[ImGuiCol_Header] = rgb(r.selection);
  c[ImGuiCol_HeaderHovered] = rgb(r.selection);
  c[ImGuiCol_HeaderActive] = rgb(r.selection);
  c[ImGuiCol_Separator] = rgb(r.border);
  c[ImGuiCol_SeparatorHovered] = rgb(r.accent);
  c[ImGuiCol_SeparatorActive] = rgb(r.accent);
  c[ImGuiCol_ResizeGrip] = rgb(r.border);
  c[ImGuiCol_ResizeGripHovered] = rgb(r.accent);
  c[ImGuiCol_ResizeGripActive] = rgb(r.accent);
  c[ImGuiCol_Tab] = rgb(r.surface);
  c[ImGuiCol_TabHovered] = rgb(r.selection);
  c[ImGuiCol_TabActive] = rgb(r.window);
  c[ImGuiCol_TabUnfocused] = rgb(r.surface);
  c[ImGuiCol_TabUnfocusedActive] = rgb(r.window);
  c[ImGuiCol_TableHeaderBg] = rgb(r.surface);
  c[ImGuiCol_TableBorderStrong] = rgb(r.border);
  c[ImGuiCol_TableBorderLight] = rgb(r.border);
  c[ImGuiCol_TableRowBg] = rgb(0, 0.0f);
  c[ImGuiCol_TableRowBgAlt] = rgb(r.surface, 0.6f);
  c[ImGuiCol_TextSelectedBg] = rgb(r.selection);
  c[ImGuiCol_DragDropTarget] = rgb(nhs_focus_yellow);
  c[ImGuiCol_NavHighlight] = rgb(theme == app::Theme::light ? nhs_text : nhs_focus_yellow);
  c[ImGuiCol_NavWindowingHighlight] = rgb(nhs_focus_yellow);
  c[ImGuiCol_NavWindowingDimBg] = rgb(0, 0.35f);
  c[ImGuiCol_ModalWindowDimBg] = rgb(0, 0.35f);
  if (theme == app::Theme::high_contrast) {
    // Selection and hover: dark blue under white text.
    c[ImGuiCol_Header] = rgb(0x0B3D91);
    c[ImGuiCol_HeaderHovered] = rgb(0x1450B8);
    c[ImGuiCol_ButtonHovered] = rgb(0x1450B8);
  }
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

CanvasPalette canvas_palette(app::Theme theme) {
  switch (theme) {
    case app::Theme::dark:
      return {packed(0x12171B), packed(0x1F272D), packed(0x2C3740), packed(0xE8EDEE),
              packed(0xAEB7BD), packed(nhs_light_blue), packed(0x1B2227), packed(0x3C4851)};
    case app::Theme::high_contrast:
      return {packed(0x000000), packed(0x2A2A2A), packed(0x5A5A5A), packed(nhs_white),
              packed(nhs_white), packed(nhs_focus_yellow), packed(0x000000), packed(nhs_white)};
    case app::Theme::light:
    default:
      return {packed(nhs_grey_5), packed(0xE1E7EA), packed(0xC9D2D7), packed(nhs_text),
              packed(nhs_secondary_text), packed(nhs_blue), packed(nhs_white), packed(nhs_grey_4)};
  }
}

const char* theme_label(app::Theme theme) {
  switch (theme) {
    case app::Theme::dark: return "Dark";
    case app::Theme::high_contrast: return "High contrast";
    case app::Theme::light:
    default: return "Light";
  }
}

ImU32 paint_colour(app::Theme theme, layout::Paint paint) {
  using layout::Paint;
  // Light: the NHS palette, layers from grey-blue (large) to white (small).
  // Dark and high contrast keep the same order of lightness, inverted.
  struct Row { Paint paint; unsigned light, dark, contrast; };
  static constexpr Row rows[] = {
      {Paint::region, 0xE8EDEE, 0x1C2429, 0x000000},     {Paint::system, 0xD5E3F0, 0x1E2C38, 0x000000},
      {Paint::place, 0xC3DCEA, 0x223747, 0x000000},      {Paint::pcn, 0xE6F0D9, 0x2A3A2A, 0x000000},
      {Paint::practice, 0xFFFFFF, 0x2E3A42, 0x000000},   {Paint::community, 0xFFF3CC, 0x3A3522, 0x000000},
      {Paint::band_inside, 0x007F3B, 0x3DBE75, 0x00FF7F}, {Paint::band_below, 0x005EB8, 0x41B6E6, 0x00BFFF},
      {Paint::band_above, 0xD5281B, 0xFF7A6E, 0xFF5555},  {Paint::text, 0x212B32, 0xE8EDEE, 0xFFFFFF},
      {Paint::text_muted, 0x4C6272, 0xAEB7BD, 0xFFFFFF},  {Paint::outline, 0x768692, 0x5C6B76, 0xFFFFFF},
      // Commissioners: Okabe and Ito's colours, which stay apart for most colour vision.
      {Paint::commissioner_1, 0xB26B00, 0xE69F00, 0xFFD54F}, {Paint::commissioner_2, 0x0072B2, 0x56B4E9, 0x80DEEA},
      {Paint::commissioner_3, 0x007A5A, 0x2BC48F, 0x69F0AE}, {Paint::commissioner_4, 0xA8457A, 0xCC79A7, 0xF48FB1},
      {Paint::commissioner_5, 0xB24A00, 0xE57A2E, 0xFFAB40}, {Paint::commissioner_6, 0x5E3C99, 0xA88BD6, 0xB39DDB},
      {Paint::commissioner_7, 0x6B5424, 0xC9A45C, 0xFFE082}, {Paint::commissioner_8, 0x2F4F4F, 0x9BB5B5, 0xFFFFFF},
      // Governance nodes: pale fills that keep dark text readable; flows: strong lines.
      {Paint::node_commissioner, 0xD5E3F0, 0x1E2C38, 0x000000}, {Paint::node_provider, 0xE6F0D9, 0x2A3A2A, 0x000000},
      {Paint::node_council, 0xFFF3CC, 0x3A3522, 0x000000},      {Paint::node_national, 0xE3DCEF, 0x2E2840, 0x000000},
      {Paint::node_organisation, 0xEEF1F2, 0x2B3338, 0x000000}, {Paint::node_body, 0xFFFFFF, 0x2E3A42, 0x000000},
      {Paint::node_post, 0xF9E5EC, 0x3A2830, 0x000000},         {Paint::node_programme, 0xE8EDEE, 0x1C2429, 0x000000},
      {Paint::node_ended, 0xD8DDE0, 0x20262A, 0x000000},        {Paint::label_background, 0xFFFFFF, 0x1C2429, 0x000000},
      {Paint::flow_accountability, 0x212B32, 0xE8EDEE, 0xFFFFFF}, {Paint::flow_delegation, 0x005EB8, 0x41B6E6, 0x00BFFF},
      {Paint::flow_decision, 0x8A1538, 0xFF7A9E, 0xFF80AB},     {Paint::flow_advice, 0x007F3B, 0x3DBE75, 0x00FF7F},
      {Paint::flow_membership, 0x768692, 0x8C9BA5, 0xBDBDBD},   {Paint::flow_hosting, 0xB26B00, 0xE69F00, 0xFFD54F},
      {Paint::flow_succession, 0x5E3C99, 0xA88BD6, 0xB39DDB},
      {Paint::band_stripe, 0xE3E9EC, 0x222A30, 0x0A0A0A},       {Paint::group_frame, 0xF6F8F9, 0x283139, 0x000000},
  };
  for (const Row& row : rows) {
    if (row.paint != paint) continue;
    return packed(theme == app::Theme::dark ? row.dark : theme == app::Theme::high_contrast ? row.contrast : row.light);
  }
  return 0;
}

}  // namespace ui
