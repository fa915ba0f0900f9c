#include "layout/text_fit.hpp"

#include <vector>

namespace layout {

namespace {
constexpr std::string_view ellipsis = "\xE2\x80\xA6";

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
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

MeasureText estimated_measure(double font_size, bool bold) {
  const double per_character = font_size * (bold ? 0.6 : 0.55);
  return [per_character](std::string_view text) {
    std::size_t characters = 0;
    for (char c : text) characters += continuation_byte(c) ? 0 : 1;
    return static_cast<double>(characters) * per_character;
  };
}

}  // namespace layout
