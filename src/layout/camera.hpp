#pragma once
#include "layout/geometry.hpp"

namespace layout {

// Where the view looks. World units are the layout's own; zoom is in CSS
// pixels per world unit, so a zoom of 1 looks the same on every screen
// whatever its devicePixelRatio.
struct Camera {
  glm::dvec2 center{0.0, 0.0};  // world point at the middle of the viewport
  double zoom = 1.0;
};

// The part of the screen a view draws into, in device pixels.
struct Viewport {
  glm::dvec2 origin{0.0, 0.0};
  glm::dvec2 size{0.0, 0.0};
  double pixel_ratio = 1.0;  // device pixels per CSS pixel
};

inline constexpr double min_zoom = 0.005;
inline constexpr double max_zoom = 50.0;

double clamp_zoom(double zoom);
double device_pixels_per_world_unit(const Camera& camera, const Viewport& viewport);

glm::dvec2 world_to_screen(const Camera& camera, const Viewport& viewport, glm::dvec2 world);
glm::dvec2 screen_to_world(const Camera& camera, const Viewport& viewport, glm::dvec2 screen);
Rect visible_world_rect(const Camera& camera, const Viewport& viewport);

// Moves the camera so that the content follows a drag of screen_delta.
Camera pan_by_screen(Camera camera, const Viewport& viewport, glm::dvec2 screen_delta);

// Zooms by factor while the world point under screen_point stays put.
Camera zoom_about(Camera camera, const Viewport& viewport, glm::dvec2 screen_point, double factor);

// The camera that shows world_bounds whole, with margin CSS pixels around it.
// `top`: CSS pixels kept clear at the top of the canvas (a floating toolbar
// over it), besides the margin all round.
Camera fit(const Viewport& viewport, const Rect& world_bounds, double margin, double top = 0.0);

// A smooth move between two cameras: the zoom changes geometrically so that
// zooming in and out feel alike, and the centre follows in step.
struct CameraAnimation {
  Camera from;
  Camera to;
  double start_seconds = 0.0;
  double duration_seconds = 0.0;

  bool finished(double now_seconds) const;
  Camera at(double now_seconds) const;
};

}  // namespace layout
