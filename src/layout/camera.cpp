#include "layout/camera.hpp"

#include <algorithm>
#include <cmath>

namespace layout {

double clamp_zoom(double zoom) {
  if (!std::isfinite(zoom)) return 1.0;
  return std::clamp(zoom, min_zoom, max_zoom);
}

double device_pixels_per_world_unit(const Camera& camera, const Viewport& viewport) {
  return camera.zoom * viewport.pixel_ratio;
}

glm::dvec2 world_to_screen(const Camera& camera, const Viewport& viewport, glm::dvec2 world) {
  const double scale = device_pixels_per_world_unit(camera, viewport);
  return viewport.origin + viewport.size * 0.5 + (world - camera.center) * scale;
}

glm::dvec2 screen_to_world(const Camera& camera, const Viewport& viewport, glm::dvec2 screen) {
  const double scale = device_pixels_per_world_unit(camera, viewport);
  return camera.center + (screen - viewport.origin - viewport.size * 0.5) / scale;
}

Rect visible_world_rect(const Camera& camera, const Viewport& viewport) {
  return {screen_to_world(camera, viewport, viewport.origin),
          screen_to_world(camera, viewport, viewport.origin + viewport.size)};
}

Camera pan_by_screen(Camera camera, const Viewport& viewport, glm::dvec2 screen_delta) {
  camera.center -= screen_delta / device_pixels_per_world_unit(camera, viewport);
  return camera;
}

Camera zoom_about(Camera camera, const Viewport& viewport, glm::dvec2 screen_point, double factor) {
  const glm::dvec2 anchor = screen_to_world(camera, viewport, screen_point);
  camera.zoom = clamp_zoom(camera.zoom * factor);
  // Put the anchor back under the same screen point.
  const glm::dvec2 moved = screen_to_world(camera, viewport, screen_point);
  camera.center += anchor - moved;
  return camera;
}

Camera fit(const Viewport& viewport, const Rect& world_bounds, double margin, double top) {
  Camera camera;
  const glm::dvec2 css_size = viewport.size / viewport.pixel_ratio;
  const glm::dvec2 room = glm::max(css_size - 2.0 * margin - glm::dvec2(0.0, top), glm::dvec2(1.0, 1.0));
  const glm::dvec2 extent = glm::max(world_bounds.size(), glm::dvec2(1e-9, 1e-9));
  camera.zoom = clamp_zoom(std::min(room.x / extent.x, room.y / extent.y));
  // The content's middle goes to the middle of the room below the top strip.
  camera.center = world_bounds.center() - glm::dvec2(0.0, top * 0.5 / camera.zoom);
  return camera;
}

bool CameraAnimation::finished(double now_seconds) const {
  return now_seconds >= start_seconds + duration_seconds;
}

Camera CameraAnimation::at(double now_seconds) const {
  if (duration_seconds <= 0.0 || finished(now_seconds)) return to;
  const double t = std::clamp((now_seconds - start_seconds) / duration_seconds, 0.0, 1.0);
  const double eased = t * t * (3.0 - 2.0 * t);  // smoothstep: no jolt at either end
  Camera camera;
  camera.zoom = from.zoom * std::pow(to.zoom / from.zoom, eased);
  // Move the centre in proportion to how far the scale has travelled, so the
  // target stays steady on screen while zooming (a plain lerp drifts).
  const double scale_from = 1.0 / from.zoom;
  const double scale_to = 1.0 / to.zoom;
  const double progress = std::abs(scale_to - scale_from) < 1e-12
                              ? eased
                              : (1.0 / camera.zoom - scale_from) / (scale_to - scale_from);
  camera.center = from.center + (to.center - from.center) * progress;
  return camera;
}

}  // namespace layout
