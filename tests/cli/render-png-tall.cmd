# A chart too tall for a PNG at the asked scale (cairo: 32767 pixels a
# side) is drawn at the largest scale that fits, said on standard error;
# only when the text would then be under 8 pixels is it refused (exit 2,
# nothing written).
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
awk -v N=1000 -f tests/genflow.awk >"$d/tall.flow"
"$FLOWC" render -f png -o "$d/tall.png" "$d/tall.flow" 2>&1 | grep -v '^ \|size\]$\|warnings\?$' | sed "s|$d|TMP|"
echo "tall: ${PIPESTATUS[0]}"
"$FLOWC" render -f json -o "$d/tall.json" "$d/tall.flow" 2>/dev/null
w=$(od -An -tu1 -j16 -N4 "$d/tall.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
h=$(od -An -tu1 -j20 -N4 "$d/tall.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
jq -r --argjson w "$w" --argjson h "$h" \
  '"fits: \($h <= 32767 and $h > 30000), width kept in proportion: \(($w / $h - .width / .height) | fabs < 0.001)"' "$d/tall.json"
awk -v N=1300 -f tests/genflow.awk >"$d/taller.flow"
"$FLOWC" render -f png -o "$d/taller.png" "$d/taller.flow" 2>&1 | grep -v '^ \|size\]$\|warnings\?$' | sed "s|$d|TMP|"
echo "taller: ${PIPESTATUS[0]}"
ls "$d"
