// Milestones' changes in plain English, cached (change_words.hpp).
#include "app/change_words.hpp"

#include "analysis/plan_diff.hpp"
#include "analysis/plan_state.hpp"

namespace app {

const std::vector<std::string>& change_sentences(AppState& state, const model::Milestone& milestone) {
  static const std::vector<std::string> none;
  if (!state.document) return none;
  ChangeWords& words = state.change_words;
  const Document& document = *state.document;
  if (words.generation != document.generation || words.revision != document.revision || words.option != state.plan_state.option) {
    words = {document.generation, document.revision, state.plan_state.option, {}};
    // Things are named as the plan has them once everything has happened (a
    // step may rename or add what a later one changes), falling back to the plan as written.
    analysis::PlanState end;
    end.when = analysis::PlanState::When::end;
    end.option = state.plan_state.option;
    const model::Plan names = analysis::plan_union(document.plan, analysis::plan_in_state(document.plan, end).plan);
    const auto describe = [&](const model::Milestone& m) {
      std::vector<std::string>& sentences = words.by_milestone[m.id];
      for (const model::Command& change : m.changes) {
        for (std::string& sentence : analysis::describe_change(names, change)) sentences.push_back(std::move(sentence));
      }
    };
    for (const model::Milestone& m : document.plan.milestones) describe(m);
    for (const model::Option& option : document.plan.options) {
      if (option.id != state.plan_state.option) continue;
      for (const model::Milestone& step : option.steps) describe(step);
    }
  }
  const auto found = words.by_milestone.find(milestone.id);
  return found != words.by_milestone.end() ? found->second : none;
}

}  // namespace app
