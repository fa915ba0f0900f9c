// Reading a plan straight from its text (io/json_stream.hpp) must give what
// reading it through a JSON document gives: the same plan, the same
// problems, for every file we have and for texts made to trip it.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/national_plan.hpp"
#include "io/json_stream.hpp"
#include "io/plan_file.hpp"
#include "io/text_file.hpp"
#include "model/fields.hpp"
#include "plan_fixtures.hpp"

namespace {

std::vector<std::string> problem_lines(const io::LoadResult& result) {
  std::vector<std::string> lines;
  for (const model::Problem& problem : result.problems.list) lines.push_back(model::format_problem(problem));
  return lines;
}

// Compares the routes; answers whether the streamed one read the text itself
// (rather than handing it to the document route).
bool check_routes_agree(const std::string& text) {
  io::LoadTimes times;
  const io::LoadResult streamed = io::load_plan(text, &times, io::LoadRoute::streamed);
  const io::LoadResult document = io::load_plan(text, nullptr, io::LoadRoute::document);
  CHECK(problem_lines(streamed) == problem_lines(document));
  REQUIRE(streamed.plan.has_value() == document.plan.has_value());
  if (streamed.plan) {
    CHECK(*streamed.plan == *document.plan);
    CHECK(io::save_plan(*streamed.plan) == io::save_plan(*document.plan));
  }
  return times.streamed;
}

// A valid plan around one unit whose name and unknown fields are `unit`.
std::string plan_with_unit(const std::string& unit) {
  return R"({"schemaVersion": "1.0", "name": "P", "units": [{"id": "u", "layer": "place", )" + unit + "}]}";
}

// A valid plan with one unit and an organisation whose fields after its id
// are `organisation`.
std::string plan_with_organisation(const std::string& organisation) {
  return R"({"schemaVersion": "1.0", "name": "P", "units": [{"id": "u", "name": "U", "layer": "place"}, )"
         R"({"id": "v", "name": "V", "layer": "place"}], "organisations": [{"id": "o", )" + organisation + "}]}";
}

}  // namespace

TEST_CASE("both routes agree on every plan file in the tests and every example") {
  std::vector<std::filesystem::path> files;
  for (const char* folder : {"/plans/valid", "/plans/warnings", "/plans/invalid"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(PLANNER_TEST_DATA) + folder)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
  }
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PLANNER_SOURCE_DIR) + "/assets/examples")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  CHECK(files.size() > 90);
  for (const auto& path : files) {
    INFO(path.string());
    const io::TextFile file = io::read_text_file(path.string(), 16 << 20);
    REQUIRE(file.ok);
    check_routes_agree(file.text);
  }
}

TEST_CASE("both routes agree on the national plan") {
  CHECK(check_routes_agree(io::save_plan(cli::national_plan(3))));
}

TEST_CASE("both routes agree on texts made to trip the streamed reader") {
  std::vector<std::string> units = {
      R"("name": "Caf\u00e9 \ud83d\ude00 \/ \"quoted\" \\ \b\f\n\r\t")",
      R"("name": "Café 😀 ünïcödé")",
      R"("name": "A\u0000B")",
      R"("name": "U", "colour": {"a": [1, -2, 3.5, 1e2, -0, true, false, null, {}, []], "b": "x"})",
      R"("n\u0061me": "escaped key")",
      R"("name": "U", "x": {"k": 1, "k": 2})",
      R"("name": "U", "name": "again")",
      R"("name": "U", "nam": "near miss")",
      R"("name": "bad \x escape")",
      R"("name": "lone \ud800 surrogate")",
      R"("name": "lone \udc00 low")",
      R"("name": "short \u12")",
      "\"name\": \"control \x01 character\"",
      "\"name\": \"bad \xC0\xAF overlong\"",
      "\"name\": \"bad \xED\xA0\x80 surrogate in UTF-8\"",
      "\"name\": \"cut \xE2\x82\"",
      R"("name": "U",)",
      R"("name": null)",
      R"("name": "U", "parent": null)",
      R"("name": "")",
      R"("name": "U", "layer": "Place")",
      R"("name": 5)",
      R"("name": "U", "x": tru)",
      R"("name": "U", "x": nul)",
      R"("name": "U" "x": 1)",
  };
  // Numbers at the edges of what is whole, what fits 64 bits, and what is JSON.
  for (const char* number : {"1e2", "100.0", "18446744073709551615", "18446744073709551616", "-9223372036854775809", "1.5",
                             "1e400", "01", "-", "1.", ".5", "1e"}) {
    units.push_back(R"("name": "U", "registeredPopulation": )" + std::string(number));
  }
  std::size_t streamed = 0;
  for (const std::string& unit : units) {
    INFO(unit);
    streamed += check_routes_agree(plan_with_unit(unit)) ? 1 : 0;
  }
  CHECK(streamed == 9);  // the valid ones, with their warnings; the rest went to the document route

  // Names of kinds (enums) and lists of text are streamed too: each must read,
  // and refuse, as the document route does.
  const std::string long_text(20001, 'a');
  const std::string long_but_few(20000 * 2, 'x');  // 40,000 bytes
  std::string two_byte_characters;
  for (int i = 0; i < 20000; ++i) two_byte_characters += "\xC3\xA9";  // 20,000 characters in 40,000 bytes
  std::vector<std::string> organisations = {
      R"("name": "O", "kind": "icb", "area": ["u", "v"], "certainty": "assumed")",
      R"("name": "O", "kind": "\u0069cb", "area": ["\u0075"])",
      R"("name": "O", "kind": "icb", "area": [])",
      R"("name": "O", "kind": "ICB")",
      R"("name": "O", "kind": "no-such-kind")",
      R"("name": "O", "kind": 5)",
      R"("name": "O", "kind": null)",
      R"("name": "O", "kind": ["icb"])",
      R"("name": "O", "kind": "icb", "certainty": "Stated")",
      R"("name": "O", "kind": "icb", "certainty": false)",
      R"("name": "O", "kind": "icb", "area": "u")",
      R"("name": "O", "kind": "icb", "area": ["u", 5])",
      R"("name": "O", "kind": "icb", "area": ["u", null, {}])",
      R"("name": "O", "kind": "icb", "area": [["u"]])",
      R"("name": "O", "kind": "icb", "area": ["nobody"])",
      R"("name": "O", "kind": "icb", "area": null)",
      R"("name": "O", "kind": "icb", "area": ["u", "bad \x escape"])",
      R"("name": "O", "kind": "icb", "area": [")" + long_text + R"("])",
      R"("name": "O", "kind": "icb", "note": "x", "area": ["u", ")" + two_byte_characters + R"("])",
      R"("name": "O", "kind": "icb", "area": ["u", ")" + long_but_few + R"("])",
  };
  std::string past_the_limit = R"("name": "O", "kind": "icb", "area": [)";
  for (std::size_t i = 0; i <= model::max_list_length; ++i) past_the_limit += i == 0 ? "\"u\"" : ", \"u\"";
  organisations.push_back(past_the_limit + "]");
  std::size_t organisations_streamed = 0;
  for (const std::string& organisation : organisations) {
    INFO(organisation.substr(0, 120));
    organisations_streamed += check_routes_agree(plan_with_organisation(organisation)) ? 1 : 0;
  }
  // Streamed: the first three, a null list, and the two whose only errors are
  // the checks' after reading (an id nothing has). The rest went to the document route.
  CHECK(organisations_streamed == 6);
  std::string deep = plan_with_unit(R"("name": "U", "x": )" + std::string(70, '[') + std::string(70, ']'));
  check_routes_agree(deep);
  std::string nested_64 = plan_with_unit(R"("name": "U", "x": )" + std::string(60, '[') + std::string(60, ']'));
  check_routes_agree(nested_64);
  const std::string good = plan_with_unit(R"("name": "U")");
  for (const std::string& text : {
           "\xEF\xBB\xBF" + good,         // a byte-order mark
           good + std::string(3, '\0'),    // an interrupted save
           good + " {}",                   // a second value
           good + " \n\t\r ",              // whitespace is fine
           std::string(R"({"name": "P", "units": []})"),                               // no version
           std::string(R"({"schemaVersion": "9.0", "name": "P"})"),                    // too new
           std::string(R"({"schemaVersion": "1.7", "name": "P", "what": 1})"),         // newer minor, unknown field
           std::string(R"({"schemaVersion": "1.0", "units": []})"),                    // no name
           std::string(R"({"schemaVersion": "1.0", "name": "P", "units": {}})"),       // not a list
           std::string(R"({"schemaVersion": "1.0", "name": "P", "units": [5]})"),      // not an object
           std::string(R"({"schemaVersion": "1.0", "name": "P", "units": null})"),
           std::string(R"({"name": "P", "schemaVersion": "1.0", "layout": {"governance": {"u": [1, 2]}}})"),
           std::string(R"([1, 2])"),
           std::string(""),
           std::string("   "),
       }) {
    INFO(text);
    check_routes_agree(text);
  }
}

TEST_CASE("the stream reads values as nlohmann's parser does, and refuses what it refuses") {
  for (const std::string& text : {std::string(R"({"a": [1, -1, 1.25, 1e3, 18446744073709551615, -9223372036854775808, 99999999999999999999],
                                      "b": "\u00e9\ud834\udd1e", "c": {"d": null, "e": true}})"),
                                 std::string(R"("just text")"), std::string("[]"), std::string("-0.0")}) {
    INFO(text);
    io::JsonTextStream stream(text);
    const model::Json value = stream.value();
    stream.finish();
    const model::Json expected = model::Json::parse(text);
    CHECK(value == expected);
    CHECK(value.dump() == expected.dump());
    CHECK(value.type() == expected.type());
  }
  for (const char* text : {"[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "'a'", "[01]", "\"\t\"", "{\"a\":1}x"}) {
    INFO(text);
    CHECK_THROWS_AS(([&] {
                      io::JsonTextStream stream(text);
                      stream.value();
                      stream.finish();
                    }()),
                    io::NotPlainJson);
    CHECK_THROWS(model::Json::parse(text).type());  // nlohmann's parser refuses it too
  }
}

TEST_CASE("both routes agree wherever a quote, an escape, a control character or a longer UTF-8 sequence falls in a name") {
  // The reader skips text eight bytes at a time: each mark at each place in
  // and around a block of eight, in names, in keys and in ids.
  const std::vector<std::string> marks = {"\\\"", "\\\\", "\\n", "\\u00e9", "\t", std::string(1, '\x01'), "\xc3\xa9", "\xe2\x82\xac",
                                          "\xf0\x9f\x98\x80", "\xff", "\xc3", "~", "/"};
  for (const std::string& mark : marks) {
    for (std::size_t at = 0; at < 18; ++at) {
      const std::string text = std::string(at, 'a') + mark + std::string(17 - at, 'b');
      CAPTURE(text);
      check_routes_agree(plan_with_unit("\"name\": \"" + text + "\""));
      check_routes_agree(plan_with_unit("\"" + text + "\": 1, \"name\": \"N\""));
      check_routes_agree(R"({"schemaVersion": "1.0", "name": "P", "units": [{"id": ")" + text + R"(", "layer": "place", "name": "N"}]})");
    }
  }
}
