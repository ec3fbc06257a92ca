# Output that cannot be written (file size limit, like a full disk; a
# directory that cannot hold files) ends with a message and exit 2, leaves
# no temporary file and keeps the earlier output.
d=$(mktemp -d)
"$FLOWC" render -o "$d" flows/hr.flow 2>/dev/null
"$FLOWC" manual -o "$d/m.pdf" flows/hr.flow 2>/dev/null
cp "$d/recruit.svg" "$d/svg.before"; cp "$d/m.pdf" "$d/pdf.before"
(ulimit -f 8; "$FLOWC" render -o "$d" flows/hr.flow 2>&1 | grep -v warning | sed "s|$d|DIR|g"; echo "render, size limit: ${PIPESTATUS[0]}")
(ulimit -f 8; "$FLOWC" manual -o "$d/m.pdf" flows/hr.flow >/dev/null 2>&1; echo "manual, size limit: $?")
"$FLOWC" render -o /proc/flowc-no-such-dir flows/hr.flow 2>&1 | grep -v warning; echo "render, bad directory: ${PIPESTATUS[0]}"
"$FLOWC" manual -o /proc/flowc-no/m.pdf flows/hr.flow >/dev/null 2>&1; echo "manual, bad directory: $?"
cmp -s "$d/svg.before" "$d/recruit.svg" && echo "earlier SVG unchanged"
cmp -s "$d/pdf.before" "$d/m.pdf" && echo "earlier PDF unchanged"
ls "$d"
rm -rf "$d"
