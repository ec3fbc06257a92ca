# Sourced by the serve-* cases of tests/cli: starts `$FLOWC serve` on a
# free loopback port over a temporary copy of tests/browser/fixtures.
# serve_start sets DIR (the copy), URL and PID; serve_stop ends it with
# SIGINT and prints its exit status. Both leave nothing behind.
serve_start() {
  DIR=$(mktemp -d)
  cp tests/browser/fixtures/*.flow "$DIR"/
  "$FLOWC" serve --port 0 "$DIR" >"$DIR.out" 2>"$DIR.err" &
  PID=$!
  URL=
  for _ in $(seq 200); do
    URL=$(grep -o 'http://[^ ]*' "$DIR.out" 2>/dev/null) && break
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$URL" ] || { echo "flowc serve did not start:"; cat "$DIR.err"; return 1; }
}

serve_stop() {
  kill -INT "$PID"
  wait "$PID"
  echo "serve stopped: exit $?"
  rm -rf "$DIR" "$DIR.out" "$DIR.err"
}
