#include "io/csv.hpp"

namespace io {

CsvTable read_csv(std::string_view text) {
  CsvTable table;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvRow row;
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool row_has_text = false; // anything but an empty line
  std::size_t line = 1;
  std::size_t quote_line = 0;
  row.line = 1;
  auto end_row = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    if (row_has_text) table.rows.push_back(std::move(row));
    row = CsvRow{};
    row_has_text = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      quote_line = line;
      row_has_text = true;
    } else if (c == ',') {
      row.fields.push_back(std::move(field));
      field.clear();
      row_has_text = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      row.line = ++line;
    } else {
      field += c;
      if (c != ' ' && c != '\t') row_has_text = true;
    }
  }
  if (quoted) {
    table.error = "line " + std::to_string(quote_line) + ": a quoted field is never closed (a \" is missing)";
    return table;
  }
  end_row();
  return table;
}

namespace {

bool is_number(std::string_view text) {
  std::size_t i = text.starts_with('-') || text.starts_with('+') ? 1 : 0;
  bool digits = false;
  bool point = false;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') digits = true;
    else if (text[i] == '.' && !point) point = true;
    else return false;
  }
  return digits;
}

std::string csv_field(std::string_view field) {
  std::string text(field);
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos && !is_number(text)) {
    text.insert(text.begin(), '\'');
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace

std::string write_csv(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      out += csv_field(row[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace io
