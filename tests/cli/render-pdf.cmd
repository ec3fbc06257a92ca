# flowc render -f pdf: one process's chart as a vector PDF, fitted to a
# page or cut into parts exactly as in the manual, with the manual's
# font handling (an embedded TrueType subset). Printed: pages, fonts,
# node labels missing from the text, the parts of a generated 150-node
# chart in render -f pdf and in manual -p, and the file names written
# into a directory.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
export SOURCE_DATE_EPOCH=1767225600
f=tests/check/valid-spec-example.flow
"$FLOWC" render -f pdf -p recruit -o "$d/recruit.pdf" $f; echo "render -f pdf: $?"
pdfinfo "$d/recruit.pdf" | grep -E '^(Pages|Page size):'
pdffonts "$d/recruit.pdf" | awk 'NR > 2 { n++; if ($(NF-4) == "yes" && $(NF-3) == "yes") sub_++; if ($0 ~ /TrueType/) tt++ }
  END { printf "fonts: %d, embedded and subset: %d, TrueType: %d\n", n, sub_, tt }'
"$FLOWC" render -f json -p recruit -o "$d/recruit.json" $f
pdftotext "$d/recruit.pdf" - | tr -d ' \n\f' >"$d/flat.txt"
jq -r '.nodes[].lines | join("")' "$d/recruit.json" | while IFS= read -r l; do
  grep -qF -- "$l" "$d/flat.txt" || echo "label missing: $l"; done
"$FLOWC" render -p recruit -o "$d/named.pdf" $f; echo "-o NAME.pdf: $?"
cmp -s "$d/recruit.pdf" "$d/named.pdf" && echo "the same PDF"
"$FLOWC" render -f pdf -o "$d/dir" tests/check/valid-all-kinds.flow; echo "into a directory: $?"
ls "$d/dir"
awk -v N=150 -f tests/genflow.awk >"$d/big.flow"
"$FLOWC" render -f pdf -o "$d/big.pdf" "$d/big.flow" 2>/dev/null; echo "150 nodes: $?"
"$FLOWC" manual -p bench -o "$d/big-manual.pdf" "$d/big.flow" 2>/dev/null; echo "manual -p: $?"
# each part has its caption: 流程图第 k / N 部分
parts() { pdftotext "$1" - | grep -oE '流程图第 [0-9]+ / [0-9]+ 部分.*' | sort | uniq -c | tr -s ' ' | tr '\n' ';'; }
echo "pages $(pdfinfo "$d/big.pdf" | awk '/^Pages:/ { print $2 }')"
echo "render: $(parts "$d/big.pdf")"
echo "manual: $(parts "$d/big-manual.pdf")"
