# A fork's written label is drawn beside its bar (as the procedure table
# names the step, tests/cli/manual-step-text): in the SVG, the JSON scene
# and the PDF; a join without a label has none. Printed: the bar nodes'
# text, whether each label lies beside its bar (left or right, on its
# row), and the PDF's words.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" render -f svg -o "$d" tests/manual/bars.flow || exit 1
"$FLOWC" render -f json -o "$d" tests/manual/bars.flow || exit 1
"$FLOWC" render -f pdf -o "$d" tests/manual/bars.flow || exit 1
xmllint --xpath '//*[local-name()="g"][@id="node-split" or @id="node-merge"]//*[local-name()="text"]/text()' "$d/bars.svg"; echo
jq -r '.nodes[] | select(.kind == "fork" or .kind == "join") |
  "\(.id): \(.lines | join("|")) " +
  (if .label_box == null then "no label" else
    (.label_box as $l |
     if ($l.x >= .x + .w or $l.x + $l.w <= .x) and $l.y < .y + .h and $l.y + $l.h > .y
     then "beside the bar" else "not beside" end)
  end)' "$d/bars.json"
pdftotext "$d/bars.pdf" - | grep -c '分头审核'
