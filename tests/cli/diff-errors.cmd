"$FLOWC" diff tests/cli/stats-bad/broken.flow tests/cli/diff/new/expense.flow; echo "[broken: $?]"
"$FLOWC" diff tests/cli/diff/old/expense.flow; echo "[one: $?]"
"$FLOWC" diff --format xml tests/cli/diff/old tests/cli/diff/new; echo "[format: $?]"
"$FLOWC" diff tests/cli/diff/old/missing.flow tests/cli/diff/new/expense.flow; echo "[missing: $?]"
"$FLOWC" diff --bogus tests/cli/diff/old tests/cli/diff/new; echo "[unknown option: $?]"
"$FLOWC" diff a b c d e f g
