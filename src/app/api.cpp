#include "app/api.hpp"

#include <cmath>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "app/canvas_control.hpp"
#include "model/version.hpp"

namespace app {

namespace {

using nlohmann::json;
using Messages = std::vector<std::string>;

json failure(const Messages& messages) { return {{"ok", false}, {"messages", messages}}; }
json success() { return {{"ok", true}, {"messages", json::array()}}; }

json camera_json(const layout::Camera& camera) {
  return {{"x", camera.center.x}, {"y", camera.center.y}, {"zoom", camera.zoom}};
}

// Reads an optional finite number from an object, recording a message when
// the field is there but unusable.
std::optional<double> optional_number(const json& object, const char* name, Messages& messages) {
  if (!object.contains(name)) return std::nullopt;
  const json& value = object[name];
  if (!value.is_number() || !std::isfinite(value.get<double>())) {
    messages.push_back(std::string(name) + " must be a finite number");
    return std::nullopt;
  }
  return value.get<double>();
}

const char* theme_name(Theme theme) {
  switch (theme) {
    case Theme::light: return "light";
    case Theme::dark: return "dark";
    case Theme::high_contrast: return "high-contrast";
  }
  return "light";
}

std::optional<Theme> theme_from_name(const std::string& name) {
  if (name == "light") return Theme::light;
  if (name == "dark") return Theme::dark;
  if (name == "high-contrast") return Theme::high_contrast;
  return std::nullopt;
}

json set_camera_api(AppState& state, const json& args) {
  if (!args.is_object()) return failure({"setCamera expects an object such as {x: 0, y: 0, zoom: 1}"});
  Messages messages;
  layout::Camera camera = target_camera(state.canvas);
  if (auto x = optional_number(args, "x", messages)) camera.center.x = *x;
  if (auto y = optional_number(args, "y", messages)) camera.center.y = *y;
  if (auto zoom = optional_number(args, "zoom", messages)) {
    if (*zoom <= 0.0) messages.push_back("zoom must be greater than 0");
    camera.zoom = *zoom;
  }
  if (!messages.empty()) return failure(messages);
  set_camera(state.canvas, camera);
  return success();
}

json zoom_at_api(AppState& state, const json& args) {
  Messages messages;
  if (!args.is_object()) return failure({"zoomAt expects {x, y, factor}"});
  const auto x = optional_number(args, "x", messages);
  const auto y = optional_number(args, "y", messages);
  const auto factor = optional_number(args, "factor", messages);
  if (!x || !y || !factor || *factor <= 0.0) messages.push_back("zoomAt needs x, y and a factor above 0");
  if (!messages.empty()) return failure(messages);
  // x and y arrive in CSS pixels from the canvas's top-left corner.
  const double ratio = state.canvas.viewport.pixel_ratio;
  zoom_at(state.canvas, glm::dvec2(*x, *y) * ratio, *factor);
  return success();
}

json pan_by_api(AppState& state, const json& args) {
  Messages messages;
  if (!args.is_object()) return failure({"panBy expects {dx, dy}"});
  const auto dx = optional_number(args, "dx", messages);
  const auto dy = optional_number(args, "dy", messages);
  if (!messages.empty()) return failure(messages);
  pan_by(state.canvas, glm::dvec2(dx.value_or(0.0), dy.value_or(0.0)) * state.canvas.viewport.pixel_ratio);
  return success();
}

json set_theme_api(AppState& state, const json& args) {
  if (!args.is_string()) return failure({"setTheme expects \"light\", \"dark\" or \"high-contrast\""});
  const auto theme = theme_from_name(args.get<std::string>());
  if (!theme) return failure({"unknown theme \"" + args.get<std::string>() + "\": use light, dark or high-contrast"});
  state.theme = *theme;
  return success();
}

using Handler = std::function<json(AppState&, const json&)>;

struct Method {
  Handler handler;
  bool changes_view;  // reading methods must not wake the idle page
};

const std::map<std::string, Method, std::less<>>& methods() {
  static const std::map<std::string, Method, std::less<>> table = {
      {"version", {[](AppState&, const json&) { return json(std::string(model::planner_version())); }, false}},
      {"view", {[](AppState& s, const json&) { return json(s.view); }, false}},
      {"camera", {[](AppState& s, const json&) { return camera_json(s.canvas.camera); }, false}},
      {"setCamera", {set_camera_api, true}},
      {"zoomAt", {zoom_at_api, true}},
      {"panBy", {pan_by_api, true}},
      {"fit", {[](AppState& s, const json&) { fit_content(s.canvas, s.now_seconds); return success(); }, true}},
      {"theme", {[](AppState& s, const json&) { return json(theme_name(s.theme)); }, false}},
      {"setTheme", {set_theme_api, true}},
      {"frameCount", {[](AppState& s, const json&) { return json(s.frames_drawn); }, false}},
  };
  return table;
}

}  // namespace

std::string call_api(AppState& state, std::string_view method, std::string_view arguments_json) {
  const auto& table = methods();
  const auto found = table.find(method);
  if (found == table.end()) {
    return failure({"unknown method \"" + std::string(method) + "\""}).dump();
  }
  json arguments = arguments_json.empty() ? json() : json::parse(arguments_json, nullptr, false);
  if (arguments.is_discarded()) return failure({"arguments are not valid JSON"}).dump();
  json answer = found->second.handler(state, arguments);
  if (found->second.changes_view) state.redraw_requested = true;
  return answer.dump();
}

}  // namespace app
