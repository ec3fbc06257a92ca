# Page breaks in the manual, on generated processes whose procedure
# tables end at every height of a page: no page of a section starts with
# its short tail (risks, forms and cross-references, one sentence each:
# the table's last row goes along); no page ends
# with a phase heading row whose steps are on the next page; and every
# section has its chart before its procedure table.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
awk 'BEGIN {
  for (k = 14; k <= 44; k++) {
    printf "process p%d \"流程%d\" {\n  code \"GEN-PR-%03d\"\n  owner \"办公室\"\n", k, k, k
    printf "  lane a \"办公室\"\n  lane b \"财务部\"\n  phase \"准备\"\n  start s \"开始\" in a\n"
    for (i = 1; i <= k; i++) printf "  task t%d \"第%d步 登记\" in %s\n", i, i, i % 2 ? "a" : "b"
    printf "  phase \"审核\"\n"
    printf "  task u1 \"财务部审核全部登记资料，核对金额、日期、经办人签字，并填写审核意见\" in b\n"
    printf "  task u2 \"归档\" in a\n  end e \"结束\" in a\n  s"
    for (i = 1; i <= k; i++) printf " -> t%d", i
    printf " -> u1 -> u2 -> e\n}\n"
  }
}' >"$d/gen.flow"
"$FLOWC" manual -o "$d/m.pdf" "$d/gen.flow" 2>/dev/null; echo "manual: $?"
pdftotext -layout "$d/m.pdf" - | awk 'BEGIN { RS = "\f" }
  { n = split($0, L, "\n"); first = last = ""
    for (i = 1; i <= n; i++)
      if (L[i] ~ /[^ ]/ && L[i] !~ /第 *[0-9ivx]+ *页 *\/ *共|文件编号|GEN-PR-[0-9]+ +版本|^ *流程手册/) {
        if (first == "") first = L[i]
        last = L[i]
      }
    if (first ~ /^ *(风险与控制|表单与记录|相关流程) *$/) short++
    if (last ~ /阶段：/) orphan++
    # the order of the chart and the table in each section
    if ((i = index($0, "流程图")) && (!index($0, "流程说明") || i < index($0, "流程说明"))) seen = "chart"
    if (index($0, "流程说明") && seen != "chart") table_first++
    if (index($0, "相关流程")) seen = "" }
  END { printf "pages %d, pages starting with a tail %d, pages ending with a phase heading %d, sections with the table first %d\n",
        NR - 1, short, orphan, table_first }'
