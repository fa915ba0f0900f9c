#pragma once
// Boxes and lines kept on the GPU (layout/scene_mesh), one mesh per level of
// detail, so that a frame of a big view hands WebGL a transform instead of
// every vertex again. The page's renderer does the GPU's part (SceneGpu);
// here is when a kept mesh is used, built and let go.
#include <imgui.h>

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "app/app_state.hpp"
#include "layout/scene.hpp"
#include "layout/scene_mesh.hpp"
#include "ui/fonts.hpp"

namespace ui {

inline constexpr int mesh_palette_size = 64;

// What the shaders need to place and colour a kept mesh this frame.
struct MeshTransform {
  float translate[2] = {0.0f, 0.0f};  // device pixels: where the mesh's origin is drawn
  float scale = 1.0f;                 // device pixels per world unit
  float ratio = 1.0f;                 // device pixels per CSS pixel
  float zoom_width = 1.0f;            // the canvas's line factor: ratio × zoom within [0.25, 2]
  float display[2] = {1.0f, 1.0f};    // the drawing buffer, device pixels
  std::array<float, 4 * mesh_palette_size> palette{};  // each Paint's colour, RGBA from 0 to 1
  float hatch[4] = {1.0f, 1.0f, 1.0f, 1.0f};             // the stripes over hatched fills
};

class SceneGpu {
 public:
  virtual ~SceneGpu() = default;
  virtual void keep(std::uint64_t key, const layout::SceneMesh& mesh) = 0;
  virtual void forget(std::uint64_t key) = 0;
  // Adds to `draw` a command that draws the kept mesh with `transform`.
  virtual void draw(ImDrawList& draw, std::uint64_t key, const MeshTransform& transform) = 0;
};

// The page sets its renderer once; without one every shape is drawn each frame.
void set_scene_gpu(SceneGpu* gpu);

// When it pays (a big scene, mostly in view), adds the scene's boxes and
// lines to `draw` from a mesh kept on the GPU (built first if this level,
// with these items lit, has none yet) and returns the level's decisions
// per item for draw_scene's text. Null: draw every shape. `lit`, when
// given, is what stays bright; the rest but bands is faded, as draw_scene
// fades it.
const std::vector<std::uint8_t>* draw_retained(ImDrawList& draw, const layout::Scene& scene, const app::CanvasState& canvas,
                                               app::Theme theme, const Fonts& fonts, app::KeepOnGpu keep,
                                               const std::set<std::string>* lit = nullptr);

}  // namespace ui
