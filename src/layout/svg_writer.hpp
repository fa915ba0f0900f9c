#pragma once
// A scene as a standalone SVG file: text as text (searchable, selectable,
// read by screen readers), every plan string escaped, the light theme's
// colours, a title, a description and a legend.
#include <string>

#include "layout/scene.hpp"

namespace layout {

struct SvgOptions {
  std::string title;        // the plan's name
  std::string description;  // what the picture shows, in a sentence
  double width = 1600.0;    // the picture's width in CSS pixels; the height follows
};

std::string write_svg(const Scene& scene, const SvgOptions& options);

// The title and description of a plan's view ("layers" or "governance"),
// as planner-cli svg and the page's export both give them.
SvgOptions view_svg_options(const std::string& plan_name, bool governance);

// Escapes text for XML content and attribute values (& < > " ').
std::string escape_xml(std::string_view text);

}  // namespace layout
