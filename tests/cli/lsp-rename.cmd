# flowc lsp: rename in a document of its own. A lane used after a label
# with a character outside the BMP (its ranges in UTF-16 units); a
# decision (its branches name it where it is declared: one edit there,
# one reference);
# a process that a call node runs by its own ID is refused (lsp-session
# renames one named by 'process ID'); nothing to rename on a keyword.
f=$(mktemp --suffix=.flow) u=file://$f
cat > "$f" <<'FLOW'
process approve "审批" {
  lane l "办公室"
  start s "𠀀开始" in l
  decision ok "同意？" in l {
    是 -> e
    否 -> s
  }
  end e in l
  s -> ok
}
process main {
  lane m "人"
  start s in m
  call approve in m
  call again in m { process approve }
  end e in m
  s -> approve -> again -> e
}
FLOW
req() { printf '{"jsonrpc":"2.0","id":%s,"method":"textDocument/%s","params":{"textDocument":{"uri":"%s"},"position":{"line":%s,"character":%s},"newName":"%s"}}\n' "$1" "$2" "$u" "$3" "$4" "$5"; }
{
  echo '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
  echo "@open $f $u"
  req 2 rename 2 20 部门        # l in "in l", after 𠀀
  req 3 rename 3 11 agree       # the decision ok
  req 4 prepareRename 0 10 x    # approve
  req 5 rename 0 10 check
  req 6 prepareRename 2 3 x     # the keyword start
  # references of the decision: its declaration once (its branches name it there) and its use
  printf '{"jsonrpc":"2.0","id":7,"method":"textDocument/references","params":{"textDocument":{"uri":"%s"},"position":{"line":3,"character":11},"context":{"includeDeclaration":true}}}\n' "$u"
  echo '{"jsonrpc":"2.0","id":9,"method":"shutdown"}'
  echo '{"jsonrpc":"2.0","method":"exit"}'
} | tests/lsp/client.sh "$FLOWC" | jq -r '
  def at: "\(.range.start.line):\(.range.start.character)-\(.range.end.line):\(.range.end.character)";
  if .id == 2 or .id == 3 then "rename \(.id): \(.result.changes | to_entries | map(.value | map("\(at)=\(.newText)") | join(" ")) | join("; "))"
  elif .id == 4 or .id == 6 then "prepareRename \(.id): \(if .result then "\(.result | at) \(.result.placeholder)" else "null" end)"
  elif .id == 5 then "rename 5: error \(.error.code) \(.error.message)"
  elif .id == 7 then "references 7: \(.result | map(at) | join(" "))"
  elif .exit then "exit status \(.exit)"
  else empty end' 2>&1
rm -f "$f"
