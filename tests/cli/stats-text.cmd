# time budget: a loop counted once, a fork's slower branch, calendar units
"$FLOWC" stats tests/cli/stats
