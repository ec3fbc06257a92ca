/* manual_section.c — one process: ID card, flowchart, procedure table,
 * statistics (time budget, critical path), risks and controls, forms and
 * records, terms, cross-references. */
#include <string.h>
#include "manual_int.h"
#include "stats.h"
#include "steps.h"

/* "来源：…" when the process was transcribed from a source; a process
 * added as a whole says so here once. NULL without a source. */
static const char *source_cell(Manual *m, const Process *p) {
  const char *src = marks_source(m->prog, p);
  if (!src) return NULL;
  if (!m->marks.whole) return arena_printf(&m->c->arena, "来源：%s", src);
  return arena_printf(&m->c->arena, "来源：%s（本流程整体为原文之外的补充内容：%s）", src,
                      mark_reason(p->added));
}

/* The triggers and periods of p's starts, each list joined by "、". */
static void starts_of(Manual *m, const Process *p, const char **trig, const char **every) {
  Arena *a = &m->c->arena;
  for (int i = 0; i < p->nnodes; i++) {
    const Node *n = p->nodes[i];
    if (n->kind != NK_START || !n->x) continue;
    const char *t = n->x->trigger.s ? mark_text(a, &m->marks, n->x->trigger.s, n->x->trigger_added) : NULL;
    if (t) *trig = **trig ? arena_printf(a, "%s、%s", *trig, t) : t;
    if (n->x->has_every) {
      const char *e = mark_text(a, &m->marks, step_every(a, n->x->every), n->x->every_added);
      *every = **every ? arena_printf(a, "%s、%s", *every, e) : e;
    }
  }
}

static void id_card(Manual *m, const Process *p) {
  const Meta *mt = &p->meta;
  const char *cells[] = {
      "流程编号", m_meta(mt, MK_CODE), "流程名称", p->title,
      "责任部门", m_meta(mt, MK_OWNER), "版本", m_meta(mt, MK_VERSION),
      "编制", m_meta(mt, MK_AUTHOR), "审核", m_meta(mt, MK_REVIEWER),
      "批准", m_meta(mt, MK_APPROVER), "生效日期", mt->has_effective ? m_date(m, mt->effective) : "—",
      arena_printf(&m->c->arena, "目的：%s", m_meta(mt, MK_PURPOSE)), "", "", "",
      arena_printf(&m->c->arena, "范围：%s", m_meta(mt, MK_SCOPE)), "", "", "",
      source_cell(m, p), "", "", "",
  };
  static const unsigned char kind[8] = {0, 0, 0, 0, 0, 2, 2, 2};
  static const double w[4] = {0.14, 0.36, 0.14, 0.36};
  const char *trig = "", *every = "";
  starts_of(m, p, &trig, &every);
  const char *rows[sizeof cells / sizeof *cells + 4];
  memcpy(rows, cells, 16 * sizeof *rows);
  int n = 4, tail = cells[24] ? 3 : 2; /* 目的, 范围 and 来源 if any */
  if (*trig || *every) { /* 触发事件 and 周期 after 编制, before 目的 */
    const char *more[4] = {"触发事件", *trig ? trig : "—", "周期", *every ? every : "—"};
    memcpy(rows + 16, more, sizeof more);
    n = 5;
  }
  memcpy(rows + 4 * n, cells + 16, (size_t)(4 * tail) * sizeof *rows);
  m_table(m, 4, w, NULL, rows, n + tail, kind + (n == 4), NULL);
}

/* What a step leads to, for the notes of a decision: "是 → 步骤 5". */
static const char *branches(Manual *m, const Process *p, const ProcInfo *pi, const Node *n) {
  const char *out = "";
  for (int i = 0; i < p->nedges; i++) {
    const Edge *e = p->edges[i];
    if (e->from != n->index || e->to < 0) continue;
    const Node *t = p->nodes[e->to];
    const char *to = pi->step[t->index]
                         ? arena_printf(&m->c->arena, "步骤 %d", pi->step[t->index])
                         : step_label(t);
    const char *label = mark_text(&m->c->arena, &m->marks, e->label, e->added);
    const char *one = label ? arena_printf(&m->c->arena, "%s → %s", label, to) : to;
    out = *out ? arena_printf(&m->c->arena, "%s；%s", out, one) : one;
  }
  return out;
}

static const char *notes(Manual *m, const Process *p, const ProcInfo *pi, const Node *n) {
  Arena *a = &m->c->arena;
  const char *out = m_join(m, n, AT_NOTE, "\n");
  static const struct { AttrKind k; const char *name; } extra[] = {
      {AT_SYSTEM, "系统"}, {AT_APPROVER, "审批"}, {AT_CONSULT, "征询"}, {AT_INFORM, "知会"}};
  for (size_t i = 0; i < sizeof extra / sizeof *extra; i++) {
    const char *v = m_join(m, n, extra[i].k, "、");
    if (*v) out = arena_printf(a, "%s%s%s：%s", out, *out ? "\n" : "", extra[i].name, v);
  }
  if (n->kind == NK_DECISION || n->kind == NK_FORK) {
    const char *b = branches(m, p, pi, n);
    out = arena_printf(a, "%s%s%s%s", out, *out ? "\n" : "", n->kind == NK_FORK ? "并行：" : "", b);
  }
  if (n->kind == NK_JOIN) out = arena_printf(a, "%s%s汇合并行分支", out, *out ? "\n" : "");
  if (n->kind == NK_CALL && n->callee >= 0) {
    const Process *q = m->prog->procs[n->callee];
    int pg = m_proc_page(m, n->callee);
    out = arena_printf(a, "%s%s执行《%s》%s", out, *out ? "\n" : "", m_proc_name(m, q),
                       pg < 0 ? "" : arena_printf(a, "（第 %s 页）", m_page_label(m, pg)));
  }
  return out;
}

static MBlock procedure(Manual *m, const Process *p, const ProcInfo *pi) {
  int n = pi->norder, rows = 0, ph = -2;
  const char **cells = arena_alloc(&m->c->arena, (size_t)(2 * n + 1) * 8 * sizeof *cells);
  unsigned char *kind = arena_alloc(&m->c->arena, (size_t)(2 * n + 1));
  int *link = arena_alloc(&m->c->arena, (size_t)(2 * n + 1) * sizeof *link);
  for (int i = 0; i < n; i++) {
    const Node *nd = p->nodes[pi->order[i]];
    const char *started = step_start_note(&m->c->arena, nd, "\n", &m->marks);
    if (!pi->step[nd->index] && !*started) continue;
    if (nd->phase != ph && p->nphases) {
      ph = nd->phase;
      const char **row = cells + rows * 8;
      row[0] = ph >= 0 ? arena_printf(&m->c->arena, "阶段：%s", mark_text(&m->c->arena, &m->marks, p->phases[ph].name, p->phases[ph].added))
                       : "阶段：（未分阶段）";
      for (int k = 1; k < 8; k++) row[k] = "";
      kind[rows] = 1;
      link[rows++] = -1;
    }
    const char **row = cells + rows * 8;
    row[0] = pi->step[nd->index] ? arena_printf(&m->c->arena, "%d", pi->step[nd->index]) : "开始";
    row[1] = step_work(&m->c->arena, nd, &m->marks);
    row[2] = nd->lane >= 0 ? step_lanes(&m->c->arena, p, nd, &m->marks) : "—";
    row[3] = m_join(m, nd, AT_INPUT, "\n");
    row[4] = m_join(m, nd, AT_OUTPUT, "\n");
    row[5] = m_join(m, nd, AT_FORM, "\n");
    row[6] = nd->x && nd->x->has_within ? mark_text(&m->c->arena, &m->marks, m_dur(m, nd->x->within), nd->x->within_added) : "";
    row[7] = *started ? started : notes(m, p, pi, nd);
    kind[rows] = 0;
    link[rows++] = nd->kind == NK_CALL && nd->callee >= 0 ? m_proc_page(m, nd->callee) : -1;
  }
  static const char *const head[8] = {"步骤", "工作内容", "责任部门", "输入", "输出", "表单", "时限", "说明"};
  static const double w[8] = {0.06, 0.21, 0.11, 0.12, 0.12, 0.12, 0.08, 0.18};
  return (MBlock){"流程说明", 8, w, head, cells, rows, kind, link, "本流程没有处理步骤。"};
}

/* The nodes as "5 text" joined by sep; start and end as their text; the
 * nodes of one loop (loop[i], as in StatsBudget; NULL: none) in brackets. */
static const char *step_list(Manual *m, const ProcInfo *pi, const Node *const *n, const int *loop, int k,
                             const char *sep) {
  const char *out = "";
  for (int i = 0; i < k; i++) {
    int open = loop && loop[i] >= 0 && (!i || loop[i - 1] != loop[i]);
    int close = loop && loop[i] >= 0 && (i + 1 == k || loop[i + 1] != loop[i]);
    out = arena_printf(&m->c->arena, "%s%s%s%s%s", out, i ? sep : "", open ? "［" : "",
                       m_step_name(m, pi, n[i]), close ? "］" : "");
  }
  return out;
}

/* A limit in working time; a range as its low and high ends. */
static const char *limit_text(Manual *m, const Calendar *cal, Duration d, const char *const unit[3]) {
  const char *hi = stats_dur_text(m->c, cal, stats_duration(cal, dur_hi(d)), unit);
  if (!d.hi) return hi;
  return arena_printf(&m->c->arena, "%s~%s", stats_dur_text(m->c, cal, stats_duration(cal, dur_lo(d)), unit), hi);
}

/* 流程统计: path lengths and the time budget of `flowc stats` (stats.c),
 * on the process's working calendar, and its own limit. */
static MBlock budget(Manual *m, const Process *p, const ProcInfo *pi) {
  static const char *const unit[3] = {" 工作日", " 小时", " 分钟"};
  Calendar cal = stats_calendar(m->c->prog, p, NULL, NULL);
  Arena *a = &m->c->arena;
  StatsBudget b;
  stats_budget(m->c, p, &cal, &b);
  const char **cells = arena_alloc(a, 7 * 2 * sizeof *cells);
  int n = 0;
  cells[2 * n] = "步骤", cells[2 * n++ + 1] = arena_printf(a, "%d 个，其中 %d 个写明时限", b.steps, b.limited);
  if (!b.reachable) {
    cells[2 * n] = "路径", cells[2 * n++ + 1] = "从开始到不了结束";
  } else {
    cells[2 * n] = "路径长度";
    cells[2 * n++ + 1] = arena_printf(a, "最短 %lld 步，最长 %lld 步（循环只计一次）", b.min_steps, b.max_steps);
    cells[2 * n] = "时间预算";
    cells[2 * n++ + 1] =
        !b.limited ? "没有步骤写明时限"
                   : arena_printf(a, "最短 %s，最长 %s（约 %.1f 个日历日；循环只计一次）",
                                  stats_dur_text(m->c, &cal, b.min_time, unit),
                                  stats_dur_text(m->c, &cal, b.max_time, unit),
                                  stats_calendar_days(&cal, b.max_time));
  }
  if (b.reachable && b.limited) {
    int loops = 0;
    for (int i = 0; i < b.npath; i++) loops |= b.loop[i] >= 0;
    cells[2 * n] = "关键路径";
    cells[2 * n++ + 1] = arena_printf(a, "%s%s", step_list(m, pi, b.path, b.loop, b.npath, " → "),
                                      loops ? "（［ ］内为循环，每步只计一次）" : "");
    cells[2 * n] = "其中无时限的步骤";
    cells[2 * n++ + 1] = b.nunlimited ? step_list(m, pi, b.unlimited, NULL, b.nunlimited, "、") : "无";
  }
  if (p->meta.has_within) {
    long long lim = stats_duration(&cal, dur_hi(p->meta.within)); /* a range: its high end */
    cells[2 * n] = "流程时限";
    cells[2 * n++ + 1] = arena_printf(a, "%s%s%s%s%s", mark_text(a, &m->marks, step_dur(a, p->meta.within), p->within_added),
                                      p->meta.within.unit == DU_WORKDAY ? "" : "（",
                                      p->meta.within.unit == DU_WORKDAY ? "" : limit_text(m, &cal, p->meta.within, unit),
                                      p->meta.within.unit == DU_WORKDAY ? "" : "）",
                                      !b.reachable || !b.limited ? ""
                                      : b.max_time > lim ? "：最长路径超出时限" : "：最长路径在时限内");
  }
  cells[2 * n] = "工作日历";
  cells[2 * n++ + 1] = arena_printf(a, "每个工作日 %d 小时，每周 %d 个工作日；h、min 按工作时间计，"
                                       "d、w、mo 按日历时间折算", cal.hours_per_day, cal.days_per_week);
  static const char *const head[2] = {"项目", "内容"};
  static const double w[2] = {0.2, 0.8};
  return (MBlock){"流程统计", 2, w, head, cells, n, NULL, NULL, NULL};
}

static MBlock risks(Manual *m, const Process *p, const ProcInfo *pi) {
  int rows = 0;
  const char **cells = arena_alloc(&m->c->arena, (size_t)(pi->norder + 1) * 3 * sizeof *cells);
  for (int i = 0; i < pi->norder; i++) {
    const Node *nd = p->nodes[pi->order[i]];
    const char *r = m_join(m, nd, AT_RISK, "\n"), *c = m_join(m, nd, AT_CONTROL, "\n");
    if (!*r && !*c) continue;
    const char **row = cells + rows++ * 3;
    row[0] = mark_text(&m->c->arena, &m->marks, m_step_name(m, pi, nd), nd->added);
    row[1] = r;
    row[2] = c;
  }
  static const char *const head[3] = {"步骤", "风险", "控制措施"};
  static const double w[3] = {0.26, 0.34, 0.40};
  return (MBlock){"风险与控制", 3, w, head, cells, rows, NULL, NULL, "本流程未列出风险控制点。"};
}

/* Forms and output records, each once, with the steps that use them. */
static MBlock forms(Manual *m, const Process *p, const ProcInfo *pi) {
  static const char *const category[4] = {"", "表单", "记录（输出）", "表单、记录（输出）"};
  Arena *a = &m->c->arena;
  int cap = 0;
  for (int i = 0; i < p->nnodes; i++)
    for (const Attr *t = p->nodes[i]->attrs; t; t = t->next) cap++;
  const char **cells = arena_alloc(a, (size_t)(cap + 1) * 3 * sizeof *cells);
  int *mask = arena_alloc(a, (size_t)(cap + 1) * sizeof *mask);
  int *last = arena_alloc(a, (size_t)(cap + 1) * sizeof *last); /* the step listed last */
  int rows = 0;
  for (int i = 0; i < pi->norder; i++) {
    const Node *nd = p->nodes[pi->order[i]];
    for (const Attr *t = nd->attrs; t; t = t->next) {
      if (t->kind != AT_FORM && t->kind != AT_OUTPUT) continue;
      const char *step = pi->step[nd->index] ? arena_printf(a, "%d", pi->step[nd->index]) : step_label(nd);
      int r = 0;
      while (r < rows && strcmp(cells[r * 3], t->text.s)) r++;
      if (r == rows) {
        cells[r * 3] = t->text.s;
        cells[r * 3 + 2] = step;
        last[r] = nd->index;
        rows++;
      } else if (last[r] != nd->index) {
        cells[r * 3 + 2] = arena_printf(a, "%s、%s", cells[r * 3 + 2], step);
        last[r] = nd->index;
      }
      mask[r] |= t->kind == AT_FORM ? 1 : 2;
      cells[r * 3 + 1] = category[mask[r]];
    }
  }
  static const char *const head[3] = {"名称", "类别", "相关步骤"};
  static const double w[3] = {0.5, 0.2, 0.3};
  return (MBlock){"表单与记录", 3, w, head, cells, rows, NULL, NULL, "本流程不使用表单。"};
}

/* The footnotes of the marks in the chart and the tables. */
static MBlock footnotes(Manual *m) {
  const Marks *mk = &m->marks;
  const char **cells = arena_alloc(&m->c->arena, (size_t)(mk->n + 1) * 2 * sizeof *cells);
  for (int k = 0; k < mk->n; k++) {
    cells[2 * k] = arena_printf(&m->c->arena, MARK_SIGN "%d", k + 1);
    cells[2 * k + 1] = mk->reasons[k];
  }
  static const char *const head[2] = {"标注", "原文之外的补充内容"};
  static const double w[2] = {0.12, 0.88};
  return (MBlock){"补充内容说明", 2, w, head, cells, mk->n, NULL, NULL, NULL};
}

static MBlock terms(Manual *m, const Process *p) {
  int n = 0;
  for (const Term *t = p->meta.terms; t; t = t->next) n++;
  const char **cells = arena_alloc(&m->c->arena, (size_t)(n + 1) * 2 * sizeof *cells);
  int k = 0;
  for (const Term *t = p->meta.terms; t; t = t->next) {
    cells[k++] = t->term;
    cells[k++] = t->definition;
  }
  static const char *const head[2] = {"术语", "定义"};
  static const double w[2] = {0.25, 0.75};
  return (MBlock){"术语", 2, w, head, cells, n, NULL, NULL, NULL};
}

static MBlock xrefs(Manual *m, int idx) {
  const Program *g = m->prog;
  const Process *p = g->procs[idx];
  Arena *a = &m->c->arena;
  int cap = 2 * p->nnodes + 2;
  FOR_PROC(m, i) cap += g->procs[i]->nnodes;
  const char **cells = arena_alloc(a, (size_t)cap * 3 * sizeof *cells);
  int *link = arena_alloc(a, (size_t)cap * sizeof *link);
  int *who = arena_alloc(a, (size_t)cap * sizeof *who);
  int rows = 0;
  /* the processes this one calls, then those that call it */
  for (int k = 0; k < p->nnodes; k++) {
    const Node *nd = p->nodes[k];
    if (nd->kind != NK_CALL || nd->callee < 0) continue;
    int dup = 0;
    for (int r = 0; r < rows; r++) dup |= who[r] == nd->callee;
    if (dup) continue;
    who[rows] = nd->callee;
    cells[rows * 3] = "调用";
    rows++;
  }
  FOR_PROC(m, i) {
    const Process *q = g->procs[i];
    for (int k = 0; k < q->nnodes; k++)
      if (q->nodes[k]->kind == NK_CALL && q->nodes[k]->callee == idx) {
        who[rows] = i;
        cells[rows * 3] = "被调用";
        rows++;
        break;
      }
  }
  for (int r = 0; r < rows; r++) {
    cells[r * 3 + 1] = m_proc_name(m, g->procs[who[r]]);
    link[r] = m_proc_page(m, who[r]);
    cells[r * 3 + 2] = m_page_label(m, link[r]);
  }
  static const char *const head[3] = {"关系", "流程", "页码"};
  static const double w[3] = {0.15, 0.72, 0.13};
  return (MBlock){"相关流程", 3, w, head, cells, rows, NULL, link, "本流程不调用其他流程，也不被其他流程调用。"};
}

/* A process's own document: its approvals and revisions. */
static int approvals(Manual *m, const Process *p, MBlock *b) {
  int n = 0, nrev = 0;
  b[n++] = (MBlock){"审批", 3, m_approvals_w, m_approvals_head, m_approvals(m, &p->meta), 3,
                    NULL, NULL, NULL};
  for (const Revision *r = p->meta.revisions; r; r = r->next) nrev++;
  if (!nrev) return n;
  const char **cells = arena_alloc(&m->c->arena, (size_t)nrev * 3 * sizeof *cells);
  int k = 0;
  for (const Revision *r = p->meta.revisions; r; r = r->next) {
    cells[k++] = r->version;
    cells[k++] = m_date(m, r->date);
    cells[k++] = r->what;
  }
  static const char *const head[3] = {"版本", "日期", "修订内容"};
  static const double w[3] = {0.12, 0.18, 0.70};
  b[n++] = (MBlock){"修订记录", 3, w, head, cells, nrev, NULL, NULL, NULL};
  return n;
}

void m_section(Manual *m, int idx) {
  const Process *p = m->prog->procs[idx];
  ProcInfo *pi = &m->pi[idx];
  m->cur = p;
  marks_of(&m->c->arena, m->prog, p, &m->marks);
  m_new_page(m, 0);
  pi->entry = m->nent;
  m_heading(m, 0, m_proc_name(m, p), 0);
  id_card(m, p);
  if (m->kind == MANUAL_PROCESS) {
    MBlock a[2];
    m_blocks(m, a, approvals(m, p, a));
  }
  /* every process in one order: the chart (below the ID card when it
   * fits, else from the next page), then the procedure */
  ChartPlan pl;
  m_chart_plan(m, idx, &pl);
  m_chart(m, idx, &pl);
  MBlock b[7];
  int n = 0;
  b[n++] = procedure(m, p, pi);
  if (m->marks.n) b[n++] = footnotes(m);
  b[n++] = budget(m, p, pi);
  b[n++] = risks(m, p, pi);
  b[n++] = forms(m, p, pi);
  if (p->meta.terms) b[n++] = terms(m, p);
  b[n++] = xrefs(m, idx);
  m_blocks(m, b, n);
}
