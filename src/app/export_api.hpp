#pragma once
#include "app/app_state.hpp"
#include "model/json.hpp"

// What File > Export and window.planner's export methods hand out: the
// current view as SVG (the same scene and writer as planner-cli svg) and
// the plan's tables as CSV (docs/exports.md). The PNG is drawn from the
// SVG by the page.
namespace app {

// exportSvg(): {ok, svg, fileName} for the view on screen, with its filters.
model::Json export_svg_api(AppState& state, const model::Json& args);
// exportCsv(table): {ok, csv, fileName}; the table names are analysis::plan_table_names().
model::Json export_csv_api(AppState& state, const model::Json& args);

}  // namespace app
