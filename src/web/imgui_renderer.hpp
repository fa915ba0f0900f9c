#pragma once
// Draws ImGui's draw data with WebGL2. The page owns its GL context, so,
// unlike ImGui's general OpenGL backend, nothing is read back and restored
// around each frame: in WebGL a glGet is a round trip that waits for the GPU
// to finish what it was given (on a software GPU, most of a frame). One
// vertex array and its buffers live as long as the page.
#include <GLES3/gl3.h>
#include <imgui.h>

namespace web {

class ImGuiRenderer {
 public:
  ImGuiRenderer();
  ~ImGuiRenderer();
  ImGuiRenderer(const ImGuiRenderer&) = delete;
  ImGuiRenderer& operator=(const ImGuiRenderer&) = delete;

  // The font atlas as a texture, again after the fonts were built anew.
  void upload_fonts();
  // Draws a frame's draw data into the drawing buffer, `width` × `height` pixels.
  void render(const ImDrawData& data, int width, int height);

 private:
  void set_up(const ImDrawData& data, int width, int height) const;

  GLuint program_ = 0;
  GLint projection_ = -1;
  GLint texture_unit_ = -1;
  GLuint vertex_array_ = 0;
  GLuint vertices_ = 0;
  GLuint indices_ = 0;
  GLuint font_texture_ = 0;
};

}  // namespace web
