// The synthetic national plan: England's size and shape, valid, deterministic.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "analysis/plan_at.hpp"
#include "analysis/plan_warnings.hpp"
#include "cli/national_plan.hpp"
#include "io/plan_file.hpp"
#include "io/text_file.hpp"
#include "layout/governance_scene.hpp"
#include "model/json.hpp"
#include "plan_fixtures.hpp"

namespace {

std::size_t count_layer(const model::Plan& plan, model::Layer layer) {
  return static_cast<std::size_t>(std::count_if(plan.units.begin(), plan.units.end(), [&](const model::Unit& u) { return u.layer == layer; }));
}

template <typename T, typename Kind>
std::size_t count_kind(const std::vector<T>& items, Kind kind) {
  return static_cast<std::size_t>(std::count_if(items.begin(), items.end(), [&](const T& item) { return item.kind == kind; }));
}

bool is_trust(model::OrganisationKind kind) {
  using K = model::OrganisationKind;
  return kind == K::acute_trust || kind == K::mental_health_trust || kind == K::community_trust || kind == K::childrens_trust ||
         kind == K::ambulance_trust;
}

const model::Plan& national() {
  static const model::Plan plan = cli::national_plan(1);
  return plan;
}

}  // namespace

TEST_CASE("the national plan has England's numbers of units, organisations, bodies and flows") {
  const model::Plan& plan = national();
  CHECK(count_layer(plan, model::Layer::region) == 7);
  CHECK(count_layer(plan, model::Layer::system) == 42);
  CHECK(count_layer(plan, model::Layer::place) == 180);
  CHECK(count_layer(plan, model::Layer::pcn) == 1250);
  CHECK(count_layer(plan, model::Layer::practice) == 6300);
  CHECK(std::count_if(plan.organisations.begin(), plan.organisations.end(), [](const auto& o) { return is_trust(o.kind); }) == 220);
  CHECK(count_kind(plan.organisations, model::OrganisationKind::local_authority) == doctest::Approx(150).epsilon(0.1));
  CHECK(plan.bodies.size() == doctest::Approx(1500).epsilon(0.1));
  CHECK(plan.flows.size() == doctest::Approx(12000).epsilon(0.1));
  CHECK(plan.options.size() == 3);
  CHECK(plan.milestones.size() > 40);
}

TEST_CASE("the national plan is realistic in shape") {
  const model::Plan& plan = national();
  std::int64_t people = 0;
  for (const model::Unit& unit : plan.units) {
    if (unit.layer == model::Layer::practice) people += unit.registered_population.value_or(0);
  }
  CHECK(people == doctest::Approx(60'000'000).epsilon(0.1));  // England's registered patients, about 60 million in 2019

  // One governing body per CCG, hosted by it.
  std::map<std::string, int> governing_bodies;
  for (const model::Body& body : plan.bodies) {
    if (body.kind == model::BodyKind::governing_body) ++governing_bodies[body.hosts.at(0)];
  }
  for (const model::Organisation& org : plan.organisations) {
    if (org.kind == model::OrganisationKind::ccg) CHECK(governing_bodies[org.id] == 1);
  }

  // Joint committees have two or more CCG members, a voting rule, and delegations;
  // some reach across the system's edge.
  std::set<std::string> ccgs;
  for (const auto& org : plan.organisations) {
    if (org.kind == model::OrganisationKind::ccg) ccgs.insert(org.id);
  }
  std::size_t committees = 0;
  for (const model::Body& body : plan.bodies) {
    if (body.kind != model::BodyKind::joint_committee) continue;
    ++committees;
    CHECK(body.members.size() >= 2);
    CHECK(body.voting.has_value());
    CHECK(std::count_if(plan.flows.begin(), plan.flows.end(), [&](const model::Flow& f) {
            return f.kind == model::FlowKind::delegates && f.to == body.id;
          }) == static_cast<std::ptrdiff_t>(body.members.size()));
  }
  CHECK(committees > 20);
}

TEST_CASE("the national plan validates with no errors, and only band advice") {
  const model::Plan& plan = national();
  const std::string text = io::save_plan(plan);
  const io::LoadResult loaded = io::load_plan(text);
  REQUIRE(loaded.plan.has_value());
  CHECK(loaded.problems.count(model::Severity::error) == 0);
  CHECK(loaded.problems.count(model::Severity::warning) == 0);
  const model::Problems advice = analysis::plan_warnings(*loaded.plan);
  for (const model::Problem& problem : advice.list) {
    INFO(problem.message);
    CHECK(problem.message.find(" band of ") != std::string::npos);  // populations outside guidance; nothing broken
  }
  CHECK(*loaded.plan == plan);
}

TEST_CASE("the national plan's options apply in full") {
  const model::Plan& plan = national();
  const auto merged = analysis::plan_at(plan, {std::nullopt, "merge-ccgs-2021"});
  CHECK(merged.problems.list.empty());
  const auto icbs = analysis::plan_at(plan, {std::nullopt, "icbs-2022"});
  CHECK(icbs.problems.list.empty());
  CHECK(count_kind(icbs.plan.organisations, model::OrganisationKind::icb) == 42);
  CHECK(analysis::check_all_changes(plan).list.empty());
  model::Plan checked_in_place = plan;  // as the page checks it, on every open and edit
  CHECK(analysis::check_all_changes_in_place(checked_in_place).list.empty());
  CHECK(checked_in_place == plan);
  // Every option's 400 or so changes (adds, removals, moves), undone unchecked, leave England as it was.
  fixtures::check_undone_after_every_change(plan);
}

TEST_CASE("the same seed gives the same plan; another seed another") {
  CHECK(io::save_plan(cli::national_plan(7)) == io::save_plan(cli::national_plan(7)));
  CHECK(io::save_plan(cli::national_plan(7)) != io::save_plan(cli::national_plan(8)));
}

TEST_CASE("a smaller shape gives a smaller plan of the same form") {
  const model::Plan plan = cli::national_plan(3, {2, 4, 12, 60, 300, 20, 10});
  CHECK(count_layer(plan, model::Layer::practice) == 300);
  CHECK(count_layer(plan, model::Layer::pcn) == 60);
  CHECK(count_layer(plan, model::Layer::place) == 12);
  CHECK(io::load_plan(io::save_plan(plan)).plan.has_value());
}

TEST_CASE("the national governance drawing leaves its crossings to be counted when asked, and they are those of its lines") {
  layout::Scene scene = layout::build_governance_scene(national());
  CHECK_FALSE(scene.crossings.has_value());  // too large for the layout to weigh them
  const layout::BlockDrawing drawing = layout::block_layout(layout::governance_graph(national()).blocks);
  CHECK_FALSE(drawing.crossings.has_value());
  layout::count_unknown_crossings(scene);
  REQUIRE(scene.crossings.has_value());
  CHECK(*scene.crossings == layout::count_crossings(drawing.links));
  CHECK(*scene.crossings > 0);
  CHECK(scene.input_order_crossings == scene.crossings);
}

TEST_CASE("a saved plan is what nlohmann's writer makes of the same values, for England and every example") {
  // Saving writes strings with model::append_json: reading the text back and
  // writing it with nlohmann's own writer must give the same bytes.
  const auto same_as_nlohmanns = [](const std::string& saved) {
    return model::Json::parse(saved).dump(2, ' ', false, model::Json::error_handler_t::replace) + "\n" == saved;
  };
  CHECK(same_as_nlohmanns(io::save_plan(national())));
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PLANNER_SOURCE_DIR) + "/assets/examples")) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path().filename().string());
    const io::TextFile file = io::read_text_file(entry.path().string(), 1 << 24);
    REQUIRE(file.ok);
    const io::LoadResult loaded = io::load_plan(file.text);
    REQUIRE(loaded.plan);
    CHECK(same_as_nlohmanns(io::save_plan(*loaded.plan)));
  }
}
