"$FLOWC" diff tests/cli/diff/old/expense.flow tests/cli/diff/old/expense.flow
"$FLOWC" diff --format json tests/cli/diff/old tests/cli/diff/old
