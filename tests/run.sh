#!/usr/bin/env bash
# Runs the test cases with each given flowc binary:
#   tests/check/NAME.flow  with NAME.expect: the output of
#       `flowc check [$(cat NAME.args)] NAME.flow` (run in tests/check),
#       then "[exit N]"
#   tests/fmt/NAME.flow    with NAME.expect: the output of
#       `flowc fmt [$(cat NAME.args)] NAME.flow` (run in tests/fmt),
#       then "[exit N]"
#   tests/cli/NAME.cmd     a shell command ($FLOWC is the binary, run from
#       the top directory) with NAME.expect: its output and "[exit N]"
#   tests/unit/*_test.c  programs built beside each binary
#   tests/build/NAME.cmd  like tests/cli, run once ($FLOWC is the first
#       binary): installing, building with make -j
# then valgrind on a subset, on `flowc lsp`, on `flowc serve`
# (tests/browser/valgrind.sh), on stats, diff and render -f bpmn,
# `flowc check --werror flows/` and `flowc fmt --check flows/`.
# Each suite prints a line when it starts and its counts when it ends.
# UPDATE=1 rewrites the .expect files from the first binary's output;
# ONLY=PATTERN runs only the cases whose path matches the grep pattern.
# Usage: tests/run.sh FLOWC [FLOWC...]
set -u
cd "$(dirname "$0")/.."
top=$PWD
pass=0 fail=0
export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
export ASAN_OPTIONS=fast_unwind_on_malloc=0  # full stacks, so suppressions match exactly
VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --suppressions=$top/tests/valgrind.supp"
failed=()

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); failed+=("$1"); }

# suite "WHAT" N: says what runs; the next suite (or done) prints its counts
suite_pass=0 suite_fail=0 suite_on=0
done_suite() {
  [ "$suite_on" = 1 ] && echo "   $((pass - suite_pass)) passed, $((fail - suite_fail)) failed"
  suite_on=0
}
suite() {
  done_suite
  echo "== $1 ($2)"
  suite_pass=$pass suite_fail=$fail suite_on=1
}
# the cases of a glob that ONLY selects
pick() {
  local f
  for f in "$@"; do
    [ -e "$f" ] || continue
    [ -n "${ONLY:-}" ] && ! echo "$f" | grep -q -- "$ONLY" && continue
    echo "$f"
  done
}

# compare NAME EXPECTFILE ACTUAL
compare() {
  if [ "${UPDATE:-}" = 1 ] && [ "$first" = 1 ]; then
    printf '%s\n' "$3" > "$2"
  fi
  if [ -f "$2" ] && [ "$(cat "$2")" = "$3" ]; then ok; else
    bad "$1"
    if [ -f "$2" ]; then diff -u "$2" <(printf '%s\n' "$3") | head -20; else echo "missing $2"; fi
  fi
}

# tests/COMMAND/NAME.flow: `flowc COMMAND [NAME.args] NAME.flow` in that
# directory, compared with NAME.expect ($bin and $tag of the loop below).
flow_cases() {
  local f name args out cases
  cases=$(pick tests/"$1"/*.flow)
  suite "$tag: tests/$1, flowc $1 on each file" "$(echo "$cases" | grep -c .) cases"
  for f in $cases; do
    name=${f%.flow}
    args=""
    [ -f "$name.args" ] && args=$(cat "$name.args")
    # shellcheck disable=SC2086
    out=$(cd "tests/$1" && timeout 30 "$bin" "$1" $args "$(basename "$f")" 2>&1)
    compare "$tag:$f" "$name.expect" "$out"$'\n'"[exit $?]"
  done
}

first=1
for bin in "$@"; do
  case $bin in /*) ;; *) bin=$top/$bin ;; esac
  tag=$(basename "$(dirname "$bin")")
  flow_cases check
  flow_cases fmt
  cases=$(pick tests/cli/*.cmd)
  suite "$tag: tests/cli, commands" "$(echo "$cases" | grep -c .) cases"
  for f in $cases; do
    name=${f%.cmd}
    out=$(FLOWC=$bin timeout 120 bash "$f" 2>&1)
    compare "$tag:$f" "$name.expect" "$out"$'\n'"[exit $?]"
  done
  # unit test programs built beside this flowc, with NAME.args if any
  suite "$tag: tests/unit, programs" "$(ls tests/unit/*_test.c | wc -l) programs, flowc check --werror flows/ and flowc fmt --check flows/"
  for u in tests/unit/*_test.c; do
    name=$(basename "$u" .c)
    prog=$(dirname "$bin")/build/unit/$name
    [ -x "$prog" ] || prog=$(dirname "$bin")/unit/$name
    args=""
    [ -f "tests/unit/$name.args" ] && args=$(cat "tests/unit/$name.args")
    # shellcheck disable=SC2086
    if out=$(timeout 120 "$prog" $args 2>&1); then ok; else bad "$tag:unit/$name"; echo "$out" | tail -20; fi
  done
  out=$(timeout 60 "$bin" check --werror flows/ 2>&1)
  if [ $? = 0 ]; then ok; else bad "$tag:flows"; echo "$out" | head -20; fi
  out=$(timeout 60 "$bin" fmt --check flows/ 2>&1)
  if [ $? = 0 ]; then ok; else
    bad "$tag:flows-fmt"; echo "not formatted (run: ./flowc fmt -w flows/):"; echo "$out" | head -20; fi
  first=0
done

# building and installing: once, with the first binary
cases=$(pick tests/build/*.cmd)
suite "tests/build, make" "$(echo "$cases" | grep -c .) cases"
first=1
for f in $cases; do
  name=${f%.cmd}
  out=$(FLOWC=$top/${1#./} timeout 600 bash "$f" 2>&1)
  compare "build:$f" "$name.expect" "$out"$'\n'"[exit $?]"
done

# valgrind: no invalid access, no leak, on a sample of cases
if command -v valgrind >/dev/null; then
  bin=$top/${1#./}
  suite "valgrind" "every fifth case of tests/check, layout_test"
  for f in $(ls tests/check/*.flow | awk 'NR % 5 == 1') ; do
    # shellcheck disable=SC2086
    if (cd tests/check && $VG "$bin" check "$(basename "$f")" >/dev/null 2>/tmp/flowc-vg.$$); [ $? != 99 ]; then ok
    else bad "valgrind:$f"; head -30 /tmp/flowc-vg.$$; fi
  done
  # layout, text and the writers on real processes
  # shellcheck disable=SC2086
  if $VG build/unit/layout_test flows/hr.flow flows/sales.flow >/dev/null 2>/tmp/flowc-vg.$$; then ok
  else bad "valgrind:layout_test"; head -30 /tmp/flowc-vg.$$; fi
  # the language server over a whole session
  if LSP_WRAP=$VG FLOWC=$bin bash tests/cli/lsp-session.cmd 2>/tmp/flowc-vg.$$ | grep -q '^exit status 0$'; then ok
  else bad "valgrind:lsp-session"; head -30 /tmp/flowc-vg.$$; fi
  # flowc serve: its threads, a rebuild and a clean stop
  # shellcheck disable=SC2086
  if tests/browser/valgrind.sh $VG "$bin" >/tmp/flowc-vg.$$ 2>&1; then ok
  else bad "valgrind:serve"; head -30 /tmp/flowc-vg.$$; fi
  # stats and diff
  if $VG "$bin" stats tests/cli/stats >/dev/null 2>/tmp/flowc-vg.$$ &&
     $VG "$bin" diff --format json tests/cli/diff/old tests/cli/diff/new >/dev/null 2>>/tmp/flowc-vg.$$ &&
     $VG "$bin" diff --svg /tmp/flowc-vg-svg.$$ tests/cli/diff/old tests/cli/diff/new >/dev/null 2>>/tmp/flowc-vg.$$; then ok
  else bad "valgrind:stats-diff"; head -30 /tmp/flowc-vg.$$; fi
  # the BPMN writer: every node kind, three processes in one file
  if $VG "$bin" render -f bpmn -o - tests/cli/bpmn/kinds.flow >/dev/null 2>/tmp/flowc-vg.$$; then ok
  else bad "valgrind:bpmn"; head -30 /tmp/flowc-vg.$$; fi
  rm -rf /tmp/flowc-vg.$$ /tmp/flowc-vg-svg.$$
fi

done_suite
for f in "${failed[@]+"${failed[@]}"}"; do echo "FAIL $f"; done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
