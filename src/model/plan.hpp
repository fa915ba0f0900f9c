#pragma once
// The plan as plain values: no I/O, no UI. Field by field, this is what
// docs/plan-format.md describes; src/model/fields.cpp maps each struct to
// its JSON fields.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/enums.hpp"
#include "model/json.hpp"
#include "model/plan_date.hpp"

namespace model {

// Where a fact comes from and how sure the plan is of it. Public views say
// so when a fact is assumed or illustrative.
struct Evidence {
  Certainty certainty = Certainty::stated;
  std::string source;  // e.g. "SYB MoU 2017, 7.8.1"
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

// What every entity has: a stable id (unique across the whole plan), a free
// note, its evidence, and the fields this planner does not know (kept, and
// written back, so that files from newer versions lose nothing).
struct Entity {
  std::string id;
  std::string note;
  Evidence evidence;
  // Unknown fields (a newer version's), kept. Null until there are any: an
  // empty object is an allocation per entity, and the checks copy the plan
  // whole for each option.
  Json extra{};
  friend bool operator==(const Entity&, const Entity&) = default;
};

struct Money {
  std::optional<std::int64_t> amount;  // pounds
  std::optional<double> percent;       // e.g. a 20% saving
  std::string period;                  // e.g. "per year", "2018/19"
  std::string note;
  Json extra{};  // as Entity::extra
  Certainty certainty = Certainty::stated;  // format 1.1: how sure the plan is of the figure
  friend bool operator==(const Money&, const Money&) = default;
};

struct Source : Entity {
  std::string title;
  std::string publisher;
  std::optional<PlanDate> date;
  std::string url;
  friend bool operator==(const Source&, const Source&) = default;
};

struct Unit : Entity {
  std::string name;
  Layer layer = Layer::practice;
  std::string code;                                   // e.g. an ODS code
  std::optional<std::int64_t> registered_population;  // absent: the roll-up stands in
  std::string parent;                                 // unit id; empty at the top
  friend bool operator==(const Unit&, const Unit&) = default;
};

struct Organisation : Entity {
  std::string name;
  std::string short_name;
  OrganisationKind kind = OrganisationKind::other;
  std::string code;
  bool statutory = false;
  PartnershipRole partnership = PartnershipRole::none;
  PartnershipTier tier = PartnershipTier::none;
  std::vector<std::string> area;  // unit ids it serves or commissions for
  Lifecycle status = Lifecycle::established;
  std::string successor;          // organisation id
  Succession succession = Succession::merged_into;
  std::optional<Money> running_cost;  // format 1.1: what it costs to run, a year
  friend bool operator==(const Organisation&, const Organisation&) = default;
};

struct Member {
  std::string organisation;  // exactly one of organisation and post
  std::string post;
  std::string role;          // how they sit, e.g. "Accountable Officer"
  bool voting = true;
  std::int64_t seats = 1;
  std::string note;
  Json extra{};  // as Entity::extra
  friend bool operator==(const Member&, const Member&) = default;
};

struct VotingRule {
  VotingMethod method = VotingMethod::majority;
  std::string voters;  // who votes, e.g. "CCG representatives"
  std::string quorum;  // as the terms of reference put it
  std::string lead;    // for lead-decides: the member (organisation or post id)
  Evidence evidence;
  std::string note;
  Json extra{};  // as Entity::extra
  friend bool operator==(const VotingRule&, const VotingRule&) = default;
};

struct Body : Entity {
  std::string name;
  std::string short_name;
  BodyKind kind = BodyKind::other;
  std::string purpose;
  std::vector<std::string> hosts;      // organisation ids
  std::optional<Layer> level;          // the layer it works at
  std::vector<std::string> footprint;  // unit ids; may cross system boundaries
  std::vector<Member> members;
  std::optional<VotingRule> voting;
  Lifecycle status = Lifecycle::established;
  std::string successor;  // body id
  Succession succession = Succession::replaced_by;
  std::optional<Money> running_cost;  // format 1.1: what it costs to run, a year
  friend bool operator==(const Body&, const Body&) = default;
};

struct Post : Entity {
  std::string title;
  PostRole role = PostRole::other;
  std::vector<std::string> organisations;  // shared posts list several
  std::string holder;                      // a person's name; optional
  friend bool operator==(const Post&, const Post&) = default;
};

struct Function : Entity {
  std::string name;
  std::string description;
  std::optional<Layer> level;               // where it is planned
  std::string service_tier;                 // e.g. "tier 0-1"
  std::vector<std::string> covers;          // unit ids
  std::optional<std::int64_t> max_population;
  friend bool operator==(const Function&, const Function&) = default;
};

struct Flow : Entity {
  FlowKind kind = FlowKind::reports_to;
  std::string from;                    // organisation, body or post id
  std::string to;                      // empty for "holds"
  std::vector<std::string> functions;  // function ids
  std::string label;
  friend bool operator==(const Flow&, const Flow&) = default;
};

struct Programme : Entity {
  std::string name;
  ProgrammeKind kind = ProgrammeKind::programme;
  std::string description;
  std::string parent;  // programme id
  std::string sro;     // post id
  std::string finance_lead;
  std::string programme_manager;
  std::vector<std::string> objectives;
  std::optional<Money> spend;
  std::vector<std::string> footprint;  // unit ids
  std::string overseen_by;             // body id
  std::string lead_commissioner;       // organisation id
  std::string host_commissioner;       // organisation id
  Lifecycle status = Lifecycle::established;
  friend bool operator==(const Programme&, const Programme&) = default;
};

// A change to a plan: the one vocabulary for edits, undo, option and
// milestone changes, and the JS API (see command.hpp).
enum class CommandOp { add, remove, set, set_plan, batch };

struct Command {
  CommandOp op = CommandOp::set;
  std::string collection;  // add: "units", "organisations", ...
  std::string id;          // remove, set
  std::string field;       // set, set_plan: the JSON field name
  Json value;              // add: the entity; set: the new value (null clears)
  std::optional<std::int64_t> index;  // add: the position (default: the end)
  std::string label;                  // batch: what people call the change
  std::vector<Command> commands;      // batch
  Json extra{};                          // fields of a newer version, kept (null: none)
  friend bool operator==(const Command&, const Command&) = default;
};

struct Milestone : Entity {
  std::optional<PlanDate> date;  // required for the plan's own milestones
  std::string label;
  std::string description;
  std::vector<Command> changes;
  friend bool operator==(const Milestone&, const Milestone&) = default;
};

struct Score {
  std::string criterion;  // criterion id
  double value = 0.0;
  std::string rationale;
  Json extra{};  // as Entity::extra
  Certainty certainty = Certainty::stated;  // format 1.1: "assumed" for a score the paper did not give
  friend bool operator==(const Score&, const Score&) = default;
};

struct Period {
  PlanDate start;
  PlanDate end;
  Json extra{};  // as Entity::extra
  friend bool operator==(const Period&, const Period&) = default;
};

struct Option : Entity {
  std::string title;
  std::string description;
  std::vector<std::string> advantages;
  std::vector<std::string> disadvantages;
  OptionStatus status = OptionStatus::proposed;
  std::string decided_by;     // body or organisation id, when in the plan
  std::string decision_note;  // e.g. "NHS England decides whether; locally only when"
  std::optional<Period> consultation;
  std::optional<Money> running_cost;
  std::optional<Money> saving;
  std::optional<Money> investment;
  std::vector<Score> scores;
  std::vector<Milestone> steps;  // the changes the option makes; undated steps apply from the start
  friend bool operator==(const Option&, const Option&) = default;
};

struct Criterion : Entity {
  std::string name;
  std::string description;
  double weight = 1.0;
  friend bool operator==(const Criterion&, const Criterion&) = default;
};

struct GlossaryEntry : Entity {
  std::string term;
  std::string meaning;
  friend bool operator==(const GlossaryEntry&, const GlossaryEntry&) = default;
};

struct Principle : Entity {
  std::string name;
  std::string description;
  friend bool operator==(const Principle&, const Principle&) = default;
};

struct Note : Entity {
  std::string title;
  std::string text;
  std::vector<std::string> about;  // ids of anything in the plan
  friend bool operator==(const Note&, const Note&) = default;
};

struct Band {
  std::optional<std::int64_t> min;
  std::optional<std::int64_t> max;
  Json extra{};  // as Entity::extra
  friend bool operator==(const Band&, const Band&) = default;
};

// Guidance bands per layer (Herefordshire & Worcestershire STP, 2019).
struct Bands {
  std::optional<Band> community;
  std::optional<Band> practice = Band{1000, 10000};
  std::optional<Band> pcn = Band{30000, 50000};
  std::optional<Band> place = Band{100000, 500000};
  std::optional<Band> system;
  std::optional<Band> region;
  Json extra{};  // as Entity::extra
  friend bool operator==(const Bands&, const Bands&) = default;
};
const std::optional<Band>& band_for(const Bands& bands, Layer layer);
std::optional<Band>& band_for(Bands& bands, Layer layer);

// A person's nudge of one item in one view: positions, not structure.
struct LayoutHint {
  std::string view;
  std::string id;
  double x = 0.0;
  double y = 0.0;
  friend bool operator==(const LayoutHint&, const LayoutHint&) = default;
};

struct Plan {
  std::string name;
  std::string description;
  std::string partnership;  // the partnership the plan is about, if any
  std::optional<PlanDate> as_of;
  Bands bands;
  std::vector<Source> sources;
  std::vector<Unit> units;
  std::vector<Organisation> organisations;
  std::vector<Body> bodies;
  std::vector<Post> posts;
  std::vector<Function> functions;
  std::vector<Flow> flows;
  std::vector<Programme> programmes;
  std::vector<Milestone> milestones;
  std::vector<Option> options;
  std::vector<Criterion> criteria;
  std::vector<GlossaryEntry> glossary;
  std::vector<Principle> principles;
  std::vector<Note> notes;
  std::vector<LayoutHint> layout;
  Json extra{};  // unknown top-level fields, kept (null: none)
  friend bool operator==(const Plan&, const Plan&) = default;
};

}  // namespace model
