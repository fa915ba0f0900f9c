// The example plans in assets/examples/: each opens with no errors, its only
// advice is what its document and the real data imply, and the facts a
// person who sat on those boards would look for are there.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "analysis/plan_at.hpp"
#include "analysis/plan_warnings.hpp"
#include "io/plan_file.hpp"
#include "io/text_file.hpp"

namespace {

const std::vector<std::string> example_names = {"syb-working-together-2013", "ncl-collaboration-2015", "syb-acs-mou-2017",
                                                "nwl-collaboration-2018", "herefordshire-worcestershire-2019"};

model::Plan load_example(const std::string& name) {
  const std::string path = std::string(PLANNER_SOURCE_DIR) + "/assets/examples/" + name + ".json";
  const io::TextFile file = io::read_text_file(path, io::max_plan_bytes);
  REQUIRE_MESSAGE(file.ok, file.error);
  io::LoadResult loaded = io::load_plan(file.text);
  for (const model::Problem& problem : loaded.problems.list) FAIL_CHECK(name << ": " << model::format_problem(problem));
  REQUIRE(loaded.plan.has_value());
  return *loaded.plan;
}

template <typename T>
const T& find(const std::vector<T>& items, const std::string& id) {
  const auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  REQUIRE_MESSAGE(it != items.end(), "no entry " << id);
  return *it;
}

template <typename T, typename Pred>
std::size_t count(const std::vector<T>& items, Pred pred) {
  return static_cast<std::size_t>(std::count_if(items.begin(), items.end(), pred));
}

std::size_t units_at(const model::Plan& plan, model::Layer layer, const std::string& parent = "") {
  return count(plan.units, [&](const model::Unit& u) { return u.layer == layer && (parent.empty() || u.parent == parent); });
}

std::size_t ccgs(const model::Plan& plan) {
  return count(plan.organisations, [](const model::Organisation& o) { return o.kind == model::OrganisationKind::ccg; });
}

std::set<std::string> delegators_to(const model::Plan& plan, const std::string& body, const std::string& function) {
  std::set<std::string> from;
  for (const model::Flow& flow : plan.flows) {
    if (flow.kind == model::FlowKind::delegates && flow.to == body &&
        std::find(flow.functions.begin(), flow.functions.end(), function) != flow.functions.end()) {
      from.insert(flow.from);
    }
  }
  return from;
}

std::int64_t day(int y, int m, int d) { return model::days_from_civil(y, m, d); }

}  // namespace

TEST_CASE("every example opens with no errors, and its only advice is about population bands") {
  for (const std::string& name : example_names) {
    CAPTURE(name);
    const model::Plan plan = load_example(name);
    for (const model::Problem& problem : analysis::plan_warnings(plan).list) {
      CAPTURE(problem.message);
      CHECK(problem.message.find(" band of ") != std::string::npos);  // real practices and PCNs outside the guidance
    }
    CHECK(analysis::check_all_changes(plan).list.empty());
    model::Plan checked_in_place = plan;
    CHECK(analysis::check_all_changes_in_place(checked_in_place).list.empty());
    CHECK(checked_in_place == plan);  // every option's changes applied and undone
  }
}

TEST_CASE("every example has real practices in real PCNs, from NHS Digital's data") {
  for (const std::string& name : example_names) {
    CAPTURE(name);
    const model::Plan plan = load_example(name);
    const std::regex ods_practice("[A-Y][0-9]{5}");
    const std::regex ods_pcn("U[0-9]{5}");
    std::size_t with_list = 0;
    for (const model::Unit& unit : plan.units) {
      if (unit.layer == model::Layer::practice) {
        CHECK(std::regex_match(unit.code, ods_practice));
        CHECK(find(plan.units, unit.parent).layer == model::Layer::pcn);
        if (unit.registered_population) ++with_list;
      }
      if (unit.layer == model::Layer::pcn) {
        CHECK(std::regex_match(unit.code, ods_pcn));
        CHECK(find(plan.units, unit.parent).layer == model::Layer::place);
      }
    }
    CHECK(units_at(plan, model::Layer::pcn) > 0);
    CHECK(with_list > 0);
    CHECK(find(plan.sources, "nhs-digital-epcn-2019-12").publisher == "NHS Digital");
    CHECK(find(plan.notes, "nhs-data-note").text.find("December 2019") != std::string::npos);
  }
}

TEST_CASE("every acronym in an example's names is in its glossary") {
  const std::regex acronym(R"(\b[A-Z][A-Za-z]*[A-Z]+s?\b)");  // CCG, CCGs, ACP, CiC, NHS...
  for (const std::string& name : example_names) {
    CAPTURE(name);
    const model::Plan plan = load_example(name);
    std::set<std::string> terms;
    for (const auto& entry : plan.glossary) terms.insert(entry.term);
    std::vector<std::string> texts;
    for (const auto& o : plan.organisations) texts.push_back(o.name), texts.push_back(o.short_name);
    for (const auto& b : plan.bodies) texts.push_back(b.name), texts.push_back(b.short_name);
    for (const auto& p : plan.programmes) texts.push_back(p.name);
    for (const auto& f : plan.functions) texts.push_back(f.name);
    for (const auto& o : plan.options) texts.push_back(o.title);
    for (const std::string& text : texts) {
      for (std::sregex_iterator it(text.begin(), text.end(), acronym), end; it != end; ++it) {
        std::string word = it->str();
        if (word.size() > 2 && word.back() == 's') word.pop_back();  // CCGs -> CCG
        const bool upper = std::all_of(word.begin(), word.end(), [](char c) { return !std::islower(static_cast<unsigned char>(c)); }) ||
                           word == "CiC";
        if (!upper || word.size() < 2) continue;
        CAPTURE(text);
        CHECK_MESSAGE(terms.count(word) == 1, word << " is not in the glossary");
      }
    }
  }
}

TEST_CASE("SYB 2017: five places, the joint committee of seven CCGs and its two delegated reviews") {
  const model::Plan plan = load_example("syb-acs-mou-2017");
  CHECK(plan.as_of == model::parse_plan_date("2017-06").date);
  CHECK(units_at(plan, model::Layer::place, "syb") == 5);
  for (const char* place : {"barnsley", "bassetlaw", "doncaster", "rotherham", "sheffield"}) {
    CHECK(find(plan.units, place).parent == "syb");
    CHECK(units_at(plan, model::Layer::pcn, place) > 0);
  }
  // North Derbyshire and Wakefield sit outside the system, in neighbouring ones.
  CHECK(find(plan.units, "wakefield").parent != "syb");
  CHECK(find(plan.units, "north-derbyshire").parent != "syb");
  CHECK(ccgs(plan) == 7);
  CHECK(find(plan.organisations, "sheffield-ccg").code == "03N");

  const model::Body& jc = find(plan.bodies, "jc-ccgs");
  CHECK(jc.kind == model::BodyKind::joint_committee);
  REQUIRE(jc.voting.has_value());
  CHECK(jc.voting->method == model::VotingMethod::majority);
  CHECK(jc.voting->evidence.certainty == model::Certainty::assumed);  // the MoU does not state it
  const std::set<std::string> governing_bodies = {"barnsley-gb", "bassetlaw-gb", "doncaster-gb", "rotherham-gb", "sheffield-gb",
                                                  "north-derbyshire-gb", "wakefield-gb"};
  CHECK(delegators_to(plan, "jc-ccgs", "hasu-review") == governing_bodies);
  CHECK(delegators_to(plan, "jc-ccgs", "childrens-surgery-review") == governing_bodies);

  // The acute providers' committees in common reach Chesterfield and Mid Yorkshire.
  const model::Body& cic = find(plan.bodies, "cic");
  CHECK(cic.kind == model::BodyKind::committees_in_common);
  const auto member = [&](const std::string& id) {
    return std::any_of(cic.members.begin(), cic.members.end(), [&](const model::Member& m) { return m.organisation == id; });
  };
  CHECK(member("chesterfield-fth"));
  CHECK(member("mid-yorks"));

  // Parties to and partners in the agreement (MoU 2.4, 2.5).
  CHECK(find(plan.organisations, "barnsley-ccg").partnership == model::PartnershipRole::party_to);
  CHECK(find(plan.organisations, "sheffield-council").partnership == model::PartnershipRole::partner_in);
  CHECK(count(plan.bodies, [](const model::Body& b) { return b.kind == model::BodyKind::place_partnership; }) == 5);
  CHECK(find(plan.bodies, "oag").kind == model::BodyKind::oversight_group);
  CHECK(find(plan.bodies, "cpb").kind == model::BodyKind::partnership_board);
  CHECK(find(plan.bodies, "stp-esg-former").successor == "esg");  // the Executive Steering Group combines two groups
  CHECK(find(plan.functions, "specialised-syb").max_population == 2500000);
  CHECK(plan.principles.size() >= 5);

  // By April 2018 the accountable care partnerships are legally constituted.
  const auto march = analysis::plan_at(plan, {day(2018, 3, 1), ""}).plan;
  const auto may = analysis::plan_at(plan, {day(2018, 5, 1), ""}).plan;
  CHECK(count(march.bodies, [](const model::Body& b) { return b.status == model::Lifecycle::legally_constituted; }) == 0);
  CHECK(count(may.bodies, [](const model::Body& b) { return b.status == model::Lifecycle::legally_constituted; }) == 5);
}

TEST_CASE("Herefordshire and Worcestershire 2019: four CCGs over two places, the merger options") {
  const model::Plan plan = load_example("herefordshire-worcestershire-2019");
  CHECK(plan.bands.practice == model::Band{1000, 10000});
  CHECK(plan.bands.pcn == model::Band{30000, 50000});
  CHECK(plan.bands.place == model::Band{100000, 500000});
  CHECK(units_at(plan, model::Layer::place) == 2);
  CHECK(ccgs(plan) == 4);
  CHECK(units_at(plan, model::Layer::pcn, "herefordshire") == 5);  // Herefordshire's five PCNs
  CHECK(find(plan.organisations, "herefordshire-ccg").area == std::vector<std::string>{"herefordshire"});
  // The three Worcestershire CCGs share the place, so each covers its own PCNs there.
  for (const char* id : {"redditch-bromsgrove-ccg", "south-worcestershire-ccg", "wyre-forest-ccg"}) {
    for (const std::string& unit : find(plan.organisations, id).area) CHECK(find(plan.units, unit).parent == "worcestershire");
  }

  const model::Option& preferred = find(plan.options, "merge-2020");
  CHECK(preferred.status == model::OptionStatus::preferred);
  CHECK(preferred.decided_by == "nhs-england");
  REQUIRE(preferred.consultation.has_value());
  CHECK(model::format_plan_date(preferred.consultation->start) == "2019-06-01");
  CHECK(model::format_plan_date(preferred.consultation->end) == "2019-06-30");
  REQUIRE(preferred.saving.has_value());
  CHECK(preferred.saving->amount == 2000000);
  CHECK(preferred.saving->percent == 20.0);
  CHECK(find(plan.options, "merge-2021").status == model::OptionStatus::proposed);
  CHECK(find(plan.options, "no-merger").status == model::OptionStatus::rejected);
  CHECK_FALSE(preferred.advantages.empty());
  CHECK_FALSE(preferred.disadvantages.empty());

  // Under the preferred option the four CCGs have merged into one by April 2020.
  const auto merged = analysis::plan_at(plan, {day(2020, 4, 2), "merge-2020"}).plan;
  for (const char* id : {"herefordshire-ccg", "redditch-bromsgrove-ccg", "south-worcestershire-ccg", "wyre-forest-ccg"}) {
    CHECK(find(merged.organisations, id).status == model::Lifecycle::merged);
    CHECK(find(merged.organisations, id).successor == "hw-ccg");
  }
  const auto before = analysis::plan_at(plan, {day(2020, 3, 31), "merge-2020"}).plan;
  CHECK(find(before.organisations, "herefordshire-ccg").status == model::Lifecycle::established);
}

TEST_CASE("North West London 2018: eight CCGs, a shadow joint committee, one AO and CFO for all eight") {
  const model::Plan plan = load_example("nwl-collaboration-2018");
  CHECK(ccgs(plan) == 8);
  CHECK(units_at(plan, model::Layer::place, "nwl") == 8);
  CHECK(find(plan.organisations, "central-london-ccg").code == "09A");
  const model::Body& jc = find(plan.bodies, "nwl-jc");
  CHECK(jc.kind == model::BodyKind::joint_committee);
  CHECK(jc.status == model::Lifecycle::shadow);
  const auto seat = [&](const std::string& who) {
    return std::find_if(jc.members.begin(), jc.members.end(), [&](const model::Member& m) { return m.organisation == who || m.post == who; });
  };
  CHECK(std::count_if(jc.members.begin(), jc.members.end(), [](const model::Member& m) { return m.voting && !m.organisation.empty(); }) == 8);
  REQUIRE(seat("jc-healthwatch") != jc.members.end());
  CHECK_FALSE(seat("jc-healthwatch")->voting);  // Healthwatch sits on it without a vote

  // The programme board replaces the steering group.
  CHECK(find(plan.bodies, "cdp-steering-group").successor == "cdp-board");
  CHECK(find(plan.bodies, "cdp-board").kind == model::BodyKind::programme_board);
  // A single Accountable Officer and Chief Finance Officer across the eight CCGs.
  CHECK(find(plan.posts, "nwl-ao").organisations.size() == 8);
  CHECK(find(plan.posts, "nwl-cfo").organisations.size() == 8);
  CHECK(find(plan.programmes, "diabetes-investment").spend->amount == 2900000);
  CHECK(find(plan.programmes, "mh-transformation").spend->amount == 1500000);

  // Nothing is delegated to the joint committee yet; the delegations come later.
  CHECK(delegators_to(plan, "nwl-jc", "acute-commissioning").empty());
  const auto later = analysis::plan_at(plan, {std::nullopt, ""}).plan;
  CHECK(delegators_to(later, "nwl-jc", "acute-commissioning").size() == 8);
  CHECK(find(later.bodies, "nwl-jc").status == model::Lifecycle::established);
}

TEST_CASE("North Central London 2015: five CCGs, four programmes with SROs, federation or joint committee") {
  const model::Plan plan = load_example("ncl-collaboration-2015");
  CHECK(ccgs(plan) == 5);
  CHECK(units_at(plan, model::Layer::place, "ncl") == 5);
  CHECK(find(plan.organisations, "islington-ccg").code == "08H");
  for (const char* programme : {"acute-redesign", "mental-health", "pathways", "system-enablers"}) {
    CAPTURE(programme);
    const model::Programme& p = find(plan.programmes, programme);
    CHECK(find(plan.posts, p.sro).role == model::PostRole::senior_responsible_owner);
    CHECK(p.overseen_by == "collab-board");
  }
  CHECK(find(plan.programmes, "joint-programmes").spend->amount == 250000000);  // six programmes, £250m

  // The document's five criteria; weights and scores are marked illustrative.
  REQUIRE(plan.criteria.size() == 5);
  for (const model::Criterion& criterion : plan.criteria) CHECK(criterion.evidence.certainty == model::Certainty::illustrative);
  const model::Option& federation = find(plan.options, "federation");
  const model::Option& committee = find(plan.options, "joint-committee");
  CHECK(federation.scores.size() == 5);
  CHECK(committee.scores.size() == 5);
  CHECK_FALSE(federation.advantages.empty());
  CHECK_FALSE(committee.disadvantages.empty());

  // Each option's steps build its body and the five Governing Bodies' delegations to it.
  const auto with_federation = analysis::plan_at(plan, {std::nullopt, "federation"}).plan;
  CHECK(find(with_federation.bodies, "fed-exec").kind == model::BodyKind::federation_executive);
  CHECK(delegators_to(with_federation, "fed-exec", "hospital-commissioning").size() == 5);
  const auto with_committee = analysis::plan_at(plan, {std::nullopt, "joint-committee"}).plan;
  CHECK(find(with_committee.bodies, "ncl-jc").voting->method == model::VotingMethod::majority);
  CHECK(delegators_to(with_committee, "ncl-jc", "ncl-strategic-decisions").size() == 5);
  CHECK(delegators_to(plan, "ncl-jc", "ncl-strategic-decisions").empty());  // not in the baseline
}

TEST_CASE("SYB Working Together 2013: ten CCGs and the area team, the steering group, commissioners' veto") {
  const model::Plan plan = load_example("syb-working-together-2013");
  CHECK(ccgs(plan) == 10);
  CHECK(find(plan.organisations, "area-team").kind == model::OrganisationKind::nhs_england_region);
  // The footprint: SYB, North Derbyshire and Mid Yorkshire.
  CHECK(find(plan.units, "footprint").layer == model::Layer::region);
  CHECK(units_at(plan, model::Layer::system, "footprint") == 3);
  CHECK(units_at(plan, model::Layer::place, "syb") == 5);
  CHECK(units_at(plan, model::Layer::pcn, "wakefield") > 0);

  const model::Body& steering = find(plan.bodies, "steering-group");
  CHECK(steering.kind == model::BodyKind::steering_group);
  CHECK(steering.status == model::Lifecycle::proposed);
  CHECK(steering.members.size() == 11);  // SYCOM's five CCGs and the area team, and the five other CCGs
  CHECK(count(plan.bodies, [](const model::Body& b) { return b.kind == model::BodyKind::clinical_reference_group; }) == 10);
  CHECK(count(plan.programmes, [](const model::Programme& p) { return p.kind == model::ProgrammeKind::workstream; }) == 10);

  // Every Governing Body and the Area Team Management Board keep the final say;
  // every commissioner can veto projects.
  std::size_t approvals = 0, vetoes = 0, recommendations = 0;
  for (const model::Flow& flow : plan.flows) {
    if (flow.kind == model::FlowKind::approves && flow.to == "working-together") ++approvals;
    if (flow.kind == model::FlowKind::can_veto && flow.to == "working-together") ++vetoes;
    if (flow.kind == model::FlowKind::recommends && flow.from == "steering-group") ++recommendations;
  }
  CHECK(approvals == 11);
  CHECK(vetoes == 11);
  CHECK(recommendations == 11);
  CHECK(find(plan.posts, "sheffield-chief-officer").holder == "Ian Atkinson");
  // If the July boards agree, the steering group is established.
  CHECK(find(analysis::plan_at(plan, {day(2013, 8, 1), ""}).plan.bodies, "steering-group").status == model::Lifecycle::established);
}
