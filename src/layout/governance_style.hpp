#pragma once
// How the governance view draws things, shared by its phases: each kind's
// level, paint and line style, which way a kind of flow points, and names
// wrapped into boxes (src/layout/governance_style.cpp).
#include <string>
#include <string_view>
#include <vector>

#include "layout/scene.hpp"
#include "layout/text_fit.hpp"
#include "model/id_map.hpp"
#include "model/plan.hpp"

namespace layout {

int organisation_default_band(model::OrganisationKind kind);
Paint organisation_paint(model::OrganisationKind kind);

// Each kind of flow differs from every other by its pattern and end mark,
// not only by its colour (read in grey, or by someone who tells colours apart poorly).
struct FlowStyle {
  Paint paint;
  Dash dash;
  float width;
  Arrowhead head;
};
FlowStyle flow_style(model::FlowKind kind);

// Which end a kind of flow puts on top: accountability, delegation, advice
// and membership point up to the body that answers for more; oversight,
// approval and succession point down from it.
bool points_up(model::FlowKind kind);

bool provisional(model::Lifecycle status);  // proposed, emerging or shadow
bool ended(model::Lifecycle status);        // merged or dissolved

// "Joint committee" -> "joint committee"; "NHS England" stays as it is.
std::string lower_first(std::string_view text);
// A kind's label inside a sentence: "Clinical Commissioning Group" becomes
// "clinical commissioning group"; acronyms and NHS names stay as they are.
std::string kind_in_words(std::string_view label);

// Words wrapped into at most three lines of the given width.
std::vector<std::string> wrap(const std::string& text, double width, const MeasureText& measure);

// Every organisation's, body's, post's and programme's band, worked out once
// (the keys view the plan's ids).
model::IdMap<int> all_bands(const model::Plan& plan);

}  // namespace layout
