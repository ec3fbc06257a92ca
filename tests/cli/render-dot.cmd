# -f dot is the graph flowc lays out (lanes as clusters); dot itself can read it.
d=$(mktemp -d)
"$FLOWC" render -f dot -p recruit -o "$d/r.dot" flows/hr.flow || exit 1
dot -Tsvg "$d/r.dot" > /dev/null && echo "dot reads it"
grep -c -- '->' "$d/r.dot"
rm -rf "$d"
