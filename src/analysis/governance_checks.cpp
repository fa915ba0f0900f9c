#include "analysis/governance_checks.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "analysis/decision_rights.hpp"

namespace analysis {

namespace {

using model::FlowKind;

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

bool ended(model::Lifecycle status) { return status == model::Lifecycle::merged || status == model::Lifecycle::dissolved; }

}  // namespace

model::Problems governance_checks(const model::Plan& plan) {
  model::Problems problems;
  std::unordered_map<std::string, std::string> name;
  std::unordered_map<std::string, std::string> path;
  for (std::size_t i = 0; i < plan.organisations.size(); ++i) {
    name[plan.organisations[i].id] = plan.organisations[i].name;
    path[plan.organisations[i].id] = "/organisations/" + std::to_string(i);
  }
  for (std::size_t i = 0; i < plan.bodies.size(); ++i) {
    name[plan.bodies[i].id] = plan.bodies[i].name;
    path[plan.bodies[i].id] = "/bodies/" + std::to_string(i);
  }
  for (const auto& p : plan.posts) name[p.id] = p.title;
  for (const auto& f : plan.functions) name[f.id] = f.name;
  const auto called = [&](const std::string& id) { return name.count(id) ? name[id] : id; };

  // Who may pass a function on: whoever holds it (and the bodies it hosts),
  // and whoever received it by delegation.
  std::unordered_map<std::string, std::set<std::string>> has;  // id -> functions
  std::unordered_map<std::string, std::vector<std::string>> hosted;  // organisation -> bodies
  for (const auto& b : plan.bodies) {
    for (const std::string& host : b.hosts) hosted[host].push_back(b.id);
  }
  for (const auto& flow : plan.flows) {
    if (flow.kind != FlowKind::holds) continue;
    for (const std::string& f : flow.functions) {
      has[flow.from].insert(f);
      for (const std::string& body : hosted[flow.from]) has[body].insert(f);
    }
  }
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& flow : plan.flows) {
      if (flow.kind != FlowKind::delegates) continue;
      for (const std::string& f : flow.functions) {
        if (has[flow.from].count(f) && has[flow.to].insert(f).second) grew = true;
      }
    }
  }
  // Bodies and organisations that have ended, by id (a lookup per flow end).
  std::unordered_set<std::string> ended_ids;
  for (const auto& b : plan.bodies) {
    if (ended(b.status)) ended_ids.insert(b.id);
  }
  for (const auto& o : plan.organisations) {
    if (ended(o.status)) ended_ids.insert(o.id);
  }
  for (std::size_t i = 0; i < plan.flows.size(); ++i) {
    const model::Flow& flow = plan.flows[i];
    const std::string at = "/flows/" + std::to_string(i);
    if (flow.kind == FlowKind::delegates) {
      for (const std::string& f : flow.functions) {
        if (!has[flow.from].count(f)) {
          problems.warning(at, called(flow.from) + " delegates " + quoted(called(f)) + " to " + called(flow.to) +
                                   ", but it does not hold that function and nothing delegates it to it: add who holds it, or the delegation that gives it.");
        }
      }
    }
    // A flow to or from a body or organisation that no longer exists.
    if (flow.kind != FlowKind::replaces && flow.kind != FlowKind::holds) {
      for (const std::string* end : {&flow.from, &flow.to}) {
        if (ended_ids.count(*end)) {
          problems.warning(at, called(flow.from) + " " + std::string(model::to_label(flow.kind)) + " " + called(flow.to) + ", but " + called(*end) +
                                   " has been merged or dissolved: point the flow at its successor, or remove it.");
        }
      }
    }
  }

  // Accountability loops: following "reports to" comes back to where it started.
  std::map<std::string, std::vector<std::string>> reports;  // ordered: the same plan always gives the same advice
  for (const auto& flow : plan.flows) {
    if (flow.kind == FlowKind::reports_to) reports[flow.from].push_back(flow.to);
  }
  std::set<std::string> in_loop;
  for (const auto& [start, targets] : reports) {
    // Depth-first from start, looking for start again; the path found is the loop.
    std::vector<std::pair<std::string, std::size_t>> stack = {{start, 0}};
    std::set<std::string> visited = {start};
    while (!stack.empty()) {
      auto& [at, next] = stack.back();
      const auto& out = reports[at];
      if (next == out.size()) {
        stack.pop_back();
        continue;
      }
      const std::string to = out[next++];
      if (to == start) {
        if (!in_loop.count(start)) {
          std::vector<std::string> loop;
          for (const auto& [id, _] : stack) loop.push_back(called(id)), in_loop.insert(id);
          loop.push_back(called(start));
          std::string words;
          for (std::size_t i = 0; i < loop.size(); ++i) words += (i ? " reports to " : "") + loop[i];
          problems.warning(path.count(start) ? path[start] : "/flows", "An accountability loop: " + words +
                                                                         ". Someone has to answer to a body outside the loop: change one of these flows.");
        }
        break;
      }
      if (visited.insert(to).second) stack.push_back({to, 0});
    }
  }

  // Bodies: reporting lines, joint committees. A body answers to someone
  // if it reports to, advises or recommends to someone, or is delegated to.
  std::unordered_set<std::string> answering;
  for (const auto& f : plan.flows) {
    if (f.kind == FlowKind::reports_to || f.kind == FlowKind::advises || f.kind == FlowKind::recommends) answering.insert(f.from);
    if (f.kind == FlowKind::delegates) answering.insert(f.to);
  }
  for (std::size_t i = 0; i < plan.bodies.size(); ++i) {
    const model::Body& body = plan.bodies[i];
    if (ended(body.status)) continue;
    const std::string at = "/bodies/" + std::to_string(i);
    const bool top = body.kind == model::BodyKind::governing_body || body.kind == model::BodyKind::board;
    const bool answers = answering.count(body.id) > 0;
    if (!top && !answers && body.hosts.empty()) {
      problems.warning(at, body.name + " reports to no one: say whom it reports to, who hosts it, or who delegates to it.");
    }
    if (body.kind == model::BodyKind::joint_committee || body.kind == model::BodyKind::committees_in_common) {
      const auto voting = std::count_if(body.members.begin(), body.members.end(), [](const model::Member& m) { return m.voting; });
      if (voting < 2) {
        problems.warning(at, body.name + " is a joint committee with " + std::to_string(voting) +
                                 (voting == 1 ? " voting member" : " voting members") + ": it needs at least two to decide anything jointly.");
      }
      if (!body.voting) problems.warning(at, body.name + " has no voting rule: say how it decides (majority, unanimity, consensus...).");
    }
  }

  // Organisations that sit on no body, directly or through a post, and host none.
  std::unordered_map<std::string, const model::Post*> posts;
  for (const auto& p : plan.posts) posts.emplace(p.id, &p);
  std::set<std::string> seated;
  for (const auto& b : plan.bodies) {
    for (const auto& m : b.members) {
      if (!m.organisation.empty()) seated.insert(m.organisation);
      if (const auto post = posts.find(m.post); post != posts.end()) {
        seated.insert(post->second->organisations.begin(), post->second->organisations.end());
      }
    }
    seated.insert(b.hosts.begin(), b.hosts.end());
  }
  for (const auto& flow : plan.flows) {
    if (flow.kind == FlowKind::member_of || flow.kind == FlowKind::represented_on) seated.insert(flow.from);
  }
  for (std::size_t i = 0; i < plan.organisations.size(); ++i) {
    const model::Organisation& o = plan.organisations[i];
    if (!ended(o.status) && !seated.count(o.id)) {
      problems.warning("/organisations/" + std::to_string(i), o.name + " sits on no board, committee or group in the plan, and hosts none.");
    }
  }

  // Functions nobody holds.
  for (std::size_t i = 0; i < plan.functions.size(); ++i) {
    const model::Function& f = plan.functions[i];
    const bool held = std::any_of(plan.flows.begin(), plan.flows.end(), [&](const model::Flow& flow) {
      return flow.kind == FlowKind::holds && std::count(flow.functions.begin(), flow.functions.end(), f.id);
    });
    if (!held) problems.warning("/functions/" + std::to_string(i), "Nobody holds " + quoted(f.name) + ": add a \"holds\" flow from the organisation that holds it by statute.");
  }
  return problems;
}

}  // namespace analysis
