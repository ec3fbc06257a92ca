"$FLOWC" check tests/check
