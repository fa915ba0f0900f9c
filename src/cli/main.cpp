// planner-cli: the planner's command-line tool for document pipelines.
// Exit codes, for every command now and later (docs/cli.md):
//   0 success; 1 the input is invalid or what was asked for does not exist;
//   2 a usage or I/O error. Messages go to stderr; results to stdout.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "model/version.hpp"

namespace {

constexpr int exit_ok = 0;
constexpr int exit_usage = 2;

void print_help(std::FILE* out) {
  std::fputs(
      "Usage: planner-cli [--help] [--version] <command> [arguments]\n"
      "\n"
      "The Care Structure Planner's command-line tool.\n"
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
    return exit_usage;
  }
  const std::string_view first = args.front();
  if (first == "-h" || first == "--help" || first == "help") {
    print_help(stdout);
    return exit_ok;
  }
  if (first == "-V" || first == "--version") {
    std::printf("planner-cli %s\n", std::string(model::planner_version()).c_str());
    return exit_ok;
  }
  std::fprintf(stderr, "planner-cli: unknown command or option '%s'; try 'planner-cli --help'\n",
               std::string(first).c_str());
  return exit_usage;
}
