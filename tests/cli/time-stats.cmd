# Duration ranges count their high ends in the longest budget, their low
# ends in the shortest; a range limit compares the longest path with its
# high end. Starts with a trigger or a period are listed (text and JSON).
"$FLOWC" stats tests/cli/time/new/hotline.flow 2>/dev/null
out=$("$FLOWC" stats --format json tests/cli/time/new/hotline.flow 2>/dev/null) || exit
printf '%s\n' "$out" | jq -c '.processes[0] | .starts, .time.shortest.minutes, .time.longest.minutes, .time.limit.as_written, .time.limit.working.minutes, .time.limit.working_low.minutes, .time.limit.over'
