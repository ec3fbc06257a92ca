# A process too big for one chart is refused with a message that says to
# split it, and writes nothing; a bad --scale is a usage error.
d=$(mktemp -d)
awk -v N=2100 -f tests/genflow.awk > "$d/big.flow"
"$FLOWC" render -o "$d/out" "$d/big.flow" 2>&1 | grep "^flowc"; echo "too many nodes: ${PIPESTATUS[0]}"
"$FLOWC" render --scale 0 -o "$d/out" flows/hr.flow > "$d/err" 2>&1; echo "bad scale: $?"
head -1 "$d/err"
ls "$d/out" 2>/dev/null | wc -l
rm -rf "$d"
