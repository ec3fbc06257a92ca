# flowc manual refuses what it cannot do without touching earlier output:
# input with errors (exit 1), no process, a missing font (exit 2), bad
# options; and writes into a directory -o names that does not exist yet.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
export SOURCE_DATE_EPOCH=1767225600
"$FLOWC" manual -o "$d/m.pdf" tests/check/valid-spec-example.flow; echo "first run: $?"
cp "$d/m.pdf" "$d/before"
"$FLOWC" manual -o "$d/m.pdf" tests/check/dead-end.flow >/dev/null 2>&1; echo "input with errors: $?"
"$FLOWC" manual -o "$d/bad.pdf" tests/check/dead-end.flow >/dev/null 2>&1; echo "input with errors, new file: $?"
"$FLOWC" manual -o "$d/m.pdf" flows/handbook.flow 2>&1; echo "no process: $?"
"$FLOWC" manual --font /nonexistent/font.ttf -o "$d/m.pdf" tests/check/valid-spec-example.flow 2>&1; echo "missing font: $?"
"$FLOWC" manual -o "$d/m.pdf" 2>&1; echo "no file: $?"
"$FLOWC" manual --bogus tests/check/valid-spec-example.flow 2>&1; echo "unknown option: $?"
"$FLOWC" manual -o 2>&1; echo "-o without a path: $?"
"$FLOWC" manual -o "$d/m.pdf" tests/check/no-such-file.flow 2>&1 | sed "s|$d|TMP|g"; echo "missing input: ${PIPESTATUS[0]}"
cmp -s "$d/before" "$d/m.pdf" && echo "earlier manual unchanged"
"$FLOWC" manual -o "$d/new/sub/m.pdf" tests/check/valid-spec-example.flow; echo "new directory: $?"
cmp -s "$d/before" "$d/new/sub/m.pdf" && echo "same manual in the new directory"
(cd "$d" && ls -A)
