/* layout_x.c — lane widths and the x of every item (layout_int.h). Each
 * lane is as wide as its fullest row; then, row by row, down and up, the
 * items of a lane move towards their neighbours in the next row (dummy
 * chains weigh most, so long lines run straight) while keeping their
 * order, their gaps and their lane: a weighted isotonic regression solved
 * exactly by pooling adjacent violators. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "layout_int.h"

#define PASSES 8

/* Least distance between the centres of adjacent items a (left) and b. */
static double gap(const Lay *L, int a, int b) {
  const Item *x = &L->it[a], *y = &L->it[b];
  if (y->owner == a || x->owner == b) { /* a side item and its node */
    const Item *n = y->owner == a ? x : y, *s = y->owner == a ? y : x;
    const LEdge *e = &L->e[s->edge];
    double room = n->w / 2 + STUB;
    int labelled = e->labelw > 0 && e->u == s->owner && e->exit == PORT_SIDE;
    if (labelled) room = fmax(room, n->w / 2 + e->labelw + 8);
    return fmax(room, s->side > 0 ? n->er + 4 : n->el + 4);
  }
  if (x->owner >= 0 && x->owner == y->owner) return TRACK;
  double g = x->node >= 0 && y->node >= 0 ? NODE_GAP : x->node >= 0 || y->node >= 0 ? LINE_GAP : TRACK;
  return x->er + g + y->el;
}

/* Room kept around each node: its box, a bar's label at its right, and a
 * labelled bottom exit's label. */
static void extents(Lay *L) {
  for (int i = 0; i < L->nit; i++) L->it[i].el = L->it[i].er = L->it[i].w / 2;
  for (int v = 0; v < L->nn; v++)
    if (L->besidew[v] > 0) L->it[v].er = L->it[v].w / 2 + 4 + L->besidew[v];
  for (int i = 0; i < L->ne; i++) {
    const LEdge *e = &L->e[i];
    if (e->nchain && e->labelw > 0 && e->hand) { /* the label above the hand-off line */
      Item *u = &L->it[e->u];
      if (L->it[e->v].lane > u->lane) u->er = fmax(u->er, u->w / 2 + e->labelw + 8);
      else u->el = fmax(u->el, u->w / 2 + e->labelw + 8);
    }
    if (!e->nchain || e->labelw <= 0 || e->exit != PORT_BOTTOM) continue;
    Item *u = &L->it[e->u];
    u->er = fmax(u->er, e->off_u + 3 + e->labelw + 6);
  }
}

/* Width a lane needs in row r from item i to j (exclusive). */
static double packed(const Lay *L, const int *row, int i, int j) {
  double w = L->it[row[i]].el + L->it[row[j - 1]].er;
  for (int k = i; k + 1 < j; k++) w += gap(L, row[k], row[k + 1]);
  return w;
}

/* Lays the lanes out left to right from their widths. */
static void lane_xs(Lay *L) {
  double x = L->left;
  for (int k = 0; k < L->ncols; k++) {
    L->lanex[k] = x;
    x += L->lanew[k];
  }
  L->width = x;
}

static void lane_widths(Lay *L) {
  L->lanew = NEW(L->c, double, L->ncols + 1);
  L->lanex = NEW(L->c, double, L->ncols + 1);
  for (int k = 0; k < L->p->nlanes; k++) {
    double tw = font_width(L->f, L->p->lanes[k].name, strlen(L->p->lanes[k].name), 10.5);
    L->lanew[k] = fmin(tw, 200) + 16;
  }
  for (int r = 0; r < L->nrows; r++)
    for (int i = 0, n = L->rowlen[r]; i < n;) {
      int j = i, lane = L->it[L->row[r][i]].lane;
      while (j < n && L->it[L->row[r][j]].lane == lane) j++;
      L->lanew[lane] = fmax(L->lanew[lane], packed(L, L->row[r], i, j) + 2 * LANE_PAD);
      i = j;
    }
  for (int k = 0; k < L->ncols; k++) L->lanew[k] = fmax(L->lanew[k], 80);
  lane_xs(L);
}

typedef struct Block { double w, wt, n; int first; } Block;

/* Places items i..j-1 of a row in one lane as near their targets t (with
 * weights wt) as the gaps and the lane allow. */
static void solve(Lay *L, const int *row, int i, int j, const double *t, const double *wt, Block *bl,
                  double *off) {
  int n = j - i, nb = 0;
  off[0] = 0;
  for (int k = 1; k < n; k++) off[k] = off[k - 1] + gap(L, row[i + k - 1], row[i + k]);
  for (int k = 0; k < n; k++) {
    bl[nb++] = (Block){wt[k], wt[k] * (t[k] - off[k]), 1, k};
    while (nb > 1 && bl[nb - 2].wt / bl[nb - 2].w >= bl[nb - 1].wt / bl[nb - 1].w) {
      bl[nb - 2].w += bl[nb - 1].w;
      bl[nb - 2].wt += bl[nb - 1].wt;
      bl[nb - 2].n += bl[nb - 1].n;
      nb--;
    }
  }
  int lane = L->it[row[i]].lane;
  double lo = L->lanex[lane] + LANE_PAD + L->it[row[i]].el;
  double hi = L->lanex[lane] + L->lanew[lane] - LANE_PAD - L->it[row[j - 1]].er - off[n - 1];
  for (int b = 0; b < nb; b++) {
    double y = fmin(fmax(bl[b].wt / bl[b].w, lo), hi);
    for (int k = bl[b].first; k < bl[b].first + (int)bl[b].n; k++) L->it[row[i + k]].x = y + off[k];
  }
}

static double weight(const Item *a, const Item *b) {
  return a->node < 0 && b->node < 0 ? 8 : a->node < 0 || b->node < 0 ? 2 : 1;
}

/* Each item's chain neighbours in other rows: which item, how far the
 * pins lie from the two centres, and how much it pulls. */
typedef struct Nb { int item, below, edge; double own, other, w; } Nb;
typedef struct Nbs { int *off; Nb *nb; } Nbs;

static void neighbours(Lay *L, Nbs *g) {
  int m = 0;
  g->off = NEW(L->c, int, L->nit + 2);
  for (int i = 0; i < L->ne; i++)
    for (int k = 0; k + 1 < L->e[i].nchain; k++) {
      int a = L->e[i].chain[k], b = L->e[i].chain[k + 1];
      if (L->it[a].rank == L->it[b].rank) continue;
      g->off[a + 1]++, g->off[b + 1]++, m += 2;
    }
  for (int v = 0; v < L->nit; v++) g->off[v + 1] += g->off[v];
  g->nb = NEW(L->c, Nb, m + 1);
  int *fill = NEW(L->c, int, L->nit + 1);
  for (int i = 0; i < L->ne; i++) {
    const LEdge *e = &L->e[i];
    for (int k = 0; k + 1 < e->nchain; k++) {
      int a = e->chain[k], b = e->chain[k + 1];
      const Item *A = &L->it[a], *B = &L->it[b];
      if (A->rank == B->rank) continue;
      double oa = lay_pin_x(L, e, k) - A->x, ob = lay_pin_x(L, e, k + 1) - B->x, w = weight(A, B);
      g->nb[g->off[a] + fill[a]++] = (Nb){b, B->rank > A->rank, i, oa, ob, w};
      g->nb[g->off[b] + fill[b]++] = (Nb){a, A->rank > B->rank, i, ob, oa, w};
    }
  }
}

/* Where neighbours pull an item: the weighted median, so that an item
 * lines up with one of them (one straight line) rather than between. */
#define MAX_PULLS 64
typedef struct Pull { double x, w; } Pull;

static int by_x(const void *a, const void *b) {
  const Pull *p = a, *q = b;
  return p->x < q->x ? -1 : p->x > q->x;
}

static double weighted_median(Pull *p, int m, double total, double now) {
  qsort(p, (size_t)m, sizeof *p, by_x);
  double acc = 0;
  for (int i = 0; i < m; i++) {
    acc += p[i].w;
    if (acc > total / 2 + 1e-9) return p[i].x;
    if (acc > total / 2 - 1e-9) /* an even split: the nearer of the two */
      return i + 1 < m && fabs(p[i + 1].x - now) < fabs(p[i].x - now) ? p[i + 1].x : p[i].x;
  }
  return p[m - 1].x;
}

/* Moves the items of row r towards their neighbours above (dir -1),
 * below (+1) or both (0). */
static void place_row(Lay *L, const Nbs *g, int r, int dir, double *t, double *wt, Block *bl, double *off) {
  int *row = L->row[r], n = L->rowlen[r];
  Pull pull[MAX_PULLS];
  for (int i = 0; i < n;) {
    int j = i, lane = L->it[row[i]].lane;
    while (j < n && L->it[row[j]].lane == lane) j++;
    for (int k = i; k < j; k++) {
      int a = row[k], m = 0;
      double ws = 0;
      for (int q = g->off[a]; q < g->off[a + 1] && m < MAX_PULLS; q++) {
        const Nb *b = &g->nb[q];
        if (dir && b->below != (dir > 0)) continue;
        pull[m++] = (Pull){L->it[b->item].x + b->other - b->own, b->w};
        ws += b->w;
      }
      t[k - i] = m ? weighted_median(pull, m, ws, L->it[a].x) : L->it[a].x;
      wt[k - i] = ws > 0 ? ws : 0.05;
    }
    solve(L, row, i, j, t, wt, bl, off);
    i = j;
  }
}

/* Each row's lanes packed and centred. */
static void centre(Lay *L) {
  for (int r = 0; r < L->nrows; r++)
    for (int i = 0, n = L->rowlen[r], *row = L->row[r]; i < n;) {
      int j = i, lane = L->it[row[i]].lane;
      while (j < n && L->it[row[j]].lane == lane) j++;
      double x = L->lanex[lane] + (L->lanew[lane] - packed(L, row, i, j)) / 2 + L->it[row[i]].el;
      for (int k = i; k < j; k++) {
        if (k > i) x += gap(L, row[k - 1], row[k]);
        L->it[row[k]].x = x;
      }
      i = j;
    }
}

/* The x interval item k of row r may take without moving its neighbours. */
static void room(const Lay *L, int r, int k, double *lo, double *hi) {
  const int *row = L->row[r];
  const Item *t = &L->it[row[k]];
  *lo = L->lanex[t->lane] + LANE_PAD + t->el;
  *hi = L->lanex[t->lane] + L->lanew[t->lane] - LANE_PAD - t->er;
  if (k > 0 && L->it[row[k - 1]].lane == t->lane) *lo = fmax(*lo, L->it[row[k - 1]].x + gap(L, row[k - 1], row[k]));
  if (k + 1 < L->rowlen[r] && L->it[row[k + 1]].lane == t->lane)
    *hi = fmin(*hi, L->it[row[k + 1]].x - gap(L, row[k], row[k + 1]));
}

/* Each run of dummies of e (side items included) moves to one x, when one
 * fits them all: the x of the line before or after the run if it can, so
 * the line turns once less. */
static void straighten(Lay *L, const LEdge *e, const int *at) {
  for (int j = 1; j + 1 < e->nchain;) {
    int k = j;
    double lo = -1e18, hi = 1e18, sum = 0;
    while (k + 1 < e->nchain) { /* as long as one x fits */
      double a, b;
      const Item *t = &L->it[e->chain[k]];
      room(L, t->rank, at[e->chain[k]], &a, &b);
      if (fmax(lo, a) > fmin(hi, b)) break;
      lo = fmax(lo, a), hi = fmin(hi, b), sum += t->x;
      k++;
    }
    if (k == j) k++;
    else {
      double before = lay_pin_x(L, e, j - 1), after = lay_pin_x(L, e, k), x;
      if (before >= lo && before <= hi) x = before;
      else if (after >= lo && after <= hi) x = after;
      else x = fmin(fmax(sum / (k - j), lo), hi);
      for (int q = j; q < k; q++) L->it[e->chain[q]].x = x;
    }
    j = k;
  }
}

/* Whether edges i and j share an end node (their lines may meet). */
static int related(const Lay *L, int i, int j) {
  const LEdge *a = &L->e[i], *b = &L->e[j];
  return i == j || a->u == b->u || a->u == b->v || a->v == b->u || a->v == b->v;
}

/* Whether dummy t can move sideways by d without moving its neighbours. */
static int movable(const Lay *L, int t, double d, const int *at) {
  double lo, hi;
  const Item *it = &L->it[t];
  if (it->node >= 0 || it->owner >= 0) return 0;
  room(L, it->rank, at[t], &lo, &hi);
  return it->x + d >= lo && it->x + d <= hi;
}

/* Moves dummy t sideways by d when its neighbours leave room: with the
 * dummies of its line straight above and below it that have room too, so
 * the line does not jog. */
static int shift(Lay *L, int t, double d, const int *at) {
  if (!movable(L, t, d, at)) return 0;
  const LEdge *e = &L->e[L->it[t].edge];
  double x = L->it[t].x;
  int k = 0;
  while (k < e->nchain && e->chain[k] != t) k++;
  if (k == e->nchain) { L->it[t].x += d; return 1; }
  int a = k, b = k;
  while (a > 1 && fabs(L->it[e->chain[a - 1]].x - x) < 0.01 && movable(L, e->chain[a - 1], d, at)) a--;
  while (b + 2 < e->nchain && fabs(L->it[e->chain[b + 1]].x - x) < 0.01 && movable(L, e->chain[b + 1], d, at)) b++;
  for (int q = a; q <= b; q++) L->it[e->chain[q]].x += d;
  return 1;
}

/* Where a line of one edge comes down into a channel at the x where a
 * line of another edge leaves it downwards, the two would line up (or
 * overlap): a dummy at one end moves aside. Row by row, pins sorted by x. */
#define APART 8.0
typedef struct Pin { double x; int item, edge; } Pin;

static int by_pin(const void *a, const void *b) {
  const Pin *p = a, *q = b;
  return p->x < q->x ? -1 : p->x > q->x;
}

static int row_pins(const Lay *L, const Nbs *g, int r, int below, Pin *out) {
  int n = 0;
  for (int i = 0; i < L->rowlen[r]; i++) {
    int a = L->row[r][i];
    for (int q = g->off[a]; q < g->off[a + 1]; q++)
      if (g->nb[q].below == below) out[n++] = (Pin){L->it[a].x + g->nb[q].own, a, g->nb[q].edge};
  }
  qsort(out, (size_t)n, sizeof *out, by_pin);
  return n;
}

static void separate(Lay *L, const Nbs *g, const int *at) {
  Pin *up = NEW(L->c, Pin, 2 * L->ne + 2), *dn = NEW(L->c, Pin, 2 * L->ne + 2);
  for (int r = 0; r + 1 < L->nrows; r++) {
    int nu = row_pins(L, g, r, 1, up), nd = row_pins(L, g, r + 1, 0, dn);
    for (int i = 0, j0 = 0; i < nd; i++) {
      while (j0 < nu && up[j0].x <= dn[i].x - APART) j0++;
      for (int j = j0; j < nu && up[j].x < dn[i].x + APART; j++) {
        if (related(L, up[j].edge, dn[i].edge)) continue;
        double d = dn[i].x >= up[j].x ? APART - (dn[i].x - up[j].x) : -(APART - (up[j].x - dn[i].x));
        if (shift(L, dn[i].item, d, at)) dn[i].x += d;
        else if (shift(L, up[j].item, -d, at)) up[j].x -= d;
      }
    }
  }
}

/* A line from one row to the next in the same lane that would jog by
 * less than JOG (the lane too narrow for both ends to line up): the lane
 * grows by the jog, items keeping their place in it. Whether one did. */
#define JOG 12.0

/* How far the line from a to its neighbour b (below) steps aside between
 * their pins. */
static double step(const Lay *L, int a, const Nb *b) {
  return L->it[a].x + b->own - L->it[b->item].x - b->other;
}

static int widen_for_jogs(Lay *L, const Nbs *g) {
  double *more = NEW(L->c, double, L->ncols + 1), *was = NEW(L->c, double, L->ncols + 1);
  int any = 0;
  for (int a = 0; a < L->nit; a++)
    for (int q = g->off[a]; q < g->off[a + 1]; q++) {
      const Nb *b = &g->nb[q];
      double d = fabs(step(L, a, b));
      if (!b->below || L->it[a].lane != L->it[b->item].lane || d < 0.01 || d >= JOG) continue;
      more[L->it[a].lane] = fmax(more[L->it[a].lane], d);
      any = 1;
    }
  if (!any) return 0;
  for (int k = 0; k < L->ncols; k++) was[k] = L->lanex[k], L->lanew[k] += more[k];
  lane_xs(L);
  for (int i = 0; i < L->nit; i++) L->it[i].x += L->lanex[L->it[i].lane] - was[L->it[i].lane];
  return 1;
}

/* The items joined to a by straight lines (the same x at both pins), a
 * first: the column one line runs down. */
static int column(const Lay *L, const Nbs *g, int a, int *out, int *mark, int stamp) {
  int n = 0;
  out[n++] = a;
  mark[a] = stamp;
  for (int i = 0; i < n; i++)
    for (int q = g->off[out[i]]; q < g->off[out[i] + 1]; q++) {
      const Nb *b = &g->nb[q];
      if (mark[b->item] == stamp ||
          fabs(step(L, out[i], b)) > 0.01)
        continue;
      mark[b->item] = stamp;
      out[n++] = b->item;
    }
  return n;
}

/* Moves the column of a by d when every item of it has room. */
static int move_column(Lay *L, const Nbs *g, int a, double d, const int *at, int *col, int *mark, int stamp) {
  int n = column(L, g, a, col, mark, stamp);
  for (int i = 0; i < n; i++) {
    double lo, hi;
    const Item *t = &L->it[col[i]];
    room(L, t->rank, at[col[i]], &lo, &hi);
    if (t->x + d < lo - 1e-9 || t->x + d > hi + 1e-9) return 0;
  }
  for (int i = 0; i < n; i++) L->it[col[i]].x += d;
  return 1;
}

/* A line that would jog by less than JOG between two rows runs straight:
 * the column below moves over when it has room, else the one above. */
static void unjog(Lay *L, const Nbs *g, const int *at) {
  int *col = NEW(L->c, int, L->nit + 1), *mark = NEW(L->c, int, L->nit + 1), stamp = 0;
  for (int a = 0; a < L->nit; a++)
    for (int q = g->off[a]; q < g->off[a + 1]; q++) {
      const Nb *b = &g->nb[q];
      double d = step(L, a, b);
      if (!b->below || fabs(d) < 0.01 || fabs(d) >= JOG) continue;
      if (!move_column(L, g, b->item, d, at, col, mark, ++stamp) && mark[a] != stamp)
        move_column(L, g, a, -d, at, col, mark, ++stamp);
    }
}

static void place_rows(Lay *L, const Nbs *g, int passes, double *t, double *wt, Block *bl, double *off) {
  for (int k = 0; k < passes; k++)
    for (int rr = 0; rr < L->nrows; rr++) {
      int down = k % 2 == 0;
      place_row(L, g, down ? rr : L->nrows - 1 - rr, down ? -1 : 1, t, wt, bl, off);
    }
  for (int r = 0; r < L->nrows; r++) place_row(L, g, r, 0, t, wt, bl, off);
}

void lay_x(Lay *L) {
  extents(L);
  lane_widths(L);
  int widest = 1;
  for (int r = 0; r < L->nrows; r++) if (L->rowlen[r] > widest) widest = L->rowlen[r];
  double *t = NEW(L->c, double, widest + 1), *wt = NEW(L->c, double, widest + 1);
  double *off = NEW(L->c, double, widest + 1);
  Block *bl = NEW(L->c, Block, widest + 1);
  centre(L);
  Nbs g;
  neighbours(L, &g);
  place_rows(L, &g, PASSES, t, wt, bl, off);
  if (widen_for_jogs(L, &g)) place_rows(L, &g, PASSES, t, wt, bl, off);
  int *at = NEW(L->c, int, L->nit + 1);
  for (int r = 0; r < L->nrows; r++)
    for (int i = 0; i < L->rowlen[r]; i++) at[L->row[r][i]] = i;
  for (int k = 0; k < 3; k++)
    for (int i = 0; i < L->ne; i++) straighten(L, &L->e[i], at);
  for (int k = 0; k < 2; k++) unjog(L, &g, at);
  separate(L, &g, at);
  unjog(L, &g, at);
}
