// Writing the governance scene's items (governance_parts.hpp): the level
// bands, the lines with their labels, the groups, and the boxes with their
// words and the posts drawn inside them; then the legend.
#include <algorithm>
#include <cctype>
#include <set>

#include "layout/governance_parts.hpp"
#include "layout/governance_scene.hpp"
#include "layout/governance_style.hpp"

namespace layout::governance {

namespace {

void add_text(Scene& scene, double x0, double x1, double& y, std::string words, double size, bool bold, Paint colour) {
  Shape text;
  text.kind = Shape::Kind::text;
  text.text = std::move(words);
  text.bold = bold;
  text.colour = colour;
  text.rect = {{x0, y}, {x1, y + size}};
  scene.shapes.push_back(std::move(text));
  y += size * line_height;
}

std::string upper_first(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace

// The levels as bands across the drawing, each named at its left edge.
void add_bands(Scene& scene, const BlockDrawing& drawing) {
  const double left = drawing.bounds.min.x - band_label_room;
  const double right = drawing.bounds.max.x + 20.0;
  for (std::size_t i = 0; i < drawing.bands.size(); ++i) {
    const BandSpan& span = drawing.bands[i];
    Item item;
    item.id = "band/" + band_label(span.band);
    item.role = "band";
    item.kind = band_label(span.band);
    item.level = item.kind;
    item.label = "The " + band_label(span.band) + " level.";
    item.bounds = {{left, span.top}, {right, span.bottom}};
    item.first_shape = scene.shapes.size();
    Shape stripe;
    stripe.rect = item.bounds;
    stripe.style.fill = i % 2 == 0 ? Paint::band_stripe : Paint::none;
    scene.shapes.push_back(stripe);
    Shape name;
    name.kind = Shape::Kind::text;
    name.text = band_label(span.band);
    name.text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name.text[0])));
    name.bold = true;
    name.colour = Paint::text_muted;
    name.rect = {{left + 12.0, span.top + 10.0}, {left + band_label_room - 8.0, span.top + 10.0 + name_size}};
    // Zoomed out, the name may grow down to near the band's foot: a band of
    // one short row (SYB 2013's national) is still named at the fit zoom.
    name.room = std::max(0.0, span.bottom - span.top - 12.0);
    scene.shapes.push_back(std::move(name));
    item.shape_count = scene.shapes.size() - item.first_shape;
    item.end = scene.items.size() + 1;
    scene.items.push_back(std::move(item));
  }
}

void add_line_item(Scene& scene, const std::vector<Node>& nodes, Edge& edge, const std::vector<glm::dvec2>& route, const Rect& label_box) {
  if (route.size() < 2) return;
  Item item;
  item.id = edge.id;
  item.role = edge.role;
  item.kind = model::to_name(edge.kind);
  item.label = std::move(edge.label);
  item.first_shape = scene.shapes.size();
  item.from = nodes[edge.from].id;
  item.to = nodes[edge.to].id;
  if (edge.flows.size() > 1) item.stands_for = std::move(edge.flows);
  const FlowStyle style = flow_style(edge.kind);
  Shape line;
  line.kind = Shape::Kind::line;
  line.points = route;
  if (!points_up(edge.kind)) std::swap(item.from, item.to);
  line.head = style.head;
  line.style.stroke = style.paint;
  line.style.stroke_width = style.width;
  line.style.dash = style.dash;
  line.rect = {line.points.front(), line.points.front()};
  for (glm::dvec2 p : line.points) line.rect.min = glm::min(line.rect.min, p), line.rect.max = glm::max(line.rect.max, p);
  item.bounds = line.rect;
  scene.shapes.push_back(std::move(line));
  if (!label_box.empty() && !edge.text.empty()) {
    Shape box;
    box.rect = label_box;
    box.style = {Paint::label_background, style.paint, 1.0f, false, Dash::solid, 3.0};
    scene.shapes.push_back(box);
    Shape text;
    text.kind = Shape::Kind::text;
    text.text = std::move(edge.text);
    text.colour = Paint::text;
    text.rect = {{label_box.min.x + 6.0, label_box.center().y - label_text_size * 0.5},
                 {label_box.max.x - 6.0, label_box.center().y + label_text_size * 0.5}};
    scene.shapes.push_back(std::move(text));
    item.bounds.min = glm::min(item.bounds.min, label_box.min);
    item.bounds.max = glm::max(item.bounds.max, label_box.max);
  }
  item.shape_count = scene.shapes.size() - item.first_shape;
  item.end = scene.items.size() + 1;
  scene.items.push_back(std::move(item));
}

// A host and its bodies: one frame, named by the host, selected as the host.
void add_group_item(Scene& scene, const Node& host, const Rect& frame, const std::string& stand_in) {
  Item item;
  item.id = host.id;
  item.role = "group";
  item.kind = host.kind;
  item.level = band_label(host.band);
  item.label = host.name + " and the bodies it hosts.";
  item.bounds = frame;
  item.first_shape = scene.shapes.size();
  Shape outline;
  outline.rect = frame;
  outline.style = {Paint::group_frame, Paint::outline, 1.0f, false, Dash::solid, 6.0};
  scene.shapes.push_back(outline);
  // Too far out to read its boxes, the group is one block under its host's name.
  Shape whole;
  whole.kind = Shape::Kind::text;
  whole.text = stand_in;
  whole.bold = true;
  whole.fallback = true;
  whole.rect = {{frame.min.x + padding, frame.min.y + padding}, {frame.max.x - padding, frame.min.y + padding + name_size}};
  whole.room = frame.size().y - padding - 2.0;
  scene.shapes.push_back(std::move(whole));
  item.shape_count = 2;
  item.end = scene.items.size() + 1;
  scene.items.push_back(std::move(item));
}


void add_box_item(Scene& scene, Node& node, const Rect& box, int depth, const std::string& parent) {
  const std::size_t index = scene.items.size();
  Item item;
  item.id = node.id;
  item.role = node.role;
  item.kind = node.kind;
  item.label = std::move(node.label);
  item.bounds = box;
  item.depth = depth;
  item.parent = parent;
  item.level = band_label(node.band);
  item.folded = node.folded;
  item.stands_for = std::move(node.holds);
  item.first_shape = scene.shapes.size();
  Shape outline;
  outline.rect = box;
  outline.style = {node.fill, Paint::outline, 1.0f, false, node.dashed ? Dash::dashed : Dash::solid,
                   node.role == "post" ? box.size().y * 0.5 : node.rounding};
  scene.shapes.push_back(outline);
  double y = box.min.y + padding;
  const double inset = node.role == "post" ? box.size().y * 0.3 : padding;
  const double x0 = box.min.x + inset;
  const double x1 = box.max.x - inset;
  // Zoomed out, the whole name on one line at a readable size, while it fits.
  Shape whole;
  whole.kind = Shape::Kind::text;
  whole.text = std::move(node.stand_in);
  whole.bold = true;
  whole.fallback = true;
  // Its own small margins, not the padding: zoomed out, a one-line box (NHS
  // England at 28%) is only just larger than the readable size.
  const double edge = node.role == "post" ? inset : 3.0;  // a post's rounded ends keep their inset
  whole.rect = {{box.min.x + edge, box.min.y + 3.0}, {box.max.x - edge, box.min.y + 3.0 + name_size}};
  whole.room = box.size().y - 4.0;  // from just under the top edge to just above the bottom edge
  scene.shapes.push_back(std::move(whole));
  for (std::string& line : node.lines) add_text(scene, x0, x1, y, std::move(line), name_size, true, Paint::text);
  add_text(scene, x0, x1, y, std::move(node.tag), tag_size, false, Paint::text_muted);
  for (std::string& line : node.host_lines) add_text(scene, x0, x1, y, std::move(line), tag_size, false, Paint::text_muted);
  item.shape_count = scene.shapes.size() - item.first_shape;
  scene.items.push_back(std::move(item));
  if (!node.posts.empty()) y += post_gap;
  for (PostLine& post : node.posts) {
    Item line;
    line.id = post.id;
    line.role = "post";
    line.kind = "post";
    line.label = std::move(post.label);
    if (!post.detail.empty()) line.label += " " + upper_first(post.detail) + ".";
    line.depth = depth + 1;
    line.parent = node.id;
    line.level = band_label(node.band);  // drawn in its box's band
    line.first_shape = scene.shapes.size();
    const double top = y;
    add_text(scene, x0, x1, y, std::move(post.text), tag_size, true, Paint::text);
    if (!post.detail.empty()) add_text(scene, x0, x1, y, std::move(post.detail), tag_size, false, Paint::text_muted);
    line.bounds = {{box.min.x + 2.0, top - 1.0}, {box.max.x - 2.0, y - 1.0}};
    line.shape_count = scene.shapes.size() - line.first_shape;
    line.end = scene.items.size() + 1;
    scene.items.push_back(std::move(line));
  }
  scene.items[index].end = scene.items.size();
}


void write_legend(Scene& scene, const std::vector<Node>& nodes, const std::vector<Edge>& edges) {
  std::set<Paint> fills;
  for (const Node& node : nodes) fills.insert(node.fill);
  const std::pair<Paint, const char*> fill_words[] = {
      {Paint::node_national, "National and regional bodies"}, {Paint::node_commissioner, "Commissioners (CCGs, ICBs)"},
      {Paint::node_provider, "NHS trusts"},                   {Paint::node_council, "Councils"},
      {Paint::node_organisation, "Other organisations"},      {Paint::node_body, "Boards, committees and groups"},
      {Paint::node_post, "Posts"},                            {Paint::node_programme, "Programmes"},
      {Paint::node_ended, "Merged or dissolved"},
  };
  for (const auto& [paint, words] : fill_words) {
    if (fills.count(paint)) scene.legend.push_back({paint, words});
  }
  if (std::any_of(nodes.begin(), nodes.end(), [](const Node& n) { return n.dashed; })) {
    scene.legend.push_back({Paint::outline, "Dashed outline: proposed, emerging or shadow", false, true, Dash::dashed});
  }
  std::set<model::FlowKind> kinds;
  for (const Edge& edge : edges) kinds.insert(edge.kind);
  for (model::FlowKind kind : kinds) {
    const FlowStyle style = flow_style(kind);
    std::string words(model::to_label(kind));
    words[0] = static_cast<char>(words[0] - 'a' + 'A');
    scene.legend.push_back({style.paint, words, false, true, style.dash, style.head});
  }
}

}  // namespace layout::governance
