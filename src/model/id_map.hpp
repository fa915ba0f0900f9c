#pragma once
// Maps for the many lookups a view makes each time it is built (England's
// governance view: some 10,000 ids, 40,000 lookups): open addressing in one
// array, so that filling one is an allocation or two, not one or two per
// key as in std::unordered_map.
//
// IdMap's keys are viewed, not copied: the strings must outlive the map and
// stay where they are (a plan's ids, or those of a vector that is not
// changed while the map is in use).
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace model {

// A hash of a string eight bytes at a time (ids are short; this is not for
// hostile input, where a colliding set would only make it slower).
inline std::uint64_t flat_hash(std::string_view key) {
  constexpr std::uint64_t mix = 0xff51afd7ed558ccdull;
  std::uint64_t hash = 0x9e3779b97f4a7c15ull ^ key.size();
  const char* bytes = key.data();
  std::size_t left = key.size();
  for (; left >= 8; left -= 8, bytes += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes, 8);
    hash = (hash ^ word) * mix;
    hash ^= hash >> 32;
  }
  if (left > 0) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes, left);
    hash = (hash ^ word) * mix;
  }
  hash ^= hash >> 29;
  hash *= 0xc4ceb9fe1a85ec53ull;
  return hash ^ (hash >> 32);
}

inline std::uint64_t flat_hash(std::uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  key *= 0xc4ceb9fe1a85ec53ull;
  return key ^ (key >> 33);
}

struct FlatHash {
  template <class Key>
  std::uint64_t operator()(const Key& key) const { return flat_hash(key); }
};

// `Hash` gives a key's 64 bits, all of them mixed: the table uses the low ones.
template <class Key, class Value, class Hash = FlatHash>
class FlatMap {
 public:
  FlatMap() = default;
  explicit FlatMap(std::size_t expected) { reserve(expected); }

  // Room for `expected` keys without growing.
  void reserve(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    if (capacity > slots_.size()) rehash(capacity);
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    for (Slot& slot : slots_) slot = Slot{};
    size_ = 0;
  }

  // Adds key -> value unless the key is there already. Returns the key's
  // value (the pointer lasts until the next key is added) and whether it was added.
  std::pair<Value*, bool> try_emplace(Key key, Value value = Value{}) {
    if (slots_.empty()) rehash(16);
    const std::uint64_t hash = Hash{}(key);
    std::size_t at = position(key, hash);
    if (slots_[at].used) return {&slots_[at].value, false};
    if ((size_ + 1) * 2 > slots_.size()) {
      rehash(slots_.size() * 2);
      at = position(key, hash);
    }
    slots_[at] = Slot{key, std::move(value), hash, true};
    ++size_;
    return {&slots_[at].value, true};
  }
  Value& operator[](Key key) { return *try_emplace(key).first; }

  // Takes the key out; says whether it was there.
  bool erase(Key key) {
    if (size_ == 0) return false;
    std::size_t gap = position(key, Hash{}(key));
    if (!slots_[gap].used) return false;
    // The keys after it in its run move back into the gap unless that would
    // put them before their own first choice of slot.
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t next = (gap + 1) & mask; slots_[next].used; next = (next + 1) & mask) {
      const std::size_t home = slots_[next].hash & mask;
      if (((next - home) & mask) >= ((next - gap) & mask)) {
        slots_[gap] = std::move(slots_[next]);
        gap = next;
      }
    }
    slots_[gap] = Slot{};
    --size_;
    return true;
  }

  const Value* find(Key key) const {
    if (size_ == 0) return nullptr;
    const Slot& slot = slots_[position(key, Hash{}(key))];
    return slot.used ? &slot.value : nullptr;
  }
  Value* find(Key key) { return const_cast<Value*>(std::as_const(*this).find(key)); }
  bool contains(Key key) const { return find(key) != nullptr; }

  // Calls f(key, value) for every entry, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (const Slot& slot : slots_) {
      if (slot.used) f(slot.key, slot.value);
    }
  }

 private:
  struct Slot {
    Key key;
    Value value{};
    std::uint64_t hash = 0;
    bool used = false;
  };

  // The key's slot, or the empty one where it would go (linear probing;
  // the table is never more than half full).
  std::size_t position(Key key, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
      const Slot& slot = slots_[at];
      if (!slot.used || (slot.hash == hash && slot.key == key)) return at;
    }
  }

  void rehash(std::size_t capacity) {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(capacity));
    for (Slot& slot : old) {
      if (slot.used) slots_[position(slot.key, slot.hash)] = std::move(slot);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

template <class Value>
using IdMap = FlatMap<std::string_view, Value>;

// A set of ids (viewed, as IdMap's keys).
class IdSet {
 public:
  IdSet() = default;
  explicit IdSet(std::size_t expected) : map_(expected) {}
  bool insert(std::string_view id) { return map_.try_emplace(id).second; }  // false if it was there
  bool contains(std::string_view id) const { return map_.contains(id); }
  std::size_t size() const { return map_.size(); }

 private:
  IdMap<bool> map_;
};

}  // namespace model
