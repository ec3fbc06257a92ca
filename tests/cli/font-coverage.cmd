# A font without glyphs the text needs (DejaVu Serif has no Chinese) is
# refused before anything is written: render (every format) and manual
# exit 2 with the message and leave no output and no temporary file.
# Text the font covers renders; controls and spaces do not count.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
font=/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf
[ -f "$font" ] && echo "font installed" || echo "font missing: $font"
for f in svg png json dot; do
  "$FLOWC" render -f $f --font "$font" -o "$d/out" tests/check/valid-spec-example.flow 2>&1; echo "render $f: $?"
done
"$FLOWC" render --font "$font" -o "$d/one.svg" -p recruit tests/check/valid-spec-example.flow >/dev/null 2>&1; echo "render one file: $?"
"$FLOWC" manual --font "$font" -o "$d/m.pdf" tests/check/valid-spec-example.flow 2>&1; echo "manual: $?"
"$FLOWC" manual --font "$font" -o "$d/new/m.pdf" tests/check/valid-spec-example.flow >/dev/null 2>&1; echo "manual, new directory: $?"
echo "left behind: $(cd "$d" && find . -mindepth 1 ! -name new | wc -l)" \
  "(the directory for the manual made, empty: $(ls -A "$d/new" | wc -l) files)"
printf 'process p {\n  owner "o"; code "C-1"\n  start n0\n  task n1 "Check\\tthe  order\\nthen\\u{3000}ship"\n  end n2\n  n0 -> n1 -> n2\n}\n' >"$d/latin.flow"
"$FLOWC" render --font "$font" -o "$d/latin" "$d/latin.flow"; echo "Latin text in DejaVu: $?"
printf 'process q {\n  owner "o"; code "C-1"\n  start n0\n  task n1 "微笑 \xf0\x9f\x98\x80 \xf0\x9f\x98\x81 \xf0\x9f\x98\x80"\n  end n2\n  n0 -> n1 -> n2\n}\n' >"$d/emoji.flow"
"$FLOWC" render -o "$d/emoji" "$d/emoji.flow" 2>&1 | sed "s|font '[^']*' has|font FONT has|"; echo "emoji in the default font: ${PIPESTATUS[0]}"
ls "$d/emoji" 2>&1 | sed "s|$d|TMP|"
# the default font has the Chinese
"$FLOWC" render -o "$d/out" tests/check/valid-spec-example.flow 2>/dev/null; echo "default font render: $?"
"$FLOWC" manual -o "$d/m.pdf" tests/check/valid-spec-example.flow; echo "default font manual: $?"
(cd "$d" && ls -A)
