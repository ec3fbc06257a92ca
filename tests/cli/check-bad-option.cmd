"$FLOWC" check --bogus tests/check/start.flow
