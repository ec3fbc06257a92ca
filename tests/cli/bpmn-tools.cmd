# flowc render -f bpmn with the bpmn.io tools (tests/browser/bpmn.mjs) on
# every process of tests/layout/quality (a copy of flows/) and of
# tests/cli/bpmn/kinds.flow (every node kind, Chinese IDs, IDs that are no
# XML names) and tests/cli/marks/service.flow (conditions and marks in
# flowc's namespace): bpmn-moddle parses each file without warnings, bpmnlint
# (recommended, tests/browser/.bpmnlintrc) finds nothing, and bpmn-js in
# headless chromium draws every shape and edge of the diagram.
# Screenshot of the expense process: build/bpmn-shots/expense.png.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" render -f bpmn -o "$d" tests/layout/quality/*.flow tests/cli/bpmn/kinds.flow tests/cli/marks/service.flow tests/cli/bpmn/lanes.flow; echo "render: $?"
# a file a .flow with processes, a participant a process
for f in tests/layout/quality/*.flow tests/cli/bpmn/kinds.flow tests/cli/marks/service.flow tests/cli/bpmn/lanes.flow; do
  b=$(basename "$f" .flow)
  n=$(grep -c '^process ' "$f")
  if [ "$n" = 0 ]; then [ -e "$d/$b.bpmn" ] && echo "$b.bpmn written for no process"; continue; fi
  echo "$b.bpmn: $n processes, $(grep -c '^<bpmn:participant ' "$d/$b.bpmn") participants"
done
mkdir -p build/bpmn-shots
timeout 300 node tests/browser/bpmn.mjs build/bpmn-shots/expense.png "$d/expense.bpmn" \
  $(ls "$d"/*.bpmn | grep -v '/expense\.bpmn$')
echo "tools: $?"
