#include "app/import_flow.hpp"

#include "app/canvas_control.hpp"
#include "app/plan_document.hpp"
#include "io/nhs_import.hpp"

namespace app {

namespace {

enum class Layout { practices, pcn_members, list_sizes };

// The ePCN sheet and the list sizes have headers that say what they are;
// the practice file has no header at all.
Layout recognise(const std::string& text) {
  const std::string first = text.substr(0, text.find('\n'));
  if (first.find("Partner Organisation Code") != std::string::npos) return Layout::pcn_members;
  if (first.find("NUMBER_OF_PATIENTS") != std::string::npos) return Layout::list_sizes;
  return Layout::practices;
}

}  // namespace

bool preview_import(AppState& state, const std::vector<NamedText>& files) {
  PendingImport pending;
  pending.visible = true;
  io::ImportFiles inputs;
  for (const NamedText& file : files) {
    // Reads the file as one layout: the same steps whichever it is.
    std::string error;
    auto read = [&](auto& slot, std::string& name_slot, auto reader, const char* what) {
      slot = reader(file.text);
      name_slot = file.name;
      error = slot->error;
      pending.files += (pending.files.empty() ? "" : ", ") + file.name + " (" + what + ")";
    };
    switch (recognise(file.text)) {
      case Layout::pcn_members: read(inputs.pcn_members, inputs.pcn_members_name, io::read_pcn_member_file, "PCN membership"); break;
      case Layout::list_sizes: read(inputs.list_sizes, inputs.list_sizes_name, io::read_list_size_file, "registered patients"); break;
      case Layout::practices: read(inputs.practices, inputs.practices_name, io::read_practice_file, "GP practices"); break;
    }
    if (!error.empty()) {
      pending.error = file.name + ": " + error + ". Nothing was imported.";
      state.pending_import = std::move(pending);
      return false;
    }
  }
  model::Plan empty;
  empty.name = std::string(io::imported_plan_name);
  pending.new_plan = !state.document;
  const io::ImportPlan planned = io::plan_import(state.document ? state.document->plan : empty, inputs);
  pending.summary = planned.report.summary(true);
  pending.imported = planned.report.imported();
  pending.command = planned.command;
  state.pending_import = std::move(pending);
  return true;
}

model::ApplyResult confirm_import(AppState& state) {
  PendingImport& pending = state.pending_import;
  model::ApplyResult result;
  if (!pending.visible || !pending.error.empty() || pending.imported == 0) {
    result.problems.error("", "there is nothing to import: choose the NHS files first");
    return result;
  }
  if (pending.new_plan) {
    // Opening an empty plan goes through the same door as any other plan.
    open_plan_text(state, "{\"schemaVersion\": \"1.0\", \"name\": \"" + std::string(io::imported_plan_name) + "\"}", "nhs-import.json");
  }
  result = execute(state, pending.command);
  if (result.ok) {
    pending.visible = false;
    fit_content(state.canvas, state.now_seconds);
  }
  return result;
}

}  // namespace app
