#include <doctest/doctest.h>

#include <string>

#include "app/examples.hpp"
#include "app/rehearsal.hpp"
#include "plan_fixtures.hpp"

TEST_CASE("a rehearsal opens each example, draws its governance view, and renames a body and undoes it") {
  for (const app::Example& example : app::examples) {
    const std::string text = fixtures::example_text(std::string(example.name));
    INFO(example.name);
    const app::Rehearsed done = app::rehearse_open(text, true);
    CHECK(done.opened);
    CHECK(done.saved_bytes > text.size() / 2);
    CHECK(done.governance_items > 0);
    CHECK(done.renamed);
    const app::Rehearsed open_only = app::rehearse_open(text, false);
    CHECK(open_only.opened);
    CHECK(open_only.governance_items == 0);
    CHECK_FALSE(open_only.renamed);
  }
}

TEST_CASE("a rehearsal of text that is not a plan stops after the loader, without throwing") {
  const std::string texts[] = {"", "{", "[]", "{\"schemaVersion\": \"9.0\"}", std::string("{\"name\": \"a\0b\"}", 15)};
  for (const std::string& text : texts) {
    const app::Rehearsed done = app::rehearse_open(text, true);
    CHECK_FALSE(done.opened);
    CHECK(done.saved_bytes == 0);
    CHECK(done.governance_items == 0);
  }
}

TEST_CASE("a plan with no bodies is rehearsed without a rename") {
  const app::Rehearsed done = app::rehearse_open(R"({"schemaVersion": "1.0", "name": "Empty"})", true);
  CHECK(done.opened);
  CHECK_FALSE(done.renamed);
}
