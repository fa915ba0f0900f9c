#include "analysis/decision_rights.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

namespace analysis {

namespace {

using model::Certainty;
using model::FlowKind;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ended(model::Lifecycle status) { return status == model::Lifecycle::merged || status == model::Lifecycle::dissolved; }

// What the plan says about its organisations and bodies, looked up by id.
class Names {
 public:
  explicit Names(const model::Plan& plan) {
    for (const auto& o : plan.organisations) names_[o.id] = o.short_name.empty() ? o.name : o.short_name;
    for (const auto& b : plan.bodies) names_[b.id] = b.short_name.empty() ? b.name : b.short_name, bodies_[b.id] = &b;
    for (const auto& p : plan.posts) names_[p.id] = p.title;
    for (const auto& f : plan.functions) names_[f.id] = f.name;
    for (const auto& u : plan.units) names_[u.id] = u.name;
  }
  std::string operator()(const std::string& id) const {
    const auto found = names_.find(id);
    return found == names_.end() ? id : found->second;
  }
  const model::Body* body(const std::string& id) const {
    const auto found = bodies_.find(id);
    return found == bodies_.end() ? nullptr : found->second;
  }
  std::vector<std::string> all(const std::vector<std::string>& ids) const {
    std::vector<std::string> out;
    for (const std::string& id : ids) out.push_back((*this)(id));
    return out;
  }

 private:
  std::unordered_map<std::string, std::string> names_;
  std::unordered_map<std::string, const model::Body*> bodies_;
};

std::string plural_of(const std::string& word) {
  if (word.size() > 1 && word.back() == 'y' && std::string_view("aeiou").find(word[word.size() - 2]) == std::string_view::npos) {
    return word.substr(0, word.size() - 1) + "ies";
  }
  return word + "s";
}

// "Barnsley CCG Governing Body, Sheffield CCG Governing Body" -> "the
// governing bodies of Barnsley CCG and Sheffield CCG": names that end alike
// read better with the ending said once.
std::string grouped(const std::vector<std::string>& names) {
  if (names.size() < 2) return list_in_words(names);
  std::string suffix;
  const std::string& first = names.front();
  for (std::size_t space = first.find(' '); space != std::string::npos; space = first.find(' ', space + 1)) {
    const std::string candidate = first.substr(space);  // " Governing Body"
    if (std::all_of(names.begin(), names.end(), [&](const std::string& n) {
          return n.size() > candidate.size() && n.compare(n.size() - candidate.size(), candidate.size(), candidate) == 0;
        })) {
      suffix = candidate;
      break;
    }
  }
  if (suffix.empty()) return list_in_words(names);
  std::vector<std::string> heads;
  for (const std::string& n : names) heads.push_back(n.substr(0, n.size() - suffix.size()));
  const std::size_t last_space = suffix.rfind(' ');
  const std::string ending = suffix.substr(1, last_space) + plural_of(suffix.substr(last_space + 1));  // "CCG Governing Bodies"
  return "the " + ending + " of " + list_in_words(heads);
}

std::string capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

// "majority vote of its CCG members — assumed: the MoU does not state the rule"
std::string rule_text(const model::Body& body) {
  if (!body.voting) {
    const bool joint = body.kind == model::BodyKind::joint_committee || body.kind == model::BodyKind::committees_in_common;
    return joint ? "its voting rule is not recorded in the plan" : "";
  }
  const model::VotingRule& rule = *body.voting;
  std::string words = lower(model::to_label(rule.method));
  if (!rule.voters.empty()) words += " of its " + rule.voters;
  if (rule.evidence.certainty != Certainty::stated) {
    words += " \xE2\x80\x94 " + std::string(model::to_name(rule.evidence.certainty));
    if (!rule.note.empty()) {
      std::string note = rule.note;
      if (note.size() > 1 && std::isupper(static_cast<unsigned char>(note[0])) && std::islower(static_cast<unsigned char>(note[1]))) note[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(note[0])));
      while (!note.empty() && note.back() == '.') note.pop_back();
      words += ": " + note;
    }
  }
  return words;
}

std::string rule_words(const model::Body& body) {
  const std::string text = rule_text(body);
  return text.empty() ? text : " (" + text + ")";
}

// Bodies take "the" ("the Joint Committee of CCGs"); organisations' names stand alone.
std::string with_article(const std::string& name, bool body) { return body && name.rfind("The ", 0) != 0 ? "the " + name : name; }

std::string lower_first(const std::string& text) { return text.empty() ? text : lower(text.substr(0, 1)) + text.substr(1); }

// Every unit inside a unit, and every unit it is inside.
std::set<std::string> related_units(const model::Plan& plan, const std::string& unit) {
  std::set<std::string> related = {unit};
  std::unordered_map<std::string, std::string> parent;
  for (const auto& u : plan.units) parent[u.id] = u.parent;
  for (std::string up = parent[unit]; !up.empty(); up = parent[up]) {
    if (!related.insert(up).second) break;
  }
  bool grew = true;
  std::set<std::string> inside = {unit};
  while (grew) {
    grew = false;
    for (const auto& u : plan.units) {
      if (inside.count(u.parent) && inside.insert(u.id).second) grew = true;
    }
  }
  related.insert(inside.begin(), inside.end());
  return related;
}

const std::vector<std::string>* area_of(const model::Plan& plan, const std::string& id) {
  for (const auto& o : plan.organisations) {
    if (o.id == id) return &o.area;
  }
  for (const auto& b : plan.bodies) {
    if (b.id == id) return &b.footprint;
  }
  return nullptr;
}

bool delegates_function(const model::Flow& flow, const std::string& function) {
  return flow.kind == FlowKind::delegates && std::find(flow.functions.begin(), flow.functions.end(), function) != flow.functions.end();
}

}  // namespace

std::string list_in_words(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) text += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return text;
}

std::vector<std::size_t> match_functions(const model::Plan& plan, std::string_view query) {
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < plan.functions.size(); ++i) {
    if (plan.functions[i].id == query) return {i};
  }
  std::vector<std::string> words;
  const std::string q = lower(query);
  for (std::size_t start = 0; start < q.size();) {
    const std::size_t end = std::min(q.find(' ', start), q.size());
    if (end > start) words.push_back(q.substr(start, end - start));
    start = end + 1;
  }
  if (words.empty()) return found;
  for (std::size_t i = 0; i < plan.functions.size(); ++i) {
    const std::string name = lower(plan.functions[i].name);
    if (std::all_of(words.begin(), words.end(), [&](const std::string& w) { return name.find(w) != std::string::npos; })) found.push_back(i);
  }
  return found;
}

DecisionRoute trace_decision(const model::Plan& plan, const std::string& function_id, const std::string& unit) {
  DecisionRoute route;
  route.function = function_id;
  const Names name(plan);
  const std::set<std::string> units = unit.empty() ? std::set<std::string>{} : related_units(plan, unit);
  const auto covers = [&](const std::string& id) {
    if (unit.empty()) return true;
    const auto* area = area_of(plan, id);
    if (!area || area->empty()) return true;  // national, or no area recorded: for everyone
    return std::any_of(area->begin(), area->end(), [&](const std::string& u) { return units.count(u) > 0; });
  };
  for (const model::Flow& flow : plan.flows) {
    if (flow.kind == FlowKind::holds && std::find(flow.functions.begin(), flow.functions.end(), function_id) != flow.functions.end() &&
        covers(flow.from) && std::find(route.holders.begin(), route.holders.end(), flow.from) == route.holders.end()) {
      route.holders.push_back(flow.from);
    }
  }
  // An organisation acts through the bodies it hosts (a CCG through its governing body).
  std::unordered_map<std::string, std::vector<std::string>> acts_through;
  for (const model::Body& body : plan.bodies) {
    for (const std::string& host : body.hosts) acts_through[host].push_back(body.id);
  }
  const auto outgoing = [&](const std::string& id) {
    std::vector<const model::Flow*> flows;
    std::vector<std::string> actors = {id};
    for (const std::string& b : acts_through[id]) actors.push_back(b);
    for (const model::Flow& flow : plan.flows) {
      if (delegates_function(flow, function_id) && std::find(actors.begin(), actors.end(), flow.from) != actors.end()) flows.push_back(&flow);
    }
    return flows;
  };
  std::set<std::string> seen;
  std::vector<std::string> frontier;
  for (const std::string& holder : route.holders) {
    seen.insert(holder);
    const auto flows = outgoing(holder);
    if (flows.empty()) {
      route.kept_by.push_back(holder);
      route.deciders.push_back(holder);
    }
    for (const model::Flow* flow : flows) {
      route.steps.push_back({flow->id, flow->from, flow->to, flow->evidence.certainty});
      if (seen.insert(flow->to).second) frontier.push_back(flow->to);
    }
  }
  // Follow delegations on until each reaches a body that delegates no further.
  std::set<std::string> looped;
  for (std::size_t i = 0; i < frontier.size(); ++i) {
    std::string at = frontier[i];
    const model::Body* body = name.body(at);
    // A body that has ended hands its decisions to its successor.
    while (body && ended(body->status) && !body->successor.empty() && !seen.count(body->successor)) {
      route.steps.push_back({"", at, body->successor, Certainty::stated});
      seen.insert(body->successor);
      at = body->successor;
      body = name.body(at);
    }
    const auto flows = outgoing(at);
    if (flows.empty()) {
      if (std::find(route.deciders.begin(), route.deciders.end(), at) == route.deciders.end()) route.deciders.push_back(at);
      continue;
    }
    for (const model::Flow* flow : flows) {
      route.steps.push_back({flow->id, flow->from, flow->to, flow->evidence.certainty});
      if (seen.insert(flow->to).second) frontier.push_back(flow->to);
      else looped.insert(flow->to);  // reached again: converging, or a loop when nobody ends up deciding
    }
  }
  if (route.deciders.empty() && !looped.empty()) route.loop.assign(looped.begin(), looped.end());

  // The sentence.
  const std::string function = capitalised(name(function_id));
  if (route.holders.empty()) {
    route.sentence = "Nobody in the plan holds \"" + name(function_id) + "\"" + (unit.empty() ? "" : " for " + name(unit)) +
                     ": add a \"holds\" flow from the organisation that holds it by statute.";
    return route;
  }
  if (!route.decided()) {
    route.sentence = function + " is delegated round in a loop (" + list_in_words(name.all(route.loop)) +
                     "), so no body ends up deciding it: one of those delegations needs to go.";
    return route;
  }
  std::string sentence = function + (unit.empty() ? "" : " for " + name(unit)) + " is decided by ";
  std::vector<std::string> decided;
  for (const std::string& d : route.deciders) {
    if (std::count(route.kept_by.begin(), route.kept_by.end(), d)) continue;
    const model::Body* body = name.body(d);
    std::string words = with_article(name(d), body != nullptr) + (body ? rule_words(*body) : "");
    for (const DecisionStep& step : route.steps) {
      if (step.flow.empty() && step.to == d) words += ", which replaced " + name(step.from);
    }
    decided.push_back(words);
  }
  if (!decided.empty()) {
    sentence += list_in_words(decided) + ".";
    // Who delegated it there, and what they keep.
    std::vector<std::string> delegators;
    for (const DecisionStep& step : route.steps) {
      if (!step.flow.empty() && std::count(route.deciders.begin(), route.deciders.end(), step.to) &&
          std::find(delegators.begin(), delegators.end(), step.from) == delegators.end()) {
        delegators.push_back(step.from);
      }
    }
    const std::vector<std::string> delegator_names = name.all(delegators);
    sentence += " " + capitalised(grouped(delegator_names)) + " delegated it" + (delegators.size() > 1 ? "; each keeps" : ", and keeps") +
                " every other function " + (delegators.size() > 1 ? "it holds." : "it holds.");
    std::vector<std::string> doubtful;
    for (const DecisionStep& step : route.steps) {
      if (step.certainty != Certainty::stated) doubtful.push_back(name(step.from) + " (" + std::string(model::to_name(step.certainty)) + ")");
    }
    if (!doubtful.empty()) sentence += " The plan does not state all of these delegations as fact: " + list_in_words(doubtful) + ".";
    if (!route.kept_by.empty()) sentence += " " + capitalised(list_in_words(name.all(route.kept_by))) + (route.kept_by.size() > 1 ? " keep it and decide it themselves." : " keeps it and decides it itself.");
  } else if (route.kept_by.size() == 1) {
    sentence += name(route.kept_by.front()) + ", which holds it by statute and delegates none of it.";
  } else {
    sentence += "each of " + list_in_words(name.all(route.kept_by)) + " for its own area: they hold it by statute and delegate none of it.";
  }
  route.sentence = sentence;
  return route;
}

std::string decision_rights_of(const model::Plan& plan, const std::string& id) {
  const Names name(plan);
  if (const model::Body* body = name.body(id)) {
    // What reaches it by delegation and stops there.
    std::map<std::string, std::vector<std::string>> decides;  // function -> delegators
    for (const model::Flow& flow : plan.flows) {
      if (flow.kind != FlowKind::delegates || flow.to != id) continue;
      for (const std::string& f : flow.functions) {
        const bool passes_on = std::any_of(plan.flows.begin(), plan.flows.end(), [&](const model::Flow& g) { return g.from == id && delegates_function(g, f); });
        if (!passes_on) decides[f].push_back(flow.from);
      }
    }
    std::vector<std::string> reports;
    for (const model::Flow& flow : plan.flows) {
      if (flow.kind == FlowKind::reports_to && flow.from == id) reports.push_back(flow.to);
    }
    std::string text;
    if (decides.empty()) {
      text = capitalised(with_article(name(id), true)) + " decides nothing delegated to it in the plan.";
    } else {
      // Functions delegated by the same bodies are said together.
      std::map<std::vector<std::string>, std::vector<std::string>> by_delegators;
      for (const auto& [function, from] : decides) by_delegators[from].push_back(lower_first(name(function)));
      std::vector<std::string> parts;
      for (const auto& [from, functions] : by_delegators) parts.push_back(list_in_words(functions) + " for " + grouped(name.all(from)));
      text = capitalised(with_article(name(id), true)) + " decides " + list_in_words(parts) + ".";
      if (const std::string rule = rule_text(*body); !rule.empty()) text += " It decides by " + rule + ".";
    }
    text += reports.empty() ? " It reports to no other body in the plan." : " It reports to " + list_in_words(name.all(reports)) + ".";
    return text;
  }
  const auto organisation = std::find_if(plan.organisations.begin(), plan.organisations.end(), [&](const model::Organisation& o) { return o.id == id; });
  if (organisation == plan.organisations.end()) return {};
  std::vector<std::string> held;
  for (const model::Flow& flow : plan.flows) {
    if (flow.kind == FlowKind::holds && flow.from == id) held.insert(held.end(), flow.functions.begin(), flow.functions.end());
  }
  if (held.empty()) return name(id) + " holds no function in the plan.";
  std::vector<std::string> kept;
  std::vector<std::string> delegated;
  for (const std::string& f : held) {
    const DecisionRoute route = trace_decision(plan, f);
    bool passed = false;
    for (const DecisionStep& step : route.steps) {
      const model::Body* via = name.body(step.from);
      const bool ours = step.from == id || (via && std::count(via->hosts.begin(), via->hosts.end(), id));
      if (ours && !step.flow.empty()) {
        delegated.push_back(lower_first(name(f)) + " to " + with_article(name(step.to), name.body(step.to) != nullptr) +
                            (step.from == id ? "" : " (through its " + (via ? lower(model::to_label(via->kind)) : std::string("body")) + ")"));
        passed = true;
      }
    }
    if (!passed) kept.push_back(lower_first(name(f)));
  }
  std::string text = name(id) + " holds " + std::to_string(held.size()) + (held.size() == 1 ? " function" : " functions") + ".";
  if (!delegated.empty()) text += " It delegated " + list_in_words(delegated) + ".";
  if (!kept.empty()) text += " It keeps " + list_in_words(kept) + (delegated.empty() ? ", all of them." : ".");
  return text;
}

}  // namespace analysis
