#pragma once
#include <cstddef>
#include <string_view>

namespace app {

// Opens a plan on a scratch state, writes it out as the page keeps it
// after each change and, when asked, shows its governance view, renames a
// body and undoes it: the work a person's first open and first edit do,
// with nothing kept. Browsers compile WebAssembly with a
// quick compiler first and optimise a function only once it has run hot,
// so a page that rehearses this on small plans while nobody is using it
// opens a large one several times faster (docs/performance.md,
// "Rehearsing the open").
struct Rehearsed {
  bool opened = false;
  std::size_t saved_bytes = 0;       // the plan written out, as the page keeps it
  std::size_t governance_items = 0;  // drawn in the scratch governance view
  bool renamed = false;              // and undone
};
Rehearsed rehearse_open(std::string_view text, bool with_governance);

}  // namespace app
