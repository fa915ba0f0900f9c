#include "app/rehearsal.hpp"

#include "app/api.hpp"
#include "app/plan_document.hpp"

namespace app {

Rehearsed rehearse_open(std::string_view text, bool with_governance) {
  Rehearsed done;
  AppState scratch;
  open_plan_answer(scratch, text, "rehearsal.json", false);  // the answer too: England's runs to 850 KB
  done.opened = scratch.document.has_value();
  if (!done.opened) return done;
  done.saved_bytes = current_plan_text(scratch)->size();
  if (!with_governance) return done;
  show_view(scratch, CanvasView::governance);
  done.governance_items = scratch.governance_scene ? scratch.governance_scene->items.size() : 0;
  const auto& bodies = scratch.document->plan.bodies;
  if (bodies.empty()) return done;
  model::Command rename;
  rename.op = model::CommandOp::set;
  rename.id = bodies.front().id;
  rename.field = "name";
  rename.value = bodies.front().name + " and partners";
  done.renamed = execute(scratch, rename).ok && undo(scratch).ok;
  return done;
}

}  // namespace app
