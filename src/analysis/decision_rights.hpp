#pragma once
// Decision rights: who decides a function, for whom, by what route. From
// the organisations that hold it by statute, through each delegation (an
// organisation delegates through the bodies it hosts, such as its governing
// body), to the body that ends up deciding it; what is not delegated stays
// with its holder. And the reverse: what a body decides and for whom, what
// an organisation delegated and kept. Pure: plans in, sentences out.
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"

namespace analysis {

// Functions whose id is the query, else whose name contains every word of
// it (any case). Indexes into plan.functions.
std::vector<std::size_t> match_functions(const model::Plan& plan, std::string_view query);

struct DecisionStep {
  std::string flow;  // the delegation's id ("" for a body that replaced another)
  std::string from;
  std::string to;
  model::Certainty certainty = model::Certainty::stated;
};

struct DecisionRoute {
  std::string function;               // its id
  std::vector<std::string> holders;   // who holds it by statute (for the unit, when one is given)
  std::vector<DecisionStep> steps;    // every delegation followed, in order
  std::vector<std::string> deciders;  // where it ends: the bodies or organisations that decide it
  std::vector<std::string> kept_by;   // holders that delegated none of it (also among deciders)
  std::vector<std::string> loop;      // set when delegations go round in a loop and nobody ends up deciding
  std::string sentence;               // all of it in plain English
  bool decided() const { return !deciders.empty(); }
};

// unit: optional; limits the holders to those whose area (or footprint)
// covers it, lies inside it or contains it, and those with no area.
DecisionRoute trace_decision(const model::Plan& plan, const std::string& function_id, const std::string& unit = "");

// The reverse: what a body decides, on whose behalf, under which rule and
// to whom it reports; or what an organisation holds, delegated and kept.
// Empty for an id that is neither.
std::string decision_rights_of(const model::Plan& plan, const std::string& id);

// "a, b and c"
std::string list_in_words(const std::vector<std::string>& items);

}  // namespace analysis
