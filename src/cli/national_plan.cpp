#include "cli/national_plan.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "model/fields.hpp"

namespace cli {

namespace {

using model::Layer;

// splitmix64: tiny, fast, and the same on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(double p) { return unit() < p; }
  template <typename T>
  const T& pick(const std::vector<T>& items) { return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))]; }

 private:
  std::uint64_t state_;
};

// Splits `total` items into `groups` groups of at least one, of random
// sizes around the mean (0.5x to 1.5x), by rounding cumulative shares.
std::vector<int> split(Random& random, int total, int groups) {
  std::vector<double> weights(static_cast<std::size_t>(groups));
  double sum = 0.0;
  for (double& weight : weights) sum += (weight = 0.5 + random.unit());
  std::vector<int> sizes;
  double cumulative = 0.0;
  long long previous = 0;
  const int spare = total - groups;  // each group gets one, then a share of the rest
  for (double weight : weights) {
    cumulative += weight;
    const long long boundary = std::llround(spare * cumulative / sum);
    sizes.push_back(1 + static_cast<int>(boundary - previous));
    previous = boundary;
  }
  return sizes;
}

std::string number(int value, int width) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%0*d", width, value);
  return buffer;
}

std::string slug(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// Made-up English town names, shuffled once per seed, never repeated.
std::vector<std::string> town_names(Random& random) {
  static const std::array<const char*, 40> heads = {
      "Ash",  "Bal",   "Bar",  "Brad", "Bram",  "Brook", "Cal",  "Car",   "Ches", "Clay",
      "Dun",  "East",  "Elm",  "Fair", "Farn",  "Glen",  "Grey", "Hart",  "Hay",  "Holm",
      "Kel",  "Kings", "Lang", "Lyn",  "Marl",  "Mel",   "Mill", "North", "Oak",  "Pen",
      "Red",  "Rock",  "Sal",  "Stan", "Stock", "Thorn", "Wal",  "West",  "Wey",  "Wil"};
  static const std::array<const char*, 20> tails = {
      "borough", "bridge", "bury", "by",  "caster", "chester", "den",    "field", "ford", "ham",
      "hurst",   "ley",    "mere", "moor", "port",  "stead",   "ton",    "well",  "wick", "worth"};
  std::vector<std::string> names;
  for (const char* head : heads) {
    for (const char* tail : tails) names.push_back(std::string(head) + tail);
  }
  for (std::size_t i = names.size() - 1; i > 0; --i) {
    std::swap(names[i], names[static_cast<std::size_t>(random.below(static_cast<int>(i + 1)))]);
  }
  return names;
}

// A practice's registered list: mostly 3,000 to 15,000, a few very large
// "super practices". Only + and * on doubles, so every platform agrees.
std::int64_t practice_list_size(Random& random) {
  const double m = (random.unit() + random.unit() + random.unit()) / 3.0;
  double size = 1500.0 + m * m * 26000.0;
  if (random.chance(0.03)) size = 20000.0 + random.unit() * 40000.0;
  return static_cast<std::int64_t>(size);
}

model::PlanDate date(std::string_view text) { return *model::parse_plan_date(text).date; }

struct Place {
  std::string id;
  std::string town;
  int system = 0;
  std::string ccg;  // organisation id
  std::string la;
};

struct System {
  std::string id;
  std::string name;
  int region = 0;
  std::vector<int> places;
  std::vector<std::string> ccgs;         // organisation ids
  std::vector<std::string> governing_bodies;
  std::vector<std::string> trusts;
  std::vector<std::string> acute_trusts;
  std::vector<std::string> las;
  std::vector<std::string> healthwatch;
  std::string voluntary;
  std::string partnership_board;
  std::string executive_group;
  std::string programme_board_prefix;
};

// Builds the plan collection by collection; each step reads the ones before.
class Generator {
 public:
  Generator(std::uint64_t seed, const NationalShape& shape) : random_(seed), shape_(shape), seed_(seed) {}

  model::Plan run() {
    plan_.name = "England at scale (synthetic, seed " + std::to_string(seed_) + ")";
    plan_.description =
        "A made-up plan the size of England, for testing the planner at national scale. The shape follows "
        "England's structures between 2019 and 2022; every name and figure is invented.";
    plan_.partnership = "NHS England (synthetic)";
    plan_.as_of = date("2019-10");
    towns_ = town_names(random_);
    add_units();
    add_national_organisations();
    add_local_organisations();
    add_functions();
    add_bodies();
    add_programmes();
    add_milestones();
    add_options();
    add_glossary();
    return std::move(plan_);
  }

 private:
  Random random_;
  NationalShape shape_;
  std::uint64_t seed_;
  model::Plan plan_;
  std::vector<std::string> towns_;
  std::size_t next_town_ = 0;
  std::vector<std::string> regions_;  // unit ids
  std::vector<std::string> region_teams_;
  std::vector<System> systems_;
  std::vector<Place> places_;
  int next_flow_ = 0;

  std::string town() { return towns_[next_town_++ % towns_.size()]; }

  void unit(std::string id, std::string name, Layer layer, std::string parent, std::string code = {},
            std::optional<std::int64_t> population = std::nullopt) {
    model::Unit u;
    u.id = std::move(id);
    u.name = std::move(name);
    u.layer = layer;
    u.code = std::move(code);
    u.registered_population = population;
    u.parent = std::move(parent);
    plan_.units.push_back(std::move(u));
  }

  void flow(model::FlowKind kind, const std::string& from, const std::string& to, std::vector<std::string> functions = {}) {
    model::Flow f;
    f.id = "flow-" + number(++next_flow_, 5);
    f.kind = kind;
    f.from = from;
    f.to = to;
    f.functions = std::move(functions);
    plan_.flows.push_back(std::move(f));
  }

  std::string organisation(std::string id, std::string name, model::OrganisationKind kind, std::vector<std::string> area,
                           std::string code = {}) {
    model::Organisation o;
    o.id = std::move(id);
    o.name = std::move(name);
    o.kind = kind;
    o.code = std::move(code);
    o.statutory = kind != model::OrganisationKind::voluntary_sector && kind != model::OrganisationKind::healthwatch;
    o.area = std::move(area);
    plan_.organisations.push_back(std::move(o));
    return plan_.organisations.back().id;
  }

  std::string post(std::string id, std::string title, model::PostRole role, std::vector<std::string> organisations) {
    model::Post p;
    p.id = std::move(id);
    p.title = std::move(title);
    p.role = role;
    p.organisations = std::move(organisations);
    plan_.posts.push_back(std::move(p));
    return plan_.posts.back().id;
  }

  model::Body& body(std::string id, std::string name, model::BodyKind kind, const std::string& host, Layer level,
                    std::vector<std::string> footprint) {
    model::Body b;
    b.id = std::move(id);
    b.name = std::move(name);
    b.kind = kind;
    b.hosts = {host};
    b.level = level;
    b.footprint = std::move(footprint);
    plan_.bodies.push_back(std::move(b));
    flow(model::FlowKind::hosts, host, plan_.bodies.back().id);
    return plan_.bodies.back();
  }

  // A seat, and the matching "member of" line on the governance graph.
  void seat(model::Body& b, const std::string& organisation, const std::string& post, std::string role, bool voting = true) {
    model::Member m;
    m.organisation = organisation;
    m.post = post;
    m.role = std::move(role);
    m.voting = voting;
    b.members.push_back(std::move(m));
    flow(model::FlowKind::member_of, organisation.empty() ? post : organisation, b.id);
  }

  void add_units() {
    static const std::array<const char*, 7> region_names = {
        "North East and Yorkshire", "North West", "Midlands", "East of England", "London", "South East", "South West"};
    for (int r = 0; r < shape_.regions; ++r) {
      const std::string name = r < 7 ? region_names[static_cast<std::size_t>(r)] : "Region " + std::to_string(r + 1);
      regions_.push_back("region-" + std::to_string(r + 1));
      unit(regions_.back(), name, Layer::region, "");
    }
    const std::vector<int> systems_per_region = split(random_, shape_.systems, shape_.regions);
    const std::vector<int> places_per_system = split(random_, shape_.places, shape_.systems);
    const std::vector<int> pcns_per_place = split(random_, shape_.pcns, shape_.places);
    const std::vector<int> practices_per_pcn = split(random_, shape_.practices, shape_.pcns);
    static const std::vector<std::string> pcn_areas = {"Central", "North", "South", "East", "West", "Valley",
                                                        "Rural", "City", "Coast", "Hills", "Villages", "Town"};
    int region = 0, in_region = 0, place_index = 0, pcn_index = 0, practice_index = 0;
    for (int s = 0; s < shape_.systems; ++s) {
      while (in_region >= systems_per_region[static_cast<std::size_t>(region)]) ++region, in_region = 0;
      ++in_region;
      System system;
      system.id = "system-" + number(s + 1, 2);
      system.region = region;
      for (int p = 0; p < places_per_system[static_cast<std::size_t>(s)]; ++p) {
        system.places.push_back(static_cast<int>(places_.size()));
        places_.push_back(Place{"place-" + number(++place_index, 3), town(), s, {}, {}});
      }
      system.name = places_[static_cast<std::size_t>(system.places[0])].town;
      if (system.places.size() > 1) system.name += " and " + places_[static_cast<std::size_t>(system.places[1])].town;
      unit(system.id, system.name, Layer::system, regions_[static_cast<std::size_t>(region)]);
      systems_.push_back(std::move(system));
    }
    const char region_letter[] = "ABCDEFGHJKLMNPQRSTUVWXY";
    std::vector<int> practice_numbers(static_cast<std::size_t>(shape_.regions), 10000);
    for (std::size_t p = 0; p < places_.size(); ++p) {
      Place& place = places_[p];
      const System& system = systems_[static_cast<std::size_t>(place.system)];
      // Most places have a resident figure of their own, near (not equal to)
      // the sum of their practices' lists: people register outside the area.
      std::int64_t place_sum = 0;
      const std::size_t units_before = plan_.units.size();
      unit(place.id, place.town, Layer::place, system.id);
      for (int n = 0; n < pcns_per_place[p]; ++n) {
        const std::string pcn_id = "U" + number(10000 + ++pcn_index, 5);
        std::string pcn_name = n == 0 ? place.town + " Central PCN"
                                      : place.town + " " + pcn_areas[static_cast<std::size_t>(n % static_cast<int>(pcn_areas.size()))] +
                                            (n >= static_cast<int>(pcn_areas.size()) ? " " + std::to_string(n / static_cast<int>(pcn_areas.size()) + 1) : "") + " PCN";
        unit(pcn_id, std::move(pcn_name), Layer::pcn, place.id, pcn_id);
        for (int g = 0; g < practices_per_pcn[static_cast<std::size_t>(pcn_index - 1)]; ++g) {
          ++practice_index;
          int& serial = practice_numbers[static_cast<std::size_t>(system.region)];
          const std::string code = std::string(1, region_letter[system.region % 23]) + number(++serial, 5);
          const std::int64_t list = practice_list_size(random_);
          place_sum += list;
          unit(code, practice_name(place.town), Layer::practice, pcn_id, code, list);
        }
      }
      if (random_.chance(0.7)) {
        plan_.units[units_before].registered_population = place_sum * (900 + random_.below(200)) / 1000;
      }
    }
  }

  std::string practice_name(const std::string& town) {
    static const std::vector<std::string> streets = {"Church Street", "High Street", "Station Road", "Park Lane",  "Mill Road",
                                                     "Market Square", "Victoria Road", "Queens Road", "London Road", "Bridge Street"};
    static const std::vector<std::string> trees = {"Oaks", "Willows", "Beeches", "Limes", "Elms", "Meadows", "Orchard", "Cedars"};
    static const std::vector<std::string> surnames = {"Ahmed", "Patel",  "Smith",  "Jones", "Khan",  "Taylor",  "Brown",
                                                      "Evans", "Wilson", "Thomas", "Walker", "Wright", "Hughes", "Green"};
    switch (random_.below(5)) {
      case 0: return random_.pick(streets) + " Surgery";
      case 1: return town + " Medical Centre";
      case 2: return town + " Health Centre";
      case 3: return "The " + random_.pick(trees) + " Practice";
      default: return "Dr " + random_.pick(surnames) + " and Partners";
    }
  }

  void add_national_organisations() {
    organisation("nhs-england", "NHS England", model::OrganisationKind::nhs_england, {});
    organisation("nhs-improvement", "NHS Improvement", model::OrganisationKind::nhs_improvement, {});
    organisation("cqc", "Care Quality Commission", model::OrganisationKind::care_quality_commission, {});
    for (std::size_t r = 0; r < regions_.size(); ++r) {
      const std::string& name = plan_.units[r].name;
      region_teams_.push_back(organisation("nhse-" + regions_[r], "NHS England and NHS Improvement " + name,
                                           model::OrganisationKind::nhs_england_region, {regions_[r]}));
    }
  }

  // Groups consecutive places of a system: each new group unless it joins
  // the one before, with probability `join`.
  template <typename MakeGroup>
  void group_places(const System& system, double join, MakeGroup make_group) {
    std::vector<int> group;
    for (int p : system.places) {
      if (!group.empty() && !random_.chance(join)) {
        make_group(group);
        group.clear();
      }
      group.push_back(p);
    }
    make_group(group);
  }

  std::string place_names(const std::vector<int>& group) {
    std::string name = places_[static_cast<std::size_t>(group[0])].town;
    if (group.size() == 2) name += " and " + places_[static_cast<std::size_t>(group[1])].town;
    if (group.size() > 2) name += " and District";
    return name;
  }

  std::vector<std::string> place_ids(const std::vector<int>& group) {
    std::vector<std::string> ids;
    for (int p : group) ids.push_back(places_[static_cast<std::size_t>(p)].id);
    return ids;
  }

  void add_local_organisations() {
    const int spare_places = shape_.places - shape_.systems;
    const double la_join = spare_places > 0 ? std::clamp(1.0 - double(shape_.local_authorities - shape_.systems) / spare_places, 0.0, 1.0) : 0.0;
    const int trusts_in_systems = std::max(shape_.trusts - shape_.regions, shape_.systems);
    std::vector<int> trusts_per_system = split(random_, trusts_in_systems, shape_.systems);
    int ccg_number = 0;
    for (System& system : systems_) {
      group_places(system, 0.3, [&](const std::vector<int>& group) {
        const int n = ccg_number++;
        const std::string code = number(n / 26 % 100, 2) + static_cast<char>('A' + n % 26);
        const std::string name = "NHS " + place_names(group) + " CCG";
        const std::string id = organisation(slug(place_names(group)) + "-ccg", name, model::OrganisationKind::ccg, place_ids(group), code);
        system.ccgs.push_back(id);
        for (int p : group) places_[static_cast<std::size_t>(p)].ccg = id;
      });
      group_places(system, la_join, [&](const std::vector<int>& group) {
        const bool county = group.size() > 1;
        const std::string name = place_names(group) + (county ? " County Council" : " Council");
        const std::string id = organisation(slug(name), name, model::OrganisationKind::local_authority, place_ids(group));
        system.las.push_back(id);
        system.healthwatch.push_back(organisation("healthwatch-" + slug(place_names(group)), "Healthwatch " + place_names(group),
                                                  model::OrganisationKind::healthwatch, place_ids(group)));
        for (int p : group) places_[static_cast<std::size_t>(p)].la = id;
      });
      const std::size_t count = static_cast<std::size_t>(trusts_per_system[static_cast<std::size_t>(&system - systems_.data())]);
      for (std::size_t t = 0; t < count; ++t) add_trust(system, t);
      system.voluntary = organisation(system.id + "-vcs", system.name + " Voluntary Sector Alliance",
                                      model::OrganisationKind::voluntary_sector, {system.id});
    }
    for (std::size_t r = 0; r < regions_.size(); ++r) {
      const std::string name = plan_.units[r].name + " Ambulance Service NHS Trust";
      const std::string id = organisation(slug(plan_.units[r].name) + "-ambulance", name, model::OrganisationKind::ambulance_trust, {regions_[r]});
      flow(model::FlowKind::regulates, "nhs-improvement", id);
      flow(model::FlowKind::regulates, "cqc", id);
    }
  }

  void add_trust(System& system, std::size_t index) {
    using Kind = model::OrganisationKind;
    const int place = system.places[index % system.places.size()];
    const std::string& town = places_[static_cast<std::size_t>(place)].town;
    std::vector<std::string> area = {places_[static_cast<std::size_t>(place)].id};
    if (system.places.size() > 1 && random_.chance(0.4)) area.push_back(places_[static_cast<std::size_t>(system.places[(index + 1) % system.places.size()])].id);
    Kind kind = Kind::acute_trust;
    std::string name = town + " Hospitals NHS Foundation Trust";
    switch (index % 6) {
      case 1: name = town + " Teaching Hospitals NHS Trust"; break;
      case 2: name = town + " and District Hospitals NHS Trust"; break;
      case 3: kind = Kind::mental_health_trust, name = town + " Health and Care Partnership NHS Foundation Trust", area = {system.id}; break;
      case 4: kind = Kind::community_trust, name = town + " Community Health Services NHS Trust"; break;
      case 5: kind = random_.chance(0.2) ? Kind::childrens_trust : Kind::acute_trust;
              name = town + (kind == Kind::childrens_trust ? " Children's Hospital NHS Foundation Trust" : " General Hospital NHS Trust"); break;
      default: break;
    }
    std::string id = slug(name);
    if (std::any_of(system.trusts.begin(), system.trusts.end(), [&](const std::string& t) { return t == id; })) id += "-" + std::to_string(index);
    organisation(id, name, kind, area);
    system.trusts.push_back(id);
    if (kind == Kind::acute_trust || kind == Kind::childrens_trust) system.acute_trusts.push_back(id);
    flow(model::FlowKind::regulates, "nhs-improvement", id);
    flow(model::FlowKind::regulates, "cqc", id);
  }

  // What is held, at which level (SYB 2017: tier 0-1 at place, 2-3 at system).
  void add_functions() {
    struct Spec { const char* id; const char* name; Layer level; const char* tier; };
    static const std::array<Spec, 14> specs = {{
        {"primary-medical-care", "Commissioning primary medical care", Layer::place, "tier 0-1"},
        {"specialised-services", "Commissioning specialised services", Layer::region, "tier 4"},
        {"urgent-care", "Commissioning urgent and emergency care", Layer::system, "tier 2-3"},
        {"elective-care", "Commissioning planned hospital care", Layer::system, "tier 2-3"},
        {"mental-health", "Commissioning mental health services", Layer::system, "tier 2-3"},
        {"community-services", "Commissioning community health services", Layer::place, "tier 0-1"},
        {"maternity", "Commissioning maternity services", Layer::system, "tier 2-3"},
        {"cancer", "Commissioning cancer services", Layer::system, "tier 2-3"},
        {"stroke-review", "Reviewing hyper-acute stroke services", Layer::system, ""},
        {"childrens-surgery-review", "Reviewing children's surgery and anaesthesia", Layer::system, ""},
        {"continuing-healthcare", "NHS continuing healthcare", Layer::place, ""},
        {"medicines-optimisation", "Medicines optimisation", Layer::place, ""},
        {"public-health", "Public health", Layer::place, ""},
        {"adult-social-care", "Adult social care", Layer::place, ""},
    }};
    for (const Spec& spec : specs) {
      model::Function f;
      f.id = spec.id;
      f.name = spec.name;
      f.level = spec.level;
      f.service_tier = spec.tier;
      if (spec.level == Layer::region) f.max_population = 2500000;
      plan_.functions.push_back(std::move(f));
    }
    flow(model::FlowKind::holds, "nhs-england", "", {"primary-medical-care", "specialised-services"});
    for (const System& system : systems_) {
      for (const std::string& ccg : system.ccgs) {
        flow(model::FlowKind::holds, ccg, "",
             {"urgent-care", "elective-care", "mental-health", "community-services", "maternity", "cancer", "stroke-review",
              "childrens-surgery-review", "continuing-healthcare", "medicines-optimisation"});
        flow(model::FlowKind::delegates, "nhs-england", ccg, {"primary-medical-care"});
        flow(model::FlowKind::assures, region_teams_[static_cast<std::size_t>(system.region)], ccg);
      }
      for (const std::string& la : system.las) flow(model::FlowKind::holds, la, "", {"public-health", "adult-social-care"});
    }
  }

  void add_bodies() {
    using BK = model::BodyKind;
    using FK = model::FlowKind;
    for (System& system : systems_) {
      const std::string lead_ccg = system.ccgs.front();
      std::string shared_ao;
      if (system.ccgs.size() > 1 && random_.chance(0.4)) {
        shared_ao = post(system.id + "-ao", "Accountable Officer, " + system.name + " CCGs", model::PostRole::accountable_officer, system.ccgs);
      }
      for (const std::string& ccg : system.ccgs) {
        const std::string& ccg_name = plan_.organisations[index_of_organisation(ccg)].name;
        const std::string ao = shared_ao.empty() ? post(ccg + "-ao", "Accountable Officer, " + ccg_name, model::PostRole::accountable_officer, {ccg}) : shared_ao;
        const std::string chair = post(ccg + "-chair", "Clinical Chair, " + ccg_name, model::PostRole::clinical_chair, {ccg});
        const std::string cfo = post(ccg + "-cfo", "Chief Finance Officer, " + ccg_name, model::PostRole::chief_finance_officer, {ccg});
        model::Body& gb = body(ccg + "-gb", ccg_name + " Governing Body", BK::governing_body, ccg, Layer::place,
                               plan_.organisations[index_of_organisation(ccg)].area);
        seat(gb, "", chair, "Clinical Chair");
        seat(gb, "", ao, "Accountable Officer");
        seat(gb, "", cfo, "Chief Finance Officer");
        gb.voting = model::VotingRule{model::VotingMethod::majority, "Governing Body members", "half the members, including a lay member", "", {}, ""};
        system.governing_bodies.push_back(gb.id);
        flow(FK::reports_to, gb.id, region_teams_[static_cast<std::size_t>(system.region)]);
      }
      for (const std::string& trust : system.trusts) {
        const std::string& trust_name = plan_.organisations[index_of_organisation(trust)].name;
        const std::string ceo = post(trust + "-ceo", "Chief Executive, " + trust_name, model::PostRole::chief_executive, {trust});
        model::Body& board = body(trust + "-board", trust_name + " Board", BK::board, trust, Layer::system, {system.id});
        seat(board, "", ceo, "Chief Executive");
      }
      for (std::size_t l = 0; l < system.las.size(); ++l) add_health_and_wellbeing_board(system, l);
      for (int p : system.places) add_place_bodies(system, places_[static_cast<std::size_t>(p)]);
      add_system_bodies(system);
    }
  }

  std::size_t index_of_organisation(const std::string& id) const {
    // Organisations are appended in order; a reverse scan finds local ones fast.
    for (std::size_t i = plan_.organisations.size(); i-- > 0;) {
      if (plan_.organisations[i].id == id) return i;
    }
    return 0;
  }

  void add_health_and_wellbeing_board(System& system, std::size_t l) {
    const std::string& la = system.las[l];
    const model::Organisation& council = plan_.organisations[index_of_organisation(la)];
    const std::string dph = post(la + "-dph", "Director of Public Health, " + council.name, model::PostRole::director, {la});
    const std::vector<std::string> area = council.area;
    model::Body& hwb = body(la + "-hwb", council.name + " Health and Wellbeing Board", model::BodyKind::health_and_wellbeing_board, la,
                            Layer::place, area);
    seat(hwb, la, "", "Council members");
    seat(hwb, "", dph, "Director of Public Health");
    seat(hwb, system.healthwatch[l], "", "Healthwatch");
    for (const Place& place : places_) {
      if (place.la == la && std::none_of(hwb.members.begin(), hwb.members.end(), [&](const model::Member& m) { return m.organisation == place.ccg; })) {
        seat(hwb, place.ccg, "", "CCG");
      }
    }
    hwb.voting = model::VotingRule{model::VotingMethod::majority, "members", "", "", {}, ""};
    flow(model::FlowKind::reports_to, hwb.id, la);
  }

  void add_place_bodies(System& system, const Place& place) {
    const std::string& town = place.town;
    model::Body& board = body(place.id + "-partnership", town + " Place Partnership Board", model::BodyKind::place_partnership, place.ccg,
                              Layer::place, {place.id});
    if (random_.chance(0.2)) board.status = model::Lifecycle::emerging;
    seat(board, place.ccg, "", "Commissioner");
    seat(board, place.la, "", "Local authority");
    for (const std::string& trust : system.trusts) {
      const auto& area = plan_.organisations[index_of_organisation(trust)].area;
      if (std::find(area.begin(), area.end(), place.id) != area.end() || std::find(area.begin(), area.end(), system.id) != area.end()) {
        seat(board, trust, "", "Provider");
      }
    }
    flow(model::FlowKind::represented_on, system.voluntary, board.id);
    const std::string board_id = board.id;
    model::Body& committee = body(place.id + "-icc", town + " Integrated Commissioning Committee", model::BodyKind::committee, place.ccg,
                                  Layer::place, {place.id});
    seat(committee, place.ccg, "", "CCG");
    seat(committee, place.la, "", "Local authority");
    committee.voting = model::VotingRule{model::VotingMethod::consensus, "CCG and council members", "", "", {}, ""};
    flow(model::FlowKind::delegates, place.ccg + "-gb", committee.id, {"community-services", "continuing-healthcare"});
    flow(model::FlowKind::delegates, place.la, committee.id, {"adult-social-care"});
    flow(model::FlowKind::reports_to, committee.id, place.ccg + "-gb");
    flow(model::FlowKind::advises, board_id, committee.id);
  }

  void add_system_bodies(System& system) {
    using BK = model::BodyKind;
    using FK = model::FlowKind;
    const std::string& lead = system.ccgs.front();
    const std::vector<std::string> footprint = {system.id};
    const std::string chair = post(system.id + "-chair", "Independent Chair, " + system.name + " Partnership", model::PostRole::independent_chair, {lead});
    model::Body& partnership = body(system.id + "-partnership-board", system.name + " Partnership Board", BK::partnership_board, lead,
                                    Layer::system, footprint);
    seat(partnership, "", chair, "Independent Chair");
    for (const auto* group : {&system.ccgs, &system.trusts, &system.las}) {
      for (const std::string& id : *group) seat(partnership, id, "", "Partner");
    }
    partnership.voting = model::VotingRule{model::VotingMethod::consensus, "partners", "", "", {}, ""};
    system.partnership_board = partnership.id;
    flow(FK::assures, region_teams_[static_cast<std::size_t>(system.region)], system.partnership_board);

    model::Body& executive = body(system.id + "-executive", system.name + " Executive Group", BK::executive_group, lead, Layer::system, footprint);
    for (const std::string& gb : system.governing_bodies) {
      const std::string ao = plan_.bodies[index_of_body(gb)].members[1].post;
      if (std::none_of(executive.members.begin(), executive.members.end(), [&](const model::Member& m) { return m.post == ao; })) {
        seat(executive, "", ao, "Accountable Officer");
      }
    }
    for (const std::string& trust : system.trusts) seat(executive, "", trust + "-ceo", "Chief Executive");
    system.executive_group = executive.id;
    flow(FK::reports_to, system.executive_group, system.partnership_board);

    model::Body& oversight = body(system.id + "-oversight", system.name + " Oversight and Assurance Group", BK::oversight_group, lead,
                                  Layer::system, footprint);
    seat(oversight, region_teams_[static_cast<std::size_t>(system.region)], "", "NHS England and NHS Improvement");
    seat(oversight, "", chair, "Independent Chair");
    flow(FK::reports_to, oversight.id, system.partnership_board);

    model::Body& forum = body(system.id + "-lay-forum", system.name + " Lay Partners' Forum", BK::lay_partners_forum, lead, Layer::system, footprint);
    for (const std::string& hw : system.healthwatch) seat(forum, hw, "", "Healthwatch", false);
    flow(FK::advises, forum.id, system.partnership_board);

    if (system.ccgs.size() > 1) add_joint_committee(system);
    if (system.acute_trusts.size() > 1) {
      model::Body& cic = body(system.id + "-cic", system.name + " Acute Providers' Committees in Common", BK::committees_in_common,
                              system.acute_trusts.front(), Layer::system, footprint);
      for (const std::string& trust : system.acute_trusts) {
        seat(cic, trust, "", "Trust board committee");
        flow(FK::reports_to, cic.id, trust + "-board");
      }
      cic.voting = model::VotingRule{model::VotingMethod::unanimous, "each trust's committee", "", "", {}, ""};
      flow(FK::reports_to, cic.id, system.executive_group);
    }
  }

  std::size_t index_of_body(const std::string& id) const {
    for (std::size_t i = plan_.bodies.size(); i-- > 0;) {
      if (plan_.bodies[i].id == id) return i;
    }
    return 0;
  }

  // A committee of each Governing Body, with delegated reviews; sometimes a
  // neighbouring system's CCG joins, as North Derbyshire and Wakefield did in SYB.
  void add_joint_committee(System& system) {
    const std::size_t index = static_cast<std::size_t>(&system - systems_.data());
    std::vector<std::string> members = system.governing_bodies;
    std::vector<std::string> footprint;
    for (int p : system.places) footprint.push_back(places_[static_cast<std::size_t>(p)].id);
    if (index + 1 < systems_.size() && random_.chance(0.2)) {
      const System& neighbour = systems_[index + 1];
      members.push_back(neighbour.ccgs.front() + "-gb");
      for (const Place& place : places_) {
        if (place.ccg == neighbour.ccgs.front()) footprint.push_back(place.id);
      }
    }
    model::Body& jc = body(system.id + "-jc", "Joint Committee of " + system.name + " CCGs", model::BodyKind::joint_committee,
                           system.ccgs.front(), Layer::system, footprint);
    if (random_.chance(0.5)) jc.status = model::Lifecycle::shadow;
    for (const std::string& gb : members) {
      const std::string ccg = gb.substr(0, gb.size() - 3);
      seat(jc, ccg, "", "CCG representative");
    }
    jc.voting = model::VotingRule{model::VotingMethod::majority, "CCG representatives", "one representative of each CCG", "", {}, ""};
    const std::string jc_id = jc.id;
    for (const std::string& gb : members) {
      flow(model::FlowKind::delegates, gb, jc_id, {"stroke-review", "childrens-surgery-review"});
      flow(model::FlowKind::reports_to, jc_id, gb);
    }
    flow(model::FlowKind::represented_on, system.healthwatch.front(), jc_id);
  }

  void add_programmes() {
    struct Spec { const char* key; const char* name; std::array<const char*, 2> workstreams; };
    static const std::array<Spec, 5> specs = {{
        {"uec", "Urgent and emergency care", {"Same-day emergency care", "NHS 111 and out of hours"}},
        {"elective", "Planned care", {"Outpatients", "Diagnostics"}},
        {"mental-health", "Mental health", {"Crisis care", "Children and young people"}},
        {"cancer", "Cancer", {"Early diagnosis", "Living with and beyond cancer"}},
        {"primary-community", "Primary and community care", {"Primary Care Networks", "Care at home"}},
    }};
    for (System& system : systems_) {
      for (const Spec& spec : specs) {
        const std::string id = system.id + "-" + spec.key;
        const std::string owner = random_.pick(system.ccgs);
        const std::string sro = post(id + "-sro", "Senior Responsible Owner, " + std::string(spec.name) + " (" + system.name + ")",
                                     model::PostRole::senior_responsible_owner, {owner});
        model::Body& board = body(id + "-board", system.name + " " + spec.name + " Programme Board", model::BodyKind::programme_board, owner,
                                  Layer::system, {system.id});
        seat(board, "", sro, "Senior Responsible Owner");
        for (const std::string& ccg : system.ccgs) seat(board, ccg, "", "Commissioner");
        for (const std::string& trust : system.trusts) seat(board, trust, "", "Provider");
        const std::string board_id = board.id;
        flow(model::FlowKind::reports_to, board_id, system.executive_group);
        model::Body& crg = body(id + "-crg", system.name + " " + spec.name + " Clinical Reference Group", model::BodyKind::clinical_reference_group,
                                owner, Layer::system, {system.id});
        for (const std::string& trust : system.acute_trusts) seat(crg, trust, "", "Clinicians", false);
        flow(model::FlowKind::advises, crg.id, board_id);

        model::Programme programme;
        programme.id = id;
        programme.name = std::string(spec.name) + " (" + system.name + ")";
        programme.sro = sro;
        programme.overseen_by = board_id;
        programme.footprint = {system.id};
        programme.spend = model::Money{static_cast<std::int64_t>(500 + random_.below(19500)) * 1000, std::nullopt, "2019/20", ""};
        plan_.programmes.push_back(std::move(programme));
        flow(model::FlowKind::approves, system.partnership_board, id);
        for (const std::string& gb : system.governing_bodies) flow(model::FlowKind::can_veto, gb, id);
        for (const char* workstream : spec.workstreams) {
          model::Programme w;
          w.id = id + "-" + slug(workstream);
          w.name = workstream;
          w.kind = model::ProgrammeKind::workstream;
          w.parent = id;
          w.lead_commissioner = random_.pick(system.ccgs);
          w.host_commissioner = random_.pick(system.ccgs);
          w.footprint = {system.id};
          plan_.programmes.push_back(std::move(w));
        }
      }
    }
  }

  static model::Command set(const std::string& id, const std::string& field, model::Json value) {
    model::Command c;
    c.op = model::CommandOp::set;
    c.id = id;
    c.field = field;
    c.value = std::move(value);
    return c;
  }

  static model::Command add(const std::string& collection, model::Json value) {
    model::Command c;
    c.op = model::CommandOp::add;
    c.collection = collection;
    c.value = std::move(value);
    return c;
  }

  static model::Milestone milestone(std::string id, std::string_view when, std::string label, std::vector<model::Command> changes) {
    model::Milestone m;
    m.id = std::move(id);
    m.date = date(when);
    m.label = std::move(label);
    m.changes = std::move(changes);
    return m;
  }

  void add_milestones() {
    static const std::array<const char*, 4> quarters = {"by 2019/20 Q3", "by 2019/20 Q4", "by 2020/21 Q1", "by 2020/21 Q2"};
    plan_.milestones.push_back(milestone("pcns-start", "2019-07-01", "Primary Care Networks begin", {}));
    for (const System& system : systems_) {
      std::vector<model::Command> emerging;
      for (int p : system.places) {
        const std::string board = places_[static_cast<std::size_t>(p)].id + "-partnership";
        if (plan_.bodies[index_of_body(board)].status == model::Lifecycle::emerging) emerging.push_back(set(board, "status", "established"));
      }
      if (!emerging.empty()) {
        plan_.milestones.push_back(milestone(system.id + "-places-established", quarters[static_cast<std::size_t>(random_.below(4))],
                                             system.name + ": every place partnership board established", std::move(emerging)));
      }
      const std::string jc = system.id + "-jc";
      if (system.ccgs.size() > 1 && plan_.bodies[index_of_body(jc)].status == model::Lifecycle::shadow) {
        plan_.milestones.push_back(milestone(system.id + "-jc-established", quarters[static_cast<std::size_t>(random_.below(4))],
                                             system.name + ": joint committee of CCGs established", {set(jc, "status", "established")}));
      }
    }
  }

  void add_options() {
    model::Criterion simpler{{"simpler", "", {}}, "Simpler decisions across each system", "", 2.0};
    model::Criterion local{{"local-voice", "", {}}, "Keeps a local clinical voice in each place", "", 1.5};
    model::Criterion saving{{"saving", "", {}}, "Saves running costs", "", 1.0};
    plan_.criteria = {simpler, local, saving};

    model::Option merge;
    merge.id = "merge-ccgs-2021";
    merge.title = "One CCG per system by April 2021";
    merge.status = model::OptionStatus::preferred;
    merge.decided_by = "nhs-england";
    merge.decision_note = "NHS England decides whether CCGs merge; the CCGs decide when.";
    merge.consultation = model::Period{date("2020-06-01"), date("2020-07-31")};
    merge.saving = model::Money{std::nullopt, 20.0, "per year", ""};
    merge.scores = {{"simpler", 4, ""}, {"local-voice", 2, ""}, {"saving", 4, ""}};

    model::Option icbs;
    icbs.id = "icbs-2022";
    icbs.title = "Integrated care boards replace CCGs in July 2022";
    icbs.decided_by = "nhs-england";
    icbs.scores = {{"simpler", 5, ""}, {"local-voice", 3, ""}, {"saving", 3, ""}};

    for (const System& system : systems_) {
      if (system.ccgs.size() > 1) {
        model::Organisation merged;
        merged.id = system.id + "-ccg";
        merged.name = "NHS " + system.name + " CCG";
        merged.kind = model::OrganisationKind::ccg;
        merged.statutory = true;
        merged.area = {system.id};
        std::vector<model::Command> changes = {add("organisations", model::write_object(merged))};
        for (const std::string& ccg : system.ccgs) {
          changes.push_back(set(ccg, "status", "merged"));
          changes.push_back(set(ccg, "successor", merged.id));
        }
        merge.steps.push_back(milestone(system.id + "-ccgs-merge", "2021-04-01", system.name + " CCGs merge", std::move(changes)));
      }
      model::Organisation icb;
      icb.id = system.id + "-icb";
      icb.name = "NHS " + system.name + " Integrated Care Board";
      icb.kind = model::OrganisationKind::icb;
      icb.statutory = true;
      icb.area = {system.id};
      std::vector<model::Command> changes = {add("organisations", model::write_object(icb))};
      for (const std::string& ccg : system.ccgs) {
        changes.push_back(set(ccg, "status", "dissolved"));
        changes.push_back(set(ccg, "successor", icb.id));
        changes.push_back(set(ccg, "succession", "replaced-by"));
      }
      icbs.steps.push_back(milestone(system.id + "-icb-takes-over", "2022-07-01", system.name + " Integrated Care Board takes over", std::move(changes)));
    }

    model::Option keep;
    keep.id = "keep-ccgs";
    keep.title = "Keep the CCGs as they are";
    keep.status = model::OptionStatus::rejected;
    keep.scores = {{"simpler", 1, ""}, {"local-voice", 5, ""}, {"saving", 1, ""}};
    plan_.options = {std::move(merge), std::move(icbs), std::move(keep)};
  }

  void add_glossary() {
    static const std::array<std::array<const char*, 3>, 8> entries = {{
        {"ccg", "CCG", "Clinical Commissioning Group: the NHS body that planned and bought local health services until July 2022."},
        {"icb", "ICB", "Integrated Care Board: the NHS body that took over from CCGs in July 2022."},
        {"pcn", "PCN", "Primary Care Network: GP practices working together, usually for 30,000 to 50,000 people."},
        {"ics", "ICS", "Integrated Care System: the NHS, councils and others planning together for a system."},
        {"hwb", "HWB", "Health and Wellbeing Board: the council's board where health and care leaders plan together."},
        {"sro", "SRO", "Senior Responsible Owner: the person accountable for a programme."},
        {"cic", "CiC", "Committees in common: committees of several organisations that meet together and decide the same things."},
        {"nhs", "NHS", "National Health Service."},
    }};
    for (const auto& [id, term, meaning] : entries) {
      model::GlossaryEntry entry;
      entry.id = std::string("glossary-") + id;
      entry.term = term;
      entry.meaning = meaning;
      plan_.glossary.push_back(std::move(entry));
    }
    model::Note note;
    note.id = "synthetic-note";
    note.title = "A synthetic plan";
    note.text = "Every name, code and figure in this plan is invented by planner-cli generate national (seed " + std::to_string(seed_) +
                "). It has the size and shape of England's health and care structures, for testing only.";
    note.evidence.certainty = model::Certainty::illustrative;
    plan_.notes.push_back(std::move(note));
  }
};

}  // namespace

model::Plan national_plan(std::uint64_t seed, const NationalShape& shape) { return Generator(seed, shape).run(); }

}  // namespace cli
