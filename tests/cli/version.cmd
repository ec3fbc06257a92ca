"$FLOWC" --version
