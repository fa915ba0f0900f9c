#pragma once
// The GPU's part of kept meshes (ui/retained_scene.hpp) in WebGL2: each
// mesh's vertices and indices in buffers of their own, drawn by a shader
// that places them by the frame's transform, from a callback in ImGui's
// draw list (so that they fall between the canvas's background and its text).
#include <GLES3/gl3.h>

#include <deque>
#include <map>

#include "ui/retained_scene.hpp"

namespace web {

class GlSceneGpu final : public ui::SceneGpu {
 public:
  GlSceneGpu();
  ~GlSceneGpu() override;
  GlSceneGpu(const GlSceneGpu&) = delete;
  GlSceneGpu& operator=(const GlSceneGpu&) = delete;

  void keep(std::uint64_t key, const layout::SceneMesh& mesh) override;
  void forget(std::uint64_t key) override;
  void draw(ImDrawList& draw, std::uint64_t key, const ui::MeshTransform& transform) override;

  // Called before each frame is built: the last frame's draws are done.
  void begin_frame() { draws_.clear(); }

 private:
  struct Buffers {
    GLuint vertex_array = 0;
    GLuint vertices = 0;
    GLuint indices = 0;
    GLsizei index_count = 0;
  };
  struct Draw {
    GlSceneGpu* gpu = nullptr;
    Buffers buffers;
    ui::MeshTransform transform;
  };
  static void run(const ImDrawList* list, const ImDrawCmd* command);
  void render(const Draw& draw, const ImDrawCmd& command) const;

  GLuint program_ = 0;
  GLint translate_ = -1, scale_ = -1, ratio_ = -1, zoom_width_ = -1, display_ = -1, palette_ = -1, hatch_ = -1;
  std::map<std::uint64_t, Buffers> kept_;
  std::deque<Draw> draws_;  // this frame's; a deque keeps their addresses for ImGui's callbacks
};

}  // namespace web
