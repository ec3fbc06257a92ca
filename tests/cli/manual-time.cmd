# The manual: the ID card's 触发事件 and 周期, the procedure table's rows
# for the starts that have them, ranges in the 时限 column and 流程统计.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" manual -p hotline -o "$d/m.pdf" tests/manual/time.flow 2>/dev/null; echo "manual: $?"
pdftotext -layout "$d/m.pdf" - | grep -E '触发事件|周期|^ *开始 |分钟|小时|时间预算|流程时限' | sed 's/^ *//; s/  */ /g'
