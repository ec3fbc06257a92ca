"$FLOWC" stats tests/cli/stats-bad/broken.flow; echo "[broken: $?]"
"$FLOWC" stats --hours-per-day 25 tests/cli/stats/purchase.flow; echo "[hours: $?]"
"$FLOWC" stats --format xml tests/cli/stats/purchase.flow; echo "[format: $?]"
"$FLOWC" stats -p nothere tests/cli/stats/purchase.flow; echo "[process: $?]"
"$FLOWC" stats tests/cli/stats/missing.flow; echo "[missing: $?]"
"$FLOWC" stats --bogus; echo "[option: $?]"
"$FLOWC" stats
