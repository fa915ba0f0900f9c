#pragma once
// CSV as published files write it (RFC 4180): fields in double quotes may
// hold commas, line breaks and doubled quotes; lines end in LF or CRLF; a
// byte-order mark and blank lines (trailing ones especially) are normal.
#include <string>
#include <string_view>
#include <vector>

namespace io {

struct CsvRow {
  std::size_t line = 0;  // where the row starts in the file, from 1
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<CsvRow> rows;  // blank lines left out
  std::string error;         // empty, or where and why the file is not CSV (an unclosed quote)
};

CsvTable read_csv(std::string_view text);

// Writes rows as RFC 4180 CSV, lines ending in CRLF: a field with a comma,
// quote or line break is quoted, quotes doubled. A field that starts with
// = + - @ or a tab or carriage return, and is not a number, gets a leading
// apostrophe, so that spreadsheets show it rather than run it as a formula.
std::string write_csv(const std::vector<std::vector<std::string>>& rows);

}  // namespace io
