"$FLOWC" check
