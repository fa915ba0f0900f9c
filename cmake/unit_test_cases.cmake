# Run after each build of the unit tests (cmake -P): writes CTEST_FILE, a
# CTest test for each doctest test case of TEST_EXECUTABLE, so that each
# failure is named.
#
# Why not doctest_discover_tests: it passes a name's commas to doctest as
# "\,", which Debian's doctest (2.4.9) then matches against nothing, so the
# 143 test cases with a comma in their name ran as empty passes. Here each
# comma becomes "?", doctest's wildcard for any one character.
execute_process(COMMAND "${TEST_EXECUTABLE}" --list-test-cases --no-version
                OUTPUT_VARIABLE listing RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${TEST_EXECUTABLE} --list-test-cases failed (${result})")
endif()

# Names may hold semicolons, which are CMake's list separators: stand them in.
string(REPLACE ";" "<semicolon>" listing "${listing}")
string(REPLACE "\n" ";" lines "${listing}")
set(script "")
set(count 0)
foreach(line IN LISTS lines)
  if(line STREQUAL "" OR line MATCHES "^\\[doctest\\]" OR line MATCHES "^=+$")
    continue()
  endif()
  string(REPLACE "<semicolon>" ";" name "${line}")
  string(REPLACE "," "?" filter "${name}")
  string(APPEND script "add_test([==[${name}]==] [==[${TEST_EXECUTABLE}]==] [==[--test-case=${filter}]==])\n")
  # A filter that matches no test case must not pass as a test.
  string(APPEND script "set_tests_properties([==[${name}]==] PROPERTIES FAIL_REGULAR_EXPRESSION [==[test cases: +0 [|]]==])\n")
  math(EXPR count "${count} + 1")
endforeach()
if(count EQUAL 0)
  message(FATAL_ERROR "${TEST_EXECUTABLE} listed no test cases")
endif()
file(WRITE "${CTEST_FILE}" "${script}")
