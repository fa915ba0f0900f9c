#pragma once
// Finding units by what people type: part of a name or a code, in any case.
#include <string_view>
#include <vector>

#include "model/plan.hpp"

namespace analysis {

// Indices into plan.units, best first: an exact code, then names that start
// with the text, then names or codes that contain it; plan order within each.
// Empty text finds nothing.
std::vector<std::size_t> find_units(const model::Plan& plan, std::string_view text);

}  // namespace analysis
