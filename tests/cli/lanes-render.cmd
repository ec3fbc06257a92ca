# joint lanes and lane groups in the outputs: scene JSON (groups with
# their lanes, lanes their group, a joint step its lanes and the lanes
# of its 会同 tags), SVG (the
# group's header band, the "会同：" line, the tags), DOT (group clusters), BPMN
# (childLaneSet, flowc:jointLane) and diff (a changed lane list).
f=tests/cli/lanes/review.flow
"$FLOWC" render -f json -o - $f | jq -c '.groups, [.lanes[] | {id, group, header}], [.nodes[] | select(.lanes) | {id, lanes, lines, marks: [.marks[].lane]}]'
"$FLOWC" render -f svg -o - $f | grep -E 'lane-group|joint-mark|会同' | sed 's/ x="[^"]*"//; s/ y="[^"]*"//'
# each cluster's depth and label, a joint step's comment (sorted: cgraph
# orders subgraphs by address)
"$FLOWC" render -f dot -o - $f | awk '/subgraph/ { n[++d] = $2; next } /^[[:space:]]*}/ { d--; next }
  /graph \[label=/ { sub(/^[[:space:]]*/, ""); print d, n[d], $0 } /comment="/ { sub(/^[[:space:]]*/, ""); print d, n[d], $0 }' | sort
"$FLOWC" render -f bpmn -o - $f | grep -E 'lane|Lane' | grep -v Bounds
"$FLOWC" diff $f tests/cli/lanes/review-new.flow
