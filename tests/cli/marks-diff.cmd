# flowc diff: a changed condition and marking, unmarking or giving
# another reason for `added` are changes (lane, phase, node attribute,
# branch), in text and JSON.
set -u
"$FLOWC" diff tests/cli/marks/service.flow tests/cli/marks/service-v2.flow; echo "diff: $?"
"$FLOWC" diff --format json tests/cli/marks/service.flow tests/cli/marks/service-v2.flow |
  jq -c '.processes[].changes[]'
