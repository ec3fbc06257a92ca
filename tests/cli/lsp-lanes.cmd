# flowc lsp and lane groups, joint lanes: the outline shows a group with
# its lanes as children; references of a lane find it in a lane list;
# renaming a group and a lane in a list; renaming a lane to a group's ID
# is refused (one namespace); hover on a group and on a joint step;
# completion after ',' in `in a, ` offers the lane IDs.
f=$(mktemp --suffix=.flow) u=file://$f
cat > "$f" <<'FLOW'
process p "评审" {
  lane center "营销中心" {
    lane market "市场部"
    lane sales "销售部"
  }
  lane finance "财务部"
  start s in market
  task t "联合评审" in sales, finance
  end e in market
  s -> t -> e
}
FLOW
req() { printf '{"jsonrpc":"2.0","id":%s,"method":"textDocument/%s","params":{"textDocument":{"uri":"%s"},"position":{"line":%s,"character":%s},"newName":"%s","context":{"includeDeclaration":true}}}\n' "$1" "$2" "$u" "$3" "$4" "$5"; }
{
  echo '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
  echo "@open $f $u"
  printf '{"jsonrpc":"2.0","id":2,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"%s"}}}\n' "$u"
  req 3 references 7 31 x       # finance in "in sales, finance"
  req 4 rename 1 8 mc           # the group center
  req 5 rename 7 31 fin         # finance in the list
  req 6 rename 3 10 center      # market -> center: taken by the group
  req 7 hover 1 8 x
  req 8 hover 7 8 x
  req 9 completion 7 30 x       # after "sales, "
  echo '{"jsonrpc":"2.0","id":10,"method":"shutdown"}'
  echo '{"jsonrpc":"2.0","method":"exit"}'
} | tests/lsp/client.sh "$FLOWC" | jq -r '
  def at: "\(.range.start.line):\(.range.start.character)-\(.range.end.line):\(.range.end.character)";
  def sym: "\(.name)" + (if (.children | length) > 0 then "[\(.children | map(sym) | join(" "))]" else "" end);
  if .id == 2 then "symbols: \(.result | map(sym) | join(" "))"
  elif .id == 3 then "references 3: \(.result | map(at) | join(" "))"
  elif .id == 4 or .id == 5 then "rename \(.id): \(.result.changes | to_entries | map(.value | map("\(at)=\(.newText)") | join(" ")) | join("; "))"
  elif .id == 6 then "rename 6: error \(.error.code) \(.error.message)"
  elif .id == 7 or .id == 8 then "hover \(.id): \(.result.contents.value | gsub("\n"; " | "))"
  elif .id == 9 then "completion 9: \(.result | if type == "object" then .items else . end | map(.label) | join(" "))"
  elif .exit then "exit status \(.exit)"
  else empty end' 2>&1
rm -f "$f"
