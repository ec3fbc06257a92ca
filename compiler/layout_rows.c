/* layout_rows.c — loops broken and rows assigned (layout_int.h). An edge
 * into an earlier phase, or one that closes a cycle in a depth-first walk
 * from the starts, is drawn upwards; the rest form a DAG whose nodes take
 * the first row after all their predecessors, each phase a band of rows
 * below the previous phase's. */
#include <string.h>
#include "layout_int.h"

/* Out-edges of every node in source order, CSR. */
static void out_lists(Lay *L, int **off, int **list) {
  int *o = NEW(L->c, int, L->nn + 2), *l = NEW(L->c, int, L->ne + 1);
  for (int i = 0; i < L->ne; i++)
    if (L->e[i].u >= 0) o[L->e[i].u + 1]++;
  for (int v = 0; v < L->nn; v++) o[v + 1] += o[v];
  int *fill = NEW(L->c, int, L->nn + 1);
  for (int i = 0; i < L->ne; i++)
    if (L->e[i].u >= 0) l[o[L->e[i].u] + fill[L->e[i].u]++] = i;
  *off = o;
  *list = l;
}

/* Iterative depth-first walk from root marking edges that close cycles. */
static void walk(Lay *L, int root, const int *off, const int *list, char *state, int *stack,
                 int *next) {
  int sp = 0;
  stack[sp++] = root;
  state[root] = 1;
  next[root] = off[root];
  while (sp) {
    int u = stack[sp - 1];
    if (next[u] == off[u + 1]) {
      state[u] = 2;
      sp--;
      continue;
    }
    LEdge *e = &L->e[list[next[u]++]];
    if (e->v < 0 || e->back) continue;
    if (state[e->v] == 1) e->back = 1;
    else if (state[e->v] == 0) {
      state[e->v] = 1;
      next[e->v] = off[e->v];
      stack[sp++] = e->v;
    }
  }
}

static void break_loops(Lay *L) {
  int *off, *list;
  out_lists(L, &off, &list);
  for (int i = 0; i < L->ne; i++) {
    LEdge *e = &L->e[i];
    if (e->u >= 0 && e->v >= 0 && (L->group[e->u] > L->group[e->v] || e->u == e->v)) e->back = 1;
  }
  char *state = NEW(L->c, char, L->nn + 1);
  int *stack = NEW(L->c, int, L->nn + 1), *next = NEW(L->c, int, L->nn + 1);
  for (int pass = 0; pass < 2; pass++) /* starts first, then whatever is left */
    for (int v = 0; v < L->nn; v++)
      if (!state[v] && (pass || L->p->nodes[v]->kind == NK_START)) walk(L, v, off, list, state, stack, next);
}

/* The DAG: each edge from its upper to its lower end, CSR by upper end. */
typedef struct Dag { int *off, *adj, *eid, *indeg; } Dag;

static void dag(Lay *L, Dag *d) {
  int nn = L->nn;
  d->indeg = NEW(L->c, int, nn + 1);
  d->off = NEW(L->c, int, nn + 2);
  d->adj = NEW(L->c, int, L->ne + 1);
  d->eid = NEW(L->c, int, L->ne + 1);
  for (int i = 0; i < L->ne; i++) {
    const LEdge *e = &L->e[i];
    if (e->u < 0 || e->v < 0 || e->u == e->v) continue;
    d->off[(e->back ? e->v : e->u) + 1]++;
    d->indeg[e->back ? e->u : e->v]++;
  }
  for (int v = 0; v < nn; v++) d->off[v + 1] += d->off[v];
  int *fill = NEW(L->c, int, nn + 1);
  for (int i = 0; i < L->ne; i++) {
    const LEdge *e = &L->e[i];
    if (e->u < 0 || e->v < 0 || e->u == e->v) continue;
    int a = e->back ? e->v : e->u, k = d->off[a] + fill[a]++;
    d->adj[k] = e->back ? e->u : e->v;
    d->eid[k] = i;
  }
}

/* DAG edges whose upper end is placed, in the order they opened. */
typedef struct Open { int *from, *to, n; char *placed; } Open;

/* Row by row, which lanes hold a node (1) or lie under a hand-off (2). */
typedef struct Cells { unsigned char *c; int ncols, cap; } Cells;

static unsigned char *cell(Cells *g, int r, int lane) { return &g->c[(size_t)r * (size_t)g->ncols + (size_t)lane]; }

static int is_bar(const Lay *L, int v) { return L->p->nodes[v]->kind == NK_FORK || L->p->nodes[v]->kind == NK_JOIN; }

/* Whether b may stand in a's row, reached by a horizontal hand-off from
 * a's side: another lane, the lanes from a's to b's empty in that row,
 * a leaving no other way down (a decision's branch may), no bars. */
static int can_hand_off(Lay *L, Cells *g, int a, int b, const int *fwd_out) {
  int la = L->it[a].lane, lb = L->it[b].lane, r = L->it[a].rank;
  if (!g->c || la == lb || L->group[a] != L->group[b] || is_bar(L, a) || is_bar(L, b)) return 0;
  if (fwd_out[a] > 1 && L->p->nodes[a]->kind != NK_DECISION) return 0;
  /* a decision keeps its side corners for its branches */
  if (L->p->nodes[b]->kind == NK_DECISION && fwd_out[b] > 1 && !L->hand_any) return 0;
  int lo = la < lb ? la : lb, hi = la < lb ? lb : la;
  for (int k = lo; k <= hi; k++)
    if (k != la && *cell(g, r, k)) return 0;
  return *cell(g, r, la) == 1; /* a alone in its lane there */
}

/* Whether a line still open (from a node above row r to one not placed
 * yet, other than b) must pass row r within lanes lo..hi, where a hand-off
 * would cross it. */
static int crosses_open(const Lay *L, const Open *o, int r, int b, int lo, int hi) {
  for (int k = 0; k < o->n; k++) {
    int x = o->from[k], c = o->to[k];
    if (c == b || o->placed[c] || L->it[x].rank >= r) continue;
    int lx = L->it[x].lane, lc = L->it[c].lane;
    if ((lx < lc ? lx : lc) >= lo && (lx < lc ? lc : lx) <= hi) return 1;
  }
  return 0;
}

/* Rows: a node's row follows its DAG predecessors' and its phase's first
 * row, in Kahn's order by phase group; a node reached only from one
 * node in another lane may stand in that node's row (a hand-off), and a
 * node never stands under a hand-off's line. */
static void assign_ranks(Lay *L) {
  int nn = L->nn;
  Dag d;
  dag(L, &d);
  int *maxr = NEW(L->c, int, nn + 1), *arg = NEW(L->c, int, nn + 1), *second = NEW(L->c, int, nn + 1);
  int *fwd_out = NEW(L->c, int, nn + 1), *queue = NEW(L->c, int, nn + 1);
  for (int v = 0; v < nn; v++) maxr[v] = second[v] = -1, arg[v] = -1, fwd_out[v] = d.off[v + 1] - d.off[v];
  Cells g = {NULL, L->ncols, 0};
  if ((size_t)nn * (size_t)L->ncols <= 4000000) g.c = NEW(L->c, unsigned char, (size_t)(nn + 1) * (size_t)L->ncols);
  Open open = {NEW(L->c, int, L->ne + 1), NEW(L->c, int, L->ne + 1), 0, NEW(L->c, char, nn + 1)};
  int base = 0, last = -1;
  for (int grp = 0; grp < L->ngroups; grp++) {
    int qh = 0, qt = 0;
    for (int v = 0; v < nn; v++)
      if (L->group[v] == grp && !d.indeg[v]) queue[qt++] = v;
    while (qh < qt) {
      int b = queue[qh++], r = maxr[b] + 1 > base ? maxr[b] + 1 : base, lb = L->it[b].lane;
      int a = arg[b], hand = a >= 0 && second[b] < maxr[b] && can_hand_off(L, &g, a, b, fwd_out) &&
                               !(L->flip && (L->flip[L->hand_edge[b]] & FLIP_NO_HAND));
      if (hand) {
        int la = L->it[a].lane, lo = la < lb ? la : lb, hi = la < lb ? lb : la;
        hand = L->hand_any || !crosses_open(L, &open, maxr[b], b, lo, hi);
      }
      if (hand) r = maxr[b];
      while (g.c && !hand && (*cell(&g, r, lb) == 2 || (L->stack && *cell(&g, r, lb)))) r++;
      L->it[b].rank = r;
      open.placed[b] = 1;
      if (r > last) last = r;
      if (g.c) {
        unsigned char *at = cell(&g, r, lb);
        *at = hand ? 2 : *at ? 3 : 1; /* 3: more than one node */
        if (hand) {
          int la = L->it[a].lane, lo = la < lb ? la : lb, hi = la < lb ? lb : la;
          for (int k = lo; k <= hi; k++) *cell(&g, r, k) = 2;
          L->e[L->hand_edge[b]].hand = 1;
        }
      }
      for (int k = d.off[b]; k < d.off[b + 1]; k++) {
        int c = d.adj[k];
        open.from[open.n] = b, open.to[open.n++] = c;
        if (r > maxr[c]) { second[c] = maxr[c]; maxr[c] = r; arg[c] = b; L->hand_edge[c] = d.eid[k]; }
        else if (r > second[c]) second[c] = r;
        if (--d.indeg[c] == 0 && L->group[c] == grp) queue[qt++] = c;
      }
    }
    base = last + 1; /* the next phase starts below everything so far */
  }
  L->nrows = last + 1;
}

void lay_rows(Lay *L) {
  L->hand_edge = NEW(L->c, int, L->nn + 1);
  break_loops(L);
  assign_ranks(L);
}
