# BPMN of a recurring start (timerEventDefinition with timeCycle), a
# trigger (documentation) and ranges: the bpmn.io tools (as bpmn-tools)
# parse it without warnings, bpmnlint finds nothing, bpmn-js draws it.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" render -f bpmn -o "$d/hotline.bpmn" tests/cli/time/new/hotline.flow 2>/dev/null; echo "render: $?"
mkdir -p build/bpmn-shots
timeout 300 node tests/browser/bpmn.mjs build/bpmn-shots/hotline.png "$d/hotline.bpmn"; echo "tools: $?"
