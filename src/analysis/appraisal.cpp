// Weighted totals and a ranking of the plan's options (appraisal.hpp).
#include "analysis/appraisal.hpp"

#include <algorithm>

#include "model/fields.hpp"

namespace analysis {

Appraisal appraise(const model::Plan& plan) {
  Appraisal result;
  for (const model::Criterion& criterion : plan.criteria) result.criteria.push_back(&criterion);
  for (const model::Option& option : plan.options) {
    AppraisedOption row;
    row.id = option.id;
    row.title = option.title;
    for (const model::Criterion* criterion : result.criteria) {
      std::optional<double> value;
      std::string rationale;
      model::Certainty certainty = model::Certainty::stated;
      for (const model::Score& score : option.scores) {
        if (score.criterion == criterion->id) value = score.value, rationale = score.rationale, certainty = score.certainty;
      }
      row.certainties.push_back(certainty);
      if (value) row.total += criterion->weight * *value, ++row.scored;
      row.scores.push_back(value);
      row.rationales.push_back(std::move(rationale));
    }
    result.options.push_back(std::move(row));
  }
  for (AppraisedOption& row : result.options) {
    if (row.scored == 0) continue;
    row.rank = 1;
    for (const AppraisedOption& other : result.options) row.rank += other.scored > 0 && other.total > row.total ? 1 : 0;
  }
  return result;
}

std::optional<model::Command> set_score(const model::Plan& plan, const std::string& option, const std::string& criterion, double value) {
  for (const model::Option& o : plan.options) {
    if (o.id != option) continue;
    std::vector<model::Score> scores = o.scores;
    const auto found = std::find_if(scores.begin(), scores.end(), [&](const model::Score& s) { return s.criterion == criterion; });
    if (found != scores.end()) {
      found->value = value;
    } else {
      model::Score score;
      score.criterion = criterion;
      score.value = value;
      score.certainty = model::Certainty::assumed;
      scores.push_back(std::move(score));
    }
    model::Json json = model::Json::array();
    for (const model::Score& s : scores) json.push_back(model::write_object(s));
    return model::set_command(option, "scores", std::move(json));
  }
  return std::nullopt;
}

}  // namespace analysis
