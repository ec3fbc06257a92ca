# flowc fmt on files: prints; --check lists those not formatted (exit 1);
# -w rewrites only those, keeping permissions (a formatted file keeps its
# mtime); a file with syntax errors is reported as by check and left as
# it is; a directory means its .flow files; - reads standard input.
d=$(mktemp -d)
printf 'process p {\n  start s\n  end   e\n  s -> e\n}\n' > "$d/good.flow"
printf 'process q { start s; end e; s->e }\n' > "$d/ugly.flow"
printf 'process r {\n  start s\n  s -> \n}\n' > "$d/bad.flow"
chmod 644 "$d/good.flow"; chmod 640 "$d/ugly.flow"
touch -d '2020-01-01 00:00:00' "$d"/*.flow
cp "$d/bad.flow" "$d/bad.orig"
show() { sed "s|$d/||g"; }
echo "-- print"; "$FLOWC" fmt "$d/ugly.flow"; echo "exit $?"
echo "-- check"; "$FLOWC" fmt --check "$d" 2>&1 | show; echo "exit ${PIPESTATUS[0]}"
echo "-- write"; "$FLOWC" fmt -w "$d" 2>&1 | show; echo "exit ${PIPESTATUS[0]}"
cat "$d/ugly.flow"
stat -c '%n %a %y' "$d/good.flow" "$d/ugly.flow" | show | sed 's/ugly.flow \([0-9]*\) .*/ugly.flow \1 (rewritten)/'
cmp "$d/bad.flow" "$d/bad.orig" && echo "bad.flow untouched"
ls -A "$d" | grep -c tmp
rm "$d/bad.flow"
echo "-- check again"; "$FLOWC" fmt --check "$d"; echo "exit $?"
echo "-- stdin"; printf 'process p{start s end e s->e}' | "$FLOWC" fmt -; echo "exit $?"
echo "-- errors"
"$FLOWC" fmt; echo "exit $?"
"$FLOWC" fmt --bogus x.flow; echo "exit $?"
"$FLOWC" fmt "$d/missing.flow" 2>&1 | show; echo "exit ${PIPESTATUS[0]}"
mkdir "$d/empty"; "$FLOWC" fmt "$d/empty" 2>&1 | show; echo "exit ${PIPESTATUS[0]}"
rm -rf "$d"
