#pragma once
// The backend-neutral picture of a view: what to draw, in world
// coordinates, and what each part means. The canvas draws it with ImGui,
// planner-cli writes it as SVG, and the accessibility mirror will read its
// items' roles and labels. Nothing here knows about ImGui or the browser.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "layout/geometry.hpp"

namespace layout {

// Colours by meaning; each backend maps them to its theme's colours.
enum class Paint : std::uint8_t {
  none,
  region, system, place, pcn, practice, community,  // unit boxes by layer
  band_inside, band_below, band_above,              // band status marks
  text, text_muted, outline,
  // Commissioners (CCGs), told apart by colour and always named in words.
  commissioner_1, commissioner_2, commissioner_3, commissioner_4,
  commissioner_5, commissioner_6, commissioner_7, commissioner_8,
  // Governance nodes by kind, and flows by what they mean.
  node_commissioner, node_provider, node_council, node_national, node_organisation,
  node_body, node_post, node_programme, node_ended, label_background,
  band_stripe, group_frame,  // the governance view's level bands and groups
  flow_accountability, flow_delegation, flow_decision, flow_advice, flow_membership, flow_hosting, flow_succession,
};
inline constexpr int commissioner_paints = 8;

enum class Align : std::uint8_t { left, centre };
// The mark at a line's end, so that kinds of line differ without colour.
enum class Arrowhead : std::uint8_t { none, filled, open, bar, diamond };
enum class Dash : std::uint8_t { solid, dashed, dotted };

struct Style {
  Paint fill = Paint::none;
  Paint stroke = Paint::none;
  float stroke_width = 1.0f;  // CSS pixels on screen, whatever the zoom
  bool hatched = false;       // diagonal lines over the fill (outside a band)
  Dash dash = Dash::solid;    // the outline's or line's pattern (dashed: provisional)
  double rounding = 0.0;      // corner radius in world units
};

struct Shape {
  enum class Kind : std::uint8_t { box, text, line };
  Kind kind = Kind::box;
  Rect rect;          // box: the box; text: the line's box (top-left, width to fit in, height = font size); line: its bounds
  Style style;        // box, line
  std::string text;   // text
  Paint colour = Paint::text;
  bool bold = false;
  Align align = Align::left;
  // text: the height this line may grow into when its own size is too small
  // to read (a name in its header strip): the view then draws it at a
  // readable size instead of not at all. 0: never grows.
  double room = 0.0;
  // text: a stand-in drawn only when its item's own lines are too small to
  // read (a box's whole name on one line, zoomed out); never in SVG.
  bool fallback = false;
  // line: a path from its first point to its last, with `head` at the last.
  std::vector<glm::dvec2> points;
  Arrowhead head = Arrowhead::none;
};

// Something a person can point at: a unit, an organisation, a body, a post, a flow.
struct Item {
  std::string id;     // the plan entry's id
  std::string role;   // "unit", "organisation", "body", "post", "programme", "flow", "membership",
                      // "group" (a host and its bodies), "band" (a level of the governance view)
  std::string kind;   // within the role: a unit's layer ("practice", "pcn"...)
  std::string label;  // plain English, for hover cards and screen readers
  Rect bounds;
  int depth = 0;
  std::size_t end = 0;           // items are in tree order; [this + 1, end) is its subtree
  std::size_t first_shape = 0;   // its shapes: [first_shape, first_shape + shape_count)
  std::size_t shape_count = 0;
  std::string from;  // flows: the ids of the two ends
  std::string to;
  std::string parent;  // the id of the item it is drawn inside, if any (a post inside a box)
  std::string level;   // the governance view: the band it is drawn in ("place"); "" for lines
  std::vector<std::string> stands_for;  // a bundled line: the ids of every flow it draws; a folded box: what it holds
  bool folded = false;                  // a box standing for a folded group or set
};

// What the colours and marks mean, for the view's legend (on the canvas and in SVG).
struct LegendEntry {
  Paint paint = Paint::none;
  std::string words;
  bool hatched = false;
  bool line = false;  // a line in this paint and pattern, not a filled swatch
  Dash dash = Dash::solid;
  Arrowhead head = Arrowhead::none;  // a line's end mark
};

// An arrowhead's outline, `size` long, at `tip` on a line arriving from
// `from`: a triangle (filled or open), a diamond, or a bar across the line
// (two points, not closed). Empty for none, or a line of no length.
struct ArrowheadShape {
  std::vector<glm::dvec2> points;
  bool filled = false;
  bool closed = false;
};
ArrowheadShape arrowhead_shape(Arrowhead head, glm::dvec2 tip, glm::dvec2 from, double size);

// A number no scene built before had: what a copy of the GPU's geometry
// is keyed by (a scene is never changed in place, only built again).
std::uint64_t next_scene_serial();

struct Scene {
  std::uint64_t serial = next_scene_serial();
  std::vector<Item> items;
  std::vector<Shape> shapes;
  Rect bounds;
  std::vector<LegendEntry> legend;
  // The smallest text drawn, in CSS pixels: 0 draws text down to a small
  // size; a view that promises readable names (governance: 11) draws text
  // too small at this zoom at that size where its line has room, and else
  // leaves it to the box's stand-in name.
  double min_text_px = 0.0;
  // Layered views: edge crossings as drawn, and with the input order; not
  // known for a large drawing until counted (count_unknown_crossings).
  std::optional<std::size_t> crossings;
  std::optional<std::size_t> input_order_crossings;
};

// The items under a world point, outermost first: the path down the tree.
std::vector<std::size_t> items_at(const Scene& scene, glm::dvec2 world);

// Which items, by index, a drawing with these ids lit shows faded: all the
// others but the bands.
std::vector<bool> items_faded(const Scene& scene, const std::set<std::string>& lit);

// The topmost item drawn at a world point: a box containing it or a line
// within `tolerance` of it (world units); -1 for none.
int item_at(const Scene& scene, glm::dvec2 world, double tolerance);

}  // namespace layout
