// The field tables: for each struct of a plan file, its JSON fields in the
// order they are saved. docs/plan-format.md documents the same fields.
#include "model/fields.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "model/command.hpp"

namespace model {

// --- helpers ------------------------------------------------------------------

std::string describe_ref_kinds(unsigned kinds) {
  static const std::pair<unsigned, const char*> names[] = {
      {ref_unit, "a unit"}, {ref_organisation, "an organisation"}, {ref_body, "a body"},
      {ref_post, "a post"}, {ref_function, "a function"}, {ref_programme, "a programme"},
      {ref_criterion, "a criterion"}, {ref_source, "a source document"}, {ref_milestone, "a milestone"},
      {ref_option, "an option"}, {ref_other, "another entry"},
  };
  if (kinds == ref_anything) return "anything in the plan";
  std::vector<const char*> parts;
  for (const auto& [bit, name] : names) {
    if (kinds & bit) parts.push_back(name);
  }
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += i + 1 == parts.size() ? " or " : ", ";
    text += parts[i];
  }
  return text;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > max_id_length) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (!alnum(id.front())) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) { return alnum(c) || c == '.' || c == '_' || c == ':' || c == '-'; });
}

std::string json_type_name(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "true or false";
    case Json::value_t::string: return "text";
    case Json::value_t::array: return "a list";
    case Json::value_t::object: return "an object";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "a number";
    default: return "an unknown kind of value";
  }
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

std::size_t character_count(std::string_view utf8) {
  std::size_t count = 0;
  for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string nearest_name(std::string_view name, const std::vector<std::string_view>& known) {
  std::string best;
  std::size_t best_distance = name.size() <= 4 ? 1 : 2;  // only close misspellings
  for (std::string_view candidate : known) {
    const std::size_t distance = edit_distance(name, candidate);
    if (distance <= best_distance) {
      best = std::string(candidate);
      best_distance = distance;
    }
  }
  return best;
}

bool read_text(std::string& out, const Json& value, Problems& problems, const std::string& path) {
  if (!value.is_string()) {
    problems.error(path, "must be text, not " + json_type_name(value));
    return false;
  }
  const auto& text = value.get_ref<const std::string&>();
  if (!text_within_limit(text, problems, path)) return false;
  out = text;
  return true;
}

bool text_within_limit(std::string_view text, Problems& problems, const std::string& path) {
  if (text.size() <= max_text_length || character_count(text) <= max_text_length) return true;
  problems.error(path, "is " + std::to_string(character_count(text)) + " characters long, more than the limit of " +
                           std::to_string(max_text_length));
  return false;
}

bool read_whole_number(std::int64_t& out, const Json& value, std::int64_t min, Problems& problems,
                       const std::string& path) {
  constexpr double largest = 9.0e15;  // whole numbers a double holds exactly
  const bool whole = value.is_number_float() && std::isfinite(value.get<double>()) &&
                     std::floor(value.get<double>()) == value.get<double>();
  if (whole && std::abs(value.get<double>()) >= largest) {
    problems.error(path, "is too large: the planner keeps whole numbers up to 9,000,000,000,000,000");
    return false;
  }
  const bool whole_float = whole;
  if (!value.is_number_integer() && !whole_float) {
    problems.error(path, "must be a whole number, not " +
                             (value.is_number() ? value.dump() : json_type_name(value)));
    return false;
  }
  const bool too_large = value.is_number_unsigned() ? value.get<std::uint64_t>() >= 9000000000000000ULL
                         : value.is_number_integer() ? std::abs(static_cast<double>(value.get<std::int64_t>())) >= largest
                                                     : false;
  if (too_large) {
    problems.error(path, "is too large: the planner keeps whole numbers up to 9,000,000,000,000,000");
    return false;
  }
  const std::int64_t number = whole_float ? static_cast<std::int64_t>(value.get<double>()) : value.get<std::int64_t>();
  if (number < min) {
    problems.error(path, "must be " + std::to_string(min) + " or more, not " + std::to_string(number));
    return false;
  }
  out = number;
  return true;
}

bool read_number(double& out, const Json& value, Problems& problems, const std::string& path) {
  if (!value.is_number() || !std::isfinite(value.get<double>())) {
    problems.error(path, "must be a number, not " + json_type_name(value));
    return false;
  }
  out = value.get<double>();
  return true;
}

bool read_text_list(std::vector<std::string>& out, const Json& value, Problems& problems,
                    const std::string& path) {
  if (!value.is_array()) {
    problems.error(path, "must be a list of text ([\"...\"]), not " + json_type_name(value));
    return false;
  }
  if (value.size() > max_list_length) {
    problems.error(path, "has " + std::to_string(value.size()) + " items, more than the limit of " +
                             std::to_string(max_list_length));
    return false;
  }
  std::vector<std::string> items;
  items.reserve(value.size());
  bool ok = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::string item;
    ok = read_text(item, value[i], problems, pointer_join(path, i)) && ok;
    items.push_back(std::move(item));
  }
  if (ok) out = std::move(items);
  return ok;
}

bool skip_past_limit(std::size_t count, ValueStream& in, Problems& problems, const PointerPath& path) {
  if (count < max_list_length) return false;
  problems.error(path.text(), "has more items than the limit of " + std::to_string(max_list_length));
  do in.value();
  while (in.next_item());
  return true;
}

bool stream_text_list(std::vector<std::string>& out, ValueStream& in, Problems& problems, PointerPath& path) {
  if (!in.enter_array()) return false;
  std::vector<std::string> items;
  bool ok = true;
  while (in.next_item()) {
    if (skip_past_limit(items.size(), in, problems, path)) return true;
    std::string_view text;
    if (!in.next_text(text)) {
      path.push(items.size());
      problems.error(path.text(), "must be text, not " + json_type_name(in.value()));
      path.pop();
      items.emplace_back();
      ok = false;
      continue;
    }
    bool fits = text.size() <= max_text_length;  // characters are never more than bytes
    if (!fits) {
      path.push(items.size());
      fits = text_within_limit(text, problems, path.text());
      path.pop();
    }
    items.emplace_back(fits ? text : std::string_view{});
    ok = ok && fits;
  }
  if (ok) out = std::move(items);
  return true;
}

bool read_date(PlanDate& out, const Json& value, Problems& problems, const std::string& path) {
  if (!value.is_string()) {
    problems.error(path, "must be a date written as text, such as \"2020-04-01\" or \"by 2017/18\", not " +
                             json_type_name(value));
    return false;
  }
  const PlanDateParse parsed = parse_plan_date(value.get<std::string>());
  if (!parsed.date) {
    problems.error(path, parsed.error);
    return false;
  }
  out = *parsed.date;
  return true;
}

// --- tables -------------------------------------------------------------------

namespace {

template <class T>
Field<T> command_list_field(std::string_view name, std::vector<Command> T::*member) {
  return {name, false,
          [member](T& t, const Json& v, Problems& p, const std::string& path) {
            if (!v.is_array()) {
              p.error(path, "must be a list of changes ([...]), not " + json_type_name(v));
              return;
            }
            if (v.size() > max_list_length) {
              p.error(path, "has " + std::to_string(v.size()) + " changes, more than the limit of " + std::to_string(max_list_length));
              return;
            }
            (t.*member).clear();
            for (std::size_t i = 0; i < v.size(); ++i) {
              if (auto command = read_command(v[i], p, pointer_join(path, i))) (t.*member).push_back(std::move(*command));
            }
          },
          [member](T& t) { (t.*member).clear(); },
          [member](const T& t) -> std::optional<Json> {
            if ((t.*member).empty()) return std::nullopt;
            Json list = Json::array();
            for (const Command& command : t.*member) list.push_back(write_command(command));
            return list;
          },
          {}, {}, {}};
}

template <class T>
Field<T> money_field(std::string_view name, std::optional<Money> T::*member) {
  return object_field<T, Money>(name, member);
}

}  // namespace

template <>
const std::vector<Field<Money>>& fields_of<Money>() {
  using T = Money;
  static const std::vector<Field<T>> table = {
      count_field<T>("amount", &T::amount),
      optional_number_field<T>("percent", &T::percent),
      text_field<T>("period", &T::period),
      text_field<T>("note", &T::note),
      enum_field<T>("certainty", &T::certainty),
  };
  return table;
}

template <>
const std::vector<Field<Band>>& fields_of<Band>() {
  using T = Band;
  static const std::vector<Field<T>> table = {
      count_field<T>("min", &T::min),
      count_field<T>("max", &T::max),
  };
  return table;
}

template <>
const std::vector<Field<Bands>>& fields_of<Bands>() {
  using T = Bands;
  // Every layer is written, so that a plan's bands never silently follow a
  // change of the defaults; null means "no band for this layer".
  auto band = [](std::string_view name, std::optional<Band> T::*member) {
    Field<T> field = object_field<T, Band>(name, member);
    field.write = [member](const T& t) -> std::optional<Json> {
      return t.*member ? write_object(*(t.*member)) : Json(nullptr);
    };
    return field;
  };
  static const std::vector<Field<T>> table = {
      band("community", &T::community), band("practice", &T::practice), band("pcn", &T::pcn),
      band("place", &T::place),         band("system", &T::system),     band("region", &T::region),
  };
  return table;
}

template <>
const std::vector<Field<Source>>& fields_of<Source>() {
  using T = Source;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        text_field<T>("title", &T::title, true),
        text_field<T>("publisher", &T::publisher),
        date_field<T>("date", &T::date),
        text_field<T>("url", &T::url),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Unit>>& fields_of<Unit>() {
  using T = Unit;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        text_field<T>("name", &T::name, true),
        enum_field<T>("layer", &T::layer, true),
        text_field<T>("code", &T::code),
        count_field<T>("registeredPopulation", &T::registered_population),
        ref_field<T>("parent", &T::parent, ref_unit),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Organisation>>& fields_of<Organisation>() {
  using T = Organisation;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        text_field<T>("name", &T::name, true),
        text_field<T>("shortName", &T::short_name),
        enum_field<T>("kind", &T::kind, true),
        text_field<T>("code", &T::code),
        bool_field<T>("statutory", &T::statutory),
        enum_field<T>("partnership", &T::partnership),
        enum_field<T>("tier", &T::tier),
        ref_list_field<T>("area", &T::area, ref_unit),
        enum_field<T>("status", &T::status),
        ref_field<T>("successor", &T::successor, ref_organisation),
        enum_field<T>("succession", &T::succession),
        money_field<T>("runningCost", &T::running_cost),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Member>>& fields_of<Member>() {
  using T = Member;
  static const std::vector<Field<T>> table = {
      ref_field<T>("organisation", &T::organisation, ref_organisation),
      ref_field<T>("post", &T::post, ref_post),
      text_field<T>("role", &T::role),
      bool_field<T>("voting", &T::voting),
      whole_number_field<T>("seats", &T::seats, 1),
      text_field<T>("note", &T::note),
  };
  return table;
}

template <>
const std::vector<Field<VotingRule>>& fields_of<VotingRule>() {
  using T = VotingRule;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        enum_field<T>("method", &T::method, true),
        text_field<T>("voters", &T::voters),
        text_field<T>("quorum", &T::quorum),
        ref_field<T>("lead", &T::lead, ref_organisation | ref_post),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Body>>& fields_of<Body>() {
  using T = Body;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        text_field<T>("name", &T::name, true),
        text_field<T>("shortName", &T::short_name),
        enum_field<T>("kind", &T::kind, true),
        text_field<T>("purpose", &T::purpose),
        ref_list_field<T>("hosts", &T::hosts, ref_organisation),
        optional_enum_field<T>("level", &T::level),
        ref_list_field<T>("footprint", &T::footprint, ref_unit),
        object_list_field<T, Member>("members", &T::members),
        object_field<T, VotingRule>("voting", &T::voting),
        enum_field<T>("status", &T::status),
        ref_field<T>("successor", &T::successor, ref_body),
        enum_field<T>("succession", &T::succession),
        money_field<T>("runningCost", &T::running_cost),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Post>>& fields_of<Post>() {
  using T = Post;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        text_field<T>("title", &T::title, true),
        enum_field<T>("role", &T::role, true),
        ref_list_field<T>("organisations", &T::organisations, ref_organisation),
        text_field<T>("holder", &T::holder),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Function>>& fields_of<Function>() {
  using T = Function;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        text_field<T>("name", &T::name, true),
        text_field<T>("description", &T::description),
        optional_enum_field<T>("level", &T::level),
        text_field<T>("serviceTier", &T::service_tier),
        ref_list_field<T>("covers", &T::covers, ref_unit),
        count_field<T>("maxPopulation", &T::max_population),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Flow>>& fields_of<Flow>() {
  using T = Flow;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        enum_field<T>("kind", &T::kind, true),
        ref_field<T>("from", &T::from, ref_organisation | ref_body | ref_post, true),
        ref_field<T>("to", &T::to, ref_organisation | ref_body | ref_post | ref_programme),
        ref_list_field<T>("functions", &T::functions, ref_function),
        text_field<T>("label", &T::label),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Programme>>& fields_of<Programme>() {
  using T = Programme;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        text_field<T>("name", &T::name, true),
        enum_field<T>("kind", &T::kind),
        text_field<T>("description", &T::description),
        ref_field<T>("parent", &T::parent, ref_programme),
        ref_field<T>("sro", &T::sro, ref_post),
        ref_field<T>("financeLead", &T::finance_lead, ref_post),
        ref_field<T>("programmeManager", &T::programme_manager, ref_post),
        text_list_field<T>("objectives", &T::objectives),
        money_field<T>("spend", &T::spend),
        ref_list_field<T>("footprint", &T::footprint, ref_unit),
        ref_field<T>("overseenBy", &T::overseen_by, ref_body),
        ref_field<T>("leadCommissioner", &T::lead_commissioner, ref_organisation),
        ref_field<T>("hostCommissioner", &T::host_commissioner, ref_organisation),
        enum_field<T>("status", &T::status),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Milestone>>& fields_of<Milestone>() {
  using T = Milestone;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        date_field<T>("date", &T::date),
        text_field<T>("label", &T::label, true),
        text_field<T>("description", &T::description),
        command_list_field<T>("changes", &T::changes),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Score>>& fields_of<Score>() {
  using T = Score;
  static const std::vector<Field<T>> table = {
      ref_field<T>("criterion", &T::criterion, ref_criterion, true),
      number_field<T>("value", &T::value, true),
      text_field<T>("rationale", &T::rationale),
      enum_field<T>("certainty", &T::certainty),
  };
  return table;
}

template <>
const std::vector<Field<Period>>& fields_of<Period>() {
  using T = Period;
  static const std::vector<Field<T>> table = {
      required_date_field<T>("start", &T::start),
      required_date_field<T>("end", &T::end),
  };
  return table;
}

template <>
const std::vector<Field<Option>>& fields_of<Option>() {
  using T = Option;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        text_field<T>("title", &T::title, true),
        text_field<T>("description", &T::description),
        text_list_field<T>("advantages", &T::advantages),
        text_list_field<T>("disadvantages", &T::disadvantages),
        enum_field<T>("status", &T::status),
        ref_field<T>("decidedBy", &T::decided_by, ref_organisation | ref_body | ref_post),
        text_field<T>("decisionNote", &T::decision_note),
        object_field<T, Period>("consultation", &T::consultation),
        money_field<T>("runningCost", &T::running_cost),
        money_field<T>("saving", &T::saving),
        money_field<T>("investment", &T::investment),
        object_list_field<T, Score>("scores", &T::scores),
        object_list_field<T, Milestone>("steps", &T::steps),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Criterion>>& fields_of<Criterion>() {
  using T = Criterion;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        text_field<T>("name", &T::name, true),
        text_field<T>("description", &T::description),
        number_field<T>("weight", &T::weight),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<GlossaryEntry>>& fields_of<GlossaryEntry>() {
  using T = GlossaryEntry;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        text_field<T>("term", &T::term, true),
        text_field<T>("meaning", &T::meaning, true),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Principle>>& fields_of<Principle>() {
  using T = Principle;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        text_field<T>("name", &T::name, true),
        text_field<T>("description", &T::description),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

template <>
const std::vector<Field<Note>>& fields_of<Note>() {
  using T = Note;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        id_field<T>(&T::id),
        text_field<T>("title", &T::title),
        text_field<T>("text", &T::text, true),
        ref_list_field<T>("about", &T::about, ref_anything),
    };
    append_entity_fields(t);
    return t;
  }();
  return table;
}

namespace {

// "layout": {"governance": {"body-id": [x, y]}}: nudged positions per view.
Field<Plan> layout_field() {
  return {"layout", false,
          [](Plan& plan, const Json& v, Problems& p, const std::string& path) {
            if (!v.is_object()) {
              p.error(path, "must be an object of views ({\"governance\": {\"id\": [x, y]}}), not " + json_type_name(v));
              return;
            }
            plan.layout.clear();
            for (auto view = v.begin(); view != v.end(); ++view) {
              const std::string view_path = pointer_join(path, view.key());
              if (!view.value().is_object()) {
                p.error(view_path, "must be an object of positions ({\"id\": [x, y]}), not " + json_type_name(view.value()));
                continue;
              }
              for (auto item = view.value().begin(); item != view.value().end(); ++item) {
                const Json& xy = item.value();
                const bool ok = xy.is_array() && xy.size() == 2 && xy[0].is_number() && xy[1].is_number() &&
                                std::isfinite(xy[0].get<double>()) && std::isfinite(xy[1].get<double>());
                if (!ok) {
                  p.error(pointer_join(view_path, item.key()), "must be a position [x, y] of two numbers");
                  continue;
                }
                plan.layout.push_back({view.key(), item.key(), xy[0].get<double>(), xy[1].get<double>()});
              }
            }
          },
          [](Plan& plan) { plan.layout.clear(); },
          [](const Plan& plan) -> std::optional<Json> {
            if (plan.layout.empty()) return std::nullopt;
            Json out = Json::object();
            for (const LayoutHint& hint : plan.layout) out[hint.view][hint.id] = Json::array({hint.x, hint.y});
            return out;
          },
          [](const Plan& plan, PointerPath& path, const RefVisitor& visit) {
            for (const LayoutHint& hint : plan.layout) {
              path.push(hint.view);
              path.push(hint.id);
              visit(path, hint.id, ref_anything);
              path.pop();
              path.pop();
            }
          }, {}, {}};
}

}  // namespace

template <>
const std::vector<Field<Plan>>& fields_of<Plan>() {
  using T = Plan;
  static const std::vector<Field<T>> table = [] {
    std::vector<Field<T>> t = {
        text_field<T>("name", &T::name, true),
        text_field<T>("description", &T::description),
        text_field<T>("partnership", &T::partnership),
        date_field<T>("asOf", &T::as_of),
    };
    Field<T> bands{"bands", false,
                   [](T& plan, const Json& v, Problems& p, const std::string& path) {
                     Bands read{};
                     const std::size_t before = p.count(Severity::error);
                     read_object(read, v, p, path);
                     if (p.count(Severity::error) == before) plan.bands = read;
                   },
                   [](T& plan) { plan.bands = Bands{}; },
                   [](const T& plan) -> std::optional<Json> { return write_object(plan.bands); },
                   {}, {}, {}};
    t.push_back(std::move(bands));
    t.push_back(object_list_field<T, Source>("sources", &T::sources));
    t.push_back(object_list_field<T, Unit>("units", &T::units));
    t.push_back(object_list_field<T, Organisation>("organisations", &T::organisations));
    t.push_back(object_list_field<T, Body>("bodies", &T::bodies));
    t.push_back(object_list_field<T, Post>("posts", &T::posts));
    t.push_back(object_list_field<T, Function>("functions", &T::functions));
    t.push_back(object_list_field<T, Flow>("flows", &T::flows));
    t.push_back(object_list_field<T, Programme>("programmes", &T::programmes));
    t.push_back(object_list_field<T, Milestone>("milestones", &T::milestones));
    t.push_back(object_list_field<T, Option>("options", &T::options));
    t.push_back(object_list_field<T, Criterion>("criteria", &T::criteria));
    t.push_back(object_list_field<T, GlossaryEntry>("glossary", &T::glossary));
    t.push_back(object_list_field<T, Principle>("principles", &T::principles));
    t.push_back(object_list_field<T, Note>("notes", &T::notes));
    t.push_back(layout_field());
    return t;
  }();
  return table;
}

const std::optional<Band>& band_for(const Bands& bands, Layer layer) {
  switch (layer) {
    case Layer::community: return bands.community;
    case Layer::practice: return bands.practice;
    case Layer::pcn: return bands.pcn;
    case Layer::place: return bands.place;
    case Layer::system: return bands.system;
    case Layer::region: break;
  }
  return bands.region;
}

std::optional<Band>& band_for(Bands& bands, Layer layer) {
  return const_cast<std::optional<Band>&>(band_for(static_cast<const Bands&>(bands), layer));
}

}  // namespace model
