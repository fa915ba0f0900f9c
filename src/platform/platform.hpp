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
// Shows the browser's file picker for a plan; the chosen file comes back
// through window.planner.openPlan (with report: true).
void request_plan_file();
// Fetches assets/examples/<name>.json and opens it through
// window.planner.openPlan; a failed download is reported in the page.
void request_example(const std::string& name);
// Shows a file picker for NHS CSV files; they come back through
// window.planner.previewImport.
void request_import_files();
// Saves the open plan to a file: the one it was last saved to, or (ask, or
// none yet) one the person picks; a download where the browser cannot write
// files. The page then reports it through markSaved.
void save_plan_file(bool ask);
// Shows the "My plans" panel of plans kept in this browser.
void show_my_plans();
// Makes a link that carries the open plan and shows it, to copy.
void show_share_link();
// Downloads the current view or a table: "png", "svg" or "csv:TABLE".
void export_file(const std::string& what);

}  // namespace platform
