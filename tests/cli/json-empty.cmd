"$FLOWC" check --format json tests/check/valid-all-kinds.flow
