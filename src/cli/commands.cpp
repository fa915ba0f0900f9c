#include "cli/commands.hpp"

#include <cstdint>
#include <map>
#include <cstdio>
#include <optional>
#include <string>

#include "analysis/plan_stats.hpp"
#include "analysis/plan_warnings.hpp"
#include "analysis/population.hpp"
#include "cli/national_plan.hpp"
#include "io/plan_file.hpp"
#include "io/nhs_import.hpp"
#include "io/text_file.hpp"
#include "model/command.hpp"
#include "analysis/decision_rights.hpp"
#include "analysis/governance_checks.hpp"
#include "layout/governance_scene.hpp"
#include "layout/layers_scene.hpp"
#include "layout/svg_writer.hpp"
#include "analysis/plan_tables.hpp"
#include "analysis/plan_diff.hpp"
#include "analysis/plan_state.hpp"
#include "io/csv.hpp"

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

// A plan file for a command that needs a valid plan: its plan, or how to
// exit once the problems are printed.
struct ValidPlan {
  std::optional<model::Plan> plan;
  int exit_code = exit_ok;
  model::Problems problems;  // its warnings
};

ValidPlan valid_plan(const std::string& path) {
  CheckedPlan checked = check_file(path);
  if (!checked.readable) return {std::nullopt, exit_usage, {}};
  if (!checked.plan) {
    print_problems(stderr, path, checked.problems);
    return {std::nullopt, exit_invalid, {}};
  }
  return {std::move(checked.plan), exit_ok, std::move(checked.problems)};
}

bool is_option(std::string_view arg) { return arg.size() > 1 && arg.front() == '-'; }

// Writes text to OUT, or to stdout for "-"; false (reported) on an I/O error.
bool write_output(const std::string& output, const std::string& text) {
  if (output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return true;
  }
  const std::string error = io::write_text_file(output, text);
  if (!error.empty()) std::fprintf(stderr, "planner-cli: %s\n", error.c_str());
  return error.empty();
}

std::optional<std::uint64_t> parse_seed(std::string_view text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

// Takes --option ID and --date D (and, with a prefix, --from-option...)
// out of the arguments into a state. False (reported) when a value is
// missing or the date cannot be read.
bool take_state(Args& args, const char* command, const std::string& prefix, analysis::PlanState& state) {
  Args rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool is_option_flag = args[i] == "--" + prefix + "option";
    const bool is_date_flag = args[i] == "--" + prefix + "date";
    if (!is_option_flag && !is_date_flag) {
      rest.push_back(args[i]);
      continue;
    }
    if (i + 1 >= args.size()) {
      std::fprintf(stderr, "planner-cli %s: %s needs %s\n", command, std::string(args[i]).c_str(),
                   is_option_flag ? "an option's id" : "a date, such as 2020-04-01, 2019/20 or end");
      return false;
    }
    const std::string value(args[++i]);
    if (is_option_flag) {
      state.option = value;
      continue;
    }
    const analysis::StateDateParse parsed = analysis::parse_state_date(value);
    if (!parsed.state) {
      std::fprintf(stderr, "planner-cli %s: --%sdate '%s' is not a date: %s\n", command, prefix.c_str(), value.c_str(), parsed.error.c_str());
      return false;
    }
    state.when = parsed.state->when;
    state.date = parsed.state->date;
  }
  args = std::move(rest);
  return true;
}

// The plan in the state asked for: an option the plan does not have exits 2.
std::optional<model::Plan> plan_in(const model::Plan& plan, const analysis::PlanState& state, const char* command, const std::string& path) {
  const std::string problem = analysis::check_state(plan, state);
  if (!problem.empty()) {
    std::fprintf(stderr, "planner-cli %s: %s: %s\n", command, path.c_str(), problem.c_str());
    return std::nullopt;
  }
  if (state.is_plan_as_written()) return plan;
  return analysis::plan_in_state(plan, state).plan;
}

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

int stats(const Args& given) {
  Args args = given;
  analysis::PlanState state;
  if (!take_state(args, "stats", "", state)) return exit_usage;
  if (args.size() != 1 || is_option(args.front())) {
    std::fputs("planner-cli stats: give one plan file: planner-cli stats FILE [--option ID] [--date D]\n", stderr);
    return exit_usage;
  }
  const std::string path(args.front());
  const ValidPlan checked = valid_plan(path);
  if (!checked.plan) return checked.exit_code;
  const std::optional<model::Plan> shown = plan_in(*checked.plan, state, "stats", path);
  if (!shown) return exit_usage;
  const model::Plan& plan = *shown;
  const analysis::PlanStats stats = analysis::plan_stats(plan);
  std::printf("%s\n", plan.name.c_str());
  if (!state.is_plan_as_written()) std::printf("%s\n", analysis::describe_state(plan, state).c_str());
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
  const model::Problems governance = analysis::governance_checks(plan);
  std::printf("\nGovernance checks: %zu\n", governance.list.size());
  for (const model::Problem& problem : governance.list) std::printf("  %s: %s\n", problem.path.c_str(), problem.message.c_str());
  return exit_ok;
}

int decide(const Args& given) {
  constexpr const char* usage = "planner-cli decide: usage: planner-cli decide FILE FUNCTION [--unit ID] [--option ID] [--date D]\n";
  Args args = given;
  analysis::PlanState state;
  if (!take_state(args, "decide", "", state)) return exit_usage;
  std::vector<std::string> positional;
  std::string unit;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--unit") {
      if (i + 1 >= args.size()) {
        std::fputs("planner-cli decide: --unit needs a unit's id\n", stderr);
        return exit_usage;
      }
      unit = std::string(args[++i]);
    } else if (is_option(args[i])) {
      std::fprintf(stderr, "planner-cli decide: unknown option '%s'\n", std::string(args[i]).c_str());
      return exit_usage;
    } else {
      positional.emplace_back(args[i]);
    }
  }
  if (positional.size() != 2) {
    std::fputs(usage, stderr);
    return exit_usage;
  }
  const std::string& path = positional[0];
  const ValidPlan checked = valid_plan(path);
  if (!checked.plan) return checked.exit_code;
  const std::optional<model::Plan> shown = plan_in(*checked.plan, state, "decide", path);
  if (!shown) return exit_usage;
  const model::Plan& plan = *shown;
  if (!unit.empty() && std::none_of(plan.units.begin(), plan.units.end(), [&](const model::Unit& u) { return u.id == unit; })) {
    std::fprintf(stderr, "planner-cli decide: there is no unit '%s' in %s\n", unit.c_str(), path.c_str());
    return exit_usage;
  }
  const std::vector<std::size_t> matches = analysis::match_functions(plan, positional[1]);
  if (matches.size() != 1) {
    if (matches.empty()) {
      std::fprintf(stderr, "planner-cli decide: no function in %s is called '%s'. The functions are:\n", path.c_str(), positional[1].c_str());
      for (const model::Function& f : plan.functions) std::fprintf(stderr, "  %s: %s\n", f.id.c_str(), f.name.c_str());
      return exit_invalid;
    }
    std::fprintf(stderr, "planner-cli decide: '%s' matches %zu functions; give one of their ids:\n", positional[1].c_str(), matches.size());
    for (std::size_t i : matches) std::fprintf(stderr, "  %s: %s\n", plan.functions[i].id.c_str(), plan.functions[i].name.c_str());
    return exit_usage;
  }
  const analysis::DecisionRoute route = analysis::trace_decision(plan, plan.functions[matches.front()].id, unit);
  if (!state.is_plan_as_written()) std::printf("%s:\n", analysis::describe_state(*checked.plan, state).c_str());
  std::printf("%s\n", route.sentence.c_str());
  const auto name = [&](const std::string& id) {
    for (const auto& o : plan.organisations) if (o.id == id) return o.name;
    for (const auto& b : plan.bodies) if (b.id == id) return b.name;
    for (const auto& p : plan.posts) if (p.id == id) return p.title;
    return id;
  };
  if (!route.holders.empty()) std::printf("\nRoute:\n");
  for (const std::string& holder : route.holders) std::printf("  %s holds it (%s)\n", name(holder).c_str(), holder.c_str());
  for (const analysis::DecisionStep& step : route.steps) {
    if (step.flow.empty()) std::printf("  %s was replaced by %s\n", name(step.from).c_str(), name(step.to).c_str());
    else std::printf("  %s delegates it to %s (flow %s%s)\n", name(step.from).c_str(), name(step.to).c_str(), step.flow.c_str(),
                     step.certainty == model::Certainty::stated ? "" : (", " + std::string(model::to_name(step.certainty))).c_str());
  }
  for (const std::string& decider : route.deciders) std::printf("  %s decides it (%s)\n", name(decider).c_str(), decider.c_str());
  return route.decided() ? exit_ok : exit_invalid;
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
  return write_output(output, io::save_plan(*checked.plan)) ? exit_ok : exit_usage;
}

int generate(const Args& args) {
  constexpr const char* usage = "planner-cli generate: usage: planner-cli generate national [--seed N] -o OUT\n";
  std::string kind;
  std::string output;
  std::uint64_t seed = 1;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "-o" || args[i] == "--output") {
      if (!has_value) {
        std::fputs("planner-cli generate: -o needs a file name (or - for standard output)\n", stderr);
        return exit_usage;
      }
      output = std::string(args[++i]);
    } else if (args[i] == "--seed") {
      const std::optional<std::uint64_t> parsed = has_value ? parse_seed(args[i + 1]) : std::nullopt;
      if (!parsed) {
        std::fprintf(stderr, "planner-cli generate: --seed needs a whole number from 0 to %llu, such as --seed 1\n",
                     static_cast<unsigned long long>(UINT64_MAX));
        return exit_usage;
      }
      seed = *parsed;
      ++i;
    } else if (is_option(args[i])) {
      std::fprintf(stderr, "planner-cli generate: unknown option '%s'\n", std::string(args[i]).c_str());
      return exit_usage;
    } else if (kind.empty()) {
      kind = std::string(args[i]);
    } else {
      std::fputs(usage, stderr);
      return exit_usage;
    }
  }
  if (kind.empty() || output.empty()) {
    std::fputs(usage, stderr);
    return exit_usage;
  }
  if (kind != "national") {
    std::fprintf(stderr, "planner-cli generate: unknown plan '%s': the only one is 'national'\n", kind.c_str());
    return exit_usage;
  }
  return write_output(output, io::save_plan(national_plan(seed))) ? exit_ok : exit_usage;
}

namespace {

// FILE --OPTION VALUE -o OUT, the shape of the svg and csv commands. Prints
// what is wrong and answers nullopt when the arguments do not fit.
struct DrawArgs {
  std::string input;
  std::string value;
  std::string output;
};

std::optional<DrawArgs> parse_draw_args(const Args& args, const char* command, std::string_view option, const char* usage) {
  DrawArgs parsed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if ((args[i] == "-o" || args[i] == "--output" || args[i] == option) && !has_value) {
      std::fprintf(stderr, "planner-cli %s: %s needs a value\n", command, std::string(args[i]).c_str());
      return std::nullopt;
    }
    if (args[i] == "-o" || args[i] == "--output") parsed.output = std::string(args[++i]);
    else if (args[i] == option) parsed.value = std::string(args[++i]);
    else if (is_option(args[i])) {
      std::fprintf(stderr, "planner-cli %s: unknown option '%s'\n", command, std::string(args[i]).c_str());
      return std::nullopt;
    } else if (parsed.input.empty()) parsed.input = std::string(args[i]);
    else {
      std::fputs(usage, stderr);
      return std::nullopt;
    }
  }
  if (parsed.input.empty() || parsed.output.empty() || parsed.value.empty()) {
    std::fputs(usage, stderr);
    return std::nullopt;
  }
  return parsed;
}

}  // namespace

int svg(const Args& given) {
  constexpr const char* usage = "planner-cli svg: usage: planner-cli svg FILE --view layers|governance [--option ID] [--date D] -o OUT.svg\n";
  Args args = given;
  analysis::PlanState state;
  if (!take_state(args, "svg", "", state)) return exit_usage;
  const auto parsed = parse_draw_args(args, "svg", "--view", usage);
  if (!parsed) return exit_usage;
  const std::string& view = parsed->value;
  if (view != "layers" && view != "governance") {
    std::fprintf(stderr, "planner-cli svg: unknown view '%s': the views are: layers, governance\n", view.c_str());
    return exit_usage;
  }
  const ValidPlan checked = valid_plan(parsed->input);
  if (!checked.plan) return checked.exit_code;
  const std::optional<model::Plan> shown = plan_in(*checked.plan, state, "svg", parsed->input);
  if (!shown) return exit_usage;
  const model::Plan& plan = *shown;
  const bool governance = view == "governance";
  const layout::Scene scene = governance ? layout::build_governance_scene(plan) : layout::build_layers_scene(plan);
  return write_output(parsed->output, layout::write_svg(scene, layout::view_svg_options(analysis::state_title(plan, state), governance))) ? exit_ok
                                                                                                                                           : exit_usage;
}

int csv(const Args& given) {
  constexpr const char* usage =
      "planner-cli csv: usage: planner-cli csv FILE --table units|organisations|bodies|posts|flows|functions [--option ID] [--date D] -o OUT.csv\n";
  Args args = given;
  analysis::PlanState state;
  if (!take_state(args, "csv", "", state)) return exit_usage;
  const auto parsed = parse_draw_args(args, "csv", "--table", usage);
  if (!parsed) return exit_usage;
  const auto& names = analysis::plan_table_names();
  if (std::find(names.begin(), names.end(), parsed->value) == names.end()) {
    std::fprintf(stderr, "planner-cli csv: unknown table '%s': the tables are: units, organisations, bodies, posts, flows, functions\n",
                 parsed->value.c_str());
    return exit_usage;
  }
  const ValidPlan checked = valid_plan(parsed->input);
  if (!checked.plan) return checked.exit_code;
  const std::optional<model::Plan> shown = plan_in(*checked.plan, state, "csv", parsed->input);
  if (!shown) return exit_usage;
  const analysis::PlanTable table = *analysis::plan_table(*shown, parsed->value);
  std::vector<std::vector<std::string>> rows = {table.header};
  rows.insert(rows.end(), table.rows.begin(), table.rows.end());
  return write_output(parsed->output, io::write_csv(rows)) ? exit_ok : exit_usage;
}

int diff(const Args& given) {
  constexpr const char* usage =
      "planner-cli diff: usage: planner-cli diff FILE [--from-option ID] [--from-date D] [--to-option ID] [--to-date D] [--json]\n";
  Args args = given;
  analysis::PlanState from;
  analysis::PlanState to;
  if (!take_state(args, "diff", "from-", from) || !take_state(args, "diff", "to-", to)) return exit_usage;
  bool as_json = false;
  std::string path;
  for (std::string_view arg : args) {
    if (arg == "--json") as_json = true;
    else if (is_option(arg)) {
      std::fprintf(stderr, "planner-cli diff: unknown option '%s'\n", std::string(arg).c_str());
      return exit_usage;
    } else if (path.empty()) path = std::string(arg);
    else {
      std::fputs(usage, stderr);
      return exit_usage;
    }
  }
  if (path.empty()) {
    std::fputs(usage, stderr);
    return exit_usage;
  }
  const ValidPlan checked = valid_plan(path);
  if (!checked.plan) return checked.exit_code;
  const std::optional<model::Plan> before = plan_in(*checked.plan, from, "diff", path);
  if (!before) return exit_usage;
  const std::optional<model::Plan> after = plan_in(*checked.plan, to, "diff", path);
  if (!after) return exit_usage;
  const std::vector<analysis::Difference> differences = analysis::plan_differences(*before, *after);
  if (as_json) {
    model::Json out = model::Json::array();
    for (const analysis::Difference& d : differences) {
      model::Json entry = {{"kind", d.kind}, {"id", d.id}};
      if (d.kind == "changed") entry["field"] = d.field;
      entry["sentence"] = d.sentence;
      out.push_back(std::move(entry));
    }
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    for (const analysis::Difference& d : differences) std::printf("%s\n", d.sentence.c_str());
  }
  return exit_ok;
}

namespace {

// Reads one NHS file for import: false (reported) on an I/O error or a file
// that is not the layout asked for.
template <typename File, typename Reader>
bool read_extract(const std::string& path, Reader reader, std::optional<File>& out) {
  const io::TextFile file = io::read_text_file(path, io::max_plan_bytes);
  if (!file.ok) {
    std::fprintf(stderr, "planner-cli: %s\n", file.error.c_str());
    return false;
  }
  File read = reader(file.text);
  if (!read.error.empty()) {
    std::fprintf(stderr, "planner-cli import: %s: %s\n", path.c_str(), read.error.c_str());
    return false;
  }
  out = std::move(read);
  return true;
}

}  // namespace

int import(const Args& args) {
  constexpr const char* usage =
      "planner-cli import: usage: planner-cli import --practices FILE [--pcn-members FILE] [--list-sizes FILE] [--into PLAN] -o OUT\n";
  std::map<std::string, std::string> options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string name(args[i]);
    const bool known = name == "--practices" || name == "--pcn-members" || name == "--list-sizes" || name == "--into" || name == "-o" ||
                       name == "--output";
    if (!known) {
      std::fprintf(stderr, "planner-cli import: unknown option or argument '%s'\n", name.c_str());
      std::fputs(usage, stderr);
      return exit_usage;
    }
    if (i + 1 >= args.size()) {
      std::fprintf(stderr, "planner-cli import: %s needs a file name\n", name.c_str());
      return exit_usage;
    }
    options[name == "--output" ? "-o" : name] = std::string(args[++i]);
  }
  if (!options.count("--practices") || !options.count("-o")) {
    std::fputs(usage, stderr);
    return exit_usage;
  }
  io::ImportFiles files;
  files.practices_name = options["--practices"];
  if (!read_extract<io::PracticeFile>(options["--practices"], io::read_practice_file, files.practices)) return exit_usage;
  if (options.count("--pcn-members")) {
    files.pcn_members_name = options["--pcn-members"];
    if (!read_extract<io::PcnMemberFile>(options["--pcn-members"], io::read_pcn_member_file, files.pcn_members)) return exit_usage;
  }
  if (options.count("--list-sizes")) {
    files.list_sizes_name = options["--list-sizes"];
    if (!read_extract<io::ListSizeFile>(options["--list-sizes"], io::read_list_size_file, files.list_sizes)) return exit_usage;
  }
  model::Plan plan;
  plan.name = std::string(io::imported_plan_name);
  if (options.count("--into")) {
    const CheckedPlan checked = check_file(options["--into"]);
    if (!checked.readable) return exit_usage;
    if (!checked.plan) {
      print_problems(stderr, options["--into"], checked.problems);
      return exit_invalid;
    }
    plan = *checked.plan;
  }
  const io::ImportPlan planned = io::plan_import(plan, files);
  std::fputs(planned.report.summary().c_str(), stderr);
  if (planned.report.imported() == 0) {
    const bool no_practices = files.practices && files.practices->empty;
    std::fprintf(stderr, "planner-cli import: nothing could be imported%s\n",
                 no_practices ? (": " + files.practices_name + " is empty; it should hold the ODS practice file (epraccur)").c_str() : "");
    return exit_invalid;
  }
  const model::ApplyResult applied = model::apply_command(plan, planned.command);
  if (!applied.ok) {
    for (const model::Problem& problem : applied.problems.list) std::fprintf(stderr, "planner-cli import: %s\n", model::format_problem(problem).c_str());
    return exit_invalid;
  }
  return write_output(options["-o"], io::save_plan(plan)) ? exit_ok : exit_usage;
}

}  // namespace cli
