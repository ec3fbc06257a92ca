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
  # every text line of the scene is a <text> of the SVG (XML-escaped), and
  # every lane's name is in the SVG's text (it may wrap, a mark ※N after it);
  # one awk a file, so that the time grows only with the text
  m=$(jq -r '(.nodes[].lines[] | "l\t" + .), (.lanes[] | "h\t" + .name)' "$j" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g' |
    awk -F'\t' -v svg="$s" 'BEGIN { while ((getline l < svg) > 0) t = t l "\n"
                                     flat = t; gsub(/<[^>]*>|\n/, "", flat) }
      $1 == "l" && !index(t, ">" $2 "</text>") || $1 == "h" && !index(flat, $2) { print "missing in " svg ": " $2 }')
  [ -n "$m" ] && { echo "$m"; missing=$((missing + $(echo "$m" | wc -l))); }
done
procs=$(grep -c '^process ' flows/*.flow | awk -F: '{n += $2} END {print n}')
# flows/ may grow: the counts are compared, not printed
[ "$svgs" = "$procs" ] && [ "$procs" -ge 10 ] && echo "one svg file per process" || echo "$svgs svg files for $procs processes"
echo "$bad not well-formed, $missing lines missing"
rm -rf "$d"
