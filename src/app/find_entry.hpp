#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace app {

// The entry of a plan's list with this id, looked for first where the last
// look-up in a list of its kind found one: the canvas and the inspector ask
// for the selected entry every frame, and a national plan's lists hold
// thousands. The hint is only ever a first guess, checked by id.
template <class T>
const T* find_entry(const std::vector<T>& list, const std::string& id) {
  static std::size_t last_found = 0;  // one per kind of entry
  if (last_found < list.size() && list[last_found].id == id) return &list[last_found];
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].id != id) continue;
    last_found = i;
    return &list[i];
  }
  return nullptr;
}

}  // namespace app
