#!/usr/bin/env bash
# make bench: `flowc check` on generated processes of 10 k, 100 k and 1 M
# nodes (lanes, a decision every five steps with a rework loop, parallel
# blocks): median of three runs, throughput and peak memory; then render
# against dot, the language server and fmt (bench-lsp.sh), the manual.
source "$(dirname "$0")/bench-env.sh"

median() { sort -n | sed -n 2p; }

printf '%-10s %10s %9s %9s %12s %9s\n' nodes bytes seconds MB/s nodes/s peak-MB
declare -A secs
for n in 10000 100000 1000000; do
  f=$dir/gen-$n.flow
  [ -f "$f" ] || awk -v N=$n -f tests/genflow.awk > "$f"
  bytes=$(stat -c %s "$f")
  nodes=$(grep -cE '^  (start|end|task|decision|fork|join) ' "$f")
  runs=()
  for i in 1 2 3; do  # wall time to the microsecond (time's %e has 10 ms steps)
    t0=$EPOCHREALTIME
    /usr/bin/time -o "$dir/time.txt" -f '%M' "$flowc" check "$f" >/dev/null 2>&1 || true
    t1=$EPOCHREALTIME
    runs+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }') $(tail -1 "$dir/time.txt")")
  done
  t=$(printf '%s\n' "${runs[@]}" | awk '{print $1}' | median)
  mem=$(printf '%s\n' "${runs[@]}" | awk '{print $2}' | sort -n | tail -1)
  secs[$n]=$t
  awk -v n="$nodes" -v b="$bytes" -v t="$t" -v m="$mem" 'BEGIN {
    if (t <= 0) t = 0.001
    printf "%-10d %10d %9.4f %9.1f %12.0f %9.1f\n", n, b, t, b / t / 1e6, n / t, m / 1024 }'
done
awk -v a="${secs[10000]}" -v b="${secs[100000]}" -v c="${secs[1000000]}" 'BEGIN {
  if (a <= 0) a = 0.001
  printf "growth: 10x nodes costs %.1fx (10k->100k) and %.1fx (100k->1M) the time\n", b / a, c / b }'

# flowc render (SVG, whole process) against `dot -Tsvg` on flowc's own
# -f dot output of the same process: same machine, same run.
echo
printf '%-8s %12s %12s %8s\n' nodes flowc-svg-s dot-Tsvg-s ratio
command -v dot >/dev/null || { echo "bench: needs dot (apt-get install graphviz)"; exit 2; }
timed() { /usr/bin/time -o "$dir/time.txt" -f '%e' "$@" >/dev/null 2>&1 || true; tail -1 "$dir/time.txt"; }
for n in 30 200 1000; do
  f=$dir/render-$n.flow
  [ -f "$f" ] || awk -v N=$n -f tests/genflow.awk > "$f"
  "$flowc" render -f dot -o "$dir/render-$n.dot" "$f" 2>/dev/null
  a=$(for i in 1 2 3; do timed "$flowc" render -o "$dir/render-$n.svg" "$f"; done | median)
  b=$(for i in 1 2 3; do timed dot -Tsvg -o "$dir/render-$n.dot.svg" "$dir/render-$n.dot"; done | median)
  awk -v n=$n -v a="$a" -v b="$b" 'BEGIN { printf "%-8d %12.3f %12.3f %8.2f\n", n, a, b, (b > 0 ? a / b : 0) }'
done

# flowc lsp: diagnostics after a change of a 1,000-line file; flowc fmt.
echo
tests/bench-lsp.sh "$flowc"

# flowc manual: flows/ and generated sets of 50, 100 and 200 processes.
echo
tests/bench-manual.sh "$flowc"
