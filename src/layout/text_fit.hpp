#pragma once
// Fitting a line of text into a width: the whole line, or as many whole
// words as fit followed by an ellipsis (never part of a word, which can read
// as another word).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace layout {

using MeasureText = std::function<double(std::string_view)>;  // width of the text as drawn

// Empty when not even the first word and the ellipsis fit.
std::string fit_text(std::string_view text, double max_width, const MeasureText& measure);

// Words wrapped into as many lines of `line_height` as fit in `height` (the
// last needing only the height of its letters, about 0.8 of a line),
// each no wider than `width`; the last line that fits ends with an
// ellipsis when words are left over (fit_text). Empty when not even one
// line of the first word fits.
std::vector<std::string> wrap_text(std::string_view text, double width, double height, double line_height, const MeasureText& measure);

// A measure for when no font is at hand (SVG): Liberation Sans averages
// about 0.55 em a character, bold 0.6.
MeasureText estimated_measure(double font_size, bool bold);

}  // namespace layout
