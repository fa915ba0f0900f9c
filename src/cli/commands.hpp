#pragma once
#include <string_view>
#include <vector>

namespace cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_invalid = 1;
inline constexpr int exit_usage = 2;

using Args = std::vector<std::string_view>;

int validate(const Args& args);
int stats(const Args& args);
int convert(const Args& args);
int generate(const Args& args);
int svg(const Args& args);
int csv(const Args& args);
int import(const Args& args);
int decide(const Args& args);
int diff(const Args& args);

}  // namespace cli
