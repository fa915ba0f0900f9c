// Every kind of command, applied and undone by its inverse.
#include <doctest/doctest.h>

#include "model/command.hpp"
#include "model/history.hpp"
#include "plan_fixtures.hpp"

using model::Json;

namespace {

// Applies a command, checks it worked, applies its inverse and checks the
// plan is back exactly as it was.
model::Plan apply_and_undo(const model::Plan& start, const model::Command& command) {
  model::Plan plan = start;
  const model::ApplyResult result = model::apply_command(plan, command);
  for (const auto& problem : result.problems.list) INFO(model::format_problem(problem));
  REQUIRE(result.ok);
  model::Plan changed = plan;
  const model::ApplyResult undone = model::apply_command(plan, result.inverse);
  REQUIRE(undone.ok);
  CHECK(plan == start);
  return changed;
}

std::string first_problem(const model::ApplyResult& result) {
  return result.problems.list.empty() ? "" : model::format_problem(result.problems.list.front());
}

}  // namespace

TEST_CASE("add puts a new entry where asked and its inverse removes it") {
  const model::Plan start = fixtures::load(fixtures::small_system);
  const model::Plan changed = apply_and_undo(
      start, model::add_command("units", Json{{"id", "gp-4"}, {"name", "Practice Four"}, {"layer", "practice"}, {"parent", "pcn-2"}}, 2));
  REQUIRE(changed.units.size() == start.units.size() + 1);
  CHECK(changed.units[2].id == "gp-4");
  CHECK(changed.units[2].parent == "pcn-2");
}

TEST_CASE("add refuses a duplicate id, a bad entry or a broken reference, and changes nothing") {
  model::Plan plan = fixtures::load(fixtures::small_system);
  const model::Plan before = plan;
  auto duplicate = model::apply_command(plan, model::add_command("units", Json{{"id", "gp-1"}, {"name", "Again"}, {"layer", "practice"}}));
  CHECK_FALSE(duplicate.ok);
  CHECK(first_problem(duplicate) == "/value/id: the id \"gp-1\" is already used by the unit at /units/4");
  auto bad = model::apply_command(plan, model::add_command("units", Json{{"id", "n"}, {"layer", "sideways"}}));
  CHECK_FALSE(bad.ok);
  CHECK(bad.problems.list.size() == 2);  // missing name and unknown layer
  auto dangling = model::apply_command(plan, model::add_command("flows", Json{{"id", "f"}, {"kind", "advises"}, {"from", "jc"}, {"to", "ghost"}}));
  CHECK_FALSE(dangling.ok);
  CHECK(first_problem(dangling).find("/value/to: refers to \"ghost\"") == 0);
  auto collection = model::apply_command(plan, model::add_command("widgets", Json::object()));
  CHECK(first_problem(collection) == "/collection: \"widgets\" is not a collection of the plan");
  CHECK(plan == before);
}

TEST_CASE("remove takes an entry out; its inverse puts it back in the same place") {
  const model::Plan start = fixtures::load(fixtures::small_system);
  const model::Plan changed = apply_and_undo(start, model::remove_command("jc-reports"));
  CHECK(changed.flows.size() == start.flows.size() - 1);
}

TEST_CASE("remove refuses while others still refer to the entry") {
  model::Plan plan = fixtures::load(fixtures::small_system);
  const model::Plan before = plan;
  const auto result = model::apply_command(plan, model::remove_command("jc"));
  CHECK_FALSE(result.ok);
  CHECK(first_problem(result) ==
        "/id: cannot remove the body at /bodies/0 (\"jc\"): it is still referred to at /flows/1/to, /flows/2/from; "
        "change or remove those first");
  CHECK(first_problem(model::apply_command(plan, model::remove_command("nobody"))) == "/id: nothing in the plan has the id \"nobody\"");
  CHECK(plan == before);
}

TEST_CASE("set changes one field and its inverse restores the old value, including clearing") {
  const model::Plan start = fixtures::load(fixtures::small_system);
  CHECK(apply_and_undo(start, model::set_command("jc", "status", "shadow")).bodies[0].status == model::Lifecycle::shadow);
  CHECK(apply_and_undo(start, model::set_command("gp-1", "registeredPopulation", 9100)).units[4].registered_population == 9100);
  CHECK_FALSE(apply_and_undo(start, model::set_command("gp-1", "registeredPopulation", nullptr)).units[4].registered_population);
  CHECK(apply_and_undo(start, model::set_command("gp-3", "registeredPopulation", 4000)).units[6].registered_population == 4000);
  const model::Plan members = apply_and_undo(
      start, model::set_command("jc", "members", Json::array({Json{{"organisation", "ccg-a"}, {"voting", false}}})));
  CHECK(members.bodies[0].members.size() == 1);
  CHECK_FALSE(members.bodies[0].members[0].voting);
}

TEST_CASE("rename and move are sets of name and parent") {
  const model::Plan start = fixtures::load(fixtures::small_system);
  model::Problems problems;
  const auto rename = model::read_command(Json::parse(R"({"op": "rename", "id": "jc", "name": "Joint Committee of CCGs"})"), problems, "");
  const auto move = model::read_command(Json::parse(R"({"op": "move", "id": "gp-3", "parent": "pcn-1"})"), problems, "");
  REQUIRE(rename);
  REQUIRE(move);
  CHECK(apply_and_undo(start, *rename).bodies[0].name == "Joint Committee of CCGs");
  CHECK(apply_and_undo(start, *move).units[6].parent == "pcn-1");
  CHECK(model::write_command(*rename) == Json::parse(R"({"op": "set", "id": "jc", "field": "name", "value": "Joint Committee of CCGs"})"));
}

TEST_CASE("set keeps the plan's rules: layers, references, required fields, ids") {
  model::Plan plan = fixtures::load(fixtures::small_system);
  const model::Plan before = plan;
  CHECK(first_problem(model::apply_command(plan, model::set_command("gp-1", "parent", "gp-2"))).find("/value/parent: \"Practice One\" is a GP practice, so its parent must be a larger layer") == 0);
  // Raising a PCN to a system leaves its parent (a place) below it and its practices fine; lowering a place below its PCNs breaks them.
  CHECK(first_problem(model::apply_command(plan, model::set_command("place", "layer", "practice"))).find("\"PCN One\" is a Primary Care Network, so its parent must be a larger layer") != std::string::npos);
  CHECK(first_problem(model::apply_command(plan, model::set_command("gp-1", "parent", "nowhere"))).find("/value/parent: refers to \"nowhere\"") == 0);
  CHECK(first_problem(model::apply_command(plan, model::set_command("jc", "name", nullptr))) == "/value: \"name\" is required for a body and cannot be cleared");
  CHECK(first_problem(model::apply_command(plan, model::set_command("jc", "id", "jc2"))).find("/field: ids never change") == 0);
  CHECK(first_problem(model::apply_command(plan, model::set_command("jc", "stauts", "shadow"))) == "/field: \"stauts\" is not a field of a body; did you mean \"status\"?");
  CHECK(first_problem(model::apply_command(plan, model::set_command("jc", "status", "sleeping"))).find("/value: \"sleeping\" is not allowed here") == 0);
  CHECK(first_problem(model::apply_command(plan, model::set_command("a-delegates", "functions", Json::array()))).find("must name at least one function") != std::string::npos);
  CHECK(plan == before);
}

TEST_CASE("setPlan changes plan-level fields and refuses collections") {
  const model::Plan start = fixtures::load(fixtures::small_system);
  CHECK(apply_and_undo(start, model::set_plan_command("name", "Renamed")).name == "Renamed");
  CHECK(apply_and_undo(start, model::set_plan_command("bands", Json{{"pcn", Json{{"min", 20000}, {"max", 60000}}}})).bands.pcn->min == 20000);
  CHECK(apply_and_undo(start, model::set_plan_command("layout", Json{{"governance", Json{{"jc", Json::array({10, 20})}}}})).layout.size() == 1);
  model::Plan plan = start;
  CHECK_FALSE(model::apply_command(plan, model::set_plan_command("units", Json::array())).ok);
  CHECK_FALSE(model::apply_command(plan, model::set_plan_command("name", nullptr)).ok);
  CHECK_FALSE(model::apply_command(plan, model::set_plan_command("bands", Json{{"pcn", Json{{"min", 9}, {"max", 1}}}})).ok);
  CHECK_FALSE(model::apply_command(plan, model::set_plan_command("layout", Json{{"v", Json{{"ghost", Json::array({1, 2})}}}})).ok);
  CHECK(plan == start);
}

TEST_CASE("a batch applies all its commands or none, and undoes in reverse") {
  const model::Plan start = fixtures::load(fixtures::small_system);
  const model::Command merge = model::batch_command("Merge the CCGs", {
      model::add_command("organisations", Json{{"id", "ccg-ab"}, {"name", "CCG AB"}, {"kind", "ccg"}}),
      model::set_command("ccg-a", "status", "merged"),
      model::set_command("ccg-a", "successor", "ccg-ab"),
  });
  const model::Plan merged = apply_and_undo(start, merge);
  CHECK(merged.organisations.back().id == "ccg-ab");
  CHECK(merged.organisations[0].successor == "ccg-ab");

  model::Plan plan = start;
  const model::Command broken = model::batch_command("Half a merge", {
      model::add_command("organisations", Json{{"id", "ccg-ab"}, {"name", "CCG AB"}, {"kind", "ccg"}}),
      model::set_command("ccg-a", "successor", "ccg-zz"),
  });
  const auto result = model::apply_command(plan, broken);
  CHECK_FALSE(result.ok);
  CHECK(first_problem(result).find("/commands/1/value/successor: refers to \"ccg-zz\"") == 0);
  CHECK(plan == start);  // the add was rolled back
}

TEST_CASE("undoing every change of every example's milestones and options, unchecked, puts the plan back byte for byte") {
  for (const char* name : {"syb-working-together-2013", "ncl-collaboration-2015", "syb-acs-mou-2017", "nwl-collaboration-2018",
                           "herefordshire-worcestershire-2019"}) {
    CAPTURE(name);
    fixtures::check_undone_after_every_change(fixtures::example(name));
  }
}

TEST_CASE("commands round-trip through JSON") {
  const model::Command batch = model::batch_command("Several", {
      model::add_command("units", Json{{"id", "x"}, {"name", "X"}, {"layer", "place"}}, 0),
      model::remove_command("x"),
      model::set_command("jc", "status", "shadow"),
      model::set_plan_command("name", "N"),
  });
  model::Problems problems;
  const auto read = model::read_command(model::write_command(batch), problems, "");
  REQUIRE(read);
  CHECK(*read == batch);
  CHECK(problems.list.empty());
}

TEST_CASE("history undoes and redoes in order, and a new change clears redo") {
  model::Plan plan = fixtures::load(fixtures::small_system);
  const model::Plan start = plan;
  model::History history;
  REQUIRE(history.execute(plan, model::set_command("jc", "name", "First")).ok);
  REQUIRE(history.execute(plan, model::set_command("jc", "name", "Second")).ok);
  CHECK(history.undo_label() == "Undo rename \"jc\"");
  REQUIRE(history.undo(plan).ok);
  CHECK(plan.bodies[0].name == "First");
  REQUIRE(history.redo(plan).ok);
  CHECK(plan.bodies[0].name == "Second");
  REQUIRE(history.undo(plan).ok);
  REQUIRE(history.undo(plan).ok);
  CHECK(plan == start);
  CHECK_FALSE(history.can_undo());
  REQUIRE(history.redo(plan).ok);
  REQUIRE(history.execute(plan, model::set_command("jc", "status", "shadow")).ok);
  CHECK_FALSE(history.can_redo());
  CHECK_FALSE(history.execute(plan, model::remove_command("ghost")).ok);
  CHECK(history.undo_label() == "Undo change the status of \"jc\"");
}
