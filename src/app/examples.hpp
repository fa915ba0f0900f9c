#pragma once
// The example plans served with the page (assets/examples/NAME.json), in the
// order the File menu lists them. Each is drawn from one of the board papers
// the planner grew from; docs/examples.md says what each shows.
#include <array>
#include <string_view>

namespace app {

struct Example {
  std::string_view name;   // the file's stem: assets/examples/<name>.json, ?example=<name>
  std::string_view title;  // what the menu says
};

inline constexpr std::array<Example, 5> examples = {{
    {"syb-working-together-2013", "South Yorkshire and Bassetlaw: Working Together (2013)"},
    {"ncl-collaboration-2015", "North Central London: CCGs working together (2015)"},
    {"syb-acs-mou-2017", "South Yorkshire and Bassetlaw: Accountable Care System (2017)"},
    {"nwl-collaboration-2018", "North West London: CCG collaboration (2018)"},
    {"herefordshire-worcestershire-2019", "Herefordshire and Worcestershire: merging the CCGs (2019)"},
}};

}  // namespace app
