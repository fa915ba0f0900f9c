#pragma once
// What the governance scene's phases hand each other (governance_scene.cpp
// builds them, governance_items.cpp writes them into the scene): boxes with
// their words and posts, lines with their words, and the sizes they are drawn at.
#include <string>
#include <vector>

#include "layout/block_layout.hpp"
#include "layout/scene.hpp"
#include "model/plan.hpp"

namespace layout::governance {

// Sizes in world units (CSS pixels at 100%).
inline constexpr double name_size = 13.0;
inline constexpr double tag_size = 11.0;
inline constexpr double line_height = 1.3;
inline constexpr double padding = 9.0;
inline constexpr double widest_name = 190.0;
inline constexpr double narrowest_node = 120.0;
inline constexpr double label_text_size = 11.0;
inline constexpr double widest_label = 180.0;
inline constexpr double crowded_label = 110.0;

// A post drawn as a line inside a box (docs/views.md, "What goes where").
struct PostLine {
  std::string id;
  std::string text;    // "Accountable Officer · Sir Andrew Cash"
  std::string detail;  // "also on JC, ESG", or ""
  std::string label;   // for the hover card
};

struct Node {
  std::string id;
  std::string role;
  std::string kind;
  std::string name;
  std::string short_name;  // for the zoomed-out stand-in, when it has one
  std::string stand_in;    // drawn instead of its lines when they are too small: its short name
  std::string tag;  // what it is, in words: "Joint committee · working in shadow form"
  std::string hosts;  // a body with several hosts: who they are
  std::string label;
  int band = 0;
  Paint fill = Paint::node_organisation;
  bool dashed = false;
  double rounding = 3.0;
  std::vector<std::string> lines;
  std::vector<std::string> host_lines;
  std::vector<PostLine> posts;
  glm::dvec2 size{0.0, 0.0};
  bool folded = false;
  std::vector<std::string> holds;  // folded: the ids drawn in it
};

struct Edge {
  std::string id;
  std::string role;
  model::FlowKind kind = model::FlowKind::reports_to;
  std::size_t from = 0;
  std::size_t to = 0;
  std::string text;   // on the line: what it is ("delegates: stroke review + 2 more")
  std::string label;  // in full, for hover cards
  std::vector<std::string> flows;  // bundled: every flow it draws (else empty: only its id's)
};

inline Node make_node(std::string id, std::string role, std::string kind, std::string name, std::string tag, std::string label, int band) {
  Node node;
  node.id = std::move(id);
  node.role = std::move(role);
  node.kind = std::move(kind);
  node.name = std::move(name);
  node.tag = std::move(tag);
  node.label = std::move(label);
  node.band = band;
  return node;
}

inline constexpr double post_gap = 5.0;  // between a box's own words and its posts

inline constexpr double band_label_room = 160.0;  // left of the drawing, for the bands' names

// Writing the scene's items, in tree order (governance_items.cpp). A line
// or a box gives its words to the scene (moved, not copied: England has
// 12,000 lines), keeping its id, kind and looks for the legend.
void add_bands(Scene& scene, const BlockDrawing& drawing);
void add_line_item(Scene& scene, const std::vector<Node>& nodes, Edge& edge, const std::vector<glm::dvec2>& route, const Rect& label_box);
void add_group_item(Scene& scene, const Node& host, const Rect& frame, const std::string& stand_in);
void add_box_item(Scene& scene, Node& node, const Rect& box, int depth, const std::string& parent);
void write_legend(Scene& scene, const std::vector<Node>& nodes, const std::vector<Edge>& edges);

}  // namespace layout::governance
