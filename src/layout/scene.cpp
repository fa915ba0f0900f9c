#include "layout/scene.hpp"

namespace layout {

std::vector<std::size_t> items_at(const Scene& scene, glm::dvec2 world) {
  std::vector<std::size_t> path;
  std::size_t end = scene.items.size();
  for (std::size_t i = 0; i < end;) {
    const Item& item = scene.items[i];
    if (item.bounds.contains(world)) {
      path.push_back(i);
      end = item.end;  // look only inside it from here
      ++i;
    } else {
      i = item.end;
    }
  }
  return path;
}

}  // namespace layout
