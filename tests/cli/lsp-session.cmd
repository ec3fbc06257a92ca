# flowc lsp over a whole editor session on tests/lsp/: capabilities,
# diagnostics on open and on change (ranges in UTF-16 units: line 1 holds a
# character outside the BMP), definition (also into an imported file),
# references, hover, symbols, completion after '->' and 'in', shutdown.
d=$PWD/tests/lsp u=file://$PWD/tests/lsp/main.flow
bad=$(mktemp)
sed 's/"提交申请"   in staff/"提交申请𠀀" in staf/; s/^  s -> ask -> pay -> e/  s -> ask -> pya -> e/' "$d/main.flow" > "$bad"
pos() { printf '{"jsonrpc":"2.0","id":%s,"method":"textDocument/%s","params":{"textDocument":{"uri":"%s"},"position":{"line":%s,"character":%s},"context":{"includeDeclaration":true}}}\n' "$1" "$2" "$u" "$3" "$4"; }
{
  echo '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
  echo '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  echo "@open $d/main.flow $u"
  pos 2 definition 12 8          # ask in "s -> ask"
  pos 3 references 9 9           # ask's declaration
  pos 4 hover 9 9
  pos 5 definition 10 40         # payroll in "process payroll", in other.flow
  pos 6 completion 12 7          # after "s -> "
  pos 7 completion 9 27          # "st" after "in "
  echo "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"textDocument/documentSymbol\",\"params\":{\"textDocument\":{\"uri\":\"$u\"}}}"
  echo "@change $bad $u"
  echo '{"jsonrpc":"2.0","id":9,"method":"shutdown"}'
  echo '{"jsonrpc":"2.0","method":"exit"}'
} | tests/lsp/client.sh "$FLOWC" | jq -r '
  def at: "\(.range.start.line):\(.range.start.character)-\(.range.end.line):\(.range.end.character)";
  def file: .uri | sub(".*/"; "");
  if .id == 1 then "capabilities: \(.result.capabilities | keys | join(" "))"
  elif .method == "textDocument/publishDiagnostics" then
    "diagnostics: \(.params.diagnostics | map("\(at) \(.severity) [\(.code)] \(.message)") | if length == 0 then "none" else join(" | ") end)"
  elif .id == 2 or .id == 5 then "definition \(.id): \(.result | file) \(.result | at)"
  elif .id == 3 then "references: \(.result | map(at) | join(" "))"
  elif .id == 4 then "hover: \(.result.contents.value | gsub("\n+"; " / "))"
  elif .id == 6 or .id == 7 then "completion \(.id): \(.result | map(.label) | join(" "))"
  elif .id == 8 then "symbols: \(.result | map("\(.name)(\(.kind)): \(.children | map(.name) | join(" "))") | join("; "))"
  elif .id == 9 then "shutdown: \(.result)"
  elif .exit then "exit status \(.exit)"
  else . end' 2>&1
rm -f "$bad"
