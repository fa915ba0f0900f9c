#include "layout/picture.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <initializer_list>

#include "layout/text_fit.hpp"
#include "model/json_text.hpp"

namespace layout {

namespace {

// The light theme (NHS identity colours), by Paint, with a CSS class name.
struct PaintColour {
  Paint paint;
  const char* name;
  const char* colour;
};
constexpr std::array<PaintColour, 39> palette = {{
    {Paint::region, "region", "#e8edee"},        {Paint::system, "system", "#d5e3f0"},
    {Paint::place, "place", "#c3dcea"},          {Paint::pcn, "pcn", "#e6f0d9"},
    {Paint::practice, "practice", "#ffffff"},    {Paint::community, "community", "#fff3cc"},
    {Paint::band_inside, "inside", "#007f3b"},   {Paint::band_below, "below", "#005eb8"},
    {Paint::band_above, "above", "#d5281b"},     {Paint::text, "text", "#212b32"},
    {Paint::text_muted, "muted", "#4c6272"},     {Paint::outline, "outline", "#768692"},
    {Paint::commissioner_1, "c1", "#b26b00"},    {Paint::commissioner_2, "c2", "#0072b2"},
    {Paint::commissioner_3, "c3", "#007a5a"},    {Paint::commissioner_4, "c4", "#a8457a"},
    {Paint::commissioner_5, "c5", "#b24a00"},    {Paint::commissioner_6, "c6", "#5e3c99"},
    {Paint::commissioner_7, "c7", "#6b5424"},    {Paint::commissioner_8, "c8", "#2f4f4f"},
    {Paint::node_commissioner, "n-commissioner", "#d5e3f0"}, {Paint::node_provider, "n-provider", "#e6f0d9"},
    {Paint::node_council, "n-council", "#fff3cc"},          {Paint::node_national, "n-national", "#e3dcef"},
    {Paint::node_organisation, "n-organisation", "#eef1f2"}, {Paint::node_body, "n-body", "#ffffff"},
    {Paint::node_post, "n-post", "#f9e5ec"},                {Paint::node_programme, "n-programme", "#e8edee"},
    {Paint::node_ended, "n-ended", "#d8dde0"},              {Paint::label_background, "label", "#ffffff"},
    {Paint::flow_accountability, "accountability", "#212b32"}, {Paint::flow_delegation, "delegation", "#005eb8"},
    {Paint::flow_decision, "decision", "#8a1538"},          {Paint::flow_advice, "advice", "#007f3b"},
    {Paint::flow_membership, "membership", "#768692"},      {Paint::flow_hosting, "hosting", "#b26b00"},
    {Paint::flow_succession, "succession", "#5e3c99"},
    {Paint::band_stripe, "band", "#e3e9ec"},                {Paint::group_frame, "group", "#f6f8f9"},
}};

const PaintColour* find_paint(Paint paint) {
  for (const PaintColour& p : palette) {
    if (p.paint == paint) return &p;
  }
  return nullptr;
}

// A picture's margin round the scene and the height of its legend, in the
// scene's units.
struct FrameRoom {
  double margin;
  double legend;
};

FrameRoom frame_room(const Rect& b) {
  const double side = std::max(b.size().x, b.size().y);
  return {side * 0.02, side * 0.06};
}

class Painter {
 public:
  explicit Painter(const Scene& scene) : scene_(scene) {}

  Picture paint(double width) {
    const Rect b = scene_.bounds;
    const FrameRoom room = frame_room(b);
    picture_ = picture_frame(scene_, width);
    for (std::size_t i = 0; i < scene_.items.size(); i = scene_.items[i].end) add_item(i);
    add_legend({b.min.x, b.max.y + room.margin * 0.5}, room.legend);
    return std::move(picture_);
  }

 private:
  const Scene& scene_;
  Picture picture_;

  PictureMark& add(PictureMark::Kind kind) {
    picture_.marks.emplace_back();
    picture_.marks.back().kind = kind;
    return picture_.marks.back();
  }

  void add_item(std::size_t index) {
    const Item& item = scene_.items[index];
    PictureMark& group = add(PictureMark::Kind::group);
    group.text = item.role + "-" + item.id;
    group.label = item.label;
    for (std::size_t s = item.first_shape; s < item.first_shape + item.shape_count; ++s) add_shape(scene_.shapes[s]);
    for (std::size_t child = index + 1; child < item.end; child = scene_.items[child].end) add_item(child);
    add(PictureMark::Kind::group_end);
  }

  void add_line(const std::vector<glm::dvec2>& points, Paint stroke, double width, Dash dash) {
    PictureMark& line = add(PictureMark::Kind::polyline);
    line.points = points;
    line.stroke = stroke;
    line.stroke_width = width;
    line.dash = dash;
  }

  void add_arrowhead(Arrowhead head, glm::dvec2 tip, glm::dvec2 from, double size, Paint paint) {
    ArrowheadShape mark = arrowhead_shape(head, tip, from, size);
    if (mark.points.empty()) return;
    if (!mark.closed) return add_line(mark.points, paint, 2.0, Dash::solid);
    PictureMark& polygon = add(PictureMark::Kind::polygon);
    polygon.points = std::move(mark.points);
    polygon.fill = mark.filled ? paint : Paint::label_background;
    polygon.stroke = paint;
  }

  void add_shape(const Shape& shape) {
    const Rect& r = shape.rect;
    if (shape.kind == Shape::Kind::line) {
      if (shape.points.size() < 2) return;
      add_line(shape.points, shape.style.stroke, static_cast<double>(shape.style.stroke_width), shape.style.dash);
      add_arrowhead(shape.head, shape.points.back(), shape.points[shape.points.size() - 2],
                    5.0 + static_cast<double>(shape.style.stroke_width) * 2.0, shape.style.stroke);
      return;
    }
    if (shape.kind == Shape::Kind::box) {
      PictureMark& box = add(PictureMark::Kind::rect);
      box.rect = r;
      box.rounding = std::min(shape.style.rounding, r.size().y * 0.5);
      box.fill = shape.style.fill;
      box.stroke = shape.style.stroke;
      box.stroke_width = static_cast<double>(shape.style.stroke_width);
      box.dash = shape.style.dash;
      box.hatched = shape.style.hatched;
      return;
    }
    if (shape.fallback) return;  // a picture is never too small to read its own lines
    const double size = r.size().y;
    std::string text = fit_text(shape.text, r.size().x, estimated_measure(size, shape.bold));
    if (text.empty()) return;
    PictureMark& words = add(PictureMark::Kind::text);
    words.rect = r;
    words.font_size = size;
    words.fill = shape.colour;
    words.bold = shape.bold;
    words.text = std::move(text);
  }

  void add_legend(glm::dvec2 at, double height) {
    const double font = height * 0.22;
    const double swatch = font;
    double x = at.x;
    double y = at.y + height * 0.3;
    PictureMark& group = add(PictureMark::Kind::group);
    group.text = "legend";
    group.label = "Legend";
    const double right = scene_.bounds.max.x;
    for (const LegendEntry& entry : scene_.legend) {
      const double width = swatch * 1.4 + estimated_measure(font, false)(entry.words);
      if (x > at.x && x + width > right) x = at.x, y += swatch * 2.0;  // wrap to a new row
      if (entry.line) {
        add_line({{x, y + swatch * 0.5}, {x + swatch, y + swatch * 0.5}}, entry.paint, 2.0, entry.dash);
        add_arrowhead(entry.head, {x + swatch, y + swatch * 0.5}, {x, y + swatch * 0.5}, swatch * 0.6, entry.paint);
      } else {
        PictureMark& box = add(PictureMark::Kind::rect);
        box.rect = {{x, y}, {x + swatch, y + swatch}};
        box.fill = entry.paint;
        box.stroke = Paint::outline;
      }
      PictureMark& words = add(PictureMark::Kind::text);
      words.rect = {{x + swatch * 1.4, y}, {x + width, y + font}};
      words.font_size = font;
      words.fill = Paint::text;
      words.text = entry.words;
      x += width + swatch * 1.5;
    }
    add(PictureMark::Kind::group_end);
  }
};

}  // namespace

Picture make_picture(const Scene& scene, double width) { return Painter(scene).paint(width); }

// The scene's bounds with a margin, and room for the legend below.
Picture picture_frame(const Scene& scene, double width) {
  const Rect b = scene.bounds;
  const FrameRoom room = frame_room(b);
  Picture frame;
  frame.view = {b.min - room.margin, {b.max.x + room.margin, b.max.y + room.margin + room.legend}};
  frame.width = width;
  frame.height = width * frame.view.size().y / std::max(frame.view.size().x, 1e-9);
  return frame;
}

std::vector<Paint> picture_paints() {
  std::vector<Paint> paints;
  for (const PaintColour& p : palette) paints.push_back(p.paint);
  return paints;
}

const char* picture_colour(Paint paint) {
  const PaintColour* found = find_paint(paint);
  return found ? found->colour : "none";
}

const char* picture_paint_name(Paint paint) {
  const PaintColour* found = find_paint(paint);
  return found ? found->name : "none";
}

std::string picture_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

std::string picture_json(const Picture& picture) {
  std::string out;
  out.reserve(picture.marks.size() * 48);
  // Numbers, comma-separated (paints, patterns and flags are whole numbers).
  const auto numbers = [&](std::initializer_list<double> values) {
    bool first = true;
    for (double value : values) {
      if (!first) out += ',';
      first = false;
      out += picture_number(value);
    }
  };
  const auto code = [](auto value) { return static_cast<double>(value); };
  const auto points = [&](const std::vector<glm::dvec2>& list) {
    for (glm::dvec2 p : list) {
      out += ',';
      numbers({p.x, p.y});
    }
  };
  out += "{\"width\":";
  numbers({picture.width});
  out += ",\"height\":";
  numbers({picture.height});
  out += ",\"view\":[";
  numbers({picture.view.min.x, picture.view.min.y, picture.view.size().x, picture.view.size().y});
  out += std::string("],\"background\":\"") + picture_background + "\",\"colours\":{";
  for (const PaintColour& p : palette) {
    out += (&p == palette.data() ? "\"" : ",\"") + std::to_string(static_cast<int>(p.paint)) + "\":\"" + p.colour + '"';
  }
  out += "},\"marks\":[";
  bool first = true;
  for (const PictureMark& mark : picture.marks) {
    const Rect& r = mark.rect;
    switch (mark.kind) {
      case PictureMark::Kind::group:
      case PictureMark::Kind::group_end: continue;  // the SVG's alone
      case PictureMark::Kind::rect:
        out += first ? "[0," : ",[0,";
        numbers({r.min.x, r.min.y, r.size().x, r.size().y, mark.rounding, code(mark.fill), code(mark.stroke), mark.stroke_width,
                 code(mark.dash), code(mark.hatched)});
        break;
      case PictureMark::Kind::polyline:
        out += first ? "[1," : ",[1,";
        numbers({code(mark.stroke), mark.stroke_width, code(mark.dash)});
        points(mark.points);
        break;
      case PictureMark::Kind::polygon:
        out += first ? "[2," : ",[2,";
        numbers({code(mark.fill), code(mark.stroke)});
        points(mark.points);
        break;
      case PictureMark::Kind::text:
        out += first ? "[3," : ",[3,";
        numbers({r.min.x, r.min.y, mark.font_size, code(mark.fill), code(mark.bold)});
        out += ',';
        model::append_json_string(out, mark.text);
        break;
    }
    first = false;
    out += ']';
  }
  out += "]}";
  return out;
}

}  // namespace layout
