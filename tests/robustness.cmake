# Robustness tests, included from tests/CMakeLists.txt:
#   - the corpus of broken and warned plan files (tests/data/plans/invalid,
#     tests/data/plans/warnings): one CTest test per file, named
#     corpus.invalid.NAME or corpus.warnings.NAME, each running
#     tests/corpus/check_corpus.sh on that file through planner-cli;
#   - with -DPLANNER_FUZZ=ON and Clang, the loader's libFuzzer target
#     load_plan_fuzz (scripts/fuzz configures build/fuzz and runs it).

# --- corpus -------------------------------------------------------------------

set(planner_corpus_dir "${CMAKE_SOURCE_DIR}/tests/data/plans")
set(planner_corpus_check "${CMAKE_SOURCE_DIR}/tests/corpus/check_corpus.sh")
# CONFIGURE_DEPENDS: a case added to the folders is picked up by the next
# build, without configuring again by hand.
file(GLOB planner_corpus_cases CONFIGURE_DEPENDS
  "${planner_corpus_dir}/invalid/*.json"
  "${planner_corpus_dir}/warnings/*.json")
foreach(case IN LISTS planner_corpus_cases)
  get_filename_component(case_name "${case}" NAME_WLE)
  get_filename_component(case_dir "${case}" DIRECTORY)
  get_filename_component(case_kind "${case_dir}" NAME)
  add_test(NAME corpus.${case_kind}.${case_name}
    COMMAND "${planner_corpus_check}" $<TARGET_FILE:planner-cli> "${planner_corpus_dir}" "${case}")
  set_tests_properties(corpus.${case_kind}.${case_name} PROPERTIES LABELS corpus)
endforeach()

# --- fuzzing ------------------------------------------------------------------

option(PLANNER_FUZZ "Build the libFuzzer target load_plan_fuzz (Clang only; see scripts/fuzz)" OFF)
if(PLANNER_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "PLANNER_FUZZ needs Clang's libFuzzer, not ${CMAKE_CXX_COMPILER_ID}: "
                        "configure with -DCMAKE_CXX_COMPILER=clang++ (scripts/fuzz does)")
  endif()
  # The libraries under test take their instrumentation from CMAKE_CXX_FLAGS
  # (scripts/fuzz sets it), so that no other CMake file needs to know about
  # fuzzing. Without it libFuzzer sees no coverage inside the loader.
  if(NOT CMAKE_CXX_FLAGS MATCHES "fuzzer-no-link")
    message(WARNING "PLANNER_FUZZ without -fsanitize=fuzzer-no-link in CMAKE_CXX_FLAGS: "
                    "the libraries are not instrumented and fuzzing will be blind; use scripts/fuzz")
  endif()
  add_executable(load_plan_fuzz "${CMAKE_CURRENT_LIST_DIR}/fuzz/load_plan_fuzz.cpp")
  target_link_libraries(load_plan_fuzz PRIVATE planner_io planner_analysis)
  target_compile_options(load_plan_fuzz PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(load_plan_fuzz PRIVATE -fsanitize=fuzzer,address,undefined)
  planner_warnings(load_plan_fuzz)
endif()

# Once a fuzzer timeout (options × changes × entries); it must stay valid.
add_test(NAME corpus.fuzz.many-options-replay-every-change
  COMMAND "${CMAKE_SOURCE_DIR}/tests/cli/expect.sh" 0 "valid$" $<TARGET_FILE:planner-cli> validate
          "${CMAKE_SOURCE_DIR}/tests/data/fuzz/many-options-replay-every-change.json")
