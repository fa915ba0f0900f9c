#pragma once
// The words of NHS structures in plain English, for residents reading a
// plan: the plan's own glossary, a built-in one of common terms that a plan
// may leave out, and which of them a piece of text uses (for tooltips and a
// "terms used here" list).
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace analysis {

struct GlossaryTerm {
  std::string term;     // as written: "CCG", "CiC", "Joint committee"
  std::string meaning;  // one or two short sentences
  bool from_plan = false;
};

// The built-in NHS glossary: common terms a plan may leave out, sorted by
// term (ignoring case). Abbreviations give their full name first
// ("CCG": "Clinical commissioning group: ..."); historical terms say when
// they ended.
const std::vector<GlossaryTerm>& nhs_glossary();

// The plan's own glossary first (from_plan = true, in the plan's order),
// then every built-in term the plan does not define (terms compared ignoring
// case and spacing), sorted by term.
std::vector<GlossaryTerm> glossary_for(const model::Plan& plan);

// The terms of `glossary` that occur in `text` as whole words, each once, in
// the order they first occur (at the same place, the longer term first).
//   A one-word term with two or more capitals is an abbreviation and matches
//   exactly as written: "CCG" matches "CCG", "CCGs" and "CCG's", but not
//   "ccg" or "ACCG"; "CiC" matches "CiC" but not "CIC".
//   Any other term matches ignoring case, any run of spaces or line breaks
//   between its words, and a plural s ("Joint committee" matches "joint
//   Committees"; one ending in y also matches "ies": "Local authorities").
// A term inside a longer one is found too ("NHS" in "NHS England").
// The pointers point into `glossary`.
std::vector<const GlossaryTerm*> terms_in(const std::string& text, const std::vector<GlossaryTerm>& glossary);

}  // namespace analysis
