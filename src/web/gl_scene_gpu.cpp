#include "web/gl_scene_gpu.hpp"

#include <cstddef>

#include "web/gl_program.hpp"

namespace web {

namespace {

static_assert(sizeof(layout::MeshVertex) == 44, "the attribute layout below follows MeshVertex");

// Paints index the palette; layout::mesh_faded (128) marks a faded item's.
// Kinds as in layout::MeshKind: 0 fill, 1 hatched fill, 2 line, 3 outline,
// 4 filled mark, 5 stroked mark, 6 edged fill, 7 edged hatched fill. Dashes as layout::Dash: 0 solid, 1 dashed, 2 dotted.
// Sizes follow the canvas's immediate drawing (ui/scene_view.cpp).
constexpr const char* vertex_source = R"(#version 300 es
precision highp float;
uniform vec2 u_translate;
uniform float u_scale;
uniform float u_ratio;
uniform float u_zoom_width;
uniform vec2 u_display;
uniform vec4 u_palette[64];
layout(location = 0) in vec2 a_world;
layout(location = 1) in vec2 a_offset;
layout(location = 2) in vec2 a_normal;
layout(location = 3) in vec2 a_cap;
layout(location = 4) in vec2 a_along_width;
layout(location = 5) in uvec4 a_meta;
out vec4 v_colour;
out float v_across;
out float v_half;
out float v_along;
flat out uint v_kind;
flat out uint v_dash;
void main() {
  uint kind = a_meta.y;
  float width = a_along_width.y;
  vec2 p = u_translate + a_world * u_scale;
  float half_width = 0.0;
  // A line is never under a device pixel: thinner, far out, it would break up into dots.
  if (kind == 2u) half_width = 0.5 * max(max(0.5 * u_ratio, 1.0), width * u_zoom_width);
  else if (kind == 3u) half_width = 0.5 * u_ratio * width;
  else if (kind == 5u) half_width = 0.75 * u_ratio;
  if (kind >= 6u) p += a_normal * 0.5 * u_ratio * width + a_cap * 0.5;  // edged fills
  if (kind == 4u || kind == 5u) {
    float size = (4.0 + 2.0 * width) * u_zoom_width;
    if (size < 2.0 * u_ratio) {  // too small to see: left out, as the canvas does
      gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
      return;
    }
    p += a_offset * size;
  }
  // Far out, lines are a pixel wide and sit on a row of pixels, not between two.
  if (kind == 2u && u_zoom_width < 0.6 * u_ratio && width * u_zoom_width <= 1.0) {
    p = floor(p) + 0.5;
    half_width = 0.5;
  }
  float reach = half_width > 0.0 ? half_width + 1.0 : 0.0;  // a pixel more, to fade the edge
  p += a_normal * reach + a_cap * half_width;
  v_across = (float(a_meta.w) - 1.0) * reach;
  v_half = half_width;
  v_along = a_along_width.x * u_scale;
  v_kind = kind;
  v_dash = (kind == 2u && u_zoom_width < 0.6 * u_ratio) ? 0u : a_meta.z;  // far out a pattern cannot be seen
  v_colour = u_palette[a_meta.x & 127u];
  if (a_meta.x >= 128u) v_colour.a *= 0.25;  // faded: outside a selection's neighbourhood
  gl_Position = vec4(p.x / u_display.x * 2.0 - 1.0, 1.0 - p.y / u_display.y * 2.0, 0.0, 1.0);
}
)";

constexpr const char* fragment_source = R"(#version 300 es
precision highp float;
uniform float u_ratio;
uniform vec4 u_hatch;
in vec4 v_colour;
in float v_across;
in float v_half;
in float v_along;
flat in uint v_kind;
flat in uint v_dash;
out vec4 o_colour;
void main() {
  vec4 colour = v_colour;
  if ((v_kind == 1u || v_kind == 7u) && mod(gl_FragCoord.x - gl_FragCoord.y, 4.0 * u_ratio) < 1.4 * u_ratio) colour = u_hatch;
  if (v_half > 0.0) colour.a *= clamp(v_half + 0.5 - abs(v_across), 0.0, 1.0);
  if (v_dash != 0u) {
    float on = v_dash == 1u ? 6.0 * u_ratio : 1.5 * u_ratio;
    float off = v_dash == 1u ? 4.0 * u_ratio : 3.0 * u_ratio;
    if (mod(v_along, on + off) > on) discard;
  }
  o_colour = colour;
}
)";


void attribute(GLuint location, GLint size, std::size_t offset) {
  glEnableVertexAttribArray(location);
  glVertexAttribPointer(location, size, GL_FLOAT, GL_FALSE, sizeof(layout::MeshVertex), reinterpret_cast<const void*>(offset));
}

}  // namespace

GlSceneGpu::GlSceneGpu() {
  program_ = link_program(vertex_source, fragment_source);
  translate_ = glGetUniformLocation(program_, "u_translate");
  scale_ = glGetUniformLocation(program_, "u_scale");
  ratio_ = glGetUniformLocation(program_, "u_ratio");
  zoom_width_ = glGetUniformLocation(program_, "u_zoom_width");
  display_ = glGetUniformLocation(program_, "u_display");
  palette_ = glGetUniformLocation(program_, "u_palette");
  hatch_ = glGetUniformLocation(program_, "u_hatch");
}

GlSceneGpu::~GlSceneGpu() {
  for (const auto& [key, buffers] : kept_) {
    glDeleteVertexArrays(1, &buffers.vertex_array);
    glDeleteBuffers(1, &buffers.vertices);
    glDeleteBuffers(1, &buffers.indices);
  }
  glDeleteProgram(program_);
}

void GlSceneGpu::keep(std::uint64_t key, const layout::SceneMesh& mesh) {
  forget(key);
  Buffers buffers;
  glGenVertexArrays(1, &buffers.vertex_array);
  glBindVertexArray(buffers.vertex_array);
  glGenBuffers(1, &buffers.vertices);
  glBindBuffer(GL_ARRAY_BUFFER, buffers.vertices);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.vertices.size() * sizeof(layout::MeshVertex)), mesh.vertices.data(), GL_STATIC_DRAW);
  glGenBuffers(1, &buffers.indices);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffers.indices);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)), mesh.indices.data(), GL_STATIC_DRAW);
  attribute(0, 2, offsetof(layout::MeshVertex, x));
  attribute(1, 2, offsetof(layout::MeshVertex, offset_x));
  attribute(2, 2, offsetof(layout::MeshVertex, normal_x));
  attribute(3, 2, offsetof(layout::MeshVertex, cap_x));
  attribute(4, 2, offsetof(layout::MeshVertex, along));
  glEnableVertexAttribArray(5);
  glVertexAttribIPointer(5, 4, GL_UNSIGNED_BYTE, sizeof(layout::MeshVertex), reinterpret_cast<const void*>(offsetof(layout::MeshVertex, paint)));
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  buffers.index_count = static_cast<GLsizei>(mesh.indices.size());
  kept_[key] = buffers;
}

void GlSceneGpu::forget(std::uint64_t key) {
  const auto found = kept_.find(key);
  if (found == kept_.end()) return;
  glDeleteVertexArrays(1, &found->second.vertex_array);
  glDeleteBuffers(1, &found->second.vertices);
  glDeleteBuffers(1, &found->second.indices);
  kept_.erase(found);
}

void GlSceneGpu::draw(ImDrawList& list, std::uint64_t key, const ui::MeshTransform& transform) {
  const auto found = kept_.find(key);
  if (found == kept_.end() || found->second.index_count == 0) return;
  draws_.push_back({this, found->second, transform});
  list.AddCallback(&GlSceneGpu::run, &draws_.back());
  list.AddCallback(ImDrawCallback_ResetRenderState, nullptr);  // ImGui's own program and buffers again
}

void GlSceneGpu::run(const ImDrawList*, const ImDrawCmd* command) {
  const Draw& draw = *static_cast<const Draw*>(command->UserCallbackData);
  draw.gpu->render(draw, *command);
}

void GlSceneGpu::render(const Draw& draw, const ImDrawCmd& command) const {
  const ui::MeshTransform& t = draw.transform;
  const ImVec4 clip = command.ClipRect;  // ImGui's coordinates are the buffer's pixels, y down
  glScissor(static_cast<GLint>(clip.x), static_cast<GLint>(t.display[1] - clip.w), static_cast<GLsizei>(clip.z - clip.x),
            static_cast<GLsizei>(clip.w - clip.y));
  glUseProgram(program_);
  glUniform2f(translate_, t.translate[0], t.translate[1]);
  glUniform1f(scale_, t.scale);
  glUniform1f(ratio_, t.ratio);
  glUniform1f(zoom_width_, t.zoom_width);
  glUniform2f(display_, t.display[0], t.display[1]);
  glUniform4fv(palette_, ui::mesh_palette_size, t.palette.data());
  glUniform4fv(hatch_, 1, t.hatch);
  glBindVertexArray(draw.buffers.vertex_array);
  glDrawElements(GL_TRIANGLES, draw.buffers.index_count, GL_UNSIGNED_INT, nullptr);
  glBindVertexArray(0);
}

}  // namespace web
