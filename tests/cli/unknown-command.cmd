"$FLOWC" frobnicate x.flow
