#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "layout/scene.hpp"

// The accessible outline of a drawing: the same scene items the canvas draws,
// as a tree a screen reader can walk (docs/embedding.md). The layers view
// nests system, place, PCN and practice; the governance view has its levels
// at the top, then groups and boxes, each with its lines in words.
namespace layout {

struct OutlineNode {
  std::size_t item = 0;                // index into Scene::items
  std::vector<std::size_t> lines;      // the lines that start here (flows, memberships), as items
  std::vector<OutlineNode> children;
  std::size_t size() const;            // this node and everything under it, lines included
};

std::vector<OutlineNode> outline_of(const Scene& scene);

// The node for the item with this id (a box rather than the group of the
// same id), or null.
const OutlineNode* find_in_outline(const std::vector<OutlineNode>& outline, const Scene& scene, const std::string& id);

}  // namespace layout
