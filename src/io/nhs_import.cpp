#include "io/nhs_import.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "model/command.hpp"
#include "model/fields.hpp"
#include "model/plan_index.hpp"

namespace io {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

struct Practice {
  std::string code, name, ccg, pcn;
  std::optional<std::int64_t> population;
};

struct Pcn {
  std::string code, name, ccg;
};

// "NHS BARNSLEY CCG" -> "Barnsley": the place a CCG's area is named after.
std::string place_name(const std::string& ccg_name, const std::string& code) {
  std::string name = title_case(ccg_name);
  if (name.rfind("NHS ", 0) == 0) name.erase(0, 4);
  for (const char* tail : {" CCG", " Clinical Commissioning Group", " Sub ICB Location"}) {
    const std::string t = tail;
    if (name.size() > t.size() && name.compare(name.size() - t.size(), t.size(), t) == 0) name.erase(name.size() - t.size());
  }
  return name.empty() ? "Area of CCG " + code : name;
}

class Importer {
 public:
  Importer(const model::Plan& into, const ImportFiles& files) : into_(into), files_(files), ids_(into) {
    for (const model::Unit& unit : into.units) {
      if (!unit.code.empty()) unit_by_code_.emplace(unit.code, &unit);
    }
    for (const model::Organisation& org : into.organisations) {
      if (!org.code.empty() && (org.kind == model::OrganisationKind::ccg || org.kind == model::OrganisationKind::icb)) org_by_code_.emplace(org.code, &org);
    }
  }

  ImportPlan run() {
    collect_skips();
    read_practices();
    read_memberships();
    read_list_sizes();
    std::vector<model::Command> commands;
    add_places(commands);
    add_pcns(commands);
    add_practices(commands);
    add_ccgs(commands);
    out_.command = model::batch_command("import NHS organisation data", std::move(commands));
    return std::move(out_);
  }

 private:
  const model::Plan& into_;
  const ImportFiles& files_;
  model::PlanIndex ids_;
  std::set<std::string> taken_;  // ids this import gives out
  std::unordered_map<std::string, const model::Unit*> unit_by_code_;
  std::unordered_map<std::string, const model::Organisation*> org_by_code_;
  std::vector<Practice> practices_;
  std::unordered_map<std::string, std::size_t> practice_index_;
  std::map<std::string, Pcn> pcns_;               // by code, in code order
  std::map<std::string, std::string> ccg_names_;  // code -> published name
  std::map<std::string, std::string> places_;     // CCG code -> place unit id
  ImportPlan out_;

  void skip(const std::string& file, SkippedRow row) { out_.report.skipped.push_back({file, std::move(row)}); }

  void collect_skips() {
    if (files_.practices && files_.practices->empty) out_.report.empty_files.push_back(files_.practices_name);
    if (files_.pcn_members && files_.pcn_members->empty) out_.report.empty_files.push_back(files_.pcn_members_name);
    if (files_.list_sizes && files_.list_sizes->empty) out_.report.empty_files.push_back(files_.list_sizes_name);
    if (files_.practices) for (const SkippedRow& row : files_.practices->skipped) skip(files_.practices_name, row);
    if (files_.pcn_members) for (const SkippedRow& row : files_.pcn_members->skipped) skip(files_.pcn_members_name, row);
    if (files_.list_sizes) for (const SkippedRow& row : files_.list_sizes->skipped) skip(files_.list_sizes_name, row);
  }

  std::string fresh_id(const std::string& preferred, const std::string& fallback) {
    for (std::string id : {preferred, fallback}) {
      if (model::is_valid_id(id) && !ids_.find(id) && !taken_.count(id)) return *taken_.insert(id).first;
    }
    for (int n = 2;; ++n) {
      const std::string id = fallback + "-" + std::to_string(n);
      if (!ids_.find(id) && !taken_.count(id)) return *taken_.insert(id).first;
    }
  }

  void read_practices() {
    if (!files_.practices) return;
    for (const PracticeRecord& record : files_.practices->practices) {
      if (practice_index_.count(record.code)) continue;  // a repeated row: the first stands
      practice_index_.emplace(record.code, practices_.size());
      practices_.push_back({record.code, title_case(record.name), record.commissioner, {}, {}});
    }
  }

  void read_memberships() {
    if (!files_.pcn_members) return;
    for (const PcnMembership& m : files_.pcn_members->memberships) {
      auto found = practice_index_.find(m.practice_code);
      if (found == practice_index_.end()) {
        if (files_.practices) {
          skip(files_.pcn_members_name, {m.line, m.practice_code, "not an open GP practice in " + files_.practices_name});
          continue;
        }
        found = practice_index_.emplace(m.practice_code, practices_.size()).first;
        practices_.push_back({m.practice_code, title_case(m.practice_name), m.practice_ccg_code, {}, {}});
      }
      practices_[found->second].pcn = m.pcn_code;
      pcns_.emplace(m.pcn_code, Pcn{m.pcn_code, title_case(m.pcn_name), m.pcn_ccg_code});
      if (!m.practice_ccg_name.empty()) ccg_names_.emplace(m.practice_ccg_code, m.practice_ccg_name);
      if (!m.pcn_ccg_name.empty()) ccg_names_.emplace(m.pcn_ccg_code, m.pcn_ccg_name);
    }
  }

  void read_list_sizes() {
    if (!files_.list_sizes) return;
    for (const ListSize& size : files_.list_sizes->sizes) {
      const auto found = practice_index_.find(size.practice_code);
      if (found == practice_index_.end()) {
        skip(files_.list_sizes_name, {size.line, size.practice_code, "no open GP practice with this code is being imported"});
        continue;
      }
      practices_[found->second].population = size.patients;
      ++out_.report.populations;
    }
  }

  // The place the plan maps a CCG to: a place in the area of an organisation
  // with the CCG's code; otherwise a new place named after the CCG.
  void add_places(std::vector<model::Command>& commands) {
    std::set<std::string> ccgs;
    for (const Practice& p : practices_) {
      if (p.pcn.empty() && !p.ccg.empty()) ccgs.insert(p.ccg);
    }
    for (const auto& [code, pcn] : pcns_) ccgs.insert(pcn.ccg);
    for (const std::string& ccg : ccgs) {
      if (const auto org = org_by_code_.find(ccg); org != org_by_code_.end()) {
        for (const std::string& id : org->second->area) {
          const model::Location* where = ids_.find(id);
          if (where && where->collection == model::Collection::units && into_.units[where->index].layer == model::Layer::place) {
            places_[ccg] = id;
            break;
          }
        }
      }
      if (places_.count(ccg)) continue;
      model::Unit place;
      place.id = fresh_id("place-" + lower(ccg), "place");
      place.name = place_name(ccg_names_.count(ccg) ? ccg_names_[ccg] : "", ccg);
      place.layer = model::Layer::place;
      place.note = "Made by the import for the area of CCG " + ccg + "; not yet in any system.";
      places_[ccg] = place.id;
      commands.push_back(model::add_command("units", model::write_object(place)));
      ++out_.report.places_added;
    }
  }

  // An existing unit with the code gets the fields that differ; a new one is added.
  void upsert_unit(std::vector<model::Command>& commands, const std::string& code, const std::string& name, model::Layer layer,
                   const std::string& parent, std::optional<std::int64_t> population, std::size_t& added, std::size_t& updated) {
    if (const auto found = unit_by_code_.find(code); found != unit_by_code_.end()) {
      const model::Unit& unit = *found->second;
      std::vector<model::Command> sets;
      if (unit.name != name) sets.push_back(model::set_command(unit.id, "name", model::Json(name)));
      if (!parent.empty() && unit.parent != parent) sets.push_back(model::set_command(unit.id, "parent", model::Json(parent)));
      if (population && unit.registered_population != population) sets.push_back(model::set_command(unit.id, "registeredPopulation", model::Json(*population)));
      if (!sets.empty()) ++updated;
      for (model::Command& set : sets) commands.push_back(std::move(set));
      return;
    }
    model::Unit unit;
    unit.id = fresh_id(code, std::string(model::to_name(layer)) + "-" + lower(code));
    unit.name = name;
    unit.layer = layer;
    unit.code = code;
    unit.registered_population = population;
    unit.parent = parent;
    unit_ids_[code] = unit.id;
    commands.push_back(model::add_command("units", model::write_object(unit)));
    ++added;
  }

  std::unordered_map<std::string, std::string> unit_ids_;  // code -> id of units this import adds

  std::string id_for_code(const std::string& code) const {
    if (const auto found = unit_ids_.find(code); found != unit_ids_.end()) return found->second;
    if (const auto found = unit_by_code_.find(code); found != unit_by_code_.end()) return found->second->id;
    return {};
  }

  void add_pcns(std::vector<model::Command>& commands) {
    for (const auto& [code, pcn] : pcns_) {
      upsert_unit(commands, code, pcn.name, model::Layer::pcn, places_[pcn.ccg], std::nullopt, out_.report.pcns_added, out_.report.pcns_updated);
    }
  }

  void add_practices(std::vector<model::Command>& commands) {
    for (const Practice& p : practices_) {
      const std::string parent = !p.pcn.empty() ? id_for_code(p.pcn) : (places_.count(p.ccg) ? places_[p.ccg] : std::string());
      upsert_unit(commands, p.code, p.name, model::Layer::practice, parent, p.population, out_.report.practices_added, out_.report.practices_updated);
    }
  }

  void add_ccgs(std::vector<model::Command>& commands) {
    std::map<std::string, std::vector<std::string>> areas;  // CCG code -> its practices' unit ids
    for (const Practice& p : practices_) {
      if (!p.ccg.empty()) areas[p.ccg].push_back(id_for_code(p.code));
    }
    for (auto& [ccg, area] : areas) {
      if (const auto org = org_by_code_.find(ccg); org != org_by_code_.end()) {
        std::vector<std::string> merged = org->second->area;
        for (const std::string& id : area) {
          if (std::find(merged.begin(), merged.end(), id) == merged.end()) merged.push_back(id);
        }
        if (merged != org->second->area) commands.push_back(model::set_command(org->second->id, "area", model::Json(merged)));
        continue;
      }
      model::Organisation org;
      org.id = fresh_id("ccg-" + lower(ccg), "ccg");
      org.name = ccg_names_.count(ccg) ? title_case(ccg_names_[ccg]) : "CCG " + ccg;
      org.kind = model::OrganisationKind::ccg;
      org.code = ccg;
      org.statutory = true;
      org.area = area;
      commands.push_back(model::add_command("organisations", model::write_object(org)));
      ++out_.report.ccgs_added;
    }
  }
};

// Published names in capitals; abbreviations without vowels (PMS, HMG) stay so.
bool keep_upper(const std::string& word) {
  static const std::set<std::string> words = {"NHS", "PCN", "CCG", "GP", "PMS", "APMS", "GMS", "UK", "HC", "MC", "ICB", "ICS",
                                              "STP", "II", "III", "IV", "LLP", "CIC", "LTD", "UCC", "WIC"};
  static const std::set<std::string> short_words = {"DR", "ST", "MR", "MRS", "MS", "RD", "SQ", "PL", "CT", "DRS"};
  std::string letters;
  for (char c : word) {
    if (std::isalpha(static_cast<unsigned char>(c))) letters += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (words.count(letters)) return true;
  return letters.size() >= 2 && letters.find_first_of("AEIOUY") == std::string::npos && !short_words.count(letters);
}

}  // namespace

std::string title_case(const std::string& name) {
  static const std::set<std::string> small = {"and", "of", "on", "in", "at", "by", "for", "upon", "with"};
  std::string out;
  std::string word;
  bool first = true;
  auto flush = [&] {
    if (word.empty()) return;
    if (keep_upper(word)) {
      for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (word == "GPS") word = "GPs";
    } else {
      std::string low = lower(word);
      if (!first && small.count(low)) {
        word = low;
      } else {
        low[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(low[0])));
        if (low.size() > 2 && low.compare(0, 2, "Mc") == 0) low[2] = static_cast<char>(std::toupper(static_cast<unsigned char>(low[2])));
        word = low;
      }
    }
    out += word;
    word.clear();
    first = false;
  };
  for (char c : name) {
    if (c == ' ' || c == '-' || c == '/' || c == '(' || c == ')' || c == '&' || c == ',') {
      flush();
      out += c;
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

std::string ImportReport::summary(bool before) const {
  auto count = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
  std::string text = (before ? "Will import " : "Imported ") + count(practices_added, "practice", "practices") + " and " + count(pcns_added, "PCN", "PCNs");
  if (practices_updated || pcns_updated) text += (before ? "; will update " : "; updated ") + count(practices_updated, "practice", "practices") + " and " + count(pcns_updated, "PCN", "PCNs");
  text += "; " + count(ccgs_added, "new CCG", "new CCGs") + "; " + count(populations, "registered population", "registered populations") + ".\n";
  if (places_added) text += count(places_added, "new place", "new places") + (before ? " will be" : places_added == 1 ? " was" : " were") + " made, one for each CCG's area, not yet in any system: move them under a system in the layers view.\n";
  for (const std::string& file : empty_files) text += "Nothing in " + file + ": the file is empty (no rows at all).\n";
  if (!skipped.empty()) text += "Skipped " + count(skipped.size(), "row", "rows") + ":\n";
  for (const ImportSkip& s : skipped) {
    text += "  " + s.file + (s.row.line ? " line " + std::to_string(s.row.line) : std::string()) + (s.row.code.empty() ? "" : " (" + s.row.code + ")") +
            ": " + s.row.reason + "\n";
  }
  return text;
}

ImportPlan plan_import(const model::Plan& into, const ImportFiles& files) { return Importer(into, files).run(); }

}  // namespace io
