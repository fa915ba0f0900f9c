#pragma once
#include <glm/common.hpp>
#include <glm/vec2.hpp>

namespace layout {

// An axis-aligned rectangle; which space it is in (world or screen) is said
// by whoever holds it.
struct Rect {
  glm::dvec2 min{0.0, 0.0};
  glm::dvec2 max{0.0, 0.0};

  glm::dvec2 size() const { return max - min; }
  glm::dvec2 center() const { return (min + max) * 0.5; }
  bool empty() const { return max.x <= min.x || max.y <= min.y; }
  bool contains(glm::dvec2 p) const {
    return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y;
  }
  friend bool operator==(const Rect&, const Rect&) = default;
};

}  // namespace layout
