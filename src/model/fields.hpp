#pragma once
// A small reflection of the plan's structs: for each one, the table of its
// JSON fields with how to read, clear, write and find references in each.
// One table serves loading (io), saving (io), the "set" command, reference
// checks and the documentation, so that they cannot disagree.
//
// Sections: limits and reference kinds · Field · builders · generic
// read/write · tables (fields.cpp).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/json.hpp"
#include "model/json_text.hpp"
#include "model/plan.hpp"
#include "model/problems.hpp"
#include "model/value_stream.hpp"

namespace model {

// --- limits and reference kinds ---------------------------------------------

// A hostile or broken file gets a message, not an exhausted memory.
inline constexpr std::size_t max_text_length = 20000;   // characters
inline constexpr std::size_t max_list_length = 250000;  // items in any one list
inline constexpr std::size_t max_id_length = 128;

// What a reference may point at (a bit set).
enum RefKind : unsigned {
  ref_unit = 1u << 0,
  ref_organisation = 1u << 1,
  ref_body = 1u << 2,
  ref_post = 1u << 3,
  ref_function = 1u << 4,
  ref_programme = 1u << 5,
  ref_criterion = 1u << 6,
  ref_source = 1u << 7,
  ref_milestone = 1u << 8,
  ref_option = 1u << 9,
  ref_other = 1u << 10,  // glossary entries, principles, notes
  ref_anything = (1u << 11) - 1,
};

// "a unit", "an organisation or a body": for messages.
std::string describe_ref_kinds(unsigned kinds);

// Called for every reference: where it is, the id, what it may point at.
// The path is built as the visit goes, without allocating: take its text
// only for a message.
using RefVisitor = std::function<void(const PointerPath& path, const std::string& id, unsigned kinds)>;

bool is_valid_id(std::string_view id);
std::string json_type_name(const Json& value);  // "text", "a number", "a list"...
std::size_t character_count(std::string_view utf8);
bool same_ignoring_case(std::string_view a, std::string_view b);

// --- Field --------------------------------------------------------------------

template <class T>
struct Field {
  std::string_view name;
  bool required = false;
  // Reads a present, non-null value into the struct; reports what is wrong.
  std::function<void(T&, const Json&, Problems&, const std::string& path)> read;
  // Puts the field back to its default (null in a file or a "set" command).
  std::function<void(T&)> clear;
  // The value to save, or nothing when it is the default and can be left out.
  std::function<std::optional<Json>(const T&)> write;
  // Reports each id the field refers to (absent for fields without references).
  std::function<void(const T&, PointerPath& path, const RefVisitor&)> refs;
  // Reads the value from a stream item by item, without building it as JSON
  // first; answers false, reading nothing, when the value is not of the kind
  // it streams (then `read` takes the value whole). Set for lists of objects,
  // the bulk of a plan.
  std::function<bool(T&, ValueStream&, Problems&, PointerPath&)> stream;
  // Appends the value as `write` gives it, written out as append_json
  // writes it at that depth, without building it as JSON first; answers
  // false, having appended nothing, when `write` would leave it out. Set
  // for texts, lists of texts, objects and lists of objects, the bulk of
  // a plan; the rest are small, and go through `write`.
  std::function<bool(const T&, std::string& out, int indent, int depth)> append;
};

// The table of every struct that appears in a plan file (fields.cpp).
template <class T>
const std::vector<Field<T>>& fields_of();

template <class T>
const Field<T>* find_field(std::string_view name) {
  for (const Field<T>& field : fields_of<T>()) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

// The known field nearest to a misspelt one, if any is close.
std::string nearest_name(std::string_view name, const std::vector<std::string_view>& known);

template <class T>
std::vector<std::string_view> field_names() {
  std::vector<std::string_view> names;
  for (const Field<T>& field : fields_of<T>()) names.push_back(field.name);
  return names;
}

// --- generic read / write -------------------------------------------------------

template <class T>
concept KeepsUnknownFields = requires(T t) { t.extra; };

// Reads an object into target (which starts at its defaults). Unknown fields
// are kept in target.extra, with a warning in case they are typos.
template <class T>
void read_object(T& target, const Json& value, Problems& problems, const std::string& path) {
  if (!value.is_object()) {
    problems.error(path, "must be an object ({...}), not " + json_type_name(value));
    return;
  }
  for (const Field<T>& field : fields_of<T>()) {
    if (!field.required) continue;
    if (!value.contains(field.name)) {
      problems.error(path, "missing \"" + std::string(field.name) + "\", which is required here");
    } else if (value[field.name].is_null()) {
      problems.error(pointer_join(path, field.name), "is required here and cannot be null");
    }
  }
  for (auto item = value.begin(); item != value.end(); ++item) {
    const std::string field_path = pointer_join(path, item.key());
    if (const Field<T>* field = find_field<T>(item.key())) {
      if (item.value().is_null()) field->clear(target);
      else field->read(target, item.value(), problems, field_path);
      continue;
    }
    std::string message = "unknown field " + quote_text(item.key()) + " (kept as it is)";
    const std::string near = nearest_name(item.key(), field_names<T>());
    if (!near.empty()) message += "; did you mean \"" + near + "\"?";
    problems.warning(field_path, message);
    if constexpr (KeepsUnknownFields<T>) target.extra[item.key()] = item.value();
  }
}

// Reads the value of one field (or unknown field) of an object from a
// stream, as read_object reads it from a document; `path` is the object's,
// and the field's name is added to it while the value is read. Marks the
// field in `seen`, a bit per row of the table (the tables have fewer than
// 64 rows; a row past that counts as never seen, so a required one would
// send the loader back to the document).
template <class T>
void stream_field(T& target, std::string_view key, ValueStream& in, Problems& problems, PointerPath& path,
                  std::uint64_t& seen, std::size_t* next_guess = nullptr) {
  const std::vector<Field<T>>& fields = fields_of<T>();
  // Files mostly list fields in the table's order (saving writes them so):
  // the search starts at the one after the last found.
  const std::size_t start = next_guess && *next_guess < fields.size() ? *next_guess : 0;
  for (std::size_t k = 0; k < fields.size(); ++k) {
    const std::size_t i = start + k < fields.size() ? start + k : start + k - fields.size();
    const Field<T>& field = fields[i];
    if (field.name != key) continue;
    if (next_guess) *next_guess = i + 1;
    if (i < 64) seen |= std::uint64_t{1} << i;
    path.push(field.name);  // the table's name: the key is good only until the stream reads on
    if (!field.stream || !field.stream(target, in, problems, path)) {
      const Json value = in.value();
      if (!value.is_null()) {
        field.read(target, value, problems, path.text());
      } else if (field.required) {
        problems.error(path.text(), "is required here and cannot be null");
      } else {
        field.clear(target);
      }
    }
    path.pop();
    return;
  }
  path.push_copy(key);
  std::string message = "unknown field " + quote_text(key) + " (kept as it is)";
  const std::string near = nearest_name(key, field_names<T>());
  if (!near.empty()) message += "; did you mean \"" + near + "\"?";
  problems.warning(path.text(), message);
  path.pop();
  std::string name(key);  // the key is good only until the stream reads on
  Json value = in.value();
  if constexpr (KeepsUnknownFields<T>) target.extra[name] = std::move(value);
}

// Reports each required field of T that `seen` lacks.
template <class T, class Path>
void check_required(std::uint64_t seen, Problems& problems, const Path& path) {
  const std::vector<Field<T>>& fields = fields_of<T>();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].required && (i >= 64 || !(seen & (std::uint64_t{1} << i)))) {
      problems.error(path_text(path), "missing \"" + std::string(fields[i].name) + "\", which is required here");
    }
  }
}

// read_object from a stream: the same values and the same warnings, in the
// same order. Errors are the same too, though their order may differ: the
// loader goes back to the document when there are any (io/plan_file.cpp).
template <class T>
void stream_object(T& target, ValueStream& in, Problems& problems, PointerPath& path) {
  if (!in.enter_object()) {
    read_object(target, in.value(), problems, path.text());
    return;
  }
  std::uint64_t seen = 0;
  std::size_t next_guess = 0;
  std::string_view key;
  while (in.next_key(key)) stream_field(target, key, in, problems, path, seen, &next_guess);
  check_required<T>(seen, problems, path);
}

template <class T>
Json write_object(const T& source) {
  Json out = Json::object();
  for (const Field<T>& field : fields_of<T>()) {
    if (auto value = field.write(source)) out[std::string(field.name)] = std::move(*value);
  }
  if constexpr (KeepsUnknownFields<T>) {
    for (auto item = source.extra.begin(); item != source.extra.end(); ++item) {
      if (!out.contains(item.key())) out[item.key()] = item.value();
    }
  }
  return out;
}

// The members of write_object(source), appended one by one as
// append_json(write_object(source), indent, depth) writes them between the
// braces, each after a comma when `any` is already true; `any` ends true
// once one has been written. `skip` is left out of the unknown fields.
template <class T>
void append_members(std::string& out, const T& source, int indent, int depth, bool& any, std::string_view skip = {}) {
  const bool pretty = indent >= 0;
  const std::size_t inner = pretty ? static_cast<std::size_t>(indent) * static_cast<std::size_t>(depth + 1) : 0;
  const auto start_member = [&](std::string_view name) {
    if (any) out += ',';
    if (pretty) out += '\n', out.append(inner, ' ');
    append_json_string(out, name);
    out += pretty ? ": " : ":";
  };
  const std::vector<Field<T>>& fields = fields_of<T>();
  std::uint64_t written = 0;  // a bit per row of the table (fewer than 64 rows)
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const Field<T>& field = fields[i];
    const std::size_t mark = out.size();
    start_member(field.name);
    bool present = false;
    if (field.append) {
      present = field.append(source, out, indent, depth + 1);
    } else if (auto value = field.write(source)) {
      append_json(out, *value, indent, depth + 1);
      present = true;
    }
    if (!present) {
      out.resize(mark);
      continue;
    }
    any = true;
    if (i < 64) written |= std::uint64_t{1} << i;
  }
  if constexpr (KeepsUnknownFields<T>) {
    for (auto item = source.extra.begin(); item != source.extra.end(); ++item) {
      const std::string& key = item.key();
      if (key == skip) continue;
      bool known_and_written = false;
      for (std::size_t i = 0; i < fields.size() && !known_and_written; ++i) {
        if (fields[i].name == key) known_and_written = i < 64 ? (written >> i & 1u) != 0 : fields[i].write(source).has_value();
      }
      if (known_and_written) continue;  // write_object keeps the field's own value
      start_member(key);
      append_json(out, item.value(), indent, depth + 1);
      any = true;
    }
  }
}

// Appends a list that is not empty as append_json writes it at that depth,
// each item by append_item (at depth + 1).
template <class List, class AppendItem>
void append_list(std::string& out, const List& list, int indent, int depth, AppendItem append_item) {
  const bool pretty = indent >= 0;
  const std::size_t inner = pretty ? static_cast<std::size_t>(indent) * static_cast<std::size_t>(depth + 1) : 0;
  out += '[';
  bool first = true;
  for (const auto& item : list) {
    if (!first) out += ',';
    first = false;
    if (pretty) out += '\n', out.append(inner, ' ');
    append_item(item);
  }
  if (pretty) out += '\n', out.append(inner - static_cast<std::size_t>(indent), ' ');
  out += ']';
}

// Appends write_object(source) as append_json writes it at that depth,
// without building it: saving England this way takes a fraction of the time.
template <class T>
void append_object(std::string& out, const T& source, int indent, int depth) {
  const std::size_t open = out.size();
  out += '{';
  bool any = false;
  append_members(out, source, indent, depth, any);
  if (!any) {
    out.resize(open);
    out += "{}";
    return;
  }
  if (indent >= 0) out += '\n', out.append(static_cast<std::size_t>(indent) * static_cast<std::size_t>(depth), ' ');
  out += '}';
}

template <class T>
void visit_refs(const T& source, PointerPath& path, const RefVisitor& visit) {
  for (const Field<T>& field : fields_of<T>()) {
    if (!field.refs) continue;
    path.push(field.name);
    field.refs(source, path, visit);
    path.pop();
  }
}

// --- builders (used by the tables in fields.cpp) ------------------------------

bool read_text(std::string& out, const Json& value, Problems& problems, const std::string& path);
// Whether text is within max_text_length characters; reports it if not.
bool text_within_limit(std::string_view text, Problems& problems, const std::string& path);
// The same, with the path written out only for a message.
inline bool text_within_limit(std::string_view text, Problems& problems, const PointerPath& path) {
  return text.size() <= max_text_length || text_within_limit(text, problems, path.text());  // never more characters than bytes
}
bool read_whole_number(std::int64_t& out, const Json& value, std::int64_t min, Problems& problems,
                       const std::string& path);
bool read_number(double& out, const Json& value, Problems& problems, const std::string& path);
bool read_text_list(std::vector<std::string>& out, const Json& value, Problems& problems,
                    const std::string& path);
// A streamed list with max_list_length items read and another to come:
// reports it and skips the rest (true); false below the limit.
bool skip_past_limit(std::size_t count, ValueStream& in, Problems& problems, const PointerPath& path);
// The same from a stream, without a JSON value per item: false, having read
// nothing, when the next value is not a list.
bool stream_text_list(std::vector<std::string>& out, ValueStream& in, Problems& problems, PointerPath& path);
bool read_date(PlanDate& out, const Json& value, Problems& problems, const std::string& path);

// The enum named by text, or an error naming the allowed values.
template <class E>
bool read_enum_text(E& out, std::string_view text, Problems& problems, const std::string& path) {
  const auto parsed = from_name<E>(text);
  if (!parsed) {
    std::string hint;
    for (const auto& entry : enum_names<E>()) {
      if (same_ignoring_case(text, entry.name)) hint = "did you mean \"" + std::string(entry.name) + "\"? ";
    }
    problems.error(path, quote_text(text) + " is not allowed here: " + hint + "use one of " + list_names<E>());
    return false;
  }
  out = *parsed;
  return true;
}

template <class E>
bool read_enum(E& out, const Json& value, Problems& problems, const std::string& path) {
  if (!value.is_string()) {
    problems.error(path, "must be text (one of " + list_names<E>() + "), not " + json_type_name(value));
    return false;
  }
  return read_enum_text(out, value.get_ref<const std::string&>(), problems, path);
}

// Streams an enum written as text without building a JSON value (England
// has some 23,000: every unit's layer, every flow's kind); `keep` takes it
// if it is one of E's names.
template <class E, class Keep>
bool stream_enum(ValueStream& in, Problems& problems, PointerPath& path, Keep keep) {
  std::string_view text;
  if (!in.next_text(text)) return false;  // not text: read as a value, and reported
  if (const auto parsed = from_name<E>(text)) {
    keep(*parsed);
  } else {
    E value{};
    read_enum_text(value, text, problems, path.text());  // reports it
  }
  return true;
}

template <class T>
Field<T> text_field(std::string_view name, std::string T::*member, bool required = false) {
  const auto keep = [member, required](T& t, std::string_view text, Problems& p, const auto& path) {
    if (!text_within_limit(text, p, path)) return;
    if (required && text.empty()) {
      p.error(path_text(path), "must not be empty");
      return;
    }
    t.*member = text;
  };
  return {name, required,
          [keep](T& t, const Json& v, Problems& p, const std::string& path) {
            std::string text;
            if (read_text(text, v, p, path)) keep(t, text, p, path);
          },
          [member](T& t) { (t.*member).clear(); },
          [member, required](const T& t) -> std::optional<Json> {
            if ((t.*member).empty() && !required) return std::nullopt;
            return Json(t.*member);
          },
          {},
          [keep](T& t, ValueStream& in, Problems& p, PointerPath& path) {
            std::string_view text;
            if (!in.next_text(text)) return false;
            keep(t, text, p, path);
            return true;
          },
          [member, required](const T& t, std::string& out, int, int) {
            if ((t.*member).empty() && !required) return false;
            append_json_string(out, t.*member);
            return true;
          }};
}

template <class T>
Field<T> id_field(std::string T::*member) {
  Field<T> field = text_field<T>("id", member, true);
  const auto keep = [member](T& t, std::string_view id, Problems& p, const auto& path) {
    if (!text_within_limit(id, p, path)) return;
    if (!is_valid_id(id)) {
      p.error(path_text(path), quote_text(id) + " is not a valid id: use letters, digits, \".\", \"_\", \":\" and \"-\", "
                    "starting with a letter or digit, at most 128 characters");
      return;
    }
    t.*member = id;
  };
  field.read = [keep](T& t, const Json& v, Problems& p, const std::string& path) {
    std::string id;
    if (read_text(id, v, p, path)) keep(t, id, p, path);
  };
  field.stream = [keep](T& t, ValueStream& in, Problems& p, PointerPath& path) {
    std::string_view id;
    if (!in.next_text(id)) return false;
    keep(t, id, p, path);
    return true;
  };
  return field;
}

template <class T>
Field<T> ref_field(std::string_view name, std::string T::*member, unsigned kinds, bool required = false) {
  Field<T> field = text_field<T>(name, member, required);
  field.refs = [member, kinds](const T& t, PointerPath& path, const RefVisitor& visit) {
    if (!(t.*member).empty()) visit(path, t.*member, kinds);
  };
  return field;
}

template <class T>
Field<T> text_list_field(std::string_view name, std::vector<std::string> T::*member) {
  return {name, false,
          [member](T& t, const Json& v, Problems& p, const std::string& path) { read_text_list(t.*member, v, p, path); },
          [member](T& t) { (t.*member).clear(); },
          [member](const T& t) -> std::optional<Json> {
            if ((t.*member).empty()) return std::nullopt;
            return Json(t.*member);
          },
          {},
          [member](T& t, ValueStream& in, Problems& p, PointerPath& path) { return stream_text_list(t.*member, in, p, path); },
          [member](const T& t, std::string& out, int indent, int depth) {
            if ((t.*member).empty()) return false;
            append_list(out, t.*member, indent, depth, [&](const std::string& text) { append_json_string(out, text); });
            return true;
          }};
}

template <class T>
Field<T> ref_list_field(std::string_view name, std::vector<std::string> T::*member, unsigned kinds) {
  Field<T> field = text_list_field<T>(name, member);
  field.refs = [member, kinds](const T& t, PointerPath& path, const RefVisitor& visit) {
    for (std::size_t i = 0; i < (t.*member).size(); ++i) {
      path.push(i);
      visit(path, (t.*member)[i], kinds);
      path.pop();
    }
  };
  return field;
}

template <class T, class E>
Field<T> enum_field(std::string_view name, E T::*member, bool required = false) {
  const E fallback = T{}.*member;
  return {name, required,
          [member](T& t, const Json& v, Problems& p, const std::string& path) { read_enum(t.*member, v, p, path); },
          [member, fallback](T& t) { t.*member = fallback; },
          [member, fallback, required](const T& t) -> std::optional<Json> {
            if (t.*member == fallback && !required) return std::nullopt;
            return Json(std::string(to_name(t.*member)));
          },
          {},
          [member](T& t, ValueStream& in, Problems& p, PointerPath& path) {
            return stream_enum<E>(in, p, path, [&](E value) { t.*member = value; });
          }, {}};
}



// A field whose value may be absent: read with `read` (which reports what is
// wrong and returns false), written with `to_json`, left out when absent.
template <class T, class V, class Read, class ToJson>
Field<T> optional_field(std::string_view name, std::optional<V> T::*member, Read read, ToJson to_json) {
  return {name, false,
          [member, read](T& t, const Json& v, Problems& p, const std::string& path) {
            V value{};
            if (read(value, v, p, path)) t.*member = std::move(value);
          },
          [member](T& t) { (t.*member).reset(); },
          [member, to_json](const T& t) -> std::optional<Json> {
            if (!(t.*member)) return std::nullopt;
            return to_json(*(t.*member));
          },
          {}, {}, {}};
}

template <class T, class E>
Field<T> optional_enum_field(std::string_view name, std::optional<E> T::*member) {
  Field<T> field = optional_field<T>(name, member, read_enum<E>, [](E value) { return Json(std::string(to_name(value))); });
  field.stream = [member](T& t, ValueStream& in, Problems& p, PointerPath& path) {
    return stream_enum<E>(in, p, path, [&](E value) { t.*member = value; });
  };
  return field;
}

template <class T>
Field<T> count_field(std::string_view name, std::optional<std::int64_t> T::*member) {
  return optional_field<T>(
      name, member,
      [](std::int64_t& out, const Json& v, Problems& p, const std::string& path) { return read_whole_number(out, v, 0, p, path); },
      [](std::int64_t value) { return Json(value); });
}

template <class T>
Field<T> optional_number_field(std::string_view name, std::optional<double> T::*member) {
  return optional_field<T>(name, member, read_number, [](double value) { return Json(value); });
}

template <class T>
Field<T> date_field(std::string_view name, std::optional<PlanDate> T::*member) {
  return optional_field<T>(name, member, read_date, [](const PlanDate& date) { return Json(format_plan_date(date)); });
}

template <class T>
Field<T> whole_number_field(std::string_view name, std::int64_t T::*member, std::int64_t min) {
  const std::int64_t fallback = T{}.*member;
  return {name, false,
          [member, min](T& t, const Json& v, Problems& p, const std::string& path) {
            read_whole_number(t.*member, v, min, p, path);
          },
          [member, fallback](T& t) { t.*member = fallback; },
          [member, fallback](const T& t) -> std::optional<Json> {
            if (t.*member == fallback) return std::nullopt;
            return Json(t.*member);
          },
          {}, {}, {}};
}

template <class T>
Field<T> number_field(std::string_view name, double T::*member, bool required = false) {
  const double fallback = T{}.*member;
  return {name, required,
          [member](T& t, const Json& v, Problems& p, const std::string& path) { read_number(t.*member, v, p, path); },
          [member, fallback](T& t) { t.*member = fallback; },
          [member, fallback, required](const T& t) -> std::optional<Json> {
            if (t.*member == fallback && !required) return std::nullopt;
            return Json(t.*member);
          },
          {}, {}, {}};
}


template <class T>
Field<T> bool_field(std::string_view name, bool T::*member) {
  const bool fallback = T{}.*member;
  return {name, false,
          [member](T& t, const Json& v, Problems& p, const std::string& path) {
            if (!v.is_boolean()) {
              p.error(path, "must be true or false, not " + json_type_name(v));
              return;
            }
            t.*member = v.get<bool>();
          },
          [member, fallback](T& t) { t.*member = fallback; },
          [member, fallback](const T& t) -> std::optional<Json> {
            if (t.*member == fallback) return std::nullopt;
            return Json(t.*member);
          },
          {}, {}, {}};
}


template <class T>
Field<T> required_date_field(std::string_view name, PlanDate T::*member) {
  return {name, true,
          [member](T& t, const Json& v, Problems& p, const std::string& path) { read_date(t.*member, v, p, path); },
          [member](T& t) { t.*member = PlanDate{}; },
          [member](const T& t) -> std::optional<Json> { return Json(format_plan_date(t.*member)); },
          {}, {}, {}};
}

template <class T, class S>
Field<T> object_field(std::string_view name, std::optional<S> T::*member) {
  return {name, false,
          [member](T& t, const Json& v, Problems& p, const std::string& path) {
            S value{};
            const std::size_t before = p.count(Severity::error);
            read_object(value, v, p, path);
            if (p.count(Severity::error) == before) t.*member = std::move(value);
          },
          [member](T& t) { (t.*member).reset(); },
          [member](const T& t) -> std::optional<Json> {
            if (!(t.*member)) return std::nullopt;
            return write_object(*(t.*member));
          },
          [member](const T& t, PointerPath& path, const RefVisitor& visit) {
            if (t.*member) visit_refs(*(t.*member), path, visit);
          },
          {},
          [member](const T& t, std::string& out, int indent, int depth) {
            if (!(t.*member)) return false;
            append_object(out, *(t.*member), indent, depth);
            return true;
          }};
}

template <class T, class S>
Field<T> object_list_field(std::string_view name, std::vector<S> T::*member) {
  return {name, false,
          [member](T& t, const Json& v, Problems& p, const std::string& path) {
            if (!v.is_array()) {
              p.error(path, "must be a list ([...]), not " + json_type_name(v));
              return;
            }
            if (v.size() > max_list_length) {
              p.error(path, "has " + std::to_string(v.size()) + " items, more than the limit of " +
                                std::to_string(max_list_length));
              return;
            }
            (t.*member).clear();
            (t.*member).reserve(v.size());
            for (std::size_t i = 0; i < v.size(); ++i) {
              S item{};
              read_object(item, v[i], p, pointer_join(path, i));
              (t.*member).push_back(std::move(item));
            }
          },
          [member](T& t) { (t.*member).clear(); },
          [member](const T& t) -> std::optional<Json> {
            if ((t.*member).empty()) return std::nullopt;
            Json list = Json::array();
            for (const S& item : t.*member) list.push_back(write_object(item));
            return list;
          },
          [member](const T& t, PointerPath& path, const RefVisitor& visit) {
            for (std::size_t i = 0; i < (t.*member).size(); ++i) {
              path.push(i);
              visit_refs((t.*member)[i], path, visit);
              path.pop();
            }
          },
          [member](T& t, ValueStream& in, Problems& p, PointerPath& path) {
            if (!in.enter_array()) return false;
            auto& list = t.*member;
            list.clear();
            while (in.next_item()) {
              if (skip_past_limit(list.size(), in, p, path)) return true;
              path.push(list.size());
              stream_object(list.emplace_back(), in, p, path);
              path.pop();
            }
            return true;
          },
          [member](const T& t, std::string& out, int indent, int depth) {
            if ((t.*member).empty()) return false;
            append_list(out, t.*member, indent, depth, [&](const S& item) { append_object(out, item, indent, depth + 1); });
            return true;
          }};
}

// The fields every entity ends with: note, certainty, source.
template <class T>
void append_entity_fields(std::vector<Field<T>>& fields) {
  fields.push_back(text_field<T>("note", &T::note));
  fields.push_back(Field<T>{"certainty", false,
                            [](T& t, const Json& v, Problems& p, const std::string& path) {
                              read_enum(t.evidence.certainty, v, p, path);
                            },
                            [](T& t) { t.evidence.certainty = Certainty::stated; },
                            [](const T& t) -> std::optional<Json> {
                              if (t.evidence.certainty == Certainty::stated) return std::nullopt;
                              return Json(std::string(to_name(t.evidence.certainty)));
                            },
                            {}, {}, {}});
  fields.push_back(Field<T>{"source", false,
                            [](T& t, const Json& v, Problems& p, const std::string& path) {
                              read_text(t.evidence.source, v, p, path);
                            },
                            [](T& t) { t.evidence.source.clear(); },
                            [](const T& t) -> std::optional<Json> {
                              if (t.evidence.source.empty()) return std::nullopt;
                              return Json(t.evidence.source);
                            },
                            {}, {},
                            [](const T& t, std::string& out, int, int) {
                              if (t.evidence.source.empty()) return false;
                              append_json_string(out, t.evidence.source);
                              return true;
                            }});
}

}  // namespace model
