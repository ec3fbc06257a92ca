# flowc lsp: completion offers trigger and every in a start's braces only
# (not in a task's); hover on a start shows its trigger and its period as
# written.
f=$PWD/tests/cli/time/lsp.flow u=file://$PWD/tests/cli/time/lsp.flow
pos() { printf '{"jsonrpc":"2.0","id":%s,"method":"textDocument/%s","params":{"textDocument":{"uri":"%s"},"position":{"line":%s,"character":%s}}}\n' "$1" "$2" "$u" "$3" "$4"; }
{
  echo '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
  echo '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  echo "@open $f $u"
  pos 2 completion 4 4   # in start s's braces
  pos 3 completion 7 4   # in task a's braces
  pos 4 hover 1 8        # start s
  echo '{"jsonrpc":"2.0","id":9,"method":"shutdown"}'
  echo '{"jsonrpc":"2.0","method":"exit"}'
} | tests/lsp/client.sh "$FLOWC" | jq -c 'if .id == 2 or .id == 3 then {id, words: [.result[].label] | map(select(. == "trigger" or . == "every" or . == "within"))} elif .id == 4 then {id, hover: .result.contents.value} else empty end'
