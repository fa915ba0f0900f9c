#pragma once
// A scene as a picture to export: its frame and every mark in drawing
// order (the scene's boxes, lines, arrowheads and text, then the legend),
// in the scene's own units. The SVG writer writes it out as text; the page
// draws it onto a canvas for a PNG (shell/picture-worker.js), so both
// exports show the same picture.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "layout/scene.hpp"

namespace layout {

struct PictureMark {
  enum class Kind : std::uint8_t {
    group,      // an item begins (`text`: its id, `label`: its words); marks up to its group_end are its own
    group_end,
    rect,       // `rect`, `rounding`; with `hatched`, white stripes over the fill
    polyline,   // `points`, stroked
    polygon,    // `points`, closed, filled and stroked
    text,       // `text` from `rect.min` (its top left), `font_size` high
  };
  Kind kind = Kind::rect;
  Rect rect;
  double rounding = 0.0;
  std::vector<glm::dvec2> points;
  Paint fill = Paint::none;    // text: its colour
  Paint stroke = Paint::none;
  double stroke_width = 1.0;   // pixels of the picture, however far it is scaled
  Dash dash = Dash::solid;
  bool hatched = false;
  bool bold = false;
  double font_size = 0.0;
  std::string text;
  std::string label;
};

struct Picture {
  Rect view;             // what the picture shows, in the scene's units (the background fills it)
  double width = 0.0;    // its size in CSS pixels
  double height = 0.0;
  std::vector<PictureMark> marks;
  // Scene units per pixel of the picture: strokes and patterns are sized by it.
  double unit() const { return view.size().x / std::max(width, 1e-9); }
};

// `width`: the picture's width in CSS pixels; the height follows the scene's shape.
Picture make_picture(const Scene& scene, double width);

// The same picture's view and size, without its marks: quick, for a page
// that makes its canvas while the marks are written.
Picture picture_frame(const Scene& scene, double width);

// Every paint a picture may use, in a fixed order; each one's colour in the
// light theme ("#rrggbb"; "none" for Paint::none) and its CSS class name.
std::vector<Paint> picture_paints();
const char* picture_colour(Paint paint);
const char* picture_paint_name(Paint paint);

// A coordinate as exports write it: two decimals at most, no trailing zeros.
std::string picture_number(double value);

// The picture as JSON for the page's canvas (shell/picture-worker.js):
// {width, height, view: [x, y, w, h], background, colours (by Paint),
// marks}, each mark a list that starts with its kind: rect 0, polyline 1,
// polygon 2, text 3 (groups are left out). docs/exports.md has the details.
std::string picture_json(const Picture& picture);

// The background behind every picture.
inline constexpr const char* picture_background = "#f0f4f5";

}  // namespace layout
