#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "io/text_file.hpp"

TEST_CASE("a text file written is read back byte for byte") {
  const std::string path = "text_file_test.tmp.json";
  const std::string text = "{\n  \"name\": \"Barnsley CCG\" \xE2\x80\x94 caf\xC3\xA9\r\n}\n";
  CHECK(io::write_text_file(path, text).empty());
  const io::TextFile file = io::read_text_file(path, 1 << 20);
  CHECK(file.ok);
  CHECK(file.text == text);
  std::remove(path.c_str());
}

TEST_CASE("a missing file gives a plain error naming it") {
  const io::TextFile file = io::read_text_file("no/such/plan.json", 1024);
  CHECK_FALSE(file.ok);
  CHECK(file.error.find("no/such/plan.json") != std::string::npos);
}

TEST_CASE("a file over the size limit is refused, not read") {
  const std::string path = "text_file_test_large.tmp";
  REQUIRE(io::write_text_file(path, std::string(5000, 'x')).empty());
  const io::TextFile file = io::read_text_file(path, 4096);
  CHECK_FALSE(file.ok);
  CHECK(file.text.empty());
  CHECK(file.error.find("larger than the limit of 4096 bytes") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("a failed write leaves the old file alone") {
  CHECK_FALSE(io::write_text_file("no/such/folder/plan.json", "{}").empty());
}
