out=$("$FLOWC" stats --format json -p 采购 tests/cli/stats/purchase.flow) || exit
printf '%s\n' "$out"
printf '%s\n' "$out" | jq -e '.processes[0].time.critical_path | map(.id) | join(" ")'
