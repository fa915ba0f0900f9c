#pragma once
#include "app/app_state.hpp"

// Camera moves shared by the canvas (mouse, keys, menus) and the JS API, so
// that both behave the same.
namespace app {

inline constexpr double zoom_step = 1.25;          // one key press or menu click
inline constexpr double animation_seconds = 0.25;

// The camera the view is heading for (the animation's end when one runs).
layout::Camera target_camera(const CanvasState& canvas);

void set_camera(CanvasState& canvas, const layout::Camera& camera);
void animate_camera_to(CanvasState& canvas, const layout::Camera& camera, double now_seconds);
// Advances a running animation; returns true while it still runs.
bool step_animation(CanvasState& canvas, double now_seconds);

// screen_point and deltas in device pixels.
void zoom_at(CanvasState& canvas, glm::dvec2 screen_point, double factor);
void zoom_centred(CanvasState& canvas, double factor, double now_seconds);
void pan_by(CanvasState& canvas, glm::dvec2 screen_delta);
void fit_content(CanvasState& canvas, double now_seconds);
// Frames the whole drawing at once, with no glide: for a plan just opened,
// which has nothing on screen to glide from.
void show_fitted(CanvasState& canvas);
// Called by the canvas each frame once its size is known: makes a fit asked
// for before the first frame, and keeps a fitted view fitted when the canvas
// changes size and no one has moved the camera since. With
// `follow_content` (pages that only read), also when the drawing changes
// (another option or date): the reader sees all of it.
void keep_fit(CanvasState& canvas, bool follow_content = false);
void reset_zoom(CanvasState& canvas, double now_seconds);
// Glides the view to frame a world rectangle (a focused unit), with a margin.
void focus_on(CanvasState& canvas, const layout::Rect& bounds, double now_seconds);

}  // namespace app
