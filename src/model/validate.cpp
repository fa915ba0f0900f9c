#include "model/validate.hpp"

#include <array>

namespace model {

namespace {

constexpr unsigned org = ref_organisation;
constexpr unsigned bod = ref_body;
constexpr unsigned pst = ref_post;

constexpr std::array flow_rules{
    FlowRule{FlowKind::holds, org | bod, 0, true},
    FlowRule{FlowKind::delegates, org | bod, org | bod | pst, true},
    FlowRule{FlowKind::reports_to, org | bod | pst, org | bod | pst, false},
    FlowRule{FlowKind::assures, org | bod, org | bod, false},
    FlowRule{FlowKind::regulates, org, org, false},
    FlowRule{FlowKind::advises, org | bod | pst, org | bod | pst, false},
    FlowRule{FlowKind::member_of, org | bod | pst, bod, false},
    FlowRule{FlowKind::represented_on, org | pst, bod, false},
    FlowRule{FlowKind::hosts, org, bod | pst | ref_programme, false},
    FlowRule{FlowKind::recommends, org | bod | pst, org | bod, false},
    FlowRule{FlowKind::approves, org | bod, org | bod | ref_programme, false},
    FlowRule{FlowKind::can_veto, org | bod, org | bod | ref_programme, false},
    FlowRule{FlowKind::replaces, org | bod | pst, org | bod | pst, false},
};

std::string layer_list_above(Layer layer) {
  std::string text;
  std::vector<std::string_view> larger;
  for (const auto& entry : enum_names<Layer>()) {
    if (layer_rank(entry.value) > layer_rank(layer)) larger.push_back(entry.label);
  }
  for (std::size_t i = 0; i < larger.size(); ++i) {
    if (i > 0) text += i + 1 == larger.size() ? " or " : ", ";
    text += larger[i];
  }
  return text;
}

// An "add" inside a milestone or option step must hold a well-formed entry
// even though it applies later: its shape is checked when the file loads.
// A "set" of a field that the entry's kind does not have can never apply:
// for ids already in the plan, that is an error when the file loads too.
void check_set_field(const Plan& plan, const PlanIndex& index, const Command& change, const std::string& path,
                     Problems& problems) {
  const Location* location = index.find(change.id);
  if (!location || location->step >= 0) return;  // added by an earlier change, or a step: checked when applied
  visit_collection(plan, location->collection, [&](const auto& items) {
    using T = typename std::decay_t<decltype(items)>::value_type;
    if (find_field<T>(change.field)) return;
    if (change.field == "name" && (find_field<T>("title") || find_field<T>("term") || find_field<T>("label"))) return;
    std::string message = quote_text(change.field) + " is not a field of " +
                          with_article(collection_info(location->collection).singular) + " such as " + quote_text(change.id);
    const std::string near = nearest_name(change.field, field_names<T>());
    if (!near.empty()) message += "; did you mean \"" + near + "\"?";
    problems.error(pointer_join(path, "field"), message);
  });
}

void check_changes(const Plan& plan, const PlanIndex& index, const std::vector<Command>& changes,
                   const std::string& path, Problems& problems) {
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const Command& change = changes[i];
    const std::string change_path = pointer_join(path, i);
    if (change.op == CommandOp::batch) check_changes(plan, index, change.commands, pointer_join(change_path, "commands"), problems);
    if (change.op == CommandOp::set) check_set_field(plan, index, change, change_path, problems);
    if (change.op != CommandOp::add) continue;
    const auto collection = collection_from_name(change.collection);
    if (!collection) continue;  // reported when the change was read
    Plan scratch;
    visit_collection(scratch, *collection, [&](auto& items) {
      typename std::decay_t<decltype(items)>::value_type entity{};
      Problems found;
      read_object(entity, change.value, found, pointer_join(change_path, "value"));
      for (const Problem& problem : found.list) {
        if (problem.severity == Severity::error) problems.list.push_back(problem);
      }
    });
  }
}

}  // namespace

const FlowRule& flow_rule(FlowKind kind) {
  for (const FlowRule& rule : flow_rules) {
    if (rule.kind == kind) return rule;
  }
  return flow_rules.front();
}

void check_unit(const Plan& plan, const PlanIndex& index, const Unit& unit, const PointerPath& path,
                Problems& problems) {
  if (unit.parent.empty()) return;
  const Location* location = index.find(unit.parent);
  if (!location || location->collection != Collection::units || location->step >= 0) return;  // reported as a reference
  const Unit& parent = plan.units[location->index];
  const auto parent_path = [&] { return pointer_join(path.text(), "parent"); };
  if (unit.parent == unit.id) {
    problems.error(parent_path(), quote_text(unit.name) + " is its own parent; a unit cannot sit inside itself");
    return;
  }
  if (layer_rank(parent.layer) <= layer_rank(unit.layer)) {
    if (unit.layer == Layer::region) {
      problems.error(parent_path(), quote_text(unit.name) + " is a Region, the largest layer, so it cannot have a parent");
    } else {
      problems.error(parent_path(), quote_text(unit.name) + " is a " + std::string(to_label(unit.layer)) +
                                        ", so its parent must be a larger layer (" + layer_list_above(unit.layer) +
                                        "), but " + quote_text(parent.name) + " is a " + std::string(to_label(parent.layer)));
    }
  }
  // Walk up: a loop shows as coming back to this unit. The chain of names
  // is written only for a loop (every unit is walked).
  const auto parent_of = [&](const Unit& child) -> const Unit* {
    if (child.parent.empty()) return nullptr;
    const Location* up = index.find(child.parent);
    if (!up || up->collection != Collection::units || up->step >= 0) return nullptr;
    return &plan.units[up->index];
  };
  std::size_t steps = 0;
  const Unit* current = &parent;
  while (current && current->id != unit.id && steps++ < plan.units.size()) current = parent_of(*current);
  if (!current || current->id != unit.id) return;
  std::string chain = quote_text(unit.name);
  for (const Unit* link = &parent;; link = parent_of(*link)) {
    chain += " \xE2\x86\x92 " + quote_text(link->name);
    if (link == current) break;
  }
  problems.error(parent_path(), "the parents " + chain + " form a loop; a unit cannot sit inside itself");
}

void check_flow(const PlanIndex& index, const Flow& flow, const PointerPath& path, Problems& problems) {
  const FlowRule& rule = flow_rule(flow.kind);
  // "an "assures" flow", "a "holds" flow": worded only for a message.
  const auto a_kind = [&] {
    const std::string kind(to_name(flow.kind));
    return std::string(std::string_view("aeiou").find(kind.front()) != std::string_view::npos ? "an \"" : "a \"") + kind + "\" flow";
  };
  auto check_end = [&](const std::string& id, unsigned allowed, const char* end) {
    const Location* location = index.find(id);
    if (!location || (location->ref_kind() & (ref_organisation | ref_body | ref_post | ref_programme)) == 0) return;
    if ((location->ref_kind() & allowed) == 0) {
      problems.error(pointer_join(path.text(), end), a_kind() + " " + (std::string(end) == "from" ? "starts at " : "ends at ") +
                                                  describe_ref_kinds(allowed) + ", but " + quote_text(id) + " is the " +
                                                  location->describe());
    }
  };
  check_end(flow.from, rule.from, "from");
  if (rule.to == 0) {
    if (!flow.to.empty()) {
      problems.error(pointer_join(path.text(), "to"), a_kind() + " has no \"to\" (it says what its holder holds, in \"functions\"): remove \"to\"");
    }
  } else if (flow.to.empty()) {
    problems.error(path.text(), "missing \"to\": " + a_kind() + " goes to " + describe_ref_kinds(rule.to));
  } else {
    check_end(flow.to, rule.to, "to");
  }
  if (rule.needs_functions && flow.functions.empty()) {
    problems.error(path.text(), a_kind() + " must name at least one function in \"functions\" (what is " +
                             (flow.kind == FlowKind::holds ? "held" : "delegated") + "); everything not named stays with the holder");
  }
  if (!flow.to.empty() && flow.to == flow.from) {
    problems.error(pointer_join(path.text(), "to"), "a flow cannot go from " + quote_text(flow.from) + " to itself");
  }
}

void check_body(const Body& body, const PointerPath& path, Problems& problems) {
  for (std::size_t i = 0; i < body.members.size(); ++i) {
    const Member& member = body.members[i];
    if (member.organisation.empty() == member.post.empty()) {
      problems.error(pointer_join(pointer_join(path.text(), "members"), i),
                     "a member is either an organisation or a post: give exactly one of \"organisation\" and \"post\"");
    }
  }
  if (body.voting && !body.voting->lead.empty()) {
    bool found = false;
    for (const Member& member : body.members) found = found || member.organisation == body.voting->lead || member.post == body.voting->lead;
    if (!found) {
      problems.error(pointer_join(pointer_join(path.text(), "voting"), "lead"),
                     "the lead " + quote_text(body.voting->lead) + " is not one of the body's members");
    }
  }
}

void check_option(const Option& option, const PointerPath& path, Problems& problems) {
  if (option.consultation && option.consultation->end.last_day() < option.consultation->start.first_day()) {
    problems.error(pointer_join(pointer_join(path.text(), "consultation"), "end"),
                   "the consultation ends (" + describe_plan_date(option.consultation->end) + ") before it starts (" +
                       describe_plan_date(option.consultation->start) + ")");
  }
}

void check_bands(const Bands& bands, const std::string& path, Problems& problems) {
  for (const auto& entry : enum_names<Layer>()) {
    const std::optional<Band>& band = band_for(bands, entry.value);
    if (band && band->min && band->max && *band->min > *band->max) {
      problems.error(pointer_join(pointer_join(path, entry.name), "min"),
                     "the smallest population (" + std::to_string(*band->min) + ") is above the largest (" +
                         std::to_string(*band->max) + ")");
    }
  }
}

Problems validate_plan(const Plan& plan, std::optional<PlanIndex>* keep_index) {
  Problems problems;
  std::optional<PlanIndex> built;
  const PlanIndex& index = (keep_index ? *keep_index : built).emplace(plan, &problems);
  PointerPath path;
  for_each_collection(plan, [&](const CollectionInfo& info, const auto& items) {
    path.push(info.name);
    for (std::size_t i = 0; i < items.size(); ++i) {
      path.push(i);
      check_references(index, path, items[i], problems);
      path.pop();
    }
    path.pop();
  });
  // Each entity's own checks; its path is written only for a problem.
  const auto check_each = [&](std::string_view name, const auto& items, const auto& check) {
    PointerPath at;
    at.push(name);
    for (std::size_t i = 0; i < items.size(); ++i) {
      at.push(i);
      check(items[i], at);
      at.pop();
    }
  };
  check_each("units", plan.units, [&](const Unit& unit, const PointerPath& at) { check_unit(plan, index, unit, at, problems); });
  check_each("flows", plan.flows, [&](const Flow& flow, const PointerPath& at) { check_flow(index, flow, at, problems); });
  check_each("bodies", plan.bodies, [&](const Body& body, const PointerPath& at) { check_body(body, at, problems); });
  check_each("options", plan.options, [&](const Option& option, const PointerPath& at) { check_option(option, at, problems); });
  for (std::size_t i = 0; i < plan.milestones.size(); ++i) {
    check_changes(plan, index, plan.milestones[i].changes, pointer_join(pointer_join("/milestones", i), "changes"), problems);
  }
  for (std::size_t i = 0; i < plan.options.size(); ++i) {
    for (std::size_t s = 0; s < plan.options[i].steps.size(); ++s) {
      const std::string step = pointer_join(pointer_join(pointer_join("/options", i), "steps"), s);
      check_changes(plan, index, plan.options[i].steps[s].changes, pointer_join(step, "changes"), problems);
    }
  }
  for (std::size_t i = 0; i < plan.milestones.size(); ++i) {
    if (!plan.milestones[i].date) {
      problems.error(pointer_join("/milestones", i), "missing \"date\": the plan's milestones are dated (only an option's steps may leave it out)");
    }
  }
  check_bands(plan.bands, "/bands", problems);
  // Layout hints may name anything in the plan.
  path.push("layout");
  find_field<Plan>("layout")->refs(plan, path, [&](const PointerPath& at, const std::string& id, unsigned) {
    if (!index.find(id)) problems.error(at.text(), "a position is kept for " + quote_text(id) + ", but nothing in the plan has that id");
  });
  return problems;
}

}  // namespace model
