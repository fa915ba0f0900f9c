// The flat maps views are built with (model/id_map.hpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/id_map.hpp"

TEST_CASE("an IdMap finds every id it was given, through growth, and no other") {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back("practice-" + std::to_string(i * 7));
  model::IdMap<int> map;  // no room made: it grows many times
  for (std::size_t i = 0; i < ids.size(); ++i) CHECK(map.try_emplace(ids[i], static_cast<int>(i)).second);
  CHECK(map.size() == ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const int* found = map.find(ids[i]);
    REQUIRE(found);
    CHECK(*found == static_cast<int>(i));
  }
  CHECK_FALSE(map.contains("practice-1"));  // not a multiple of 7
  CHECK_FALSE(map.contains(""));
  CHECK_FALSE(map.contains("practice-00"));
}

TEST_CASE("an IdMap keeps the first value for a key, and operator[] adds a default") {
  model::IdMap<std::string> map(4);
  CHECK(map.try_emplace("ccg", "first").second);
  const auto [kept, added] = map.try_emplace("ccg", "second");
  CHECK_FALSE(added);
  CHECK(*kept == "first");
  CHECK(map["trust"].empty());
  map["trust"] += "added";
  CHECK(*map.find("trust") == "added");
  CHECK(map.size() == 2);
  std::size_t seen = 0;
  map.for_each([&](std::string_view, const std::string&) { ++seen; });
  CHECK(seen == 2);
  map.clear();
  CHECK(map.empty());
  CHECK_FALSE(map.contains("ccg"));
}

TEST_CASE("ids that differ only past their first eight bytes, or in length, are told apart") {
  model::IdSet set;
  CHECK(set.insert("abcdefgh-1"));
  CHECK(set.insert("abcdefgh-2"));
  CHECK(set.insert("abcdefgh"));
  CHECK(set.insert(std::string_view("abcdefgh\0", 9)));
  CHECK_FALSE(set.insert("abcdefgh-1"));
  CHECK(set.size() == 4);
  CHECK(set.contains("abcdefgh"));
  CHECK_FALSE(set.contains("abcdefgh-3"));
}

TEST_CASE("a FlatMap of numbers bundles like keys") {
  model::FlatMap<std::uint64_t, std::size_t> map;
  for (std::uint64_t k = 0; k < 3000; ++k) map.try_emplace(k << 24, static_cast<std::size_t>(k));
  for (std::uint64_t k = 0; k < 3000; ++k) CHECK(*map.find(k << 24) == k);
  CHECK_FALSE(map.contains(1));
}

TEST_CASE("erasing from an IdMap leaves every other key findable, wherever its run wraps") {
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) ids.push_back("flow-" + std::to_string(i));
  for (int round = 0; round < 2; ++round) {
    model::IdMap<int> map(16);  // small, so that runs are long and wrap round the end
    for (std::size_t i = 0; i < ids.size(); ++i) map.try_emplace(ids[i], static_cast<int>(i));
    for (std::size_t i = round; i < ids.size(); i += 2) CHECK(map.erase(ids[i]));
    CHECK_FALSE(map.erase(ids[round]));  // gone already
    CHECK(map.size() == ids.size() / 2);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const int* found = map.find(ids[i]);
      if (i % 2 == static_cast<std::size_t>(round)) {
        CHECK_FALSE(found);
      } else {
        REQUIRE(found);
        CHECK(*found == static_cast<int>(i));
      }
    }
    for (std::size_t i = round; i < ids.size(); i += 2) CHECK(map.try_emplace(ids[i], -1).second);  // and back
    CHECK(map.size() == ids.size());
  }
}
