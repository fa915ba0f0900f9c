// The built-in NHS glossary, a plan's glossary in front of it, and finding
// the terms a text uses.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "analysis/glossary.hpp"

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

const analysis::GlossaryTerm* find_term(const std::vector<analysis::GlossaryTerm>& glossary, const std::string& term) {
  for (const analysis::GlossaryTerm& entry : glossary) {
    if (entry.term == term) return &entry;
  }
  return nullptr;
}

model::GlossaryEntry entry(const std::string& term, const std::string& meaning) {
  model::GlossaryEntry e;
  e.id = "glossary-" + lower(term);
  e.term = term;
  e.meaning = meaning;
  return e;
}

std::vector<std::string> terms_of(const std::vector<const analysis::GlossaryTerm*>& found) {
  std::vector<std::string> terms;
  for (const analysis::GlossaryTerm* term : found) terms.push_back(term->term);
  return terms;
}

std::vector<analysis::GlossaryTerm> small_glossary() {
  return {{"CCG", "Clinical commissioning group.", false},
          {"ICS", "Integrated care system.", false},
          {"CiC", "Committees in common.", false},
          {"Joint committee", "A committee of several bodies.", false},
          {"Local authority", "A council.", false},
          {"NHS", "National Health Service.", false},
          {"NHS England", "The national body.", false}};
}

}  // namespace

TEST_CASE("the built-in glossary explains the abbreviations the example plans use, and more") {
  const auto& glossary = analysis::nhs_glossary();
  for (const char* term : {"ACS", "ACP", "CiC", "JC", "STP", "SRO", "PCN", "ICS", "CCG", "AO"}) {
    CAPTURE(term);
    CHECK(find_term(glossary, term) != nullptr);
  }
  for (const char* term : {"ICB", "Joint committee", "Committees in common", "Place", "NHS England", "Shadow form", "HOSC", "OSC"}) {
    CAPTURE(term);
    CHECK(find_term(glossary, term) != nullptr);
  }
  // An abbreviation gives its full name first; a historical one says when it ended.
  REQUIRE(find_term(glossary, "CCG"));
  CHECK(find_term(glossary, "CCG")->meaning.rfind("Clinical commissioning group: ", 0) == 0);
  CHECK(find_term(glossary, "CCG")->meaning.find("July 2022") != std::string::npos);
  REQUIRE(find_term(glossary, "Clinical commissioning group"));
  CHECK(find_term(glossary, "Clinical commissioning group")->meaning.find("Often written CCG.") != std::string::npos);
}

TEST_CASE("no built-in term appears twice, ignoring case, and every one has a short meaning") {
  const auto& glossary = analysis::nhs_glossary();
  std::set<std::string> seen;
  for (const analysis::GlossaryTerm& term : glossary) {
    CAPTURE(term.term);
    CHECK(seen.insert(lower(term.term)).second);
    CHECK_FALSE(term.from_plan);
    REQUIRE_FALSE(term.meaning.empty());
    CHECK(std::isupper(static_cast<unsigned char>(term.meaning.front())));
    CHECK(term.meaning.back() == '.');
    CHECK(term.meaning.size() <= 300);
    CHECK(term.meaning.find("  ") == std::string::npos);
  }
  CHECK(std::is_sorted(glossary.begin(), glossary.end(),
                       [](const analysis::GlossaryTerm& a, const analysis::GlossaryTerm& b) { return lower(a.term) < lower(b.term); }));
}

TEST_CASE("a plan's own glossary comes first and wins over the built-in terms it defines, in any case") {
  model::Plan plan;
  plan.glossary = {entry("Place", "Here, one of the five local areas."), entry("CCG", "Our own meaning."),
                   entry("joint Committee", "Ours too."), entry("SYB", "South Yorkshire and Bassetlaw.")};
  const auto glossary = analysis::glossary_for(plan);

  REQUIRE(glossary.size() >= 4);
  CHECK(glossary[0].term == "Place");
  CHECK(glossary[1].term == "CCG");
  CHECK(glossary[1].meaning == "Our own meaning.");
  CHECK(glossary[2].term == "joint Committee");
  CHECK(glossary[3].term == "SYB");
  for (std::size_t i = 0; i < glossary.size(); ++i) CHECK(glossary[i].from_plan == (i < 4));
  CHECK(glossary.size() == 4 + analysis::nhs_glossary().size() - 3);  // Place, CCG and Joint committee are the plan's

  std::set<std::string> seen;
  for (const analysis::GlossaryTerm& term : glossary) {
    CAPTURE(term.term);
    CHECK(seen.insert(lower(term.term)).second);
  }
  CHECK(std::is_sorted(glossary.begin() + 4, glossary.end(),
                       [](const analysis::GlossaryTerm& a, const analysis::GlossaryTerm& b) { return lower(a.term) < lower(b.term); }));

  // A plan without a glossary gets the built-in one.
  CHECK(analysis::glossary_for(model::Plan{}).size() == analysis::nhs_glossary().size());
}

TEST_CASE("an abbreviation is found as written, with a plural s, and never inside another word") {
  const auto glossary = small_glossary();
  CHECK(terms_of(analysis::terms_in("The CCGs agreed.", glossary)) == std::vector<std::string>{"CCG"});
  CHECK(terms_of(analysis::terms_in("Each CCG's governing body", glossary)) == std::vector<std::string>{"CCG"});
  CHECK(terms_of(analysis::terms_in("(CCG)", glossary)) == std::vector<std::string>{"CCG"});
  CHECK(analysis::terms_in("the ccg agreed", glossary).empty());
  CHECK(analysis::terms_in("ACCG and CCGX and CCG2", glossary).empty());
  CHECK(analysis::terms_in("the CIC met", glossary).empty());
  CHECK(terms_of(analysis::terms_in("the CiCs met", glossary)) == std::vector<std::string>{"CiC"});
  CHECK(analysis::terms_in("physics", glossary).empty());
}

TEST_CASE("a term of several words is found in any case, across line breaks, with a plural") {
  const auto glossary = small_glossary();
  CHECK(terms_of(analysis::terms_in("a JOINT COMMITTEE of CCGs", glossary)) == std::vector<std::string>{"Joint committee", "CCG"});
  CHECK(terms_of(analysis::terms_in("two joint\n   Committees", glossary)) == std::vector<std::string>{"Joint committee"});
  CHECK(terms_of(analysis::terms_in("the local authorities", glossary)) == std::vector<std::string>{"Local authority"});
  CHECK(analysis::terms_in("joint committeeship", glossary).empty());
  CHECK(analysis::terms_in("a disjoint committee", glossary).empty());
}

TEST_CASE("each term is given once, in the order it first occurs, the longer first where two start together") {
  const auto glossary = small_glossary();
  CHECK(terms_of(analysis::terms_in("The ICS and the CCG; later the CCGs and the ICS again.", glossary)) ==
        std::vector<std::string>{"ICS", "CCG"});
  CHECK(terms_of(analysis::terms_in("NHS England asked each ICS.", glossary)) == std::vector<std::string>{"NHS England", "NHS", "ICS"});

  // The pointers are into the glossary given.
  const auto found = analysis::terms_in("a CCG", glossary);
  REQUIRE(found.size() == 1);
  CHECK(found[0] == &glossary[0]);
}

TEST_CASE("an empty or blank text uses no terms") {
  CHECK(analysis::terms_in("", small_glossary()).empty());
  CHECK(analysis::terms_in(" \n\t", small_glossary()).empty());
  CHECK(analysis::terms_in("", analysis::nhs_glossary()).empty());
}

TEST_CASE("the built-in glossary finds the terms of a board paper") {
  const std::string text =
      "SYB acute providers have established Committees in Common (CiC); the CCG Governing Bodies have delegated authority to a "
      "joint committee, and each of the five Places will develop an ACP in shadow form.";
  const auto found = terms_of(analysis::terms_in(text, analysis::nhs_glossary()));
  const std::vector<std::string> expected = {"Provider", "Committees in common", "CiC", "CCG", "Governing body", "Delegated authority",
                                             "Joint committee", "Place", "ACP", "Shadow form"};
  CHECK(found == expected);
}
