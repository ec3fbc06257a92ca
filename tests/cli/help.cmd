"$FLOWC" --help
