# The manual's processes (contents, index, sections) in the order of
# their codes, not of the file: numbers compared as numbers, processes
# without a code last. Printed: the codes in the page headers of the
# sections, each once, and the process index's codes.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" manual -o "$d/m.pdf" tests/manual/ordered.flow; echo "manual: $?"
pdftotext -layout "$d/m.pdf" "$d/m.txt"
echo "sections:" $(grep -oE '(SAL-PR-[0-9]+|—)[　 ]+版本' "$d/m.txt" | sed -E 's/[　 ]+版本//' | uniq)
echo "index:" $(awk '/^ *流程索引$/ { on = 1 } on && /文件编号/ { on = 0 } on' "$d/m.txt" |
  grep -oE '^ *(SAL-PR-[0-9]+|—) ' | tr -d ' ')
