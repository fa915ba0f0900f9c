#pragma once
// The layers view: the population hierarchy (region, system, place, PCN,
// practice) as nested blocks sized by population, so that the whole and its
// parts are seen together (docs/views.md says why).
#include "layout/scene.hpp"
#include "model/plan.hpp"

namespace layout {

// One world unit squared per person: a practice of 10,000 people is a
// 100 x 100 block, England about 7,800 across. Units with no figure get
// the area of this many people, so that they can still be seen and used.
inline constexpr double empty_unit_people = 1000.0;

Scene build_layers_scene(const model::Plan& plan);

}  // namespace layout
