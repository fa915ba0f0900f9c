#pragma once
#include "model/plan.hpp"
#include "model/problems.hpp"

namespace analysis {

// Advice about a valid plan (warnings, never errors): populations outside
// their layer's band, GP practices in no Primary Care Network, and option or
// milestone changes that no longer apply.
model::Problems plan_warnings(const model::Plan& plan);

// The same, with the changes that no longer apply already found
// (check_all_changes, in plan_at.hpp): the units' warnings, then those.
model::Problems plan_warnings(const model::Plan& plan, const model::Problems& changes);

// Only the warnings about units, which read nothing but the units and the
// population bands: a change that touches neither leaves them as they are.
model::Problems unit_warnings(const model::Plan& plan);

}  // namespace analysis
