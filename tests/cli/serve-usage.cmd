# flowc serve's usage errors and startup failures: exit 2 with a message.
"$FLOWC" serve; echo "no path: exit $?"
"$FLOWC" serve --port 70000 tests/browser/fixtures; echo "bad port: exit $?"
"$FLOWC" serve --port x tests/browser/fixtures; echo "port not a number: exit $?"
"$FLOWC" serve --bogus tests/browser/fixtures; echo "unknown option: exit $?"
"$FLOWC" serve tests/browser/no-such-dir; echo "missing path: exit $?"
"$FLOWC" serve --root tests/browser/fixtures/purchase.flow tests/browser/fixtures; echo "root not a directory: exit $?"
"$FLOWC" serve --host 256.1.1.1 --port 0 tests/browser/fixtures 2>&1 | sed 's/: .*/: (reason)/'; echo "bad host: exit ${PIPESTATUS[0]}"
"$FLOWC" serve --help | head -1
# SIGTERM stops it as Ctrl-C does
. tests/browser/lib.sh
serve_start || exit 1
kill -TERM "$PID"; wait "$PID"; echo "SIGTERM: exit $?"
tail -1 "$DIR.err"
rm -rf "$DIR" "$DIR.out" "$DIR.err"
