# Assembles the static site in dist/: the page (shell/), static files (web/),
# example plans (assets/), the wasm module and subset fonts.
set(shell_files index.html plan-store.js tab-session.js keeping.js my-plans.js busy.js rehearsal.js sharing.js picture-worker.js offline.js viewer.js embed-messages.js embed-dialog.js planner-shell.js planner.css)
set(dist_outputs "")

foreach(file ${shell_files})
  set(out "${PLANNER_DIST_DIR}/${file}")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_SOURCE_DIR}/shell/${file} -DOUT=${out}
            -DPLANNER_VERSION=${PLANNER_VERSION} -P ${CMAKE_SOURCE_DIR}/cmake/configure_file.cmake
    DEPENDS "${CMAKE_SOURCE_DIR}/shell/${file}" "${CMAKE_SOURCE_DIR}/cmake/configure_file.cmake"
    COMMENT "dist/${file}")
  list(APPEND dist_outputs "${out}")
endforeach()

file(GLOB_RECURSE static_files RELATIVE "${CMAKE_SOURCE_DIR}" CONFIGURE_DEPENDS
  "${CMAKE_SOURCE_DIR}/web/*" "${CMAKE_SOURCE_DIR}/assets/*")
foreach(file ${static_files})
  # web/ goes to the site's root; assets/ keeps its folder.
  string(REGEX REPLACE "^web/" "" target_path "${file}")
  set(out "${PLANNER_DIST_DIR}/${target_path}")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/${file}" "${out}"
    DEPENDS "${CMAKE_SOURCE_DIR}/${file}")
  list(APPEND dist_outputs "${out}")
endforeach()

# Liberation Sans, subset to the characters the planner draws (see
# src/ui/fonts.cpp): 410 KB per face becomes about 40 KB.
set(font_unicodes "U+0020-00FF,U+0152-0153,U+2013-2014,U+2018-201E,U+2022,U+2039-203A,U+2026,U+20AC,U+2190-2195,U+2212")
foreach(face Regular Bold)
  set(in "/usr/share/fonts/truetype/liberation2/LiberationSans-${face}.ttf")
  set(out "${PLANNER_DIST_DIR}/fonts/LiberationSans-${face}.ttf")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${PLANNER_DIST_DIR}/fonts"
    COMMAND /usr/bin/python3 -m fontTools.subset "${in}" "--unicodes=${font_unicodes}"
            --layout-features=kern,liga --output-file=${out}
    DEPENDS "${in}"
    COMMENT "dist/fonts/LiberationSans-${face}.ttf (subset)")
  list(APPEND dist_outputs "${out}")
endforeach()

# The service worker, last: it lists every other file with a hash of its contents.
set(service_worker "${PLANNER_DIST_DIR}/sw.js")
add_custom_command(OUTPUT "${service_worker}"
  COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_SOURCE_DIR}/shell/service-worker.js -DOUT=${service_worker}
          -DDIST=${PLANNER_DIST_DIR} -P ${CMAKE_SOURCE_DIR}/cmake/service_worker.cmake
  DEPENDS ${dist_outputs} planner "${CMAKE_SOURCE_DIR}/shell/service-worker.js" "${CMAKE_SOURCE_DIR}/cmake/service_worker.cmake"
  COMMENT "dist/sw.js")

add_custom_target(dist ALL DEPENDS ${dist_outputs} "${service_worker}" planner)
