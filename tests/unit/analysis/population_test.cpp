// Roll-ups through the layers and band classification.
#include <doctest/doctest.h>

#include "analysis/population.hpp"
#include "plan_fixtures.hpp"

using analysis::BandStatus;

TEST_CASE("a unit with no figure counts as the sum of its parts, each counting its own figure or its own sum") {
  const model::Plan plan = fixtures::load(R"json({"schemaVersion": "1.0", "name": "t", "units": [
    {"id": "place", "name": "Place", "layer": "place", "registeredPopulation": 150000},
    {"id": "pcn-a", "name": "A", "layer": "pcn", "parent": "place"},
    {"id": "pcn-b", "name": "B", "layer": "pcn", "parent": "place", "registeredPopulation": 20000},
    {"id": "p1", "name": "P1", "layer": "practice", "parent": "pcn-a", "registeredPopulation": 9000},
    {"id": "p2", "name": "P2", "layer": "practice", "parent": "pcn-a", "registeredPopulation": 27000},
    {"id": "p3", "name": "P3", "layer": "practice", "parent": "pcn-b", "registeredPopulation": 1000},
    {"id": "empty", "name": "Empty", "layer": "pcn", "parent": "place"}]})json");
  const auto p = analysis::population_rollup(plan);
  CHECK(p[1].own == std::nullopt);
  CHECK(p[1].rollup == 36000);
  CHECK(p[1].effective() == 36000);
  CHECK(p[1].children == 2);
  CHECK(p[2].own == 20000);
  CHECK(p[2].rollup == 1000);       // its own figure stands; the sum is kept to show beside it
  CHECK(p[2].effective() == 20000);
  CHECK(p[0].rollup == 36000 + 20000);  // the place adds what counts for each PCN; "empty" adds nothing
  CHECK(p[0].effective() == 150000);
  CHECK(p[6].effective() == std::nullopt);
}

TEST_CASE("bands classify inclusively at both ends, and say when there is no band or no figure") {
  const model::Band band{30000, 50000};
  CHECK(analysis::band_status(band, 29999) == BandStatus::below);
  CHECK(analysis::band_status(band, 30000) == BandStatus::inside);
  CHECK(analysis::band_status(band, 50000) == BandStatus::inside);
  CHECK(analysis::band_status(band, 50001) == BandStatus::above);
  CHECK(analysis::band_status(band, std::nullopt) == BandStatus::no_population);
  CHECK(analysis::band_status(std::nullopt, 40000) == BandStatus::no_band);
  CHECK(analysis::band_status(model::Band{std::nullopt, 2500000}, 3000000) == BandStatus::above);  // open at the bottom
  CHECK(analysis::band_status(model::Band{1000, std::nullopt}, 999) == BandStatus::below);        // open at the top
}
