# flowc manual -p: one process's own controlled document, chosen by ID or
# code. Printed: its pages (pdfinfo) and the page numbers of its footers
# (第 n 页 / 共 N 页, N its own page count), its parts in order, and for
# an unknown process the message with a suggestion (exit 2, nothing
# written). Without -o it goes to output/ID-manual.pdf.
set -u
export SOURCE_DATE_EPOCH=1767225600  # the same date in both documents
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
f=tests/check/valid-spec-example.flow
"$FLOWC" manual -p recruit -o "$d/recruit.pdf" $f; echo "by ID: $?"
pdfinfo "$d/recruit.pdf" | grep '^Pages:'
pdftotext -layout "$d/recruit.pdf" "$d/r.txt"
echo "footers:" $(grep -oE '第 *[0-9]+ *页 */ *共 *[0-9]+ *页' "$d/r.txt" | tr -d ' ')
echo "parts:" $(grep -oE '^ *(HR-PR-001 人力资源招聘流程|流程编号|审批|修订记录|流程图|流程说明|流程统计|风险与控制|表单与记录|术语|相关流程)( |$)' "$d/r.txt" | tr -d ' ')
grep -oE '文件编号：[^ ]+|(非)?受控文件$' "$d/r.txt" | sort | uniq -c | sed 's/^ *//'
"$FLOWC" manual -p HR-PR-001 -o "$d/by-code.pdf" $f; echo "by code: $?"
cmp -s "$d/recruit.pdf" "$d/by-code.pdf" && echo "the same document"
"$FLOWC" manual -p recruti -o "$d/typo.pdf" $f; echo "unknown process: $?"
"$FLOWC" manual -p HR-PR-01 -o "$d/typo.pdf" $f; echo "unknown code: $?"
top=$PWD
(cd "$d" && "$FLOWC" manual -p recruit "$top/$f" --root "$top/tests/check"; echo "default name: $?")
ls "$d/output"
