#include "layout/text_fit.hpp"

#include <vector>

namespace layout {

namespace {
constexpr std::string_view ellipsis = "\xE2\x80\xA6";

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The first word cut to fit with an ellipsis, keeping at least four
// letters ("Rothe…"), or "" when even that does not fit.
std::string cut_word(std::string_view text, double width, const MeasureText& measure) {
  std::string_view word = text.substr(0, text.find(' '));
  for (;;) {
    // One letter off the end (a whole UTF-8 sequence).
    while (!word.empty() && continuation_byte(word.back())) word.remove_suffix(1);
    if (!word.empty()) word.remove_suffix(1);
    std::size_t letters = 0;
    for (char c : word) letters += continuation_byte(c) ? 0 : 1;
    if (letters < 4) return {};
    const std::string candidate = std::string(word) + std::string(ellipsis);
    if (measure(candidate) <= width) return candidate;
  }
}
}  // namespace

std::string fit_text(std::string_view text, double max_width, const MeasureText& measure) {
  if (measure(text) <= max_width) return std::string(text);
  // Cut only after whole words: "Penistone Gr…" could read as another word.
  std::vector<std::size_t> cuts;  // byte offsets where a word ends
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == ' ' && text[i - 1] != ' ') cuts.push_back(i);
  }
  auto with_ellipsis = [&](std::size_t cut) {
    std::string_view kept = text.substr(0, cut);
    while (!kept.empty() && kept.back() == ' ') kept.remove_suffix(1);  // no space before the ellipsis
    return std::string(kept) + std::string(ellipsis);
  };
  // The longest prefix that fits: binary search, since widths only grow.
  std::size_t low = 0, high = cuts.size();  // answer in [0, high): number of cuts usable
  while (low < high) {
    const std::size_t mid = (low + high) / 2;
    if (measure(with_ellipsis(cuts[mid])) <= max_width) low = mid + 1;
    else high = mid;
  }
  // A word or two of at least five letters, or nothing: "The…" says nothing.
  if (low == 0 || cuts[low - 1] < 5) return {};
  return with_ellipsis(cuts[low - 1]);
}

std::vector<std::string> wrap_text(std::string_view text, double width, double height, double line_height, const MeasureText& measure) {
  std::vector<std::string> lines;
  // The last line needs only the height of its letters, not the gap under them.
  const std::size_t most = line_height > 0.0 ? static_cast<std::size_t>((height + line_height * 0.2) / line_height) : 0;
  std::string_view rest = text;
  while (!rest.empty() && lines.size() < most) {
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty()) break;
    if (lines.size() + 1 == most || measure(rest) <= width) {
      // The last line there is room for: the rest, cut to fit.
      std::string last = fit_text(rest, width, measure);
      if (last.empty() && lines.empty()) {
        // Better a short first word ("CRG:…") or a cut one than a blank box.
        const std::string word = std::string(rest.substr(0, rest.find(' '))) + (rest.find(' ') == std::string_view::npos ? "" : std::string(ellipsis));
        last = measure(word) <= width ? word : cut_word(rest, width, measure);
      }
      if (!last.empty()) lines.push_back(last);
      break;
    }
    // As many whole words as fit on this line.
    std::size_t end = 0;
    for (std::size_t space = rest.find(' '); space != std::string_view::npos; space = rest.find(' ', space + 1)) {
      if (measure(rest.substr(0, space)) > width) break;
      end = space;
    }
    if (end == 0) {
      // One long word: cut to fit (keeping four letters), and stop.
      std::string cut = fit_text(rest, width, measure);
      if (cut.empty()) cut = cut_word(rest, width, measure);
      if (!cut.empty()) lines.push_back(cut);
      break;
    }
    lines.emplace_back(rest.substr(0, end));
    rest.remove_prefix(end);
  }
  return lines;
}

MeasureText estimated_measure(double font_size, bool bold) {
  const double per_character = font_size * (bold ? 0.6 : 0.55);
  return [per_character](std::string_view text) {
    std::size_t characters = 0;
    for (char c : text) characters += continuation_byte(c) ? 0 : 1;
    return static_cast<double>(characters) * per_character;
  };
}

}  // namespace layout
