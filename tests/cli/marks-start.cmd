# A start's trigger and period take a trailing 'added' like any attribute
# line: the chart's caption and the procedure tables carry the marks, the
# footnotes list them, stats counts them as added attribute lines, BPMN
# keeps them, diff reports marking, and fmt keeps the file as it is.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
f=tests/cli/marks-start/a.flow
"$FLOWC" fmt --check $f && echo "fmt: unchanged"
"$FLOWC" render -f svg -o "$d/a.svg" $f || exit 1
xmllint --xpath '//*[local-name()="text"][contains(., "※")]/text()' "$d/a.svg" | sed 's/$/|/' | tr -d '\n'; echo
"$FLOWC" stats $f | grep -E 'transcribed|added '
"$FLOWC" render -f bpmn -o "$d/a.bpmn" $f || exit 1
grep -o '<flowc:added of="[a-z]*"[^>]*>' "$d/a.bpmn"
sed -e 's/ added "原文未写触发事件"//' -e 's/ added$//' $f >"$d/b.flow"
"$FLOWC" diff "$d/b.flow" $f | sed "s|$d/||"
"$FLOWC" manual -o "$d/m.pdf" $f 2>/dev/null || exit 1
# the ID card, the chart's caption and the procedure table's start row
pdftotext "$d/m.pdf" - | tr -d ' \n' | grep -o '客户来电※1\|每月※2\|※1原文未写触发事件' | sort | uniq -c
