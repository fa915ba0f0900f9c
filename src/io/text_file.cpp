#include "io/text_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace io {

namespace {
std::string system_error(const char* what, const std::string& path) {
  return std::string(what) + " " + path + ": " + std::strerror(errno);
}
}  // namespace

TextFile read_text_file(const std::string& path, std::size_t max_bytes) {
  TextFile result;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) {
    result.error = system_error("cannot open", path);
    return result;
  }
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (result.text.size() + got > max_bytes) {
      std::fclose(file);
      result.text.clear();
      result.error = path + " is larger than the limit of " + std::to_string(max_bytes) + " bytes";
      return result;
    }
    result.text.append(buffer, got);
  }
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) {
    result.text.clear();
    result.error = system_error("cannot read", path);
    return result;
  }
  result.ok = true;
  return result;
}

std::string write_text_file(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".tmp";
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (!file) return system_error("cannot write", temporary);
  const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed) {
    std::remove(temporary.c_str());
    return system_error("cannot write", temporary);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string error = system_error("cannot replace", path);
    std::remove(temporary.c_str());
    return error;
  }
  return {};
}

}  // namespace io
