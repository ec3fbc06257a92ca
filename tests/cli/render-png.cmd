# The PNG decodes (valid signature and IHDR) and is the scene's size times --scale.
d=$(mktemp -d)
"$FLOWC" render -f png --scale 2 -p recruit -o "$d/r.png" tests/check/valid-spec-example.flow || exit 1
"$FLOWC" render -f json -p recruit -o "$d/r.json" tests/check/valid-spec-example.flow || exit 1
od -An -tx1 -N8 "$d/r.png" | tr -d ' \n'; echo
w=$(od -An -tu1 -j16 -N4 "$d/r.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
h=$(od -An -tu1 -j20 -N4 "$d/r.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
jq -r --argjson w "$w" --argjson h "$h" \
  '"size matches: \(((.width * 2) | ceil) == $w and ((.height * 2) | ceil) == $h)"' "$d/r.json"
rm -rf "$d"
