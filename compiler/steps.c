/* steps.c — a process's steps in reading order and their cells (see
 * steps.h). */
#include "steps.h"
#include <stdlib.h>

static int cmp_ll(const void *a, const void *b) {
  long long x = *(const long long *)a, y = *(const long long *)b;
  return (x > y) - (x < y);
}

void steps_order(Arena *a, const Process *p, Steps *st) {
  int n = p->nnodes;
  int *first = arena_alloc(a, (size_t)(n + 1) * sizeof *first);
  int *adj = arena_alloc(a, (size_t)(p->nedges + 1) * sizeof *adj);
  int *back = arena_alloc(a, (size_t)(p->nedges + 1) * sizeof *back);
  for (int i = 0; i < p->nedges; i++)
    if (p->edges[i]->from >= 0 && p->edges[i]->to >= 0) first[p->edges[i]->from + 1]++;
  for (int i = 0; i < n; i++) first[i + 1] += first[i];
  int *fill = arena_alloc(a, (size_t)(n + 1) * sizeof *fill);
  for (int i = 0; i < p->nedges; i++) {
    const Edge *e = p->edges[i];
    if (e->from >= 0 && e->to >= 0) adj[first[e->from] + fill[e->from]++] = e->to;
  }
  int *state = arena_alloc(a, (size_t)(n + 1) * sizeof *state);
  int *pre = arena_alloc(a, (size_t)(n + 1) * sizeof *pre);
  int *post = arena_alloc(a, (size_t)(n + 1) * sizeof *post);
  int *stack = arena_alloc(a, (size_t)(n + 1) * sizeof *stack);
  int *pos = arena_alloc(a, (size_t)(n + 1) * sizeof *pos);
  int npre = 0, npost = 0;
  for (int pass = 0; pass < 2; pass++)
    for (int r = 0; r < n; r++) {
      if (state[r] || (pass == 0 && p->nodes[r]->kind != NK_START)) continue;
      int sp = 0;
      stack[sp++] = r;
      state[r] = 1;
      pos[r] = first[r];
      pre[r] = npre++;
      while (sp) {
        int u = stack[sp - 1];
        if (pos[u] < first[u + 1]) {
          int k = pos[u]++, v = adj[k];
          if (state[v] == 1) back[k] = 1;
          else if (!state[v]) {
            state[v] = 1;
            pos[v] = first[v];
            pre[v] = npre++;
            stack[sp++] = v;
          }
        } else {
          state[u] = 2;
          post[npost++] = u;
          sp--;
        }
      }
    }
  int *rank = arena_alloc(a, (size_t)(n + 1) * sizeof *rank);
  for (int i = npost - 1; i >= 0; i--) {
    int u = post[i];
    for (int k = first[u]; k < first[u + 1]; k++)
      if (!back[k] && rank[adj[k]] < rank[u] + 1) rank[adj[k]] = rank[u] + 1;
  }
  long long *key = arena_alloc(a, (size_t)(n + 1) * sizeof *key);
  int *by_pre = arena_alloc(a, (size_t)(n + 1) * sizeof *by_pre);
  for (int i = 0; i < n; i++) {
    key[i] = ((long long)(p->nodes[i]->phase + 1) << 42) | ((long long)rank[i] << 21) | pre[i];
    by_pre[pre[i]] = i;
  }
  qsort(key, (size_t)n, sizeof *key, cmp_ll);
  st->order = arena_alloc(a, (size_t)(n + 1) * sizeof *st->order);
  st->num = arena_alloc(a, (size_t)(n + 1) * sizeof *st->num);
  st->n = n;
  int step = 0;
  for (int i = 0; i < n; i++) {
    int v = by_pre[key[i] & ((1 << 21) - 1)];
    st->order[i] = v;
    NodeKind k = p->nodes[v]->kind;
    if (k != NK_START && k != NK_END) st->num[v] = ++step;
  }
}

const char *step_label(const Node *n) {
  if (n->kind == NK_FORK && !n->has_label) return "并行开始";
  if (n->kind == NK_JOIN && !n->has_label) return "并行汇合";
  return n->label && *n->label ? n->label : "—";
}

const char *step_work(Arena *a, const Node *n, const Marks *mk) {
  const char *w = mark_text(a, mk, step_label(n), n->added);
  if (!n->x || !n->x->when.s) return w;
  return arena_printf(a, "（%s%s）%s", n->x->when.s, mark_sign(a, mk, n->x->when_added), w);
}

const char *step_join(Arena *a, const Node *n, AttrKind k, const char *sep, const Marks *mk) {
  const char *out = "";
  for (const Attr *at = n->attrs; at; at = at->next) {
    if (at->kind != k) continue;
    const char *t = mark_text(a, mk, at->text.s, at->added);
    out = *out ? arena_printf(a, "%s%s%s", out, sep, t) : t;
  }
  return out;
}

const char *step_attr(const Node *n, AttrKind k) {
  for (const Attr *a = n->attrs; a; a = a->next)
    if (a->kind == k) return a->text.s;
  return NULL;
}

static const char *const cn_unit[DU__COUNT] = {"分钟", "小时", "天", "工作日", "周", "个月"};

const char *step_dur(Arena *a, Duration d) {
  const char *u = d.unit < DU__COUNT ? cn_unit[d.unit] : "";
  if (d.hi) return arena_printf(a, "%lld%s%lld %s", d.amount, d.tilde ? "～" : "~", d.hi, u);
  return arena_printf(a, "%lld %s", d.amount, u);
}

const char *step_every(Arena *a, Duration d) {
  static const char *const one[DU__COUNT] = {"每分钟", "每小时", "每天", "每个工作日", "每周", "每月"};
  if (d.unit >= DU__COUNT) return "";
  if (d.amount == 1) return one[d.unit];
  return arena_printf(a, "每 %lld %s", d.amount, cn_unit[d.unit]);
}

const char *step_start_note(Arena *a, const Node *n, const char *sep, const Marks *mk) {
  if (n->kind != NK_START || !n->x) return "";
  const NodeExtra *x = n->x;
  const char *t = x->trigger.s ? arena_printf(a, "触发事件：%s", mark_text(a, mk, x->trigger.s, x->trigger_added)) : "";
  if (!x->has_every) return t;
  return arena_printf(a, "%s%s周期：%s", t, *t ? sep : "", mark_text(a, mk, step_every(a, x->every), x->every_added));
}

/* lane k's name with its mark */
static const char *lane_name(Arena *a, const Process *p, int k, const Marks *mk) {
  return mark_text(a, mk, p->lanes[k].name, p->lanes[k].added);
}

const char *step_lanes(Arena *a, const Process *p, const Node *n, const Marks *mk) {
  if (n->lane < 0) return NULL;
  const char *s = lane_name(a, p, n->lane, mk);
  if (!n->x || !n->x->njoint) return s;
  s = arena_printf(a, "%s\xEF\xBC\x88\xE4\xB8\xBB\xE5\x8A\x9E\xEF\xBC\x89", s);  /* （主办） */
  for (int j = 0; j < n->x->njoint; j++)
    if (n->x->joint[j] >= 0) s = arena_printf(a, "%s\xE3\x80\x81%s", s, lane_name(a, p, n->x->joint[j], mk)); /* 、 */
  return s;
}

const char *step_role(Arena *a, const Process *p, int lane) {
  const LaneGroup *g = lane_group(p, lane);
  if (!g) return p->lanes[lane].name;
  return arena_printf(a, "%s\xEF\xBC\x8F%s", g->name, p->lanes[lane].name);  /* ／ */
}
