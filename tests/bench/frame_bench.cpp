// Times the layers view at national scale natively, for scripts/bench:
//   frame_bench [FRAMES]
// builds the national plan's scene, then draws it with Dear ImGui (no GPU:
// the draw lists are built and not sent anywhere) at the overview and
// zoomed in on a PCN, and prints the times in milliseconds as JSON.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "app/app_state.hpp"
#include "cli/national_plan.hpp"
#include "layout/layers_scene.hpp"
#include "ui/fonts.hpp"
#include "ui/scene_view.hpp"

namespace {

double milliseconds(const std::function<void()>& run) {
  const auto start = std::chrono::steady_clock::now();
  run();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

struct Summary {
  double median, p95, slowest;
};

Summary summarise(std::vector<double> times) {
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times[std::min(times.size() - 1, times.size() * 95 / 100)], times.back()};
}

void print(const char* name, const Summary& s, bool last = false) {
  std::printf("\"%s\": {\"median\": %.2f, \"p95\": %.2f, \"max\": %.2f}%s", name, s.median, s.p95, s.slowest, last ? "" : ", ");
}

}  // namespace

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::max(10, std::atoi(argv[1])) : 120;
  const model::Plan plan = cli::national_plan(1);
  std::vector<double> builds;
  layout::Scene scene;
  for (int i = 0; i < 5; ++i) builds.push_back(milliseconds([&] { scene = layout::build_layers_scene(plan); }));

  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini left in the working directory
  io.DisplaySize = ImVec2(1280.0f, 800.0f);
  ui::Fonts fonts;
  fonts.body = io.Fonts->AddFontFromFileTTF("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", ui::body_size);
  fonts.heading = io.Fonts->AddFontFromFileTTF("/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf", ui::body_size);
  if (!fonts.body || !fonts.heading) fonts.body = fonts.heading = io.Fonts->AddFontDefault();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);

  app::CanvasState canvas;
  canvas.viewport = {{0.0, 0.0}, {1280.0, 800.0}, 1.0};
  std::size_t vertices = 0;
  auto run = [&](const layout::Camera& camera) {
    std::vector<double> times;
    for (int i = 0; i < frames; ++i) {
      canvas.camera = camera;
      canvas.camera.center.x += (i % 2) ? 0.5 : -0.5;  // a pan of a pixel or so: every frame is drawn afresh anyway
      times.push_back(milliseconds([&] {
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("canvas", nullptr, ImGuiWindowFlags_NoDecoration);
        ui::draw_scene(*ImGui::GetWindowDrawList(), scene, canvas, app::Theme::light, fonts, {}, ImVec2(640.0f, 400.0f));
        ImGui::End();
        ImGui::Render();
      }));
      vertices = static_cast<std::size_t>(ImGui::GetDrawData()->TotalVtxCount);
    }
    return summarise(times);
  };
  const Summary overview = run(layout::fit(canvas.viewport, scene.bounds, 32.0));
  const std::size_t overview_vertices = vertices;
  layout::Rect pcn;
  for (const layout::Item& item : scene.items) {
    if (item.kind == "pcn") {
      pcn = item.bounds;
      break;
    }
  }
  const glm::dvec2 context = pcn.size() * 0.5;
  const Summary zoomed = run(layout::fit(canvas.viewport, {pcn.min - context, pcn.max + context}, 24.0));
  std::printf("{\"items\": %zu, \"shapes\": %zu, \"frames\": %d, ", scene.items.size(), scene.shapes.size(), frames);
  print("sceneBuild", summarise(builds));
  print("overview", overview);
  print("zoomed", zoomed);
  std::printf("\"overviewVertices\": %zu, \"zoomedVertices\": %zu}\n", overview_vertices, vertices);
  ImGui::DestroyContext();
  return 0;
}
