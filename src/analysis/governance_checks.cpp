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

// The ids from which following the lines comes back to the same id: those in
// a strongly connected part of more than one, or with a line to themselves
// (Tarjan's method, without recursion).
std::unordered_set<std::string> on_a_cycle(const std::map<std::string, std::vector<std::string>>& lines) {
  const std::vector<std::string> none;
  std::unordered_map<std::string_view, const std::vector<std::string>*> by_id;
  for (const auto& [id, out] : lines) by_id.emplace(id, &out);
  const auto out_of = [&](std::string_view id) {
    const auto found = by_id.find(id);
    return found == by_id.end() ? &none : found->second;
  };
  struct Visit {
    std::string_view id;
    const std::vector<std::string>* out;
    std::size_t next = 0;
  };
  std::unordered_map<std::string_view, std::size_t> number, low;  // the order reached; the earliest reachable still open
  std::vector<std::string_view> open;
  std::unordered_set<std::string_view> is_open;
  std::unordered_set<std::string> cyclic;
  const auto reach = [&](std::string_view id, std::vector<Visit>& visits) {
    const std::size_t reached = number.size();
    number[id] = reached;
    low[id] = reached;
    open.push_back(id);
    is_open.insert(id);
    visits.push_back({id, out_of(id)});
  };
  for (const auto& [root, _] : lines) {
    if (number.count(root)) continue;
    std::vector<Visit> visits;
    reach(root, visits);
    while (!visits.empty()) {
      Visit& visit = visits.back();
      if (visit.next < visit.out->size()) {
        const std::string_view to = (*visit.out)[visit.next++];
        if (to == visit.id) cyclic.insert(std::string(to));
        if (!number.count(to)) {
          reach(to, visits);
        } else if (is_open.count(to)) {
          low[visit.id] = std::min(low[visit.id], number[to]);
        }
        continue;
      }
      const std::string_view id = visit.id;
      visits.pop_back();
      if (!visits.empty()) low[visits.back().id] = std::min(low[visits.back().id], low[id]);
      if (low[id] != number[id]) continue;
      std::vector<std::string_view> part;
      for (std::string_view member; member != id;) {
        member = open.back();
        open.pop_back();
        is_open.erase(member);
        part.push_back(member);
      }
      if (part.size() > 1) {
        for (std::string_view member : part) cyclic.insert(std::string(member));
      }
    }
  }
  return cyclic;
}

}  // namespace

model::Problems governance_checks(const model::Plan& plan) {
  model::Problems problems;
  // Views of the plan's own strings, which outlive this: England has
  // thousands of entries, and copying their ids cost more than the checks.
  std::unordered_map<std::string_view, std::string_view> name;
  for (const auto& o : plan.organisations) name[o.id] = o.name;
  for (const auto& b : plan.bodies) name[b.id] = b.name;
  for (const auto& p : plan.posts) name[p.id] = p.title;
  for (const auto& f : plan.functions) name[f.id] = f.name;
  const auto called = [&](std::string_view id) {
    const auto found = name.find(id);
    return std::string(found == name.end() ? id : found->second);
  };
  const auto path_of = [&](std::string_view id) -> std::string {
    for (std::size_t i = 0; i < plan.organisations.size(); ++i) {
      if (plan.organisations[i].id == id) return "/organisations/" + std::to_string(i);
    }
    for (std::size_t i = 0; i < plan.bodies.size(); ++i) {
      if (plan.bodies[i].id == id) return "/bodies/" + std::to_string(i);
    }
    return "/flows";
  };

  // Who may pass a function on: whoever holds it (and the bodies it hosts),
  // and whoever received it by delegation.
  std::unordered_map<std::string_view, std::unordered_set<std::string_view>> has;  // id -> functions
  std::unordered_map<std::string_view, std::vector<std::string_view>> hosted;  // organisation -> bodies
  for (const auto& b : plan.bodies) {
    for (const std::string& host : b.hosts) hosted[host].push_back(b.id);
  }
  for (const auto& flow : plan.flows) {
    if (flow.kind != FlowKind::holds) continue;
    for (const std::string& f : flow.functions) {
      has[flow.from].insert(f);
      for (std::string_view body : hosted[flow.from]) has[body].insert(f);
    }
  }
  // Passed down the delegations from each that gained a function, until
  // none gains more (England's chains are several deep).
  std::unordered_map<std::string_view, std::vector<const model::Flow*>> delegations_from;
  for (const auto& flow : plan.flows) {
    if (flow.kind == FlowKind::delegates) delegations_from[flow.from].push_back(&flow);
  }
  std::vector<std::string_view> grown;
  for (const auto& [id, functions] : has) grown.push_back(id);
  while (!grown.empty()) {
    const auto found = delegations_from.find(grown.back());
    grown.pop_back();
    if (found == delegations_from.end()) continue;
    for (const model::Flow* flow : found->second) {
      const std::unordered_set<std::string_view>& given = has[flow->from];
      bool grew = false;
      for (const std::string& f : flow->functions) {
        if (given.count(f) && has[flow->to].insert(f).second) grew = true;
      }
      if (grew) grown.push_back(flow->to);
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
  const std::unordered_set<std::string> on_cycles = on_a_cycle(reports);
  for (const auto& [start, targets] : reports) {
    if (!on_cycles.count(start)) continue;  // no way back to it: nothing to find
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
          problems.warning(path_of(start), "An accountability loop: " + words +
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
  std::unordered_set<std::string_view> seated;
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
