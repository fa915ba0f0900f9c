#pragma once
// Plan files: JSON with "schemaVersion": "MAJOR.MINOR" (docs/plan-format.md).
#include <optional>
#include <string>
#include <string_view>

#include "model/plan.hpp"
#include "model/plan_index.hpp"
#include "model/problems.hpp"

namespace io {

inline constexpr int schema_major = 1;
inline constexpr int schema_minor = 1;
std::string schema_version();  // "1.1": the newest this planner reads and writes

// The version a plan is saved as: "1.0" unless it uses a field of 1.1
// (running costs of organisations and bodies; the certainty of a figure or a
// score), so that plans which do not change byte for byte, share links too.
std::string version_needed(const model::Plan& plan);

// Limits for files met in the wild: a message instead of exhausted memory
// or stack.
inline constexpr std::size_t max_plan_bytes = 64u << 20;  // 64 MiB
inline constexpr int max_nesting_depth = 64;

struct LoadResult {
  std::optional<model::Plan> plan;  // only when there are no errors: never half-loaded
  model::Problems problems;         // every error and warning found, at once
  std::optional<model::PlanIndex> index;  // with the plan: its ids, as validation found them
};

// How long each step of a load took, for docs/performance.md.
struct LoadTimes {
  double parse_ms = 0.0;     // the JSON text into a document tree (0 when streamed)
  double read_ms = 0.0;      // the tree, or the text when streamed, into the plan's fields
  double validate_ms = 0.0;  // the structural checks
  bool streamed = false;     // read straight from the text (LoadRoute below)
};

// The two ways of reading: straight from the text into the plan's fields
// (io/json_stream.hpp), which goes back to the document for any file with an
// error; or always through a JSON document, which words every message. They
// give the same plan and the same problems; tests compare them.
enum class LoadRoute { streamed, document };

// Reads a plan from JSON text. Never throws; reports syntax errors with line
// and column, everything else with a JSON Pointer.
LoadResult load_plan(std::string_view text, LoadTimes* times = nullptr, LoadRoute route = LoadRoute::streamed);

// Writes a plan as JSON text: deterministic (the same plan gives the same
// bytes), two-space indented, fields in documented order, unknown fields
// kept, ending with a newline.
std::string save_plan(const model::Plan& plan);

}  // namespace io
