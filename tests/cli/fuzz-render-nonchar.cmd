# Found by fuzz_render: U+FFFF in a label made libunibreak (which takes
# U+FFFF for the end of the text) fail an assertion. Every writer must
# draw such labels, and the SVG and the BPMN must stay well-formed XML.
d=$(mktemp -d)
for f in svg png json bpmn; do "$FLOWC" render -f $f -o "$d" tests/check/fuzz-nonchar-label.flow || echo "render -f $f failed"; done
xmllint --noout "$d/p.svg" && echo "svg well-formed"
xmllint --noout "$d/fuzz-nonchar-label.bpmn" && echo "bpmn well-formed"
jq -r '.nodes[0].lines | join("|")' "$d/p.json" | od -An -c | head -2
rm -rf "$d"
