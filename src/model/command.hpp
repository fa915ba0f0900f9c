#pragma once
// Commands: every change to a plan, as a plain value with its inverse.
//
// In files (milestones' and options' changes) and through the JS API they
// are JSON objects:
//   {"op": "add", "collection": "units", "value": {...}, "index": 3}
//   {"op": "remove", "id": "barnsley-ccg"}
//   {"op": "set", "id": "jc", "field": "status", "value": "established"}
//   {"op": "rename", "id": "jc", "name": "Joint Committee of CCGs"}   (a "set" of name)
//   {"op": "move", "id": "practice-1", "parent": "pcn-2"}              (a "set" of parent)
//   {"op": "setPlan", "field": "name", "value": "..."}
//   {"op": "batch", "label": "Merge the four CCGs", "commands": [...]}
#include <optional>
#include <string>

#include "model/plan.hpp"
#include "model/problems.hpp"

namespace model {

std::optional<Command> read_command(const Json& value, Problems& problems, const std::string& path);
Json write_command(const Command& command);

Command add_command(std::string collection, Json entity, std::optional<std::int64_t> index = std::nullopt);
Command remove_command(std::string id);
Command set_command(std::string id, std::string field, Json value);
Command set_plan_command(std::string field, Json value);
Command batch_command(std::string label, std::vector<Command> commands);

struct ApplyResult {
  bool ok = false;
  Problems problems;  // errors when not ok; warnings (e.g. unknown fields) either way
  Command inverse;    // when ok: the command that undoes this one
};

// Validates and applies a command: all of it or, on any error, none of it
// (a batch that fails part-way is rolled back). Problem paths are relative
// to the command ("/value/name", "/commands/2/field").
ApplyResult apply_command(Plan& plan, const Command& command);

// The same with an index of the plan that the caller keeps and that the
// command keeps up to date: for runs of many changes.
class PlanIndex;
ApplyResult apply_command(Plan& plan, PlanIndex& index, const Command& command);

// Applies the inverses of commands just applied, in reverse order, to put
// the plan and index back as they were: they were valid when made, so they
// are not checked again (a removal does not search the plan for references).
void undo_command(Plan& plan, PlanIndex& index, const Command& inverse);

// A short plain description for undo menus and messages: "rename
// \"Barnsley CCG\"", "add unit \"Hereford City 1\"".
std::string describe_command(const Command& command);

}  // namespace model
