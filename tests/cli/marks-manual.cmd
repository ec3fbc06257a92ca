# The manual of a process with a source: 来源 in its ID card (a process
# added as a whole says so there instead of marking), the marks ※N in
# the procedure table (work with a conditional step's condition before
# it, lane, time limit, branches), the risk table and 流程统计, and the
# footnotes after the procedure. Printed: the lines with 来源, ※ or （如.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" manual -o "$d/m.pdf" tests/cli/marks/service.flow 2>/dev/null; echo "manual: $?"
pdftotext -layout "$d/m.pdf" - | grep -E '来源|※|（如|补充内容说明' | sed 's/^ *//; s/  */ /g'
