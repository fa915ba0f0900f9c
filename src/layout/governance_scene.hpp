#pragma once
// The governance view: organisations, bodies and posts as nodes, the flows
// between them (and bodies' members) as lines, laid out in rows so that
// accountability flows upward and national bodies sit above regional,
// system and place ones (docs/views.md).
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "layout/block_layout.hpp"
#include "layout/scene.hpp"
#include "model/id_map.hpp"
#include "model/plan.hpp"

namespace layout {

// The rows of the picture, bottom to top: the plan's layers, then national.
inline constexpr int national_band = 6;
int governance_band(const model::Plan& plan, const std::string& id);
model::IdMap<int> governance_bands(const model::Plan& plan);  // every entry's, at once
std::string band_label(int band);  // "national", "region", "system", "place", ...

struct GovernanceOptions {
  std::set<model::FlowKind> hidden_flows;
  // Lines from each body's member list to the body (many in most plans, so
  // off unless asked for; a selected body lights up its members either way).
  bool member_lines = false;
  std::set<model::OrganisationKind> hidden_organisations;
  std::set<int> hidden_bands;  // levels hidden (governance_band)
  bool nudges = true;          // honour the plan's layout hints (false: the automatic layout)
  // Folded, each drawn as one box with their lines merged: groups (by their
  // host's id) and sets of like boxes in a level (by set_id).
  std::set<std::string> folded;
  // When set: only this box and what touches it (the other ends of its
  // lines, its members or the bodies it sits on, the bodies it hosts).
  std::string only;
  friend bool operator==(const GovernanceOptions&, const GovernanceOptions&) = default;
};

// The id of the set of like boxes in a level, "set/place/acute-trust": a
// plan id never holds a "/", so it cannot clash with one. `kind` is the
// plan-file name of an organisation's or a body's kind.
std::string set_id(int band, const std::string& kind);
std::string set_id(const std::string& level, const std::string& kind);  // by the band's name

// The view name under which nudges are kept in the plan's layout hints.
inline constexpr const char* governance_view = "governance";

// The graph the view lays out: one box per thing drawn with a box of its
// own (ids in the same order; posts drawn inside a box are not among them),
// the blocks they are placed in, and the lines between them. For benchmarks and tests.
struct GovernanceGraph {
  std::vector<std::string> ids;
  BlockGraph blocks;
};
GovernanceGraph governance_graph(const model::Plan& plan, const GovernanceOptions& options = {});

// The last layout made, kept by the caller: an edit that leaves the graph
// as it was (a box's status, note or evidence; a new name that keeps its
// box's size) takes the same drawing instead of laying the view out again,
// and most others (a rename, a flow or a box added or taken away, a nudge)
// leave the blocks where the last fresh layout put them. Cleared, the
// next layout is a fresh one.
struct GovernanceLayoutMemo {
  BlockGraph graph;
  BlockDrawing drawing;
  std::optional<std::size_t> input_order_crossings;  // as the drawing's crossings: counted for a readable drawing
  BlockPlaces places;  // where the last fresh layout put each block
  std::vector<std::string> place_ids;  // the ids of the boxes it placed: blocks are known by them across edits
  bool kept = false;   // the drawing keeps those places for a graph that differs (else it is a fresh layout's)
  // False when the plan is now seen another way (another option, filters):
  // the next layout of a different graph is a fresh one, not kept.
  bool places_current = true;
};

Scene build_governance_scene(const model::Plan& plan, const GovernanceOptions& options = {}, GovernanceLayoutMemo* memo = nullptr);

// Counts a large drawing's crossings, which its layout left to whoever
// asks, from its lines; with the input order's taken as the same, as no
// second layout of that size is made.
void count_unknown_crossings(Scene& scene);

}  // namespace layout
