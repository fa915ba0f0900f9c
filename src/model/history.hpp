#pragma once
#include <string>
#include <vector>

#include "model/command.hpp"

namespace model {

// Undo and redo over commands: each applied command keeps its inverse.
class History {
 public:
  explicit History(std::size_t limit = 1000) : limit_(limit) {}

  // Applies the command; on success it can be undone, and redo is cleared.
  ApplyResult execute(Plan& plan, const Command& command);
  ApplyResult undo(Plan& plan);
  ApplyResult redo(Plan& plan);

  bool can_undo() const { return !done_.empty(); }
  bool can_redo() const { return !undone_.empty(); }
  std::string undo_label() const;  // "Undo rename \"Barnsley CCG\"" or ""
  std::string redo_label() const;
  void clear();

 private:
  struct Entry {
    Command command;
    Command inverse;
  };
  std::vector<Entry> done_;
  std::vector<Entry> undone_;
  std::size_t limit_;
};

}  // namespace model
