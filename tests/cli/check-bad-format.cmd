"$FLOWC" check --format xml tests/check/start.flow
