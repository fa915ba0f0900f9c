#pragma once
#include <glm/vec2.hpp>
#include <string>

// What the application needs from its host. The browser implementation is
// platform_web.cpp; platform_native.cpp is a stand-in for native builds.
namespace platform {

double device_pixel_ratio();
glm::dvec2 canvas_css_size();                      // CSS pixels
void set_canvas_pixel_size(int width, int height);  // the drawing buffer
double now_seconds();                              // monotonic
void notify_first_frame();                         // resolves window.planner.ready
// Asks the page to do something for the module (app::PageRequest): show a
// file picker (whose files come back through window.planner), fetch an
// example, save to a file, show My plans or a share link, export.
void page_request(const std::string& action, const std::string& argument);

}  // namespace platform
