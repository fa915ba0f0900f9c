#include "model/enums.hpp"

#include <array>

namespace model {

namespace {

constexpr std::array layers{
    EnumName<Layer>{Layer::community, "community", "Community"},
    EnumName<Layer>{Layer::practice, "practice", "GP practice"},
    EnumName<Layer>{Layer::pcn, "pcn", "Primary Care Network"},
    EnumName<Layer>{Layer::place, "place", "Place"},
    EnumName<Layer>{Layer::system, "system", "System"},
    EnumName<Layer>{Layer::region, "region", "Region"},
};

using OK = OrganisationKind;
constexpr std::array organisation_kinds{
    EnumName<OK>{OK::ccg, "ccg", "Clinical Commissioning Group"},
    EnumName<OK>{OK::icb, "icb", "Integrated Care Board"},
    EnumName<OK>{OK::nhs_england, "nhs-england", "NHS England"},
    EnumName<OK>{OK::nhs_england_region, "nhs-england-region", "NHS England regional or area team"},
    EnumName<OK>{OK::nhs_improvement, "nhs-improvement", "NHS Improvement"},
    EnumName<OK>{OK::department_of_health, "department-of-health", "Department of Health"},
    EnumName<OK>{OK::acute_trust, "acute-trust", "Acute hospital trust"},
    EnumName<OK>{OK::mental_health_trust, "mental-health-trust", "Mental health trust"},
    EnumName<OK>{OK::community_trust, "community-trust", "Community health trust"},
    EnumName<OK>{OK::childrens_trust, "childrens-trust", "Children's trust"},
    EnumName<OK>{OK::ambulance_trust, "ambulance-trust", "Ambulance trust"},
    EnumName<OK>{OK::local_authority, "local-authority", "Local authority"},
    EnumName<OK>{OK::health_education_england, "health-education-england", "Health Education England"},
    EnumName<OK>{OK::public_health_england, "public-health-england", "Public Health England"},
    EnumName<OK>{OK::care_quality_commission, "care-quality-commission", "Care Quality Commission"},
    EnumName<OK>{OK::voluntary_sector, "voluntary-sector", "Voluntary sector organisation"},
    EnumName<OK>{OK::healthwatch, "healthwatch", "Healthwatch"},
    EnumName<OK>{OK::gp_practice, "gp-practice", "GP practice"},
    EnumName<OK>{OK::pcn, "pcn", "Primary Care Network"},
    EnumName<OK>{OK::gp_federation, "gp-federation", "GP federation"},
    EnumName<OK>{OK::alliance, "alliance", "Alliance or partnership"},
    EnumName<OK>{OK::university, "university", "University"},
    EnumName<OK>{OK::other, "other", "Other organisation"},
};

constexpr std::array partnership_roles{
    EnumName<PartnershipRole>{PartnershipRole::none, "none", "Not in the partnership"},
    EnumName<PartnershipRole>{PartnershipRole::party_to, "party-to", "Party to the agreement"},
    EnumName<PartnershipRole>{PartnershipRole::partner_in, "partner-in", "Partner in the agreement"},
};

constexpr std::array partnership_tiers{
    EnumName<PartnershipTier>{PartnershipTier::none, "none", "Neither core nor associate"},
    EnumName<PartnershipTier>{PartnershipTier::core, "core", "Core partner"},
    EnumName<PartnershipTier>{PartnershipTier::associate, "associate", "Associate partner"},
};

constexpr std::array lifecycles{
    EnumName<Lifecycle>{Lifecycle::proposed, "proposed", "Proposed"},
    EnumName<Lifecycle>{Lifecycle::emerging, "emerging", "Emerging"},
    EnumName<Lifecycle>{Lifecycle::shadow, "shadow", "Working in shadow form"},
    EnumName<Lifecycle>{Lifecycle::established, "established", "Established"},
    EnumName<Lifecycle>{Lifecycle::legally_constituted, "legally-constituted", "Legally constituted"},
    EnumName<Lifecycle>{Lifecycle::merged, "merged", "Merged"},
    EnumName<Lifecycle>{Lifecycle::dissolved, "dissolved", "Dissolved"},
};

constexpr std::array successions{
    EnumName<Succession>{Succession::merged_into, "merged-into", "Merged into"},
    EnumName<Succession>{Succession::replaced_by, "replaced-by", "Replaced by"},
};

using BK = BodyKind;
constexpr std::array body_kinds{
    EnumName<BK>{BK::governing_body, "governing-body", "Governing Body"},
    EnumName<BK>{BK::board, "board", "Board"},
    EnumName<BK>{BK::management_board, "management-board", "Management board"},
    EnumName<BK>{BK::joint_committee, "joint-committee", "Joint committee"},
    EnumName<BK>{BK::committees_in_common, "committees-in-common", "Committees in common"},
    EnumName<BK>{BK::committee, "committee", "Committee"},
    EnumName<BK>{BK::steering_group, "steering-group", "Steering group"},
    EnumName<BK>{BK::programme_board, "programme-board", "Programme board"},
    EnumName<BK>{BK::project_board, "project-board", "Project board"},
    EnumName<BK>{BK::oversight_group, "oversight-group", "Oversight and assurance group"},
    EnumName<BK>{BK::partnership_board, "partnership-board", "Partnership board"},
    EnumName<BK>{BK::executive_group, "executive-group", "Executive group"},
    EnumName<BK>{BK::clinical_reference_group, "clinical-reference-group", "Clinical reference group"},
    EnumName<BK>{BK::health_and_wellbeing_board, "health-and-wellbeing-board", "Health and Wellbeing Board"},
    EnumName<BK>{BK::lay_partners_forum, "lay-partners-forum", "Lay partners' forum"},
    EnumName<BK>{BK::federation_executive, "federation-executive", "Federation's central executive"},
    EnumName<BK>{BK::place_partnership, "place-partnership", "Place partnership"},
    EnumName<BK>{BK::network, "network", "Network or alliance"},
    EnumName<BK>{BK::working_group, "working-group", "Working group"},
    EnumName<BK>{BK::other, "other", "Other body"},
};

constexpr std::array voting_methods{
    EnumName<VotingMethod>{VotingMethod::majority, "majority", "Majority vote"},
    EnumName<VotingMethod>{VotingMethod::unanimous, "unanimous", "Unanimous vote"},
    EnumName<VotingMethod>{VotingMethod::consensus, "consensus", "Consensus"},
    EnumName<VotingMethod>{VotingMethod::lead_decides, "lead-decides", "The lead decides"},
};

using PR = PostRole;
constexpr std::array post_roles{
    EnumName<PR>{PR::accountable_officer, "accountable-officer", "Accountable Officer"},
    EnumName<PR>{PR::chief_officer, "chief-officer", "Chief Officer"},
    EnumName<PR>{PR::chief_executive, "chief-executive", "Chief Executive"},
    EnumName<PR>{PR::chief_finance_officer, "chief-finance-officer", "Chief Finance Officer"},
    EnumName<PR>{PR::director_of_finance, "director-of-finance", "Director of Finance"},
    EnumName<PR>{PR::chair, "chair", "Chair"},
    EnumName<PR>{PR::clinical_chair, "clinical-chair", "Clinical Chair"},
    EnumName<PR>{PR::independent_chair, "independent-chair", "Independent Chair"},
    EnumName<PR>{PR::lay_member, "lay-member", "Lay member"},
    EnumName<PR>{PR::senior_responsible_owner, "senior-responsible-owner", "Senior Responsible Owner"},
    EnumName<PR>{PR::finance_lead, "finance-lead", "Finance lead"},
    EnumName<PR>{PR::programme_director, "programme-director", "Programme Director"},
    EnumName<PR>{PR::programme_manager, "programme-manager", "Programme manager"},
    EnumName<PR>{PR::director, "director", "Director"},
    EnumName<PR>{PR::managing_director, "managing-director", "Managing Director"},
    EnumName<PR>{PR::clinical_lead, "clinical-lead", "Clinical lead"},
    EnumName<PR>{PR::healthwatch_representative, "healthwatch-representative", "Healthwatch representative"},
    EnumName<PR>{PR::other, "other", "Other post"},
};

using FK = FlowKind;
constexpr std::array flow_kinds{
    EnumName<FK>{FK::holds, "holds", "holds (by statute)"},
    EnumName<FK>{FK::delegates, "delegates", "delegates to"},
    EnumName<FK>{FK::reports_to, "reports-to", "reports to"},
    EnumName<FK>{FK::assures, "assures", "assures"},
    EnumName<FK>{FK::regulates, "regulates", "regulates"},
    EnumName<FK>{FK::advises, "advises", "advises"},
    EnumName<FK>{FK::member_of, "member-of", "is a member of"},
    EnumName<FK>{FK::represented_on, "represented-on", "is represented on"},
    EnumName<FK>{FK::hosts, "hosts", "hosts"},
    EnumName<FK>{FK::recommends, "recommends", "recommends to"},
    EnumName<FK>{FK::approves, "approves", "approves"},
    EnumName<FK>{FK::can_veto, "can-veto", "can veto"},
    EnumName<FK>{FK::replaces, "replaces", "replaces"},
};

constexpr std::array programme_kinds{
    EnumName<ProgrammeKind>{ProgrammeKind::programme, "programme", "Programme"},
    EnumName<ProgrammeKind>{ProgrammeKind::workstream, "workstream", "Workstream"},
    EnumName<ProgrammeKind>{ProgrammeKind::project, "project", "Project"},
};

constexpr std::array option_statuses{
    EnumName<OptionStatus>{OptionStatus::proposed, "proposed", "Proposed"},
    EnumName<OptionStatus>{OptionStatus::preferred, "preferred", "Preferred"},
    EnumName<OptionStatus>{OptionStatus::rejected, "rejected", "Rejected"},
    EnumName<OptionStatus>{OptionStatus::decided, "decided", "Decided"},
};

constexpr std::array certainties{
    EnumName<Certainty>{Certainty::stated, "stated", "Stated in the source"},
    EnumName<Certainty>{Certainty::assumed, "assumed", "Assumed: the source does not say"},
    EnumName<Certainty>{Certainty::illustrative, "illustrative", "Illustrative only"},
};

}  // namespace

template <> std::span<const EnumName<Layer>> enum_names<Layer>() { return layers; }
template <> std::span<const EnumName<OrganisationKind>> enum_names<OrganisationKind>() { return organisation_kinds; }
template <> std::span<const EnumName<PartnershipRole>> enum_names<PartnershipRole>() { return partnership_roles; }
template <> std::span<const EnumName<PartnershipTier>> enum_names<PartnershipTier>() { return partnership_tiers; }
template <> std::span<const EnumName<Lifecycle>> enum_names<Lifecycle>() { return lifecycles; }
template <> std::span<const EnumName<Succession>> enum_names<Succession>() { return successions; }
template <> std::span<const EnumName<BodyKind>> enum_names<BodyKind>() { return body_kinds; }
template <> std::span<const EnumName<VotingMethod>> enum_names<VotingMethod>() { return voting_methods; }
template <> std::span<const EnumName<PostRole>> enum_names<PostRole>() { return post_roles; }
template <> std::span<const EnumName<FlowKind>> enum_names<FlowKind>() { return flow_kinds; }
template <> std::span<const EnumName<ProgrammeKind>> enum_names<ProgrammeKind>() { return programme_kinds; }
template <> std::span<const EnumName<OptionStatus>> enum_names<OptionStatus>() { return option_statuses; }
template <> std::span<const EnumName<Certainty>> enum_names<Certainty>() { return certainties; }

}  // namespace model
