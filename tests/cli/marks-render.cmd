# What the chart writers show of `when` and `added` (tests/cli/marks/
# service.flow): the texts of the chart with the marks ※N and a
# conditional step's caption, the footnotes under the picture, a
# conditional step dashed; the scene JSON's source, when, added and
# notes; DOT's dashed style and marked labels; BPMN's documentation and
# flowc:when / flowc:added (well-formed, in flowc's namespace); the chart
# alone as PDF with the footnotes under it. A
# process added as a whole marks nothing one by one and says so once.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
f=tests/cli/marks/service.flow
"$FLOWC" render -f svg -o "$d" $f || exit 1
"$FLOWC" render -f json -o "$d" $f || exit 1
"$FLOWC" render -f png -o "$d" $f || exit 1
echo "-- svg: conditional nodes, marked texts, notes"
grep -o 'class="node [a-z ]*conditional[a-z ]*" id="node-[a-z]*"' "$d/service.svg"
grep -c 'stroke-dasharray:6 3' "$d/service.svg"
xmllint --xpath '//*[local-name()="text"][contains(., "※") or contains(., "〔")]/text()' "$d/service.svg" | sed 's/$/|/' | tr -d '\n'; echo
xmllint --xpath '//*[local-name()="text"]/text()' "$d/feedback.svg" | grep -c '※'
echo "-- png: the picture is taller by the notes"
svgh=$(grep -o 'viewBox="0 0 [0-9.]* [0-9.]*"' "$d/service.svg" | awk '{print $4}' | tr -d '"')
jq -r --arg svgh "$svgh" '"scene height \(.height), with notes \($svgh)"' "$d/service.json"
echo "-- json"
jq -c '.process' "$d/service.json"
jq -c '.lanes[], .phases[] | select(.added) | {name, added}' "$d/service.json"
jq -c '.nodes[] | select(.when or .added) | {id, lines, when, added}' "$d/service.json"
jq -c '.edges[] | select(.added) | {from, to, label_lines, added}' "$d/service.json"
jq -c '.process' "$d/feedback.json"
echo "-- dot"
"$FLOWC" render -f dot -o - -p service $f | grep -E 'dashed|※' | sort  # cgraph writes subgraphs in address order
echo "-- bpmn"
"$FLOWC" render -f bpmn -o "$d/s.bpmn" $f || exit 1
xmllint --noout "$d/s.bpmn" && echo "well-formed XML"
grep -E 'flowc:added|flowc:when|flowc:source|条件' "$d/s.bpmn"
echo "-- pdf: the chart alone, its footnotes under it on its page"
"$FLOWC" render -f pdf -p service -o "$d/s.pdf" $f || exit 1
pdfinfo "$d/s.pdf" | grep Pages
pdftotext "$d/s.pdf" - | grep '^※[0-9] '
