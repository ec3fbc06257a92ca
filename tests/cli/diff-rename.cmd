# a chain of renamed Chinese IDs (one without a label); the look-alike
# that moved to another lane is removed and added, not renamed
"$FLOWC" diff tests/cli/diff/rename-a.flow tests/cli/diff/rename-b.flow
