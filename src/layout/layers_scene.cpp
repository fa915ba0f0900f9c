#include "layout/layers_scene.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string_view>
#include <unordered_map>

#include "analysis/population.hpp"
#include "model/id_map.hpp"
#include "layout/treemap.hpp"

namespace layout {

namespace {

using analysis::BandStatus;

Paint layer_paint(model::Layer layer) {
  switch (layer) {
    case model::Layer::region: return Paint::region;
    case model::Layer::system: return Paint::system;
    case model::Layer::place: return Paint::place;
    case model::Layer::pcn: return Paint::pcn;
    case model::Layer::practice: return Paint::practice;
    case model::Layer::community: return Paint::community;
  }
  return Paint::practice;
}

std::string people(std::int64_t n) { return analysis::format_count(n).append(n == 1 ? " person" : " people"); }

class Builder {
 public:
  Builder(const model::Plan& plan, const LayersOptions& options)
      : plan_(plan), options_(options), population_(analysis::population_rollup(plan)) {
    children_.resize(plan.units.size());
    model::IdMap<std::size_t> index;
    index.reserve(plan.units.size());
    for (std::size_t i = 0; i < plan.units.size(); ++i) index.try_emplace(plan.units[i].id, i);
    for (std::size_t i = 0; i < plan.units.size(); ++i) {
      const std::size_t* parent = plan.units[i].parent.empty() ? nullptr : index.find(plan.units[i].parent);
      if (!parent) roots_.push_back(i);
      else children_[*parent].push_back(i);
    }
  }

  Scene build() {
    if (options_.commissioners) find_commissioners();
    write_legend();
    double total = 0.0;
    for (std::size_t root : roots_) total += weight(root);
    const double side = std::sqrt(std::max(total, 1.0));
    scene_.bounds = {{0.0, 0.0}, {side, side}};
    // An item per unit and a few shapes each, room made once (England has some 7,800 units).
    scene_.items.reserve(plan_.units.size());
    scene_.shapes.reserve(5 * plan_.units.size());
    place_children(roots_, scene_.bounds, 0);
    return std::move(scene_);
  }

 private:
  const model::Plan& plan_;
  const LayersOptions& options_;
  std::vector<analysis::UnitPopulation> population_;
  std::unordered_map<std::string_view, std::vector<std::size_t>> commissioners_;  // unit id -> organisations whose area it is
  std::vector<std::vector<std::size_t>> children_;
  std::vector<std::size_t> roots_;
  Scene scene_;

  void find_commissioners() {
    for (std::size_t o = 0; o < plan_.organisations.size(); ++o) {
      const model::Organisation& org = plan_.organisations[o];
      if (org.kind != model::OrganisationKind::ccg && org.kind != model::OrganisationKind::icb) continue;
      for (const std::string& unit : org.area) commissioners_[unit].push_back(o);
    }
  }

  Paint commissioner_paint(std::size_t organisation) const {
    std::size_t rank = 0;  // the n-th commissioner in the plan gets the n-th colour
    for (std::size_t o = 0; o < organisation; ++o) {
      const auto kind = plan_.organisations[o].kind;
      rank += kind == model::OrganisationKind::ccg || kind == model::OrganisationKind::icb ? 1 : 0;
    }
    return static_cast<Paint>(static_cast<int>(Paint::commissioner_1) + static_cast<int>(rank % commissioner_paints));
  }

  std::string commissioner_name(std::size_t organisation) const {
    const model::Organisation& org = plan_.organisations[organisation];
    return org.short_name.empty() ? org.name : org.short_name;
  }

  void write_legend() {
    scene_.legend = {{Paint::region, "Region"}, {Paint::system, "System"}, {Paint::place, "Place"}, {Paint::pcn, "Primary Care Network"},
                     {Paint::practice, "GP practice"}, {Paint::band_inside, "\xE2\x80\xA2 inside its population band"},
                     {Paint::band_below, "\xE2\x86\x93 below its band", true}, {Paint::band_above, "\xE2\x86\x91 above its band", true}};
    if (!options_.commissioners) return;
    std::set<std::size_t> shown;
    for (const auto& [unit, organisations] : commissioners_) shown.insert(organisations.begin(), organisations.end());
    for (std::size_t o : shown) scene_.legend.push_back({commissioner_paint(o), "Commissioned by " + commissioner_name(o)});
  }

  double weight(std::size_t unit) const {
    return std::max(static_cast<double>(population_[unit].effective().value_or(0)), empty_unit_people);
  }

  void place_children(const std::vector<std::size_t>& units, const Rect& area, int depth) {
    // A unit with no figure gets a quarter of its siblings' average, so
    // that it can be seen and used beside much larger ones.
    double known = 0.0;
    std::size_t known_count = 0;
    for (std::size_t unit : units) {
      if (population_[unit].effective().value_or(0) > 0) known += weight(unit), ++known_count;
    }
    const double floor = known_count ? std::max(empty_unit_people, 0.25 * known / static_cast<double>(known_count)) : empty_unit_people;
    std::vector<double> weights;
    for (std::size_t unit : units) weights.push_back(population_[unit].effective().value_or(0) > 0 ? weight(unit) : floor);
    const std::vector<Rect> rects = squarify(weights, area);
    for (std::size_t i = 0; i < units.size(); ++i) {
      // A gap between siblings, in proportion to their size.
      const glm::dvec2 size = rects[i].size();
      const double gap = std::min(size.x, size.y) * 0.015;
      place_unit(units[i], {rects[i].min + gap, rects[i].max - gap}, depth);
    }
  }

  void place_unit(std::size_t u, const Rect& rect, int depth) {
    const model::Unit& unit = plan_.units[u];
    const std::size_t item_index = scene_.items.size();
    scene_.items.push_back(Item{unit.id, "unit", std::string(model::to_name(unit.layer)), label(u), rect, depth, 0, scene_.shapes.size(), 0, {}, {}, {}, {}, {}});

    const glm::dvec2 size = rect.size();
    const double short_side = std::min(size.x, size.y);
    const bool collapsed = !children_[u].empty() && options_.collapsed.count(unit.id) > 0;
    const bool container = !children_[u].empty() && !collapsed;
    // A container's text sits in a header strip; a leaf's fills its block.
    // Text grows more slowly than blocks, so that big blocks do not shout.
    const double name_size = std::min(short_side * 0.13, 8.0 + short_side * 0.025);
    const double header = container ? name_size * 3.4 : short_side;
    const double pad = short_side * (container ? 0.025 : 0.06);

    scene_.shapes.push_back(Shape{Shape::Kind::box, rect, Style{layer_paint(unit.layer), Paint::outline, 1.0f, false, Dash::solid, 0.0}, {}, Paint::text, false, Align::left, 0.0, false, {}, Arrowhead::none});
    const BandStatus band = population_[u].band;
    const glm::dvec2 text_origin = rect.min + pad;
    const double text_width = size.x - 2.0 * pad;
    double y = text_origin.y;
    auto line = [&](std::string text, double font, Paint colour, bool bold, double room = 0.0) {
      scene_.shapes.push_back(Shape{Shape::Kind::text, {{text_origin.x, y}, {text_origin.x + text_width, y + font}}, {}, std::move(text), colour, bold, Align::left, room, false, {}, Arrowhead::none});
      y += font * 1.25;
    };
    line(unit.name, name_size, Paint::text, true, (container ? header : size.y) - pad);
    if (const std::string figures = figures_line(u); !figures.empty()) line(figures, name_size * 0.75, Paint::text_muted, false);
    if (band == BandStatus::below || band == BandStatus::above || band == BandStatus::inside) {
      // The mark says it in words and an arrow, not colour alone.
      const char* words = band == BandStatus::inside ? "\xE2\x80\xA2 inside its band" : band == BandStatus::below ? "\xE2\x86\x93 below its band" : "\xE2\x86\x91 above its band";
      const Paint paint = band == BandStatus::inside ? Paint::band_inside : band == BandStatus::below ? Paint::band_below : Paint::band_above;
      const double font = name_size * 0.75;
      const double badge = font * 0.8;
      scene_.shapes.push_back(Shape{Shape::Kind::box, {{text_origin.x, y + font * 0.1}, {text_origin.x + badge, y + font * 0.1 + badge}},
                                    Style{paint, Paint::none, 1.0f, band != BandStatus::inside, Dash::solid, 0.0}, {}, Paint::text, false, Align::left, 0.0, false, {}, Arrowhead::none});
      scene_.shapes.push_back(Shape{Shape::Kind::text, {{text_origin.x + badge * 1.4, y}, {text_origin.x + text_width, y + font}}, {}, words, paint, false, Align::left, 0.0, false, {}, Arrowhead::none});
      y += font * 1.25;
    }
    if (collapsed) line(units_inside(u) + ", folded away", name_size * 0.75, Paint::text_muted, false);
    if (const auto found = commissioners_.find(unit.id); found != commissioners_.end()) {
      // An inset outline per commissioner, and its name at the foot of the block.
      double inset = std::min(size.x, size.y) * 0.01;
      double foot = rect.max.y - pad;
      for (std::size_t o : found->second) {
        const Paint paint = commissioner_paint(o);
        scene_.shapes.push_back(Shape{Shape::Kind::box, {rect.min + inset, rect.max - inset}, Style{Paint::none, paint, 3.0f, false, Dash::solid, 0.0}, {}, Paint::text, false, Align::left, 0.0, false, {}, Arrowhead::none});
        const double font = name_size * 0.7;
        scene_.shapes.push_back(Shape{Shape::Kind::text, {{text_origin.x, foot - font}, {text_origin.x + text_width, foot}}, {}, commissioner_name(o), paint, true, Align::left, 0.0, false, {}, Arrowhead::none});
        foot -= font * 1.3;
        inset += 4.0 * std::min(size.x, size.y) * 0.004;
      }
    }
    scene_.items[item_index].shape_count = scene_.shapes.size() - scene_.items[item_index].first_shape;
    if (container) {
      const double top = std::max(rect.min.y + header, y);
      const Rect inner{{rect.min.x + pad, top}, {rect.max.x - pad, rect.max.y - pad}};
      if (!inner.empty()) place_children(children_[u], inner, depth + 1);
    }
    scene_.items[item_index].end = scene_.items.size();
  }

  // "192,000 people · practices 187,210": the unit's own figure and, when
  // both exist and differ, the sum of its parts.
  std::string figures_line(std::size_t u) const {
    const analysis::UnitPopulation& p = population_[u];
    if (p.own && p.rollup && *p.own != *p.rollup) return people(*p.own) + " \xC2\xB7 parts add up to " + analysis::format_count(*p.rollup);
    if (p.own) return people(*p.own);
    if (p.rollup) return people(*p.rollup) + " (sum of " + std::to_string(p.children) + ")";
    return "no figure";
  }

  std::string units_inside(std::size_t u) const {
    const std::size_t n = children_[u].size();
    return std::to_string(n) + (n == 1 ? " unit inside" : " units inside");
  }

  // A unit's words for hover cards and screen readers, written by appending
  // to one string (England has some 7,800 units, each drawn on every edit).
  std::string label(std::size_t u) const {
    const model::Unit& unit = plan_.units[u];
    const analysis::UnitPopulation& p = population_[u];
    std::string text;
    text.reserve(unit.name.size() + 160);
    text.append(unit.name).append(", ").append(model::to_label(unit.layer));
    if (p.own && p.rollup && *p.own != *p.rollup) {
      text.append(": ").append(people(*p.own)).append("; its ").append(std::to_string(p.children)).append(" parts add up to ");
      text.append(analysis::format_count(*p.rollup));
    } else if (p.own) {
      text.append(": ").append(people(*p.own));
    } else if (p.rollup) {
      text.append(": ").append(people(*p.rollup)).append(", the sum of its ").append(std::to_string(p.children));
      text.append(p.children == 1 ? " part" : " parts");
    } else {
      text.append(": no population figure");
    }
    const std::string& band = band_words_[static_cast<std::size_t>(unit.layer)];
    if (!band.empty() && (p.band == BandStatus::below || p.band == BandStatus::above || p.band == BandStatus::inside)) {
      const char* where = p.band == BandStatus::inside ? "inside" : p.band == BandStatus::below ? "below" : "above";
      text.append("; ").append(where).append(" its band of ").append(band);
    }
    if (const auto found = commissioners_.find(unit.id); found != commissioners_.end()) {
      for (std::size_t o : found->second) text.append("; commissioned by ").append(plan_.organisations[o].name);
    }
    if (options_.collapsed.count(unit.id) && !children_[u].empty()) text.append("; folded, with ").append(units_inside(u));
    text += '.';
    return text;
  }

  const std::array<std::string, analysis::layer_count> band_words_ = analysis::band_words(plan_.bands);
};

}  // namespace

Scene build_layers_scene(const model::Plan& plan, const LayersOptions& options) { return Builder(plan, options).build(); }

}  // namespace layout
