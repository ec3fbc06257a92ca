/* marks.c — footnotes for content added beyond a source (see marks.h). */
#include "marks.h"
#include <string.h>

const char *marks_source(const Program *g, const Process *p) {
  if (p->meta.field[MK_SOURCE].s) return p->meta.field[MK_SOURCE].s;
  return g && g->nhandbooks ? g->handbooks[0]->meta.field[MK_SOURCE].s : NULL;
}

static void node_marks(const Node *n, void (*fn)(void *, const Added *), void *arg) {
  if (n->added) fn(arg, n->added);
  if (n->x && n->x->when_added) fn(arg, n->x->when_added);
  if (n->x && n->x->within_added) fn(arg, n->x->within_added);
  if (n->x && n->x->trigger_added) fn(arg, n->x->trigger_added);
  if (n->x && n->x->every_added) fn(arg, n->x->every_added);
  for (const Attr *a = n->attrs; a; a = a->next)
    if (a->added) fn(arg, a->added);
}

void marks_each(const Process *p, void (*fn)(void *arg, const Added *a), void *arg) {
  if (p->added) fn(arg, p->added);
  if (p->within_added) fn(arg, p->within_added);
  for (int i = 0; i < p->nlanes; i++)
    if (p->lanes[i].added) fn(arg, p->lanes[i].added);
  for (int i = 0; i < p->nphases; i++)
    if (p->phases[i].added) fn(arg, p->phases[i].added);
  for (int i = 0; i < p->nnodes; i++) node_marks(p->nodes[i], fn, arg);
  for (int i = 0; i < p->nedges; i++)
    if (p->edges[i]->added) fn(arg, p->edges[i]->added);
}

const char *mark_reason(const Added *a) { return !a ? NULL : a->reason ? a->reason : MARK_DEFAULT; }

static int find(const Marks *m, const char *r) {
  for (int k = 0; k < m->n; k++)
    if (!strcmp(m->reasons[k], r)) return k;
  return -1;
}

typedef struct Collect { Arena *a; Marks *m; int cap; } Collect;

static void collect(void *arg, const Added *a) {
  Collect *k = arg;
  const char *r = mark_reason(a);
  if (find(k->m, r) >= 0) return;
  if (k->m->n == k->cap) {
    k->cap = k->cap ? 2 * k->cap : 8;
    const char **more = arena_alloc(k->a, sizeof *more * (size_t)k->cap);
    if (k->m->n) memcpy(more, k->m->reasons, sizeof *more * (size_t)k->m->n);
    k->m->reasons = more;
  }
  k->m->reasons[k->m->n++] = r;
}

void marks_of(Arena *a, const Program *g, const Process *p, Marks *m) {
  memset(m, 0, sizeof *m);
  if (!marks_source(g, p)) return;
  if (p->added) {
    m->whole = 1;
    return;
  }
  Collect k = {a, m, 0};
  marks_each(p, collect, &k);
}

int mark_number(const Marks *m, const Added *a) {
  return a && m ? find(m, mark_reason(a)) + 1 : 0;
}

const char *mark_sign(Arena *a, const Marks *m, const Added *mk) {
  int k = mark_number(m, mk);
  return k ? arena_printf(a, MARK_SIGN "%d", k) : "";
}

const char *mark_text(Arena *a, const Marks *m, const char *s, const Added *mk) {
  const char *sign = mark_sign(a, m, mk);
  return *sign ? arena_printf(a, "%s%s", s ? s : "", sign) : s;
}

const char *mark_note(Arena *a, const Marks *m, int k) {
  return arena_printf(a, MARK_SIGN "%d %s", k + 1, m->reasons[k]);
}

const char *mark_whole(Arena *a, const Process *p) {
  return arena_printf(a, MARK_SIGN " 本流程整体为补充内容：%s",
                      mark_reason(p->added));
}

const char *when_caption(Arena *a, const Node *n) {
  if (!n->x || !n->x->when.s) return NULL;
  return arena_printf(a, "〔%s〕", n->x->when.s);
}
