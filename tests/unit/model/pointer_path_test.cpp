// The reader's JSON Pointer (model/value_stream.hpp), written only when asked for.
#include <doctest/doctest.h>

#include <string>

#include "model/value_stream.hpp"

TEST_CASE("a PointerPath gives the same text however often it is asked, as the reader goes in and out") {
  model::PointerPath path;
  CHECK(path.text().empty());
  path.push("units");
  path.push(std::size_t{12});
  path.push("parent");
  CHECK(path.text() == "/units/12/parent");
  path.pop();
  CHECK(path.text() == "/units/12");  // shortened after it was written
  path.push("name");
  path.pop();
  path.pop();
  path.push(std::size_t{0});  // never written while it was pushed and popped
  path.push("id");
  CHECK(path.text() == "/units/0/id");
  path.pop();
  path.pop();
  path.pop();
  CHECK(path.text().empty());
}

TEST_CASE("a PointerPath escapes keys, keeps its own copy of a key read from a file, and starts where it is told") {
  model::PointerPath path("/value");
  {
    std::string key = "a/b~c";
    path.push_copy(key);
    key.assign("overwritten, as a stream's buffer is");
  }
  path.push(std::size_t{3});
  CHECK(path.text() == "/value/a~1b~0c/3");
  path.pop();
  path.pop();
  CHECK(path.text() == "/value");
  std::string transient = "first";
  path.push_copy(transient);
  path.pop();  // popped before it was ever written
  path.push_copy("second");
  CHECK(path.text() == "/value/second");
}
