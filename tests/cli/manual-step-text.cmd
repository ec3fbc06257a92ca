# A step has one text everywhere: a fork's written label (分头审核) and,
# for a join without one, 并行汇合 (never its ID) in the procedure table,
# the risks, the RACI matrix, the role index and (the written label
# only) beside its bar in the chart. Printed: every line of
# the manual naming either (the contents and bookmarks aside).
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" manual -o "$d/m.pdf" tests/manual/bars.flow; echo "manual: $?"
pdftotext -layout "$d/m.pdf" - | grep -E '分头审核|并行汇合|split|merge' | sed 's/^ *//; s/  */ /g'
