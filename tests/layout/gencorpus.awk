# Generates a corpus of realistic processes for `make layout-report`:
#   awk [-v SEED=20260101] [-v COUNT=30] -f tests/layout/gencorpus.awk > corpus.flow
# Each process has 3-8 lanes, 2-4 phases and 10-50 nodes, built from
# blocks of company procedures: approvals whose rejection loops back
# through a rework step to an earlier task, approvals whose rejection
# ends the process, three-way routing by amount that merges again,
# fork/join blocks of parallel work, plain task chains, documents,
# archives and waits. Labels are Chinese, of the lengths flows/ uses;
# branch labels 是/否, 同意/不同意, 通过/不通过, 批准/不批准. Every
# process passes `flowc check --werror`. Deterministic for a given SEED:
# its own random numbers (Park-Miller), so any awk gives the same file.

function rnd(n) { st = (st * 48271) % 2147483647; return int(st / 2147483647 * n) }
function pick(list) { return pick_in(list, "|") }
function pick_in(list, sep,   a, k) { k = split(list, a, sep); return a[rnd(k) + 1] }
function chance(p) { return rnd(1000) < p * 1000 }
function fmt(s, x) { gsub(/%s/, x, s); return s }

# ---- the graph being built ----
function node(kind, label, lane,   id) {
  nn++
  id = sprintf("%s%d", substr(kind, 1, 1), nn)
  nid[nn] = id; nkind[nn] = kind; nlabel[nn] = label; nlane[nn] = lane; nphase[nn] = cur_phase
  used[lane] = 1
  return nn
}
function edge(a, b, label) { ne++; efrom[ne] = a; eto[ne] = b; elabel[ne] = label }
# Connects the open ends of the last block (a node and, for a decision,
# the label of its pending branch) to node b.
function attach(b,   k) {
  for (k = 1; k <= nopen; k++) edge(open_node[k], b, open_label[k])
  nopen = 0
}
function leave(v, label) { nopen++; open_node[nopen] = v; open_label[nopen] = label }

# A lane: mostly an unused one while any are left, else any other.
function lane_for(avoid,   k, tries) {
  for (tries = 0; tries < 3; tries++) {
    k = rnd(nlanes) + 1
    if (!used[k] && k != avoid) return k
  }
  k = rnd(nlanes) + 1
  if (k == avoid) k = k % nlanes + 1
  return k
}

function task(label, lane,   v) { v = node("task", label, lane); attach(v); safe[++nsafe] = v; return v }

# ---- blocks ----
function chain(   k, n, v, kind) {
  n = 1 + rnd(3)
  for (k = 0; k < n; k++) {
    kind = pick("task|task|task|task|document|store|data|manual")
    if (kind == "task") v = task(fmt(pick(TASKS), obj), chance(0.6) ? home : lane_for(0))
    else {
      v = node(kind, fmt(pick(kind == "document" ? DOCS : kind == "store" ? STORES : kind == "data" ? DATAS : MANUALS), obj), chance(0.5) ? home : lane_for(0))
      attach(v)
    }
    leave(v, "")
  }
}

# A submission and the decision that checks it: sets chk_sb, chk_who,
# chk_d and yn (the branch labels, yes then no).
function check_step() {
  chk_sb = task(fmt(pick(SUBMITS), obj), home)
  chk_who = lane_for(home)
  split(pick(PAIRS), yn, "/")
  chk_d = node("decision", fmt(pick(CHECKS), lname[chk_who]) fmt(pick(ASKS), obj), chk_who)
  first[chk_d] = yn[1]
  edge(chk_sb, chk_d, "")
}

function approval(   sb, d, r, target, who) {
  check_step()
  sb = chk_sb; d = chk_d; who = chk_who
  r = node("task", fmt(pick(REWORKS), obj), chance(0.7) ? home : who)
  edge(d, r, yn[2])
  # back to the submit step or, sometimes, to an earlier task
  target = sb
  if (nsafe > 3 && chance(0.35)) target = safe[1 + rnd(nsafe - 1)]
  edge(r, target, "")
  leave(d, yn[1])
}

function rejection(   d, no, e, who) {
  check_step()
  d = chk_d; who = chk_who
  if (chance(0.6)) {
    no = node("task", fmt(pick(NOTIFY), obj), chance(0.5) ? home : who)
    edge(d, no, yn[2])
    e = node("end", pick("流程终止|申请不予批准，结束|终止办理"), nlane[no])
    edge(no, e, "")
  } else {
    e = node("end", pick("流程终止|不予受理，结束"), who)
    edge(d, e, yn[2])
  }
  leave(d, yn[1])
}

function routing(   t, d, k, v, m) {
  t = task(fmt(pick(SIZES), obj), home)
  split(pick_in(WAYS, ";"), lab, "|")
  d = node("decision", fmt(pick(ROUTE_ASKS), obj), lane_for(0))
  edge(t, d, "")
  for (k = 1; k <= 3; k++) {
    v = node("task", fmt(pick(LEVELS), ROLE[k]), lane_for(nlane[d]))
    edge(d, v, lab[k])
    mv[k] = v
  }
  m = node("task", fmt(pick(MERGES), obj), home)
  for (k = 1; k <= 3; k++) edge(mv[k], m, "")
  safe[++nsafe] = m
  leave(m, "")
}

function parallel(   t, f, j, k, b, n, v, prev, i, lk, last) {
  t = task(fmt(pick(PREPARE), obj), home)
  f = node("fork", pick("分头办理|并行处理|同时开展以下工作"), nlane[t])
  edge(t, f, "")
  b = 2 + rnd(2)
  for (k = 1; k <= b; k++) {
    prev = f
    n = 1 + (chance(0.3) ? 1 : 0)
    for (i = 0; i < n; i++) {
      lk = lane_for(nlane[f])
      v = node("task", fmt(pick(PARTS), lname[lk]), lk)
      edge(prev, v, "")
      prev = v
    }
    last[k] = prev
  }
  j = node("join", pick("汇总各方意见|各项工作完成|会签完毕"), nlane[t])
  for (k = 1; k <= b; k++) edge(last[k], j, "")
  leave(j, "")
}

function wait_block(   v) {
  v = node("wait", pick(WAITS), home)
  attach(v)
  leave(v, "")
}

# ---- one process ----
function process(p,   target, k, nph, phs, i, blk, v, e) {
  nn = 0; ne = 0; nopen = 0; nsafe = 0
  split("", used); split("", safe); split("", first)
  nlanes = 3 + rnd(6)
  split(pick(LANESETS), pool, ",")
  # shuffle the lane pool, keep the first nlanes (the applicant first)
  for (k = 2; k <= 9; k++) { i = 2 + rnd(8); tmp = pool[k]; pool[k] = pool[i]; pool[i] = tmp }
  for (k = 1; k <= nlanes; k++) lname[k] = pool[k]
  obj = pick(OBJECTS)
  target = 10 + rnd(38)
  nph = 2 + rnd(3)
  split(pick(PHASESETS), phs, ",")
  cur_phase = 1
  home = 1
  v = node("start", "开始", 1)
  leave(v, "")
  task(fmt(pick(FIRSTS), obj), 1)
  leave(nn, "")
  while (nn < target - 2) {
    if (cur_phase < nph && nn >= target * cur_phase / nph) cur_phase++
    if (chance(0.3)) home = lane_for(0)
    blk = rnd(100)
    if (blk < 30) approval()
    else if (blk < 45) rejection()
    else if (blk < 58 && target - nn > 6) routing()
    else if (blk < 70 && target - nn > 9) parallel()
    else if (blk < 75) wait_block()
    else chain()
  }
  cur_phase = nph
  task(fmt(pick(ARCHIVES), obj), lane_for(0))
  leave(nn, "")
  e = node("end", "结束", nlane[nn])
  attach(e)
  emit(p, phs)
}

function emit(p, phs,   k, v, i) {
  printf "process gen%02d \"%s%s\" {\n", p, obj, pick("管理流程|审批流程|办理流程|控制流程")
  printf "  owner \"%s\"; code \"GEN-PR-%03d\"; version \"1.0\"\n", lname[2], p
  for (k = 1; k <= nlanes; k++) if (used[k]) printf "  lane L%d \"%s\"\n", k, lname[k]
  ph = 0
  for (v = 1; v <= nn; v++) {
    while (ph < nphase[v]) { ph++; printf "\n  phase \"%s\"\n", phs[ph] }
    printf "  %-8s %-5s \"%s\" in L%d", nkind[v], nid[v], nlabel[v], nlane[v]
    if (nkind[v] == "decision") {
      printf " {\n"
      for (i = 1; i <= ne; i++)  # the positive branch first, as people write it
        if (efrom[i] == v && elabel[i] == first[v]) printf "    \"%s\" -> %s\n", elabel[i], nid[eto[i]]
      for (i = 1; i <= ne; i++)
        if (efrom[i] == v && elabel[i] != first[v]) printf "    \"%s\" -> %s\n", elabel[i], nid[eto[i]]
      printf "  }"
    }
    printf "\n"
  }
  printf "\n"
  for (i = 1; i <= ne; i++)
    if (nkind[efrom[i]] != "decision") printf "  %s -> %s\n", nid[efrom[i]], nid[eto[i]]
  printf "}\n\n"
}

BEGIN {
  if (!SEED) SEED = 20260101
  if (!COUNT) COUNT = 30
  st = SEED % 2147483646 + 1
  LANESETS = "申请人,部门负责人,财务部,总经理,办公室,人力资源部,采购部,仓库,法务部|" \
             "经办人,部门经理,分管副总,财务总监,总经理,审计部,信息部,行政部,质量部|" \
             "客户,销售部,信用管理部,财务部,仓储部,物流部,总经理,售后服务部,法务部|" \
             "员工,直属上级,人力资源部,财务部,总经理,工会,办公室,培训中心,信息部"
  OBJECTS = "采购申请|费用报销单|合同|请假申请|用印申请|出差申请|供应商准入|客户投诉|培训计划|" \
            "年度预算|设备维修申请|固定资产报废|档案借阅|新产品开发|质量问题整改|招聘需求|信息系统权限申请"
  PHASESETS = "申请,审核审批,执行,归档|提出需求,评审,实施,验收|受理,调查核实,处理,反馈|" \
              "计划,审批,执行与监控,总结|申请与登记,审核,办理结算,存档"
  FIRSTS = "提出%s，说明事由和依据|根据工作需要发起%s|收集资料，起草%s"
  SUBMITS = "填写%s，附相关证明材料|提交%s及附件|按规定格式编制%s并报送审核|补充完善%s后重新提交"
  CHECKS = "%s审核"
  ASKS = "%s是否合规？|%s，同意？|：%s内容是否完整？|%s？"
  REWORKS = "退回申请人修改%s|按审核意见补充完善%s|说明情况并修改%s"
  NOTIFY = "通知申请人，说明不予批准的原因|书面告知%s未获批准及理由|退回%s，告知处理意见"
  PAIRS = "是/否|同意/不同意|通过/不通过|批准/不批准"
  TASKS = "核对%s内容与附件|登记%s台账并编号|安排人员办理，跟踪办理进度|录入信息系统，生成%s编号|" \
          "组织相关部门评审%s|与相关方沟通确认具体事项|按批准的%s组织实施|检查执行结果，形成记录"
  DOCS = "形成%s审批记录|出具书面意见|签订%s确认书"
  STORES = "%s存入档案库|保存电子记录"
  DATAS = "导入%s数据|输出统计报表"
  MANUALS = "现场核验实物|人工复核%s签字"
  SIZES = "核定%s金额|测算%s所需费用|确定%s的等级"
  ROUTE_ASKS = "%s金额范围？|按金额确定审批权限|%s属于哪一等级？"
  WAYS = "5万元以下|5万至50万元|50万元以上;一般|较大|重大;部门权限内|分管领导权限|总经理权限"
  ROLE[1] = "部门经理"; ROLE[2] = "分管副总"; ROLE[3] = "总经理"
  LEVELS = "%s审批|报%s签批|%s审核并签署意见"
  MERGES = "汇总审批意见，下达%s批复|根据批复办理%s|通知申请人审批结果"
  PREPARE = "分发%s至相关部门会签|启动%s相关工作|召开%s协调会，明确分工"
  PARTS = "%s出具会签意见|%s准备相关资料|%s核实有关情况|%s落实配套资源"
  WAITS = "等待供应商回复|等待到货|等待客户确认|等待付款到账"
  ARCHIVES = "将%s及审批记录归档|整理%s资料，移交档案室|更新%s台账并归档"
  for (p = 1; p <= COUNT; p++) process(p)
}
