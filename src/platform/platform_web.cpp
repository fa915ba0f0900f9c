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

EM_JS(void, planner_js_pick_plan_file, (), {
  if (Module["pickPlanFile"]) Module["pickPlanFile"]();
});

void request_plan_file() { planner_js_pick_plan_file(); }

EM_JS(void, planner_js_pick_import_files, (), {
  if (Module["pickImportFiles"]) Module["pickImportFiles"]();
});

void request_import_files() { planner_js_pick_import_files(); }

EM_JS(void, planner_js_open_example, (const char* name), {
  if (Module["openExample"]) Module["openExample"](UTF8ToString(name));
});

void request_example(const std::string& name) { planner_js_open_example(name.c_str()); }

EM_JS(void, planner_js_save_plan_file, (int ask), {
  if (Module["savePlanFile"]) Module["savePlanFile"](ask !== 0);
});

void save_plan_file(bool ask) { planner_js_save_plan_file(ask ? 1 : 0); }

EM_JS(void, planner_js_show_my_plans, (), {
  if (Module["showMyPlans"]) Module["showMyPlans"]();
});

void show_my_plans() { planner_js_show_my_plans(); }

EM_JS(void, planner_js_show_share_link, (), {
  if (Module["showShareLink"]) Module["showShareLink"]();
});

void show_share_link() { planner_js_show_share_link(); }

EM_JS(void, planner_js_export_file, (const char* what), {
  if (Module["exportFile"]) Module["exportFile"](UTF8ToString(what));
});

void export_file(const std::string& what) { planner_js_export_file(what.c_str()); }

}  // namespace platform
