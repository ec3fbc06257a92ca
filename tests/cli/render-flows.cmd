# Every process of flows/ renders to well-formed SVG that holds every line
# of every label, and to JSON that describes the same nodes.
d=$(mktemp -d)
"$FLOWC" render -o "$d" flows/*.flow 2>/dev/null || exit 1
"$FLOWC" render -f json -o "$d" flows/*.flow 2>/dev/null || exit 1
svgs=0 bad=0 missing=0
for s in "$d"/*.svg; do
  svgs=$((svgs + 1))
  xmllint --noout "$s" || bad=$((bad + 1))
  j=${s%.svg}.json
  # every text line of the scene is a <text> of the SVG (XML-escaped)
  while IFS= read -r line; do
    esc=$(printf '%s' "$line" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')
    grep -qF ">$esc</text>" "$s" || { missing=$((missing + 1)); echo "missing in $s: $line"; }
  done < <(jq -r '.nodes[].lines[], .lanes[].name' "$j")
done
procs=$(grep -c '^process ' flows/*.flow | awk -F: '{n += $2} END {print n}')
echo "$svgs svg files for $procs processes, $bad not well-formed, $missing lines missing"
rm -rf "$d"
