// Importing NHS files into a plan: new units and CCGs, updates by code,
// places for CCGs, and every skipped row reported.
#include <doctest/doctest.h>

#include <algorithm>

#include "io/nhs_import.hpp"
#include "io/plan_file.hpp"
#include "io/text_file.hpp"
#include "model/command.hpp"
#include "plan_fixtures.hpp"

namespace {

std::string fixture(const std::string& name) {
  const io::TextFile file = io::read_text_file(std::string(PLANNER_TEST_DATA) + "/nhs/" + name, 1 << 24);
  REQUIRE_MESSAGE(file.ok, file.error);
  return file.text;
}

const model::Unit* unit_with_code(const model::Plan& plan, const std::string& code) {
  for (const model::Unit& unit : plan.units) {
    if (unit.code == code) return &unit;
  }
  return nullptr;
}

model::Plan apply(model::Plan plan, const io::ImportPlan& planned) {
  const model::ApplyResult result = model::apply_command(plan, planned.command);
  for (const model::Problem& p : result.problems.list) FAIL_CHECK(model::format_problem(p));
  REQUIRE(result.ok);
  return plan;
}

}  // namespace

TEST_CASE("practices, PCN membership and list sizes make PCNs under a place per CCG, and CCGs whose area is their practices") {
  io::ImportFiles files;
  files.pcn_members = io::read_pcn_member_file(fixture("ePCN-core-partners_2019-12_first-40.csv"));
  files.list_sizes = io::read_list_size_file(fixture("gp-list-sizes_2021-01_first-30.csv"));
  model::Plan empty;
  empty.name = "Imported";
  const io::ImportPlan planned = io::plan_import(empty, files);
  const model::Plan plan = apply(empty, planned);
  const model::Unit* practice = unit_with_code(plan, "C85001");
  REQUIRE(practice);
  CHECK(practice->name == "Goldthorpe Medical Centre PMS Practice");
  CHECK(practice->registered_population == 4371);
  const model::Unit* pcn = unit_with_code(plan, "U16464");
  REQUIRE(pcn);
  CHECK(practice->parent == pcn->id);
  CHECK(pcn->name == "Barnsley PCN");
  const auto place = std::find_if(plan.units.begin(), plan.units.end(), [&](const model::Unit& u) { return u.id == pcn->parent; });
  REQUIRE(place != plan.units.end());
  CHECK(place->layer == model::Layer::place);
  CHECK(place->name == "Barnsley");
  const auto ccg = std::find_if(plan.organisations.begin(), plan.organisations.end(), [](const model::Organisation& o) { return o.code == "02P"; });
  REQUIRE(ccg != plan.organisations.end());
  CHECK(ccg->name == "NHS Barnsley CCG");
  CHECK(std::find(ccg->area.begin(), ccg->area.end(), practice->id) != ccg->area.end());
  CHECK(planned.report.places_added >= 1);
  CHECK(planned.report.summary().find("not yet in any system") != std::string::npos);
  CHECK(io::load_plan(io::save_plan(plan)).plan.has_value());
}

TEST_CASE("importing into a plan updates units that carry the code, and uses the place the plan maps to the CCG") {
  const model::Plan into = fixtures::load(R"json({"schemaVersion": "1.0", "name": "Barnsley",
    "units": [{"id": "syb", "name": "SYB", "layer": "system"},
              {"id": "barnsley", "name": "Barnsley", "layer": "place", "parent": "syb"},
              {"id": "goldthorpe", "name": "Old Name", "layer": "practice", "code": "C85001", "parent": "barnsley", "registeredPopulation": 1}],
    "organisations": [{"id": "barnsley-ccg", "name": "NHS Barnsley CCG", "kind": "ccg", "code": "02P", "area": ["barnsley"]}]})json");
  io::ImportFiles files;
  files.pcn_members = io::read_pcn_member_file(fixture("ePCN-core-partners_2019-12_first-40.csv"));
  files.list_sizes = io::read_list_size_file(fixture("gp-list-sizes_2021-01_first-30.csv"));
  const io::ImportPlan planned = io::plan_import(into, files);
  const model::Plan plan = apply(into, planned);
  const model::Unit* practice = unit_with_code(plan, "C85001");
  CHECK(practice->id == "goldthorpe");  // updated, not duplicated
  CHECK(practice->name == "Goldthorpe Medical Centre PMS Practice");
  CHECK(practice->registered_population == 4371);
  CHECK(unit_with_code(plan, "U16464")->parent == "barnsley");  // the plan's place for CCG 02P
  CHECK(std::count_if(plan.units.begin(), plan.units.end(), [](const model::Unit& u) { return u.code == "C85001"; }) == 1);
  CHECK(planned.report.practices_updated == 1);
  // The import is one command: undoing it restores the plan exactly.
  model::Plan undone = plan;
  model::ApplyResult again = model::apply_command(undone = into, planned.command);
  REQUIRE(again.ok);
  REQUIRE(model::apply_command(undone, again.inverse).ok);
  CHECK(undone == into);
}

TEST_CASE("rows that cannot be used are reported with file, line, code and reason; nothing usable is nothing imported") {
  io::ImportFiles files;
  files.practices = io::read_practice_file(fixture("epraccur_2019-11_sample.csv"));
  files.practices_name = "epraccur.csv";
  files.pcn_members = io::read_pcn_member_file(fixture("ePCN-core-partners_2019-12_first-40.csv"));
  files.pcn_members_name = "epcn.csv";
  const io::ImportPlan planned = io::plan_import(model::Plan{}, files);
  const std::string summary = planned.report.summary();
  CHECK(summary.find("epraccur.csv line 4 (") != std::string::npos);
  CHECK(summary.find("epcn.csv line 2 (C85001): not an open GP practice in epraccur.csv") != std::string::npos);
  CHECK(planned.report.practices_added == 42);
  CHECK(planned.report.pcns_added == 0);
  io::ImportFiles nothing;
  nothing.practices = io::read_practice_file("\"X1\",\"CLOSED\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"C\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"4\",\"\"\n");
  CHECK(io::plan_import(model::Plan{}, nothing).report.imported() == 0);
}

TEST_CASE("an empty file can be read and holds nothing: an empty practice file imports nothing, an empty PCN or list-size file is left out and named") {
  for (const char* text : {"", "\n\n", "\r\n  \r\n", "\xEF\xBB\xBF"}) {
    CAPTURE(text);
    const io::PracticeFile practices = io::read_practice_file(text);
    CHECK(practices.error.empty());
    CHECK(practices.empty);
    const io::PcnMemberFile members = io::read_pcn_member_file(text);
    CHECK(members.error.empty());
    CHECK(members.empty);
    const io::ListSizeFile sizes = io::read_list_size_file(text);
    CHECK(sizes.error.empty());
    CHECK(sizes.empty);
  }
  io::ImportFiles none;
  none.practices = io::read_practice_file("");
  none.practices_name = "epraccur.csv";
  const io::ImportPlan nothing = io::plan_import(model::Plan{}, none);
  CHECK(nothing.report.imported() == 0);
  CHECK(nothing.report.summary().find("Nothing in epraccur.csv: the file is empty") != std::string::npos);

  io::ImportFiles files;
  files.practices = io::read_practice_file(fixture("epraccur_2026_excerpt.csv"));
  files.pcn_members = io::read_pcn_member_file("\n");
  files.pcn_members_name = "epcn.csv";
  files.list_sizes = io::read_list_size_file("");
  files.list_sizes_name = "sizes.csv";
  const io::ImportPlan planned = io::plan_import(model::Plan{}, files);
  CHECK(planned.report.practices_added > 0);
  CHECK(planned.report.populations == 0);
  const std::string summary = planned.report.summary();
  CHECK(summary.find("Nothing in epcn.csv: the file is empty") != std::string::npos);
  CHECK(summary.find("Nothing in sizes.csv: the file is empty") != std::string::npos);
}

TEST_CASE("published names in capitals read as people write them") {
  CHECK(io::title_case("DR KHAN & PARTNERS") == "Dr Khan & Partners");
  CHECK(io::title_case("THE WBC (HEREFORD CITY) PCN") == "The WBC (Hereford City) PCN");
  CHECK(io::title_case("WEOBLEY & STAUNTON ON WYE SURGERIES") == "Weobley & Staunton on Wye Surgeries");
  CHECK(io::title_case("NHS BARNSLEY CCG") == "NHS Barnsley CCG");
  CHECK(io::title_case("MCKENZIE HOUSE") == "McKenzie House");
}
