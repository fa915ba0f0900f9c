#include "io/nhs_extracts.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "io/csv.hpp"

namespace io {

namespace {

std::string trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

// Headers compared without case, spaces or punctuation, and with the newer
// "Sub ICB Location" read as the older "CCG".
std::string header_key(std::string_view header) {
  std::string key;
  for (char c : header) {
    if (std::isalnum(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::size_t at; (at = key.find("subicblocation")) != std::string::npos;) key.replace(at, 14, "ccg");
  return key;
}

class Header {
 public:
  explicit Header(const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < names.size(); ++i) columns_.emplace(header_key(names[i]), i);
  }
  std::optional<std::size_t> find(std::string_view name) const {
    const auto it = columns_.find(header_key(name));
    return it == columns_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  }

 private:
  std::map<std::string, std::size_t> columns_;
};

std::string field(const CsvRow& row, std::size_t column) { return column < row.fields.size() ? trim(row.fields[column]) : std::string(); }

// Whole numbers as published: "12230", possibly "12,230" from a spreadsheet.
std::optional<std::int64_t> whole_number(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (c == ',') continue;
    if (c < '0' || c > '9' || digits.size() > 12) return std::nullopt;
    digits += c;
  }
  if (digits.empty()) return std::nullopt;
  return std::stoll(digits);
}

// epraccur's columns, from ODS's documented layout (0-based).
constexpr std::size_t practice_columns = 27;
constexpr std::size_t col_code = 0, col_name = 1, col_postcode = 9, col_status = 12, col_commissioner = 14, col_setting = 25;

const char* status_words(const std::string& status) {
  if (status == "C" || status == "INACTIVE") return "closed";
  if (status == "D" || status == "DORMANT") return "dormant";
  if (status == "P") return "proposed, not yet open";
  return nullptr;
}

// The rows of a file; none, with `file.error` saying why (an unclosed
// quote), when it cannot be read; none, with `file.empty` set, when it
// holds nothing at all (zero bytes or blank lines), which is not an error.
template <typename File>
std::optional<CsvTable> read_rows(std::string_view text, File& file) {
  CsvTable table = read_csv(text);
  file.error = table.error;
  file.empty = file.error.empty() && table.rows.empty();
  if (!file.error.empty() || file.empty) return std::nullopt;
  return table;
}

}  // namespace

PracticeFile read_practice_file(std::string_view text) {
  PracticeFile file;
  const std::optional<CsvTable> table = read_rows(text, file);
  if (!table) return file;
  for (const CsvRow& row : table->rows) {
    const std::string code = field(row, col_code);
    if (row.fields.size() < col_setting + 1) {
      file.skipped.push_back({row.line, code, "has " + std::to_string(row.fields.size()) + " columns, not the " +
                                                   std::to_string(practice_columns) + " of the ODS practice file"});
      continue;
    }
    const std::string status = upper(field(row, col_status));
    const std::string setting = upper(field(row, col_setting));
    if (status != "A" && status != "ACTIVE") {
      const char* words = status_words(status);
      file.skipped.push_back({row.line, code, words ? std::string(words) + " (status " + status + ")" : "unknown status \"" + status + "\""});
      continue;
    }
    if (setting != "4" && setting != "RO76") {
      file.skipped.push_back({row.line, code, "not a GP practice (prescribing setting " + setting + ")"});
      continue;
    }
    if (code.empty()) {
      file.skipped.push_back({row.line, code, "has no organisation code"});
      continue;
    }
    file.practices.push_back({code, field(row, col_name), field(row, col_commissioner), field(row, col_postcode)});
  }
  return file;
}

PcnMemberFile read_pcn_member_file(std::string_view text) {
  PcnMemberFile file;
  const std::optional<CsvTable> read = read_rows(text, file);
  if (!read) return file;
  const CsvTable& table = *read;
  const Header header(table.rows.front().fields);
  const char* needed[] = {"Partner Organisation Code", "Partner Name", "Practice Parent CCG Code", "Practice Parent CCG Name",
                          "PCN Code", "PCN Name", "PCN Parent CCG Code", "PCN Parent CCG Name",
                          "Practice to PCN Relationship End Date"};
  std::vector<std::size_t> at;
  for (const char* name : needed) {
    const auto column = header.find(name);
    if (!column) {
      file.error = "line 1: no \"" + std::string(name) +
                   "\" column: this is not the ePCN \"PCN Core Partner Details\" sheet saved as CSV (newer files say \"Sub ICB Location\" for \"CCG\")";
      return file;
    }
    at.push_back(*column);
  }
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    PcnMembership m{field(row, at[0]), field(row, at[1]), field(row, at[2]), field(row, at[3]),
                    field(row, at[4]), field(row, at[5]), field(row, at[6]), field(row, at[7]), row.line};
    const std::string ended = field(row, at[8]);
    if (!ended.empty()) {
      file.skipped.push_back({row.line, m.practice_code, "its membership of " + (m.pcn_code.empty() ? std::string("a PCN") : m.pcn_code) + " ended on " + ended});
    } else if (m.practice_code.empty() || m.pcn_code.empty()) {
      file.skipped.push_back({row.line, m.practice_code, m.practice_code.empty() ? "has no practice code" : "has no PCN code"});
    } else {
      file.memberships.push_back(std::move(m));
    }
  }
  return file;
}

ListSizeFile read_list_size_file(std::string_view text) {
  ListSizeFile file;
  const std::optional<CsvTable> read = read_rows(text, file);
  if (!read) return file;
  const CsvTable& table = *read;
  const Header header(table.rows.front().fields);
  const auto code = header.find("CODE");
  const auto sex = header.find("SEX");
  const auto age = header.find("AGE");
  const auto patients = header.find("NUMBER_OF_PATIENTS");
  const auto ccg = header.find("CCG_CODE");
  const auto date = header.find("EXTRACT_DATE");
  if (!code || !sex || !age || !patients) {
    file.error = "line 1: the header needs CODE, SEX, AGE and NUMBER_OF_PATIENTS columns, as in \"Patients Registered at a GP Practice\"";
    return file;
  }
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    const std::string practice = field(row, *code);
    if (upper(field(row, *sex)) != "ALL" || upper(field(row, *age)) != "ALL") {
      file.skipped.push_back({row.line, practice, "a breakdown by sex or age, not the practice's total"});
      continue;
    }
    const auto number = whole_number(field(row, *patients));
    if (!number) {
      file.skipped.push_back({row.line, practice, "the number of patients \"" + field(row, *patients) + "\" is not a whole number"});
      continue;
    }
    if (file.extract_date.empty() && date) file.extract_date = field(row, *date);
    file.sizes.push_back({practice, ccg ? field(row, *ccg) : std::string(), *number, row.line});
  }
  return file;
}

}  // namespace io
