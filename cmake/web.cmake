# Flags for the page build (Emscripten). Measured choices are recorded in
# docs/performance.md.
set(PLANNER_DIST_DIR "${CMAKE_SOURCE_DIR}/dist" CACHE PATH "Where the static site is assembled")

# Native wasm exceptions: nlohmann/json reports parse errors by throwing, and
# io catches them. Must be given at compile and link time.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)
# -O2: at national scale (a governance edit that lays England out again, a
# frame with a box selected) -O2 is 1.6–1.75 times as fast as -Os, for
# about 240 KiB more gzip and about 60 ms more to the first frame
# (docs/performance.md). All of our files: with link-time optimisation the
# copy kept of a library template can be a -Os file's, and the layout
# library alone at -O2 was no faster. Dear ImGui stays -Os
# (src/ui/CMakeLists.txt): 45 KiB of gzip less.
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  add_compile_options(-O2 -flto)
  add_link_options(-O2 -flto)
endif()

# Link options for the page's executable: planner.js + planner.wasm, loaded
# by shell/index.html through createPlanner() (MODULARIZE).
function(planner_web_executable target)
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME planner SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY "${PLANNER_DIST_DIR}")
  target_link_options(${target} PRIVATE
    -sUSE_GLFW=3
    -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sENVIRONMENT=web
    -sMODULARIZE=1 -sEXPORT_NAME=createPlanner
    -sALLOW_MEMORY_GROWTH=1
    -sMALLOC=emmalloc
    -sASSERTIONS=0
    -sEXIT_RUNTIME=0
    --no-entry
    "-sEXPORTED_FUNCTIONS=['_planner_start','_planner_api','_planner_wake','_planner_drawing','_planner_open_file','_planner_open_text','_planner_answer_length','_planner_current_plan','_planner_rehearse_open','_planner_make_room','_malloc','_free']"
    "-sEXPORTED_RUNTIME_METHODS=['UTF8ToString','stringToUTF8','lengthBytesUTF8','HEAPU8']")
endfunction()
