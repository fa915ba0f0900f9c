#include "model/history.hpp"

namespace model {

ApplyResult History::execute(Plan& plan, const Command& command) {
  ApplyResult result = apply_command(plan, command);
  if (!result.ok) return result;
  done_.push_back({command, result.inverse});
  if (done_.size() > limit_) done_.erase(done_.begin());
  undone_.clear();
  return result;
}

ApplyResult History::undo(Plan& plan) {
  if (done_.empty()) return {};
  ApplyResult result = apply_command(plan, done_.back().inverse);
  if (!result.ok) return result;  // the history no longer matches the plan; leave it as it is
  undone_.push_back(std::move(done_.back()));
  done_.pop_back();
  return result;
}

ApplyResult History::redo(Plan& plan) {
  if (undone_.empty()) return {};
  ApplyResult result = apply_command(plan, undone_.back().command);
  if (!result.ok) return result;
  undone_.back().inverse = result.inverse;
  done_.push_back(std::move(undone_.back()));
  undone_.pop_back();
  return result;
}

std::string History::undo_label() const {
  return done_.empty() ? std::string() : "Undo " + describe_command(done_.back().command);
}

std::string History::redo_label() const {
  return undone_.empty() ? std::string() : "Redo " + describe_command(undone_.back().command);
}

void History::clear() {
  done_.clear();
  undone_.clear();
}

}  // namespace model
