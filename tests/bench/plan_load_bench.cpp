// Times what opening a plan costs natively, step by step, for scripts/bench:
//   plan_load_bench FILE [RUNS]
// prints one JSON object: for each step the median, fastest and slowest
// time in milliseconds over RUNS runs (default 7), and the peak memory.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "analysis/plan_warnings.hpp"
#include "io/plan_file.hpp"
#include "io/text_file.hpp"
#include "model/json.hpp"

namespace {

struct Step {
  const char* name;
  std::function<void()> run;
};

double milliseconds(const std::function<void()>& run) {
  const auto start = std::chrono::steady_clock::now();
  run();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: plan_load_bench FILE [RUNS]\n", stderr);
    return 2;
  }
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
  io::TextFile file = io::read_text_file(argv[1], io::max_plan_bytes);
  if (!file.ok) {
    std::fprintf(stderr, "plan_load_bench: %s\n", file.error.c_str());
    return 2;
  }
  io::LoadResult loaded = io::load_plan(file.text);
  if (!loaded.plan) {
    std::fprintf(stderr, "plan_load_bench: %s does not open\n", argv[1]);
    return 1;
  }
  const model::Plan plan = *loaded.plan;
  std::size_t sink = 0;  // keeps the optimiser from dropping the work
  const std::vector<Step> steps = {
      {"read", [&] { sink += io::read_text_file(argv[1], io::max_plan_bytes).text.size(); }},
      {"parse", [&] { sink += model::Json::parse(file.text).size(); }},
      {"load", [&] { sink += io::load_plan(file.text).problems.list.size(); }},
      {"advice", [&] { sink += analysis::plan_warnings(plan).list.size(); }},
      {"save", [&] { sink += io::save_plan(plan).size(); }},
  };
  std::printf("{\"file\": \"%s\", \"bytes\": %zu, \"runs\": %d", argv[1], file.text.size(), runs);
  for (const Step& step : steps) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) times.push_back(milliseconds(step.run));
    std::sort(times.begin(), times.end());
    std::printf(", \"%s\": {\"median\": %.1f, \"min\": %.1f, \"max\": %.1f}", step.name, times[times.size() / 2], times.front(),
                times.back());
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf(", \"peakKiB\": %ld, \"sink\": %zu}\n", usage.ru_maxrss, sink);
  return 0;
}
