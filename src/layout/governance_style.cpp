#include "layout/governance_style.hpp"

#include <algorithm>

#include "layout/governance_scene.hpp"

namespace layout {

using model::FlowKind;
using model::OrganisationKind;

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

FlowStyle flow_style(FlowKind kind) {
  using A = Arrowhead;
  switch (kind) {
    case FlowKind::delegates: return {Paint::flow_delegation, Dash::solid, 2.5f, A::open};
    case FlowKind::reports_to: return {Paint::flow_accountability, Dash::solid, 1.5f, A::filled};
    case FlowKind::assures: return {Paint::flow_accountability, Dash::dashed, 1.5f, A::filled};
    case FlowKind::regulates: return {Paint::flow_accountability, Dash::dotted, 1.5f, A::filled};
    case FlowKind::approves: return {Paint::flow_decision, Dash::solid, 1.5f, A::bar};
    case FlowKind::can_veto: return {Paint::flow_decision, Dash::dashed, 1.5f, A::bar};
    case FlowKind::recommends: return {Paint::flow_advice, Dash::solid, 1.5f, A::diamond};
    case FlowKind::advises: return {Paint::flow_advice, Dash::dashed, 1.5f, A::diamond};
    case FlowKind::member_of: return {Paint::flow_membership, Dash::solid, 1.0f, A::none};
    case FlowKind::represented_on: return {Paint::flow_membership, Dash::dashed, 1.0f, A::none};
    case FlowKind::hosts: return {Paint::flow_hosting, Dash::dotted, 1.5f, A::open};
    case FlowKind::replaces: return {Paint::flow_succession, Dash::dotted, 1.5f, A::bar};
    case FlowKind::holds: break;
  }
  return {Paint::flow_accountability, Dash::solid, 1.0f, A::filled};
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

std::string kind_in_words(std::string_view label) {
  std::string out(label);
  if (out.rfind("NHS", 0) == 0) return out;  // a name: "NHS England"
  for (std::size_t i = 0; i < out.size(); ++i) {
    const bool starts_word = i == 0 || out[i - 1] == ' ' || out[i - 1] == '-';
    const bool capitalised = out[i] >= 'A' && out[i] <= 'Z' && !(i + 1 < out.size() && out[i + 1] >= 'A' && out[i + 1] <= 'Z');
    if (starts_word && capitalised) out[i] = static_cast<char>(out[i] - 'A' + 'a');
  }
  return out;
}

// Words wrapped into at most three lines of the given width.
std::vector<std::string> wrap(const std::string& text, double width, const MeasureText& measure) {
  std::vector<std::string> lines;
  std::string line;
  std::string longer;  // the line with the next word: one buffer, reused for every word
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view word = std::string_view(text).substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    longer.assign(line);
    if (!line.empty()) longer += ' ';
    longer.append(word);
    if (!line.empty() && measure(longer) > width && lines.size() < 2) {
      lines.push_back(std::move(line));
      line.assign(word);
    } else {
      line.swap(longer);
    }
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

// Every organisation's, body's, post's and programme's band, worked out once.
model::IdMap<int> all_bands(const model::Plan& plan) {
  model::IdMap<int> unit_layer(plan.units.size());
  for (const model::Unit& unit : plan.units) unit_layer.try_emplace(unit.id, model::layer_rank(unit.layer));
  const auto highest_unit = [&](const std::vector<std::string>& units) {
    int band = -1;
    for (const std::string& id : units) {
      if (const int* layer = unit_layer.find(id)) band = std::max(band, *layer);
    }
    return band;
  };
  const int place = model::layer_rank(model::Layer::place);
  model::IdMap<int> bands(plan.organisations.size() + plan.bodies.size() + plan.posts.size() + plan.programmes.size());
  const auto band_of = [&](const std::string& id) {
    const int* band = bands.find(id);
    return band ? *band : -1;
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
  model::IdMap<int> seat_band(plan.posts.size());
  for (const model::Body& b : plan.bodies) {
    const int band = band_of(b.id);
    for (const model::Member& m : b.members) {
      if (!m.post.empty()) {
        int& seat = *seat_band.try_emplace(m.post, -1).first;
        seat = std::max(seat, band);
      }
    }
  }
  for (const model::Post& p : plan.posts) {
    const int* seat = seat_band.find(p.id);
    int band = seat ? *seat : -1;
    for (const std::string& organisation : p.organisations) band = band >= 0 ? band : std::max(band, band_of(organisation));
    bands[p.id] = band >= 0 ? band : place;
  }
  for (const model::Programme& p : plan.programmes) {
    const int by_footprint = highest_unit(p.footprint);
    bands[p.id] = by_footprint >= 0 ? by_footprint : model::layer_rank(model::Layer::system);
  }
  return bands;
}

int governance_band(const model::Plan& plan, const std::string& id) {
  const model::IdMap<int> bands = all_bands(plan);  // kept: find answers a pointer into it
  const int* band = bands.find(id);
  return band ? *band : model::layer_rank(model::Layer::place);
}

model::IdMap<int> governance_bands(const model::Plan& plan) { return all_bands(plan); }

std::string set_id(int band, const std::string& kind) { return set_id(band_label(band), kind); }
std::string set_id(const std::string& level, const std::string& kind) { return "set/" + level + "/" + kind; }

std::string band_label(int band) {
  if (band >= national_band) return "national";
  for (const auto& entry : model::enum_names<model::Layer>()) {
    if (model::layer_rank(entry.value) == band) return band == model::layer_rank(model::Layer::pcn) ? "PCN" : lower_first(entry.label);
  }
  return "other";
}

}  // namespace layout
