#!/bin/bash
# A small LSP client for tests: frames each line of standard input (one
# JSON-RPC message; "@open FILE URI" or "@change FILE URI" make a didOpen
# or didChange of FILE's text) for `FLOWC lsp`, then prints each message
# the server sent back, one per line, and {"exit": the server's status}.
# Usage: client.sh FLOWC < messages   (LSP_WRAP, if set, runs the server:
# LSP_WRAP="valgrind -q ..." client.sh FLOWC)
flowc=$1
frame() { printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | LC_ALL=C wc -c)" "$1"; }
out=$(mktemp)
while IFS= read -r line; do
  case $line in
  "") ;;
  @open\ *|@change\ *)
    set -- $line
    m=textDocument/didOpen; [ "$1" = @change ] && m=textDocument/didChange
    frame "$(jq -cRs --arg m "$m" --arg uri "$3" \
      '{jsonrpc: "2.0", method: $m, params: {textDocument: {uri: $uri, languageId: "flow", version: 1, text: .},
        contentChanges: [{text: .}]}}' < "$2")" ;;
  @raw\ *) printf '%s' "${line#@raw }" | sed 's/\\r/\r/g; s/\\n/\n/g' ;;
  *) frame "$line" ;;
  esac
done | $LSP_WRAP "$flowc" lsp > "$out"
status=$?
tr -d '\r' < "$out" | sed -E 's/Content-Length: [0-9]+//g' | jq -c .
rm -f "$out"
echo "{\"exit\": $status}"
