#pragma once
// The layers view: the population hierarchy (region, system, place, PCN,
// practice) as nested blocks sized by population, so that the whole and its
// parts are seen together (docs/views.md says why).
#include <set>
#include <string>

#include "layout/scene.hpp"
#include "model/plan.hpp"

namespace layout {

// One world unit squared per person: a practice of 10,000 people is a
// 100 x 100 block, England about 7,800 across. Units with no figure get
// the area of this many people, so that they can still be seen and used.
inline constexpr double empty_unit_people = 1000.0;

struct LayersOptions {
  std::set<std::string> collapsed;  // units shown as one block, without the units inside
  bool commissioners = false;       // outline each unit in a CCG's area, in that CCG's colour, with its name
};

Scene build_layers_scene(const model::Plan& plan, const LayersOptions& options = {});

}  // namespace layout
