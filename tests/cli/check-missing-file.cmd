"$FLOWC" check tests/check/no-such.flow
