#pragma once
#include <cstddef>
#include <string>

namespace io {

struct TextFile {
  bool ok = false;
  std::string text;   // the file's bytes when ok
  std::string error;  // a plain sentence when not ok
};

// Reads a whole file, refusing files larger than max_bytes with a clear
// message instead of running out of memory.
TextFile read_text_file(const std::string& path, std::size_t max_bytes);

// Writes via a temporary file and a rename, so a failed write never leaves a
// half-written file where a good one was. Returns an empty string on success,
// otherwise a plain sentence saying what went wrong.
std::string write_text_file(const std::string& path, const std::string& text);

}  // namespace io
