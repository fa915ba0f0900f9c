#pragma once
// Turning the NHS's published files into a plan's units and organisations
// (docs/import.md): practices become practice units with their ODS codes,
// PCNs become PCN units, and each CCG or sub-ICB location an organisation
// whose area is its practices. The result is one command, so that the page
// can apply it (and undo it) in one step and planner-cli can write a plan.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/nhs_extracts.hpp"
#include "model/plan.hpp"

namespace io {

// The name of a plan made by an import into nothing.
inline constexpr std::string_view imported_plan_name = "NHS organisation data (imported)";

struct ImportFiles {
  std::optional<PracticeFile> practices;  // epraccur: which practices are open
  std::optional<PcnMemberFile> pcn_members;
  std::optional<ListSizeFile> list_sizes;
  std::string practices_name = "practices";  // file names, for the report
  std::string pcn_members_name = "pcn-members";
  std::string list_sizes_name = "list-sizes";
};

struct ImportSkip {
  std::string file;
  SkippedRow row;
};

struct ImportReport {
  std::size_t practices_added = 0, practices_updated = 0;
  std::size_t pcns_added = 0, pcns_updated = 0;
  std::size_t ccgs_added = 0;
  std::size_t places_added = 0;  // new places, one per CCG, not yet in any system
  std::size_t populations = 0;   // practices given a registered population
  std::vector<ImportSkip> skipped;
  std::vector<std::string> empty_files;  // files given that held nothing (zero bytes or blank lines)
  std::size_t imported() const { return practices_added + practices_updated + pcns_added + pcns_updated; }
  // A few plain-English lines: what was imported, or (before) what will be.
  std::string summary(bool before = false) const;
};

struct ImportPlan {
  model::Command command;  // a batch: apply it to the plan the import was made against
  ImportReport report;
};

// Plans the import into `into` (an empty plan for a new one). Units already
// carrying a code are updated, not duplicated; new PCNs and practices go
// under the place the plan maps to their CCG (an organisation with that
// code whose area names a place), or a new place for the CCG.
ImportPlan plan_import(const model::Plan& into, const ImportFiles& files);

// "DR KHAN & PARTNERS" -> "Dr Khan & Partners": published names are in capitals.
std::string title_case(const std::string& name);

}  // namespace io
