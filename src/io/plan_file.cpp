#include "io/plan_file.hpp"

#include <algorithm>
#include <chrono>

#include "model/command.hpp"
#include <charconv>
#include <vector>

#include "io/json_stream.hpp"
#include "model/fields.hpp"
#include "model/json_text.hpp"
#include "model/validate.hpp"

namespace io {

using model::Json;

namespace {

struct TooDeep {};

// Line and column (1-based, columns in bytes) of a byte offset.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t byte) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

// nlohmann's messages start "[json.exception.parse_error.101] parse error at
// line 1, column 2: syntax error while parsing value - "; keep what follows.
// The parser quotes what it last read, which may be broken UTF-8: replace
// any byte that does not start or continue a valid sequence with "?", so
// that messages are always printable text.
std::string printable(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (valid) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      out += '?';
      ++i;
    }
  }
  return out;
}

std::string syntax_detail(const std::string& what) {
  for (const char* marker : {"syntax error while ", ": "}) {
    const std::size_t at = what.rfind(marker);
    if (at != std::string::npos) return printable(what.substr(at + std::string_view(marker).size()));
  }
  return printable(what);
}

// A plain hint for the syntax errors people make most when writing JSON by
// hand, or "" when none fits.
std::string syntax_hint(std::string_view text, std::size_t byte, const std::string& detail) {
  // What the parser last read, e.g. last read: '"1.0",<U+000A>  /'.
  const std::size_t last_read = detail.find("last read: '");
  const std::size_t token_end = detail.rfind('\'');
  const std::string token = last_read == std::string::npos || token_end <= last_read + 12
                                ? ""
                                : detail.substr(last_read + 12, token_end - last_read - 12);
  if (!token.empty() && token.back() == '/') return "JSON allows no comments: move the note into a \"note\" field";
  if (!token.empty() && token.back() == '\'') return "text in JSON goes in double quotes (\"...\"), not single ones";
  if (detail.find("unexpected end of input") != std::string::npos) {
    return "the file ends too early: is it cut short, or is a } or ] missing?";
  }
  if (detail.find("control character U+000A") != std::string::npos) {
    return "a piece of text is not closed before the end of its line: add the missing \"";
  }
  if (detail.find("unexpected '}'") != std::string::npos || detail.find("unexpected ']'") != std::string::npos) {
    std::size_t i = std::min(byte, text.size());
    while (i > 0 && std::string_view(" \t\r\n").find(text[i - 1]) != std::string_view::npos) --i;
    while (i > 0 && (text[i - 1] == '}' || text[i - 1] == ']')) --i;
    while (i > 0 && std::string_view(" \t\r\n").find(text[i - 1]) != std::string_view::npos) --i;
    if (i > 0 && text[i - 1] == ',') return "JSON allows no comma after the last item of a list or object: remove it";
  }
  if (detail.find("expected '}'") != std::string::npos || detail.find("expected ']'") != std::string::npos) {
    return "is a comma missing between two items?";
  }
  return {};
}

std::optional<Json> nul_error(std::string_view text, std::size_t at, model::Problems& problems) {
  const auto [line, column] = line_and_column(text, at);
  problems.error("", "line " + std::to_string(line) + ", column " + std::to_string(column) +
                         ": this is not valid JSON (a NUL byte, which JSON does not allow); an interrupted save can "
                         "leave NUL bytes at the end of a file: open a good copy, or delete everything from here on "
                         "if the plan before it is complete");
  return std::nullopt;
}

// Builds the document as nlohmann's own parser does, through its SAX
// interface, and checks as it goes what a JSON parser lets pass: nesting
// deeper than a plan needs, and a key given twice in one object (a parser
// keeps only the last, which would silently drop what a person wrote).
// nlohmann's callback parser did the same checks at twice the cost: it
// wraps every key in a JSON value to hand it over.
class CheckedDocument {
 public:
  explicit CheckedDocument(Json& root) : root_(root) {}
  const std::vector<std::string>& duplicates() const { return duplicates_; }

  bool null() { return add(Json(nullptr)); }
  bool boolean(bool value) { return add(Json(value)); }
  bool number_integer(Json::number_integer_t value) { return add(Json(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return add(Json(value)); }
  bool number_float(Json::number_float_t value, const Json::string_t&) { return add(Json(value)); }
  bool string(Json::string_t& value) { return add(Json(std::move(value))); }
  bool binary(Json::binary_t& value) { return add(Json(std::move(value))); }
  bool start_object(std::size_t) { return open(Json::value_t::object); }
  bool start_array(std::size_t) { return open(Json::value_t::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(Json::string_t& name) {
    deep_enough();
    auto& object = open_.back()->get_ref<Json::object_t&>();
    auto [at, added] = object.emplace(name, Json());
    if (!added) duplicates_.push_back(name);
    slot_ = &at->second;
    return true;
  }
  // The same exceptions as Json::parse, so that one place words them.
  [[noreturn]] bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) {
    if (const auto* syntax = dynamic_cast<const Json::parse_error*>(&error)) throw *syntax;
    if (const auto* range = dynamic_cast<const Json::out_of_range*>(&error)) throw *range;
    throw std::runtime_error(error.what());
  }

 private:
  void deep_enough() const {
    if (open_.size() > max_nesting_depth) throw TooDeep{};
  }
  Json* place(Json&& value) {
    deep_enough();
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Json& container = *open_.back();
    if (container.is_array()) {
      auto& items = container.get_ref<Json::array_t&>();
      items.push_back(std::move(value));
      return &items.back();
    }
    *slot_ = std::move(value);
    return slot_;
  }
  bool add(Json&& value) {
    place(std::move(value));
    return true;
  }
  bool open(Json::value_t type) {
    open_.push_back(place(Json(type)));
    return true;
  }
  bool close() {
    open_.pop_back();
    return true;
  }

  Json& root_;
  std::vector<Json*> open_;  // the objects and arrays being filled, outermost first
  Json* slot_ = nullptr;     // where the value after a key goes
  std::vector<std::string> duplicates_;
};

std::optional<Json> parse_json(std::string_view text, model::Problems& problems) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    problems.error("", "the file is empty: a plan file is a JSON object such as "
                       "{\"schemaVersion\": \"1.0\", \"name\": \"My plan\"}");
    return std::nullopt;
  }
  const std::size_t first_nul = text.find('\0');
  try {
    Json root;
    CheckedDocument builder(root);
    Json::sax_parse(text.begin(), text.end(), &builder);
    const std::vector<std::string>& duplicates = builder.duplicates();
    // nlohmann's lexer stops at a NUL byte as if the input ended there, so
    // whatever follows one (a second value, or the zeros an interrupted
    // write leaves) would pass unseen: JSON allows only whitespace after
    // the value.
    if (first_nul != std::string_view::npos) return nul_error(text, first_nul, problems);
    for (const std::string& key : duplicates) {
      problems.error("", "the field " + model::quote_text(printable(key)) +
                             " appears twice in one object: keep one (the planner will not guess which)");
    }
    if (!duplicates.empty()) return std::nullopt;
    return root;
  } catch (const Json::parse_error& error) {
    const std::size_t byte = error.byte > 0 ? error.byte - 1 : 0;
    // The lexer reads a NUL as the end of the input: a syntax error found
    // there (or after) is the NUL's.
    if (byte >= first_nul) return nul_error(text, first_nul, problems);
    const auto [line, column] = line_and_column(text, byte);
    const std::string detail = syntax_detail(error.what());
    const std::string hint = syntax_hint(text, byte, detail);
    problems.error("", "line " + std::to_string(line) + ", column " + std::to_string(column) +
                           ": this is not valid JSON (" + detail + ")" + (hint.empty() ? "" : "; " + hint));
  } catch (const TooDeep&) {
    problems.error("", "the file nests objects and lists more than " + std::to_string(max_nesting_depth) +
                           " deep; a plan never needs that many levels");
  } catch (const Json::out_of_range&) {
    problems.error("", "a number in the file is too large to read; the planner keeps whole numbers up to "
                       "9,000,000,000,000,000");
  } catch (const std::exception& error) {
    problems.error("", std::string("the file could not be read as JSON: ") + printable(error.what()));
  }
  return std::nullopt;
}

struct Version {
  int major = 0;
  int minor = 0;
};

std::optional<Version> parse_version(const std::string& text) {
  Version version;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [dot, error] = std::from_chars(begin, end, version.major);
  if (error != std::errc() || dot == end || *dot != '.') return std::nullopt;
  auto [rest, error2] = std::from_chars(dot + 1, end, version.minor);
  if (error2 != std::errc() || rest != end || version.major < 0 || version.minor < 0) return std::nullopt;
  return version;
}

// Checks the schema version (null when the file has none); false when the
// file cannot be read at all.
bool check_version(const Json* version_value, model::Problems& problems) {
  // Every plan may say 1.0 (a plan using 1.1's fields is read just the same), so the advice names it.
  const std::string expected = "write \"schemaVersion\": \"1.0\" as the file's first field";
  if (!version_value) {
    problems.error("/schemaVersion", "missing \"schemaVersion\": " + expected);
    return false;
  }
  const Json& value = *version_value;
  const auto version = value.is_string() ? parse_version(value.get<std::string>()) : std::nullopt;
  if (!version) {
    problems.error("/schemaVersion", "must be text such as \"1.0\" (MAJOR.MINOR), not " +
                                         (value.is_string() ? model::quote_text(value.get<std::string>()) : model::json_type_name(value)));
    return false;
  }
  const std::string found = std::to_string(version->major) + "." + std::to_string(version->minor);
  if (version->major > schema_major) {
    problems.error("/schemaVersion", "this plan was made by a newer version of the planner (schema " + found +
                                         "; this planner reads " + std::to_string(schema_major) +
                                         ".x): update the planner to open it");
    return false;
  }
  if (version->major < 1) {
    problems.error("/schemaVersion", "schema " + found + " is not a version of the plan format; the first was 1.0");
    return false;
  }
  if (version->minor > schema_minor) {
    problems.warning("/schemaVersion", "this plan was made by a newer version of the planner (schema " + found +
                                           "); fields this planner does not know are kept as they are");
  }
  return true;
}

// Reads the plan straight from the text, without a document: the usual
// route, which takes a third of the time. False, leaving the result for the
// document route to fill, when the text is anything but valid JSON with no
// errors in the plan's fields, so that every message is worded in one place.
bool load_streamed(std::string_view text, model::Plan& plan, model::Problems& problems) {
  model::Problems read_problems;
  std::optional<Json> version;
  try {
    JsonTextStream in(text);
    if (!in.enter_object()) return false;
    model::PointerPath path;
    std::uint64_t seen = 0;
    std::string_view key;
    while (in.next_key(key)) {
      if (key == "schemaVersion") {
        version = in.value();
        continue;
      }
      model::stream_field(plan, key, in, read_problems, path, seen);
    }
    in.finish();
    model::check_required<model::Plan>(seen, read_problems, "");
  } catch (const NotPlainJson&) {
    return false;
  } catch (const std::exception&) {
    return false;
  }
  if (read_problems.has_errors()) return false;
  model::Problems version_problems;
  if (!check_version(version ? &*version : nullptr, version_problems)) return false;
  problems.append(version_problems);
  problems.append(read_problems);
  return true;
}

}  // namespace

std::string schema_version() { return std::to_string(schema_major) + "." + std::to_string(schema_minor); }

LoadResult load_plan(std::string_view text, LoadTimes* times, LoadRoute route) {
  using Clock = std::chrono::steady_clock;
  auto since = Clock::now();
  const auto lap = [&](double LoadTimes::*step) {
    const auto now = Clock::now();
    if (times) times->*step = std::chrono::duration<double, std::milli>(now - since).count();
    since = now;
  };
  LoadResult result;
  if (text.size() > max_plan_bytes) {
    result.problems.error("", "the file is " + std::to_string(text.size() >> 20) + " MiB, larger than the limit of " +
                                  std::to_string(max_plan_bytes >> 20) + " MiB for a plan");
    return result;
  }
  model::Plan plan;
  if (route == LoadRoute::streamed && load_streamed(text, plan, result.problems)) {
    lap(&LoadTimes::read_ms);
    if (times) times->streamed = true;
  } else {
    plan = model::Plan{};
    std::optional<Json> root = parse_json(text, result.problems);
    lap(&LoadTimes::parse_ms);
    if (!root) return result;
    if (!root->is_object()) {
      result.problems.error("", "a plan file must be a JSON object ({...}), not " + model::json_type_name(*root));
      return result;
    }
    if (!check_version(root->contains("schemaVersion") ? &(*root)["schemaVersion"] : nullptr, result.problems)) {
      return result;
    }
    // Migrations from older major versions would run here, oldest first; 1.x
    // is the first major version, so there are none yet.
    root->erase("schemaVersion");
    model::read_object(plan, *root, result.problems, "");
    lap(&LoadTimes::read_ms);
  }
  // Structural checks run even after field errors, so that every problem is
  // reported at once.
  result.problems.append(model::validate_plan(plan, &result.index));
  lap(&LoadTimes::validate_ms);
  if (result.problems.has_errors()) {
    result.index.reset();
    return result;
  }
  result.plan = std::move(plan);
  return result;
}

namespace {

bool money_of_1_1(const std::optional<model::Money>& money) { return money && money->certainty != model::Certainty::stated; }

}  // namespace

std::string version_needed(const model::Plan& plan) {
  const auto any = [](const auto& list, const auto& uses) { return std::any_of(list.begin(), list.end(), uses); };
  const bool uses_1_1 =
      any(plan.organisations, [](const model::Organisation& o) { return o.running_cost.has_value(); }) ||
      any(plan.bodies, [](const model::Body& b) { return b.running_cost.has_value(); }) ||
      any(plan.programmes, [](const model::Programme& p) { return money_of_1_1(p.spend); }) ||
      any(plan.options, [&](const model::Option& o) {
        return money_of_1_1(o.running_cost) || money_of_1_1(o.saving) || money_of_1_1(o.investment) ||
               std::any_of(o.scores.begin(), o.scores.end(), [](const model::Score& s) { return s.certainty != model::Certainty::stated; });
      });
  // A change that adds something with a running cost, or sets one.
  const auto change_uses_1_1 = [](const model::Milestone& m) {
    return std::any_of(m.changes.begin(), m.changes.end(),
                       [](const model::Command& c) { return model::write_command(c).dump().find("\"runningCost\"") != std::string::npos; });
  };
  const bool changes_1_1 = any(plan.milestones, change_uses_1_1) ||
                           any(plan.options, [&](const model::Option& o) { return std::any_of(o.steps.begin(), o.steps.end(), change_uses_1_1); });
  return uses_1_1 || changes_1_1 ? "1.1" : "1.0";
}

// Written straight from the plan, field by field, as its JSON value would
// be written (schemaVersion first), without building that value: England's
// 5 MB were built as JSON values first, for most of the time saving took.
std::string save_plan(const model::Plan& plan) {
  constexpr int indent = 2;
  constexpr std::string_view version_key = "schemaVersion";
  std::string text = "{\n  \"schemaVersion\": ";
  const auto kept = plan.extra.find(version_key);  // an unknown field of that name is written in its place
  model::append_json(text, kept != plan.extra.end() ? *kept : Json(version_needed(plan)), indent, 1);
  bool any = true;
  model::append_members(text, plan, indent, 0, any, version_key);
  text += "\n}\n";
  return text;
}

}  // namespace io
