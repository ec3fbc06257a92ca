# flowc diff --svg DIR: the new chart of each changed or added process
# (none for a removed one), added nodes and edges marked "added", changed
# ones "changed", removed ones listed in the legend below the chart; the
# text diff still on standard output. Printed: the files, each chart's
# marked elements and legend, and that the rest is render's SVG.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" diff --svg "$d/charts" tests/cli/diff/old tests/cli/diff/new | tail -3; echo "diff: ${PIPESTATUS[0]}"
ls "$d/charts"
for f in "$d"/charts/*.svg; do
  echo "== $(basename "$f")"
  xmllint --noout "$f" && echo "well-formed"
  grep -o '<g class="\(node\|edge\)[^"]* \(added\|changed\)" id="[^"]*"' "$f" | sed 's/<g class="//; s/" id="/ /; s/"$//'
  xmllint --xpath '//*[local-name()="g"][@class="legend"]/*[local-name()="text"]' "$f" 2>/dev/null |
    sed 's/<text class="\([a-z]*\)"[^>]*>/\1: /g; s/<\/text>/\n/g' | sed '/^$/d'
done
# without the marks and the legend, the SVG is render's
"$FLOWC" render -p pay -o "$d/pay.svg" tests/cli/diff/new/expense.flow
skip='viewBox\|<rect class="background"\|^@font-face'
sed -e 's/ \(added\|changed\)"/"/' -e '/<g class="legend">/,/<\/g>/d' -e '/^\.[a-z .]*\(added\|changed\)/d' \
  "$d/charts/pay.svg" | grep -v "$skip" > "$d/a"
grep -v "$skip" "$d/pay.svg" > "$d/b"
diff "$d/a" "$d/b" >/dev/null && echo "otherwise the same as render's SVG"
"$FLOWC" diff --svg /dev/null/x tests/cli/diff/old tests/cli/diff/new >/dev/null; echo "unwritable: $?"
