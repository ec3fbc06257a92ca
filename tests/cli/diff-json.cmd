out=$("$FLOWC" diff --format json tests/cli/diff/old/expense.flow tests/cli/diff/new/expense.flow) || exit
printf '%s\n' "$out"
printf '%s\n' "$out" | jq -c '[.processes[] | {id, change, n: (.changes | length)}]'
