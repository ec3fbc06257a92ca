# flowc lsp over a whole editor session on tests/lsp/: capabilities,
# diagnostics on open and on change (ranges in UTF-16 units: line 1 holds a
# character outside the BMP), definition (also into an imported file),
# references, hover, symbols, completion after '->' and 'in' and of the
# keywords that may start a statement where it stands; prepareRename
# and rename of a node (to a Chinese ID) and of a process (into the
# imported file), refused for a name that is no name or is taken;
# formatting (the text of flowc fmt; no edit once the text has errors);
# shutdown.
d=$PWD/tests/lsp u=file://$PWD/tests/lsp/main.flow
bad=$(mktemp) broken=$(mktemp)
sed 's/"提交申请"   in staff/"提交申请𠀀" in staf/; s/^  s -> ask -> pay -> e/  s -> ask -> pya -> e/' "$d/main.flow" > "$bad"
sed 's/^  s -> ask/  s -> -> ask/' "$d/main.flow" > "$broken"
pos() { printf '{"jsonrpc":"2.0","id":%s,"method":"textDocument/%s","params":{"textDocument":{"uri":"%s"},"position":{"line":%s,"character":%s},"context":{"includeDeclaration":true}}}\n' "$1" "$2" "$u" "$3" "$4"; }
ren() { printf '{"jsonrpc":"2.0","id":%s,"method":"textDocument/rename","params":{"textDocument":{"uri":"%s"},"position":{"line":%s,"character":%s},"newName":"%s"}}\n' "$1" "$u" "$2" "$3" "$4"; }
fmt() { printf '{"jsonrpc":"2.0","id":%s,"method":"textDocument/formatting","params":{"textDocument":{"uri":"%s"},"options":{"tabSize":2,"insertSpaces":true}}}\n' "$1" "$u"; }
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
  pos 10 prepareRename 12 8      # ask in "s -> ask"
  ren 11 12 8 申请
  ren 12 10 40 salary             # payroll in "process payroll"
  ren 13 9 9 1x
  ren 14 9 9 pay
  fmt 15
  pos 17 completion 12 2         # a statement in the process
  pos 18 completion 9 33         # an attribute in task ask's braces
  pos 19 completion 1 0          # a statement at the top of the file
  echo "@change $bad $u"
  echo "@change $broken $u"
  fmt 16
  echo '{"jsonrpc":"2.0","id":9,"method":"shutdown"}'
  echo '{"jsonrpc":"2.0","method":"exit"}'
} | tests/lsp/client.sh "$FLOWC" | jq -r --arg fmt "$("$FLOWC" fmt "$d/main.flow")" '
  def at: "\(.range.start.line):\(.range.start.character)-\(.range.end.line):\(.range.end.character)";
  def file: .uri | sub(".*/"; "");
  if .id == 1 then "capabilities: \(.result.capabilities | keys | join(" "))"
  elif .method == "textDocument/publishDiagnostics" then
    "diagnostics: \(.params.diagnostics | map("\(at) \(.severity) [\(.code)] \(.message)") | if length == 0 then "none" else join(" | ") end)"
  elif .id == 2 or .id == 5 then "definition \(.id): \(.result | file) \(.result | at)"
  elif .id == 3 then "references: \(.result | map(at) | join(" "))"
  elif .id == 4 then "hover: \(.result.contents.value | gsub("\n+"; " / "))"
  elif .id == 6 or .id == 7 or .id >= 17 then "completion \(.id): \(.result | map(.label) | join(" "))"
  elif .id == 8 then "symbols: \(.result | map("\(.name)(\(.kind)): \(.children | map(.name) | join(" "))") | join("; "))"
  elif .id == 10 then "prepareRename: \(.result.range | {range: .} | at) \(.result.placeholder)"
  elif .id == 11 or .id == 12 then
    "rename \(.id): \(.result.changes | to_entries | map("\(.key | sub(".*/"; "")) \(.value | map("\(at)=\(.newText)") | join(" "))") | join("; "))"
  elif .id == 13 or .id == 14 then "rename \(.id): error \(.error.code) \(.error.message)"
  elif .id == 15 or .id == 16 then
    "formatting \(.id): \(.result | length) edits\(.result | map(" \(at), the text of flowc fmt: \(.newText == $fmt + "\n")") | join(""))"
  elif .id == 9 then "shutdown: \(.result)"
  elif .exit then "exit status \(.exit)"
  else . end' 2>&1
rm -f "$bad" "$broken"
