# With SOURCE_DATE_EPOCH set, two runs write byte-identical manuals (for
# flows/ and for two test cases); the date is the one given.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
export SOURCE_DATE_EPOCH=1767225600
case $FLOWC in /*) ;; *) FLOWC=$PWD/$FLOWC ;; esac
t=(tests/check/valid-all-kinds.flow tests/check/valid-spec-example.flow)
"$FLOWC" manual -o "$d/a.pdf" flows/*.flow && "$FLOWC" manual -o "$d/b.pdf" flows/*.flow \
  && cmp "$d/a.pdf" "$d/b.pdf" && echo "flows: identical"
"$FLOWC" manual -o "$d/c.pdf" "${t[@]}" && (cd "$d" && "$FLOWC" manual -o d.pdf "${t[@]/#/$OLDPWD/}") \
  && cmp "$d/c.pdf" "$d/d.pdf" && echo "tests, run from another directory: identical"
TZ=UTC pdfinfo "$d/a.pdf" | grep -E '^(CreationDate|ModDate):' | sed 's/  */ /'
# another date changes only the dates
SOURCE_DATE_EPOCH=1767312000 "$FLOWC" manual -o "$d/e.pdf" flows/*.flow
echo "another date: $(cmp -l "$d/a.pdf" "$d/e.pdf" | wc -l) bytes differ"
