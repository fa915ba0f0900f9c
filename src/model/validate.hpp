#pragma once
#include <optional>
#include <string>

#include "model/fields.hpp"
#include "model/plan.hpp"
#include "model/plan_index.hpp"
#include "model/problems.hpp"

namespace model {

// The rules every plan keeps, all checked at once: unique ids, references
// that resolve to the right kind of thing, units whose parents are larger
// layers and never loop, flows whose ends suit their kind, members that are
// an organisation or a post, dated milestones, sensible bands. Errors only:
// advice such as population bands is analysis (src/analysis).
// keep_index, if given, is given the index of the plan's ids built on the
// way, for checks that follow (the checks of an opened plan's options).
Problems validate_plan(const Plan& plan, std::optional<PlanIndex>* keep_index = nullptr);

// The same rules for one entity, for commands that change only it.
void check_unit(const Plan& plan, const PlanIndex& index, const Unit& unit, const PointerPath& path,
                Problems& problems);
void check_flow(const PlanIndex& index, const Flow& flow, const PointerPath& path, Problems& problems);
void check_body(const Body& body, const PointerPath& path, Problems& problems);
void check_option(const Option& option, const PointerPath& path, Problems& problems);
void check_bands(const Bands& bands, const std::string& path, Problems& problems);

// What each kind of flow may connect (also used by the governance view's
// editor to offer only flows that make sense).
struct FlowRule {
  FlowKind kind;
  unsigned from;          // RefKind bits
  unsigned to;            // 0: the flow has no "to" (holds)
  bool needs_functions;   // delegates and holds name what they hand over
};
const FlowRule& flow_rule(FlowKind kind);

// Every reference in one entity resolves to an entry of an allowed kind.
void check_references(const PlanIndex& index, PointerPath& path, const auto& entity, Problems& problems) {
  visit_refs(entity, path, [&](const PointerPath& ref_path, const std::string& id, unsigned kinds) {
    const std::string wrong = check_reference(index, id, kinds);
    if (!wrong.empty()) problems.error(ref_path.text(), wrong);
  });
}

}  // namespace model
