#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

// The closed vocabularies of a plan. Each has its JSON name (kebab-case,
// never renamed once released) and a plain-English label for people.
namespace model {

enum class Layer { community, practice, pcn, place, system, region };
enum class OrganisationKind {
  ccg, icb, nhs_england, nhs_england_region, nhs_improvement, department_of_health,
  acute_trust, mental_health_trust, community_trust, childrens_trust, ambulance_trust,
  local_authority, health_education_england, public_health_england, care_quality_commission,
  voluntary_sector, healthwatch, gp_practice, pcn, gp_federation, alliance, university, other
};
enum class PartnershipRole { none, party_to, partner_in };
enum class PartnershipTier { none, core, associate };
enum class Lifecycle { proposed, emerging, shadow, established, legally_constituted, merged, dissolved };
enum class Succession { merged_into, replaced_by };
enum class BodyKind {
  governing_body, board, management_board, joint_committee, committees_in_common, committee,
  steering_group, programme_board, project_board, oversight_group, partnership_board,
  executive_group, clinical_reference_group, health_and_wellbeing_board, lay_partners_forum,
  federation_executive, place_partnership, network, working_group, other
};
enum class VotingMethod { majority, unanimous, consensus, lead_decides };
enum class PostRole {
  accountable_officer, chief_officer, chief_executive, chief_finance_officer, director_of_finance,
  chair, clinical_chair, independent_chair, lay_member, senior_responsible_owner, finance_lead,
  programme_director, programme_manager, director, managing_director, clinical_lead,
  healthwatch_representative, other
};
enum class FlowKind {
  holds, delegates, reports_to, assures, regulates, advises, member_of, represented_on, hosts,
  recommends, approves, can_veto, replaces
};
enum class ProgrammeKind { programme, workstream, project };
enum class OptionStatus { proposed, preferred, rejected, decided };
enum class Certainty { stated, assumed, illustrative };

template <class E>
struct EnumName {
  E value;
  const char* name;   // in files
  const char* label;  // for people
};

// The table for each enum (every value, in declaration order).
template <class E>
std::span<const EnumName<E>> enum_names();

template <> std::span<const EnumName<Layer>> enum_names<Layer>();
template <> std::span<const EnumName<OrganisationKind>> enum_names<OrganisationKind>();
template <> std::span<const EnumName<PartnershipRole>> enum_names<PartnershipRole>();
template <> std::span<const EnumName<PartnershipTier>> enum_names<PartnershipTier>();
template <> std::span<const EnumName<Lifecycle>> enum_names<Lifecycle>();
template <> std::span<const EnumName<Succession>> enum_names<Succession>();
template <> std::span<const EnumName<BodyKind>> enum_names<BodyKind>();
template <> std::span<const EnumName<VotingMethod>> enum_names<VotingMethod>();
template <> std::span<const EnumName<PostRole>> enum_names<PostRole>();
template <> std::span<const EnumName<FlowKind>> enum_names<FlowKind>();
template <> std::span<const EnumName<ProgrammeKind>> enum_names<ProgrammeKind>();
template <> std::span<const EnumName<OptionStatus>> enum_names<OptionStatus>();
template <> std::span<const EnumName<Certainty>> enum_names<Certainty>();

template <class E>
std::string_view to_name(E value) {
  for (const auto& entry : enum_names<E>()) {
    if (entry.value == value) return entry.name;
  }
  return {};
}

template <class E>
std::string_view to_label(E value) {
  for (const auto& entry : enum_names<E>()) {
    if (entry.value == value) return entry.label;
  }
  return {};
}

template <class E>
std::optional<E> from_name(std::string_view name) {
  for (const auto& entry : enum_names<E>()) {
    if (name == entry.name) return entry.value;
  }
  return std::nullopt;
}

// "a, b or c": the names, for messages that say what is allowed.
template <class E>
std::string list_names() {
  std::string text;
  const auto names = enum_names<E>();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += names[i].name;
  }
  return text;
}

// Layers are ordered from the smallest population upwards.
inline int layer_rank(Layer layer) { return static_cast<int>(layer); }

}  // namespace model
