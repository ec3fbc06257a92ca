#!/usr/bin/env bash
# make bench (called by tests/bench.sh): `flowc manual` on flows/ and on
# generated manuals of 50, 100 and 200 processes (tests/genmanual.awk:
# 15 nodes, 3 lanes, 3 phases, decisions, forms, risks, calls each):
# median of three runs, pages, bytes, peak memory.
# Goals: flows/ under 1 s and 1 MB; 200 processes under 20 s, linear; then
# one generated process of 200 and 1,000 nodes: linear in its size.
source "$(dirname "$0")/bench-env.sh"
set -o pipefail # a failed run inside $( ... | median) stops the bench
command -v pdfinfo >/dev/null || { echo "bench: needs pdfinfo (apt-get install poppler-utils)"; exit 2; }
export SOURCE_DATE_EPOCH=1767225600

median() { sort -n | sed -n 2p; }

printf '%-10s %6s %9s %6s %10s %9s %8s\n' manual procs seconds pages bytes ms/proc peak-MB
declare -A secs
for set in flows 50 100 200; do
  if [ "$set" = flows ]; then
    files=(flows/*.flow)
    procs=$(cat flows/*.flow | grep -c '^process ')
  else
    g=$dir/manual-$set
    if [ ! -f "$g/handbook.flow" ]; then
      mkdir -p "$g"
      rm -f "$g"/*.flow
      awk -v N="$set" -v F=4 -v DIR="$g" -f tests/genmanual.awk
    fi
    files=("$g"/*.flow)
    procs=$set
  fi
  out=$dir/manual-$set.pdf
  runs=()
  for i in 1 2 3; do
    /usr/bin/time -o "$dir/time.txt" -f '%e %M' "$flowc" manual -o "$out" "${files[@]}" >/dev/null 2>&1 \
      || { echo "bench: flowc manual failed on $set"; exit 1; }
    runs+=("$(tail -1 "$dir/time.txt")")
  done
  t=$(printf '%s\n' "${runs[@]}" | awk '{print $1}' | median)
  mem=$(printf '%s\n' "${runs[@]}" | awk '{print $2}' | sort -n | tail -1)
  pages=$(pdfinfo "$out" | awk '/^Pages:/ {print $2}')
  bytes=$(stat -c %s "$out")
  secs[$set]=$t
  [ "$set" = flows ] && flows_bytes=$bytes
  awk -v s="$set" -v n="$procs" -v t="$t" -v p="$pages" -v b="$bytes" -v m="$mem" 'BEGIN {
    printf "%-10s %6d %9.2f %6d %10d %9.1f %8.1f\n", s, n, t, p, b, 1000 * t / n, m / 1024 }'
done
awk -v a="${secs[50]}" -v b="${secs[100]}" -v c="${secs[200]}" -v f="${secs[flows]}" -v fb="$flows_bytes" 'BEGIN {
  if (a <= 0) a = 0.01
  if (b <= 0) b = 0.01
  printf "growth: 2x processes costs %.1fx (50->100) and %.1fx (100->200) the time\n", b / a, c / b
  printf "goals: flows/ under 1 s: %s, under 1 MB: %s; 200 processes under 20 s: %s\n",
    (f < 1 ? "yes" : "NO"), (fb < 1000000 ? "yes" : "NO"), (c < 20 ? "yes" : "NO") }'

# One process that grows: the manual of a generated process of 200 and of
# 1,000 nodes (tests/genflow.awk). Linear: 5x the nodes, about 5x the time
# and the bytes.
echo
printf '%-10s %6s %9s %6s %10s\n' process nodes seconds pages bytes
declare -A psecs pbytes
for n in 200 1000; do
  f=$dir/manual-one-$n.flow
  [ -f "$f" ] || awk -v N=$n -f tests/genflow.awk > "$f"
  out=$dir/manual-one-$n.pdf
  t=$(for i in 1 2 3; do
    /usr/bin/time -o "$dir/time.txt" -f '%e' "$flowc" manual -o "$out" "$f" >/dev/null 2>&1 \
      || { echo "bench: flowc manual failed on $f" >&2; exit 1; }
    tail -1 "$dir/time.txt"
  done | median)
  psecs[$n]=$t
  pbytes[$n]=$(stat -c %s "$out")
  nodes=$(grep -cE '^  (start|end|task|decision|fork|join) ' "$f")
  printf '%-10s %6d %9.2f %6d %10d\n' one-$n "$nodes" "$t" "$(pdfinfo "$out" | awk '/^Pages:/ {print $2}')" "${pbytes[$n]}"
done
awk -v a="${psecs[200]}" -v b="${psecs[1000]}" -v x="${pbytes[200]}" -v y="${pbytes[1000]}" 'BEGIN {
  if (a <= 0) a = 0.01
  printf "growth: 5x nodes in one process costs %.1fx the time and %.1fx the bytes\n", b / a, y / x }'
