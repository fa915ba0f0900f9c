#include "app/canvas_control.hpp"

#include <optional>

namespace app {

layout::Camera target_camera(const CanvasState& canvas) {
  return canvas.animation ? canvas.animation->to : canvas.camera;
}

void set_camera(CanvasState& canvas, const layout::Camera& camera) {
  canvas.animation.reset();
  canvas.camera = camera;
  canvas.camera.zoom = layout::clamp_zoom(camera.zoom);
}

void animate_camera_to(CanvasState& canvas, const layout::Camera& camera, double now_seconds) {
  layout::Camera to = camera;
  to.zoom = layout::clamp_zoom(camera.zoom);
  if (canvas.reduce_motion) return set_camera(canvas, to);  // a plain change
  canvas.animation = layout::CameraAnimation{canvas.camera, to, now_seconds, animation_seconds};
}

bool step_animation(CanvasState& canvas, double now_seconds) {
  if (!canvas.animation) return false;
  canvas.camera = canvas.animation->at(now_seconds);
  if (canvas.animation->finished(now_seconds)) {
    canvas.animation.reset();
    return false;
  }
  return true;
}

void zoom_at(CanvasState& canvas, glm::dvec2 screen_point, double factor) {
  set_camera(canvas, layout::zoom_about(target_camera(canvas), canvas.viewport, screen_point, factor));
}

void zoom_centred(CanvasState& canvas, double factor, double now_seconds) {
  layout::Camera to = target_camera(canvas);
  to.zoom = layout::clamp_zoom(to.zoom * factor);
  animate_camera_to(canvas, to, now_seconds);
}

void pan_by(CanvasState& canvas, glm::dvec2 screen_delta) {
  set_camera(canvas, layout::pan_by_screen(target_camera(canvas), canvas.viewport, screen_delta));
}

namespace {

void fit(CanvasState& canvas, std::optional<double> glide_from_seconds) {
  if (canvas.viewport.size.x <= 0.0) {  // not drawn yet (a plan opened as the page starts)
    canvas.fit_when_sized = true;
    return;
  }
  const layout::Camera to = layout::fit(canvas.viewport, canvas.content_bounds, 32.0, canvas.toolbar_room);
  if (glide_from_seconds) animate_camera_to(canvas, to, *glide_from_seconds);
  else set_camera(canvas, to);
  canvas.last_fit = CanvasState::Fit{target_camera(canvas), canvas.viewport.size, canvas.content_bounds};
}

bool same_camera(const layout::Camera& a, const layout::Camera& b) {
  return a.zoom == b.zoom && a.center == b.center;
}

bool same_rect(const layout::Rect& a, const layout::Rect& b) { return a.min == b.min && a.max == b.max; }

}  // namespace

void fit_content(CanvasState& canvas, double now_seconds) { fit(canvas, now_seconds); }

void show_fitted(CanvasState& canvas) { fit(canvas, std::nullopt); }

void keep_fit(CanvasState& canvas, bool follow_content) {
  const bool fitted = canvas.last_fit && same_camera(target_camera(canvas), canvas.last_fit->camera);
  const bool changed = fitted && (canvas.last_fit->size != canvas.viewport.size ||
                                  (follow_content && !same_rect(canvas.last_fit->content, canvas.content_bounds)));
  if (!canvas.fit_when_sized && !changed) return;
  canvas.fit_when_sized = false;
  set_camera(canvas, layout::fit(canvas.viewport, canvas.content_bounds, 32.0, canvas.toolbar_room));
  canvas.last_fit = CanvasState::Fit{canvas.camera, canvas.viewport.size, canvas.content_bounds};
}

void reset_zoom(CanvasState& canvas, double now_seconds) {
  layout::Camera to = target_camera(canvas);
  to.zoom = 1.0;
  animate_camera_to(canvas, to, now_seconds);
}

void focus_on(CanvasState& canvas, const layout::Rect& bounds, double now_seconds) {
  // The unit fills about half the view, so that its neighbours are seen too.
  const glm::dvec2 context = bounds.size() * 0.5;
  animate_camera_to(canvas, layout::fit(canvas.viewport, {bounds.min - context, bounds.max + context}, 24.0), now_seconds);
}

}  // namespace app
