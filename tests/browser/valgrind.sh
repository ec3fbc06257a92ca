#!/usr/bin/env bash
# flowc serve under valgrind (tests/run.sh's valgrind pass): pages,
# downloads, a stream, a broken save and its fix, then SIGINT. Exits 99
# when valgrind found an error or a leak.
# Usage: tests/browser/valgrind.sh VALGRIND-COMMAND... FLOWC
set -u
cd "$(dirname "$0")/../.."
FLOWC=$(mktemp)
printf '#!/bin/sh\nexec %s "$@"\n' "$*" > "$FLOWC"
chmod +x "$FLOWC"
. tests/browser/lib.sh
serve_start || { rm -f "$FLOWC"; exit 1; }
for p in "" p/purchase p/escape live/purchase download/purchase.svg download/purchase.png \
         download/purchase.json download/purchase.pdf app.js style.css font nope p/%00; do
  curl -s -o /dev/null -m 60 "$URL$p"
done
curl -s -o /dev/null -m 3 "${URL}events/live/purchase"  # ends at the time limit
sed -i 's/request -> approval/request -> approvel/' "$DIR/purchase.flow"
sleep 2
curl -s -o /dev/null -m 60 "${URL}p/purchase"
sed -i 's/request -> approvel/request -> approval/' "$DIR/purchase.flow"
sleep 2
curl -s -o /dev/null -m 60 "${URL}p/purchase"
kill -INT "$PID"
wait "$PID"
rc=$?
[ "$rc" = 0 ] || cat "$DIR.err"
rm -rf "$DIR" "$DIR.out" "$DIR.err" "$FLOWC"
exit "$rc"
