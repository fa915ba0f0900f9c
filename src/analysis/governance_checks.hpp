#pragma once
// Advice on a plan's governance, as warnings with the path of what each is
// about: a body delegating a function it does not hold, accountability
// loops, a body that reports to no one, a joint committee with fewer than
// two members or no voting rule, a flow to a dissolved or merged body, an
// organisation in no body, a function nobody holds.
#include "model/plan.hpp"
#include "model/problems.hpp"

namespace analysis {

model::Problems governance_checks(const model::Plan& plan);

}  // namespace analysis
