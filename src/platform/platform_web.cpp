#include <emscripten.h>
#include <emscripten/html5.h>

#include "platform/platform.hpp"

namespace platform {

namespace {
constexpr const char* canvas_selector = "#canvas";
}

double device_pixel_ratio() {
  const double ratio = emscripten_get_device_pixel_ratio();
  return ratio > 0.0 ? ratio : 1.0;
}

glm::dvec2 canvas_css_size() {
  double width = 0.0;
  double height = 0.0;
  emscripten_get_element_css_size(canvas_selector, &width, &height);
  return {width, height};
}

void set_canvas_pixel_size(int width, int height) {
  emscripten_set_canvas_element_size(canvas_selector, width, height);
}

double now_seconds() { return emscripten_get_now() / 1000.0; }

EM_JS(void, planner_js_first_frame, (), {
  if (Module["onFirstFrame"]) Module["onFirstFrame"]();
});

void notify_first_frame() { planner_js_first_frame(); }

EM_JS(void, planner_js_page_request, (const char* action, const char* argument), {
  if (Module["pageRequest"]) Module["pageRequest"](UTF8ToString(action), UTF8ToString(argument));
});

void page_request(const std::string& action, const std::string& argument) {
  planner_js_page_request(action.c_str(), argument.c_str());
}

}  // namespace platform
