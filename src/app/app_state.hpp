#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "layout/camera.hpp"

namespace app {

enum class Theme { light, dark, high_contrast };

// The planning canvas: pan and zoom live here, not in the plan.
struct CanvasState {
  layout::Camera camera;
  std::optional<layout::CameraAnimation> animation;
  layout::Viewport viewport;  // set by the canvas each frame (device pixels)
  // Until views draw plans, "fit" frames this world rectangle.
  layout::Rect content_bounds{{-400.0, -250.0}, {400.0, 250.0}};
};

// Everything the application owns: one instance, made by main and handed by
// reference to every panel and to the JavaScript API.
struct AppState {
  std::string view = "canvas";  // the name window.planner.view() reports
  CanvasState canvas;
  Theme theme = Theme::light;
  double now_seconds = 0.0;     // time of the frame being drawn
  std::uint64_t frames_drawn = 0;
  bool redraw_requested = false;  // something changed outside a frame
  bool show_shortcuts = false;
  bool show_about = false;
};

}  // namespace app
