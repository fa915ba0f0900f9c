#include "model/collections.hpp"

#include <array>

#include "model/fields.hpp"

namespace model {

namespace {
constexpr std::array table{
    CollectionInfo{Collection::sources, "sources", "source document", ref_source},
    CollectionInfo{Collection::units, "units", "unit", ref_unit},
    CollectionInfo{Collection::organisations, "organisations", "organisation", ref_organisation},
    CollectionInfo{Collection::bodies, "bodies", "body", ref_body},
    CollectionInfo{Collection::posts, "posts", "post", ref_post},
    CollectionInfo{Collection::functions, "functions", "function", ref_function},
    CollectionInfo{Collection::flows, "flows", "flow", ref_other},
    CollectionInfo{Collection::programmes, "programmes", "programme", ref_programme},
    CollectionInfo{Collection::milestones, "milestones", "milestone", ref_milestone},
    CollectionInfo{Collection::options, "options", "option", ref_option},
    CollectionInfo{Collection::criteria, "criteria", "criterion", ref_criterion},
    CollectionInfo{Collection::glossary, "glossary", "glossary entry", ref_other},
    CollectionInfo{Collection::principles, "principles", "principle", ref_other},
    CollectionInfo{Collection::notes, "notes", "note", ref_other},
};
}  // namespace

std::span<const CollectionInfo> collections() { return table; }

const CollectionInfo& collection_info(Collection collection) {
  for (const CollectionInfo& info : table) {
    if (info.collection == collection) return info;
  }
  return table.back();
}

std::optional<Collection> collection_from_name(std::string_view name) {
  for (const CollectionInfo& info : table) {
    if (info.name == name) return info.collection;
  }
  return std::nullopt;
}

}  // namespace model
