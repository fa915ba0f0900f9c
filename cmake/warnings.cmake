# Warnings for our own code only (third-party code is compiled without them).
function(planner_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Wdouble-promotion -Wformat=2 -Werror)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 reports false -Wrestrict errors inside std::string's operator+
    # (GCC bug 105329).
    # and false -Wmaybe-uninitialized ones for std::string members of
    # temporaries at -O2 (GCC bug 107919).
    target_compile_options(${target} PRIVATE -Wno-restrict -Wno-maybe-uninitialized)
  endif()
  if(PLANNER_SANITIZE AND NOT EMSCRIPTEN)
    # The standard library's own checks too: an empty optional or a list
    # read out of its bounds stops the test instead of reading garbage.
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -D_GLIBCXX_ASSERTIONS)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()
