# The manual's 流程统计 block in each process's section, from the numbers
# of `flowc stats` (a loop counted once, a fork's slowest branch, a call,
# a wait; a process without limits): steps, path lengths, time budget,
# critical path as numbered steps, the steps on it without a limit.
# Printed: each block, then what `flowc stats` says of the same.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" manual -o "$d/m.pdf" tests/cli/stats/purchase.flow tests/cli/stats/nolimits.flow 2>/dev/null; echo "manual: $?"
pdftotext -layout "$d/m.pdf" - | awk '/^ *流程统计$/ { on = 1; next } on && /^ *(风险与控制|项目 +内容)/ { if ($1 != "项目") on = 0; next } on && NF && !/页 \/ 共|版本 /' | sed 's/^ *//; s/  */ /g'
"$FLOWC" stats tests/cli/stats | grep -E '^process|path in steps|time (limits|budget)|critical path|without a limit'
# calendars of a handbook and of a process, each process's own limit
"$FLOWC" manual -o "$d/c.pdf" tests/cli/stats-cal 2>/dev/null; echo "manual: $?"
pdftotext -layout "$d/c.pdf" - | grep -E '时间预算|流程时限|工作日历' | sed 's/^ *//; s/  */ /g'
