#include "layout/governance_groups.hpp"

#include <algorithm>
#include <cctype>
#include <span>

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

GovernancePlacement place_governance(const model::Plan& plan, const model::IdSet& drawn, const model::IdMap<int>& bands,
                                     const model::IdSet& own_lines) {
  GovernancePlacement placement;
  const auto band_of = [&](const std::string& id) {
    const int* band = bands.find(id);
    return band ? *band : -1;
  };
  // Rule 5: a body with exactly one host, at its own level, is drawn with it.
  for (const model::Body& body : plan.bodies) {
    if (!drawn.contains(body.id) || body.hosts.size() != 1) continue;
    const std::string& host = body.hosts.front();
    if (drawn.contains(host) && band_of(host) == band_of(body.id)) placement.group_of[body.id] = host;
  }
  // Each post's seats, in the plan's order: (body, leads it).
  model::IdMap<std::vector<std::pair<std::string_view, bool>>> seats(plan.posts.size());
  for (const model::Body& body : plan.bodies) {
    if (!drawn.contains(body.id)) continue;
    for (const model::Member& member : body.members) {
      if (!member.post.empty()) seats[member.post].emplace_back(body.id, leads_by_seat(member.role));
    }
  }
  for (const model::Post& post : plan.posts) {
    if (!drawn.contains(post.id) || own_lines.contains(post.id)) continue;  // rule 1: a box of its own
    const std::vector<std::pair<std::string_view, bool>>* found = seats.find(post.id);
    const std::span<const std::pair<std::string_view, bool>> sits_on = found ? std::span(*found) : std::span<const std::pair<std::string_view, bool>>();
    std::string_view in;
    if (post.organisations.size() == 1 && drawn.contains(post.organisations.front())) {
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
