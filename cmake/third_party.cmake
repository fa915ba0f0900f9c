# Header-only libraries from Debian (glm, nlohmann/json, doctest) are exposed
# through a build-local include directory holding links to just those folders:
# -I/usr/include on an Emscripten compile would pull in glibc's headers.
set(PLANNER_SYSTEM_INCLUDE "${CMAKE_BINARY_DIR}/third_party/include")
file(MAKE_DIRECTORY "${PLANNER_SYSTEM_INCLUDE}")
foreach(lib glm nlohmann doctest)
  if(NOT EXISTS "/usr/include/${lib}")
    message(FATAL_ERROR "/usr/include/${lib} is missing: run scripts/setup")
  endif()
  file(CREATE_LINK "/usr/include/${lib}" "${PLANNER_SYSTEM_INCLUDE}/${lib}" SYMBOLIC)
endforeach()

add_library(third_party_headers INTERFACE)
# SYSTEM: glm 0.9.9.8 warns under C++20 and we keep warnings as errors.
target_include_directories(third_party_headers SYSTEM INTERFACE "${PLANNER_SYSTEM_INCLUDE}")
target_compile_definitions(third_party_headers INTERFACE
  GLM_FORCE_CXX17 JSON_USE_IMPLICIT_CONVERSIONS=0)

# Dear ImGui 1.90.1 sources, unpacked by scripts/setup (never committed).
set(PLANNER_IMGUI_DIR "${CMAKE_SOURCE_DIR}/.cache/imgui-1.90.1" CACHE PATH "Dear ImGui sources")
