# flowc manual --changes-since DIR: a page 本版变更 after the revision
# history (in the contents) with each process that differs from DIR's
# flows and its changes, the lines `flowc diff DIR NEW` writes; none
# without the option; -p, a previous release with errors or no such
# directory refused. Printed: the page's rows, whether they are diff's
# lines, the contents entry, the refusals.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" manual --changes-since tests/cli/diff/old -o "$d/m.pdf" tests/cli/diff/new 2>/dev/null; echo "manual: $?"
pdftotext -layout "$d/m.pdf" "$d/m.txt"
awk '/^ *本版变更$/ { on = 1 } on && /^ *(目录|符号说明)$/ { on = 0 } on && NF && !/页 \/ 共|版本 /' "$d/m.txt" |
  sed 's/^ *//; s/  */ /g' > "$d/page"
head -4 "$d/page"
grep -c '（修改）$\|（新增）$\|（删除）$' "$d/page"
grep -E '^[0-9]+ [-+~] ' "$d/page" | sed 's/^[0-9]* //' | grep -v '流程 ' > "$d/rows"
"$FLOWC" diff tests/cli/diff/old tests/cli/diff/new | grep '^  ' | sed 's/^  //' > "$d/diff"
wc -l < "$d/rows"
cmp -s "$d/rows" "$d/diff" && echo "the rows are flowc diff's lines"
grep -oE '[-+] (新增|删除)流程.*' "$d/page"
echo "contents entries: $(grep -c '^本版变更 ' "$d/m.txt")"
"$FLOWC" manual -o "$d/n.pdf" tests/cli/diff/new 2>/dev/null; echo "without: $?, $(pdftotext "$d/n.pdf" - | grep -c 本版变更)"
"$FLOWC" manual --changes-since tests/cli/diff/new -o "$d/s.pdf" tests/cli/diff/new 2>/dev/null; echo "same: $?"
pdftotext -layout "$d/s.pdf" - | grep -o '与上一版.*'
"$FLOWC" manual -p pay --changes-since tests/cli/diff/old -o "$d/p.pdf" tests/cli/diff/new 2>&1 | grep -v warning; echo "with -p: ${PIPESTATUS[0]}"
"$FLOWC" manual --changes-since tests/cli/stats-bad -o "$d/b.pdf" tests/cli/diff/new 2>&1 | tail -1; echo "bad: ${PIPESTATUS[0]}"
"$FLOWC" manual --changes-since "$d/nope" -o "$d/x.pdf" tests/cli/diff/new 2>&1 | grep -v warning | sed "s#$d#TMP#"; echo "missing: ${PIPESTATUS[0]}"
ls "$d"/*.pdf | wc -l
