/* manual_back.c — the back matter: role index, RACI matrix, forms and
 * records register, glossary. */
#include <string.h>
#include "manual_int.h"
#include "steps.h"

/* A growing table of rows of ncols cells in the arena. */
typedef struct Rows {
  Manual *m;
  int ncols, n, cap;
  const char **cells;
  unsigned char *kind;
  int *link;
} Rows;

/* The collected rows as a table, or the sentence `empty` when there are none. */
static void emit(Rows *r, const char *const *head, const double *w, const char *empty) {
  if (!r->n && empty) m_para(r->m, empty, SZ_BODY);
  else m_table(r->m, r->ncols, w, head, r->cells, r->n, r->kind, r->link);
}

static const char **add(Rows *r, int kind, int link) {
  if (r->n == r->cap) {
    int cap = r->cap ? r->cap * 2 : 64;
    Arena *a = &r->m->c->arena;
    const char **c = arena_alloc(a, (size_t)cap * (size_t)r->ncols * sizeof *c);
    unsigned char *k = arena_alloc(a, (size_t)cap);
    int *l = arena_alloc(a, (size_t)cap * sizeof *l);
    if (r->n) {
      memcpy(c, r->cells, (size_t)r->n * (size_t)r->ncols * sizeof *c);
      memcpy(k, r->kind, (size_t)r->n);
      memcpy(l, r->link, (size_t)r->n * sizeof *l);
    }
    r->cells = c;
    r->kind = k;
    r->link = l;
    r->cap = cap;
  }
  const char **row = r->cells + (size_t)r->n * (size_t)r->ncols;
  for (int i = 0; i < r->ncols; i++) row[i] = "";
  r->kind[r->n] = (unsigned char)kind;
  r->link[r->n++] = link;
  return row;
}

/* Whether lane role (as step_role writes it) is n's responsible lane
 * (1), one it takes part in (2), or neither (0). */
static int role_of(Arena *a, const Process *p, const Node *n, const char *role) {
  if (n->lane < 0) return 0;
  if (!strcmp(step_role(a, p, n->lane), role)) return 1;
  for (int j = 0; n->x && j < n->x->njoint; j++)
    if (n->x->joint[j] >= 0 && !strcmp(step_role(a, p, n->x->joint[j]), role)) return 2;
  return 0;
}

static void roles(Manual *m) {
  const Program *g = m->prog;
  Arena *a = &m->c->arena;
  int nl = 0;
  FOR_PROC(m, i) nl += g->procs[i]->nlanes;
  const char **names = arena_alloc(a, (size_t)(nl + 1) * sizeof *names);
  int nn = 0;
  FOR_PROC(m, i)
    for (int k = 0; k < g->procs[i]->nlanes; k++) {
      const char *s = step_role(a, g->procs[i], k);
      int seen = 0;
      for (int j = 0; j < nn && !seen; j++) seen = !strcmp(names[j], s);
      if (!seen) names[nn++] = s;
    }
  Rows r = {m, 3, 0, 0, NULL, NULL, NULL};
  for (int j = 0; j < nn; j++) {
    add(&r, 1, -1)[0] = names[j];
    FOR_PROC(m, i) {
      const Process *p = g->procs[i];
      const ProcInfo *pi = &m->pi[i];
      const char *steps = "";
      for (int k = 0; k < pi->norder; k++) {
        const Node *n = p->nodes[pi->order[k]];
        int how = pi->step[n->index] ? role_of(a, p, n, names[j]) : 0;
        if (!how) continue;
        const char *s = m_step_name(m, pi, n);
        if (how == 2) s = arena_printf(a, "%s\xEF\xBC\x88\xE4\xBC\x9A\xE5\x90\x8C\xEF\xBC\x89", s); /* （会同） */
        steps = *steps ? arena_printf(a, "%s\n%s", steps, s) : s;
      }
      if (!*steps) continue;
      const char **row = add(&r, 0, m_proc_page(m, i));
      row[0] = m_proc_name(m, p);
      row[1] = steps;
      row[2] = m_page_label(m, m_proc_page(m, i));
    }
  }
  m_new_page(m, 0);
  m_heading(m, 0, "角色索引", 0);
  m_para(m, "各部门、岗位（流程图中的泳道）负责的流程和步骤。", SZ_BODY);
  static const char *const head[3] = {"流程", "负责的步骤", "页码"};
  static const double w[3] = {0.36, 0.54, 0.10};
  emit(&r, head, w, NULL);
}

static void raci(Manual *m) {
  const Program *g = m->prog;
  Rows r = {m, 5, 0, 0, NULL, NULL, NULL};
  int any_joint = 0;
  FOR_PROC(m, i) {
    const Process *p = g->procs[i];
    const ProcInfo *pi = &m->pi[i];
    int started = 0;
    for (int k = 0; k < pi->norder; k++) {
      const Node *n = p->nodes[pi->order[k]];
      const char *ap = m_join(m, n, AT_APPROVER, "、"), *co = m_join(m, n, AT_CONSULT, "、"),
                 *in = m_join(m, n, AT_INFORM, "、");
      int joint = n->x && n->x->njoint;
      any_joint |= joint;
      if (!*ap && !*co && !*in && !joint) continue;
      if (!started) {
        add(&r, 1, m_proc_page(m, i))[0] = m_proc_name(m, p);
        started = 1;
      }
      const char **row = add(&r, 0, -1);
      row[0] = m_step_name(m, pi, n);
      row[1] = n->lane >= 0 ? step_lanes(&m->c->arena, p, n, NULL) : "—";
      row[2] = ap;
      row[3] = co;
      row[4] = in;
    }
  }
  m_new_page(m, 0);
  m_heading(m, 0, "RACI 矩阵", 0);
  m_para(m, any_joint ? "R 负责执行（泳道；联合泳道的步骤各泳道同为 R，主办在前），A 审批，C 事前征询，I 事后知会。"
                        "只列出指定了审批、征询或知会对象的步骤和联合泳道的步骤。"
                      : "R 负责执行（泳道），A 审批，C 事前征询，I 事后知会。只列出指定了审批、征询或知会对象的步骤。",
         SZ_BODY);
  static const char *const head[5] = {"步骤", "R 负责", "A 审批", "C 征询", "I 知会"};
  static const double w[5] = {0.36, 0.16, 0.16, 0.16, 0.16};
  emit(&r, head, w, "各流程均未指定审批、征询或知会对象。");
}

static void register_of_forms(Manual *m) {
  const Program *g = m->prog;
  Arena *a = &m->c->arena;
  Rows r = {m, 3, 0, 0, NULL, NULL, NULL};
  FOR_PROC(m, i) {
    const Process *p = g->procs[i];
    const ProcInfo *pi = &m->pi[i];
    for (int k = 0; k < pi->norder; k++) {
      const Node *n = p->nodes[pi->order[k]];
      for (const Attr *t = n->attrs; t; t = t->next) {
        if (t->kind != AT_FORM) continue;
        const char *use = arena_printf(a, "%s：%s", m_proc_name(m, p), m_step_name(m, pi, n));
        int j = 0;
        while (j < r.n && strcmp(r.cells[j * 3 + 1], t->text.s)) j++;
        if (j < r.n) { /* once per step, however often the step names it */
          const char *had = r.cells[j * 3 + 2];
          size_t hl = strlen(had), ul = strlen(use);
          if (hl < ul || strcmp(had + hl - ul, use) || (hl > ul && had[hl - ul - 1] != '\n'))
            r.cells[j * 3 + 2] = arena_printf(a, "%s\n%s", had, use);
          continue;
        }
        const char **row = add(&r, 0, m_proc_page(m, i));
        row[0] = arena_printf(a, "%d", r.n);
        row[1] = t->text.s;
        row[2] = use;
      }
    }
  }
  m_new_page(m, 0);
  m_heading(m, 0, "表单与记录登记表", 0);
  static const char *const head[3] = {"序号", "表单名称", "使用的流程与步骤"};
  static const double w[3] = {0.08, 0.30, 0.62};
  emit(&r, head, w, "各流程均未使用表单。");
}

static void glossary(Manual *m) {
  const Program *g = m->prog;
  Rows r = {m, 3, 0, 0, NULL, NULL, NULL};
  for (const Term *t = m->hm->terms; t; t = t->next) {
    const char **row = add(&r, 0, -1);
    row[0] = t->term;
    row[1] = t->definition;
    row[2] = "本手册";
  }
  FOR_PROC(m, i)
    for (const Term *t = g->procs[i]->meta.terms; t; t = t->next) {
      const char **row = add(&r, 0, m_proc_page(m, i));
      row[0] = t->term;
      row[1] = t->definition;
      row[2] = m_proc_name(m, g->procs[i]);
    }
  m_new_page(m, 0);
  m_heading(m, 0, "术语表", 0);
  static const char *const head[3] = {"术语", "定义", "出处"};
  static const double w[3] = {0.18, 0.52, 0.30};
  emit(&r, head, w, "本手册没有定义术语。");
}

void m_back(Manual *m) {
  roles(m);
  raci(m);
  register_of_forms(m);
  glossary(m);
}
