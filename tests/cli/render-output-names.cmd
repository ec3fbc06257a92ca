# -o names a file (its extension gives the format) or a directory (made
# with its parents); a file name for several processes, or one that
# contradicts -f, is a usage error that writes nothing.
d=$(mktemp -d)
"$FLOWC" render -p recruit -o "$d/new/recruit.png" flows/hr.flow; echo "png by name: $?"
file -b "$d/new/recruit.png" | cut -d, -f1
"$FLOWC" render -o "$d/all.svg" flows/hr.flow flows/sales.flow 2>&1 | sed "s|$d|TMP|"; echo "one file, many processes: ${PIPESTATUS[0]}"
"$FLOWC" render -f png -o "$d/x.svg" flows/hr.flow 2>&1 | sed "s|$d|TMP|"; echo "name against -f: ${PIPESTATUS[0]}"
"$FLOWC" render -o "$d/a/b/c" flows/hr.flow; echo "nested directory: $?"
ls "$d/a/b/c"
ls "$d" | sort
for cmd in check render manual; do out=$("$FLOWC" $cmd --help); echo "$cmd --help: $?"; echo "$out" | head -1; done
"$FLOWC" check --root "$d/nosuch" flows/hr.flow 2>&1 | sed "s|$d|TMP|"; echo "bad --root: ${PIPESTATUS[0]}"
"$FLOWC" render -o "$d/h" flows/handbook.flow; echo "no process: $?"
rm -rf "$d"
