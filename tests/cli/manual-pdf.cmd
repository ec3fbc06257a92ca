# flowc manual on flows/ and on two test cases without a handbook: qpdf
# finds no error, and the one font is embedded and subset (pdffonts).
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
export SOURCE_DATE_EPOCH=1767225600
for set in flows tests; do
  if [ $set = flows ]; then files=(flows/*.flow)
  else files=(tests/check/valid-all-kinds.flow tests/check/valid-spec-example.flow); fi
  "$FLOWC" manual -o "$d/$set.pdf" "${files[@]}" || echo "$set: flowc manual failed"
  echo "== $set"
  qpdf --check "$d/$set.pdf" >"$d/qpdf.txt" 2>&1 && grep -q 'No syntax or stream encoding errors' "$d/qpdf.txt" \
    && echo "qpdf ok" || { echo "qpdf failed:"; head -5 "$d/qpdf.txt"; }
  # rows below the two header lines: name type encoding emb sub uni object
  pdffonts "$d/$set.pdf" | tail -n +3 >"$d/fonts.txt"
  echo "fonts: $(wc -l <"$d/fonts.txt"), embedded and subset: $(grep -c ' yes yes ' "$d/fonts.txt"), TrueType: $(grep -c 'CID TrueType' "$d/fonts.txt")"
  TZ=UTC pdfinfo "$d/$set.pdf" | grep -E "^(Title|Author|Subject|Keywords|Creator|Producer|CreationDate|ModDate):" | sed "s/  */ /; s/flowc [0-9][0-9.]*/flowc VERSION/"
done
