#!/usr/bin/env bash
# import_empty.sh PLANNER_CLI DATA_DIR
# An empty NHS file (zero bytes, or blank lines only) can be read and holds
# nothing (docs/import.md): as the practice file, the import exits 1, names
# the file and writes no plan; as --pcn-members or --list-sizes, the import
# goes on with the other files and the summary names the empty one.
set -u
cli="$1"; data="$2"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
: > "$scratch/empty.csv"
blank="$data/nhs/blank-lines-only.csv"
practices="$data/nhs/epraccur_2026_excerpt.csv"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for empty in "$scratch/empty.csv" "$blank"; do
  "$cli" import --practices "$empty" -o "$scratch/out.json" 2>"$scratch/err"; code=$?
  [ "$code" -eq 1 ] || fail "an empty practice file ($empty) exits $code, not 1"
  grep -qF "nothing could be imported: $empty is empty" "$scratch/err" || fail "the message does not name $empty: $(cat "$scratch/err")"
  [ ! -e "$scratch/out.json" ] || fail "a plan was written for an empty practice file"

  "$cli" import --practices "$practices" --pcn-members "$empty" --list-sizes "$empty" -o "$scratch/out.json" 2>"$scratch/err"; code=$?
  [ "$code" -eq 0 ] || fail "an empty --pcn-members/--list-sizes file ($empty) exits $code, not 0: $(cat "$scratch/err")"
  [ "$(grep -cF "Nothing in $empty: the file is empty" "$scratch/err")" -eq 2 ] || fail "the summary does not name $empty twice: $(cat "$scratch/err")"
  grep -q '"schemaVersion"' "$scratch/out.json" 2>/dev/null || fail "no plan was written with an empty --pcn-members/--list-sizes file"
  rm -f "$scratch/out.json"
done
[ "$failures" -eq 0 ] && echo ok
exit "$((failures > 0))"
