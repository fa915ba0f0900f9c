#include "model/plan_index.hpp"

#include <algorithm>

#include "model/fields.hpp"

namespace model {

unsigned Location::ref_kind() const {
  return step >= 0 ? ref_milestone : collection_info(collection).ref_kind;
}

std::string Location::path() const {
  std::string path = pointer_join("", std::string(collection_info(collection).name));
  path = pointer_join(path, index);
  if (step >= 0) path = pointer_join(pointer_join(path, "steps"), static_cast<std::size_t>(step));
  return path;
}

std::string Location::describe() const {
  const std::string_view singular = step >= 0 ? "option step" : collection_info(collection).singular;
  return std::string(singular) + " at " + path();
}

PlanIndex::PlanIndex(const Plan& plan, Problems* duplicates) {
  auto add = [&](const std::string& id, Location location) {
    if (id.empty()) return;
    const auto [first, added] = ids_.try_emplace(keep(id), location);  // one look-up: duplicates are rare
    if (!added && duplicates) {
      duplicates->error(pointer_join(location.path(), "id"),
                        "duplicate id " + quote_text(id) + ": the " + first->describe() + " has it too; ids must be unique across the plan");
    }
  };
  // Sized once: a national plan has some 25,000 ids, and growing the table
  // as it fills rehashed them a dozen times.
  std::size_t count = 0;
  for_each_collection(plan, [&](const CollectionInfo&, const auto& items) { count += items.size(); });
  ids_.reserve(count);
  for_each_collection(plan, [&](const CollectionInfo& info, const auto& items) {
    for (std::size_t i = 0; i < items.size(); ++i) add(items[i].id, {info.collection, i, -1});
  });
  for (std::size_t i = 0; i < plan.options.size(); ++i) {
    for (std::size_t s = 0; s < plan.options[i].steps.size(); ++s) {
      add(plan.options[i].steps[s].id, {Collection::options, i, static_cast<std::ptrdiff_t>(s)});
    }
  }
}

void PlanIndex::reindex_from(const Plan& plan, Collection collection, std::size_t from) {
  visit_collection(plan, collection, [&](const auto& items) {
    for (std::size_t i = from; i < items.size(); ++i) {
      if (!items[i].id.empty()) insert(items[i].id, {collection, i, -1});
    }
  });
  if (collection != Collection::options) return;
  for (std::size_t i = from; i < plan.options.size(); ++i) {
    for (std::size_t s = 0; s < plan.options[i].steps.size(); ++s) {
      if (!plan.options[i].steps[s].id.empty()) {
        insert(plan.options[i].steps[s].id, {Collection::options, i, static_cast<std::ptrdiff_t>(s)});
      }
    }
  }
}

void PlanIndex::insert(const std::string& id, Location location) {
  if (Location* known = ids_.find(id)) {
    *known = location;
    return;
  }
  ids_.try_emplace(keep(id), location);
}

std::string_view PlanIndex::keep(std::string_view id) {
  if (id.size() > room_) {
    room_ = std::max<std::size_t>(id.size(), 64 * 1024);
    blocks_.push_back(std::make_unique<char[]>(room_));
    next_ = blocks_.back().get();
  }
  const std::string_view copy(next_, id.size());
  std::copy(id.begin(), id.end(), next_);
  next_ += id.size();
  room_ -= id.size();
  return copy;
}

const Location* PlanIndex::find(const std::string& id) const { return ids_.find(id); }

std::string check_reference(const PlanIndex& index, const std::string& id, unsigned kinds) {
  const Location* location = index.find(id);
  if (!location) {
    return "refers to " + quote_text(id) + ", but nothing in the plan has that id; it must be " + describe_ref_kinds(kinds);
  }
  if ((location->ref_kind() & kinds) == 0) {
    return "refers to " + quote_text(id) + ", which is the " + location->describe() + "; it must be " + describe_ref_kinds(kinds);
  }
  return {};
}

}  // namespace model
