#!/usr/bin/env bash
# check_corpus.sh PLANNER_CLI DATA_DIR [FILE]
#
# Runs `PLANNER_CLI validate` on the corpus of plan files under DATA_DIR
# (tests/data/plans) and compares what it prints with what each case
# expects:
#   invalid/X.json   exit 1, nothing on stdout, stderr equal to X.expected
#   warnings/X.json  exit 0, stdout "X.json: valid (N warnings)", stderr
#                    equal to X.expected (N is its number of lines)
# In X.expected the file's name is written FILE, so a line reads
# "FILE: /units/2/parent: message".
#
# With FILE (a path to one case, absolute or relative to DATA_DIR) only that
# case runs: CTest registers one test per case (tests/robustness.cmake).
# Without it every case runs and a summary line ends the output.
#
# CORPUS_UPDATE=1 writes each X.expected from what the CLI prints now,
# instead of comparing: for a new case, or after a deliberate change of
# messages. Read the diff (git diff) before committing it.
#
# Exit status: 0 when every case passes, 1 when any fails, 2 on usage errors.
set -u
export LC_ALL=C  # compare bytes: some cases print bytes that are not UTF-8

usage() { echo "usage: check_corpus.sh PLANNER_CLI DATA_DIR [FILE]" >&2; exit 2; }
[ $# -eq 2 ] || [ $# -eq 3 ] || usage
cli="$1"
data="$2"
[ -x "$cli" ] || { echo "check_corpus.sh: $cli is not an executable" >&2; exit 2; }
[ -d "$data/invalid" ] || { echo "check_corpus.sh: $data has no invalid/ folder" >&2; exit 2; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# Replaces "NAME: " at the start of each line with "FILE: " (a literal
# match: file names may hold characters that are special to sed).
substitute_name() {
  awk -v prefix="$1: " '{
    if (index($0, prefix) == 1) print "FILE: " substr($0, length(prefix) + 1)
    else print
  }'
}

# check_case PATH: prints what is wrong and returns 1, or returns 0.
check_case() {
  local path="$1"
  local dir name kind expected
  dir="$(cd "$(dirname "$path")" && pwd)"
  name="$(basename "$path")"
  kind="$(basename "$dir")"
  expected="$dir/${name%.json}.expected"

  # Run from the case's folder so that the CLI prints just the file name.
  local code
  (cd "$dir" && "$cli" validate "$name" >"$scratch/stdout" 2>"$scratch/stderr_raw")
  code=$?
  substitute_name "$name" <"$scratch/stderr_raw" >"$scratch/stderr"

  if [ "${CORPUS_UPDATE:-}" = 1 ]; then
    # Then check as usual: the exit code and stdout still have to be right.
    cp "$scratch/stderr" "$expected"
    echo "wrote $kind/${name%.json}.expected"
  fi

  local want_code want_stdout problems=""
  case "$kind" in
    invalid)
      want_code=1
      : >"$scratch/want_stdout"
      ;;
    warnings)
      want_code=0
      if [ -f "$expected" ]; then
        local count
        count="$(wc -l <"$expected" | tr -d ' ')"
        case "$count" in
          0) echo "$name: valid" ;;
          1) echo "$name: valid (1 warning)" ;;
          *) echo "$name: valid ($count warnings)" ;;
        esac >"$scratch/want_stdout"
      fi
      ;;
    *)
      echo "FAIL $kind/$name: cases live in invalid/ or warnings/, not $kind/"
      return 1
      ;;
  esac

  if [ ! -f "$expected" ]; then
    echo "FAIL $kind/$name: no ${name%.json}.expected next to it"
    echo "  (write one with: CORPUS_UPDATE=1 $0 $cli $data $path, then read it)"
    echo "--- what the CLI printed on stderr"
    cat "$scratch/stderr"
    return 1
  fi

  [ "$code" -eq "$want_code" ] || problems+="  exit code $code, expected $want_code"$'\n'
  if ! cmp -s "$scratch/want_stdout" "$scratch/stdout"; then
    problems+="  stdout differs:"$'\n'
    problems+="$(diff -u --label expected-stdout --label actual-stdout "$scratch/want_stdout" "$scratch/stdout" | sed 's/^/    /')"$'\n'
  fi
  if ! cmp -s "$expected" "$scratch/stderr"; then
    problems+="  stderr differs from ${name%.json}.expected (- expected, + printed):"$'\n'
    problems+="$(diff -u --label expected --label printed "$expected" "$scratch/stderr" | sed 's/^/    /')"$'\n'
  fi
  if [ -n "$problems" ]; then
    echo "FAIL $kind/$name"
    printf '%s' "$problems"
    return 1
  fi
  echo "ok   $kind/$name"
  return 0
}

if [ $# -eq 3 ]; then
  case "$3" in
    /*) one="$3" ;;
    *) one="$data/$3"; [ -f "$one" ] || one="$3" ;;
  esac
  [ -f "$one" ] || { echo "check_corpus.sh: no such case: $3" >&2; exit 2; }
  check_case "$one"
  exit $?
fi

passed=0
failed=0
for path in "$data"/invalid/*.json "$data"/warnings/*.json; do
  [ -e "$path" ] || continue
  if check_case "$path"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
# An .expected whose case is gone would never be checked again.
for expected in "$data"/invalid/*.expected "$data"/warnings/*.expected; do
  [ -e "$expected" ] || continue
  if [ ! -f "${expected%.expected}.json" ]; then
    echo "FAIL $(basename "$(dirname "$expected")")/$(basename "$expected"): no .json case next to it"
    failed=$((failed + 1))
  fi
done
echo "corpus: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
