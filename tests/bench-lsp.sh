#!/usr/bin/env bash
# make bench: `flowc lsp` on a generated 1,000-line file: the time from a
# change (didChange with the whole text, full sync) to its diagnostics,
# as the median of three sessions of 50 changes less a session of none,
# and `flowc fmt` on the same file.
source "$(dirname "$0")/bench-env.sh"

f=$dir/lsp-1000.flow
[ -f "$f" ] || awk -v N=650 -f tests/genflow.awk > "$f"
lines=$(wc -l < "$f")
uri=file://$PWD/$f
frame() { printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | LC_ALL=C wc -c)" "$1"; }
# session N: initialize, open, N changes (the text with one more blank line each), exit
session() {
  frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'
  frame "$(jq -cRs --arg uri "$uri" '{jsonrpc: "2.0", method: "textDocument/didOpen",
           params: {textDocument: {uri: $uri, text: .}}}' < "$f")"
  for i in $(seq "$1"); do
    frame "$(jq -cRs --arg uri "$uri" --argjson v "$i" '{jsonrpc: "2.0", method: "textDocument/didChange",
             params: {textDocument: {uri: $uri, version: $v}, contentChanges: [{text: (. + "\n" * $v)}]}}' < "$f")"
  done
  frame '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
  frame '{"jsonrpc":"2.0","method":"exit"}'
}
[ -f "$dir/lsp-0.in" ] || session 0 > "$dir/lsp-0.in"
[ -f "$dir/lsp-50.in" ] || session 50 > "$dir/lsp-50.in"
wall() {  # seconds of one run of flowc lsp < $1, to the microsecond
  local t0=$EPOCHREALTIME
  "$flowc" lsp < "$1" > "$dir/lsp.out"
  awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.6f\n", b - a }'
}
median() { sort -n | sed -n 2p; }
base=$(for i in 1 2 3; do wall "$dir/lsp-0.in"; done | median)
busy=$(for i in 1 2 3; do wall "$dir/lsp-50.in"; done | median)
published=$(grep -o publishDiagnostics "$dir/lsp.out" | wc -l)
fmt=$(for i in 1 2 3; do /usr/bin/time -o "$dir/time.txt" -f '%e %U %S' "$flowc" fmt "$f" >/dev/null
      awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$dir/time.txt"; done | sort -n | sed -n 2p)
awk -v l="$lines" -v a="$base" -v b="$busy" -v p="$published" -v f="${fmt% *}" -v cpu="${fmt#* }" 'BEGIN {
  printf "lsp: %d-line file, %d diagnostics published; after a change: %.2f ms (target 20 ms)\n", l, p, (b - a) / 50 * 1000
  printf "fmt: %d-line file: %.0f ms a run, %.0f ms of CPU (start, parse, format, verify)\n", l, f * 1000, cpu * 1000 }'
