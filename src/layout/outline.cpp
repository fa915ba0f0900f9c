#include "layout/outline.hpp"

#include <algorithm>
#include <unordered_map>

namespace layout {

std::size_t OutlineNode::size() const {
  std::size_t n = 1 + lines.size();
  for (const OutlineNode& child : children) n += child.size();
  return n;
}

namespace {

bool is_line(const Item& item) { return !item.from.empty() && !item.to.empty(); }

// The items of [first, end) at the top of that range, each with its subtree.
std::vector<OutlineNode> nodes_in(const Scene& scene, std::size_t first, std::size_t end) {
  std::vector<OutlineNode> nodes;
  for (std::size_t i = first; i < end;) {
    const Item& item = scene.items[i];
    const std::size_t next = std::max(item.end, i + 1);
    if (!is_line(item)) {
      OutlineNode node{i, {}, nodes_in(scene, i + 1, next)};
      nodes.push_back(std::move(node));
    }
    i = next;
  }
  return nodes;
}

// Where each id's lines go: its box, not the group that has the same id.
void index_nodes(std::vector<OutlineNode>& nodes, const Scene& scene, std::unordered_map<std::string, OutlineNode*>& by_id) {
  for (OutlineNode& node : nodes) {
    const Item& item = scene.items[node.item];
    auto [at, added] = by_id.try_emplace(item.id, &node);
    if (!added && scene.items[at->second->item].role == "group") at->second = &node;
    index_nodes(node.children, scene, by_id);
  }
}

const OutlineNode* find_node(const std::vector<OutlineNode>& nodes, const Scene& scene, const std::string& id) {
  const OutlineNode* found = nullptr;
  for (const OutlineNode& node : nodes) {
    if (scene.items[node.item].id == id && scene.items[node.item].role != "group") return &node;
    if (scene.items[node.item].id == id && !found) found = &node;
    if (const OutlineNode* inside = find_node(node.children, scene, id)) {
      if (scene.items[inside->item].role != "group") return inside;
      if (!found) found = inside;
    }
  }
  return found;
}

}  // namespace

std::vector<OutlineNode> outline_of(const Scene& scene) {
  std::vector<OutlineNode> top = nodes_in(scene, 0, scene.items.size());
  // Governance: what is drawn in a band goes under it, in drawing order.
  std::vector<OutlineNode> bands;
  std::vector<OutlineNode> rest;
  for (OutlineNode& node : top) (scene.items[node.item].role == "band" ? bands : rest).push_back(std::move(node));
  if (!bands.empty()) {
    for (OutlineNode& node : rest) {
      bool placed = false;
      for (OutlineNode& band : bands) {
        if (scene.items[band.item].level == scene.items[node.item].level) {
          band.children.push_back(std::move(node));
          placed = true;
          break;
        }
      }
      if (!placed) bands.push_back(std::move(node));
    }
    top = std::move(bands);
  } else {
    top = std::move(rest);
  }
  std::unordered_map<std::string, OutlineNode*> by_id;
  index_nodes(top, scene, by_id);
  for (std::size_t i = 0; i < scene.items.size(); ++i) {
    if (!is_line(scene.items[i])) continue;
    auto end = by_id.find(scene.items[i].from);
    if (end == by_id.end()) end = by_id.find(scene.items[i].to);  // its start is not drawn: listed at its other end
    if (end != by_id.end()) end->second->lines.push_back(i);
  }
  return top;
}

const OutlineNode* find_in_outline(const std::vector<OutlineNode>& outline, const Scene& scene, const std::string& id) {
  return find_node(outline, scene, id);
}

}  // namespace layout
