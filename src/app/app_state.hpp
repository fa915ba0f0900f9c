#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <set>
#include <vector>

#include "analysis/decision_rights.hpp"
#include "analysis/glossary.hpp"
#include "analysis/plan_diff.hpp"
#include "analysis/plan_state.hpp"
#include "layout/camera.hpp"
#include "layout/governance_scene.hpp"
#include "layout/layers_scene.hpp"
#include "layout/scene.hpp"
#include "model/history.hpp"
#include "model/plan.hpp"
#include "model/problems.hpp"

namespace app {

enum class Theme { light, dark, high_contrast };

// What the page was opened for (?mode=, docs/embedding.md): editing, or
// reading only, with the page's own plain chrome (view) or in another
// site's frame (embed). Fixed when the page starts.
enum class Mode { edit, view, embed };

// The planning canvas: pan and zoom live here, not in the plan.
// Which views' boxes and lines are kept on the GPU rather than drawn every frame.
enum class KeepOnGpu { never, big_views, always };

struct CanvasState {
  layout::Camera camera;
  std::optional<layout::CameraAnimation> animation;
  layout::Viewport viewport;  // set by the canvas each frame (device pixels)
  // Until views draw plans, "fit" frames this world rectangle.
  layout::Rect content_bounds{{-400.0, -250.0}, {400.0, 250.0}};
  bool fit_when_sized = false;  // a fit asked for before the first frame knew the canvas's size
  // The last automatic fit and the canvas size it was made for: while the
  // camera is still there, a canvas that changes size (a bar or panel that
  // comes or goes, a window resized) is fitted again.
  struct Fit {
    layout::Camera camera;
    glm::dvec2 size{0.0, 0.0};
    layout::Rect content;  // what it framed
  };
  std::optional<Fit> last_fit;
  bool reduce_motion = false;   // the reader prefers reduced motion: the camera jumps instead of gliding
  double toolbar_room = 56.0;   // CSS pixels a fit leaves at the top for the view switch floating there (none when reading)
};

// A practice or PCN (or several of one layer) being dragged onto another PCN or place.
struct UnitDrag {
  std::vector<std::string> ids;  // what moves: the unit grabbed, and the others selected with it
  std::string id;                // the unit grabbed
  std::string name;
  std::string parent;       // where it is now
  std::string target_kind;  // the layer it may be dropped into: "pcn" or "place"
  std::string target;       // the unit under the pointer it would move into, if any
  std::string target_name;
};

// Which picture of the plan the canvas shows.
enum class CanvasView { layers, governance };

// A governance node being nudged along its row (stored as a layout hint on release).
struct NodeDrag {
  std::string id;
  glm::dvec2 grab{0.0, 0.0};  // where it was grabbed, relative to its centre (world)
};

// A flow being drawn: dragged from a node's handle towards another node.
struct FlowDraft {
  std::string from;
  std::string target;  // the node under the pointer, if it can take the flow
};

// The "new flow" dialog: which kind, and for a delegation which functions.
struct NewFlowDialog {
  bool visible = false;
  std::string from;
  std::string to;
  model::FlowKind kind = model::FlowKind::reports_to;
  std::set<std::string> functions;
  std::string message;  // why the last try was refused
};

// Deleting an organisation, body, post or flow, waiting for the person to confirm what else goes.
struct PendingDelete {
  bool visible = false;
  std::string id;
  std::string statement;
};

// "Who decides?": a function (and optionally a unit) traced to the body
// that decides it; its route is lit on the governance view while open.
struct DecisionQuery {
  bool open = false;
  std::string function;  // id
  std::string unit;      // id, or empty for anywhere
  analysis::DecisionRoute route;
};

// Find (Ctrl+F): what was typed, what it found, which one is shown.
struct SearchState {
  bool open = false;
  bool focus_input = false;
  std::string text;
  std::vector<std::string> results;  // unit ids, best first
  int current = -1;
};

// The inspector's fields while a person types; the plan changes when a
// field is left (Enter or Tab), as one command.
struct InspectorState {
  std::string unit_id;  // whose values the fields hold
  std::string name;
  std::string code;
  std::string population;
  std::string message;  // why the last edit was refused, in plain English
  std::string move_to;  // "Move into": what is typed to find the new PCN or place
};

// An import of NHS files, read and planned, waiting for the person to confirm it.
struct PendingImport {
  bool visible = false;
  std::string files;    // what was read, as "epraccur.csv (GP practices), ..."
  std::string error;    // a file that could not be read, in plain English
  std::string summary;  // counts and skipped rows (io::ImportReport::summary)
  std::size_t imported = 0;
  model::Command command;  // against the open plan, or an empty one when none is open
  bool new_plan = false;
};

// The plan being worked on, with its undo history.
struct Document {
  model::Plan plan;
  std::string file_name;  // where it came from, if a file
  model::History history;
  std::uint64_t generation = 0;      // which plan this is: counts plans opened in this page
  std::uint64_t revision = 0;        // counts changes, undo and redo included
  std::uint64_t saved_revision = 0;  // the revision last downloaded (or opened)
  bool unsaved() const { return revision != saved_revision; }
};

// Something the page around the module does for it (shell/planner-shell.js,
// pageRequest): an action's name and its argument, if any.
struct PageRequest {
  std::string action;    // "pickPlanFile", "pickImportFiles", "openExample", "savePlanFile", "showMyPlans", "showShareLink", "exportFile"
  std::string argument;  // the example's name; "ask" for Save as; "png", "svg" or "csv:TABLE"
};

// What the page says about keeping the open plan in the browser
// (shell/keeping.js), for the status bar. Native builds never hear from it.
struct KeepingStatus {
  bool reported = false;
  std::uint64_t generation = 0;     // the plan that kept_revision belongs to
  std::uint64_t kept_revision = 0;  // the document revision last stored and read back
  std::string problem;              // why changes are not being kept, in plain English; empty when they are
};

// What the last attempt to open a plan found, for the report window.
struct OpenReport {
  bool visible = false;
  bool opened = false;
  std::string file_name;
  model::Problems problems;
};

// One item the canvas drew in its last frame, with the text it showed
// (window.planner.visibleItems): drawn, not merely laid out.
struct ShownItem {
  std::size_t item = 0;    // in the active scene
  std::string text;        // the words shown for it, "" for none
  double text_px = 0.0;    // their height in CSS pixels
};

// Two states side by side (compare()), with their differences, kept up to
// date with the plan.
// What changed when the state shown last moved (a step along the
// timeline, another option): marked on the canvas until the next move.
struct StepChanges {
  std::set<std::string> added;
  std::set<std::string> changed;
  std::vector<std::string> sentences;  // every difference, removed ones included, in words
  std::size_t removed = 0;
  double at = 0.0;  // when (for the marks' short pulse)
};

// Milestones' changes in words (app/change_words.cpp), for one plan
// revision and option.
struct ChangeWords {
  std::uint64_t generation = 0;
  std::uint64_t revision = ~std::uint64_t{0};
  std::string option;
  std::map<std::string, std::vector<std::string>> by_milestone;
};

inline constexpr double comparison_panel_width = 400.0;  // CSS pixels: the differences, docked at the right while side by side

struct Comparison {
  analysis::PlanState left;
  analysis::PlanState right;
  std::vector<analysis::Difference> differences;
  // Side by side: one layout of both states together, drawn in two halves
  // with one camera; each half leaves out what its state does not have.
  bool side_by_side = true;
  std::optional<layout::Scene> scene;
  std::set<std::string> only_left;
  std::set<std::string> only_right;
  std::set<std::string> changed;
};

// Everything the application owns: one instance, made by main and handed by
// reference to every panel and to the JavaScript API.
struct AppState {
  std::string view = "canvas";  // the name window.planner.view() reports
  Mode mode = Mode::edit;
  bool read_only() const { return mode != Mode::edit; }
  // The panels ImGui drew over the canvas last frame (CSS pixels), so the
  // page can give a touch over one to the panel, not the canvas.
  std::vector<layout::Rect> panels;
  std::string told_page;  // what the page was last told is shown (shown_state_json), to tell it of changes only
  CanvasState canvas;
  std::optional<Document> document;
  OpenReport open_report;
  Theme theme = Theme::light;
  double now_seconds = 0.0;     // time of the frame being drawn
  std::uint64_t frames_drawn = 0;
  // CPU time of each frame since last read (window.planner.frameTimes), at
  // most 1,000: building it (the UI and the canvas), and handing it to WebGL.
  std::vector<double> frame_build_ms;
  std::vector<double> frame_submit_ms;
  std::vector<bool> frame_from_gpu;  // whether its boxes and lines came from a mesh kept on the GPU
  bool drew_from_gpu = false;        // the frame being drawn: set by the canvas
  KeepOnGpu keep_on_gpu = KeepOnGpu::big_views;  // boxes and lines kept on the GPU (ui/retained_scene.hpp)
  bool redraw_requested = false;  // something changed outside a frame
  bool show_shortcuts = false;
  bool show_about = false;
  // What the page is asked to do after the frame (file pickers, My plans,
  // exports...): its handlers may call back into the module, which must
  // not happen in the middle of a frame.
  std::vector<PageRequest> page_requests;
  KeepingStatus keeping;
  std::optional<layout::Scene> layers_scene;  // the open plan's layers view, rebuilt after every change
  bool layers_scene_stale = false;  // the plan changed while governance was shown: app::layers_scene builds it again
  CanvasView canvas_view = CanvasView::layers;
  std::optional<layout::Scene> governance_scene;  // built while the governance view is shown
  layout::GovernanceOptions governance;           // its filters
  std::optional<NodeDrag> node_drag;
  std::optional<FlowDraft> flow_draft;
  NewFlowDialog new_flow;
  PendingDelete pending_delete;
  bool show_governance_filters = false;
  double governance_layout_ms = 0.0;  // how long the last governance layout took
  layout::GovernanceLayoutMemo governance_memo;  // the last layout, taken again when an edit leaves its graph alone
  // What its kept places were laid out for: edits keep them, but the plan
  // seen another way (an option, a date, filters, folds) is laid out afresh.
  struct GovernanceSeenAs {
    layout::GovernanceOptions options;
    analysis::PlanState shown;
    friend bool operator==(const GovernanceSeenAs&, const GovernanceSeenAs&) = default;
  } governance_places_for;
  layout::LayersOptions layers;               // what the layers view folds away and overlays
  std::string selected;                       // the id of the selected item, if any (the inspector's)
  std::set<std::string> also_selected;        // more units of the same layer, chosen with Shift or Ctrl+click
  std::optional<UnitDrag> unit_drag;
  std::string double_pressed;                 // what a double click's second press came down on, until it comes up
  SearchState search;
  InspectorState inspector;
  PendingImport pending_import;
  bool show_legend = true;
  bool show_checks = false;
  model::Problems advice;  // the analysis's advice on the open plan, kept up to date with it
  model::Problems governance_advice;  // the governance checks (analysis::governance_checks), likewise
  // That every option's and milestone's changes applied to the plan as
  // written at this generation and revision of the document
  // (analysis::check_all_changes found nothing): a rename cannot make one
  // fail (no change's checks read a name), so the next revision, a rename,
  // need not check again.
  struct AllChangesApply {
    std::uint64_t generation = 0, revision = 0;
  };
  std::optional<AllChangesApply> changes_all_apply;
  // The advice starts with the warnings about units (analysis::unit_warnings):
  // this many, made for the plan as written at this generation and revision
  // of the document. The next revision, if its change touched no unit and
  // not the bands, keeps them (England has thousands).
  struct UnitWarningsKept {
    std::uint64_t generation = 0, revision = 0;
    std::size_t count = 0;
  };
  std::optional<UnitWarningsKept> unit_warnings_kept;
  std::uint64_t plans_opened = 0;      // for Document::generation
  // How long the last open took, step by step (openTimes(), for scripts/bench).
  struct OpenTimes {
    double parse_ms = 0.0, read_ms = 0.0, validate_ms = 0.0, views_ms = 0.0, advice_ms = 0.0, total_ms = 0.0;
  } open_times;
  struct ChangeTimes {
    double advice_ms = 0.0, views_ms = 0.0;  // the checks, and the views rebuilt, after the last change
  } change_times;
  DecisionQuery decision;
  std::vector<ShownItem> shown;  // what the canvas drew in its last frame
  // The state shown (an option and a date, docs/options-and-time.md), and
  // the plan in it, built after every change; none for the plan as written.
  analysis::PlanState plan_state;
  std::optional<model::Plan> state_plan;
  model::Problems state_problems;  // changes that no longer apply in this state
  bool show_options = false;
  bool show_milestones = false;
  std::optional<Comparison> comparison;
  std::optional<StepChanges> step_changes;
  std::optional<double> playing_next;  // playing the timeline: when it steps to the next milestone
  double animate_until = 0.0;          // keep drawing until then (a pulse, a play)
  ChangeWords change_words;
  // The glossary of the plan shown (app/viewer_api.cpp), for the revision and state it was made for.
  struct GlossaryCache {
    std::string made_for;  // generation, revision and state
    std::vector<analysis::GlossaryTerm> terms;
  } glossary;
};

// The plan the views show, the inspector reads and edits are made against:
// the open plan in the state shown.
inline const model::Plan& shown_plan(const AppState& state) { return state.state_plan ? *state.state_plan : state.document->plan; }

// The scene the canvas shows now (null with no plan open).
inline const layout::Scene* active_scene(const AppState& state) {
  const auto& scene = state.canvas_view == CanvasView::governance ? state.governance_scene : state.layers_scene;
  return scene ? &*scene : nullptr;
}

}  // namespace app
