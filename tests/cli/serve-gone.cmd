# flowc serve when a process goes away: an open page's stream gets the
# part saying the process no longer exists, and the index drops it, both
# when the process is removed from its file (approve.flow then holds
# approve2) and when its file is deleted (escape.flow); the page comes
# back when the process does. Printed: what each stream and the index
# show after each change.
. tests/browser/lib.sh
serve_start || exit 1
# waits until file $1 has N=$2 events (up to 10 s)
events() { for _ in $(seq 100); do [ "$(grep -c '^id: ' "$1")" -ge "$2" ] && return 0; sleep 0.1; done; return 1; }
# the data of the last event of stream file $1: what the page now shows
last() { awk '/^id: /{d=""} /^data: /{d=d substr($0, 7) "\n"} END{printf "%s", d}' "$1"; }
shows() {
  last "$1" | grep -q 'class="gone"' && echo "$2: the page says the process does not exist" ||
    echo "$2: the page shows $(last "$1" | grep -o '<span class="title">[^<]*' | sed 's/.*>//')"
}
in_index() { curl -s "$URL" | grep -o 'href="/p/[^"]*"' | sed 's/href="\/p\///; s/"//' | tr '\n' ' '; echo; }
curl -s -N "${URL}events/live/approve" >"$DIR.a" & A=$!
curl -s -N "${URL}events/live/escape" >"$DIR.e" & E=$!
events "$DIR.a" 1 && events "$DIR.e" 1 || echo "no first events"
shows "$DIR.a" "approve, at first"
echo "index: $(in_index)"
cp "$DIR/approve.flow" "$DIR.keep"
sed 's/^process approve /process approve2 /' "$DIR.keep" >"$DIR/approve.flow"
events "$DIR.a" 2 || echo "no event after the removal"
shows "$DIR.a" "approve, removed from its file"
echo "GET /p/approve: $(curl -s -o /dev/null -w '%{http_code}' "${URL}p/approve")"
echo "index: $(in_index)"
cp "$DIR.keep" "$DIR/approve.flow"
events "$DIR.a" 3 || echo "no event after the return"
shows "$DIR.a" "approve, back in its file"
n=$(grep -c '^id: ' "$DIR.e")
rm "$DIR/escape.flow"
events "$DIR.e" $((n + 1)) || echo "no event after the deletion"
shows "$DIR.e" "escape, its file deleted"
echo "index: $(in_index)"
curl -s "$URL" | grep -c 'escape.flow'
kill "$A" "$E"; wait "$A" "$E" 2>/dev/null
rm -f "$DIR.a" "$DIR.e" "$DIR.keep"
serve_stop
