// planner-cli: the planner's command-line tool for document pipelines.
// Exit codes, for every command now and later (docs/cli.md):
//   0 success; 1 the input is invalid or what was asked for does not exist;
//   2 a usage or I/O error. Messages go to stderr; results to stdout.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "model/version.hpp"

namespace {

void print_help(std::FILE* out) {
  std::fputs(
      "Usage: planner-cli <command> [arguments]\n"
      "\n"
      "The Care Structure Planner's command-line tool.\n"
      "\n"
      "Commands:\n"
      "  validate FILE...         check plan files; problems go to stderr as FILE: PATH: message\n"
      "  stats FILE               counts per kind, population per layer, warnings and governance checks\n"
      "  decide FILE FUNCTION [--unit ID]\n"
      "                           who decides a function, for whom, and by what route\n"
      "  diff FILE [--from-option ID] [--from-date D] [--to-option ID] [--to-date D] [--json]\n"
      "                           what differs between two states of the plan, a sentence each\n"
      "  convert FILE -o OUT      rewrite a plan in the current format, as the page saves it\n"
      "                           (OUT may be - for standard output)\n"
      "  svg FILE --view layers|governance -o OUT.svg\n"
      "                           draw a view of the plan as SVG (OUT may be -)\n"
      "  csv FILE --table units|organisations|bodies|posts|flows|functions -o OUT.csv\n"
      "                           write one of the plan's tables as CSV (docs/exports.md; OUT may be -)\n"
      "  import --practices FILE [--pcn-members FILE] [--list-sizes FILE] [--into PLAN] -o OUT\n"
      "                           make (or update) a plan's practices, PCNs and CCGs from NHS files\n"
      "  generate national [--seed N] -o OUT\n"
      "                           write a synthetic plan the size of England (seed 1 unless given)\n"
      "\n"
      "stats, decide, svg and csv take [--option ID] [--date D]: the plan under an option, on a\n"
      "date (2020-04-01, 2017-10, 2019/20...) or at 'end'; left out, the plan as written.\n"
      "\n"
      "Options:\n"
      "  -h, --help     show this help and exit\n"
      "  -V, --version  print the planner's version and exit\n"
      "\n"
      "Exit codes: 0 success, 1 invalid input or not found, 2 usage or I/O error.\n",
      out);
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_help(stderr);
    return cli::exit_usage;
  }
  const std::string_view command = args.front();
  const std::vector<std::string_view> rest(args.begin() + 1, args.end());
  if (command == "-h" || command == "--help" || command == "help") {
    print_help(stdout);
    return cli::exit_ok;
  }
  if (command == "-V" || command == "--version") {
    std::printf("planner-cli %s\n", std::string(model::planner_version()).c_str());
    return cli::exit_ok;
  }
  if (command == "validate") return cli::validate(rest);
  if (command == "stats") return cli::stats(rest);
  if (command == "convert") return cli::convert(rest);
  if (command == "generate") return cli::generate(rest);
  if (command == "svg") return cli::svg(rest);
  if (command == "csv") return cli::csv(rest);
  if (command == "decide") return cli::decide(rest);
  if (command == "diff") return cli::diff(rest);
  if (command == "import") return cli::import(rest);
  std::fprintf(stderr, "planner-cli: unknown command or option '%s'; try 'planner-cli --help'\n",
               std::string(command).c_str());
  return cli::exit_usage;
}
