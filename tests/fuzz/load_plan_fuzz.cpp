// libFuzzer target for the plan loader (built by tests/robustness.cmake with
// -DPLANNER_FUZZ=ON, run by scripts/fuzz).
//
// Any bytes at all go to io::load_plan, which must answer with problems,
// never crash, hang, leak or hit undefined behaviour (the sanitizers watch).
// When the bytes make a plan, three promises of io/plan_file.hpp are checked
// too, and a broken one aborts so that libFuzzer keeps the input:
//   - what save_plan writes loads again, with no errors;
//   - it loads back to the same plan (saving loses nothing);
//   - saving that plan again gives the same bytes (saving is deterministic
//     and its output is already in normal form).
// The analysis's advice (analysis::plan_warnings, which applies every
// option's changes) must run on any plan that loads.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "analysis/plan_warnings.hpp"
#include "io/plan_file.hpp"

namespace {

void print_problems(const model::Problems& problems) {
  for (const model::Problem& problem : problems.list) {
    std::fprintf(stderr, "  %s\n", model::format_problem(problem).c_str());
  }
}

[[noreturn]] void broken_promise(const char* what, const std::string& saved, const std::string* again,
                                 const model::Problems* problems) {
  std::fprintf(stderr, "load_plan_fuzz: %s\n", what);
  if (problems) print_problems(*problems);
  std::fprintf(stderr, "--- saved (%zu bytes)\n%s", saved.size(), saved.c_str());
  if (again) std::fprintf(stderr, "--- saved again (%zu bytes)\n%s", again->size(), again->c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // reinterpret_cast: libFuzzer hands over bytes; the loader reads chars.
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const io::LoadResult loaded = io::load_plan(text);
  if (!loaded.plan) return 0;

  const std::string saved = io::save_plan(*loaded.plan);
  const io::LoadResult reloaded = io::load_plan(saved);
  if (!reloaded.plan) broken_promise("a saved plan does not load again", saved, nullptr, &reloaded.problems);
  if (!(*reloaded.plan == *loaded.plan)) {
    broken_promise("a saved plan loads back as a different plan", saved, nullptr, nullptr);
  }
  const std::string saved_again = io::save_plan(*reloaded.plan);
  if (saved_again != saved) broken_promise("saving a reloaded plan gives different bytes", saved, &saved_again, nullptr);

  const model::Problems advice = analysis::plan_warnings(*loaded.plan);
  if (advice.has_errors()) {
    broken_promise("plan_warnings reported an error; it gives warnings only", saved, nullptr, &advice);
  }
  return 0;
}
