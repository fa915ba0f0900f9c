#pragma once
#include <imgui.h>

#include <vector>

namespace ui {

// The page's fonts (Liberation Sans, subset at build time) and the faces
// made from them. The atlas is rebuilt whenever the device pixel ratio
// changes, so text is rasterised at the screen's real resolution.
struct Fonts {
  std::vector<unsigned char> regular_ttf;
  std::vector<unsigned char> bold_ttf;
  float built_for_ratio = 0.0f;
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
};

inline constexpr float body_size = 16.0f;     // CSS pixels
inline constexpr float heading_size = 19.0f;  // CSS pixels

// Rebuilds the atlas at ratio; the caller re-uploads the font texture.
void build_fonts(Fonts& fonts, float ratio);

}  // namespace ui
