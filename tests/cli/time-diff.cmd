# A changed range, trigger or period is a change, shown as written.
"$FLOWC" diff tests/cli/time/old tests/cli/time/new; echo "[diff: $?]"
