#include "layout/governance_groups.hpp"

#include <algorithm>
#include <cctype>

#include "layout/governance_scene.hpp"

namespace layout {

namespace {

bool leads_by_role(model::PostRole role) {
  using model::PostRole;
  return role == PostRole::chair || role == PostRole::clinical_chair || role == PostRole::independent_chair ||
         role == PostRole::senior_responsible_owner;
}

// A seat whose role says it leads the body: "Chair", "Senior Responsible Owner", "SRO", "Lead".
bool leads_by_seat(const std::string& role) {
  std::string lower;
  for (char c : role) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("chair") != std::string::npos || lower.find("senior responsible owner") != std::string::npos ||
         lower == "sro" || lower.rfind("lead", 0) == 0;
}

}  // namespace

std::string post_list_id(int band) { return "posts/" + band_label(band); }

GovernancePlacement place_governance(const model::Plan& plan, const std::unordered_set<std::string_view>& drawn,
                                     const std::unordered_map<std::string, int>& bands,
                                     const std::unordered_set<std::string_view>& own_lines) {
  GovernancePlacement placement;
  const auto band_of = [&](const std::string& id) {
    const auto found = bands.find(id);
    return found == bands.end() ? -1 : found->second;
  };
  // Rule 5: a body with exactly one host, at its own level, is drawn with it.
  for (const model::Body& body : plan.bodies) {
    if (!drawn.count(body.id) || body.hosts.size() != 1) continue;
    const std::string& host = body.hosts.front();
    if (drawn.count(host) && band_of(host) == band_of(body.id)) {
      placement.group_of[body.id] = host;
    }
  }
  // Each post's seats, in the plan's order: (body, leads it).
  std::unordered_map<std::string, std::vector<std::pair<std::string, bool>>> seats;
  for (const model::Body& body : plan.bodies) {
    if (!drawn.count(body.id)) continue;
    for (const model::Member& member : body.members) {
      if (!member.post.empty()) seats[member.post].emplace_back(body.id, leads_by_seat(member.role));
    }
  }
  for (const model::Post& post : plan.posts) {
    if (!drawn.count(post.id) || own_lines.count(post.id)) continue;  // rule 1: a box of its own
    const auto& sits_on = seats[post.id];
    std::string in;
    if (post.organisations.size() == 1 && drawn.count(post.organisations.front())) {
      in = post.organisations.front();  // rule 2
    } else if (!sits_on.empty()) {
      in = sits_on.front().first;  // rule 3: the body it leads, else the first
      for (const auto& [body, leads] : sits_on) {
        if (leads || leads_by_role(post.role)) {
          in = body;
          break;
        }
      }
    }
    if (in.empty()) {
      placement.listed.push_back(post.id);  // rule 4
      continue;
    }
    placement.post_in[post.id] = in;
    for (const auto& seat : sits_on) {
      if (seat.first != in) placement.also_on[post.id].push_back(seat.first);
    }
  }
  return placement;
}

}  // namespace layout
