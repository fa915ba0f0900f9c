#include "model/plan_date.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <vector>

using model::DatePrecision;
using model::DateQualifier;
using model::PlanDate;

namespace {

// Parses text that the test expects to be valid; fails the test (and returns a
// default date) when it is not, showing the parser's message.
PlanDate must_parse(std::string_view text) {
  const model::PlanDateParse result = model::parse_plan_date(text);
  INFO("text: \"", std::string(text), "\" error: ", result.error);
  REQUIRE(result.date.has_value());
  CHECK(result.error.empty());
  return *result.date;
}

std::string error_for(std::string_view text) {
  const model::PlanDateParse result = model::parse_plan_date(text);
  INFO("text: \"", std::string(text), "\"");
  CHECK_FALSE(result.date.has_value());
  return result.error;
}

std::int64_t day_number(int year, int month, int day) { return model::days_from_civil(year, month, day); }

PlanDate make(DatePrecision precision, DateQualifier qualifier, int year, int month = 1, int day = 1,
              int quarter = 1) {
  PlanDate date;
  date.precision = precision;
  date.qualifier = qualifier;
  date.year = year;
  date.month = month;
  date.day = day;
  date.quarter = quarter;
  return date;
}

constexpr std::array<DateQualifier, 4> all_qualifiers = {DateQualifier::on, DateQualifier::by,
                                                          DateQualifier::during, DateQualifier::from};

}  // namespace

TEST_CASE("days_from_civil matches known days around the 1970 epoch") {
  CHECK(day_number(1970, 1, 1) == 0);
  CHECK(day_number(1970, 1, 2) == 1);
  CHECK(day_number(1969, 12, 31) == -1);
  CHECK(day_number(2000, 3, 1) == 11017);
  CHECK(day_number(1900, 1, 1) == -25567);
  CHECK(day_number(2020, 4, 1) == 18353);
  CHECK(day_number(2017, 4, 1) == 17257);
  CHECK(day_number(2018, 3, 31) == 17621);
  CHECK(day_number(2200, 12, 31) == 84370);
  CHECK(day_number(1600, 2, 29) == -135081);
  CHECK(day_number(1, 1, 1) == -719162);
}

TEST_CASE("days_from_civil rolls months and days outside the calendar into neighbours") {
  CHECK(day_number(2018, 13, 1) == day_number(2019, 1, 1));
  CHECK(day_number(2018, 0, 1) == day_number(2017, 12, 1));
  CHECK(day_number(2018, -11, 1) == day_number(2017, 1, 1));
  CHECK(day_number(2018, 3, 0) == day_number(2018, 2, 28));
  CHECK(day_number(2020, 2, 30) == day_number(2020, 3, 1));
}

TEST_CASE("civil_from_days and days_from_civil round trip, including negative days") {
  int previous_year = 0;
  int previous_month = 0;
  int previous_day = 0;
  model::civil_from_days(-1'000'001, previous_year, previous_month, previous_day);
  for (std::int64_t days = -1'000'000; days <= 1'000'000; ++days) {
    int year = 0;
    int month = 0;
    int day = 0;
    model::civil_from_days(days, year, month, day);
    const bool valid = model::is_valid_civil_date(year, month, day);
    const bool back = model::days_from_civil(year, month, day) == days;
    // Each day is the next day of the same month, or the 1st of the next month.
    const bool next_in_month = year == previous_year && month == previous_month && day == previous_day + 1;
    const bool next_month = day == 1 && ((month == previous_month + 1 && year == previous_year) ||
                                         (month == 1 && previous_month == 12 && year == previous_year + 1));
    if (!valid || !back || !(next_in_month || next_month)) {
      INFO("days: ", days, " gives ", year, "-", month, "-", day);
      REQUIRE(valid);
      REQUIRE(back);
      REQUIRE((next_in_month || next_month));
    }
    previous_year = year;
    previous_month = month;
    previous_day = day;
  }
}

TEST_CASE("is_valid_civil_date knows month lengths and Gregorian leap years") {
  CHECK(model::is_valid_civil_date(2020, 2, 29));
  CHECK(model::is_valid_civil_date(2000, 2, 29));
  CHECK_FALSE(model::is_valid_civil_date(1900, 2, 29));
  CHECK_FALSE(model::is_valid_civil_date(2100, 2, 29));
  CHECK_FALSE(model::is_valid_civil_date(2019, 2, 29));
  CHECK(model::is_valid_civil_date(2019, 12, 31));
  CHECK_FALSE(model::is_valid_civil_date(2019, 4, 31));
  CHECK_FALSE(model::is_valid_civil_date(2019, 1, 0));
  CHECK_FALSE(model::is_valid_civil_date(2019, 0, 1));
  CHECK_FALSE(model::is_valid_civil_date(2019, 13, 1));
}

TEST_CASE("every canonical form parses into the expected fields") {
  CHECK(must_parse("2020-04-01") == make(DatePrecision::day, DateQualifier::on, 2020, 4, 1));
  CHECK(must_parse("2017-10") == make(DatePrecision::month, DateQualifier::on, 2017, 10));
  CHECK(must_parse("2017/18") == make(DatePrecision::financial_year, DateQualifier::on, 2017));
  CHECK(must_parse("1999/00") == make(DatePrecision::financial_year, DateQualifier::on, 1999));
  CHECK(must_parse("2018/19 Q1") == make(DatePrecision::quarter, DateQualifier::on, 2018, 1, 1, 1));
  CHECK(must_parse("2018/19 Q4") == make(DatePrecision::quarter, DateQualifier::on, 2018, 1, 1, 4));
  CHECK(must_parse("2019") == make(DatePrecision::year, DateQualifier::on, 2019));
  CHECK(must_parse("1900-01-01") == make(DatePrecision::day, DateQualifier::on, 1900, 1, 1));
  CHECK(must_parse("2200-12-31") == make(DatePrecision::day, DateQualifier::on, 2200, 12, 31));
  CHECK(must_parse("2200/01 Q4") == make(DatePrecision::quarter, DateQualifier::on, 2200, 1, 1, 4));
}

TEST_CASE("qualifier words parse before any form") {
  CHECK(must_parse("by 2017-10") == make(DatePrecision::month, DateQualifier::by, 2017, 10));
  CHECK(must_parse("during 2017/18") == make(DatePrecision::financial_year, DateQualifier::during, 2017));
  CHECK(must_parse("from 2018-04") == make(DatePrecision::month, DateQualifier::from, 2018, 4));
  CHECK(must_parse("by 2020-04-01") == make(DatePrecision::day, DateQualifier::by, 2020, 4, 1));
  CHECK(must_parse("by 2018/19 Q1") == make(DatePrecision::quarter, DateQualifier::by, 2018, 1, 1, 1));
  CHECK(must_parse("from 2019") == make(DatePrecision::year, DateQualifier::from, 2019));
}

TEST_CASE("qualifier word and Q may be any case; spaces around and between are tidied") {
  CHECK(must_parse("BY 2017-10") == make(DatePrecision::month, DateQualifier::by, 2017, 10));
  CHECK(must_parse("During 2017/18") == make(DatePrecision::financial_year, DateQualifier::during, 2017));
  CHECK(must_parse("fRoM 2019") == make(DatePrecision::year, DateQualifier::from, 2019));
  CHECK(must_parse("2018/19 q2") == make(DatePrecision::quarter, DateQualifier::on, 2018, 1, 1, 2));
  CHECK(must_parse("  2020-04-01  ") == make(DatePrecision::day, DateQualifier::on, 2020, 4, 1));
  CHECK(must_parse("\tby   2018/19 \t Q3\n") == make(DatePrecision::quarter, DateQualifier::by, 2018, 1, 1, 3));
  CHECK(must_parse(" from\t\t2018-04 ") == make(DatePrecision::month, DateQualifier::from, 2018, 4));
}

TEST_CASE("format writes the canonical lowercase text") {
  CHECK(model::format_plan_date(make(DatePrecision::day, DateQualifier::on, 2020, 4, 1)) == "2020-04-01");
  CHECK(model::format_plan_date(make(DatePrecision::month, DateQualifier::by, 2017, 10)) == "by 2017-10");
  CHECK(model::format_plan_date(make(DatePrecision::financial_year, DateQualifier::during, 2017)) ==
        "during 2017/18");
  CHECK(model::format_plan_date(make(DatePrecision::financial_year, DateQualifier::on, 1999)) == "1999/00");
  CHECK(model::format_plan_date(make(DatePrecision::quarter, DateQualifier::from, 2018, 1, 1, 1)) ==
        "from 2018/19 Q1");
  CHECK(model::format_plan_date(make(DatePrecision::year, DateQualifier::on, 2019)) == "2019");
  CHECK(model::format_plan_date(must_parse("  BY  2018/19 q2 ")) == "by 2018/19 Q2");
}

TEST_CASE("every valid date round trips through format and parse") {
  std::vector<PlanDate> dates;
  for (int year = model::earliest_plan_year; year <= model::latest_plan_year; ++year) {
    for (const DateQualifier qualifier : all_qualifiers) {
      dates.push_back(make(DatePrecision::year, qualifier, year));
      dates.push_back(make(DatePrecision::financial_year, qualifier, year));
      for (int quarter = 1; quarter <= 4; ++quarter) {
        dates.push_back(make(DatePrecision::quarter, qualifier, year, 1, 1, quarter));
      }
      for (int month = 1; month <= 12; ++month) {
        dates.push_back(make(DatePrecision::month, qualifier, year, month));
      }
    }
  }
  const std::int64_t first = day_number(model::earliest_plan_year, 1, 1);
  const std::int64_t last = day_number(model::latest_plan_year, 12, 31);
  for (std::int64_t day = first; day <= last; ++day) {
    for (const DateQualifier qualifier : all_qualifiers) {
      PlanDate date = model::plan_date_from_day(day);
      date.qualifier = qualifier;
      dates.push_back(date);
    }
  }
  std::size_t failures = 0;
  for (const PlanDate& date : dates) {
    const std::string text = model::format_plan_date(date);
    const model::PlanDateParse back = model::parse_plan_date(text);
    if (!model::is_valid_plan_date(date) || back.date != date) {
      ++failures;
      INFO("text: ", text, " error: ", back.error);
      CHECK(model::is_valid_plan_date(date));
      CHECK(back.date == date);
    }
  }
  CHECK(failures == 0);
  CHECK(dates.size() > 400'000);
}

TEST_CASE("first, last and effective days of a day") {
  const PlanDate date = must_parse("2020-02-29");
  CHECK(date.first_day() == day_number(2020, 2, 29));
  CHECK(date.last_day() == day_number(2020, 2, 29));
  CHECK(date.effective_day() == day_number(2020, 2, 29));
  CHECK(must_parse("by 2020-02-29").effective_day() == day_number(2020, 2, 29));
}

TEST_CASE("first, last and effective days of a month, with leap Februaries") {
  const PlanDate leap = must_parse("2020-02");
  CHECK(leap.first_day() == day_number(2020, 2, 1));
  CHECK(leap.last_day() == day_number(2020, 2, 29));
  CHECK(must_parse("2019-02").last_day() == day_number(2019, 2, 28));
  CHECK(must_parse("1900-02").last_day() == day_number(1900, 2, 28));
  CHECK(must_parse("2000-02").last_day() == day_number(2000, 2, 29));
  CHECK(must_parse("2017-12").last_day() == day_number(2017, 12, 31));
  CHECK(must_parse("2017-10").effective_day() == day_number(2017, 10, 1));
  CHECK(must_parse("from 2017-10").effective_day() == day_number(2017, 10, 1));
  CHECK(must_parse("by 2017-10").effective_day() == day_number(2017, 10, 31));
  CHECK(must_parse("during 2017-10").effective_day() == day_number(2017, 10, 31));
}

TEST_CASE("first and last days of each quarter; Q4 crosses into the next calendar year") {
  CHECK(must_parse("2018/19 Q1").first_day() == day_number(2018, 4, 1));
  CHECK(must_parse("2018/19 Q1").last_day() == day_number(2018, 6, 30));
  CHECK(must_parse("2018/19 Q2").first_day() == day_number(2018, 7, 1));
  CHECK(must_parse("2018/19 Q2").last_day() == day_number(2018, 9, 30));
  CHECK(must_parse("2018/19 Q3").first_day() == day_number(2018, 10, 1));
  CHECK(must_parse("2018/19 Q3").last_day() == day_number(2018, 12, 31));
  CHECK(must_parse("2018/19 Q4").first_day() == day_number(2019, 1, 1));
  CHECK(must_parse("2018/19 Q4").last_day() == day_number(2019, 3, 31));
  CHECK(must_parse("1999/00 Q4").first_day() == day_number(2000, 1, 1));
  CHECK(must_parse("1999/00 Q4").last_day() == day_number(2000, 3, 31));
  CHECK(must_parse("by 2018/19 Q4").effective_day() == day_number(2019, 3, 31));
  CHECK(must_parse("from 2018/19 Q4").effective_day() == day_number(2019, 1, 1));
}

TEST_CASE("first and last days of a financial year, including the century roll and leap days") {
  const PlanDate year = must_parse("2017/18");
  CHECK(year.first_day() == day_number(2017, 4, 1));
  CHECK(year.last_day() == day_number(2018, 3, 31));
  CHECK(must_parse("1999/00").first_day() == day_number(1999, 4, 1));
  CHECK(must_parse("1999/00").last_day() == day_number(2000, 3, 31));
  CHECK(must_parse("2019/20").last_day() - must_parse("2019/20").first_day() + 1 == 366);
  CHECK(must_parse("2020/21").last_day() - must_parse("2020/21").first_day() + 1 == 365);
  CHECK(must_parse("during 2017/18").effective_day() == day_number(2018, 3, 31));
  CHECK(must_parse("by 2017/18").effective_day() == day_number(2018, 3, 31));
  CHECK(must_parse("from 2017/18").effective_day() == day_number(2017, 4, 1));
  CHECK(must_parse("2017/18").effective_day() == day_number(2017, 4, 1));
}

TEST_CASE("first and last days of a calendar year") {
  CHECK(must_parse("2019").first_day() == day_number(2019, 1, 1));
  CHECK(must_parse("2019").last_day() == day_number(2019, 12, 31));
  CHECK(must_parse("2000").last_day() - must_parse("2000").first_day() + 1 == 366);
  CHECK(must_parse("1900").last_day() - must_parse("1900").first_day() + 1 == 365);
  CHECK(must_parse("by 2019").effective_day() == day_number(2019, 12, 31));
  CHECK(must_parse("from 2019").effective_day() == day_number(2019, 1, 1));
}

TEST_CASE("a date with by counts from its end, so it sorts after the start of its span") {
  CHECK(must_parse("2018-04-01") < must_parse("by 2018-04"));
  CHECK(must_parse("from 2018-04") < must_parse("by 2018-04"));
  CHECK(must_parse("by 2018-04") < must_parse("2018-05-01"));
  // Same effective day as the last day of the month, but the month starts earlier.
  CHECK(model::compare(must_parse("by 2018-04"), must_parse("2018-04-30")) < 0);
}

TEST_CASE("equal effective days are broken by first day, then last day, precision and qualifier") {
  const PlanDate during_year = must_parse("during 2017/18");
  const PlanDate last_day = must_parse("2018-03-31");
  CHECK(during_year.effective_day() == last_day.effective_day());
  // The financial year starts earlier, so it comes first; the order never depends on argument order.
  CHECK(model::compare(during_year, last_day) < 0);
  CHECK(model::compare(last_day, during_year) > 0);

  // Same span and effective day: by before during (qualifier order).
  CHECK(must_parse("by 2017/18") < must_parse("during 2017/18"));
  // Same effective and first day: the shorter span first.
  CHECK(must_parse("2018-04-01") < must_parse("2018/19 Q1"));
  CHECK(must_parse("2018/19 Q1") < must_parse("2018/19"));
  // Same span: qualifier order decides (on, by, during, from).
  CHECK(must_parse("2018-03-31") < must_parse("by 2018-03-31"));
  CHECK(must_parse("by 2018-03-31") < must_parse("during 2018-03-31"));
  CHECK(must_parse("2018-03-31") < must_parse("during 2018-03-31"));
  CHECK(must_parse("during 2018-03-31") < must_parse("from 2018-03-31"));
  // A month and a quarter ending the same day: the quarter starts earlier.
  CHECK(must_parse("by 2018/19 Q1") < must_parse("by 2018-06"));
  CHECK(model::compare(must_parse("2019"), must_parse("2019")) == std::strong_ordering::equal);
}

TEST_CASE("compare is a total order that agrees with ==") {
  const std::vector<std::string> texts = {
      "2018-04-01", "by 2018-04-01", "2018-04", "by 2018-04", "from 2018-04", "during 2018-04",
      "2018/19 Q1", "by 2018/19 Q1", "2018/19", "during 2018/19", "by 2018/19", "2018",
      "by 2018", "from 2018", "2019-03-31", "2019-01", "2018/19 Q4", "by 2019-03"};
  std::vector<PlanDate> dates;
  for (const std::string& text : texts) dates.push_back(must_parse(text));
  for (const PlanDate& a : dates) {
    for (const PlanDate& b : dates) {
      const std::strong_ordering ab = model::compare(a, b);
      const std::strong_ordering ba = model::compare(b, a);
      CHECK((ab == 0) == (a == b));
      CHECK((ab < 0) == (ba > 0));
      for (const PlanDate& c : dates) {
        if (a < b && b < c) CHECK(a < c);
      }
    }
  }
}

TEST_CASE("sorting a shuffled list of dates gives the expected order") {
  const std::vector<std::string> expected = {
      "2017/18",          // 2017-04-01
      "from 2017-10",     // 2017-10-01
      "by 2017-10",       // effective 2017-10-31, first 2017-10-01
      "2017-10-31",       // effective 2017-10-31, a single day
      "by 2018-01-01",    // 2018-01-01, ends that day
      "2018",             // 2018-01-01, ends 2018-12-31
      "2018-03",          // 2018-03-01
      "during 2017/18",   // effective 2018-03-31, first 2017-04-01
      "by 2017/18 Q4",    // effective 2018-03-31, first 2018-01-01
      "by 2018-03",       // effective 2018-03-31, first 2018-03-01
      "2018-03-31",       // effective 2018-03-31, a single day
      "2018/19 Q1",       // 2018-04-01, first 2018-04-01, last 2018-06-30
      "by 2018",          // 2018-12-31
      "from 2019",        // 2019-01-01
  };
  std::vector<PlanDate> dates;
  for (const std::string& text : expected) dates.push_back(must_parse(text));
  std::mt19937 random(20180401);
  for (int round = 0; round < 20; ++round) {
    std::vector<PlanDate> shuffled = dates;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    std::sort(shuffled.begin(), shuffled.end());
    std::vector<std::string> sorted;
    for (const PlanDate& date : shuffled) sorted.push_back(model::format_plan_date(date));
    CHECK(sorted == expected);
  }
}

TEST_CASE("month, day and year errors say what is wrong and how to fix it") {
  CHECK(error_for("2017-13") == "\"2017-13\" is not a valid date: months run from 01 to 12.");
  CHECK(error_for("2017-00") == "\"2017-00\" is not a valid date: months run from 01 to 12.");
  CHECK(error_for("2019-02-29") == "\"2019-02-29\" is not a valid date: February 2019 has 28 days.");
  CHECK(error_for("2019-04-31") == "\"2019-04-31\" is not a valid date: April 2019 has 30 days.");
  CHECK(error_for("2019-04-00") == "\"2019-04-00\" is not a valid date: days start at 01.");
  CHECK(error_for("2019-13-40") == "\"2019-13-40\" is not a valid date: months run from 01 to 12.");
  CHECK(error_for("by 2100-02-29") == "\"by 2100-02-29\" is not a valid date: February 2100 has 28 days.");
  CHECK(error_for("1899") == "\"1899\" is not a valid date: years run from 1900 to 2200.");
  CHECK(error_for("2201-01") == "\"2201-01\" is not a valid date: years run from 1900 to 2200.");
  CHECK(error_for("0000-01-01") == "\"0000-01-01\" is not a valid date: years run from 1900 to 2200.");
}

TEST_CASE("financial year and quarter errors say what is wrong and how to fix it") {
  CHECK(error_for("2017/19") ==
        "\"2017/19\" is not a valid financial year: write the next year after the slash, as in 2017/18.");
  CHECK(error_for("1999/99") ==
        "\"1999/99\" is not a valid financial year: write the next year after the slash, as in 1999/00.");
  CHECK(error_for("during 2020/20") ==
        "\"during 2020/20\" is not a valid financial year: write the next year after the slash, as in "
        "2020/21.");
  CHECK(error_for("2018/19 Q5") ==
        "\"2018/19 Q5\" is not a valid quarter: quarters run from Q1 (April to June) to Q4 (January to March).");
  CHECK(error_for("2018/19 Q0") ==
        "\"2018/19 Q0\" is not a valid quarter: quarters run from Q1 (April to June) to Q4 (January to March).");
  CHECK(error_for("2018/19 Q01") ==
        "\"2018/19 Q01\" is not a valid quarter: quarters run from Q1 (April to June) to Q4 (January to March).");
  CHECK(error_for("2018/20 q2") ==
        "\"2018/20 q2\" is not a valid quarter: write the next year after the slash, as in 2018/19 Q2.");
  CHECK(error_for("1899/00") ==
        "\"1899/00\" is not a valid financial year: financial years run from 1900/01 to 2200/01.");
  CHECK(error_for("2201/02 Q1") ==
        "\"2201/02 Q1\" is not a valid quarter: financial years run from 1900/01 to 2200/01.");
}

TEST_CASE("empty text asks for a date") {
  CHECK(error_for("") == "a date is empty: write one such as 2020-04-01.");
  CHECK(error_for("   \t\n ") == "a date is empty: write one such as 2020-04-01.");
}

TEST_CASE("text in any other form gets the list of forms the planner understands") {
  const std::string advice =
      " is not a date the planner understands: write 2018-03 for a month, 2018-03-31 for a day, 2017/18 for a "
      "financial year, 2017/18 Q4 for a quarter of one, or 2018 for a year, optionally after \"by\", "
      "\"during\" or \"from\".";
  CHECK(error_for("Mar 18") == "\"Mar 18\"" + advice);
  CHECK(error_for("  Mar   18 ") == "\"Mar 18\"" + advice);  // quoted as tidied
  const std::vector<std::string> others = {
      "by end October 2017", "Q1 of 2018/19", "by 1 April 2020", "2017-1",
      "2017-10-1",           "17/18",          "2017/2018",     "2018/19Q1",       "2018/19 Q",
      "2018/19 Q1 Q2",       "Q1 2018/19",     "2020-04-01T00:00", "+2020",        "20177",
      "on 2020-04-01",       "by",             "by by 2018",    "2018 by",         "01/04/2020",
      "2020.04.01",          "2020 04 01",     "by-2018",       "2018/19 Qx",      "2018/19 Q-1"};
  for (const std::string& text : others) {
    INFO("text: ", text);
    CHECK(error_for(text) == "\"" + text + "\"" + advice);
  }
}

TEST_CASE("a very long text is cut short in the error, never inside a UTF-8 character") {
  const std::string long_text = std::string(59, 'x') + "\xC3\xA9" + std::string(100, 'y');
  const std::string error = error_for(long_text);
  CHECK(error.rfind("\"" + std::string(59, 'x') + "...\" is not a date the planner understands", 0) == 0);
}

TEST_CASE("describe_plan_date writes plain English for each form and qualifier") {
  const auto describe = [](std::string_view text) { return model::describe_plan_date(must_parse(text)); };
  CHECK(describe("2020-04-01") == "1 April 2020");
  CHECK(describe("by 2020-04-01") == "by 1 April 2020");
  CHECK(describe("from 2020-04-01") == "from 1 April 2020");
  CHECK(describe("2018-03") == "March 2018");
  CHECK(describe("by 2017-10") == "by the end of October 2017");
  CHECK(describe("from 2018-04") == "from April 2018");
  CHECK(describe("during 2018-03") == "during March 2018");
  CHECK(describe("2017/18") == "2017/18 (April 2017 to March 2018)");
  CHECK(describe("1999/00") == "1999/00 (April 1999 to March 2000)");
  CHECK(describe("during 2017/18") == "during 2017/18");
  CHECK(describe("by 2017/18") == "by the end of 2017/18");
  CHECK(describe("from 2017/18") == "from 2017/18");
  CHECK(describe("2018/19 Q1") == "April to June 2018 (Q1 of 2018/19)");
  CHECK(describe("by 2018/19 Q1") == "by the end of June 2018 (Q1 of 2018/19)");
  CHECK(describe("from 2018/19 Q2") == "from July 2018 (Q2 of 2018/19)");
  CHECK(describe("during 2018/19 Q3") == "during October to December 2018 (Q3 of 2018/19)");
  CHECK(describe("2018/19 Q4") == "January to March 2019 (Q4 of 2018/19)");
  CHECK(describe("by 2018/19 Q4") == "by the end of March 2019 (Q4 of 2018/19)");
  CHECK(describe("2019") == "2019");
  CHECK(describe("by 2019") == "by the end of 2019");
  CHECK(describe("from 2019") == "from 2019");
  CHECK(describe("during 2019") == "during 2019");
}

TEST_CASE("dates built by hand with fields out of range are reported, not trusted") {
  const PlanDate bad_month = make(DatePrecision::month, DateQualifier::on, 2018, 13);
  CHECK_FALSE(model::is_valid_plan_date(bad_month));
  CHECK(model::describe_plan_date(bad_month) == "2018-13 (not a valid date)");
  CHECK_FALSE(model::parse_plan_date(model::format_plan_date(bad_month)).date.has_value());
  CHECK_FALSE(model::is_valid_plan_date(make(DatePrecision::quarter, DateQualifier::on, 2018, 1, 1, 5)));
  CHECK_FALSE(model::is_valid_plan_date(make(DatePrecision::year, DateQualifier::on, 2019, 3)));
  CHECK_FALSE(model::is_valid_plan_date(make(DatePrecision::day, DateQualifier::on, 2019, 2, 29)));
  CHECK_FALSE(model::is_valid_plan_date(make(DatePrecision::day, DateQualifier::on, 1850, 2, 1)));
  CHECK(model::is_valid_plan_date(make(DatePrecision::day, DateQualifier::on, 2020, 2, 29)));
  // Unused fields left non-default still order consistently with ==.
  const PlanDate year_a = make(DatePrecision::year, DateQualifier::on, 2019, 1);
  const PlanDate year_b = make(DatePrecision::year, DateQualifier::on, 2019, 5);
  CHECK(year_a != year_b);
  CHECK(model::compare(year_a, year_b) != 0);
  // Spans of invalid fields are still computed without overflow.
  const PlanDate extreme = make(DatePrecision::quarter, DateQualifier::by, 2018, 1, 1, 2'147'483'647);
  CHECK(extreme.last_day() > extreme.first_day());
}

TEST_CASE("plan_date_from_day gives an exact day with no qualifier") {
  CHECK(model::plan_date_from_day(0) == make(DatePrecision::day, DateQualifier::on, 1970, 1, 1));
  CHECK(model::plan_date_from_day(18353) == make(DatePrecision::day, DateQualifier::on, 2020, 4, 1));
  CHECK(model::plan_date_from_day(-25567) == make(DatePrecision::day, DateQualifier::on, 1900, 1, 1));
  CHECK(model::plan_date_from_day(day_number(2020, 2, 29)).day == 29);
}

TEST_CASE("\"within\" is read as \"during\", as board papers use both") {
  const model::PlanDateParse within = model::parse_plan_date("within 2017/18");
  REQUIRE(within.date.has_value());
  CHECK(within.date->qualifier == model::DateQualifier::during);
  CHECK(model::format_plan_date(*within.date) == "during 2017/18");
  CHECK(model::parse_plan_date("WITHIN 2018-03").date.has_value());
}
