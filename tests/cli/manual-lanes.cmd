# The manual with a lane group and joint lanes: the procedure table's
# 责任部门 lists every lane (主办 first), the role index names a group's
# lanes 营销中心／市场部 and lists a joint step under each lane (（会同）
# where it takes part), the RACI matrix lists joint steps with every lane
# as R; the chart shows the group's header band and the 会同 line.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" manual -o "$d/m.pdf" tests/manual/lanes.flow 2>/dev/null; echo "manual: $?"
pdftotext -layout "$d/m.pdf" - | awk '/^ *(流程说明|角色索引|RACI 矩阵)$/ { on = 1 }
  on && /流程统计|文件编号/ { on = 0 } on && NF { sub(/^ +/, ""); gsub(/  +/, " | "); print }'
pdftotext "$d/m.pdf" - | grep -c '营销中心$'
pdftotext "$d/m.pdf" - | grep '^会同'
