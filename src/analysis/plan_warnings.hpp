#pragma once
#include "model/plan.hpp"
#include "model/problems.hpp"

namespace analysis {

// Advice about a valid plan (warnings, never errors): populations outside
// their layer's band, GP practices in no Primary Care Network, and option or
// milestone changes that no longer apply.
model::Problems plan_warnings(const model::Plan& plan);

}  // namespace analysis
