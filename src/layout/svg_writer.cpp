#include "layout/svg_writer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <utility>

#include "layout/text_fit.hpp"

namespace layout {

namespace {

// The light theme (NHS identity colours), as CSS classes by Paint.
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

const char* paint_name(Paint paint) {
  for (const PaintColour& p : palette) {
    if (p.paint == paint) return p.name;
  }
  return "none";
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

class Writer {
 public:
  Writer(const Scene& scene, const SvgOptions& options) : scene_(scene), options_(options) {}

  std::string write() {
    const Rect b = scene_.bounds;
    const double margin = std::max(b.size().x, b.size().y) * 0.02;
    const double legend_height = std::max(b.size().x, b.size().y) * 0.06;
    view_ = {b.min - margin, {b.max.x + margin, b.max.y + margin + legend_height}};
    const double height = options_.width * view_.size().y / std::max(view_.size().x, 1e-9);
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(options_.width) + "\" height=\"" + number(height) +
            "\" viewBox=\"" + number(view_.min.x) + " " + number(view_.min.y) + " " + number(view_.size().x) + " " +
            number(view_.size().y) + "\" role=\"img\" aria-labelledby=\"title desc\">\n";
    out_ += "<title id=\"title\">" + escape_xml(options_.title) + "</title>\n";
    out_ += "<desc id=\"desc\">" + escape_xml(options_.description) + "</desc>\n";
    write_style();
    out_ += "<rect class=\"canvas\" x=\"" + number(view_.min.x) + "\" y=\"" + number(view_.min.y) + "\" width=\"" +
            number(view_.size().x) + "\" height=\"" + number(view_.size().y) + "\"/>\n";
    for (std::size_t i = 0; i < scene_.items.size(); i = scene_.items[i].end) write_item(i);
    write_legend({b.min.x, b.max.y + margin * 0.5}, legend_height);
    out_ += "</svg>\n";
    return std::move(out_);
  }

 private:
  const Scene& scene_;
  const SvgOptions& options_;
  Rect view_;
  std::string out_;

  void write_style() {
    // Strokes keep one width however far the picture is scaled.
    out_ += "<defs>\n<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\" patternTransform=\"rotate(45)\">"
            "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#ffffff\" stroke-width=\"1.5\"/></pattern>\n<style>\n";
    out_ += ".canvas{fill:#f0f4f5}\n.f-none{fill:none}\nrect,polyline,line{vector-effect:non-scaling-stroke}\ntext{font-family:'Liberation Sans',Arial,Helvetica,sans-serif}\n";
    for (const PaintColour& p : palette) {
      out_ += std::string(".f-") + p.name + "{fill:" + p.colour + "}\n";
      out_ += std::string(".s-") + p.name + "{stroke:" + p.colour + "}\n";
    }
    out_ += "</style>\n</defs>\n";
  }

  void write_item(std::size_t index) {
    const Item& item = scene_.items[index];
    out_ += "<g id=\"" + escape_xml(item.role + "-" + item.id) + "\" aria-label=\"" + escape_xml(item.label) + "\">\n<title>" +
            escape_xml(item.label) + "</title>\n";
    for (std::size_t s = item.first_shape; s < item.first_shape + item.shape_count; ++s) write_shape(scene_.shapes[s]);
    for (std::size_t child = index + 1; child < item.end; child = scene_.items[child].end) write_item(child);
    out_ += "</g>\n";
  }

  // A patterned stroke's width and pattern, in the picture's own units so that
  // they come out in pixels of the picture as written (a national drawing is
  // scaled down a hundredfold: a pattern left in its units would be millions
  // of specks, slow to draw and unseen). Renderers disagree on patterns under
  // non-scaling strokes, so a patterned stroke scales with the picture.
  std::string stroke_attributes(Dash dash, double width) const {
    const double unit = view_.size().x / std::max(options_.width, 1e-9);  // units per pixel
    const std::string sized = " stroke-width=\"" + number(width * unit) + "\"";
    if (dash == Dash::solid) return width != 1.0 ? " stroke-width=\"" + number(width) + "\"" : "";
    const double on = dash == Dash::dashed ? 6.0 : 1.5;
    const double off = dash == Dash::dashed ? 4.0 : 3.0;
    return " style=\"vector-effect:none\"" + sized + " stroke-dasharray=\"" + number(on * unit) + " " + number(off * unit) + "\"";
  }

  void write_line(const Shape& shape) {
    if (shape.points.size() < 2) return;
    std::string points;
    for (glm::dvec2 p : shape.points) points += (points.empty() ? "" : " ") + number(p.x) + "," + number(p.y);
    out_ += "<polyline points=\"" + points + "\" class=\"f-none s-" + paint_name(shape.style.stroke) + "\"" +
            stroke_attributes(shape.style.dash, static_cast<double>(shape.style.stroke_width)) + "/>\n";
    write_arrowhead(shape.head, shape.points.back(), shape.points[shape.points.size() - 2],
                    5.0 + static_cast<double>(shape.style.stroke_width) * 2.0, shape.style.stroke);
  }

  void write_arrowhead(Arrowhead head, glm::dvec2 tip, glm::dvec2 from, double size, Paint paint) {
    const ArrowheadShape mark = arrowhead_shape(head, tip, from, size);
    if (mark.points.empty()) return;
    std::string points;
    for (glm::dvec2 p : mark.points) points += (points.empty() ? "" : " ") + number(p.x) + "," + number(p.y);
    if (!mark.closed) {
      out_ += "<polyline points=\"" + points + "\" class=\"f-none s-" + paint_name(paint) + "\" stroke-width=\"2\"/>\n";
    } else {
      out_ += "<polygon points=\"" + points + "\" class=\"" + (mark.filled ? "f-" + std::string(paint_name(paint)) : std::string("f-label")) +
              " s-" + paint_name(paint) + "\"/>\n";
    }
  }

  void write_shape(const Shape& shape) {
    const Rect& r = shape.rect;
    if (shape.kind == Shape::Kind::line) return write_line(shape);
    if (shape.kind == Shape::Kind::box) {
      const std::string rounding = shape.style.rounding > 0.0 ? " rx=\"" + number(std::min(shape.style.rounding, r.size().y * 0.5)) + "\"" : "";
      out_ += "<rect x=\"" + number(r.min.x) + "\" y=\"" + number(r.min.y) + "\" width=\"" + number(r.size().x) + "\" height=\"" +
              number(r.size().y) + "\"" + rounding + " class=\"f-" + paint_name(shape.style.fill) +
              (shape.style.stroke != Paint::none ? std::string(" s-") + paint_name(shape.style.stroke) : std::string()) + "\"" +
              stroke_attributes(shape.style.dash, static_cast<double>(shape.style.stroke_width)) + "/>\n";
      if (shape.style.hatched) {
        out_ += "<rect x=\"" + number(r.min.x) + "\" y=\"" + number(r.min.y) + "\" width=\"" + number(r.size().x) + "\" height=\"" +
                number(r.size().y) + "\" fill=\"url(#hatch)\"/>\n";
      }
      return;
    }
    if (shape.fallback) return;  // a vector picture is never too small to read its own lines
    const double size = r.size().y;
    const std::string text = fit_text(shape.text, r.size().x, estimated_measure(size, shape.bold));
    if (text.empty()) return;
    out_ += "<text x=\"" + number(r.min.x) + "\" y=\"" + number(r.min.y + size * 0.85) + "\" font-size=\"" + number(size) +
            "\" class=\"f-" + paint_name(shape.colour) + "\"" + (shape.bold ? " font-weight=\"bold\"" : "") + ">" + escape_xml(text) +
            "</text>\n";
  }

  void write_legend(glm::dvec2 at, double height) {
    const double font = height * 0.22;
    const double swatch = font;
    double x = at.x;
    double y = at.y + height * 0.3;
    out_ += "<g id=\"legend\" aria-label=\"Legend\">\n";
    const double right = scene_.bounds.max.x;
    for (const LegendEntry& entry : scene_.legend) {
      const Paint paint = entry.paint;
      const std::string& words = entry.words;
      const double width = swatch * 1.4 + estimated_measure(font, false)(words);
      if (x > at.x && x + width > right) x = at.x, y += swatch * 2.0;  // wrap to a new row
      if (entry.line) {
        out_ += "<line x1=\"" + number(x) + "\" y1=\"" + number(y + swatch * 0.5) + "\" x2=\"" + number(x + swatch) + "\" y2=\"" +
                number(y + swatch * 0.5) + "\" class=\"s-" + paint_name(paint) + "\"" + stroke_attributes(entry.dash, 2.0) + "/>\n";
        write_arrowhead(entry.head, {x + swatch, y + swatch * 0.5}, {x, y + swatch * 0.5}, swatch * 0.6, paint);
      } else {
        out_ += "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(swatch) + "\" height=\"" + number(swatch) +
                "\" class=\"f-" + paint_name(paint) + " s-outline\"/>\n";
      }
      out_ += "<text x=\"" + number(x + swatch * 1.4) + "\" y=\"" + number(y + swatch * 0.85) + "\" font-size=\"" + number(font) +
              "\" class=\"f-text\">" + escape_xml(words) + "</text>\n";
      x += width + swatch * 1.5;
    }
    out_ += "</g>\n";
  }
};

}  // namespace

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // Control characters other than tab and newline are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') out += ' ';
        else out += c;
    }
  }
  return out;
}

std::string write_svg(const Scene& scene, const SvgOptions& options) { return Writer(scene, options).write(); }

SvgOptions view_svg_options(const std::string& plan_name, bool governance) {
  return {plan_name,
          governance ? "The governance of " + plan_name +
                           ": organisations, boards, committees and posts, with the lines between them showing who reports to, "
                           "delegates to, advises or is a member of whom. National bodies are at the top, then regional, system "
                           "and place ones."
                     : "The population layers of " + plan_name +
                           ": each block is a unit (region, system, place, Primary Care Network, GP practice), "
                           "sized by its population, inside the unit it belongs to.",
          1600.0};
}

}  // namespace layout
