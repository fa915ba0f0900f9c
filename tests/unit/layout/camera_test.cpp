#include <doctest/doctest.h>

#include "layout/camera.hpp"

using namespace layout;

namespace {
const Viewport screen{{0.0, 40.0}, {1000.0, 600.0}, 2.0};  // device px, ratio 2
}

TEST_CASE("world and screen coordinates are inverse mappings") {
  const Camera camera{{120.0, -35.0}, 1.5};
  const glm::dvec2 world{17.0, 230.0};
  const glm::dvec2 back = screen_to_world(camera, screen, world_to_screen(camera, screen, world));
  CHECK(back.x == doctest::Approx(world.x));
  CHECK(back.y == doctest::Approx(world.y));
}

TEST_CASE("the camera centre is drawn at the middle of the viewport") {
  const Camera camera{{10.0, 20.0}, 3.0};
  const glm::dvec2 middle = world_to_screen(camera, screen, camera.center);
  CHECK(middle.x == doctest::Approx(500.0));
  CHECK(middle.y == doctest::Approx(340.0));
}

TEST_CASE("zoom counts CSS pixels, so one world unit spans ratio device pixels at zoom 1") {
  const Camera camera{{0.0, 0.0}, 1.0};
  const glm::dvec2 a = world_to_screen(camera, screen, {0.0, 0.0});
  const glm::dvec2 b = world_to_screen(camera, screen, {1.0, 0.0});
  CHECK(b.x - a.x == doctest::Approx(2.0));
}

TEST_CASE("panning moves the content with the drag") {
  const Camera camera{{0.0, 0.0}, 2.0};
  const glm::dvec2 world{5.0, 5.0};
  const glm::dvec2 before = world_to_screen(camera, screen, world);
  const Camera moved = pan_by_screen(camera, screen, {30.0, -12.0});
  const glm::dvec2 after = world_to_screen(moved, screen, world);
  CHECK(after.x - before.x == doctest::Approx(30.0));
  CHECK(after.y - before.y == doctest::Approx(-12.0));
}

TEST_CASE("zooming keeps the point under the cursor still") {
  const Camera camera{{3.0, 4.0}, 0.8};
  const glm::dvec2 cursor{250.0, 500.0};
  const glm::dvec2 anchor = screen_to_world(camera, screen, cursor);
  const Camera zoomed = zoom_about(camera, screen, cursor, 1.7);
  CHECK(zoomed.zoom == doctest::Approx(1.36));
  const glm::dvec2 still = screen_to_world(zoomed, screen, cursor);
  CHECK(still.x == doctest::Approx(anchor.x));
  CHECK(still.y == doctest::Approx(anchor.y));
}

TEST_CASE("zoom is clamped and never becomes zero, negative or not a number") {
  CHECK(clamp_zoom(1e9) == max_zoom);
  CHECK(clamp_zoom(0.0) == min_zoom);
  CHECK(clamp_zoom(-3.0) == min_zoom);
  CHECK(clamp_zoom(std::nan("")) == 1.0);
  const Camera camera{{0.0, 0.0}, max_zoom};
  CHECK(zoom_about(camera, screen, {10.0, 10.0}, 10.0).zoom == max_zoom);
}

TEST_CASE("fit shows the whole rectangle with its margin") {
  const Rect bounds{{-100.0, -50.0}, {300.0, 150.0}};
  const Camera camera = fit(screen, bounds, 20.0);
  CHECK(camera.center.x == doctest::Approx(100.0));
  CHECK(camera.center.y == doctest::Approx(50.0));
  // CSS viewport is 500 x 300; room 460 x 260; bounds 400 x 200.
  CHECK(camera.zoom == doctest::Approx(1.15));
  const Rect visible = visible_world_rect(camera, screen);
  CHECK(visible.min.x <= bounds.min.x);
  CHECK(visible.max.x >= bounds.max.x);
  CHECK(visible.min.y <= bounds.min.y);
  CHECK(visible.max.y >= bounds.max.y);
}

TEST_CASE("a camera animation starts at its origin, ends at its target, and zooms geometrically") {
  const CameraAnimation animation{{{0.0, 0.0}, 1.0}, {{100.0, 50.0}, 4.0}, 10.0, 0.5};
  CHECK(animation.at(10.0).zoom == doctest::Approx(1.0));
  CHECK(animation.at(9.0).center.x == doctest::Approx(0.0));
  CHECK(animation.at(10.25).zoom == doctest::Approx(2.0));  // halfway in time, geometric midpoint
  CHECK(animation.at(10.5).zoom == doctest::Approx(4.0));
  CHECK(animation.at(11.0).center.x == doctest::Approx(100.0));
  CHECK(animation.finished(10.5));
  CHECK_FALSE(animation.finished(10.4));
  double previous = 0.0;
  for (double t = 10.0; t <= 10.5; t += 0.05) {
    const double x = animation.at(t).center.x;
    CHECK(x >= previous - 1e-9);  // moves one way only
    previous = x;
  }
}

TEST_CASE("a pure pan animation moves the centre smoothly") {
  const CameraAnimation animation{{{0.0, 0.0}, 2.0}, {{80.0, 0.0}, 2.0}, 0.0, 1.0};
  CHECK(animation.at(0.5).center.x == doctest::Approx(40.0));
  CHECK(animation.at(0.5).zoom == doctest::Approx(2.0));
}
