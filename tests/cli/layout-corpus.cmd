# The generated corpus of `make layout-report` (tests/layout/gencorpus.awk):
# 30 processes of 10-50 nodes, each passing check --werror; other seeds
# give valid processes too.
d=$(mktemp -d)
awk -f tests/layout/gencorpus.awk > "$d/a.flow"
grep -c '^process' "$d/a.flow"
awk '/^process/ { n = 0 } /^  [a-z]+ +[a-z]+[0-9]+ +"/ { n++ } /^}/ { if (n < 10 || n > 50) print "size " n }' "$d/a.flow"
"$FLOWC" check --werror "$d/a.flow"; echo "check: $?"
for s in 1 7 42; do awk -v SEED=$s -f tests/layout/gencorpus.awk > "$d/s.flow"; "$FLOWC" check --werror "$d/s.flow" || echo "seed $s fails"; done
rm -rf "$d"
