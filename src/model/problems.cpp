#include "model/problems.hpp"

#include <algorithm>

namespace model {

void append_pointer_key(std::string& out, std::string_view key) {
  if (std::none_of(key.begin(), key.end(), [](char c) { return c == '~' || c == '/'; })) {  // nearly every key
    out.append(key);
    return;
  }
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
}

std::string pointer_key(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  append_pointer_key(out, key);
  return out;
}

std::string pointer_join(std::string_view path, std::string_view key) {
  return std::string(path) + "/" + pointer_key(key);
}

std::string pointer_join(std::string_view path, std::size_t index) {
  return std::string(path) + "/" + std::to_string(index);
}

std::string format_problem(const Problem& problem) {
  std::string text = problem.path.empty() ? "" : problem.path + ": ";
  if (problem.severity == Severity::warning) text += "warning: ";
  return text + problem.message;
}

std::string with_article(std::string_view word) {
  const bool vowel = !word.empty() && std::string_view("aeiouAEIOU").find(word.front()) != std::string_view::npos;
  return std::string(vowel ? "an " : "a ") + std::string(word);
}

std::string quote_text(std::string_view text) {
  std::string out;
  append_quoted(out, text);
  return out;
}

void append_quoted(std::string& out, std::string_view text, std::string_view cut) {
  constexpr std::size_t longest = 60;
  out += '"';
  if (text.size() <= longest) {
    out += text;
  } else {
    // Cut on a UTF-8 character boundary.
    std::size_t end = longest;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    out += text.substr(0, end);
    out += cut;
  }
  out += '"';
}

}  // namespace model
