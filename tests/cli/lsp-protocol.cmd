# flowc lsp keeps serving after bad input: a message that is not JSON, one
# without Content-Length, a non-JSON-RPC value, an unknown method, a
# question about a document never opened, a position past the end, a
# Content-Length over the 64 MiB limit (its body, to the end here, is
# skipped); exit without shutdown is status 1.
{
  echo '@raw Content-Length: 5\r\n\r\n{oops'
  echo '@raw X-Nothing: 1\r\n\r\n'
  echo '[1, 2]'
  echo '{"jsonrpc":"2.0","id":1,"method":"workspace/symbol","params":{}}'
  echo '{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nowhere.flow"},"position":{"line":0,"character":0}}}'
  echo '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:1","text":"process p \"x\" {\n start s \"s\"\n}\n"}}}'
  echo '{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"untitled:1"},"position":{"line":99,"character":99}}}'
  echo '{"jsonrpc":"2.0","id":4,"method":"textDocument/definition","params":{"textDocument":{"uri":"untitled:1"},"position":{"line":-1,"character":0}}}'
  echo '@raw Content-Length: 999999999999\r\n\r\n'
  echo '{"jsonrpc":"2.0","method":"exit"}'
} | tests/lsp/client.sh "$FLOWC" | jq -c 'if .method then {method, n: (.params.diagnostics | length)} else del(.jsonrpc) end'
