#pragma once
// What differs between two plans (two states of one plan), in plain
// English: what was added, removed or changed, field by field.
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace analysis {

struct Difference {
  std::string kind;      // "added", "removed" or "changed"
  std::string id;        // the entry's id
  std::string field;     // for "changed": the field, as the plan format names it
  std::string sentence;  // plain English: "Joint Committee of CCGs is added."
};

// Units, organisations, bodies, posts, functions, flows and programmes, in
// that order; within each, in the order of `to` (removed ones in the order
// of `from`).
std::vector<Difference> plan_differences(const model::Plan& from, const model::Plan& to);

// A change as written in a milestone or a step, in plain English, naming
// things from `names` (a plan that has them: for a milestone's changes,
// the plan with every change applied): "NHS Herefordshire Clinical
// Commissioning Group: its status becomes merged.", "New: NHS England
// assures ...". A batch gives a sentence per change in it.
std::vector<std::string> describe_change(const model::Plan& names, const model::Command& change);

// Both plans in one, to lay out once and draw twice (the comparison's two
// halves): everything `to` has, in its version, then what only `from` has.
model::Plan plan_union(const model::Plan& from, const model::Plan& to);

}  // namespace analysis
