#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace model {

enum class Severity { error, warning };

// One thing wrong with a plan or a change: where (a JSON Pointer such as
// /units/42/parent, or "" for the whole document) and a plain sentence.
struct Problem {
  Severity severity = Severity::error;
  std::string path;
  std::string message;
  friend bool operator==(const Problem&, const Problem&) = default;
};

// Collects every problem rather than stopping at the first.
struct Problems {
  std::vector<Problem> list;

  void error(std::string path, std::string message) {
    list.push_back({Severity::error, std::move(path), std::move(message)});
  }
  void warning(std::string path, std::string message) {
    list.push_back({Severity::warning, std::move(path), std::move(message)});
  }
  bool has_errors() const {
    for (const Problem& p : list) {
      if (p.severity == Severity::error) return true;
    }
    return false;
  }
  std::size_t count(Severity severity) const {
    std::size_t n = 0;
    for (const Problem& p : list) n += p.severity == severity ? 1 : 0;
    return n;
  }
  void append(const Problems& other) { list.insert(list.end(), other.list.begin(), other.list.end()); }
};

// Escapes one key for a JSON Pointer (RFC 6901: ~ becomes ~0, / becomes ~1).
std::string pointer_key(std::string_view key);
void append_pointer_key(std::string& out, std::string_view key);  // the same, onto the end of out
std::string pointer_join(std::string_view path, std::string_view key);
std::string pointer_join(std::string_view path, std::size_t index);

// "PATH: message" (or just the message for the whole document), with
// "warning: " before the message of a warning: the form planner-cli prints
// after the file name.
std::string format_problem(const Problem& problem);

// "a body", "an organisation": the word with its indefinite article.
std::string with_article(std::string_view word);

// The quoted text, shortened for messages: "Barnsley CCG" or "a very lo…".
std::string quote_text(std::string_view text);
// The same, onto the end of out, with `cut` where the text was shortened.
void append_quoted(std::string& out, std::string_view text, std::string_view cut = "\xE2\x80\xA6");

}  // namespace model
