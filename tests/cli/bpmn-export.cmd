# flowc render -f bpmn: what each node kind becomes (tests/cli/bpmn/kinds.flow:
# Chinese IDs, IDs that are no XML names, text to escape), the condition
# of each branch, timers, the called process, documentation and flowc's
# metadata; -o rules: NAME.bpmn for one file's processes, - for standard
# output, a usage error for two files or two files of one name.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
k=tests/cli/bpmn/kinds.flow
"$FLOWC" render -f bpmn -o "$d/kinds.bpmn" $k; echo "render: $?"
xmllint --noout "$d/kinds.bpmn" && echo "well-formed XML"
echo "-- elements with their IDs and names"
grep -o '^<bpmn:[a-zA-Z]* id="[^"]*"\( name="[^"]*"\)\?' "$d/kinds.bpmn"
echo "-- every ID once, ASCII letters, digits, _ . - only"
grep -o ' id="[^"]*"' "$d/kinds.bpmn" | sort | uniq -d
grep -o ' id="[^"]*"' "$d/kinds.bpmn" | grep -v '^ id="[A-Za-z_][A-Za-z0-9_.-]*"$'
echo "-- conditions, timers, calls, lanes"
grep -o '<bpmn:conditionExpression[^<]*' "$d/kinds.bpmn"
grep -o '<bpmn:timeDuration[^<]*' "$d/kinds.bpmn"
grep -o 'calledElement="[^"]*"' "$d/kinds.bpmn"
grep -c '<bpmn:flowNodeRef>' "$d/kinds.bpmn"
echo "-- documentation and flowc's extension elements"
grep '<bpmn:documentation>\|<flowc:' "$d/kinds.bpmn" | sort | uniq -c | sort -k2
echo "-- diagram"
grep -c '<bpmndi:BPMNShape ' "$d/kinds.bpmn"
grep -c '<bpmndi:BPMNEdge ' "$d/kinds.bpmn"
grep -o '<bpmndi:BPMNShape [^>]*isHorizontal="false"' "$d/kinds.bpmn" | wc -l
echo "-- -o"
"$FLOWC" render -f bpmn -p no_lanes -o - $k > "$d/out.bpmn"; echo "one process to standard output: $?"
"$FLOWC" render -f bpmn -p no_lanes -o "$d" $k && cmp "$d/out.bpmn" "$d/no_lanes.bpmn" && echo "same as $d/no_lanes.bpmn" | sed "s|$d|TMP|"
grep -c '<bpmn:participant ' "$d/out.bpmn"
"$FLOWC" render -f bpmn -o - flows/sales.flow | grep -c '<bpmn:participant '
"$FLOWC" render -o "$d/two.bpmn" flows/hr.flow flows/sales.flow 2>&1 | sed "s|$d|TMP|"; echo "two files, one name: ${PIPESTATUS[0]}"
mkdir "$d/a" "$d/b"
cp flows/hr.flow "$d/a/x.flow"
sed 's/process recruit /process recruit2 /; s/"HR-PR-001"/"HR-PR-009"/' flows/hr.flow > "$d/b/x.flow"
"$FLOWC" render -f bpmn -o "$d/out" "$d/a" "$d/b" 2>&1 | sed "s|$d|TMP|g"; echo "two x.flow: ${PIPESTATUS[0]}"
ls "$d/out" 2>&1 | sed "s|$d|TMP|"
"$FLOWC" render -o "$d/leave.doc" flows/hr.flow 2>&1 | sed "s|$d|TMP|"; echo "unknown extension: ${PIPESTATUS[0]}"
