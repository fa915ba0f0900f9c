#include "analysis/governance_checks.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "analysis/decision_rights.hpp"
#include "model/id_map.hpp"

namespace analysis {

namespace {

using model::FlowKind;

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

bool ended(model::Lifecycle status) { return status == model::Lifecycle::merged || status == model::Lifecycle::dissolved; }

// The "reports to" lines, their ends numbered: ids in order (the same
// plan always gives the same advice), and each one's targets in plan order.
struct Lines {
  std::vector<std::string_view> ids;
  std::vector<std::vector<std::size_t>> out;
};

Lines reporting_lines(const model::Plan& plan) {
  Lines lines;
  for (const auto& flow : plan.flows) {
    if (flow.kind == FlowKind::reports_to) lines.ids.push_back(flow.from), lines.ids.push_back(flow.to);
  }
  std::sort(lines.ids.begin(), lines.ids.end());
  lines.ids.erase(std::unique(lines.ids.begin(), lines.ids.end()), lines.ids.end());
  model::IdMap<std::size_t> number(lines.ids.size());
  for (std::size_t i = 0; i < lines.ids.size(); ++i) number.try_emplace(lines.ids[i], i);
  lines.out.resize(lines.ids.size());
  for (const auto& flow : plan.flows) {
    if (flow.kind == FlowKind::reports_to) lines.out[*number.find(flow.from)].push_back(*number.find(flow.to));
  }
  return lines;
}

// The ids from which following the lines comes back to the same id: those in
// a strongly connected part of more than one, or with a line to themselves
// (Tarjan's method, without recursion).
std::vector<bool> on_a_cycle(const Lines& lines) {
  constexpr std::size_t unreached = static_cast<std::size_t>(-1);
  const std::size_t count = lines.ids.size();
  std::vector<std::size_t> number(count, unreached), low(count, 0);  // the order reached; the earliest reachable still open
  std::vector<std::size_t> open;
  std::vector<bool> is_open(count, false), cyclic(count, false);
  struct Visit {
    std::size_t id;
    std::size_t next = 0;
  };
  std::size_t reached = 0;
  std::vector<Visit> visits;
  const auto reach = [&](std::size_t id) {
    number[id] = low[id] = reached++;
    open.push_back(id);
    is_open[id] = true;
    visits.push_back({id});
  };
  for (std::size_t root = 0; root < count; ++root) {
    if (number[root] != unreached) continue;
    reach(root);
    while (!visits.empty()) {
      Visit& visit = visits.back();
      const std::vector<std::size_t>& out = lines.out[visit.id];
      if (visit.next < out.size()) {
        const std::size_t from = visit.id;
        const std::size_t to = out[visit.next++];
        if (to == from) cyclic[to] = true;
        if (number[to] == unreached) {
          reach(to);
        } else if (is_open[to]) {
          low[from] = std::min(low[from], number[to]);
        }
        continue;
      }
      const std::size_t id = visit.id;
      visits.pop_back();
      if (!visits.empty()) low[visits.back().id] = std::min(low[visits.back().id], low[id]);
      if (low[id] != number[id]) continue;
      std::vector<std::size_t> part;
      for (std::size_t member = unreached; member != id;) {
        member = open.back();
        open.pop_back();
        is_open[member] = false;
        part.push_back(member);
      }
      if (part.size() > 1) {
        for (std::size_t member : part) cyclic[member] = true;
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
  model::IdMap<std::string_view> name(plan.organisations.size() + plan.bodies.size() + plan.posts.size() + plan.functions.size());
  for (const auto& o : plan.organisations) name[o.id] = o.name;
  for (const auto& b : plan.bodies) name[b.id] = b.name;
  for (const auto& p : plan.posts) name[p.id] = p.title;
  for (const auto& f : plan.functions) name[f.id] = f.name;
  const auto called = [&](std::string_view id) {
    const std::string_view* found = name.find(id);
    return std::string(found ? *found : id);
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
  // and whoever received it by delegation. Few hold any, and few each.
  using Functions = std::vector<std::string_view>;
  const auto add = [](Functions& functions, std::string_view f) {
    if (std::find(functions.begin(), functions.end(), f) != functions.end()) return false;
    functions.push_back(f);
    return true;
  };
  const auto holds = [](const Functions* functions, std::string_view f) {
    return functions && std::find(functions->begin(), functions->end(), f) != functions->end();
  };
  model::IdMap<Functions> has;  // id -> functions
  model::IdMap<std::vector<std::string_view>> hosted;  // organisation -> bodies
  for (const auto& b : plan.bodies) {
    for (const std::string& host : b.hosts) hosted[host].push_back(b.id);
  }
  model::IdSet held;  // functions
  for (const auto& flow : plan.flows) {
    if (flow.kind != FlowKind::holds) continue;
    const std::vector<std::string_view>* bodies = hosted.find(flow.from);
    for (const std::string& f : flow.functions) {
      held.insert(f);
      add(has[flow.from], f);
      if (bodies) {
        for (std::string_view body : *bodies) add(has[body], f);
      }
    }
  }
  // Passed down the delegations from each that gained a function, until
  // none gains more (England's chains are several deep).
  model::IdMap<std::vector<const model::Flow*>> delegations_from;
  for (const auto& flow : plan.flows) {
    if (flow.kind == FlowKind::delegates) delegations_from[flow.from].push_back(&flow);
  }
  std::vector<std::string_view> grown;
  has.for_each([&](std::string_view id, const Functions&) { grown.push_back(id); });
  while (!grown.empty()) {
    const std::vector<const model::Flow*>* found = delegations_from.find(grown.back());
    grown.pop_back();
    if (!found) continue;
    for (const model::Flow* flow : *found) {
      bool grew = false;
      for (const std::string& f : flow->functions) {
        if (holds(has.find(flow->from), f) && add(has[flow->to], f)) grew = true;
      }
      if (grew) grown.push_back(flow->to);
    }
  }
  // Bodies and organisations that have ended, by id (a lookup per flow end).
  model::IdSet ended_ids;
  for (const auto& b : plan.bodies) {
    if (ended(b.status)) ended_ids.insert(b.id);
  }
  for (const auto& o : plan.organisations) {
    if (ended(o.status)) ended_ids.insert(o.id);
  }
  for (std::size_t i = 0; i < plan.flows.size(); ++i) {
    const model::Flow& flow = plan.flows[i];
    if (flow.kind == FlowKind::delegates) {
      const Functions* given = has.find(flow.from);
      for (const std::string& f : flow.functions) {
        if (!holds(given, f)) {
          problems.warning("/flows/" + std::to_string(i), called(flow.from) + " delegates " + quoted(called(f)) + " to " + called(flow.to) +
                                   ", but it does not hold that function and nothing delegates it to it: add who holds it, or the delegation that gives it.");
        }
      }
    }
    // A flow to or from a body or organisation that no longer exists.
    if (flow.kind != FlowKind::replaces && flow.kind != FlowKind::holds) {
      for (const std::string* end : {&flow.from, &flow.to}) {
        if (ended_ids.contains(*end)) {
          problems.warning("/flows/" + std::to_string(i), called(flow.from) + " " + std::string(model::to_label(flow.kind)) + " " + called(flow.to) + ", but " + called(*end) +
                                   " has been merged or dissolved: point the flow at its successor, or remove it.");
        }
      }
    }
  }

  // Accountability loops: following "reports to" comes back to where it started.
  const Lines reports = reporting_lines(plan);
  const std::vector<bool> on_cycles = on_a_cycle(reports);
  std::vector<bool> in_loop(reports.ids.size(), false);
  std::vector<std::size_t> visited(reports.ids.size(), static_cast<std::size_t>(-1));  // the start it was reached from
  for (std::size_t start = 0; start < reports.ids.size(); ++start) {
    if (!on_cycles[start]) continue;  // no way back to it: nothing to find
    // Depth-first from start, looking for start again; the path found is the loop.
    std::vector<std::pair<std::size_t, std::size_t>> stack = {{start, 0}};
    visited[start] = start;
    while (!stack.empty()) {
      auto& [at, next] = stack.back();
      const std::vector<std::size_t>& out = reports.out[at];
      if (next == out.size()) {
        stack.pop_back();
        continue;
      }
      const std::size_t to = out[next++];
      if (to == start) {
        if (!in_loop[start]) {
          std::string words;
          for (const auto& [id, _] : stack) {
            words += (words.empty() ? "" : " reports to ") + called(reports.ids[id]);
            in_loop[id] = true;
          }
          words += " reports to " + called(reports.ids[start]);
          problems.warning(path_of(reports.ids[start]), "An accountability loop: " + words +
                                                            ". Someone has to answer to a body outside the loop: change one of these flows.");
        }
        break;
      }
      if (visited[to] != start) {
        visited[to] = start;
        stack.push_back({to, 0});
      }
    }
  }

  // Bodies: reporting lines, joint committees. A body answers to someone
  // if it reports to, advises or recommends to someone, or is delegated to.
  model::IdSet answering;
  for (const auto& f : plan.flows) {
    if (f.kind == FlowKind::reports_to || f.kind == FlowKind::advises || f.kind == FlowKind::recommends) answering.insert(f.from);
    if (f.kind == FlowKind::delegates) answering.insert(f.to);
  }
  for (std::size_t i = 0; i < plan.bodies.size(); ++i) {
    const model::Body& body = plan.bodies[i];
    if (ended(body.status)) continue;
    const std::string at = "/bodies/" + std::to_string(i);
    const bool top = body.kind == model::BodyKind::governing_body || body.kind == model::BodyKind::board;
    if (!top && !answering.contains(body.id) && body.hosts.empty()) {
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
  model::IdMap<const model::Post*> posts(plan.posts.size());
  for (const auto& p : plan.posts) posts.try_emplace(p.id, &p);
  model::IdSet seated(plan.organisations.size());
  for (const auto& b : plan.bodies) {
    for (const auto& m : b.members) {
      if (!m.organisation.empty()) seated.insert(m.organisation);
      if (const model::Post* const* post = posts.find(m.post)) {
        for (const std::string& o : (*post)->organisations) seated.insert(o);
      }
    }
    for (const std::string& host : b.hosts) seated.insert(host);
  }
  for (const auto& flow : plan.flows) {
    if (flow.kind == FlowKind::member_of || flow.kind == FlowKind::represented_on) seated.insert(flow.from);
  }
  for (std::size_t i = 0; i < plan.organisations.size(); ++i) {
    const model::Organisation& o = plan.organisations[i];
    if (!ended(o.status) && !seated.contains(o.id)) {
      problems.warning("/organisations/" + std::to_string(i), o.name + " sits on no board, committee or group in the plan, and hosts none.");
    }
  }

  // Functions nobody holds.
  for (std::size_t i = 0; i < plan.functions.size(); ++i) {
    const model::Function& f = plan.functions[i];
    if (!held.contains(f.id)) {
      problems.warning("/functions/" + std::to_string(i), "Nobody holds " + quoted(f.name) + ": add a \"holds\" flow from the organisation that holds it by statute.");
    }
  }
  return problems;
}

}  // namespace analysis
