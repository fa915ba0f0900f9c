#include "ui/retained_scene.hpp"

#include <algorithm>
#include <cstdlib>
#include <list>

#include "layout/camera.hpp"
#include "ui/theme.hpp"

namespace ui {

namespace {

// Below this many shapes a frame is cheap to draw whole, and drawn exactly.
constexpr std::size_t least_shapes = 4000;
// A mesh holds the whole scene: worth it while a good part of it is in view.
constexpr double least_share_in_view = 0.25;
// Meshes kept at once (levels passed through while zooming, and a second view).
constexpr std::size_t meshes_kept = 3;

struct KeptMesh {
  std::uint64_t key = 0;
  std::uint64_t scene = 0;
  int level = 0;
  double ratio = 0.0;
  glm::dvec2 origin{0.0, 0.0};
  std::set<std::string> lit;  // empty: nothing faded
  std::vector<std::uint8_t> detail;
};

SceneGpu* gpu = nullptr;
std::list<KeptMesh> kept;  // most recently used first
std::uint64_t next_key = 0;

bool worth_keeping(const layout::Scene& scene, const app::CanvasState& canvas, app::KeepOnGpu keep) {
  if (!gpu || keep == app::KeepOnGpu::never || scene.bounds.empty()) return false;
  if (keep == app::KeepOnGpu::always) return true;
  if (scene.shapes.size() < least_shapes) return false;
  const layout::Rect view = layout::visible_world_rect(canvas.camera, canvas.viewport);
  const glm::dvec2 overlap = glm::max(glm::min(view.max, scene.bounds.max) - glm::max(view.min, scene.bounds.min), glm::dvec2(0.0));
  const glm::dvec2 whole = scene.bounds.size();
  return overlap.x * overlap.y >= least_share_in_view * whole.x * whole.y;
}

// While the camera glides, any level of this scene will do (the closest):
// the frames pass quickly, and a glide across the country would otherwise
// build a mesh at every level it passes. The level it stops at is built then.
KeptMesh& mesh_for(const layout::Scene& scene, int level, double ratio, const std::set<std::string>& lit, const Fonts& fonts,
                   bool gliding) {
  const auto same_drawing = [&](const KeptMesh& mesh) { return mesh.scene == scene.serial && mesh.ratio == ratio && mesh.lit == lit; };
  auto found = std::find_if(kept.begin(), kept.end(), [&](const KeptMesh& mesh) { return same_drawing(mesh) && mesh.level == level; });
  if (found == kept.end() && gliding) {
    for (auto it = kept.begin(); it != kept.end(); ++it) {
      if (!same_drawing(*it)) continue;
      if (found == kept.end() || std::abs(it->level - level) < std::abs(found->level - level)) found = it;
    }
  }
  if (found != kept.end()) {
    kept.splice(kept.begin(), kept, found);
    return kept.front();
  }
  const layout::SizedMeasure measure = [&](std::string_view text, double size, bool bold) {
    ImFont* font = bold ? fonts.heading : fonts.body;
    return static_cast<double>(font->CalcTextSizeA(static_cast<float>(size), 1e9f, 0.0f, text.data(), text.data() + text.size()).x);
  };
  const std::vector<bool> faded = lit.empty() ? std::vector<bool>{} : layout::items_faded(scene, lit);
  layout::SceneMesh mesh = layout::build_scene_mesh(scene, level, ratio, measure, faded);
  KeptMesh entry{++next_key, scene.serial, level, ratio, mesh.origin, lit, std::move(mesh.detail)};
  gpu->keep(entry.key, mesh);
  kept.push_front(std::move(entry));
  // Meshes of scenes built again since are of no more use; then the oldest.
  for (auto it = std::next(kept.begin()); it != kept.end();) {
    if (it->scene != scene.serial || kept.size() > meshes_kept) {
      gpu->forget(it->key);
      it = kept.erase(it);
    } else {
      ++it;
    }
  }
  return kept.front();
}

void set_colour(float* rgba, ImU32 colour) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
  rgba[0] = c.x;
  rgba[1] = c.y;
  rgba[2] = c.z;
  rgba[3] = c.w;
}

}  // namespace

void set_scene_gpu(SceneGpu* renderer) { gpu = renderer; }

const std::vector<std::uint8_t>* draw_retained(ImDrawList& draw, const layout::Scene& scene, const app::CanvasState& canvas,
                                               app::Theme theme, const Fonts& fonts, app::KeepOnGpu keep,
                                               const std::set<std::string>* lit) {
  if (!worth_keeping(scene, canvas, keep)) return nullptr;
  static const std::set<std::string> none;
  const double ratio = canvas.viewport.pixel_ratio;
  const double scale = layout::device_pixels_per_world_unit(canvas.camera, canvas.viewport);
  const KeptMesh& mesh = mesh_for(scene, layout::mesh_level(scale), ratio, lit ? *lit : none, fonts, canvas.animation.has_value());
  MeshTransform transform;
  const glm::dvec2 at = layout::world_to_screen(canvas.camera, canvas.viewport, mesh.origin);
  transform.translate[0] = static_cast<float>(at.x);
  transform.translate[1] = static_cast<float>(at.y);
  transform.scale = static_cast<float>(scale);
  transform.ratio = static_cast<float>(ratio);
  transform.zoom_width = static_cast<float>(ratio * std::clamp(canvas.camera.zoom, 0.25, 2.0));
  transform.display[0] = ImGui::GetIO().DisplaySize.x;
  transform.display[1] = ImGui::GetIO().DisplaySize.y;
  for (int paint = 0; paint < mesh_palette_size; ++paint) {
    set_colour(&transform.palette[static_cast<std::size_t>(paint) * 4], paint_colour(theme, static_cast<layout::Paint>(paint)));
  }
  set_colour(transform.hatch, paint_colour(theme, layout::Paint::practice));
  gpu->draw(draw, mesh.key, transform);
  return &mesh.detail;
}

}  // namespace ui
