// The page's entry points and frame loop.
//
// The loop sleeps: a frame is drawn only when something asks for one (input
// seen by the page's JavaScript, a resize, an API call, a running
// animation), plus a few frames after each so that ImGui settles. An idle
// page draws nothing.
//
// HiDPI: Emscripten 3.1.6's GLFW knows nothing of devicePixelRatio, so the
// drawing buffer is sized here (CSS size × ratio) and ImGui works in device
// pixels throughout (DisplaySize = buffer size, fonts and style scaled by the
// ratio). GLFW reports the mouse in buffer pixels too, so no conversion is
// needed anywhere else.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>
#include <unistd.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_internal.h>  // the input queue: events ImGui has still to handle

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <utility>
#include <string>

#include "app/api.hpp"
#include "app/rehearsal.hpp"
#include "model/json.hpp"
#include "app/app_state.hpp"
#include "app/canvas_control.hpp"
#include "app/plan_document.hpp"
#include "platform/platform.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "app/viewer_api.hpp"
#include "ui/retained_scene.hpp"
#include "ui/ui.hpp"
#include "web/gl_scene_gpu.hpp"
#include "web/imgui_renderer.hpp"

namespace {

struct Page {
  app::AppState state;
  ui::Fonts fonts;
  std::unique_ptr<web::ImGuiRenderer> renderer;
  std::unique_ptr<web::GlSceneGpu> scene_gpu;
  GLFWwindow* window = nullptr;
  glm::ivec2 buffer_size{0, 0};
  app::Theme styled_theme = app::Theme::light;
  float styled_ratio = 0.0f;
  int frames_to_settle = 0;  // frames still to draw after the last request
  bool frame_scheduled = false;
  bool started = false;
  std::string api_answer;  // kept alive until JavaScript has copied it
};

Page* page = nullptr;

constexpr int settle_frames = 3;

EM_BOOL draw_frame(double, void*);

void schedule_frame() {
  if (page->frame_scheduled) return;
  page->frame_scheduled = true;
  emscripten_request_animation_frame(draw_frame, nullptr);
}

void request_frames() {
  page->frames_to_settle = settle_frames;
  schedule_frame();
}

// Matches the drawing buffer to the canvas's CSS size × devicePixelRatio and
// rebuilds fonts and style when the ratio or theme changed.
void sync_screen() {
  const double ratio = platform::device_pixel_ratio();
  const glm::dvec2 css = platform::canvas_css_size();
  const glm::ivec2 wanted(std::max(1, static_cast<int>(std::lround(css.x * ratio))),
                          std::max(1, static_cast<int>(std::lround(css.y * ratio))));
  if (wanted != page->buffer_size) {
    platform::set_canvas_pixel_size(wanted.x, wanted.y);
    page->buffer_size = wanted;
  }
  page->state.canvas.viewport.pixel_ratio = ratio;

  const float ratio_f = static_cast<float>(ratio);
  if (ratio_f != page->fonts.built_for_ratio) {
    ui::build_fonts(page->fonts, ratio_f);
    page->renderer->upload_fonts();
  }
  if (ratio_f != page->styled_ratio || page->state.theme != page->styled_theme) {
    ui::apply_theme(page->state.theme, ratio_f);
    page->styled_ratio = ratio_f;
    page->styled_theme = page->state.theme;
  }
}

// The page's panels and a host page follow the view, option, date and
// selection: told once per change, after the frame that shows it.
void tell_page_what_is_shown(app::AppState& state) {
  if (!state.document) return;
  std::string shown = app::shown_state_json(state).dump();
  if (shown == state.told_page) return;
  state.told_page = shown;
  state.page_requests.push_back({"shown", std::move(shown)});
}

EM_BOOL draw_frame(double, void*) {
  page->frame_scheduled = false;
  app::AppState& state = page->state;
  state.now_seconds = platform::now_seconds();
  state.redraw_requested = false;
  sync_screen();

  const double frame_start = platform::now_seconds();
  page->scene_gpu->begin_frame();
  state.drew_from_gpu = false;
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(page->buffer_size.x), static_cast<float>(page->buffer_size.y));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  ImGui::NewFrame();
  const bool animating = app::step_animation(state.canvas, state.now_seconds);
  ui::draw_ui(state, page->fonts);
  ImGui::Render();
  const double frame_built = platform::now_seconds();

  glViewport(0, 0, page->buffer_size.x, page->buffer_size.y);
  glClearColor(0.94f, 0.96f, 0.96f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  page->renderer->render(*ImGui::GetDrawData(), page->buffer_size.x, page->buffer_size.y);
  if (state.frame_build_ms.size() < 1000) {
    state.frame_build_ms.push_back((frame_built - frame_start) * 1000.0);
    state.frame_submit_ms.push_back((platform::now_seconds() - frame_built) * 1000.0);
    state.frame_from_gpu.push_back(state.drew_from_gpu);
  }

  if (state.frames_drawn++ == 0) platform::notify_first_frame();
  tell_page_what_is_shown(state);
  // Taken first: a handler may ask for more.
  for (const app::PageRequest& request : std::exchange(state.page_requests, {})) {
    platform::page_request(request.action, request.argument);
  }

  // Keep drawing while something moves or a button is held on something
  // (a drag, a held scroll arrow); then sleep. A text field waiting for
  // typing needs no frames: each key wakes the loop. ImGui handles queued
  // input a little each frame (typing then Enter takes a frame per event),
  // so keep drawing until the queue is empty.
  const bool input_pending = !ImGui::GetCurrentContext()->InputEventsQueue.empty();
  const bool holding = ImGui::IsAnyItemActive() && ImGui::IsAnyMouseDown();
  const bool timed = state.now_seconds < state.animate_until || state.playing_next.has_value();  // a pulse, or the timeline playing
  if (animating || timed || state.redraw_requested || holding || input_pending) {
    page->frames_to_settle = settle_frames;
  }
  if (page->frames_to_settle > 0) {
    --page->frames_to_settle;
    schedule_frame();
  }
  return EM_FALSE;  // frames are requested one at a time
}

// When the page is busy, Chromium delivers a press or release at once but
// holds the moves before it for the next animation frame, so ImGui would see
// a drag released where it started. Each button event brings its own
// position first.
void mouse_button_where_it_happened(GLFWwindow* window, int button, int action, int mods) {
  double x = 0.0;
  double y = 0.0;
  glfwGetCursorPos(window, &x, &y);
  ImGui_ImplGlfw_CursorPosCallback(window, x, y);
  ImGui_ImplGlfw_MouseButtonCallback(window, button, action, mods);
}

app::Theme theme_from_options(const model::Json& options) {
  if (!options.is_object() || !options.contains("theme") || !options["theme"].is_string()) {
    return app::Theme::light;
  }
  const std::string name = options["theme"].get<std::string>();
  if (name == "dark") return app::Theme::dark;
  if (name == "high-contrast") return app::Theme::high_contrast;
  return app::Theme::light;
}

std::vector<unsigned char> take_bytes(unsigned char* bytes, int length) {
  std::vector<unsigned char> copy;
  if (bytes && length > 0) copy.assign(bytes, bytes + length);
  std::free(bytes);
  return copy;
}

}  // namespace

extern "C" {

// Called once by shell/planner-shell.js with the fonts it fetched (malloc'd
// buffers, freed here) and page options as JSON. Returns 0 on success.
EMSCRIPTEN_KEEPALIVE int planner_start(unsigned char* regular, int regular_length, unsigned char* bold,
                                       int bold_length, const char* options_json) {
  if (page) return 0;
  page = new Page();
  page->fonts.regular_ttf = take_bytes(regular, regular_length);
  page->fonts.bold_ttf = take_bytes(bold, bold_length);
  const model::Json options = model::Json::parse(options_json ? options_json : "", nullptr, false);
  page->state.theme = theme_from_options(options);
  page->state.canvas.reduce_motion = options.is_object() && options.value("reduceMotion", false);
  const std::string mode = options.is_object() ? options.value("mode", std::string("edit")) : "edit";
  page->state.mode = mode == "view" ? app::Mode::view : mode == "embed" ? app::Mode::embed : app::Mode::edit;
  if (page->state.read_only()) page->state.canvas.toolbar_room = 0.0;  // no view switch over the canvas: the page has its own

  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);  // WebGL2
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_ALPHA_BITS, 0);             // an opaque canvas composites faster
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  page->window = glfwCreateWindow(1280, 800, "Care Structure Planner", nullptr, nullptr);
  if (!page->window) return 2;
  glfwMakeContextCurrent(page->window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is the app's business, not a file's
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // blinking would keep an idle page drawing
  ImGui_ImplGlfw_InitForOpenGL(page->window, true);
  glfwSetMouseButtonCallback(page->window, mouse_button_where_it_happened);
  page->renderer = std::make_unique<web::ImGuiRenderer>();
  page->scene_gpu = std::make_unique<web::GlSceneGpu>();
  ui::set_scene_gpu(page->scene_gpu.get());

  page->started = true;
  request_frames();
  return 0;
}

// Called by the page's JavaScript on every input or resize event.
EMSCRIPTEN_KEEPALIVE void planner_wake() {
  if (page && page->started) request_frames();
}

// 1 while a frame is on its way (every frame still to settle schedules the
// next); 0 once the loop sleeps. window.planner.settled() waits for 0.
EMSCRIPTEN_KEEPALIVE int planner_drawing() { return page && page->frame_scheduled ? 1 : 0; }

// window.planner's methods land here (see app/api.hpp). The answer stays
// valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* planner_api(const char* method, const char* arguments_json) {
  if (!page) return "{\"ok\":false,\"messages\":[\"the planner has not started\"]}";
  page->state.now_seconds = platform::now_seconds();
  page->api_answer = app::call_api(page->state, method ? method : "", arguments_json ? arguments_json : "");
  if (page->state.redraw_requested) request_frames();
  return page->api_answer.c_str();
}

// A plan file's bytes as chosen or dropped, decoded by the loader itself so
// that the page says exactly what planner-cli says (bad UTF-8 included).
// Takes ownership of the malloc'd buffer.
EMSCRIPTEN_KEEPALIVE void planner_open_file(unsigned char* bytes, int length, const char* name) {
  if (!page) {
    std::free(bytes);
    return;
  }
  page->state.now_seconds = platform::now_seconds();
  const std::string_view text(reinterpret_cast<const char*>(bytes), length > 0 ? static_cast<std::size_t>(length) : 0);
  app::open_plan_file(page->state, text, name ? name : "");
  std::free(bytes);
  request_frames();
}

// window.planner.openPlan: the plan's UTF-8 text as it is (a malloc'd
// buffer, freed here), not inside JSON arguments. Answers as openPlan does.
EMSCRIPTEN_KEEPALIVE const char* planner_open_text(unsigned char* bytes, int length, const char* name, int report) {
  if (!page) {
    std::free(bytes);
    return "{\"ok\":false,\"messages\":[\"the planner has not started\"]}";
  }
  page->state.now_seconds = platform::now_seconds();
  const std::string_view text(reinterpret_cast<const char*>(bytes), length > 0 ? static_cast<std::size_t>(length) : 0);
  page->api_answer = app::open_plan_answer(page->state, text, name ? name : "", report != 0);
  std::free(bytes);
  request_frames();
  return page->api_answer.c_str();
}

// A plan's opening rehearsed on a scratch state, while the page is idle
// (shell/rehearsal.js, app/rehearsal.hpp): nothing shown changes and no
// frame is drawn. Takes the malloc'd buffer, freed here.
EMSCRIPTEN_KEEPALIVE void planner_rehearse_open(unsigned char* bytes, int length, int with_governance) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), length > 0 ? static_cast<std::size_t>(length) : 0);
  app::rehearse_open(text, with_governance != 0);
  std::free(bytes);
}

// Room for a large plan's open, made while the page is idle
// (shell/rehearsal.js): the memory grows so that `bytes` lie past the
// heap's top, unused, and the page touches them. The allocator takes them
// when it next grows, as it would have, so nothing is split or kept that
// would not have been. Answers where the room starts.
EMSCRIPTEN_KEEPALIVE std::uintptr_t planner_make_room(std::size_t bytes) {
  const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
  if (emscripten_get_heap_size() < top + bytes) emscripten_resize_heap(top + bytes);
  return top;
}

// window.planner.currentPlan: the plan's text as it is (null with no plan
// open), not inside a JSON answer: England's is 5 MB, which the answer
// escaped and the page then parsed back.
EMSCRIPTEN_KEEPALIVE const char* planner_current_plan() {
  if (!page) return nullptr;
  std::optional<std::string> text = app::current_plan_text(page->state);
  if (!text) return nullptr;
  page->api_answer = std::move(*text);
  return page->api_answer.c_str();
}

// The length in bytes of the last answer that planner_api,
// planner_open_text or planner_current_plan gave (-1 before the planner has
// started): the page decodes it in one go rather than looking for its end a
// byte at a time (England's openPlan answers with 850 KB of advice).
EMSCRIPTEN_KEEPALIVE int planner_answer_length() { return page ? static_cast<int>(page->api_answer.size()) : -1; }

}  // extern "C"
