#pragma once
// The NHS's published organisation files, read as people download them
// (docs/import.md): the ODS GP practice file (epraccur), the ePCN "PCN Core
// Partner Details" sheet saved as CSV, and "Patients Registered at a GP
// Practice" (all-practice totals). Old and new layouts are both accepted.
// Rows that are not wanted (a closed practice, an ended membership, a
// breakdown by age) are skipped with their reason, never silently.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace io {

struct SkippedRow {
  std::size_t line = 0;  // in the file, from 1
  std::string code;      // the row's organisation code, when it has one
  std::string reason;    // plain English: "closed (status C)"
};

struct PracticeRecord {
  std::string code;          // ODS code, e.g. "C85001"
  std::string name;          // as published (in capitals)
  std::string commissioner;  // the CCG or sub-ICB location code, e.g. "02P"
  std::string postcode;
};

struct PracticeFile {
  std::vector<PracticeRecord> practices;  // open GP practices only
  std::vector<SkippedRow> skipped;
  std::string error;  // the file cannot be read at all (not CSV, wrong layout)
  bool empty = false;  // zero bytes or blank lines only: readable, and holding nothing
};

struct PcnMembership {
  std::string practice_code, practice_name, practice_ccg_code, practice_ccg_name;
  std::string pcn_code, pcn_name, pcn_ccg_code, pcn_ccg_name;
  std::size_t line = 0;
};

struct PcnMemberFile {
  std::vector<PcnMembership> memberships;  // current ones only
  std::vector<SkippedRow> skipped;
  std::string error;
  bool empty = false;
};

struct ListSize {
  std::string practice_code;
  std::string ccg_code;  // CCG or sub-ICB location
  std::int64_t patients = 0;
  std::size_t line = 0;
};

struct ListSizeFile {
  std::vector<ListSize> sizes;  // the ALL / ALL rows: each practice's registered population
  std::vector<SkippedRow> skipped;
  std::string extract_date;     // as written: "01JAN2021" or "2026-04-01"
  std::string error;
  bool empty = false;
};

PracticeFile read_practice_file(std::string_view text);
PcnMemberFile read_pcn_member_file(std::string_view text);
ListSizeFile read_list_size_file(std::string_view text);

}  // namespace io
