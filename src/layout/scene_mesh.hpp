#pragma once
// A scene's shapes as triangles for the GPU, built once per level of detail
// and then drawn at any camera within that level by a transform alone.
//
// What a level decides (which items are plain blocks, which groups are one
// block under their name, which line labels are hidden) is worked out here
// at the level's scale and handed back per item, so that the canvas draws
// text to match. Everything measured in screen pixels (stroke widths, dash
// patterns, arrowheads, hatching) is left to the vertex and fragment
// shaders, which know the camera: a line stays one pixel wide at any zoom
// within the level. Text is not in the mesh: the canvas draws it each frame.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/scene.hpp"
#include "layout/text_fit.hpp"

namespace layout {

// What a vertex is part of; the shaders size each kind differently.
enum class MeshKind : std::uint8_t {
  fill,          // a box's fill
  hatched_fill,  // a box's fill with diagonal stripes over it (outside a band)
  line,          // a line's stroke: max(0.5, width × zoom factor) pixels wide
  outline,       // a box's outline: width pixels wide, whatever the zoom
  mark_fill,     // a filled arrowhead, sized by the zoom factor
  mark_outline,  // an open arrowhead or a bar, stroked 1.5 pixels wide
  edged_fill,          // a fill moved along `normal` by half the outline's width and along `cap` by half a pixel
                       // (a box's outline and inside as two quads)
  edged_hatched_fill,  // the same, hatched
};

// 44 bytes. Positions are world units from the mesh's origin (floats keep
// a fraction of a pixel at the zooms a mesh is used for).
struct MeshVertex {
  float x = 0.0f, y = 0.0f;
  float offset_x = 0.0f, offset_y = 0.0f;  // marks: the point of an arrowhead one unit long
  float normal_x = 0.0f, normal_y = 0.0f;  // strokes: across the stroke, outwards on this vertex's side
  float cap_x = 0.0f, cap_y = 0.0f;        // strokes: along the stroke, outwards at its ends
  float along = 0.0f;                      // strokes: world distance from the path's start (dashes)
  float width = 0.0f;                      // strokes and marks: the style's stroke width in CSS pixels
  std::uint8_t paint = 0;                  // a Paint, with mesh_faded set when its item is faded
  std::uint8_t kind = 0;                   // a MeshKind
  std::uint8_t dash = 0;                   // a Dash
  std::uint8_t side = 1;                   // strokes: 0 one edge, 2 the other; 1 fills
};

// Set in a vertex's paint when its item is faded (drawn at a quarter of
// its opacity): a selection's neighbourhood is lit, the rest faded.
inline constexpr std::uint8_t mesh_faded = 0x80;

// Per item, at the mesh's level.
enum ItemDetail : std::uint8_t {
  detail_tiny = 1,          // one plain block: no outline, text or insides
  detail_collapsed = 2,     // a group drawn as one block under its name
  detail_label_hidden = 4,  // a line whose label is too small to read
};

struct SceneMesh {
  std::vector<MeshVertex> vertices;
  std::vector<std::uint32_t> indices;
  std::vector<std::uint8_t> detail;  // ItemDetail bits, one per scene item
  glm::dvec2 origin{0.0, 0.0};       // the world point vertex positions count from
  double scale = 1.0;                // the device pixels per world unit it was built for
};

// The width of a text in device pixels at a font size (device pixels).
using SizedMeasure = std::function<double(std::string_view text, double size, bool bold)>;

// Levels are steps of √2 in device pixels per world unit; a level's scale
// is its middle, so that no decision is more than a fifth out.
int mesh_level(double device_scale);
double mesh_level_scale(int level);

// Sizes in CSS pixels below which the canvas simplifies, shared with it.
inline constexpr double smallest_block = 2.0;  // an item and its insides are one block

// Whether an item is one plain block at this scale (lines never are).
bool item_is_tiny(const Scene& scene, const Item& item, double device_scale, double pixel_ratio);
// Whether a line's label is too small to read at this scale.
bool line_label_hidden(const Scene& scene, const Item& item, double device_scale, double pixel_ratio);

// A box's stand-in name (a `fallback` text) as drawn at this scale: its
// words wrapped at the least readable size (`measure` measures at that
// size), or none when the box's own lines are readable or it has no room.
// A group with a stand-in drawn is one block under it.
std::vector<std::string> stand_in_lines(const Scene& scene, const Shape& shape, double device_scale, double pixel_ratio,
                                        const MeasureText& measure);

// `faded`: empty, or one flag per scene item, set for the items faded.
SceneMesh build_scene_mesh(const Scene& scene, int level, double pixel_ratio, const SizedMeasure& measure,
                           const std::vector<bool>& faded = {});

}  // namespace layout
