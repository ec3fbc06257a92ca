# two directories: renamed Chinese IDs, a node that is not a rename
# (other neighbours), every kind of change; processes added and removed
"$FLOWC" diff tests/cli/diff/old tests/cli/diff/new
