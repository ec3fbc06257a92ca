"$FLOWC" check --werror tests/check/warn-lane.flow tests/check/valid-all-kinds.flow
