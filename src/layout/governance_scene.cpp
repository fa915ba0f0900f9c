#include "layout/governance_scene.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_set>

#include "layout/block_layout.hpp"
#include "layout/governance_groups.hpp"
#include "layout/governance_parts.hpp"
#include "layout/governance_style.hpp"
#include "layout/text_fit.hpp"

namespace layout {

namespace {

using namespace governance;
using model::FlowKind;
using model::OrganisationKind;

// Which of the placed blocks each of the graph's blocks is, known by the
// id of its first box (a box is in one block); none for a new block.
// Nothing when a block was regrouped: its boxes are not the placed one's.
std::optional<std::vector<std::optional<std::size_t>>> placed_blocks(const GovernanceGraph& graph, const BlockPlaces& places,
                                                                     const std::vector<std::string>& place_ids) {
  if (place_ids.size() != places.graph.boxes.size()) return std::nullopt;
  model::IdMap<std::size_t> placed(places.graph.blocks.size());
  for (std::size_t a = 0; a < places.graph.blocks.size(); ++a) placed.try_emplace(place_ids[places.graph.blocks[a].boxes.front()], a);
  std::vector<std::optional<std::size_t>> was(graph.blocks.blocks.size());
  for (std::size_t b = 0; b < was.size(); ++b) {
    const std::vector<std::size_t>& boxes = graph.blocks.blocks[b].boxes;
    const std::size_t* found = placed.find(graph.ids[boxes.front()]);
    if (!found) continue;
    const std::vector<std::size_t>& then = places.graph.blocks[*found].boxes;
    if (then.size() != boxes.size()) return std::nullopt;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (graph.ids[boxes[i]] != place_ids[then[i]]) return std::nullopt;
    }
    was[b] = *found;
  }
  return was;
}

class Builder {
 public:
  Builder(const model::Plan& plan, const GovernanceOptions& options) : plan_(plan), options_(options) {}

  GovernanceGraph graph() {
    add_nodes();
    keep_only();
    place_posts();
    add_edges();
    size_nodes();
    GovernanceGraph graph;
    graph.ids.reserve(nodes_.size());
    graph.blocks.boxes.reserve(nodes_.size());
    graph.blocks.links.reserve(edges_.size());
    for (const Node& node : nodes_) {
      graph.ids.push_back(node.id);
      graph.blocks.boxes.push_back(node.size);
    }
    make_blocks(graph.blocks);
    // Labels are shortened (to whole words, in full on hover) when there are many.
    const std::size_t labelled = static_cast<std::size_t>(std::count_if(edges_.begin(), edges_.end(), [](const Edge& e) { return !e.text.empty(); }));
    const double widest = labelled > 6 ? crowded_label : widest_label;
    model::IdMap<int> texts;  // lines of a trunk with the same words show them once
    for (const Edge& edge : edges_) {
      const glm::dvec2 label = edge.text.empty() ? glm::dvec2{0.0, 0.0}
                                                 : glm::dvec2{std::min(measure_label_(edge.text), widest) + 14.0, label_text_size * 1.7};
      const int kind = static_cast<int>(edge.kind) + (edge.role == "membership" ? 100 : 0);
      const int text = *texts.try_emplace(edge.text, static_cast<int>(texts.size())).first;
      graph.blocks.links.push_back({edge.from, edge.to, label, kind, text});
    }
    return graph;
  }

  Scene build(GovernanceLayoutMemo* memo) {
    GovernanceGraph g = graph();
    const bool same = memo && memo->graph == g.blocks;
    if (same) memo->places_current = true;  // they are this graph's own
    if (!same) {
      GovernanceLayoutMemo made;
      std::optional<BlockDrawing> kept;
      if (memo) {
        const bool keep = memo->places_current;
        made.places = std::move(memo->places);
        made.place_ids = std::move(memo->place_ids);
        *memo = {};  // the old drawing is not needed to make the new one
        const auto was = keep ? placed_blocks(g, made.places, made.place_ids) : std::nullopt;
        if (was) kept = block_layout_keeping(g.blocks, made.places, *was);
      }
      made.kept = kept && !(g.blocks == made.places.graph && g.ids == made.place_ids);  // back to what was laid out afresh (an edit undone): that drawing
      if (!kept && memo) made.place_ids = g.ids;
      made.drawing = kept ? std::move(*kept) : block_layout(g.blocks, {}, memo ? &made.places : nullptr);
      BlockOptions plain;
      plain.reduce_crossings = false;
      if (g.blocks.boxes.size() <= 2000) made.input_order_crossings = crossings_of(block_layout(g.blocks, plain));
      made.graph = std::move(g.blocks);
      if (!memo) return scene_of(made);
      *memo = std::move(made);
    }
    return scene_of(*memo);
  }

 private:
  // The builder's last step: the boxes' and lines' words move into the scene.
  Scene scene_of(const GovernanceLayoutMemo& laid_out) {
    const BlockGraph& blocks = laid_out.graph;
    const BlockDrawing& drawing = laid_out.drawing;
    // About an item per line, box and group, and a few shapes each: room
    // made once rather than grown (England's scene has some 16,000 items).
    const std::size_t items = edges_.size() + nodes_.size() + blocks.blocks.size() + 64;
    scene_.items.reserve(items);
    scene_.shapes.reserve(3 * items);
    add_bands(scene_, drawing);
    for (std::size_t e = 0; e < edges_.size(); ++e) add_line_item(scene_, nodes_, edges_[e], drawing.links[e], drawing.labels[e]);
    for (std::size_t b = 0; b < blocks.blocks.size(); ++b) {
      const LayoutBlock& block = blocks.blocks[b];
      if (!block.framed) {
        add_box_item(scene_, nodes_[block.boxes.front()], drawing.boxes[block.boxes.front()], 0, "");
        continue;
      }
      const std::size_t group = scene_.items.size();
      add_group_item(scene_, nodes_[block.boxes.front()], drawing.blocks[b], members_in_words(block));
      // The host is the group; its bodies are drawn inside it.
      const std::string& host = nodes_[block.boxes.front()].id;
      for (std::size_t box : block.boxes) add_box_item(scene_, nodes_[box], drawing.boxes[box], 1, nodes_[box].id == host ? "" : host);
      scene_.items[group].end = scene_.items.size();
    }
    scene_.bounds = drawing.bounds;
    scene_.bounds.min.x -= band_label_room;
    scene_.min_text_px = 11.0;
    scene_.crossings = drawing.crossings;
    scene_.input_order_crossings = laid_out.input_order_crossings;
    write_legend(scene_, nodes_, edges_);
    return std::move(scene_);
  }

  const model::Plan& plan_;
  const GovernanceOptions& options_;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  // Both view the ids in nodes_: made again (reindex) whenever nodes_ changes.
  model::IdMap<std::size_t> index_;     // id -> node, for every box drawn
  model::IdMap<std::size_t> drawn_in_;  // post drawn inside a box -> that box's node
  GovernancePlacement placement_;
  model::IdMap<int> bands_ = all_bands(plan_);
  int band_of(const std::string& id) const { return *bands_.find(id); }  // every organisation, body, post and programme has one
  Scene scene_;
  MeasureText measure_name_ = estimated_measure(name_size, true);
  MeasureText measure_tag_ = estimated_measure(tag_size, false);
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

  // The shortest name a reader knows a box by: its short name, else its name shortened with the glossary.
  std::string short_name_of(std::string_view id) const {
    const std::size_t* found = index_.find(id);
    if (!found) return std::string(id);
    const Node& node = nodes_[*found];
    return zoomed_out_name(node.short_name.empty() ? node.name : node.short_name);
  }

  // nodes_ has room for every node (add_nodes), so the ids index_ views stay put.
  void add_node(Node node) {
    if (options_.hidden_bands.count(node.band)) return;
    nodes_.push_back(std::move(node));
    index_.try_emplace(nodes_.back().id, nodes_.size() - 1);
  }

  // A box's size, from its name (wrapped), what it is, its hosts and its posts.
  void size_nodes() {
    for (Node& node : nodes_) {
      node.stand_in = zoomed_out_name(node.short_name.empty() ? node.name : node.short_name);
      node.lines = wrap(node.name, widest_name, measure_name_);
      node.host_lines = node.hosts.empty() ? std::vector<std::string>{} : wrap(node.hosts, widest_name * name_size / tag_size, measure_tag_);
      double width = measure_tag_(node.tag);
      for (const std::string& line : node.lines) width = std::max(width, measure_name_(line));
      for (const std::string& line : node.host_lines) width = std::max(width, measure_tag_(line));
      for (const PostLine& post : node.posts) width = std::max({width, measure_tag_(post.text), measure_tag_(post.detail)});
      double height = 2.0 * padding + static_cast<double>(node.lines.size()) * name_size * line_height +
                      static_cast<double>(1 + node.host_lines.size()) * tag_size * line_height;
      if (!node.posts.empty()) height += post_gap;
      for (const PostLine& post : node.posts) height += (post.detail.empty() ? 1.0 : 2.0) * tag_size * line_height;
      // Posts are pills: their text sits further in from the round ends. A pixel spare against rounding.
      const double inset = node.role == "post" ? height * 0.3 : padding;
      node.size = {std::clamp(width + 2.0 * inset + 1.0, narrowest_node, widest_name + 2.0 * inset + 1.0), height};
    }
  }

  std::string status_words(model::Lifecycle status) const {
    return status == model::Lifecycle::established ? std::string() : " · " + lower_first(model::to_label(status));
  }

  void add_nodes() {
    nodes_.reserve(plan_.organisations.size() + plan_.bodies.size() + plan_.posts.size() + plan_.programmes.size());
    for (const model::Organisation& o : plan_.organisations) {
      if (options_.hidden_organisations.count(o.kind)) continue;
      Node node = make_node(o.id, "organisation", std::string(model::to_name(o.kind)), o.name, {}, {}, band_of(o.id));
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
      node.label = o.name + ": " + kind_in_words(model::to_label(o.kind)) + ", " + band_label(node.band) + " level" +
                   (o.status == model::Lifecycle::established ? "" : ", " + lower_first(model::to_label(o.status))) + ".";
      add_node(std::move(node));
    }
    for (const model::Body& b : plan_.bodies) {
      Node node = make_node(b.id, "body", std::string(model::to_name(b.kind)), b.name, {}, {}, band_of(b.id));
      node.tag = std::string(model::to_label(b.kind)) + status_words(b.status);
      node.short_name = b.short_name;
      node.fill = ended(b.status) ? Paint::node_ended : Paint::node_body;
      node.dashed = provisional(b.status);
      node.rounding = 10.0;
      std::size_t voting = 0;
      for (const model::Member& m : b.members) voting += m.voting ? 1 : 0;
      node.label = b.name + ": " + kind_in_words(model::to_label(b.kind)) + ", " + band_label(node.band) + " level" +
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
      Node node = make_node(p.id, "post", std::string(model::to_name(p.role)), p.title, {}, {}, band_of(p.id));
      node.tag = p.holder.empty() ? std::string(model::to_label(p.role)) : p.holder;
      node.fill = Paint::node_post;
      node.label = p.title + ": a post (" + kind_in_words(model::to_label(p.role)) + ")" + (p.holder.empty() ? "" : ", held by " + p.holder) + ".";
      add_node(std::move(node));
    }
    // Programmes appear only where a flow reaches them.
    model::IdMap<bool> reached(plan_.programmes.size());
    for (const model::Programme& p : plan_.programmes) reached.try_emplace(p.id, false);
    for (const model::Flow& f : plan_.flows) {
      for (const std::string* end : {&f.from, &f.to}) {
        if (bool* programme = reached.find(*end)) *programme = true;
      }
    }
    for (const model::Programme& p : plan_.programmes) {
      if (!*reached.find(p.id)) continue;
      Node node = make_node(p.id, "programme", std::string(model::to_name(p.kind)), p.name, std::string(model::to_label(p.kind)), {}, band_of(p.id));
      node.fill = Paint::node_programme;
      node.rounding = 0.0;
      node.label = p.name + ": " + kind_in_words(model::to_label(p.kind)) + ".";
      add_node(std::move(node));
    }
  }

  // "Show only what touches this": everything else leaves the drawing.
  void keep_only() {
    const std::string& only = options_.only;
    if (only.empty() || !index_.contains(only)) return;
    std::unordered_set<std::string> kept{only};
    for (const model::Flow& f : plan_.flows) {
      if (f.kind == FlowKind::holds || options_.hidden_flows.count(f.kind)) continue;
      if (f.from == only) kept.insert(f.to);
      if (f.to == only) kept.insert(f.from);
    }
    for (const model::Body& b : plan_.bodies) {
      const bool hosted = std::find(b.hosts.begin(), b.hosts.end(), only) != b.hosts.end();
      if (hosted) kept.insert(b.id);
      for (const model::Member& m : b.members) {
        const std::string& who = m.organisation.empty() ? m.post : m.organisation;
        if (b.id == only) kept.insert(who);
        if (who == only) kept.insert(b.id);
      }
    }
    // Posts go with the organisations they belong to.
    for (const model::Post& p : plan_.posts) {
      if (std::any_of(p.organisations.begin(), p.organisations.end(), [&](const std::string& o) { return kept.count(o) > 0; })) kept.insert(p.id);
    }
    std::vector<Node> nodes;
    for (Node& node : nodes_) {
      if (kept.count(node.id)) nodes.push_back(std::move(node));
    }
    nodes_ = std::move(nodes);
    reindex();
  }

  bool flow_drawn(const model::Flow& f) const {
    return f.kind != FlowKind::holds && !options_.hidden_flows.count(f.kind) && index_.contains(f.from) && index_.contains(f.to);
  }

  // Posts without a line of their own go inside the box they belong to,
  // or in their band's list; groups of a host and its bodies are noted.
  void place_posts() {
    // Views of the nodes' and flows' ids, which outlive this call.
    model::IdSet drawn(nodes_.size());
    for (const Node& node : nodes_) drawn.insert(node.id);
    model::IdSet own_lines(posts_.size());  // only posts are asked about
    for (const model::Flow& f : plan_.flows) {
      if (!flow_drawn(f)) continue;
      for (const std::string* end : {&f.from, &f.to}) {
        if (posts_.contains(*end)) own_lines.insert(*end);
      }
    }
    placement_ = place_governance(plan_, drawn, bands_, own_lines);
    // Bodies with several hosts name them in their box.
    for (const model::Body& b : plan_.bodies) {
      const std::size_t* found = index_.find(b.id);
      if (!found || b.hosts.size() < 2) continue;
      std::string hosts;
      for (const std::string& host : b.hosts) hosts += (hosts.empty() ? "" : ", ") + (index_.contains(host) ? short_name_of(host) : host);
      nodes_[*found].hosts = "Of " + hosts;
    }
    std::map<int, Node> lists;  // band -> its list of posts
    model::IdSet listed(placement_.listed.size());
    for (std::string_view id : placement_.listed) listed.insert(id);
    std::vector<bool> inside(nodes_.size(), false);
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
      const Node& node = nodes_[n];
      if (node.role != "post") continue;
      const model::Post* post = find_post(node.id);
      PostLine line{node.id, node.name + (post && !post->holder.empty() ? " · " + post->holder : ""), {}, node.label};
      if (const auto* also = placement_.also_on.find(node.id)) {
        for (std::string_view body : *also) line.detail.append(line.detail.empty() ? "also on " : ", ").append(short_name_of(body));
      }
      if (const std::string_view* in = placement_.post_in.find(node.id)) {
        nodes_[*index_.find(*in)].posts.push_back(std::move(line));
        inside[n] = true;
      } else if (listed.contains(node.id)) {
        Node& list = lists[node.band];
        if (list.id.empty()) {
          list = make_node(post_list_id(node.band), "post-list", "posts", "Other posts", "Posts without a box of their own", {}, node.band);
          list.fill = Paint::node_post;
          list.rounding = 6.0;
          list.label = "Posts at " + band_label(node.band) + " level that belong to no one organisation and sit on no body shown.";
        }
        list.posts.push_back(std::move(line));
        inside[n] = true;
      }
    }
    // Boxes drawn inside another leave the list of boxes; the lists join it.
    std::vector<Node> kept;
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
      if (!inside[n]) kept.push_back(std::move(nodes_[n]));
    }
    for (auto& [band, list] : lists) kept.push_back(std::move(list));
    nodes_ = std::move(kept);
    reindex();
    fold();
  }

  void reindex() {
    index_ = model::IdMap<std::size_t>(nodes_.size());
    drawn_in_ = model::IdMap<std::size_t>();
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
      index_.try_emplace(nodes_[n].id, n);
      for (const PostLine& post : nodes_[n].posts) drawn_in_.try_emplace(post.id, n);
      for (const std::string& id : nodes_[n].holds) drawn_in_.try_emplace(id, n);
    }
  }

  // Folded groups and sets: each one box, standing for all it holds, whose
  // lines end at it (and merge where they become alike).
  void fold() {
    if (options_.folded.empty()) return;
    std::vector<bool> gone(nodes_.size(), false);
    const auto absorb = [&](Node& into, std::size_t n) {
      gone[n] = true;
      into.holds.push_back(nodes_[n].id);
      for (const PostLine& post : nodes_[n].posts) into.holds.push_back(post.id);
      for (const std::string& id : nodes_[n].holds) into.holds.push_back(id);
    };
    // Groups first: a host takes in the bodies drawn with it.
    for (std::size_t h = 0; h < nodes_.size(); ++h) {
      if (!options_.folded.count(nodes_[h].id)) continue;
      std::vector<std::string> names;
      for (std::size_t n = 0; n < nodes_.size(); ++n) {
        const std::string_view* group = placement_.group_of.find(nodes_[n].id);
        if (!group || *group != nodes_[h].id || gone[n]) continue;
        names.push_back(short_name_of(nodes_[n].id));
        absorb(nodes_[h], n);
      }
      if (names.empty()) continue;
      Node& host = nodes_[h];
      host.folded = true;
      host.tag += " · with " + std::to_string(names.size()) + (names.size() == 1 ? " body" : " bodies");
      std::string list;
      for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
      host.label += " Folded, with what it hosts: " + list + ".";
    }
    // Then sets: like boxes of a level standing alone (or as a folded group's host).
    std::map<std::string, std::vector<std::size_t>> sets;
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
      if (gone[n] || placement_.group_of.contains(nodes_[n].id)) continue;
      const std::string id = set_id(nodes_[n].band, nodes_[n].kind);
      if (options_.folded.count(id)) sets[id].push_back(n);
    }
    std::vector<Node> added;
    for (const auto& [id, members] : sets) {
      if (members.size() < 2) continue;
      const Node& first = nodes_[members.front()];
      Node set = make_node(id, first.role, first.kind, std::to_string(members.size()) + " × " + first.tag.substr(0, first.tag.find(" · ")),
                           "Folded: " + std::to_string(members.size()) + " like boxes", {}, first.band);
      set.fill = first.fill;
      set.rounding = first.rounding;
      set.folded = true;
      std::string list;
      for (std::size_t n : members) {
        list += (list.empty() ? "" : ", ") + short_name_of(nodes_[n].id);
        absorb(set, n);
      }
      // Bodies in a folded member's group go with it.
      for (std::size_t n = 0; n < nodes_.size(); ++n) {
        const std::string_view* group = placement_.group_of.find(nodes_[n].id);
        if (!gone[n] && group && std::find(set.holds.begin(), set.holds.end(), *group) != set.holds.end()) {
          absorb(set, n);
        }
      }
      set.label = set.name + " at " + band_label(set.band) + " level, folded into one box: " + list + ".";
      added.push_back(std::move(set));
    }
    std::vector<Node> kept;
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
      if (!gone[n]) kept.push_back(std::move(nodes_[n]));
    }
    for (Node& set : added) kept.push_back(std::move(set));
    nodes_ = std::move(kept);
    reindex();
  }

  const model::Post* find_post(const std::string& id) const {
    const model::Post* const* found = posts_.find(id);
    return found ? *found : nullptr;
  }
  model::IdMap<const model::Post*> posts_ = [this] {
    model::IdMap<const model::Post*> posts(plan_.posts.size());
    for (const model::Post& p : plan_.posts) posts.try_emplace(p.id, &p);
    return posts;
  }();

  // Where a line to `id` ends: at its own box, or the one it is drawn
  // inside; and the name it is called by there.
  struct End {
    std::size_t box = 0;
    std::string_view name;
  };
  std::optional<End> end_of(std::string_view id) const {
    if (const std::size_t* own = index_.find(id)) return End{*own, nodes_[*own].name};
    const std::size_t* in = drawn_in_.find(id);
    if (!in) return std::nullopt;
    for (const PostLine& post : nodes_[*in].posts) {
      if (post.id == id) return End{*in, std::string_view(post.text).substr(0, post.text.find(" · "))};
    }
    return End{*in, id};
  }

  // Blocks: a host and the bodies drawn with it, framed; every other box alone.
  void make_blocks(BlockGraph& graph) const {
    model::IdMap<std::vector<std::size_t>> members;  // host -> its bodies' nodes, in plan order
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
      const std::string_view* group = placement_.group_of.find(nodes_[n].id);
      if (group && index_.contains(*group)) members[*group].push_back(n);
    }
    std::vector<bool> placed(nodes_.size(), false);
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
      if (placed[n]) continue;
      const std::string_view* group = placement_.group_of.find(nodes_[n].id);
      if (group && index_.contains(*group)) continue;  // goes in with its host
      LayoutBlock block;
      block.boxes.push_back(n);
      block.band = nodes_[n].band;
      if (const std::vector<std::size_t>* inner = members.find(nodes_[n].id)) {
        block.framed = true;
        for (std::size_t m : *inner) block.boxes.push_back(m), placed[m] = true;
      }
      if (options_.nudges) {
        for (const model::LayoutHint& hint : plan_.layout) {
          if (hint.view == governance_view && hint.id == nodes_[n].id) block.hint_x = hint.x;
        }
      }
      placed[n] = true;
      graph.blocks.push_back(std::move(block));
    }
  }

  std::string function_name(const std::string& id) const {
    for (const model::Function& f : plan_.functions) {
      if (f.id == id) return f.name;
    }
    return id;
  }

  // Adds a line, or joins the bundle of lines of its kind between the same
  // two boxes. A line's id is its first flow's (or its body's).
  void add_line(Edge edge) {
    // Kind, role and ends in one number: a key per line without a string.
    const std::uint64_t key = (static_cast<std::uint64_t>(edge.kind) << 1 | (edge.role == "membership" ? 1u : 0u)) << 48 |
                              static_cast<std::uint64_t>(edge.from) << 24 | static_cast<std::uint64_t>(edge.to);
    const auto [found, added] = bundles_.try_emplace(key, edges_.size());
    if (!added) {
      Edge& other = edges_[*found];
      if (other.flows.empty()) other.flows.push_back(other.id);
      other.flows.push_back(std::move(edge.id));
      other.label += " " + edge.label;
      other.text = std::string(model::to_label(edge.kind)) + " ×" + std::to_string(other.flows.size());
      return;
    }
    edges_.push_back(std::move(edge));
  }
  model::FlatMap<std::uint64_t, std::size_t> bundles_;  // kind, role and ends -> the line that bundles them

  void add_edges() {
    std::size_t members = 0;
    for (const model::Body& b : plan_.bodies) members += b.members.size();
    edges_.reserve(plan_.flows.size() + members);
    bundles_.reserve(plan_.flows.size() + members);
    for (const model::Flow& f : plan_.flows) {
      if (f.kind == FlowKind::holds || options_.hidden_flows.count(f.kind)) continue;
      const std::optional<End> from = end_of(f.from);
      const std::optional<End> to = end_of(f.to);
      if (!from || !to || from->box == to->box) continue;
      Edge edge{f.id, "flow", f.kind, from->box, to->box, {}, {}, {}};
      if (!points_up(f.kind)) std::swap(edge.from, edge.to);
      std::string functions;
      for (const std::string& id : f.functions) functions += (functions.empty() ? "" : "; ") + function_name(id);
      // On the line: what it is, and for a delegation what it passes on
      // (the question most readers have); the hover card has the rest.
      edge.text = std::string(model::to_label(f.kind));
      if (f.kind == FlowKind::delegates && !f.functions.empty()) {
        edge.text += ": " + lower_first(function_name(f.functions.front()));
        if (f.functions.size() > 1) edge.text += " + " + std::to_string(f.functions.size() - 1) + " more";
      }
      // "A delegates to B: stroke review." Written into one string made big
      // enough, as England has 12,000 of them.
      const std::string_view from_name = from->name;
      const std::string_view to_name = to->name;
      const std::string_view kind = model::to_label(f.kind);
      std::string& label = edge.label;
      label.reserve(from_name.size() + kind.size() + to_name.size() + functions.size() + f.label.size() + 32);
      label.append(from_name).append(" ").append(kind).append(" ").append(to_name);
      if (!functions.empty()) label.append(": ").append(functions);
      if (!f.label.empty() && f.functions.empty()) label.append(" (").append(f.label).append(")");
      if (f.evidence.certainty != model::Certainty::stated) label.append(" (").append(model::to_name(f.evidence.certainty)).append(")");
      label.append(".");
      add_line(std::move(edge));
    }
    if (!options_.member_lines || options_.hidden_flows.count(FlowKind::member_of)) return;
    for (const model::Body& b : plan_.bodies) {
      const std::optional<End> body = end_of(b.id);
      if (!body) continue;
      for (const model::Member& m : b.members) {
        const std::string& who = m.organisation.empty() ? m.post : m.organisation;
        const std::optional<End> member = end_of(who);
        if (!member || member->box == body->box) continue;
        Edge edge{b.id, "membership", FlowKind::member_of, member->box, body->box, {}, {}, {}};
        edge.label = std::string(member->name) + (m.voting ? " is a voting member of " : " is a member, without a vote, of ") + b.name +
                     (m.role.empty() ? "" : " (as " + m.role + ")") + ".";
        add_line(std::move(edge));
      }
    }
  }

  // What a group holds, for its stand-in: "Barnsley CCG: Governing Body"
  // (a body named after its host is named without it).
  std::string members_in_words(const LayoutBlock& block) const {
    const Node& host = nodes_[block.boxes.front()];
    const std::string host_name = zoomed_out_name(host.short_name.empty() ? host.name : host.short_name);
    std::string words;
    for (std::size_t i = 1; i < block.boxes.size(); ++i) {
      const Node& member = nodes_[block.boxes[i]];
      std::string name = zoomed_out_name(member.short_name.empty() ? member.name : member.short_name);
      if (name.rfind(host_name + " ", 0) == 0) name.erase(0, host_name.size() + 1);
      words += (words.empty() ? "" : ", ") + name;
    }
    return host_name + (words.empty() ? "" : ": " + words);
  }

};

}  // namespace

GovernanceGraph governance_graph(const model::Plan& plan, const GovernanceOptions& options) { return Builder(plan, options).graph(); }

void count_unknown_crossings(Scene& scene) {
  if (!scene.crossings) {
    std::vector<std::vector<glm::dvec2>> lines;
    for (const Item& item : scene.items) {
      if (item.shape_count > 0 && scene.shapes[item.first_shape].kind == Shape::Kind::line) lines.push_back(scene.shapes[item.first_shape].points);
    }
    scene.crossings = count_crossings(lines);
  }
  if (!scene.input_order_crossings) scene.input_order_crossings = scene.crossings;
}

Scene build_governance_scene(const model::Plan& plan, const GovernanceOptions& options, GovernanceLayoutMemo* memo) {
  return Builder(plan, options).build(memo);
}

}  // namespace layout
