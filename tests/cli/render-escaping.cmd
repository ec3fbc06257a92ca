# Markup-like labels stay text in SVG and JSON.
d=$(mktemp -d)
"$FLOWC" render -o "$d" tests/render/escape.flow || exit 1
"$FLOWC" render -f json -o "$d" tests/render/escape.flow || exit 1
xmllint --noout "$d/escape.svg" && echo "svg well-formed"
grep -c '<script>' "$d/escape.svg"
grep -o '&lt;script&gt;alert(1)&lt;/' "$d/escape.svg"
grep -o '<title>[^<]*</title>' "$d/escape.svg"
grep -o ']]&gt; end of CDATA' "$d/escape.svg"
grep -o '\\N \\G \\L' "$d/escape.svg" | head -1
jq -r '.nodes[] | .lines | join("|")' "$d/escape.json"
jq -r '.edges[] | select(.label != null) | .label' "$d/escape.json"
rm -rf "$d"
