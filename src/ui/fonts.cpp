#include "ui/fonts.hpp"

namespace ui {

namespace {

// Latin-1 plus the punctuation and symbols the planner writes (dashes,
// quotes, bullet, ellipsis, pound and euro, arrows, check marks): the same
// ranges the build keeps when it subsets the font.
const ImWchar* glyph_ranges() {
  static const ImWchar ranges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
      0x0152, 0x0153,  // Œ œ
      0x2013, 0x2014,  // – —
      0x2018, 0x201E,  // ‘ ’ ‚ “ ” „
      0x2022, 0x2022,  // •
      0x2039, 0x203A,  // ‹ ›
      0x2026, 0x2026,  // …
      0x20AC, 0x20AC,  // €
      0x2190, 0x2195,  // ← ↑ → ↓ ↔ ↕
      0x2212, 0x2212,  // −
      0,
  };
  return ranges;
}

ImFont* add_font(std::vector<unsigned char>& ttf, float pixels) {
  ImGuiIO& io = ImGui::GetIO();
  if (ttf.empty()) {
    ImFontConfig config;
    config.SizePixels = pixels;
    return io.Fonts->AddFontDefault(&config);
  }
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes stay in Fonts for rebuilds
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  return io.Fonts->AddFontFromMemoryTTF(ttf.data(), static_cast<int>(ttf.size()), pixels, &config,
                                        glyph_ranges());
}

}  // namespace

void build_fonts(Fonts& fonts, float ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  fonts.body = add_font(fonts.regular_ttf, body_size * ratio);
  fonts.heading = add_font(fonts.bold_ttf.empty() ? fonts.regular_ttf : fonts.bold_ttf, heading_size * ratio);
  io.Fonts->Build();
  io.FontDefault = fonts.body;
  fonts.built_for_ratio = ratio;
}

}  // namespace ui
