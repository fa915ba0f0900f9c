// Reading the NHS's published organisation files, old layouts and new, with
// every quirk the issue lists, from the fixtures in tests/data/nhs.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "io/csv.hpp"
#include "io/nhs_extracts.hpp"
#include "io/text_file.hpp"

namespace {

std::string fixture(const std::string& name) {
  const io::TextFile file = io::read_text_file(std::string(PLANNER_TEST_DATA) + "/nhs/" + name, 1 << 24);
  REQUIRE_MESSAGE(file.ok, file.error);
  return file.text;
}

bool skipped_with(const std::vector<io::SkippedRow>& skipped, const std::string& code, const std::string& reason) {
  return std::any_of(skipped.begin(), skipped.end(), [&](const io::SkippedRow& s) { return s.code == code && s.reason == reason; });
}

}  // namespace

TEST_CASE("CSV: quoted commas and quotes, CRLF, a byte-order mark and blank lines") {
  const io::CsvTable table = io::read_csv("\xEF\xBB\xBF" "a,\"b, c\",\"say \"\"hi\"\"\"\r\n\r\n1,2,3\r\n\"multi\nline\",x,\r\n\r\n\r\n");
  REQUIRE(table.error.empty());
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[0].fields == std::vector<std::string>{"a", "b, c", "say \"hi\""});
  CHECK(table.rows[1].line == 3);
  CHECK(table.rows[2].fields == std::vector<std::string>{"multi\nline", "x", ""});
  CHECK(table.rows[2].line == 4);
}

TEST_CASE("CSV: an unclosed quote is an error that says where") {
  CHECK(io::read_csv("a,b\n\"never closed,c\n").error == "line 2: a quoted field is never closed (a \" is missing)");
}

TEST_CASE("the 2019 practice file: open GP practices kept; closed, dormant and other settings skipped with reasons") {
  const io::PracticeFile file = io::read_practice_file(fixture("epraccur_2019-11_sample.csv"));
  REQUIRE(file.error.empty());
  CHECK(file.practices.size() == 42);
  CHECK(file.practices.size() + file.skipped.size() == 60);
  CHECK(file.practices[0].code == "F81001");
  CHECK(file.practices[0].name == "DR KHAN & PARTNERS");
  CHECK(file.practices[0].commissioner == "99F");
  CHECK(file.practices[0].postcode == "SS7 4EA");
  CHECK(std::count_if(file.skipped.begin(), file.skipped.end(), [](const auto& s) { return s.reason.rfind("dormant", 0) == 0; }) == 10);
  CHECK(std::any_of(file.skipped.begin(), file.skipped.end(), [](const auto& s) { return s.reason == "closed (status C)"; }));
}

TEST_CASE("the 2026 practice file: status words and role codes; only RO76 is a GP practice") {
  const io::PracticeFile file = io::read_practice_file(fixture("epraccur_2026_excerpt.csv"));
  REQUIRE(file.error.empty());
  CHECK(file.practices.size() == 8);
  CHECK(file.practices[0].code == "A81001");
  CHECK(file.practices[0].commissioner == "16C");
  CHECK(skipped_with(file.skipped, "A81003", "closed (status INACTIVE)"));
  CHECK(std::any_of(file.skipped.begin(), file.skipped.end(), [](const auto& s) { return s.reason == "not a GP practice (prescribing setting RO72)"; }));
}

TEST_CASE("a practice row that is too short is skipped with its column count") {
  const io::PracticeFile file = io::read_practice_file("\"A1\",\"SHORT ROW\",\"Y61\"\n");
  REQUIRE(file.skipped.size() == 1);
  CHECK(file.skipped[0].reason == "has 3 columns, not the 27 of the ODS practice file");
}

TEST_CASE("the ePCN sheet: current memberships kept, 1/0 or TRUE/FALSE, newer Sub ICB Location headers") {
  const io::PcnMemberFile file = io::read_pcn_member_file(fixture("ePCN-core-partners_2019-12_first-40.csv"));
  REQUIRE(file.error.empty());
  CHECK(file.memberships.size() + file.skipped.size() == 40);
  CHECK(file.memberships[0].practice_code == "C85001");
  CHECK(file.memberships[0].pcn_code == "U16464");
  CHECK(file.memberships[0].pcn_name == "BARNSLEY PCN");
  CHECK(file.memberships[0].pcn_ccg_code == "02P");

  const io::PcnMemberFile newer = io::read_pcn_member_file(
      "\xEF\xBB\xBF" "Partner Organisation Code,Partner Name,Practice Parent Sub ICB Location Code,Practice Parent Sub ICB Location Name,"
      "PCN Code,PCN Name,PCN Parent Sub ICB Location Code,PCN Parent Sub ICB Location Name,"
      "Practice to PCN Relationship Start Date,Practice to PCN Relationship End Date,Practice Sub ICB Location and PCN Sub ICB Location match?\r\n"
      "A81001,\"THE DENSHAM SURGERY, STOCKTON\",16C,NHS TEES VALLEY,U12345,\"STOCKTON PCN\",16C,NHS TEES VALLEY,2019-07-01,,TRUE\r\n"
      "A81002,QUEENS PARK,16C,NHS TEES VALLEY,U12345,STOCKTON PCN,16C,NHS TEES VALLEY,2019-07-01,2023-03-31,FALSE\r\n\r\n");
  REQUIRE(newer.error.empty());
  REQUIRE(newer.memberships.size() == 1);
  CHECK(newer.memberships[0].practice_name == "THE DENSHAM SURGERY, STOCKTON");
  CHECK(newer.memberships[0].practice_ccg_code == "16C");
  CHECK(skipped_with(newer.skipped, "A81002", "its membership of U12345 ended on 2023-03-31"));
}

TEST_CASE("a file that is not the ePCN sheet says which column is missing") {
  CHECK(io::read_pcn_member_file("Code,Name\nA,B\n").error.rfind("line 1: no \"Partner Organisation Code\" column", 0) == 0);
}

TEST_CASE("list sizes: the ALL/ALL rows, old and new headers and dates; a malformed number is skipped") {
  const io::ListSizeFile old = io::read_list_size_file(fixture("gp-list-sizes_2021-01_first-30.csv"));
  REQUIRE(old.error.empty());
  CHECK(old.sizes.size() == 30);
  CHECK(old.sizes[0].practice_code == "C85001");
  CHECK(old.sizes[0].patients == 4371);
  CHECK(old.sizes[0].ccg_code == "02P");
  CHECK(old.extract_date == "01JAN2021");

  const io::ListSizeFile newer = io::read_list_size_file(fixture("gp-list-sizes_2026-04_excerpt.csv"));
  REQUIRE(newer.error.empty());
  CHECK(newer.sizes.size() == 44);
  CHECK(newer.sizes[0].ccg_code == "16C");
  CHECK(newer.extract_date == "2026-04-01");

  const io::ListSizeFile odd = io::read_list_size_file(
      "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n"
      "GP_PRAC_PAT_LIST,01JAN2021,GP,02P,E38000006,C85001,S63 9EH,ALL,ALL,\"4,371\"\n"
      "GP_PRAC_PAT_LIST,01JAN2021,GP,02P,E38000006,C85003,S70 3NE,ALL,ALL,lots\n"
      "GP_PRAC_PAT_LIST,01JAN2021,GP,02P,E38000006,C85003,S70 3NE,MALE,0_4,100\n\n");
  REQUIRE(odd.sizes.size() == 1);
  CHECK(odd.sizes[0].patients == 4371);
  CHECK(skipped_with(odd.skipped, "C85003", "the number of patients \"lots\" is not a whole number"));
  CHECK(skipped_with(odd.skipped, "C85003", "a breakdown by sex or age, not the practice's total"));
}
