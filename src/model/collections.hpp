#pragma once
// The plan's collections of entities, by name, with generic access.
#include <optional>
#include <span>
#include <string_view>

#include "model/plan.hpp"

namespace model {

enum class Collection {
  sources, units, organisations, bodies, posts, functions, flows, programmes,
  milestones, options, criteria, glossary, principles, notes
};

struct CollectionInfo {
  Collection collection;
  std::string_view name;      // the JSON field: "units"
  std::string_view singular;  // for messages: "unit"
  unsigned ref_kind;          // RefKind bit of its entities
};

std::span<const CollectionInfo> collections();
const CollectionInfo& collection_info(Collection collection);
std::optional<Collection> collection_from_name(std::string_view name);

// Calls f with the collection's vector (its element type varies).
template <class PlanT, class F>
decltype(auto) visit_collection(PlanT& plan, Collection collection, F&& f) {
  switch (collection) {
    case Collection::sources: return f(plan.sources);
    case Collection::units: return f(plan.units);
    case Collection::organisations: return f(plan.organisations);
    case Collection::bodies: return f(plan.bodies);
    case Collection::posts: return f(plan.posts);
    case Collection::functions: return f(plan.functions);
    case Collection::flows: return f(plan.flows);
    case Collection::programmes: return f(plan.programmes);
    case Collection::milestones: return f(plan.milestones);
    case Collection::options: return f(plan.options);
    case Collection::criteria: return f(plan.criteria);
    case Collection::glossary: return f(plan.glossary);
    case Collection::principles: return f(plan.principles);
    case Collection::notes: break;
  }
  return f(plan.notes);
}

template <class PlanT, class F>
void for_each_collection(PlanT& plan, F&& f) {
  for (const CollectionInfo& info : collections()) {
    visit_collection(plan, info.collection, [&](auto& items) { f(info, items); });
  }
}

}  // namespace model
