#include "cli/commands.hpp"

#include <cstdio>
#include <optional>
#include <string>

#include "analysis/plan_stats.hpp"
#include "analysis/plan_warnings.hpp"
#include "analysis/population.hpp"
#include "io/plan_file.hpp"
#include "io/text_file.hpp"

namespace cli {

namespace {

// A plan file read and checked as the page checks it: the loader's errors
// and warnings, then the analysis's advice for a plan that loaded.
struct CheckedPlan {
  bool readable = false;  // false: an I/O error (already reported)
  std::optional<model::Plan> plan;
  model::Problems problems;
};

CheckedPlan check_file(const std::string& path) {
  CheckedPlan checked;
  const io::TextFile file = io::read_text_file(path, io::max_plan_bytes);
  if (!file.ok) {
    std::fprintf(stderr, "planner-cli: %s\n", file.error.c_str());
    return checked;
  }
  checked.readable = true;
  io::LoadResult loaded = io::load_plan(file.text);
  checked.problems = std::move(loaded.problems);
  if (loaded.plan) checked.problems.append(analysis::plan_warnings(*loaded.plan));
  checked.plan = std::move(loaded.plan);
  return checked;
}

void print_problems(std::FILE* out, const std::string& file, const model::Problems& problems) {
  for (const model::Problem& problem : problems.list) {
    std::fprintf(out, "%s: %s\n", file.c_str(), model::format_problem(problem).c_str());
  }
}

bool is_option(std::string_view arg) { return arg.size() > 1 && arg.front() == '-'; }

}  // namespace

int validate(const Args& args) {
  if (args.empty()) {
    std::fputs("planner-cli validate: give at least one plan file: planner-cli validate FILE...\n", stderr);
    return exit_usage;
  }
  bool io_error = false;
  bool invalid = false;
  for (std::string_view arg : args) {
    if (is_option(arg)) {
      std::fprintf(stderr, "planner-cli validate: unknown option '%s'\n", std::string(arg).c_str());
      return exit_usage;
    }
  }
  for (std::string_view arg : args) {
    const std::string path(arg);
    const CheckedPlan checked = check_file(path);
    if (!checked.readable) {
      io_error = true;
      continue;
    }
    print_problems(stderr, path, checked.problems);
    if (!checked.plan) {
      invalid = true;
      continue;
    }
    const std::size_t warnings = checked.problems.count(model::Severity::warning);
    std::printf("%s: valid%s\n", path.c_str(),
                warnings ? (" (" + std::to_string(warnings) + (warnings == 1 ? " warning)" : " warnings)")).c_str() : "");
  }
  if (io_error) return exit_usage;
  return invalid ? exit_invalid : exit_ok;
}

int stats(const Args& args) {
  if (args.size() != 1 || is_option(args.front())) {
    std::fputs("planner-cli stats: give one plan file: planner-cli stats FILE\n", stderr);
    return exit_usage;
  }
  const std::string path(args.front());
  const CheckedPlan checked = check_file(path);
  if (!checked.readable) return exit_usage;
  if (!checked.plan) {
    print_problems(stderr, path, checked.problems);
    return exit_invalid;
  }
  const model::Plan& plan = *checked.plan;
  const analysis::PlanStats stats = analysis::plan_stats(plan);
  std::printf("%s\n", plan.name.c_str());
  std::printf("\nEntries\n");
  for (const auto& [name, count] : stats.counts) std::printf("  %-15s %zu\n", name.c_str(), count);
  std::printf("\nPopulation by layer\n");
  if (stats.layers.empty()) std::printf("  (no units)\n");
  for (const auto& line : stats.layers) {
    std::string text = "  " + std::string(model::to_label(line.layer)) + ": " +
                       std::to_string(line.units) + (line.units == 1 ? " unit, " : " units, ") +
                       analysis::format_count(line.population) + " people";
    if (line.without_population) text += " (" + std::to_string(line.without_population) + " with no figure)";
    std::printf("%s\n", text.c_str());
  }
  const std::size_t warnings = checked.problems.count(model::Severity::warning);
  std::printf("\nWarnings: %zu\n", warnings);
  for (const model::Problem& problem : checked.problems.list) {
    std::printf("  %s%s\n", problem.path.empty() ? "" : (problem.path + ": ").c_str(), problem.message.c_str());
  }
  return exit_ok;
}

int convert(const Args& args) {
  std::string input;
  std::string output;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" || args[i] == "--output") {
      if (i + 1 >= args.size()) {
        std::fputs("planner-cli convert: -o needs a file name (or - for standard output)\n", stderr);
        return exit_usage;
      }
      output = std::string(args[++i]);
    } else if (is_option(args[i])) {
      std::fprintf(stderr, "planner-cli convert: unknown option '%s'\n", std::string(args[i]).c_str());
      return exit_usage;
    } else if (input.empty()) {
      input = std::string(args[i]);
    } else {
      std::fputs("planner-cli convert: give one input file: planner-cli convert FILE -o OUT\n", stderr);
      return exit_usage;
    }
  }
  if (input.empty() || output.empty()) {
    std::fputs("planner-cli convert: usage: planner-cli convert FILE -o OUT\n", stderr);
    return exit_usage;
  }
  const CheckedPlan checked = check_file(input);
  if (!checked.readable) return exit_usage;
  print_problems(stderr, input, checked.problems);
  if (!checked.plan) return exit_invalid;
  const std::string text = io::save_plan(*checked.plan);
  if (output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return exit_ok;
  }
  const std::string error = io::write_text_file(output, text);
  if (!error.empty()) {
    std::fprintf(stderr, "planner-cli: %s\n", error.c_str());
    return exit_usage;
  }
  return exit_ok;
}

}  // namespace cli
