#pragma once
#include "app/app_state.hpp"
#include "model/json.hpp"

// What File > Export and window.planner's export methods hand out: the
// current view as SVG (the same scene and writer as planner-cli svg) and
// the plan's tables as CSV (docs/exports.md). The PNG is the same picture,
// drawn onto a canvas by the page (exportPicture).
namespace app {

// exportSvg(): {ok, svg, fileName} for the view on screen, with its filters.
model::Json export_svg_api(AppState& state, const model::Json& args);
// exportPicture(): {ok, picture, title, width, height, fileName} for the PNG: the picture the
// SVG shows, as JSON text (layout::picture_json), for shell/picture-worker.js.
model::Json export_picture_api(AppState& state, const model::Json& args);
model::Json picture_size_api(AppState& state, const model::Json& args);
// exportCsv(table): {ok, csv, fileName}; the table names are analysis::plan_table_names().
model::Json export_csv_api(AppState& state, const model::Json& args);

}  // namespace app
