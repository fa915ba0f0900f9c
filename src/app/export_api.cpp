#include "app/export_api.hpp"

#include <cmath>

#include <algorithm>
#include <cctype>
#include <string>

#include "analysis/plan_tables.hpp"
#include "app/plan_document.hpp"
#include "io/csv.hpp"
#include "layout/picture.hpp"
#include "layout/svg_writer.hpp"

namespace app {

namespace {

using json = model::Json;

json failure(const std::string& message) { return {{"ok", false}, {"messages", json::array({message})}}; }

// "south-yorkshire-ics-governance.svg": the plan's file name, then what is in it.
std::string export_name(const AppState& state, const std::string& what, const std::string& extension) {
  std::string base = download_name(state);
  base.resize(base.size() - 5);  // ".json"
  // The state shown, so that two options exported side by side keep apart: "...-governance-merge-2020-end.svg".
  std::string shown = state.plan_state.option;
  const std::string date = analysis::format_state_date(state.plan_state);
  if (!date.empty()) shown += shown.empty() ? "" : "-";
  for (char c : date) {
    if (std::isalnum(static_cast<unsigned char>(c))) shown += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!shown.empty() && shown.back() != '-') shown += '-';
  }
  return base + "-" + what + (shown.empty() ? "" : "-" + shown) + "." + extension;
}

// The title, description and width of the view on screen as a picture:
// as large as the drawing at 100% (so that its text reads as on screen),
// within 1,600 and 4,000 pixels wide; the PNG is twice that.
layout::SvgOptions picture_options(const AppState& state, const layout::Scene& scene) {
  const bool governance = state.canvas_view == CanvasView::governance;
  layout::SvgOptions options = layout::view_svg_options(analysis::state_title(state.document->plan, state.plan_state), governance);
  options.width = std::clamp(std::ceil(scene.bounds.size().x), 1600.0, 4000.0);  // whole pixels, as the PNG has
  return options;
}

std::string view_name(const AppState& state) { return state.canvas_view == CanvasView::governance ? "governance" : "layers"; }

}  // namespace

json export_svg_api(AppState& state, const json&) {
  const layout::Scene* scene = active_scene(state);
  if (!state.document || !scene) return failure("no plan is open: open one first");
  json answer = {{"ok", true}, {"messages", json::array()}};
  answer["svg"] = layout::write_svg(*scene, picture_options(state, *scene));
  answer["fileName"] = export_name(state, view_name(state), "svg");
  return answer;
}

json export_picture_api(AppState& state, const json&) {
  const layout::Scene* scene = active_scene(state);
  if (!state.document || !scene) return failure("no plan is open: open one first");
  const layout::SvgOptions options = picture_options(state, *scene);
  const layout::Picture picture = layout::make_picture(*scene, options.width);
  json answer = {{"ok", true}, {"messages", json::array()}};
  answer["picture"] = layout::picture_json(picture);
  answer["title"] = options.title;
  answer["width"] = picture.width;  // CSS pixels: the page chooses the PNG's scale from them
  answer["height"] = picture.height;
  answer["fileName"] = export_name(state, view_name(state), "png");
  return answer;
}

// The picture's size, before its marks: the page makes the PNG's canvas
// while exportPicture writes them.
json picture_size_api(AppState& state, const json&) {
  const layout::Scene* scene = active_scene(state);
  if (!state.document || !scene) return failure("no plan is open: open one first");
  const layout::Picture frame = layout::picture_frame(*scene, picture_options(state, *scene).width);
  return {{"ok", true}, {"messages", json::array()}, {"width", frame.width}, {"height", frame.height}};
}

json export_csv_api(AppState& state, const json& args) {
  if (!state.document) return failure("no plan is open: open one first");
  const std::string name = args.is_string() ? args.get<std::string>() : std::string();
  const auto table = analysis::plan_table(shown_plan(state), name);
  if (!table) {
    return failure("\"" + name + "\" is not one of the plan's tables: units, organisations, bodies, posts, flows or functions");
  }
  std::vector<std::vector<std::string>> rows = {table->header};
  rows.insert(rows.end(), table->rows.begin(), table->rows.end());
  json answer = {{"ok", true}, {"messages", json::array()}};
  answer["csv"] = io::write_csv(rows);
  answer["fileName"] = export_name(state, name, "csv");
  return answer;
}

}  // namespace app
