# Generates a procedure manual of N processes (default 200) in F files
# (default 4) under DIR: DIR/handbook.flow and DIR/partK.flow. Each process
# has 3 lanes, 3 phases and 15 nodes: tasks with forms, inputs, outputs,
# time limits, risks and controls, two decisions (one a rework loop), a
# document, a store, a call of the process before it, terms and revisions.
# Usage: awk -v N=200 -v F=4 -v DIR=build/bench/manual-200 -f tests/genmanual.awk
BEGIN {
  if (!N) N = 200
  if (!F) F = 4
  if (!DIR) DIR = "."
  split("销售部 财务部 人力资源部 综合行政部 技术部 市场部 采购部 仓储部 质量部 总经理", dept, " ")
  split("申请 审核 登记 汇总 核对 审批 通知 归档 确认 复核", verb, " ")
  split("采购 报销 招聘 培训 合同 档案 订单 客户 库存 设备", obj, " ")
  h = DIR "/handbook.flow"
  print "handbook \"生成的流程手册（" N " 个流程）\" {" > h
  print "  code \"GEN-QM-001\"; version \"1.0\"; company \"××测试有限公司\"" > h
  print "  author \"综合行政部\"; reviewer \"各部门负责人\"; approver \"总经理\"" > h
  print "  effective 2026-01-01" > h
  print "  revision \"1.0\" 2026-01-01 \"生成\"" > h
  print "}" > h
  close(h)
  for (i = 1; i <= N; i++) {
    f = DIR "/part" (1 + int((i - 1) * F / N)) ".flow"
    o = obj[1 + i % 10]
    d1 = dept[1 + i % 10]; d2 = dept[1 + (i + 3) % 10]; d3 = dept[1 + (i + 7) % 10]
    printf "process p%d \"%s管理流程 %d\" {\n", i, o, i > f
    printf "  code \"GEN-PR-%03d\"; version \"1.%d\"; owner \"%s\"; approver \"总经理\"\n", i, i % 10, d1 > f
    printf "  effective 2026-%02d-%02d\n", 1 + i % 12, 1 + i % 28 > f
    printf "  purpose \"规范%s的%s工作，明确职责、顺序、时限和表单\"\n", d1, o > f
    printf "  scope \"适用于公司各部门的%s事项\"\n", o > f
    printf "  revision \"1.0\" 2026-01-01 \"首次发布\"\n" > f
    printf "  term \"%s单%d\" \"记录%s事项的表单，编号 %d\"\n", o, i, o, i > f
    printf "  lane a \"%s\"\n  lane b \"%s\"\n  lane c \"%s\"\n", d1, d2, d3 > f
    print "  phase \"申请\"" > f
    print "  start s \"开始\" in a" > f
    printf "  task t1 \"提出%s申请，填写申请表\" in a { form \"%s申请表\"; input \"需求说明\"; within 2d }\n", o, o > f
    printf "  task t2 \"%s%s资料\" in b { output \"%s登记表\"; within 1wd }\n", verb[1 + i % 10], o, o > f
    printf "  decision q1 \"资料齐全？\" in b {\n    是 -> t3\n    否 -> t1\n  }\n" > f
    print "  phase \"审批\"" > f
    printf "  task t3 \"%s%s申请\" in b { risk \"未按规定%s\"; control \"由%s复核\"; within 3d }\n", verb[1 + (i + 1) % 10], o, verb[1 + (i + 2) % 10], d3 > f
    printf "  decision q2 \"%s批准？\" in c {\n    批准 -> t4\n    不批准 -> t5 -> e\n  }\n", d3 > f
    printf "  task t5 \"通知申请人，说明不批准的理由\" in b { inform \"%s\" }\n", d1 > f
    printf "  task t4 \"%s签字确认\" in c { approver \"总经理\"; consult \"%s\" }\n", d3, d2 > f
    print "  phase \"实施\"" > f
    printf "  document doc \"编制%s执行单\" in b { form \"%s执行单\" }\n", o, o > f
    if (i > 1) printf "  call prev \"执行%s管理流程 %d\" in a { process p%d }\n", obj[1 + (i - 1) % 10], i - 1, i - 1 > f
    else printf "  task prev \"准备执行\" in a\n" > f
    printf "  task t6 \"按计划实施%s，记录实施情况\" in a { output \"实施记录\"; within 5wd; note \"重大事项报%s\" }\n", o, d3 > f
    printf "  task t7 \"%s实施结果\" in b { risk \"结果未核对\"; control \"双人核对\" }\n", verb[1 + (i + 4) % 10] > f
    printf "  store arch \"%s资料归档保存\" in c { output \"%s档案\" }\n", o, o > f
    printf "  task t8 \"总结%s工作，提出改进建议\" in a\n", o > f
    print "  end e \"结束\" in a" > f
    print "  s -> t1 -> t2 -> q1; t3 -> q2" > f
    print "  t4 -> doc -> prev -> t6 -> t7 -> arch -> t8 -> e" > f
    print "}" > f
    print "" > f
  }
}
