// Phase 3 of block_layout: orthogonal routes, and then the rows' heights
// and places.
//
// A line leaves the top of its lower box at a port of its own, climbs
// through the channel above that row, and passes each row on its way up
// through the gap between two blocks nearest the straight line to where it
// goes (widening a gap that more lines need than it has room for), to
// arrive at the bottom of its upper box. Lines between boxes of one row go
// over it, through the channel above; lines between the boxes of one group
// run under them, inside the frame. In each channel the horizontal runs
// get tracks: runs that overlap never share one, and they are stacked in
// the order that crosses least. A line's label sits on its run in the
// channel just under its upper end, and takes room in its track, so
// labels never overlap a box or each other. Only then are the channels'
// heights known, and the rows are stacked from the top down.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <span>
#include <tuple>

#include "layout/block_phases.hpp"
#include "layout/channel_tracks.hpp"
#include "layout/row_gaps.hpp"
#include "model/id_map.hpp"

namespace layout {

namespace {

constexpr double far_away = 1e12;
// Up to this many lines, each looks for a way past the rows that crosses less.
constexpr std::size_t crossing_aware_routes = 600;
constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

enum class RouteKind { up, level, inner, skipped };

struct Route {
  RouteKind kind = RouteKind::skipped;
  std::size_t lower = 0;           // the box it leaves (lower row), or `from` for level and inner routes
  std::size_t upper = 0;
  int lo = 0;                      // rows
  int hi = 0;
  std::span<std::size_t> gaps;     // rows lo + 1 .. hi - 1: the gap passed through (in the router's pools)
  std::span<double> pass;          // and where
  double port_lower = 0.0;
  double port_upper = 0.0;
};

// Lines of one kind that meet at one box share a trunk: a key per box end.
struct TrunkKey {
  std::size_t box;
  int kind;
  bool downward;
  bool top;  // the box's top side (lines going up from it), or its bottom
  auto operator<=>(const TrunkKey&) const = default;
};

// Where a strand (lines passing one gap together) or a run is shared.
struct ShareKey {
  char how;            // 'U': a trunk at the upper end; 'L': at the lower end; 'R': one route alone
  std::size_t which;   // the trunk or the route
  auto operator<=>(const ShareKey&) const = default;
};

// A run's key in its channel: a trunk's ('U' at its upper end, 'L' at its
// lower end), lines of one kind on the same path ('S', from a to b), or one
// route's own ('R').
struct RunKey {
  int channel;
  char how;
  std::size_t which;
  double a;
  double b;
  bool operator==(const RunKey&) const = default;
};
struct RunKeyHash {
  std::uint64_t operator()(const RunKey& key) const {
    // -0.0 and 0.0 are equal keys, so they must hash alike: adding 0.0 makes both 0.0.
    const auto bits = [](double x) {
      x += 0.0;
      std::uint64_t b;
      std::memcpy(&b, &x, sizeof b);  // (Emscripten's library has no std::bit_cast)
      return b;
    };
    std::uint64_t h = static_cast<std::uint64_t>(key.channel) << 8 | static_cast<unsigned char>(key.how);
    for (const std::uint64_t part : {static_cast<std::uint64_t>(key.which), bits(key.a), bits(key.b)}) {
      h ^= part + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    }
    return model::flat_hash(h);  // mixed: the map keeps only the low bits
  }
};

class Router {
 public:
  // crossing_cost > 0: each line may run that much longer to cross one line fewer.
  Router(const BlockRows& rows, const BlockGraph& graph, const BlockOptions& options, double crossing_cost)
      : rows_(rows), graph_(graph), options_(options), crossing_cost_(crossing_cost), x_(rows.x) {}
  Router(const Router&) = delete;  // its routes and runs are views of its own pools
  Router& operator=(const Router&) = delete;

  BlockDrawing run() {
    make_routes();
    choose_gaps();
    if (widen_gaps()) choose_gaps();
    place_ports();
    place_passes();
    make_runs();
    return stack();
  }

 private:
  const BlockRows& rows_;
  const BlockGraph& graph_;
  const BlockOptions& options_;
  double crossing_cost_;
  std::vector<double> x_;  // block centres, once gaps are widened
  std::vector<Route> routes_;
  std::vector<std::size_t> route_gaps_;  // the pools of the routes' gaps and passes
  std::vector<double> route_pass_;
  std::vector<std::size_t> upper_trunk_;  // each route's trunk at its upper end (none: alone there)
  std::vector<std::size_t> lower_trunk_;
  std::vector<std::size_t> trunk_size_;
  std::vector<RowGaps> gaps_;
  // The strands through each gap (routes that pass it together), numbered
  // gap by gap: routes by strand, where each strand starts among them, and
  // each gap's first strand; gaps numbered row by row from first_of_gap_.
  std::vector<std::size_t> strand_routes_;
  std::vector<std::size_t> strand_start_;
  std::vector<std::size_t> gap_first_strand_;
  std::vector<std::size_t> first_of_gap_;

  using Run = ChannelRun;
  struct Label {
    std::size_t route;
    double x;
    glm::dvec2 size;
    bool above;  // in the label tracks above the runs (nearest the upper row)
    std::size_t track = 0;
  };
  struct Channel {
    std::vector<Run> runs;
    std::vector<Label> labels;
    std::vector<double> upper_labels, tracks, lower_labels;  // heights
  };
  std::vector<Channel> channels_;
  std::vector<std::size_t> run_of_;        // each route's run in each channel from its lowest (lo, lo + 1...),
  std::vector<std::size_t> run_of_start_;  // from here for route r
  std::vector<std::size_t> run_routes_;    // the pools ChannelRun's lists are views of
  std::vector<std::pair<double, bool>> run_verticals_;
  struct InnerRun {
    std::size_t route;
    std::size_t track;
  };
  std::vector<std::vector<InnerRun>> inner_;  // per block

  int row_of(std::size_t box) const { return rows_.row[rows_.box_block[box]]; }
  double left_of(std::size_t box) const {
    const std::size_t block = rows_.box_block[box];
    return x_[block] - rows_.size[block].x * 0.5 + rows_.box_offset[box].x;
  }
  double centre_of(std::size_t box) const { return left_of(box) + graph_.boxes[box].x * 0.5; }

  void make_routes() {
    routes_.resize(graph_.links.size());
    // Every up route's two ends, sorted by trunk key and then route: the
    // ends that share a key are a trunk's (a sorted list, as England's
    // 12,000 lines made a map of lists a tenth of the routing).
    std::vector<std::pair<TrunkKey, std::size_t>> ends;
    ends.reserve(2 * graph_.links.size());
    for (std::size_t l = 0; l < graph_.links.size(); ++l) {
      const LayoutLink& link = graph_.links[l];
      Route& route = routes_[l];
      if (link.from == link.to) continue;
      const int from_row = row_of(link.from);
      const int to_row = row_of(link.to);
      const bool from_lower = from_row < to_row || (from_row == to_row && !rows_.downward[l]);
      route.lower = from_lower ? link.from : link.to;
      route.upper = from_lower ? link.to : link.from;
      route.lo = std::min(from_row, to_row);
      route.hi = std::max(from_row, to_row);
      if (rows_.box_block[link.from] == rows_.box_block[link.to]) route.kind = RouteKind::inner;
      else route.kind = from_row == to_row ? RouteKind::level : RouteKind::up;
      if (route.kind != RouteKind::up) continue;
      ends.push_back({{route.upper, link.kind, !from_lower, false}, l});
      ends.push_back({{route.lower, link.kind, !from_lower, true}, l});
    }
    std::sort(ends.begin(), ends.end());
    // Room for where each up route passes the rows between its ends.
    std::size_t passes = 0;
    for (const Route& route : routes_) passes += route.kind == RouteKind::up ? static_cast<std::size_t>(route.hi - route.lo - 1) : 0;
    route_gaps_.assign(passes, 0);
    route_pass_.assign(passes, 0.0);
    passes = 0;
    for (Route& route : routes_) {
      if (route.kind != RouteKind::up) continue;
      const std::size_t n = static_cast<std::size_t>(route.hi - route.lo - 1);
      route.gaps = {route_gaps_.data() + passes, n};
      route.pass = {route_pass_.data() + passes, n};
      passes += n;
    }
    upper_trunk_.assign(routes_.size(), none);
    lower_trunk_.assign(routes_.size(), none);
    for (std::size_t first = 0, last = 0; first < ends.size(); first = last) {
      const TrunkKey& key = ends[first].first;
      while (last < ends.size() && ends[last].first == key) ++last;
      if (last - first < 2) continue;
      for (std::size_t e = first; e < last; ++e) (key.top ? lower_trunk_ : upper_trunk_)[ends[e].second] = trunk_size_.size();
      trunk_size_.push_back(last - first);
    }
  }

  // How a route shares its way through a row: with its upper trunk nearer
  // the top, its lower trunk nearer the bottom, else alone.
  ShareKey share_in_row(std::size_t r, int row) const {
    const Route& route = routes_[r];
    const bool nearer_top = (row - route.lo) >= (route.hi - row);
    if (upper_trunk_[r] != none && (nearer_top || lower_trunk_[r] == none)) return {'U', upper_trunk_[r]};
    if (lower_trunk_[r] != none) return {'L', lower_trunk_[r]};
    return {'R', r};
  }

  void choose_gaps() {
    gaps_.clear();
    for (std::size_t row = 0; row < rows_.order.size(); ++row) gaps_.push_back(gaps_of(rows_, x_, row));
    const double margin = options_.channel_margin;
    for (std::size_t r = 0; r < routes_.size(); ++r) {
      Route& route = routes_[r];
      if (route.kind != RouteKind::up) continue;
      double at = centre_of(route.lower);
      const double goal = centre_of(route.upper);
      for (int row = route.lo + 1; row < route.hi; ++row) {
        const double ideal = at + (goal - at) / static_cast<double>(route.hi - row + 1);
        const RowGaps& gaps = gaps_[static_cast<std::size_t>(row)];
        const std::size_t g = choose_gap(gaps, ideal, margin);
        at = nearest_in(gaps, g, ideal, margin);
        const std::size_t i = static_cast<std::size_t>(row - route.lo - 1);
        route.gaps[i] = g;
        route.pass[i] = at;
      }
    }
    // A drawing small enough to read is worth a second look: a line may
    // take a longer way past a row to keep from crossing the runs beside it.
    if (crossing_cost_ > 0.0) {
      for (int round = 0; round < 2; ++round) avoid_runs();
    }
    // Each pass of a route through a gap, put with the others through that
    // gap (in route order, by counting), then sorted by how they share it:
    // passes through one gap that share it the same way are a strand.
    first_of_gap_.assign(rows_.order.size() + 1, 0);
    for (std::size_t row = 0; row < rows_.order.size(); ++row) first_of_gap_[row + 1] = first_of_gap_[row] + gaps_[row].left.size();
    const auto gap_index = [&](const Route& route, std::size_t i) { return first_of_gap_[static_cast<std::size_t>(route.lo) + 1 + i] + route.gaps[i]; };
    std::vector<std::size_t> start(first_of_gap_.back() + 1, 0);
    for (const Route& route : routes_) {
      for (std::size_t i = 0; i < route.gaps.size(); ++i) ++start[gap_index(route, i) + 1];
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::pair<ShareKey, std::size_t>> passes(start.back());
    std::vector<std::size_t> filled(start.begin(), start.end() - 1);
    for (std::size_t r = 0; r < routes_.size(); ++r) {
      const Route& route = routes_[r];
      for (std::size_t i = 0; i < route.gaps.size(); ++i) passes[filled[gap_index(route, i)]++] = {share_in_row(r, route.lo + 1 + static_cast<int>(i)), r};
    }
    strand_routes_.resize(passes.size());
    strand_start_.clear();
    gap_first_strand_.assign(first_of_gap_.back() + 1, 0);
    for (std::size_t gap = 0; gap + 1 < start.size(); ++gap) {
      gap_first_strand_[gap] = strand_start_.size();
      const auto begin = passes.begin() + static_cast<std::ptrdiff_t>(start[gap]);
      const auto end = passes.begin() + static_cast<std::ptrdiff_t>(start[gap + 1]);
      std::sort(begin, end);
      for (auto pass = begin; pass != end; ++pass) {
        if (pass == begin || pass->first != (pass - 1)->first) strand_start_.push_back(static_cast<std::size_t>(pass - passes.begin()));
        strand_routes_[static_cast<std::size_t>(pass - passes.begin())] = pass->second;
      }
    }
    gap_first_strand_.back() = strand_start_.size();
    strand_start_.push_back(passes.size());
  }

  // The strands through gap g of a row: their numbers, first and past the last.
  std::pair<std::size_t, std::size_t> strands_in(std::size_t row, std::size_t g) const {
    const std::size_t gap = first_of_gap_[row] + g;
    return {gap_first_strand_[gap], gap_first_strand_[gap + 1]};
  }
  std::span<const std::size_t> strand(std::size_t s) const {
    return {strand_routes_.data() + strand_start_[s], strand_start_[s + 1] - strand_start_[s]};
  }

  // Whose run a route's piece of channel c is: its trunk's, or its own
  // (as make_runs merges them, roughly).
  std::size_t run_owner(std::size_t r, int c) const {
    const Route& route = routes_[r];
    if (route.kind == RouteKind::up && c + 1 == route.hi && upper_trunk_[r] != none) return upper_trunk_[r] * 3;
    if (route.kind == RouteKind::up && c == route.lo && lower_trunk_[r] != none) return lower_trunk_[r] * 3 + 1;
    return r * 3 + 2;
  }

  // Each route chooses again where to pass each row, counting the runs of
  // the other routes (as they now go) in the channels under and over it.
  void avoid_runs() {
    std::vector<std::map<std::size_t, ChannelSpan>> owned(rows_.order.size());
    const auto add = [&](std::size_t r, int c, double a, double b) {
      const std::size_t owner = run_owner(r, c);
      auto [it, fresh] = owned[static_cast<std::size_t>(c)].try_emplace(owner, ChannelSpan{std::min(a, b), std::max(a, b), owner});
      if (!fresh) it->second.lo = std::min({it->second.lo, a, b}), it->second.hi = std::max({it->second.hi, a, b});
    };
    for (std::size_t r = 0; r < routes_.size(); ++r) {
      const Route& route = routes_[r];
      if (route.kind == RouteKind::level) add(r, route.lo, centre_of(route.lower), centre_of(route.upper));
      if (route.kind != RouteKind::up) continue;
      for (int c = route.lo; c < route.hi; ++c) {
        const std::size_t i = static_cast<std::size_t>(c - route.lo);
        add(r, c, i == 0 ? centre_of(route.lower) : route.pass[i - 1], c + 1 == route.hi ? centre_of(route.upper) : route.pass[i]);
      }
    }
    std::vector<std::vector<ChannelSpan>> spans(owned.size());
    for (std::size_t c = 0; c < owned.size(); ++c) {
      for (const auto& [owner, span] : owned[c]) spans[c].push_back(span);
    }
    // Row by row from the bottom; lines that pass a row together (a
    // trunk's) choose together.
    const double margin = options_.channel_margin;
    std::vector<double> at(routes_.size());
    for (std::size_t r = 0; r < routes_.size(); ++r) at[r] = centre_of(routes_[r].lower);
    for (int row = 1; row + 1 < static_cast<int>(rows_.order.size()); ++row) {
      std::map<ShareKey, std::vector<std::size_t>> strands;
      for (std::size_t r = 0; r < routes_.size(); ++r) {
        const Route& route = routes_[r];
        if (route.kind == RouteKind::up && route.lo < row && row < route.hi) strands[share_in_row(r, row)].push_back(r);
      }
      const std::size_t c = static_cast<std::size_t>(row);
      for (const auto& [key, members] : strands) {
        std::vector<Passer> passers;
        std::vector<std::size_t> own;
        for (std::size_t r : members) {
          const Route& route = routes_[r];
          const double goal = centre_of(route.upper);
          passers.push_back({at[r], goal, at[r] + (goal - at[r]) / static_cast<double>(route.hi - row + 1)});
          own.push_back(run_owner(r, row - 1));
          own.push_back(run_owner(r, row));
        }
        const std::size_t g = choose_gap_avoiding(gaps_[c], passers, margin, spans[c - 1], spans[c], own, crossing_cost_);
        for (std::size_t m = 0; m < members.size(); ++m) {
          Route& route = routes_[members[m]];
          const std::size_t i = static_cast<std::size_t>(row - route.lo - 1);
          at[members[m]] = nearest_in(gaps_[c], g, passers[m].ideal, margin);
          route.gaps[i] = g;
          route.pass[i] = at[members[m]];
        }
      }
    }
  }

  // Gaps that more strands pass through than they have room for are
  // widened, moving the rest of their row along. True if any was.
  bool widen_gaps() {
    bool widened = false;
    for (std::size_t row = 0; row < gaps_.size(); ++row) {
      double shift = 0.0;
      const auto& order = rows_.order[row];
      for (std::size_t g = 1; g + 1 < gaps_[row].left.size(); ++g) {
        const auto [first, last] = strands_in(row, g);
        const double needed = 2.0 * options_.channel_margin + options_.track_gap * static_cast<double>(last - first);
        const double width = gaps_[row].right[g] - gaps_[row].left[g];
        if (last > first && width < needed) shift += needed - width, widened = true;
        x_[order[g]] += shift;  // block g is right of gap g
      }
    }
    return widened;
  }

  // Where a line inside a group meets `box`, as a key for its port: lines
  // to the left first, then those to the right, each the farther the nearer
  // the middle, so that lines on one side of a row nest instead of crossing.
  // Lines of equal reach nest in the order of their tracks (make_runs).
  double nesting_key(std::size_t box, std::size_t other, std::size_t r) const {
    constexpr double side = 1e8;
    const double reach = centre_of(other) - centre_of(box);
    const double tie = static_cast<double>(r) * 1e-3;
    return reach > 0.0 ? side - reach - tie : -side - reach + tie;
  }

  // Ports: the lines at one side of a box spread along it in the order of
  // where they go next, so that they do not cross at the box; a trunk's
  // lines share one port.
  void place_ports() {
    // Every end of a line at a box's side, in the order they are met; then
    // sorted by box, side and how the end is shared: a run of equal keys
    // is one port's.
    struct End {
      std::size_t box;
      bool top;
      ShareKey key;
      std::size_t met;  // keeps ends of one key in the order they were met
      std::size_t route;
      bool lower_end;
      double toward;
    };
    std::vector<End> ends;
    ends.reserve(2 * routes_.size());
    const auto add = [&](std::size_t box, bool top, ShareKey key, std::size_t r, bool lower_end, double toward) {
      ends.push_back({box, top, key, ends.size(), r, lower_end, toward});
    };
    for (std::size_t r = 0; r < routes_.size(); ++r) {
      const Route& route = routes_[r];
      switch (route.kind) {
        case RouteKind::up:
          add(route.lower, true, lower_trunk_[r] != none ? ShareKey{'L', lower_trunk_[r]} : ShareKey{'R', r}, r, true,
              route.pass.empty() ? centre_of(route.upper) : route.pass.front());
          add(route.upper, false, upper_trunk_[r] != none ? ShareKey{'U', upper_trunk_[r]} : ShareKey{'R', r}, r, false,
              route.pass.empty() ? centre_of(route.lower) : route.pass.back());
          break;
        case RouteKind::level:
          add(route.lower, true, {'R', r}, r, true, centre_of(route.upper));
          add(route.upper, true, {'R', r}, r, false, centre_of(route.lower));
          break;
        case RouteKind::inner: {
          const bool top = rows_.inner_on_top[rows_.box_block[route.lower]];
          add(route.lower, top, {'R', r}, r, true, nesting_key(route.lower, route.upper, r));
          add(route.upper, top, {'R', r}, r, false, nesting_key(route.upper, route.lower, r));
          break;
        }
        case RouteKind::skipped: break;
      }
    }
    std::sort(ends.begin(), ends.end(), [](const End& a, const End& b) {
      return std::tie(a.box, a.top, a.key, a.met) < std::tie(b.box, b.top, b.key, b.met);
    });
    struct Slot {
      std::size_t first, last;  // its ends
      double toward;            // where its lines go next, on average
    };
    std::vector<Slot> slots;
    for (std::size_t side = 0, side_end = 0; side < ends.size(); side = side_end) {
      const std::size_t box = ends[side].box;
      const bool top = ends[side].top;
      slots.clear();
      for (side_end = side; side_end < ends.size() && ends[side_end].box == box && ends[side_end].top == top;) {
        Slot slot{side_end, side_end, 0.0};
        for (; slot.last < ends.size() && ends[slot.last].box == box && ends[slot.last].top == top && ends[slot.last].key == ends[slot.first].key; ++slot.last) {
          slot.toward += ends[slot.last].toward;
        }
        slot.toward /= static_cast<double>(slot.last - slot.first);
        slots.push_back(slot);
        side_end = slot.last;
      }
      std::stable_sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.toward < b.toward; });
      const double left = left_of(box);
      const double width = graph_.boxes[box].x;
      for (std::size_t i = 0; i < slots.size(); ++i) {
        const double x = left + width * (0.1 + 0.8 * static_cast<double>(i + 1) / static_cast<double>(slots.size() + 1));
        for (std::size_t e = slots[i].first; e < slots[i].last; ++e) (ends[e].lower_end ? routes_[ends[e].route].port_lower : routes_[ends[e].route].port_upper) = x;
      }
    }
  }

  // The strands through one gap, side by side in the order of where they
  // come from and go to; the outer openings fill outwards from the row's ends.
  void place_passes() {
    const double margin = options_.channel_margin;
    std::vector<double> keys;
    std::vector<std::size_t> order;
    for (std::size_t row = 0; row < gaps_.size(); ++row) {
      for (std::size_t g = 0; g < gaps_[row].left.size(); ++g) {
        const auto [first, last] = strands_in(row, g);
        if (first == last) continue;
        const auto index_in = [&](const Route& route) { return static_cast<std::size_t>(static_cast<int>(row) - route.lo - 1); };
        const auto key = [&](std::span<const std::size_t> strand) {
          double sum = 0.0;
          for (std::size_t r : strand) {
            const Route& route = routes_[r];
            const std::size_t i = index_in(route);
            sum += (i == 0 ? route.port_lower : route.pass[i - 1]) + (i + 1 == route.pass.size() ? route.port_upper : route.pass[i + 1]);
          }
          return sum / static_cast<double>(strand.size());
        };
        keys.clear();
        for (std::size_t s = first; s < last; ++s) keys.push_back(key(strand(s)));
        order.resize(last - first);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
        const RowGaps& gaps = gaps_[row];
        const double count = static_cast<double>(last - first);
        for (std::size_t k = 0; k < order.size(); ++k) {
          const double i = static_cast<double>(k);
          double x;
          if (g == 0) {
            x = gaps.right[g] - margin - (count - 1.0 - i) * options_.track_gap;
          } else if (g + 1 == gaps.left.size()) {
            x = gaps.left[g] + margin + i * options_.track_gap;
          } else {
            const double room = gaps.right[g] - gaps.left[g] - 2.0 * margin;
            const double step = count > 1.0 ? std::min(options_.track_gap, room / (count - 1.0)) : 0.0;
            x = (gaps.left[g] + gaps.right[g]) * 0.5 + (i - (count - 1.0) * 0.5) * step;
          }
          for (std::size_t r : strand(first + order[k])) routes_[r].pass[index_in(routes_[r])] = x;
        }
      }
    }
  }


  // Each route's piece of every channel it crosses, merged where a trunk
  // (or an identical path) is shared; then tracks, then the labels.
  void make_runs() {
    const std::size_t count = rows_.order.size();
    channels_.assign(count, {});
    // Room for a run per piece of route in each channel, at most: runs are
    // then never moved as a channel's list grows.
    std::vector<std::size_t> pieces(count, 0);
    for (const Route& route : routes_) {
      if (route.kind == RouteKind::level) ++pieces[static_cast<std::size_t>(route.lo)];
      if (route.kind != RouteKind::up) continue;
      for (int c = route.lo; c < route.hi; ++c) ++pieces[static_cast<std::size_t>(c)];
    }
    for (std::size_t c = 0; c < count; ++c) channels_[c].runs.reserve(pieces[c]);
    const std::size_t piece_count = std::accumulate(pieces.begin(), pieces.end(), std::size_t{0});
    // Pieces of trunks share runs: England has some 42,000 pieces in 22,000
    // runs. Room for half as many runs as pieces; the map grows if need be.
    model::FlatMap<RunKey, std::size_t, RunKeyHash> merged(piece_count / 2);
    // Each route's piece of a channel, in route order, with its run there;
    // the runs' lists of routes and verticals are then laid out in two
    // pools (England has some 30,000 runs: a pair of vectors each was a
    // third of the routing's allocations).
    struct Piece {
      std::size_t route, channel, run;
      std::pair<double, bool> ends[2];
    };
    std::vector<Piece> laid;
    laid.reserve(piece_count);
    run_of_start_.assign(routes_.size() + 1, 0);
    for (std::size_t r = 0; r < routes_.size(); ++r) {
      const Route& route = routes_[r];
      const bool runs = route.kind == RouteKind::up || route.kind == RouteKind::level;
      run_of_start_[r + 1] = run_of_start_[r] + (runs ? static_cast<std::size_t>(std::max(route.hi - route.lo, 1)) : 0);
    }
    run_of_.assign(run_of_start_.back(), 0);
    const auto add = [&](std::size_t r, int c, double a, bool a_below, double b, bool b_below) {
      const Route& route = routes_[r];
      RunKey key{c, 'R', r, 0.0, 0.0};
      if (route.kind == RouteKind::up && c + 1 == route.hi && upper_trunk_[r] != none &&
          (c != route.lo || lower_trunk_[r] == none || trunk_size_[upper_trunk_[r]] >= trunk_size_[lower_trunk_[r]])) {
        key = {c, 'U', upper_trunk_[r], 0.0, 0.0};
      } else if (route.kind == RouteKind::up && c == route.lo && lower_trunk_[r] != none) {
        key = {c, 'L', lower_trunk_[r], 0.0, 0.0};
      } else if (route.kind == RouteKind::up) {
        key = {c, 'S', static_cast<std::size_t>(graph_.links[r].kind), a, b};
      }
      Channel& channel = channels_[static_cast<std::size_t>(c)];
      const auto [found, added] = merged.try_emplace(key, channel.runs.size());
      const std::size_t index = *found;
      if (added) {
        channel.runs.push_back({});
        channel.runs.back().trunk_below = key.how == 'L';
      }
      Run& run = channel.runs[index];
      run.lo = std::min({run.lo, a, b});
      run.hi = std::max({run.hi, a, b});
      run_of_[run_of_start_[r] + static_cast<std::size_t>(c - route.lo)] = index;
      laid.push_back({r, static_cast<std::size_t>(c), index, {{a, a_below}, {b, b_below}}});
    };
    for (std::size_t r = 0; r < routes_.size(); ++r) {
      const Route& route = routes_[r];
      if (route.kind == RouteKind::up) {
        for (int c = route.lo; c < route.hi; ++c) {
          const std::size_t i = static_cast<std::size_t>(c - route.lo);
          add(r, c, i == 0 ? route.port_lower : route.pass[i - 1], true, c + 1 == route.hi ? route.port_upper : route.pass[i], false);
        }
      } else if (route.kind == RouteKind::level) {
        add(r, route.lo, route.port_lower, true, route.port_upper, true);
      }
    }
    // Every run numbered across the channels; its routes, in the order
    // they joined it, from where its count starts; its verticals likewise,
    // each once, with room for two per route.
    std::vector<std::size_t> first_run(count + 1, 0);
    for (std::size_t c = 0; c < count; ++c) first_run[c + 1] = first_run[c] + channels_[c].runs.size();
    std::vector<std::size_t> start(first_run.back() + 1, 0);
    for (const Piece& piece : laid) ++start[first_run[piece.channel] + piece.run + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    run_routes_.assign(laid.size(), 0);
    run_verticals_.assign(2 * laid.size(), {});
    for (std::size_t c = 0; c < count; ++c) {
      for (std::size_t i = 0; i < channels_[c].runs.size(); ++i) {
        Run& run = channels_[c].runs[i];
        const std::size_t at = start[first_run[c] + i];
        run.routes = {run_routes_.data() + at, std::size_t{0}};
        run.verticals = {run_verticals_.data() + 2 * at, std::size_t{0}};
      }
    }
    for (const Piece& piece : laid) {
      Run& run = channels_[piece.channel].runs[piece.run];
      run.routes = {run.routes.data(), run.routes.size() + 1};
      run.routes.back() = piece.route;
      for (const auto& vertical : piece.ends) {
        if (std::find(run.verticals.begin(), run.verticals.end(), vertical) != run.verticals.end()) continue;
        run.verticals = {run.verticals.data(), run.verticals.size() + 1};
        run.verticals.back() = vertical;
      }
    }
    for (std::size_t c = 0; c < count; ++c) {
      channels_[c].tracks = stack_runs(channels_[c].runs, options_.track_gap);
      place_labels(channels_[c], static_cast<int>(c));
    }
    // Lines inside a group run beside its boxes, one track each, the
    // shortest nearest the boxes: with nesting_key's ports they nest.
    inner_.assign(rows_.size.size(), {});
    for (std::size_t r = 0; r < routes_.size(); ++r) {
      if (routes_[r].kind == RouteKind::inner) inner_[rows_.box_block[routes_[r].lower]].push_back({r, 0});
    }
    const auto reach = [&](const InnerRun& run) { return std::abs(centre_of(routes_[run.route].upper) - centre_of(routes_[run.route].lower)); };
    for (auto& list : inner_) {
      std::stable_sort(list.begin(), list.end(), [&](const InnerRun& a, const InnerRun& b) { return reach(a) < reach(b); });
      for (std::size_t i = 0; i < list.size(); ++i) list[i].track = i;
    }
  }

  // One label per text on each run, on the branch that is the route's own:
  // coming up from below (label tracks under the runs), or, on a run shared
  // at its lower end, going up (label tracks over them). Packed left to right.
  void place_labels(Channel& channel, int c) const {
    for (const Run& run : channel.runs) {
      std::map<int, std::size_t> shown;  // text -> its route
      for (std::size_t r : run.routes) {
        const Route& route = routes_[r];
        if (graph_.links[r].label_size.x <= 0.0) continue;
        const bool labelled_here = route.kind == RouteKind::level || (route.kind == RouteKind::up && c + 1 == route.hi);
        if (!labelled_here) continue;
        const int text = graph_.links[r].text;
        const double own = run.trunk_below ? own_vertical(r, route.hi - 1, false) : own_vertical(r, route.hi - 1, true);
        const double trunk = run.verticals.empty() ? own : shared_vertical(run);
        const auto seen = shown.find(text);
        if (seen == shown.end()) {
          shown[text] = r;
          channel.labels.push_back({r, own, graph_.links[r].label_size, run.trunk_below});
        } else {
          // The branch nearest the trunk carries the label.
          for (Label& label : channel.labels) {
            if (label.route == seen->second && std::abs(own - trunk) < std::abs(label.x - trunk)) label.route = r, label.x = own;
          }
        }
      }
    }
    auto& labels = channel.labels;
    std::stable_sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) { return a.x - a.size.x * 0.5 < b.x - b.size.x * 0.5; });
    for (const bool above : {true, false}) {
      std::vector<double> free_from;
      std::vector<double>& heights = above ? channel.upper_labels : channel.lower_labels;
      for (Label& label : labels) {
        if (label.above != above) continue;
        const double lo = label.x - label.size.x * 0.5;
        std::size_t track = 0;
        while (track < free_from.size() && free_from[track] > lo - options_.track_gap) ++track;
        if (track == free_from.size()) free_from.push_back(-far_away), heights.push_back(0.0);
        free_from[track] = label.x + label.size.x * 0.5;
        heights[track] = std::max(heights[track], label.size.y + 4.0);
        label.track = track;
      }
    }
  }

  // Where a route's own vertical in a channel is: its entry from below, or its exit upwards.
  double own_vertical(std::size_t r, int channel, bool from_below) const {
    const Route& route = routes_[r];
    if (route.kind == RouteKind::level) return route.port_lower;
    const std::size_t i = static_cast<std::size_t>(channel - route.lo);
    if (from_below) return i == 0 ? route.port_lower : route.pass[i - 1];
    return channel + 1 == route.hi ? route.port_upper : route.pass[i];
  }

  // The vertical a trunk's run shares: the one on the side its lines meet.
  static double shared_vertical(const Run& run) {
    for (const auto& [x, below] : run.verticals) {
      if (below == run.trunk_below) return x;
    }
    return run.verticals.front().first;
  }


  BlockDrawing stack() {
    const std::size_t row_count = rows_.order.size();
    BlockDrawing drawing;
    std::vector<double> row_height(row_count, 0.0);
    for (std::size_t b = 0; b < rows_.size.size(); ++b) {
      row_height[static_cast<std::size_t>(rows_.row[b])] = std::max(row_height[static_cast<std::size_t>(rows_.row[b])], rows_.size[b].y);
    }
    const auto sum = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); };
    const auto between_bands = [&](std::size_t c) { return c + 1 < row_count && rows_.row_band[c] != rows_.row_band[c + 1]; };
    std::vector<double> channel_height(row_count, 0.0);
    for (std::size_t c = 0; c < row_count; ++c) {
      const Channel& channel = channels_[c];
      const double content = sum(channel.upper_labels) + sum(channel.tracks) + sum(channel.lower_labels);
      if (c + 1 == row_count) channel_height[c] = content > 0.0 ? content + 2.0 * options_.channel_margin : 0.0;
      else channel_height[c] = content + 2.0 * options_.channel_margin + (between_bands(c) ? options_.band_gap : 0.0);
    }
    // Stacked from the top down: the channel above a row, then the row.
    std::vector<double> row_top(row_count, 0.0);
    std::vector<double> channel_top(row_count, 0.0);
    double y = 0.0;
    for (std::size_t step = 0; step < row_count; ++step) {
      const std::size_t row = row_count - 1 - step;
      channel_top[row] = y;
      y += channel_height[row];
      row_top[row] = y;
      y += row_height[row];
    }
    // Inside a channel, top to bottom: the band's edge (between bands), the
    // labels over the runs, the runs (track 0 nearest the row above), the labels under them.
    const auto content_top = [&](std::size_t c) { return channel_top[c] + options_.channel_margin + (between_bands(c) ? options_.band_gap : 0.0); };
    // Each track's middle, from the top of its stack: worked out once per
    // channel, as a national drawing asks for them a hundred thousand times.
    const auto middles = [](const std::vector<double>& heights) {
      std::vector<double> at(heights.size());
      double top = 0.0;
      for (std::size_t t = 0; t < heights.size(); ++t) {
        at[t] = top + heights[t] * 0.5;
        top += heights[t];
      }
      return at;
    };
    struct Stack {
      double upper_labels = 0.0, tracks = 0.0;  // their heights
      std::vector<double> upper_middles, track_middles, lower_middles;
    };
    std::vector<Stack> stacks(row_count);
    for (std::size_t c = 0; c < row_count; ++c) {
      const Channel& channel = channels_[c];
      stacks[c] = {sum(channel.upper_labels), sum(channel.tracks), middles(channel.upper_labels), middles(channel.tracks),
                   middles(channel.lower_labels)};
    }
    const auto run_y = [&](std::size_t c, std::size_t track) {
      return content_top(c) + stacks[c].upper_labels + stacks[c].track_middles[track];
    };
    const auto label_y = [&](std::size_t c, const Label& label) {
      const Stack& stack = stacks[c];
      if (label.above) {
        // Nearest the row above comes last: label tracks fill upwards from the runs.
        return content_top(c) + stack.upper_labels - stack.upper_middles[label.track];
      }
      return content_top(c) + stack.upper_labels + stack.tracks + stack.lower_middles[label.track];
    };
    std::vector<std::size_t> inner_track(routes_.size(), 0);  // a line inside a group: its track there
    for (const std::vector<InnerRun>& runs : inner_) {
      for (const InnerRun& run : runs) inner_track[run.route] = run.track;
    }

    drawing.blocks.resize(rows_.size.size());
    for (std::size_t b = 0; b < rows_.size.size(); ++b) {
      const std::size_t row = static_cast<std::size_t>(rows_.row[b]);
      const double top = row_top[row] + (row_height[row] - rows_.size[b].y) * 0.5;
      drawing.blocks[b] = {{x_[b] - rows_.size[b].x * 0.5, top}, {x_[b] + rows_.size[b].x * 0.5, top + rows_.size[b].y}};
    }
    drawing.boxes.resize(graph_.boxes.size());
    for (std::size_t box = 0; box < graph_.boxes.size(); ++box) {
      const glm::dvec2 at = drawing.blocks[rows_.box_block[box]].min + rows_.box_offset[box];
      drawing.boxes[box] = {at, at + graph_.boxes[box]};
    }

    drawing.links.assign(routes_.size(), {});
    drawing.labels.assign(routes_.size(), Rect{});
    drawing.downward.assign(routes_.size(), false);
    for (std::size_t c = 0; c < row_count; ++c) {
      for (const Label& label : channels_[c].labels) {
        const glm::dvec2 centre{label.x, label_y(c, label)};
        drawing.labels[label.route] = {centre - label.size * 0.5, centre + label.size * 0.5};
      }
    }
    for (std::size_t r = 0; r < routes_.size(); ++r) {
      const Route& route = routes_[r];
      if (route.kind == RouteKind::skipped) continue;
      std::vector<glm::dvec2> points;
      points.reserve(route.kind == RouteKind::up ? 2 * static_cast<std::size_t>(route.hi - route.lo) + 2 : 4);
      const auto add = [&](glm::dvec2 p) {
        if (!points.empty() && points.back() == p) return;
        // Three in a line: the middle one adds nothing.
        if (points.size() >= 2) {
          const glm::dvec2 a = points[points.size() - 2];
          const glm::dvec2 b = points.back();
          if ((a.x == b.x && b.x == p.x) || (a.y == b.y && b.y == p.y)) {
            points.back() = p;
            return;
          }
        }
        points.push_back(p);
      };
      const Rect& lower = drawing.boxes[route.lower];
      const Rect& upper = drawing.boxes[route.upper];
      if (route.kind == RouteKind::inner) {
        const std::size_t track = inner_track[r];
        const std::size_t block = rows_.box_block[route.lower];
        const double pad = graph_.blocks[block].framed ? options_.frame_padding : 0.0;
        const bool top = rows_.inner_on_top[block];
        // Tracks from the boxes outwards, in the room beside them.
        const double step = options_.channel_margin * 0.5 + options_.track_gap * static_cast<double>(track);
        const double at = top ? drawing.blocks[block].min.y + pad + rows_.intra_margin[block] - step
                              : drawing.blocks[block].max.y - rows_.intra_margin[block] - pad + step;
        add({route.port_lower, top ? lower.min.y : lower.max.y});
        add({route.port_lower, at});
        add({route.port_upper, at});
        add({route.port_upper, top ? upper.min.y : upper.max.y});
      } else if (route.kind == RouteKind::level) {
        const std::size_t c = static_cast<std::size_t>(route.lo);
        const double at = run_y(c, channels_[c].runs[run_of_[run_of_start_[r]]].track);
        add({route.port_lower, lower.min.y});
        add({route.port_lower, at});
        add({route.port_upper, at});
        add({route.port_upper, upper.min.y});
      } else {
        add({route.port_lower, lower.min.y});
        for (int c = route.lo; c < route.hi; ++c) {
          const std::size_t channel = static_cast<std::size_t>(c);
          const double at = run_y(channel, channels_[channel].runs[run_of_[run_of_start_[r] + static_cast<std::size_t>(c - route.lo)]].track);
          add({own_vertical(r, c, true), at});
          add({own_vertical(r, c, false), at});
        }
        add({route.port_upper, upper.max.y});
      }
      const LayoutLink& link = graph_.links[r];
      if (link.from != route.lower) std::reverse(points.begin(), points.end());
      drawing.downward[r] = row_of(link.from) > row_of(link.to) || (route.kind == RouteKind::level && link.from != route.lower);
      drawing.links[r] = std::move(points);
    }

    // Bands meet in the middle of the extra room at the top of the channel between them.
    for (std::size_t step = 0; step < row_count; ++step) {
      const std::size_t row = row_count - 1 - step;
      const int band = rows_.row_band[row];
      if (drawing.bands.empty() || drawing.bands.back().band != band) {
        drawing.bands.push_back({band, row + 1 < row_count ? channel_top[row] + options_.band_gap * 0.5 : 0.0, 0.0});
      }
      drawing.bands.back().bottom = row > 0 ? channel_top[row - 1] + options_.band_gap * 0.5
                                            : row_top[row] + row_height[row] + options_.channel_margin;
    }

    bool first = true;
    const auto include = [&](const Rect& r) {
      if (first) drawing.bounds = r, first = false;
      drawing.bounds.min = glm::min(drawing.bounds.min, r.min);
      drawing.bounds.max = glm::max(drawing.bounds.max, r.max);
    };
    for (const Rect& block : drawing.blocks) include(block);
    for (const auto& line : drawing.links) {
      for (glm::dvec2 p : line) include({p, p});
    }
    for (const Rect& label : drawing.labels) {
      if (!label.empty()) include(label);
    }
    // Counting England's crossings took a sixth of its layout: only where they choose a route.
    if (graph_.links.size() <= crossing_aware_routes) drawing.crossings = count_crossings(drawing.links);
    return drawing;
  }
};

}  // namespace

BlockDrawing route_and_stack(const BlockRows& rows, const BlockGraph& graph, const BlockOptions& options) {
  BlockDrawing best = Router(rows, graph, options, 0.0).run();
  if (graph.links.size() > crossing_aware_routes) return best;
  // How far a line should go round to cross one line fewer is a guess, and
  // so are the counts of lines crossed: each guess is routed, and the one
  // that crosses least (then has the shorter lines) is kept. A way round is
  // local to a few lines, so here a crossing fewer always wins; the order
  // of the rows (block_order.cpp) weighs crossings against length.
  const auto better = [](const BlockDrawing& a, const BlockDrawing& b) {
    return std::pair{a.crossings, total_line_length(a)} < std::pair{b.crossings, total_line_length(b)};
  };
  for (const double cost : {200.0, 600.0}) {
    if (best.crossings == 0) break;
    BlockDrawing careful = Router(rows, graph, options, cost).run();
    if (better(careful, best)) best = std::move(careful);
  }
  return best;
}

}  // namespace layout
