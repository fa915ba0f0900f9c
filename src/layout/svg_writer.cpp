#include "layout/svg_writer.hpp"

#include <utility>

#include "layout/picture.hpp"

namespace layout {

namespace {

std::string number(double value) { return picture_number(value); }

std::string points_of(const std::vector<glm::dvec2>& points) {
  std::string text;
  for (glm::dvec2 p : points) text += (text.empty() ? "" : " ") + number(p.x) + "," + number(p.y);
  return text;
}

class Writer {
 public:
  Writer(const Picture& picture, const SvgOptions& options) : picture_(picture), options_(options) {}

  std::string write() {
    const Rect& view = picture_.view;
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(picture_.width) + "\" height=\"" + number(picture_.height) +
            "\" viewBox=\"" + number(view.min.x) + " " + number(view.min.y) + " " + number(view.size().x) + " " +
            number(view.size().y) + "\" role=\"img\" aria-labelledby=\"title desc\">\n";
    out_ += "<title id=\"title\">" + escape_xml(options_.title) + "</title>\n";
    out_ += "<desc id=\"desc\">" + escape_xml(options_.description) + "</desc>\n";
    write_style();
    out_ += "<rect class=\"canvas\" x=\"" + number(view.min.x) + "\" y=\"" + number(view.min.y) + "\" width=\"" +
            number(view.size().x) + "\" height=\"" + number(view.size().y) + "\"/>\n";
    for (const PictureMark& mark : picture_.marks) write_mark(mark);
    out_ += "</svg>\n";
    return std::move(out_);
  }

 private:
  const Picture& picture_;
  const SvgOptions& options_;
  std::string out_;

  void write_style() {
    // Strokes keep one width however far the picture is scaled.
    out_ += "<defs>\n<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\" patternTransform=\"rotate(45)\">"
            "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#ffffff\" stroke-width=\"1.5\"/></pattern>\n<style>\n";
    out_ += std::string(".canvas{fill:") + picture_background +
            "}\n.f-none{fill:none}\nrect,polyline,line{vector-effect:non-scaling-stroke}\ntext{font-family:'Liberation Sans',Arial,Helvetica,sans-serif}\n";
    for (const Paint paint : picture_paints()) {
      out_ += std::string(".f-") + picture_paint_name(paint) + "{fill:" + picture_colour(paint) + "}\n";
      out_ += std::string(".s-") + picture_paint_name(paint) + "{stroke:" + picture_colour(paint) + "}\n";
    }
    out_ += "</style>\n</defs>\n";
  }

  // A patterned stroke's width and pattern, in the picture's own units so that
  // they come out in pixels of the picture as written (a national drawing is
  // scaled down a hundredfold: a pattern left in its units would be millions
  // of specks, slow to draw and unseen). Renderers disagree on patterns under
  // non-scaling strokes, so a patterned stroke scales with the picture.
  std::string stroke_attributes(Dash dash, double width) const {
    const double unit = picture_.unit();
    const std::string sized = " stroke-width=\"" + number(width * unit) + "\"";
    if (dash == Dash::solid) return width != 1.0 ? " stroke-width=\"" + number(width) + "\"" : "";
    const double on = dash == Dash::dashed ? 6.0 : 1.5;
    const double off = dash == Dash::dashed ? 4.0 : 3.0;
    return " style=\"vector-effect:none\"" + sized + " stroke-dasharray=\"" + number(on * unit) + " " + number(off * unit) + "\"";
  }

  std::string stroke_class(Paint stroke) const {
    return stroke != Paint::none ? std::string(" s-") + picture_paint_name(stroke) : std::string();
  }

  void write_mark(const PictureMark& mark) {
    const Rect& r = mark.rect;
    switch (mark.kind) {
      case PictureMark::Kind::group:
        out_ += "<g id=\"" + escape_xml(mark.text) + "\" aria-label=\"" + escape_xml(mark.label) + "\">\n<title>" + escape_xml(mark.label) +
                "</title>\n";
        return;
      case PictureMark::Kind::group_end: out_ += "</g>\n"; return;
      case PictureMark::Kind::rect: {
        const std::string place = "<rect x=\"" + number(r.min.x) + "\" y=\"" + number(r.min.y) + "\" width=\"" + number(r.size().x) +
                                  "\" height=\"" + number(r.size().y) + "\"";
        const std::string rounding = mark.rounding > 0.0 ? " rx=\"" + number(mark.rounding) + "\"" : "";
        out_ += place + rounding + " class=\"f-" + picture_paint_name(mark.fill) + stroke_class(mark.stroke) + "\"" +
                stroke_attributes(mark.dash, mark.stroke_width) + "/>\n";
        if (mark.hatched) out_ += place + " fill=\"url(#hatch)\"/>\n";
        return;
      }
      case PictureMark::Kind::polyline:
        out_ += "<polyline points=\"" + points_of(mark.points) + "\" class=\"f-none" + stroke_class(mark.stroke) + "\"" +
                stroke_attributes(mark.dash, mark.stroke_width) + "/>\n";
        return;
      case PictureMark::Kind::polygon:
        out_ += "<polygon points=\"" + points_of(mark.points) + "\" class=\"f-" + picture_paint_name(mark.fill) + stroke_class(mark.stroke) +
                "\"/>\n";
        return;
      case PictureMark::Kind::text:
        out_ += "<text x=\"" + number(r.min.x) + "\" y=\"" + number(r.min.y + mark.font_size * 0.85) + "\" font-size=\"" +
                number(mark.font_size) + "\" class=\"f-" + picture_paint_name(mark.fill) + "\"" + (mark.bold ? " font-weight=\"bold\"" : "") +
                ">" + escape_xml(mark.text) + "</text>\n";
        return;
    }
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

std::string write_svg(const Scene& scene, const SvgOptions& options) {
  return Writer(make_picture(scene, options.width), options).write();
}

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
