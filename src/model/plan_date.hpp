#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Dates as board papers write them: "by end October 2017", "2017/18",
// "Q1 of 2018/19". A PlanDate keeps how precise the date is and the word in
// front of it, because "by October" and "from October" are different promises
// that must still sort sensibly against exact days.
namespace model {

enum class DatePrecision { day, month, quarter, financial_year, year };  // quarter = a quarter of an NHS financial year
enum class DateQualifier { on, by, during, from };  // on = no qualifier written

// The years a plan may mention (for financial years and quarters, the year
// the financial year starts). Wide enough for history and long-term plans,
// narrow enough to catch typing slips such as 20177.
inline constexpr int earliest_plan_year = 1900;
inline constexpr int latest_plan_year = 2200;

struct PlanDate {
  DatePrecision precision = DatePrecision::day;
  DateQualifier qualifier = DateQualifier::on;
  int year = 2000;   // for financial_year and quarter: the year the financial year starts (2017 for 2017/18)
  int month = 1;     // day, month precision only (1-12); otherwise 1
  int day = 1;       // day precision only; otherwise 1
  int quarter = 1;   // quarter precision only (1-4; Q1 = April-June); otherwise 1

  std::int64_t first_day() const;  // first civil day the date covers, as days since 1970-01-01
  std::int64_t last_day() const;   // last civil day it covers
  // The day from which a change dated so counts as having happened:
  // on / from -> first_day(); by / during -> last_day().
  std::int64_t effective_day() const;
  friend bool operator==(const PlanDate&, const PlanDate&) = default;
};

// Total order: by effective_day, then first_day, then last_day, then
// precision (finer first), then qualifier (enum order). Dates that are not
// valid can tie on all of these; their raw fields then decide, so the order
// always agrees with ==.
std::strong_ordering compare(const PlanDate& a, const PlanDate& b);
bool operator<(const PlanDate& a, const PlanDate& b);  // compare(a, b) < 0

// True when the fields describe a date parse_plan_date could have produced:
// year in range, fields the precision uses in range, the others left at 1.
bool is_valid_plan_date(const PlanDate& date);

struct PlanDateParse {
  std::optional<PlanDate> date;  // set when the text is valid
  std::string error;             // a plain-English sentence when not
};

// Accepts 2020-04-01, 2017-10, 2017/18, 2018/19 Q1 or 2019, optionally after
// "by", "during" or "from" (any case), with surrounding spaces ignored.
PlanDateParse parse_plan_date(std::string_view text);
// Canonical text; parse_plan_date(format_plan_date(d)).date == d for every valid d.
std::string format_plan_date(const PlanDate& date);
// Plain English for the public, such as "by the end of October 2017".
std::string describe_plan_date(const PlanDate& date);
PlanDate plan_date_from_day(std::int64_t days_since_epoch);  // an exact day, qualifier on

// Proleptic Gregorian calendar, days counted from 1970-01-01 (negative before).
// Months outside 1-12 roll into the neighbouring years and days outside the
// month into the neighbouring months, so callers can step by whole months.
std::int64_t days_from_civil(int year, int month, int day);
void civil_from_days(std::int64_t days, int& year, int& month, int& day);
bool is_valid_civil_date(int year, int month, int day);

}  // namespace model
