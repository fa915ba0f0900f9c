#include "analysis/search.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace analysis {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::vector<std::size_t> find_units(const model::Plan& plan, std::string_view text) {
  const std::string query = lower(text);
  if (query.find_first_not_of(' ') == std::string::npos) return {};
  std::vector<std::size_t> exact, starts, contains;
  for (std::size_t i = 0; i < plan.units.size(); ++i) {
    const model::Unit& unit = plan.units[i];
    const std::string name = lower(unit.name);
    const std::string code = lower(unit.code);
    if (!code.empty() && code == query) exact.push_back(i);
    else if (name.rfind(query, 0) == 0) starts.push_back(i);
    else if (name.find(query) != std::string::npos || code.find(query) != std::string::npos || lower(unit.id) == query) contains.push_back(i);
  }
  exact.insert(exact.end(), starts.begin(), starts.end());
  exact.insert(exact.end(), contains.begin(), contains.end());
  return exact;
}

}  // namespace analysis
