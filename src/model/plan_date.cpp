#include "model/plan_date.hpp"

#include "model/problems.hpp"

#include <algorithm>
#include <array>

// Sections: calendar arithmetic, PlanDate spans and order, text helpers,
// parse, format and describe.
namespace model {

namespace {

constexpr std::array<std::string_view, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string_view month_name(std::int64_t month) {
  if (month < 1 || month > 12) return "?";
  return month_names[static_cast<std::size_t>(month - 1)];
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t quotient = a / b;
  if (a % b != 0 && (a < 0) != (b < 0)) --quotient;
  return quotient;
}

// Wide arguments so that stepping past the end of a month or year, even from
// fields that are not valid, cannot overflow an int.
std::int64_t days_from_civil_wide(std::int64_t year, std::int64_t month, std::int64_t day) {
  const std::int64_t carry = floor_div(month - 1, 12);
  year += carry;
  month -= 12 * carry;  // now 1-12
  // Count each year from 1 March, so that the leap day is the last day of a
  // year and the month lengths before it follow a fixed pattern.
  if (month <= 2) --year;
  const std::int64_t era = floor_div(year, 400);  // the calendar repeats every 400 years (146097 days)
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t month_from_march = (month + 9) % 12;
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;  // 719468 days from 0000-03-01 to 1970-01-01
}

bool is_leap_year(std::int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(std::int64_t year, int month) {
  constexpr std::array<int, 12> lengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return lengths[static_cast<std::size_t>(month - 1)];
}

// First calendar month of a quarter of the financial year starting in April;
// the month may be 13 (January of the next year), which days_from_civil rolls over.
std::int64_t quarter_first_month(std::int64_t quarter) { return 4 + 3 * (quarter - 1); }

}  // namespace

// ---- Calendar arithmetic ----

std::int64_t days_from_civil(int year, int month, int day) {
  return days_from_civil_wide(year, month, day);
}

void civil_from_days(std::int64_t days, int& year, int& month, int& day) {
  // The inverse of days_from_civil_wide: find the 400-year era, then the
  // year within it (taking out its leap days), then the month from March.
  const std::int64_t shifted = days + 719468;
  const std::int64_t era = floor_div(shifted, 146097);
  const std::int64_t day_of_era = shifted - era * 146097;  // 0-146096
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
  day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  month = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  year = static_cast<int>(era * 400 + year_of_era + (month <= 2 ? 1 : 0));
}

bool is_valid_civil_date(int year, int month, int day) {
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= days_in_month(year, month);
}

// ---- PlanDate spans and order ----

std::int64_t PlanDate::first_day() const {
  switch (precision) {
    case DatePrecision::day: return days_from_civil_wide(year, month, day);
    case DatePrecision::month: return days_from_civil_wide(year, month, 1);
    case DatePrecision::quarter: return days_from_civil_wide(year, quarter_first_month(quarter), 1);
    case DatePrecision::financial_year: return days_from_civil_wide(year, 4, 1);
    case DatePrecision::year: return days_from_civil_wide(year, 1, 1);
  }
  return days_from_civil_wide(year, month, day);
}

std::int64_t PlanDate::last_day() const {
  // Each span ends the day before the next one of its kind starts.
  switch (precision) {
    case DatePrecision::day: return days_from_civil_wide(year, month, day);
    case DatePrecision::month: return days_from_civil_wide(year, std::int64_t{month} + 1, 1) - 1;
    case DatePrecision::quarter:
      return days_from_civil_wide(year, quarter_first_month(std::int64_t{quarter} + 1), 1) - 1;
    case DatePrecision::financial_year: return days_from_civil_wide(std::int64_t{year} + 1, 4, 1) - 1;
    case DatePrecision::year: return days_from_civil_wide(std::int64_t{year} + 1, 1, 1) - 1;
  }
  return first_day();
}

std::int64_t PlanDate::effective_day() const {
  // "By October" is only sure to have happened once October is over.
  if (qualifier == DateQualifier::by || qualifier == DateQualifier::during) return last_day();
  return first_day();
}

std::strong_ordering compare(const PlanDate& a, const PlanDate& b) {
  if (const auto order = a.effective_day() <=> b.effective_day(); order != 0) return order;
  if (const auto order = a.first_day() <=> b.first_day(); order != 0) return order;
  if (const auto order = a.last_day() <=> b.last_day(); order != 0) return order;
  if (const auto order = a.precision <=> b.precision; order != 0) return order;
  if (const auto order = a.qualifier <=> b.qualifier; order != 0) return order;
  // Valid dates never get here unless equal; the rest keeps invalid ones consistent with ==.
  if (const auto order = a.year <=> b.year; order != 0) return order;
  if (const auto order = a.month <=> b.month; order != 0) return order;
  if (const auto order = a.day <=> b.day; order != 0) return order;
  return a.quarter <=> b.quarter;
}

bool operator<(const PlanDate& a, const PlanDate& b) { return compare(a, b) < 0; }

bool is_valid_plan_date(const PlanDate& date) {
  if (date.year < earliest_plan_year || date.year > latest_plan_year) return false;
  if (date.qualifier < DateQualifier::on || date.qualifier > DateQualifier::from) return false;
  switch (date.precision) {
    case DatePrecision::day: return is_valid_civil_date(date.year, date.month, date.day) && date.quarter == 1;
    case DatePrecision::month: return date.month >= 1 && date.month <= 12 && date.day == 1 && date.quarter == 1;
    case DatePrecision::quarter: return date.quarter >= 1 && date.quarter <= 4 && date.month == 1 && date.day == 1;
    case DatePrecision::financial_year:
    case DatePrecision::year: return date.month == 1 && date.day == 1 && date.quarter == 1;
  }
  return false;
}

// ---- Text helpers ----

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Trims the ends and turns every run of inner white space into one space.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool gap = false;
  for (const char c : text) {
    if (is_space(c)) {
      gap = true;
    } else {
      if (gap && !out.empty()) out += ' ';
      out += c;
      gap = false;
    }
  }
  return out;
}

// The text in quotes for an error message, cut short (never inside a UTF-8
// character) so that a pasted paragraph does not swamp the message; date
// messages have always ended a cut with three dots.
std::string quote_date_text(std::string_view text) {
  std::string out;
  append_quoted(out, text, "...");
  return out;
}

// Whether text has pattern's shape: 'd' is any digit, 'Q' either case of the
// letter, and any other character stands for itself.
bool fits(std::string_view text, std::string_view pattern) {
  if (text.size() != pattern.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char p = pattern[i];
    if (p == 'd' ? !is_digit(c) : p == 'Q' ? ascii_lower(c) != 'q' : c != p) return false;
  }
  return true;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

int number(std::string_view digits) {  // only ever given up to four digits
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::string padded(std::int64_t value, std::size_t width) {
  std::string digits = std::to_string(value);
  if (value >= 0 && digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

std::string financial_year_text(std::int64_t start_year) {
  return padded(start_year, 4) + "/" + padded(((start_year + 1) % 100 + 100) % 100, 2);
}

std::string_view qualifier_word(DateQualifier qualifier) {
  switch (qualifier) {
    case DateQualifier::on: return "";
    case DateQualifier::by: return "by";
    case DateQualifier::during: return "during";
    case DateQualifier::from: return "from";
  }
  return "";
}

std::optional<DateQualifier> qualifier_from_word(std::string_view word) {
  std::string lower;
  for (const char c : word) lower += ascii_lower(c);
  if (lower == "by") return DateQualifier::by;
  // Board papers say "within 2017/18" as often as "during"; both mean the same.
  if (lower == "during" || lower == "within") return DateQualifier::during;
  if (lower == "from") return DateQualifier::from;
  return std::nullopt;
}

}  // namespace

// ---- Parse, format and describe ----

PlanDateParse parse_plan_date(std::string_view text) {
  const std::string clean = collapse_spaces(text);
  if (clean.empty()) return {std::nullopt, "a date is empty: write one such as 2020-04-01."};

  PlanDate date;
  std::string_view body = clean;
  if (const auto space = body.find(' '); space != std::string_view::npos) {
    if (const auto qualifier = qualifier_from_word(body.substr(0, space))) {
      date.qualifier = *qualifier;
      body.remove_prefix(space + 1);
    }
  }
  const auto reject = [&clean](std::string_view what, const std::string& reason) {
    return PlanDateParse{std::nullopt, quote_date_text(clean) + " is not " + std::string(what) + ": " + reason};
  };

  const bool is_day = fits(body, "dddd-dd-dd");
  const bool is_month = fits(body, "dddd-dd");
  const bool is_year = fits(body, "dddd");
  const bool is_financial_year = fits(body, "dddd/dd");
  const bool is_quarter = body.size() > 9 && fits(body.substr(0, 9), "dddd/dd Q") && all_digits(body.substr(9));
  if (!is_day && !is_month && !is_year && !is_financial_year && !is_quarter) {
    return reject("a date the planner understands",
                  "write 2018-03 for a month, 2018-03-31 for a day, 2017/18 for a financial year, "
                  "2017/18 Q4 for a quarter of one, or 2018 for a year, optionally after \"by\", "
                  "\"during\" or \"from\".");
  }
  date.year = number(body.substr(0, 4));
  const bool year_in_range = date.year >= earliest_plan_year && date.year <= latest_plan_year;

  if (is_day || is_month || is_year) {
    date.precision = is_day ? DatePrecision::day : is_month ? DatePrecision::month : DatePrecision::year;
    if (!year_in_range) {
      return reject("a valid date", "years run from " + std::to_string(earliest_plan_year) + " to " +
                                        std::to_string(latest_plan_year) + ".");
    }
    if (is_year) return {date, ""};
    date.month = number(body.substr(5, 2));
    if (date.month < 1 || date.month > 12) return reject("a valid date", "months run from 01 to 12.");
    if (is_month) return {date, ""};
    date.day = number(body.substr(8, 2));
    const int length = days_in_month(date.year, date.month);
    if (date.day == 0) return reject("a valid date", "days start at 01.");
    if (date.day > length) {
      return reject("a valid date", std::string(month_name(date.month)) + " " + std::to_string(date.year) +
                                        " has " + std::to_string(length) + " days.");
    }
    return {date, ""};
  }

  // A financial year, alone or with a quarter after it.
  date.precision = is_quarter ? DatePrecision::quarter : DatePrecision::financial_year;
  const std::string_view what = is_quarter ? "a valid quarter" : "a valid financial year";
  if (!year_in_range) {
    return reject(what, "financial years run from " + financial_year_text(earliest_plan_year) + " to " +
                            financial_year_text(latest_plan_year) + ".");
  }
  if (is_quarter) {
    const std::string_view digits = body.substr(9);
    if (digits.size() != 1 || digits[0] < '1' || digits[0] > '4') {
      return reject(what, "quarters run from Q1 (April to June) to Q4 (January to March).");
    }
    date.quarter = number(digits);
  }
  if (number(body.substr(5, 2)) != (date.year + 1) % 100) {
    const std::string example = financial_year_text(date.year) +
                                (is_quarter ? " Q" + std::to_string(date.quarter) : std::string());
    return reject(what, "write the next year after the slash, as in " + example + ".");
  }
  return {date, ""};
}

std::string format_plan_date(const PlanDate& date) {
  std::string body;
  switch (date.precision) {
    case DatePrecision::day:
      body = padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2);
      break;
    case DatePrecision::month: body = padded(date.year, 4) + "-" + padded(date.month, 2); break;
    case DatePrecision::quarter:
      body = financial_year_text(date.year) + " Q" + std::to_string(date.quarter);
      break;
    case DatePrecision::financial_year: body = financial_year_text(date.year); break;
    case DatePrecision::year: body = padded(date.year, 4); break;
  }
  const std::string_view word = qualifier_word(date.qualifier);
  return word.empty() ? body : std::string(word) + " " + body;
}

std::string describe_plan_date(const PlanDate& date) {
  // Everything below assumes valid fields (month names, quarter months).
  if (!is_valid_plan_date(date)) return format_plan_date(date) + " (not a valid date)";
  const DateQualifier qualifier = date.qualifier;
  const bool by = qualifier == DateQualifier::by;
  const std::string lead = qualifier == DateQualifier::on ? "" : std::string(qualifier_word(qualifier)) + " ";
  const std::string year = std::to_string(date.year);

  switch (date.precision) {
    case DatePrecision::day:
      return lead + std::to_string(date.day) + " " + std::string(month_name(date.month)) + " " + year;
    case DatePrecision::month:
      return (by ? "by the end of " : lead) + std::string(month_name(date.month)) + " " + year;
    case DatePrecision::quarter: {
      const std::int64_t first_month = quarter_first_month(date.quarter);  // 13 means January
      const std::string first = std::string(month_name((first_month - 1) % 12 + 1));
      const std::string last = std::string(month_name((first_month + 1) % 12 + 1));
      const std::string calendar_year = std::to_string(date.year + (date.quarter == 4 ? 1 : 0));
      const std::string label =
          " (Q" + std::to_string(date.quarter) + " of " + financial_year_text(date.year) + ")";
      switch (qualifier) {
        case DateQualifier::by: return "by the end of " + last + " " + calendar_year + label;
        case DateQualifier::from: return "from " + first + " " + calendar_year + label;
        default: return lead + first + " to " + last + " " + calendar_year + label;
      }
    }
    case DatePrecision::financial_year:
      if (qualifier == DateQualifier::on) {
        return financial_year_text(date.year) + " (April " + year + " to March " +
               std::to_string(date.year + 1) + ")";
      }
      return (by ? "by the end of " : lead) + financial_year_text(date.year);
    case DatePrecision::year: return (by ? "by the end of " : lead) + year;
  }
  return format_plan_date(date);
}

PlanDate plan_date_from_day(std::int64_t days_since_epoch) {
  PlanDate date;
  civil_from_days(days_since_epoch, date.year, date.month, date.day);
  return date;
}

}  // namespace model
