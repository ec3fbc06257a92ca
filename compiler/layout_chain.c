/* layout_chain.c — long edges as chains of dummy items, one in each row
 * they pass, and the rows as lists of items (layout_int.h). Also the
 * small helpers the later passes share. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "layout_int.h"

int lay_item(Lay *L, int node, int edge, int rank, int lane) {
  Item *t = &L->it[L->nit];
  memset(t, 0, sizeof *t);
  t->node = node;
  t->edge = edge;
  t->owner = -1;
  t->rank = rank;
  t->lane = t->lo = t->hi = lane;
  return L->nit++;
}

static void build_chain(Lay *L, int i) {
  LEdge *e = &L->e[i];
  int ru = L->it[e->u].rank, rv = L->it[e->v].rank;
  int n = abs(ru - rv) + 1, step = rv > ru ? 1 : -1;
  if (e->u == e->v) n = 1;
  if (e->hand) n = 2;
  /* room for the side items lay_sides may add at either end */
  e->chain = NEW(L->c, int, n + 3);
  e->lvl = NEW(L->c, int, n + 3);
  e->chain[0] = e->u;
  int lu = L->it[e->u].lane, lv = L->it[e->v].lane;
  for (int k = 1; k < n - 1; k++) {
    int d = lay_item(L, -1, i, ru + k * step, 2 * k < n ? lu : lv);
    L->it[d].lo = lu < lv ? lu : lv;
    L->it[d].hi = lu < lv ? lv : lu;
    e->chain[k] = d;
  }
  if (n > 1) e->chain[n - 1] = e->v;
  e->nchain = n;
}

/* Items of one row in their first order: by lane, then by the order in
 * which the nodes (or the sources of the edges dummies carry) were
 * declared. */
static const Lay *sort_lay;
static int first_order(const void *a, const void *b) {
  const Item *x = &sort_lay->it[*(const int *)a], *y = &sort_lay->it[*(const int *)b];
  if (x->lane != y->lane) return x->lane - y->lane;
  int kx = x->node >= 0 ? 2 * x->node : 2 * sort_lay->e[x->edge].u + 1;
  int ky = y->node >= 0 ? 2 * y->node : 2 * sort_lay->e[y->edge].u + 1;
  if (kx != ky) return kx - ky;
  return *(const int *)a - *(const int *)b;
}

static void build_rows(Lay *L) {
  L->rowlen = NEW(L->c, int, L->nrows + 1);
  L->row = NEW(L->c, int *, L->nrows + 1);
  for (int k = 0; k < L->nit; k++) L->rowlen[L->it[k].rank]++;
  for (int r = 0; r < L->nrows; r++) L->row[r] = NEW(L->c, int, L->rowlen[r] + 1);
  int *fill = NEW(L->c, int, L->nrows + 1);
  for (int k = 0; k < L->nit; k++) L->row[L->it[k].rank][fill[L->it[k].rank]++] = k;
  sort_lay = L;
  for (int r = 0; r < L->nrows; r++) {
    qsort(L->row[r], (size_t)L->rowlen[r], sizeof(int), first_order);
    lay_row_pos(L, r);
  }
}

void lay_chains(Lay *L) {
  size_t dummies = 0;
  for (int i = 0; i < L->ne; i++)
    if (L->e[i].u >= 0 && L->e[i].v >= 0)
      dummies += (size_t)abs(L->it[L->e[i].u].rank - L->it[L->e[i].v].rank) + 2;
  /* every dummy a chain or a side needs: lay_sides adds at most one at each end */
  Item *it = NEW(L->c, Item, L->nn + dummies + 1);
  memcpy(it, L->it, sizeof *it * (size_t)L->nn);
  L->it = it;
  for (int i = 0; i < L->ne; i++)
    if (L->e[i].u >= 0 && L->e[i].v >= 0) build_chain(L, i);
  L->row_group = NEW(L->c, int, L->nrows + 1);
  for (int v = 0; v < L->nn; v++) L->row_group[L->it[v].rank] = L->group[v];
  build_rows(L);
}

void lay_row_pos(Lay *L, int r) {
  int *row = L->row[r], n = L->rowlen[r];
  for (int i = 0; i < n;) {
    int j = i;
    while (j < n && L->it[row[j]].lane == L->it[row[i]].lane) j++;
    for (int k = i; k < j; k++) L->it[row[k]].pos = L->it[row[k]].lane + (k - i + 0.5) / (j - i);
    i = j;
  }
}

double lay_pin_x(const Lay *L, const LEdge *e, int k) {
  const Item *t = &L->it[e->chain[k]];
  if (t->node < 0) return t->x;
  if (k == 0 && e->exit == PORT_BOTTOM) return t->x + e->off_u;
  if (k == 0 && e->exit == PORT_ELBOW) return lay_pin_x(L, e, 1); /* straight down from the turn */
  if (k == e->nchain - 1 && e->entry == PORT_TOP) return t->x + e->off_v;
  return t->x;
}

/* ---- wrapped text, kept across the layouts of one process ---- */

typedef struct Wrapped {
  const char *text;      /* NULL: a free slot */
  double size, maxw, limit;
  const char **lines; double *widths; int n;
} Wrapped;

struct WrapCache { Ctx *c; Wrapped *slot; unsigned cap, used; }; /* all in c's arena */

WrapCache *lay_wrap_cache(Ctx *c) {
  WrapCache *w = NEW(c, WrapCache, 1);
  w->c = c;
  w->cap = 64;
  w->used = 0;
  w->slot = NEW(c, Wrapped, w->cap);
  return w;
}

static unsigned wrap_hash(const char *text, double maxw, double limit) {
  uintptr_t h = (uintptr_t)text * 0x9E3779B1u;
  h ^= (uintptr_t)(maxw * 64) * 0x85EBCA6Bu ^ (uintptr_t)(limit * 64) * 0xC2B2AE35u;
  return (unsigned)(h ^ (h >> 15));
}

static Wrapped *wrap_slot(WrapCache *w, const char *text, double size, double maxw, double limit) {
  unsigned i = wrap_hash(text, maxw, limit) & (w->cap - 1);
  while (w->slot[i].text && !(w->slot[i].text == text && w->slot[i].size == size &&
                              w->slot[i].maxw == maxw && w->slot[i].limit == limit))
    i = (i + 1) & (w->cap - 1);
  return &w->slot[i];
}

static void wrap_grow(WrapCache *w) {
  Wrapped *old = w->slot;
  unsigned n = w->cap;
  w->cap *= 2;
  w->slot = NEW(w->c, Wrapped, w->cap);
  for (unsigned i = 0; i < n; i++)
    if (old[i].text) *wrap_slot(w, old[i].text, old[i].size, old[i].maxw, old[i].limit) = old[i];
}

int lay_wrap(Lay *L, const char *text, double size, double maxw, double limit,
             const char ***lines, double **widths) {
  WrapCache *w = L->wraps;
  Wrapped *s = wrap_slot(w, text, size, maxw, limit);
  if (!s->text) {
    if (2 * (w->used + 1) > w->cap) {
      wrap_grow(w);
      s = wrap_slot(w, text, size, maxw, limit);
    }
    *s = (Wrapped){text, size, maxw, limit, NULL, NULL, 0};
    s->n = font_wrap_fit(w->c, L->f, text, size, maxw, limit, &s->lines, &s->widths);
    w->used++;
  }
  *lines = s->lines;
  *widths = s->widths;
  return s->n;
}

void lay_label_size(Lay *L, int i) {
  LEdge *e = &L->e[i];
  const char *text = L->tx->edge[i];
  e->labelw = e->labelh = 0;
  if (!text) return;
  int k = e->nlabel = lay_wrap(L, text, LABEL_PT, 8 * LABEL_PT, 0, &e->label_lines, &e->label_widths);
  for (int j = 0; j < k; j++) e->labelw = fmax(e->labelw, e->label_widths[j]);
  e->labelw += 4;
  e->labelh = (k - 1) * font_line_height(L->f, LABEL_PT) + font_ascent(L->f, LABEL_PT) +
              font_descent(L->f, LABEL_PT) + 2;
}
