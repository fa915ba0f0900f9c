#!/usr/bin/env bash
# expect.sh CODE STDOUT_PATTERN COMMAND [ARGS...]
# Runs COMMAND and checks its exit code, and that its stdout matches the
# extended regular expression STDOUT_PATTERN (empty: stdout must be empty).
set -u
want_code="$1"; pattern="$2"; shift 2
out="$("$@" 2>/tmp/expect-stderr.$$)"; code=$?
err="$(cat /tmp/expect-stderr.$$)"; rm -f /tmp/expect-stderr.$$
fail() { echo "FAIL: $*"; echo "--- stdout"; echo "$out"; echo "--- stderr"; echo "$err"; exit 1; }
[ "$code" -eq "$want_code" ] || fail "exit code $code, expected $want_code"
if [ -z "$pattern" ]; then
  [ -z "$out" ] || fail "expected nothing on stdout"
  [ "$want_code" -eq 0 ] || [ -n "$err" ] || fail "expected a message on stderr"
else
  grep -Eq "$pattern" <<<"$out" || fail "stdout does not match /$pattern/"
fi
echo "ok"
