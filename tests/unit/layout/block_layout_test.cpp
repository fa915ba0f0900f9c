// The governance view's block layout (block_layout.hpp) and what goes
// where (governance_groups.hpp), on small hand-made inputs.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "layout/block_layout.hpp"
#include "layout/governance_groups.hpp"
#include "layout/governance_scene.hpp"
#include "layout/governance_style.hpp"
#include "model/enums.hpp"
#include "plan_fixtures.hpp"

namespace {

using layout::BlockGraph;
using layout::Rect;

bool overlap(const Rect& a, const Rect& b) { return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y; }

// Whether a horizontal or vertical segment enters a box's inside (touching its edge is fine).
bool enters(glm::dvec2 a, glm::dvec2 b, const Rect& r) {
  const glm::dvec2 lo = glm::min(a, b);
  const glm::dvec2 hi = glm::max(a, b);
  return lo.x < r.max.x - 0.5 && hi.x > r.min.x + 0.5 && lo.y < r.max.y - 0.5 && hi.y > r.min.y + 0.5;
}

// Three bands: a national box (band 6) over two system boxes (band 4),
// over a group of a host and its body and two more boxes (band 3).
BlockGraph small_graph() {
  BlockGraph graph;
  graph.boxes = {{120, 40}, {120, 40}, {120, 40}, {140, 50}, {120, 40}, {120, 40}, {120, 40}};
  graph.blocks = {{{0}, 6, false, {}}, {{1}, 4, false, {}}, {{2}, 4, false, {}}, {{3, 4}, 3, true, {}}, {{5}, 3, false, {}}, {{6}, 3, false, {}}};
  // 3, 5 and 6 report to 1 (one trunk); 4 (in the group with 3) to its host; 1 to 0; 2 to 0; 6 to 2.
  graph.links = {{3, 1, {70, 18}, 1, 0}, {5, 1, {70, 18}, 1, 0}, {6, 1, {70, 18}, 1, 0}, {4, 3, {}, 1, 0},
                 {1, 0, {}, 2, 1},       {2, 0, {}, 2, 1},       {6, 2, {}, 1, 0}};
  return graph;
}

}  // namespace

TEST_CASE("crossings are counted where ink crosses: once for a shared trunk, never at corners or branchings") {
  using Line = std::vector<glm::dvec2>;
  CHECK(layout::count_crossings({Line{{0, 5}, {10, 5}}, Line{{5, 0}, {5, 10}}}) == 1);
  CHECK(layout::count_crossings({Line{{0, 5}, {10, 5}}, Line{{5, 5}, {5, 10}}}) == 0);           // a branching
  CHECK(layout::count_crossings({Line{{0, 0}, {0, 5}, {10, 5}}, Line{{0, 5}, {0, 10}}}) == 0);   // a corner
  // Two lines sharing a trunk, both crossed by a third: one crossing, not two.
  CHECK(layout::count_crossings({Line{{0, 5}, {10, 5}}, Line{{0, 5}, {8, 5}}, Line{{5, 0}, {5, 10}}}) == 1);
}

TEST_CASE("block layout: bands top to bottom, nothing overlaps, lines orthogonal and never through a box") {
  const BlockGraph graph = small_graph();
  const layout::BlockDrawing drawing = layout::block_layout(graph);
  REQUIRE(drawing.boxes.size() == graph.boxes.size());
  for (std::size_t i = 0; i < drawing.blocks.size(); ++i) {
    for (std::size_t j = i + 1; j < drawing.blocks.size(); ++j) CHECK_FALSE(overlap(drawing.blocks[i], drawing.blocks[j]));
  }
  // A higher band is always above (smaller y).
  CHECK(drawing.boxes[0].max.y < drawing.boxes[1].min.y);
  CHECK(drawing.boxes[1].max.y < drawing.boxes[3].min.y);
  REQUIRE(drawing.bands.size() == 3);
  CHECK(drawing.bands[0].band == 6);
  CHECK(drawing.bands[2].band == 3);
  for (std::size_t b = 0; b + 1 < drawing.bands.size(); ++b) CHECK(drawing.bands[b].bottom <= drawing.bands[b + 1].top + 1e-9);
  // The group's boxes sit side by side inside its frame.
  CHECK(drawing.boxes[3].max.x < drawing.boxes[4].min.x);
  CHECK(drawing.boxes[3].min.y == doctest::Approx(drawing.boxes[4].min.y));
  CHECK(drawing.blocks[3].min.x < drawing.boxes[3].min.x);
  CHECK(drawing.blocks[3].max.x > drawing.boxes[4].max.x);
  for (std::size_t l = 0; l < drawing.links.size(); ++l) {
    const auto& line = drawing.links[l];
    REQUIRE(line.size() >= 2);
    for (std::size_t i = 1; i < line.size(); ++i) {
      CHECK((line[i - 1].x == line[i].x || line[i - 1].y == line[i].y));
      for (const Rect& box : drawing.boxes) CHECK_FALSE(enters(line[i - 1], line[i], box));
    }
    // From its `from` box to its `to` box.
    const Rect& from = drawing.boxes[graph.links[l].from];
    const Rect& to = drawing.boxes[graph.links[l].to];
    CHECK(line.front().x >= from.min.x);
    CHECK(line.front().x <= from.max.x);
    CHECK(line.back().x >= to.min.x);
    CHECK(line.back().x <= to.max.x);
  }
  // Labels sit clear of every box and of each other.
  for (std::size_t i = 0; i < drawing.labels.size(); ++i) {
    if (drawing.labels[i].empty()) continue;
    for (const Rect& box : drawing.boxes) CHECK_FALSE(overlap(drawing.labels[i], box));
    for (std::size_t j = i + 1; j < drawing.labels.size(); ++j) {
      if (!drawing.labels[j].empty()) CHECK_FALSE(overlap(drawing.labels[i], drawing.labels[j]));
    }
  }
}

TEST_CASE("block layout: lines of one kind to one box share its port, and one label stands for the same words") {
  const layout::BlockDrawing drawing = layout::block_layout(small_graph());
  // 3, 5 and 6 report to 1: their lines end at one point.
  CHECK(drawing.links[0].back() == drawing.links[1].back());
  CHECK(drawing.links[1].back() == drawing.links[2].back());
  const auto labelled = std::count_if(drawing.labels.begin(), drawing.labels.begin() + 3, [](const Rect& r) { return !r.empty(); });
  CHECK(labelled == 1);
}

TEST_CASE("block layout: a nudge puts its block's centre where it was put") {
  BlockGraph graph = small_graph();
  const layout::BlockDrawing before = layout::block_layout(graph);
  graph.blocks[5].hint_x = before.blocks[5].center().x + 400.0;
  const layout::BlockDrawing after = layout::block_layout(graph);
  CHECK(after.blocks[5].center().x == doctest::Approx(before.blocks[5].center().x + 400.0));
}

TEST_CASE("block layout after an edit: blocks keep their rows and places, a row with a wider block makes room, and undoing it gives the fresh drawing") {
  BlockGraph graph = small_graph();
  layout::BlockPlaces places;
  const layout::BlockDrawing fresh = layout::block_layout(graph, {}, &places);
  const auto same_drawing = [](const layout::BlockDrawing& a, const layout::BlockDrawing& b) {
    return a.boxes == b.boxes && a.blocks == b.blocks && a.links == b.links && a.labels == b.labels && a.rows == b.rows;
  };
  const std::optional<layout::BlockDrawing> unchanged = layout::block_layout_keeping(graph, places);
  REQUIRE(unchanged);
  CHECK(same_drawing(*unchanged, fresh));

  // Box 5 (block 4, in band 3's row) grows: its row makes room, in the same order; the rows above do not move sideways.
  graph.boxes[5].x += 200.0;
  const std::optional<layout::BlockDrawing> wider = layout::block_layout_keeping(graph, places);
  REQUIRE(wider);
  CHECK(wider->rows == fresh.rows);
  for (std::size_t b : {0, 1, 2}) CHECK(wider->blocks[b].center().x == doctest::Approx(fresh.blocks[b].center().x));
  CHECK(wider->blocks[4].size().x == doctest::Approx(fresh.blocks[4].size().x + 200.0));
  const auto left_to_right = [](const layout::BlockDrawing& d, std::vector<std::size_t> row) {
    std::sort(row.begin(), row.end(), [&](std::size_t a, std::size_t b) { return d.blocks[a].min.x < d.blocks[b].min.x; });
    return row;
  };
  CHECK(left_to_right(*wider, {3, 4, 5}) == left_to_right(fresh, {3, 4, 5}));
  for (std::size_t i = 3; i < 6; ++i) {
    for (std::size_t j = i + 1; j < 6; ++j) CHECK_FALSE(overlap(wider->blocks[i], wider->blocks[j]));
  }

  // Back to its old size: the drawing is the fresh one again.
  graph.boxes[5].x -= 200.0;
  const std::optional<layout::BlockDrawing> back = layout::block_layout_keeping(graph, places);
  REQUIRE(back);
  CHECK(same_drawing(*back, fresh));

  // A line from 4 to 0 keeps the rows (band 3 is below band 6); one from 2 up to 1, in the same row of band 4, cannot.
  graph.links.push_back({4, 0, {}, 2, 1});
  CHECK(layout::block_layout_keeping(graph, places));
  graph.links.back() = {2, 1, {}, 2, 1};
  CHECK_FALSE(layout::block_layout_keeping(graph, places));
  graph.links.pop_back();
  // A nudge moves its block along its row, the others there making room; other rows stay. Forgotten, the layout is fresh.
  graph.blocks[4].hint_x = fresh.blocks[3].center().x - 300.0;
  const std::optional<layout::BlockDrawing> nudged = layout::block_layout_keeping(graph, places);
  REQUIRE(nudged);
  CHECK(nudged->blocks[4].center().x == doctest::Approx(*graph.blocks[4].hint_x));
  for (std::size_t b : {0, 1, 2}) CHECK(nudged->blocks[b].center().x == doctest::Approx(fresh.blocks[b].center().x));
  for (std::size_t i = 3; i < 6; ++i) {
    for (std::size_t j = i + 1; j < 6; ++j) CHECK_FALSE(overlap(nudged->blocks[i], nudged->blocks[j]));
  }
  layout::BlockPlaces nudged_places;
  layout::block_layout(graph, {}, &nudged_places);
  graph.blocks[4].hint_x.reset();
  CHECK_FALSE(layout::block_layout_keeping(graph, nudged_places));
  // Named block by block (as the governance view does by id), a new block goes at the right-hand end of its band's
  // top row and the rest stay; a block taken away leaves the others where they were.
  {
    BlockGraph added = small_graph();
    added.boxes.push_back({120, 40});
    added.blocks.push_back({{7}, 4, false, {}});
    std::vector<std::optional<std::size_t>> was = {0, 1, 2, 3, 4, 5, std::nullopt};
    const std::optional<layout::BlockDrawing> with_new = layout::block_layout_keeping(added, places, was);
    REQUIRE(with_new);
    for (std::size_t b = 0; b < 6; ++b) CHECK(with_new->blocks[b].center().x == doctest::Approx(fresh.blocks[b].center().x));
    CHECK(with_new->rows[6] == fresh.rows[1]);
    CHECK(with_new->blocks[6].min.x > std::max(fresh.blocks[1].max.x, fresh.blocks[2].max.x));
    BlockGraph removed = small_graph();
    removed.boxes.pop_back();  // box 6, block 5, and its two lines
    removed.blocks.pop_back();
    std::erase_if(removed.links, [](const layout::LayoutLink& l) { return l.from == 6 || l.to == 6; });
    const std::optional<layout::BlockDrawing> without = layout::block_layout_keeping(removed, places, std::vector<std::optional<std::size_t>>{0, 1, 2, 3, 4});
    REQUIRE(without);
    CHECK(without->rows == std::vector<int>(fresh.rows.begin(), fresh.rows.begin() + 5));
    CHECK((without->blocks[3].center().x < without->blocks[4].center().x) == (fresh.blocks[3].center().x < fresh.blocks[4].center().x));
    // A new block in a band that has no row yet cannot be kept.
    added.blocks.back().band = 5;
    CHECK_FALSE(layout::block_layout_keeping(added, places, was));
  }
  // A new box means new blocks: laid out afresh.
  graph.boxes.push_back({120, 40});
  graph.blocks.push_back({{7}, 3, false, {}});
  CHECK_FALSE(layout::block_layout_keeping(graph, places));
}

TEST_CASE("what goes where: posts inside their organisation or the body they lead, lone posts listed, bodies with one host grouped") {
  const model::Plan plan = fixtures::load(R"({"schemaVersion": "1.0", "name": "P",
    "organisations": [{"id": "ccg", "name": "A CCG", "kind": "ccg"}, {"id": "trust", "name": "A trust", "kind": "acute-trust"},
                      {"id": "ccg2", "name": "Another CCG", "kind": "ccg"}],
    "bodies": [{"id": "gb", "name": "Governing Body", "kind": "governing-body", "hosts": ["ccg"]},
               {"id": "jc", "name": "Joint Committee", "kind": "joint-committee", "hosts": ["ccg", "ccg2"],
                "members": [{"post": "ao"}, {"post": "chair", "role": "Chair"}, {"post": "shared"}]},
               {"id": "board", "name": "Board", "kind": "programme-board", "members": [{"post": "shared"}, {"post": "sro", "role": "Senior Responsible Owner"}]}],
    "posts": [{"id": "ao", "title": "Accountable Officer", "role": "accountable-officer", "organisations": ["ccg"]},
              {"id": "chair", "title": "Chair", "role": "chair", "organisations": ["ccg", "trust"]},
              {"id": "shared", "title": "Shared post", "role": "other"},
              {"id": "sro", "title": "SRO", "role": "senior-responsible-owner"},
              {"id": "lone", "title": "A lone post", "role": "other"},
              {"id": "reporting", "title": "Reports to the board", "role": "other", "organisations": ["trust"]}],
    "flows": [{"id": "f1", "kind": "reports-to", "from": "reporting", "to": "board"}]})");
  model::IdSet drawn;
  for (const auto& o : plan.organisations) drawn.insert(o.id);
  for (const auto& b : plan.bodies) drawn.insert(b.id);
  for (const auto& p : plan.posts) drawn.insert(p.id);
  model::IdSet own_lines;
  own_lines.insert("reporting");
  own_lines.insert("board");
  const auto bands = layout::governance_bands(plan);
  const layout::GovernancePlacement placement = layout::place_governance(plan, drawn, bands, own_lines);
  using Ids = std::vector<std::string_view>;
  const auto in = [&](std::string_view post) { return placement.post_in.contains(post) ? *placement.post_in.find(post) : "(none)"; };
  const auto also = [&](std::string_view post) { return placement.also_on.contains(post) ? *placement.also_on.find(post) : Ids{}; };
  CHECK(!placement.post_in.contains("reporting"));  // rule 1: a line of its own, a box of its own
  CHECK(in("ao") == "ccg");                         // rule 2: its one organisation...
  CHECK(also("ao") == Ids{"jc"});                   // ...and the bodies it sits on
  CHECK(in("chair") == "jc");                       // rule 3: the body it chairs
  CHECK(in("shared") == "jc");                      // rule 3: else the first it sits on
  CHECK(also("shared") == Ids{"board"});
  CHECK(in("sro") == "board");
  CHECK(placement.listed == Ids{"lone"});  // rule 4
  CHECK(placement.group_of.contains("gb"));
  CHECK(*placement.group_of.find("gb") == "ccg");  // rule 5: one host at its own level
  CHECK(!placement.group_of.contains("jc"));       // rule 6: several hosts, on its own
  CHECK(layout::post_list_id(3) == "posts/place");
}

TEST_CASE("folding: a group becomes its host's box, a set of like boxes one box, and their lines end there") {
  const model::Plan plan = fixtures::example("syb-acs-mou-2017");
  const auto find = [](const layout::Scene& scene, const std::string& id) -> const layout::Item* {
    for (const auto& item : scene.items) {
      if (item.id == id && item.role != "group") return &item;
    }
    return nullptr;
  };
  const layout::Scene open = layout::build_governance_scene(plan);
  REQUIRE(find(open, "barnsley-gb"));
  CHECK(find(open, "barnsley-gb")->parent == "barnsley-ccg");

  layout::GovernanceOptions options;
  options.folded = {"barnsley-ccg", layout::set_id(layout::governance_band(plan, "sth"), "acute-trust")};
  const layout::Scene folded = layout::build_governance_scene(plan, options);
  CHECK(find(folded, "barnsley-gb") == nullptr);
  const layout::Item* host = find(folded, "barnsley-ccg");
  REQUIRE(host);
  CHECK(host->folded);
  CHECK(std::find(host->stands_for.begin(), host->stands_for.end(), "barnsley-gb") != host->stands_for.end());
  const layout::Item* trusts = find(folded, "set/place/acute-trust");
  REQUIRE(trusts);
  CHECK(trusts->folded);
  CHECK(trusts->stands_for.size() >= 5);
  CHECK(find(folded, "sth") == nullptr);
  // Lines that went to a folded member now end at the box that holds it.
  for (const auto& item : folded.items) {
    if (item.role != "flow") continue;
    CHECK(item.from != "barnsley-gb");
    CHECK(item.to != "barnsley-gb");
  }
}

TEST_CASE("block layout: a cycle within a band is broken (one of its lines points down), and the same input gives the same drawing") {
  BlockGraph graph;
  graph.boxes = {{100, 40}, {100, 40}, {100, 40}};
  graph.blocks = {{{0}, 4, false, {}}, {{1}, 4, false, {}}, {{2}, 3, false, {}}};
  graph.links = {{0, 1, {}, 1, 0}, {1, 0, {}, 1, 0}, {2, 0, {}, 1, 0}};
  const layout::BlockDrawing a = layout::block_layout(graph);
  CHECK(a.downward[0] != a.downward[1]);
  CHECK_FALSE(a.downward[2]);
  const layout::BlockDrawing b = layout::block_layout(graph);
  CHECK(a.links == b.links);
  for (std::size_t i = 0; i < a.boxes.size(); ++i) CHECK((a.boxes[i].min == b.boxes[i].min && a.boxes[i].max == b.boxes[i].max));
}

TEST_CASE("block layout: crossings are reduced from the input order") {
  // Two rows wired in reverse: the input order crosses every pair, the layout none.
  BlockGraph graph;
  for (std::size_t i = 0; i < 12; ++i) {
    graph.boxes.push_back({80, 30});
    graph.blocks.push_back({{i}, i < 6 ? 3 : 4, false, {}});
  }
  for (std::size_t i = 0; i < 6; ++i) graph.links.push_back({i, 11 - i, {}, static_cast<int>(i), 0});
  layout::BlockOptions keep;
  keep.reduce_crossings = false;
  CHECK(layout::block_layout(graph, keep).crossings > 0);
  CHECK(layout::block_layout(graph).crossings == 0);
}

TEST_CASE("every kind of line differs from every other by pattern and end mark, not colour alone") {
  std::set<std::pair<layout::Dash, layout::Arrowhead>> seen;
  for (const auto& entry : model::enum_names<model::FlowKind>()) {
    if (entry.value == model::FlowKind::holds) continue;
    const layout::FlowStyle style = layout::flow_style(entry.value);
    CHECK_MESSAGE(seen.insert({style.dash, style.head}).second, entry.name);
  }
  // The marks themselves: a triangle, a diamond, a bar.
  CHECK(layout::arrowhead_shape(layout::Arrowhead::filled, {0, 0}, {0, 10}, 6).points.size() == 3);
  CHECK(layout::arrowhead_shape(layout::Arrowhead::diamond, {0, 0}, {0, 10}, 6).points.size() == 4);
  CHECK_FALSE(layout::arrowhead_shape(layout::Arrowhead::bar, {0, 0}, {0, 10}, 6).closed);
  CHECK(layout::arrowhead_shape(layout::Arrowhead::none, {0, 0}, {0, 10}, 6).points.empty());
}

TEST_CASE("show only what touches a box: it, the other ends of its lines, its members and hosts' bodies") {
  const model::Plan plan = fixtures::example("syb-acs-mou-2017");
  layout::GovernanceOptions options;
  options.only = "jc-ccgs";
  const layout::Scene scene = layout::build_governance_scene(plan, options);
  std::set<std::string> ids;
  for (const auto& item : scene.items) ids.insert(item.id);
  CHECK(ids.count("jc-ccgs"));
  CHECK(ids.count("barnsley-gb"));  // delegates to it
  CHECK_FALSE(ids.count("cancer-alliance"));
  CHECK(scene.items.size() < layout::build_governance_scene(plan).items.size());
}
