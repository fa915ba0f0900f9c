#pragma once
// What the governance view draws inside what (docs/views.md, "What goes
// where"): posts as lines inside the box of the organisation or body they
// belong to, bodies in one group with their single host, and the posts
// that belong nowhere listed at the side of their band. Decided from the
// plan alone, before anything is measured or placed.
#include <string>
#include <string_view>
#include <vector>

#include "model/id_map.hpp"
#include "model/plan.hpp"

namespace layout {

// Its ids view the plan's.
struct GovernancePlacement {
  // Posts drawn as a line inside a box: post id -> the box's id.
  model::IdMap<std::string_view> post_in;
  // Posts listed at the side of their band (they have no line of their own,
  // no single organisation and no seat on a body that is drawn).
  std::vector<std::string_view> listed;
  // Bodies drawn in one group with their host: body id -> host id.
  model::IdMap<std::string_view> group_of;
  // For each post drawn inside a box, the other bodies it sits on.
  model::IdMap<std::vector<std::string_view>> also_on;
};

// `drawn`: the organisations, bodies and posts the view shows (after its
// filters); `bands`: each one's level (governance_band); `own_lines`: the
// posts with a line of their own (an end of a flow that is drawn).
GovernancePlacement place_governance(const model::Plan& plan, const model::IdSet& drawn, const model::IdMap<int>& bands,
                                     const model::IdSet& own_lines);

// The id of the box that lists a band's posts, "posts/place": a plan id
// never holds a "/", so it cannot clash with one.
std::string post_list_id(int band);

}  // namespace layout
