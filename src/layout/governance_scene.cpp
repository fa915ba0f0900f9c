#include "layout/governance_scene.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <unordered_map>

#include "layout/layered_layout.hpp"
#include "layout/text_fit.hpp"

namespace layout {

namespace {

using model::FlowKind;
using model::OrganisationKind;

// Sizes in world units (CSS pixels at 100%).
constexpr double name_size = 13.0;
constexpr double tag_size = 11.0;
constexpr double line_height = 1.3;
constexpr double padding = 9.0;
constexpr double widest_name = 190.0;
constexpr double narrowest_node = 120.0;
constexpr double label_text_size = 11.0;
constexpr double widest_label = 180.0;
constexpr double crowded_label = 110.0;

int organisation_default_band(OrganisationKind kind) {
  switch (kind) {
    case OrganisationKind::nhs_england: case OrganisationKind::nhs_improvement: case OrganisationKind::department_of_health:
    case OrganisationKind::health_education_england: case OrganisationKind::public_health_england:
    case OrganisationKind::care_quality_commission:
      return national_band;
    case OrganisationKind::nhs_england_region: return model::layer_rank(model::Layer::region);
    case OrganisationKind::icb: case OrganisationKind::university: return model::layer_rank(model::Layer::system);
    case OrganisationKind::gp_practice: return model::layer_rank(model::Layer::practice);
    case OrganisationKind::pcn: return model::layer_rank(model::Layer::pcn);
    default: return model::layer_rank(model::Layer::place);
  }
}

Paint organisation_paint(OrganisationKind kind) {
  switch (kind) {
    case OrganisationKind::ccg: case OrganisationKind::icb: return Paint::node_commissioner;
    case OrganisationKind::acute_trust: case OrganisationKind::mental_health_trust: case OrganisationKind::community_trust:
    case OrganisationKind::childrens_trust: case OrganisationKind::ambulance_trust:
      return Paint::node_provider;
    case OrganisationKind::local_authority: return Paint::node_council;
    default: return organisation_default_band(kind) >= model::layer_rank(model::Layer::region) ? Paint::node_national : Paint::node_organisation;
  }
}

struct FlowStyle {
  Paint paint;
  Dash dash;
  float width;
};

FlowStyle flow_style(FlowKind kind) {
  switch (kind) {
    case FlowKind::delegates: return {Paint::flow_delegation, Dash::solid, 2.5f};
    case FlowKind::reports_to: return {Paint::flow_accountability, Dash::solid, 1.5f};
    case FlowKind::assures: return {Paint::flow_accountability, Dash::dashed, 1.5f};
    case FlowKind::regulates: return {Paint::flow_accountability, Dash::dotted, 1.5f};
    case FlowKind::approves: return {Paint::flow_decision, Dash::solid, 1.5f};
    case FlowKind::can_veto: return {Paint::flow_decision, Dash::dashed, 1.5f};
    case FlowKind::recommends: return {Paint::flow_advice, Dash::solid, 1.5f};
    case FlowKind::advises: return {Paint::flow_advice, Dash::dashed, 1.5f};
    case FlowKind::member_of: return {Paint::flow_membership, Dash::solid, 1.0f};
    case FlowKind::represented_on: return {Paint::flow_membership, Dash::dashed, 1.0f};
    case FlowKind::hosts: return {Paint::flow_hosting, Dash::dotted, 1.5f};
    case FlowKind::replaces: return {Paint::flow_succession, Dash::dotted, 1.5f};
    case FlowKind::holds: break;
  }
  return {Paint::flow_accountability, Dash::solid, 1.0f};
}

// Which end a kind of flow puts on top: accountability, delegation, advice
// and membership point up to the body that answers for more; oversight,
// approval and succession point down from it.
bool points_up(FlowKind kind) {
  switch (kind) {
    case FlowKind::assures: case FlowKind::regulates: case FlowKind::approves: case FlowKind::can_veto: case FlowKind::replaces:
      return false;
    default: return true;
  }
}

bool provisional(model::Lifecycle status) {
  return status == model::Lifecycle::proposed || status == model::Lifecycle::emerging || status == model::Lifecycle::shadow;
}

bool ended(model::Lifecycle status) { return status == model::Lifecycle::merged || status == model::Lifecycle::dissolved; }

std::string lower_first(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z' && !(out.size() > 1 && out[1] >= 'A' && out[1] <= 'Z')) out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

// Words wrapped into at most three lines of the given width.
std::vector<std::string> wrap(const std::string& text, double width, const MeasureText& measure) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    const std::string longer = line.empty() ? word : line + " " + word;
    if (!line.empty() && measure(longer) > width && lines.size() < 2) {
      lines.push_back(line);
      line = word;
    } else {
      line = longer;
    }
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

// Every organisation's, body's, post's and programme's band, worked out once.
std::unordered_map<std::string, int> all_bands(const model::Plan& plan) {
  std::unordered_map<std::string_view, int> unit_layer;
  for (const model::Unit& unit : plan.units) unit_layer.emplace(unit.id, model::layer_rank(unit.layer));
  const auto highest_unit = [&](const std::vector<std::string>& units) {
    int band = -1;
    for (const std::string& id : units) {
      const auto found = unit_layer.find(id);
      if (found != unit_layer.end()) band = std::max(band, found->second);
    }
    return band;
  };
  const int place = model::layer_rank(model::Layer::place);
  std::unordered_map<std::string, int> bands;
  const auto band_of = [&](const std::string& id) {
    const auto found = bands.find(id);
    return found == bands.end() ? -1 : found->second;
  };
  for (const model::Organisation& o : plan.organisations) {
    const int by_area = highest_unit(o.area);
    bands[o.id] = std::max(organisation_default_band(o.kind), by_area >= place ? by_area : -1);
  }
  for (const model::Body& b : plan.bodies) {
    int band = b.level ? model::layer_rank(*b.level) : highest_unit(b.footprint);
    if (band < 0) {
      for (const std::string& host : b.hosts) band = std::max(band, band_of(host));
    }
    bands[b.id] = band >= 0 ? band : place;
  }
  // A post sits with the bodies it is a member of (short lines), else with its organisations.
  std::unordered_map<std::string_view, int> seat_band;
  for (const model::Body& b : plan.bodies) {
    for (const model::Member& m : b.members) {
      if (!m.post.empty()) seat_band[m.post] = std::max(seat_band.count(m.post) ? seat_band[m.post] : -1, bands[b.id]);
    }
  }
  for (const model::Post& p : plan.posts) {
    int band = seat_band.count(p.id) ? seat_band[p.id] : -1;
    for (const std::string& organisation : p.organisations) band = band >= 0 ? band : std::max(band, band_of(organisation));
    bands[p.id] = band >= 0 ? band : place;
  }
  for (const model::Programme& p : plan.programmes) {
    const int by_footprint = highest_unit(p.footprint);
    bands[p.id] = by_footprint >= 0 ? by_footprint : model::layer_rank(model::Layer::system);
  }
  return bands;
}

struct Node {
  std::string id;
  std::string role;
  std::string kind;
  std::string name;
  std::string short_name;  // for the zoomed-out stand-in, when it has one
  std::string tag;  // what it is, in words: "Joint committee · working in shadow form"
  std::string label;
  int band = 0;
  Paint fill = Paint::node_organisation;
  bool dashed = false;
  double rounding = 3.0;
  std::vector<std::string> lines;
  glm::dvec2 size{0.0, 0.0};
};

struct Edge {
  std::string id;
  std::string role;
  FlowKind kind = FlowKind::reports_to;
  std::size_t from = 0;
  std::size_t to = 0;
  std::string text;   // on the line: the delegated functions, shortened
  std::string label;  // in full, for hover cards
};

Node make_node(std::string id, std::string role, std::string kind, std::string name, std::string tag, std::string label, int band) {
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

class Builder {
 public:
  Builder(const model::Plan& plan, const GovernanceOptions& options) : plan_(plan), options_(options) {}

  GovernanceGraph graph() {
    add_nodes();
    add_edges();
    GovernanceGraph graph;
    for (const Node& node : nodes_) graph.ids.push_back(node.id);
    std::vector<GraphNode>& graph_nodes = graph.nodes;
    for (const Node& node : nodes_) graph_nodes.push_back({node.size, node.band, std::nullopt});
    if (options_.nudges) {
      for (const model::LayoutHint& hint : plan_.layout) {
        const auto found = index_.find(hint.id);
        if (hint.view == governance_view && found != index_.end()) graph_nodes[found->second].hint_x = hint.x;
      }
    }
    // Labels are shortened (to whole words, in full on hover) when there are many.
    const std::size_t labelled = static_cast<std::size_t>(std::count_if(edges_.begin(), edges_.end(), [](const Edge& e) { return !e.text.empty(); }));
    const double widest = labelled > 6 ? crowded_label : widest_label;
    for (const Edge& edge : edges_) {
      const glm::dvec2 label = edge.text.empty() ? glm::dvec2{0.0, 0.0}
                                                 : glm::dvec2{std::min(measure_label_(edge.text), widest) + 12.0, label_text_size * 1.7};
      graph.edges.push_back({edge.from, edge.to, label});
    }
    return graph;
  }

  Scene build() {
    const GovernanceGraph g = graph();
    const LayeredDrawing drawing = layered_layout(g.nodes, g.edges);
    for (std::size_t e = 0; e < edges_.size(); ++e) add_edge_item(edges_[e], drawing.edges[e], drawing.labels[e]);
    for (std::size_t n = 0; n < nodes_.size(); ++n) add_node_item(nodes_[n], drawing.nodes[n]);
    scene_.bounds = drawing.bounds;
    scene_.crossings = drawing.crossings;
    scene_.input_order_crossings = drawing.input_order_crossings;
    write_legend();
    return std::move(scene_);
  }

 private:
  const model::Plan& plan_;
  const GovernanceOptions& options_;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<std::string, int> bands_ = all_bands(plan_);
  Scene scene_;
  MeasureText measure_name_ = estimated_measure(name_size, true);
  MeasureText measure_label_ = estimated_measure(label_text_size, false);

  // The plan's own abbreviations, from its glossary ("Clinical Commissioning
  // Group" -> "CCG"), longest first, for names seen from far out.
  std::vector<std::pair<std::string, std::string>> abbreviations_ = [this] {
    std::vector<std::pair<std::string, std::string>> list;
    for (const model::GlossaryEntry& entry : plan_.glossary) {
      const std::string expansion = entry.meaning.substr(0, entry.meaning.find_first_of(":.("));
      if (expansion.size() > entry.term.size() + 3) list.emplace_back(expansion, entry.term);
    }
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return list;
  }();

  // "NHS Barnsley Clinical Commissioning Group" -> "Barnsley CCG".
  std::string zoomed_out_name(std::string name) const {
    for (const auto& [expansion, term] : abbreviations_) {
      for (std::size_t at = name.find(expansion); at != std::string::npos; at = name.find(expansion, at + term.size())) {
        name.replace(at, expansion.size(), term);
      }
    }
    if (name.rfind("NHS ", 0) == 0 && name.find(' ', 4) != std::string::npos) name.erase(0, 4);
    return name;
  }

  void add_node(Node node) {
    if (options_.hidden_bands.count(node.band)) return;
    node.lines = wrap(node.name, widest_name, measure_name_);
    double width = measure_name_(node.tag) * tag_size / name_size;
    for (const std::string& line : node.lines) width = std::max(width, measure_name_(line));
    const double height = 2.0 * padding + static_cast<double>(node.lines.size()) * name_size * line_height + tag_size * line_height;
    // Posts are pills: their text sits further in from the round ends. A pixel spare against rounding.
    const double inset = node.role == "post" ? height * 0.3 : padding;
    node.size = {std::clamp(width + 2.0 * inset + 1.0, narrowest_node, widest_name + 2.0 * inset + 1.0), height};
    index_.emplace(node.id, nodes_.size());
    nodes_.push_back(std::move(node));
  }

  std::string status_words(model::Lifecycle status) const {
    return status == model::Lifecycle::established ? std::string() : " · " + lower_first(model::to_label(status));
  }

  void add_nodes() {
    for (const model::Organisation& o : plan_.organisations) {
      if (options_.hidden_organisations.count(o.kind)) continue;
      Node node = make_node(o.id, "organisation", std::string(model::to_name(o.kind)), o.name, {}, {}, bands_.at(o.id));
      // A kind that is one organisation ("NHS England") would only repeat its name.
      std::string kind(model::to_label(o.kind));
      if (kind == o.name) {
        kind = band_label(node.band) + " body";
        kind[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(kind[0])));
      }
      node.tag = kind + status_words(o.status);
      node.short_name = o.short_name;
      node.fill = ended(o.status) ? Paint::node_ended : organisation_paint(o.kind);
      node.dashed = provisional(o.status);
      node.rounding = 2.0;
      node.label = o.name + ": " + lower_first(model::to_label(o.kind)) + ", " + band_label(node.band) + " level" +
                   (o.status == model::Lifecycle::established ? "" : ", " + lower_first(model::to_label(o.status))) + ".";
      add_node(std::move(node));
    }
    for (const model::Body& b : plan_.bodies) {
      Node node = make_node(b.id, "body", std::string(model::to_name(b.kind)), b.name, {}, {}, bands_.at(b.id));
      node.tag = std::string(model::to_label(b.kind)) + status_words(b.status);
      node.short_name = b.short_name;
      node.fill = ended(b.status) ? Paint::node_ended : Paint::node_body;
      node.dashed = provisional(b.status);
      node.rounding = 10.0;
      std::size_t voting = 0;
      for (const model::Member& m : b.members) voting += m.voting ? 1 : 0;
      node.label = b.name + ": " + lower_first(model::to_label(b.kind)) + ", " + band_label(node.band) + " level" +
                   (b.status == model::Lifecycle::established ? "" : ", " + lower_first(model::to_label(b.status))) + ". " +
                   std::to_string(b.members.size()) + (b.members.size() == 1 ? " member" : " members") +
                   (voting != b.members.size() ? " (" + std::to_string(voting) + " voting)" : "") +
                   (b.voting ? "; decides by " + lower_first(model::to_label(b.voting->method)) +
                                   (b.voting->evidence.certainty != model::Certainty::stated
                                        ? " (" + std::string(model::to_name(b.voting->evidence.certainty)) + ")" : "")
                             : "") + ".";
      add_node(std::move(node));
    }
    for (const model::Post& p : plan_.posts) {
      Node node = make_node(p.id, "post", std::string(model::to_name(p.role)), p.title, {}, {}, bands_.at(p.id));
      node.tag = p.holder.empty() ? std::string(model::to_label(p.role)) : p.holder;
      node.fill = Paint::node_post;
      node.label = p.title + ": a post (" + lower_first(model::to_label(p.role)) + ")" + (p.holder.empty() ? "" : ", held by " + p.holder) + ".";
      add_node(std::move(node));
    }
    // Programmes appear only where a flow reaches them.
    std::set<std::string> reached;
    for (const model::Flow& f : plan_.flows) reached.insert(f.to), reached.insert(f.from);
    for (const model::Programme& p : plan_.programmes) {
      if (!reached.count(p.id)) continue;
      Node node = make_node(p.id, "programme", std::string(model::to_name(p.kind)), p.name, std::string(model::to_label(p.kind)), {}, bands_.at(p.id));
      node.fill = Paint::node_programme;
      node.rounding = 0.0;
      node.label = p.name + ": " + lower_first(model::to_label(p.kind)) + ".";
      add_node(std::move(node));
    }
  }

  std::string function_name(const std::string& id) const {
    for (const model::Function& f : plan_.functions) {
      if (f.id == id) return f.name;
    }
    return id;
  }

  void add_edges() {
    for (const model::Flow& f : plan_.flows) {
      if (f.kind == FlowKind::holds || options_.hidden_flows.count(f.kind)) continue;
      const auto from = index_.find(f.from);
      const auto to = index_.find(f.to);
      if (from == index_.end() || to == index_.end()) continue;
      Edge edge{f.id, "flow", f.kind, from->second, to->second, {}, {}};
      if (!points_up(f.kind)) std::swap(edge.from, edge.to);
      std::string functions;
      for (const std::string& id : f.functions) functions += (functions.empty() ? "" : "; ") + function_name(id);
      // On the line: what a delegation passes on (the question most
      // readers have); other flows' functions and labels are in their hover card.
      if (f.kind == FlowKind::delegates && !f.functions.empty()) {
        edge.text = function_name(f.functions.front());
        if (f.functions.size() > 1) edge.text += " + " + std::to_string(f.functions.size() - 1) + " more";
      }
      edge.label = nodes_[from->second].name + " " + std::string(model::to_label(f.kind)) + " " + nodes_[to->second].name +
                   (functions.empty() ? "" : ": " + functions) + (f.label.empty() || !f.functions.empty() ? "" : " (" + f.label + ")") +
                   (f.evidence.certainty != model::Certainty::stated ? " (" + std::string(model::to_name(f.evidence.certainty)) + ")" : "") + ".";
      edges_.push_back(std::move(edge));
    }
    if (!options_.member_lines || options_.hidden_flows.count(FlowKind::member_of)) return;
    for (const model::Body& b : plan_.bodies) {
      const auto body = index_.find(b.id);
      if (body == index_.end()) continue;
      for (const model::Member& m : b.members) {
        const auto member = index_.find(m.organisation.empty() ? m.post : m.organisation);
        if (member == index_.end()) continue;
        Edge edge{b.id, "membership", FlowKind::member_of, member->second, body->second, {}, {}};
        edge.label = nodes_[member->second].name + (m.voting ? " is a voting member of " : " is a member, without a vote, of ") + b.name +
                     (m.role.empty() ? "" : " (as " + m.role + ")") + ".";
        edges_.push_back(std::move(edge));
      }
    }
  }

  // Curves between rows, leaving and arriving vertically; straight within rows.
  static std::vector<glm::dvec2> smooth(const std::vector<glm::dvec2>& points) {
    std::vector<glm::dvec2> out;
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (i == 0 || points[i - 1].x == points[i].x || points[i - 1].y == points[i].y) {
        out.push_back(points[i]);
        continue;
      }
      const glm::dvec2 p = points[i - 1];
      const glm::dvec2 q = points[i];
      const double middle = (p.y + q.y) * 0.5;
      // Enough points for the bend to look smooth: more for a wider step sideways.
      const int steps = std::clamp(static_cast<int>(std::abs(q.x - p.x) / 12.0), 2, 10);
      for (int step = 1; step <= steps; ++step) {
        const double t = static_cast<double>(step) / steps;
        const double u = 1.0 - t;
        out.push_back({u * u * u * p.x + 3 * u * u * t * p.x + 3 * u * t * t * q.x + t * t * t * q.x,
                       u * u * u * p.y + 3 * u * u * t * middle + 3 * u * t * t * middle + t * t * t * q.y});
      }
    }
    return out;
  }

  void add_edge_item(const Edge& edge, const std::vector<glm::dvec2>& route, const Rect& label_box) {
    if (route.size() < 2) return;
    Item item;
    item.id = edge.id;
    item.role = edge.role;
    item.kind = model::to_name(edge.kind);
    item.label = edge.label;
    item.first_shape = scene_.shapes.size();
    item.from = nodes_[edge.from].id;
    item.to = nodes_[edge.to].id;
    const FlowStyle style = flow_style(edge.kind);
    Shape line;
    line.kind = Shape::Kind::line;
    line.points = smooth(route);
    if (!points_up(edge.kind)) std::swap(item.from, item.to);
    line.arrow = true;
    line.style.stroke = style.paint;
    line.style.stroke_width = style.width;
    line.style.dash = style.dash;
    line.rect = {line.points.front(), line.points.front()};
    for (glm::dvec2 p : line.points) line.rect.min = glm::min(line.rect.min, p), line.rect.max = glm::max(line.rect.max, p);
    item.bounds = line.rect;
    scene_.shapes.push_back(std::move(line));
    if (!label_box.empty() && !edge.text.empty()) {
      Shape box;
      box.rect = label_box;
      box.style = {Paint::label_background, style.paint, 1.0f, false, Dash::solid, 3.0};
      scene_.shapes.push_back(box);
      Shape text;
      text.kind = Shape::Kind::text;
      text.text = edge.text;
      text.colour = Paint::text;
      text.rect = {{label_box.min.x + 6.0, label_box.center().y - label_text_size * 0.5},
                   {label_box.max.x - 6.0, label_box.center().y + label_text_size * 0.5}};
      scene_.shapes.push_back(std::move(text));
      item.bounds.min = glm::min(item.bounds.min, label_box.min);
      item.bounds.max = glm::max(item.bounds.max, label_box.max);
    }
    item.shape_count = scene_.shapes.size() - item.first_shape;
    item.end = scene_.items.size() + 1;
    scene_.items.push_back(std::move(item));
  }

  void add_node_item(const Node& node, const Rect& box) {
    Item item;
    item.id = node.id;
    item.role = node.role;
    item.kind = node.kind;
    item.label = node.label;
    item.bounds = box;
    item.first_shape = scene_.shapes.size();
    Shape outline;
    outline.rect = box;
    outline.style = {node.fill, Paint::outline, 1.0f, false, node.dashed ? Dash::dashed : Dash::solid,
                     node.role == "post" ? box.size().y * 0.5 : node.rounding};
    scene_.shapes.push_back(outline);
    double y = box.min.y + padding;
    const double inset = node.role == "post" ? box.size().y * 0.3 : padding;
    // Zoomed out, the whole name on one line at a readable size, while it fits.
    Shape whole;
    whole.kind = Shape::Kind::text;
    whole.text = zoomed_out_name(node.short_name.empty() ? node.name : node.short_name);
    whole.bold = true;
    whole.fallback = true;
    whole.rect = {{box.min.x + inset, y}, {box.max.x - inset, y + name_size}};
    whole.room = box.size().y - 2.0 * padding;
    scene_.shapes.push_back(std::move(whole));
    for (const std::string& line : node.lines) {
      Shape text;
      text.kind = Shape::Kind::text;
      text.text = line;
      text.bold = true;
      text.rect = {{box.min.x + inset, y}, {box.max.x - inset, y + name_size}};
      scene_.shapes.push_back(std::move(text));
      y += name_size * line_height;
    }
    Shape tag;
    tag.kind = Shape::Kind::text;
    tag.text = node.tag;
    tag.colour = Paint::text_muted;
    tag.rect = {{box.min.x + inset, y}, {box.max.x - inset, y + tag_size}};
    scene_.shapes.push_back(std::move(tag));
    item.shape_count = scene_.shapes.size() - item.first_shape;
    item.end = scene_.items.size() + 1;
    scene_.items.push_back(std::move(item));
  }

  void write_legend() {
    std::set<Paint> fills;
    for (const Node& node : nodes_) fills.insert(node.fill);
    const std::pair<Paint, const char*> fill_words[] = {
        {Paint::node_national, "National and regional bodies"}, {Paint::node_commissioner, "Commissioners (CCGs, ICBs)"},
        {Paint::node_provider, "NHS trusts"},                   {Paint::node_council, "Councils"},
        {Paint::node_organisation, "Other organisations"},      {Paint::node_body, "Boards, committees and groups"},
        {Paint::node_post, "Posts"},                            {Paint::node_programme, "Programmes"},
        {Paint::node_ended, "Merged or dissolved"},
    };
    for (const auto& [paint, words] : fill_words) {
      if (fills.count(paint)) scene_.legend.push_back({paint, words});
    }
    if (std::any_of(nodes_.begin(), nodes_.end(), [](const Node& n) { return n.dashed; })) {
      scene_.legend.push_back({Paint::outline, "Dashed outline: proposed, emerging or shadow", false, true, Dash::dashed});
    }
    std::set<FlowKind> kinds;
    for (const Edge& edge : edges_) kinds.insert(edge.kind);
    for (FlowKind kind : kinds) {
      const FlowStyle style = flow_style(kind);
      std::string words(model::to_label(kind));
      words[0] = static_cast<char>(words[0] - 'a' + 'A');
      scene_.legend.push_back({style.paint, words, false, true, style.dash});
    }
  }
};

}  // namespace

int governance_band(const model::Plan& plan, const std::string& id) {
  const auto bands = all_bands(plan);
  const auto found = bands.find(id);
  return found == bands.end() ? model::layer_rank(model::Layer::place) : found->second;
}

std::string band_label(int band) {
  if (band >= national_band) return "national";
  for (const auto& entry : model::enum_names<model::Layer>()) {
    if (model::layer_rank(entry.value) == band) return band == model::layer_rank(model::Layer::pcn) ? "PCN" : lower_first(entry.label);
  }
  return "other";
}

GovernanceGraph governance_graph(const model::Plan& plan, const GovernanceOptions& options) { return Builder(plan, options).graph(); }

Scene build_governance_scene(const model::Plan& plan, const GovernanceOptions& options) { return Builder(plan, options).build(); }

}  // namespace layout
