#pragma once
// A synthetic plan the size of England, for benchmarks and scale tests.
// Names and figures are made up; the shape follows England's 2019-2022
// structures: practices in PCNs in places in systems in regions, a governing
// body per CCG, joint committees of CCGs across places, committees in common
// of trusts, programme boards, options to merge CCGs or replace them.
#include <cstdint>

#include "model/plan.hpp"

namespace cli {

struct NationalShape {
  int regions = 7;
  int systems = 42;
  int places = 180;
  int pcns = 1250;
  int practices = 6300;
  int trusts = 220;
  int local_authorities = 150;
};

// The same seed and shape give the same plan, byte for byte, on every
// platform: the generator uses its own random numbers, not <random>'s
// distributions, whose results differ between standard libraries.
model::Plan national_plan(std::uint64_t seed, const NationalShape& shape = {});

}  // namespace cli
