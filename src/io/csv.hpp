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

}  // namespace io
