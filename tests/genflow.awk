# Generates one valid process of about N nodes for benchmarks:
# awk -v N=1000 -f tests/genflow.awk > big.flow
# Blocks of five steps (three tasks, a decision whose 否 branch loops back
# through a rework step), five lanes, a phase every 1,000 nodes and a
# fork/join pair every ten blocks.
BEGIN {
  if (!N) N = 1000
  blocks = int(N / 5); if (blocks < 1) blocks = 1
  print "process bench \"基准流程\" {"
  print "  owner \"质量部\"; code \"BENCH-001\"; version \"1.0\""
  for (l = 0; l < 5; l++) printf "  lane L%d \"部门%d\"\n", l, l
  print "  start s \"开始\" in L0"
  for (b = 0; b < blocks; b++) {
    if (b % 200 == 0) printf "  phase \"阶段%d\"\n", b / 200 + 1
    L = b % 5
    printf "  task t%d_1 \"第%d组 准备资料\" in L%d { form \"申请表\"; within 2d }\n", b, b, L
    printf "  task t%d_2 \"第%d组 审核资料\" in L%d\n", b, b, (L + 1) % 5
    if (b % 10 == 5) {
      printf "  fork f%d in L%d\n  task p%d_a \"并行甲\" in L%d\n  task p%d_b \"并行乙\" in L%d\n  join j%d in L%d\n", b, L, b, L, b, (L + 2) % 5, b, L
    } else {
      printf "  task t%d_3 \"第%d组 汇总意见\" in L%d\n", b, b, (L + 2) % 5
    }
    next_ = (b + 1 < blocks) ? sprintf("t%d_1", b + 1) : "e"
    printf "  decision d%d \"第%d组 是否通过？\" in L%d { 是 -> %s; 否 -> r%d }\n", b, b, (L + 3) % 5, next_, b
    printf "  task r%d \"第%d组 退回修改\" in L%d\n", b, b, (L + 4) % 5
    if (b % 10 == 5)
      printf "  t%d_1 -> t%d_2 -> f%d\n  f%d -> p%d_a -> j%d\n  f%d -> p%d_b -> j%d\n  j%d -> d%d\n  r%d -> t%d_2\n", b, b, b, b, b, b, b, b, b, b, b, b, b
    else
      printf "  t%d_1 -> t%d_2 -> t%d_3 -> d%d\n  r%d -> t%d_2\n", b, b, b, b, b, b
  }
  print "  end e \"结束\" in L0"
  print "  s -> t0_1"
  print "}"
}
