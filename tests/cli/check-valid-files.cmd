"$FLOWC" check tests/check/valid-all-kinds.flow tests/check/valid-nested-fork.flow && echo clean
