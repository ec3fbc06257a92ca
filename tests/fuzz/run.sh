#!/usr/bin/env bash
# Builds the fuzz targets (tests/fuzz/build.sh) and runs each for
# FUZZ_SECONDS (default 60) with a seed corpus from tests/ and flows/ and
# the dictionary tests/fuzz/flow.dict (serve: request paths, with the
# seeds of tests/fuzz/serve/ and tests/fuzz/serve.dict). Prints per target: executions,
# exec/s, coverage and any crash, leak or timeout file.
# Usage: tests/fuzz/run.sh [TARGET...]   (parse render manual lsp serve analyse fmt; default all)
set -u
cd "$(dirname "$0")/../.."
top=$PWD
tests/fuzz/build.sh "$@" || exit 2
secs=${FUZZ_SECONDS:-60}
export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
export ASAN_OPTIONS=fast_unwind_on_malloc=0
targets=("$@")
[ ${#targets[@]} = 0 ] && targets=(parse render manual lsp serve analyse fmt)
status=0
for t in "${targets[@]}"; do
  bin=build/fuzz/fuzz_$t
  [ -x "$bin" ] || continue
  corpus=build/fuzz/corpus-$t
  art=build/fuzz/artifacts-$t/
  mkdir -p "$corpus" "$art"
  dict=$top/tests/fuzz/flow.dict
  if [ -d "tests/fuzz/$t" ]; then  # seeds and dictionary of their own
    cp "tests/fuzz/$t"/* "$corpus"/
    dict=$top/tests/fuzz/$t.dict
  else cp tests/check/*.flow tests/render/*.flow flows/*.flow "$corpus"/ 2>/dev/null; fi
  # analyse: two versions in one input
  [ "$t" = analyse ] && printf '%s\n=====\n%s' "$(cat tests/cli/diff/old/*.flow)" \
    "$(cat tests/cli/diff/new/*.flow)" > "$corpus/diff-versions.flow"
  log=build/fuzz/$t.log
  # run from build/fuzz so that imports written by the fuzzer stay there
  (cd build/fuzz && "$top/$bin" -max_total_time="$secs" -max_len=4096 -timeout=10 \
     -rss_limit_mb=2048 -dict="$dict" -artifact_prefix="$top/$art" \
     -print_final_stats=1 "corpus-$t" </dev/null >"$t.log" 2>&1)
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  printf 'fuzz_%s: %s executions, %s exec/s, %s\n' "$t" "${runs:-?}" "${speed:-?}" "${cov:-cov: ?}"
  found=$(grep -o "$art[a-z-]*-[0-9a-f]*" "$log" | sort -u)
  if [ "$rc" != 0 ] || [ -n "$found" ]; then
    status=1
    grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log"
    for f in $found; do echo "  found: $f"; done
    echo "  log: $log"
  fi
done
exit $status
