#include <chrono>

#include "platform/platform.hpp"

// A fixed 1280×800 screen at ratio 1, so that native code paths that ask the
// platform behave predictably in tests.
namespace platform {

double device_pixel_ratio() { return 1.0; }
glm::dvec2 canvas_css_size() { return {1280.0, 800.0}; }
void set_canvas_pixel_size(int, int) {}

double now_seconds() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

void notify_first_frame() {}
void page_request(const std::string&, const std::string&) {}

}  // namespace platform
