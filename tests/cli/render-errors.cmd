# A failed render writes nothing and leaves earlier output alone.
d=$(mktemp -d)
"$FLOWC" render -o "$d" flows/hr.flow 2>/dev/null; echo "first run: $?"
cp "$d/recruit.svg" "$d/before"
"$FLOWC" render -o "$d" tests/check/dead-end.flow >/dev/null 2>&1; echo "input with errors: $?"
"$FLOWC" render -o "$d" -p nosuch flows/hr.flow 2>&1 | grep -v warning; echo "no such process: ${PIPESTATUS[0]}"
"$FLOWC" render --font /nonexistent/font.ttf -o "$d" flows/hr.flow 2>&1; echo "missing font: $?"
"$FLOWC" render --font /usr/share/fonts/X11/Type1/c0419bt_.pfb -o "$d" flows/hr.flow >/dev/null 2>&1; echo "not a TrueType font: $?"
"$FLOWC" render -f bmp flows/hr.flow 2>&1 | head -1
cmp -s "$d/before" "$d/recruit.svg" && echo "earlier output unchanged"
ls "$d"
rm -rf "$d"
