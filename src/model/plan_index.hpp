#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/collections.hpp"
#include "model/id_map.hpp"
#include "model/problems.hpp"

namespace model {

// Where an id lives: a collection and a position; option steps (milestones
// inside an option) also have their step number.
struct Location {
  Collection collection = Collection::units;
  std::size_t index = 0;
  std::ptrdiff_t step = -1;

  unsigned ref_kind() const;
  std::string path() const;  // JSON Pointer of the entity: /units/3, /options/1/steps/0
  std::string describe() const;  // "the unit at /units/3"
};

// Every id in the plan. Duplicate ids are reported to problems (if given)
// and the first one wins.
class PlanIndex {
 public:
  explicit PlanIndex(const Plan& plan, Problems* duplicates = nullptr);
  const Location* find(const std::string& id) const;

  // Keeping the index in step with edits, so that a long run of changes
  // (an option's steps, a batch) does not rebuild it for each one.
  void insert(const std::string& id, Location location);
  void erase(const std::string& id) { ids_.erase(id); }
  // Re-records the positions of a collection's entries from position `from`
  // on (after an insertion or removal there).
  void reindex_from(const Plan& plan, Collection collection, std::size_t from);

 private:
  // A copy of the id for the map to view: the plan's own may move as its
  // lists grow. Copies go one after another into blocks that never move
  // (England has some 25,000 ids; a string each took a third of the time).
  std::string_view keep(std::string_view id);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;  // where the next copy goes
  std::size_t room_ = 0;  // bytes left after next_
  IdMap<Location> ids_;
};

// The entity at a location, as the generic visitor sees it.
template <class PlanT, class F>
void visit_location(PlanT& plan, const Location& location, F&& f) {
  if (location.step >= 0) {
    f(plan.options[location.index].steps[static_cast<std::size_t>(location.step)]);
    return;
  }
  visit_collection(plan, location.collection, [&](auto& items) { f(items[location.index]); });
}

// Says why a reference is wrong, or "" when it resolves to an allowed kind.
std::string check_reference(const PlanIndex& index, const std::string& id, unsigned kinds);

}  // namespace model
