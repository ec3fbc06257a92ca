/* layout_route.c — orthogonal edge paths (layout_int.h). An edge runs
 * vertically through each row at its chain item's x and changes x only in
 * the channel between two rows, on a horizontal track of its own. Per
 * channel, the horizontal runs are ordered so that the fewest lines cross
 * (a run whose line continues down at x goes below a run that spans x),
 * and runs that overlap get distinct tracks; runs into one node from
 * above share a track and meet at a junction dot. Then rows and channels
 * get their heights and every path its points. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "layout_int.h"

#define MINSEP 6.0   /* unrelated lines keep this far apart */

/* A horizontal run in a channel: pins where lines leave it upwards (up)
 * and downwards (dn). Runs of several edges into one node share one. */
typedef struct Run {
  double lo, hi;
  double *up, *dn;
  int nup, ndn, cap;
  int chan, level, first_edge, nedges;
} Run;

typedef struct Router {
  Lay *L;
  Run *run; int nrun, caprun;
  int *merged;        /* per node: its run above it, or -1 */
} Router;

static void pin(Lay *L, Run *r, double x, int down) {
  if (r->nup + r->ndn == r->cap) {
    int cap = 2 * r->cap + 4;
    double *u = NEW(L->c, double, cap), *d = NEW(L->c, double, cap);
    if (r->nup) memcpy(u, r->up, sizeof(double) * (size_t)r->nup);
    if (r->ndn) memcpy(d, r->dn, sizeof(double) * (size_t)r->ndn);
    r->up = u, r->dn = d, r->cap = cap;
  }
  if (down) r->dn[r->ndn++] = x;
  else r->up[r->nup++] = x;
  if (r->nup + r->ndn == 1) r->lo = r->hi = x;
  r->lo = fmin(r->lo, x);
  r->hi = fmax(r->hi, x);
}

static int new_run(Router *R, int chan, int edge) {
  Run *r = &R->run[R->nrun];
  memset(r, 0, sizeof *r);
  r->chan = chan;
  r->first_edge = edge;
  return R->nrun++;
}

/* The run of step j of edge i (chain[j] to chain[j + 1]), or -1 when the
 * step stays in its row. */
static int step_run(Router *R, int i, int j) {
  Lay *L = R->L;
  LEdge *e = &L->e[i];
  const Item *a = &L->it[e->chain[j]], *b = &L->it[e->chain[j + 1]];
  double xa = lay_pin_x(L, e, j), xb = lay_pin_x(L, e, j + 1);
  if (a->rank == b->rank) {
    if (j == 0 && e->exit == PORT_BOTTOM && b->dir == 0) { /* round the bottom */
      int r = new_run(R, a->rank + 1, i);
      pin(L, &R->run[r], xa, 0), pin(L, &R->run[r], xb, 0);
      return r;
    }
    if (j == e->nchain - 2 && e->entry == PORT_TOP && a->dir == 0) { /* round the top */
      int r = new_run(R, b->rank, i);
      pin(L, &R->run[r], xa, 1), pin(L, &R->run[r], xb, 1);
      return r;
    }
    return -1;
  }
  const Item *top = a->rank < b->rank ? a : b;
  double xt = a->rank < b->rank ? xa : xb, xd = a->rank < b->rank ? xb : xa;
  int chan = top->rank + 1, into = e->chain[j + 1];
  int merge = j == e->nchain - 2 && !e->back && e->entry == PORT_TOP && e->off_v == 0;
  if (merge && R->merged[into] >= 0) {
    Run *r = &R->run[R->merged[into]];
    pin(L, r, xt, 0);
    r->nedges++;
    return R->merged[into];
  }
  int r = new_run(R, chan, i);
  pin(L, &R->run[r], xt, 0), pin(L, &R->run[r], xd, 1);
  R->run[r].nedges = 1;
  if (merge) R->merged[into] = r;
  return r;
}

static int inside(double x, const Run *r) { return x > r->lo + 0.5 && x < r->hi - 0.5; }

static int count_in(const double *xs, int n, const Run *r) {
  int c = 0;
  for (int i = 0; i < n; i++) c += inside(xs[i], r);
  return c;
}

static int same_x(const double *a, int na, const double *b, int nb) {
  for (int i = 0; i < na; i++)
    for (int j = 0; j < nb; j++)
      if (fabs(a[i] - b[j]) < MINSEP) return 1;
  return 0;
}

/* How much worse it is to put run g above run h than below it. */
static int prefer(const Run *g, const Run *h) {
  int above = count_in(g->dn, g->ndn, h) + count_in(h->up, h->nup, g);
  int below = count_in(g->up, g->nup, h) + count_in(h->dn, h->ndn, g);
  if (same_x(g->dn, g->ndn, h->up, h->nup)) above += 100; /* lines would overlap */
  if (same_x(g->up, g->nup, h->dn, h->ndn)) below += 100;
  return above - below;
}

static int overlaps(const Run *g, const Run *h) { return g->lo < h->hi + MINSEP && h->lo < g->hi + MINSEP; }

/* Tracks of the runs ids[0..n) of one channel: picked top down, each time
 * the run the fewest unpicked runs want above it, on the first track below
 * every picked run it overlaps. Returns the number of tracks. */
static int levels(Router *R, const int *ids, int n, char *picked, int *want) {
  int nl = 0;
  if (n <= 0) return 0;
  memset(want, 0, sizeof(int) * (size_t)n);
  for (int a = 0; a < n; a++)
    for (int b = a + 1; b < n; b++) {
      const Run *g = &R->run[ids[a]], *h = &R->run[ids[b]];
      if (!overlaps(g, h)) continue;
      int p = prefer(g, h);
      if (p < 0) want[b]++;      /* g above h */
      else if (p > 0) want[a]++;
    }
  memset(picked, 0, (size_t)n);
  for (int step = 0; step < n; step++) {
    int best = -1;
    for (int a = 0; a < n; a++)
      if (!picked[a] && (best < 0 || want[a] < want[best] ||
                         (want[a] == want[best] && R->run[ids[a]].lo < R->run[ids[best]].lo))) best = a;
    picked[best] = 1;
    Run *g = &R->run[ids[best]];
    g->level = 0;
    for (int b = 0; b < n; b++) {
      Run *h = &R->run[ids[b]];
      if (b == best || !overlaps(g, h)) continue;
      if (picked[b] && h->level + 1 > g->level) g->level = h->level + 1;
      if (!picked[b] && prefer(g, h) < 0) want[b]--; /* h no longer waits for g */
    }
    if (g->level + 1 > nl) nl = g->level + 1;
  }
  return nl;
}

/* Straight runs (one x) need no track. */
static int straight(const Run *r) { return r->hi - r->lo < 0.01; }

static int *channel_levels(Router *R) {
  Lay *L = R->L;
  int nch = L->nrows + 1;
  int *off = NEW(L->c, int, nch + 2), *ids = NEW(L->c, int, R->nrun + 1), *nl = NEW(L->c, int, nch + 1);
  for (int r = 0; r < R->nrun; r++)
    if (!straight(&R->run[r])) off[R->run[r].chan + 1]++;
  for (int k = 0; k < nch; k++) off[k + 1] += off[k];
  int *fill = NEW(L->c, int, nch + 1), widest = 1;
  for (int r = 0; r < R->nrun; r++)
    if (!straight(&R->run[r])) ids[off[R->run[r].chan] + fill[R->run[r].chan]++] = r;
  for (int k = 0; k < nch; k++) if (off[k + 1] - off[k] > widest) widest = off[k + 1] - off[k];
  char *picked = NEW(L->c, char, widest + 1);
  int *want = NEW(L->c, int, widest + 1);
  for (int k = 0; k < nch; k++) nl[k] = levels(R, ids + off[k], off[k + 1] - off[k], picked, want);
  return nl;
}

/* ---- heights and y ---- */

/* Label strips: in channel k, room for the tallest label of a bottom
 * exit from row k - 1. */
static double *label_strips(const Lay *L) {
  double *h = NEW(L->c, double, L->nrows + 2);
  for (int i = 0; i < L->ne; i++) {
    const LEdge *e = &L->e[i];
    if (e->nchain && e->labelh > 0 && e->exit == PORT_BOTTOM) {
      int k = L->it[e->u].rank + 1;
      h[k] = fmax(h[k], e->labelh + 4);
    }
  }
  return h;
}

static double *place_rows(Lay *L, const int *nl) {
  int nch = L->nrows + 1;
  L->rowh = NEW(L->c, double, L->nrows + 1);
  L->rowy = NEW(L->c, double, L->nrows + 1);
  L->phase_line = NEW(L->c, double, nch + 1);
  double *base = NEW(L->c, double, nch + 1), *strips = label_strips(L);
  for (int i = 0; i < L->nit; i++) L->rowh[L->it[i].rank] = fmax(L->rowh[L->it[i].rank], L->it[i].h);
  double y = L->top, band = y; /* where the current phase's band begins */
  for (int k = 0; k < nch; k++) {
    double strip = strips[k], b = strip;
    int phase = k > 0 && k < L->nrows && L->row_group[k] != L->row_group[k - 1];
    if (phase) { /* the band above holds its title */
      y = fmax(y, band + L->group_minh[L->row_group[k - 1]] - strip - 5);
      band = y + strip + 5;
    }
    L->phase_line[k] = k == 0 ? y : phase ? band : -1;
    if (phase) b += 8;
    /* without tracks the lines only pass down, beside the labels */
    double h = nl[k] ? b + TRACK * (nl[k] + 1) + ARROW_LEN + 2 : fmax(b + 6, ARROW_LEN + 8);
    if (k > 0 && k < L->nrows) h = fmax(h, 16);
    else if (!nl[k]) h = fmax(b + 4, 14);
    base[k] = y + b;
    y += h;
    if (k < L->nrows) {
      L->rowy[k] = y + L->rowh[k] / 2;
      y += L->rowh[k];
    }
  }
  if (L->nrows) y = fmax(y, band + L->group_minh[L->row_group[L->nrows - 1]]);
  L->height = y;
  return base;
}

/* ---- paths ---- */

static void add_pt(Pt *pts, int *n, double x, double y) {
  if (*n > 0 && fabs(pts[*n - 1].x - x) < 0.01 && fabs(pts[*n - 1].y - y) < 0.01) return;
  if (*n > 1) { /* the middle of three points on one line goes */
    Pt a = pts[*n - 2], b = pts[*n - 1];
    if ((fabs(a.x - b.x) < 0.01 && fabs(b.x - x) < 0.01) || (fabs(a.y - b.y) < 0.01 && fabs(b.y - y) < 0.01)) {
      pts[*n - 1] = (Pt){x, y};
      return;
    }
  }
  pts[(*n)++] = (Pt){x, y};
}

double lay_outline_x(const Lay *L, int v, int side, double dy) {
  const Item *n = &L->it[v];
  double hw = n->w / 2, hh = n->h / 2;
  switch (L->p->nodes[v]->kind) {
  case NK_DECISION: hw *= 1 - fmin(fabs(dy) / hh, 1); break;
  case NK_START: case NK_END: {
    double r = fmin(hh, hw), d = fmin(fabs(dy), r);
    hw = hw - r + sqrt(r * r - d * d);
    break;
  }
  case NK_DATA: hw -= fmin(12, n->w / 4) / 2 * (side > 0 ? 1 : -1) * (2 * dy / n->h); break;
  case NK_MANUAL: hw -= fmin(12, n->w / 5) * (dy + hh) / n->h; break;
  default: break;
  }
  return n->x + side * hw;
}

static void arrowhead(SceneEdge *se) {
  Pt a = se->pts[se->npts - 2], b = se->pts[se->npts - 1];
  double dx = b.x - a.x, dy = b.y - a.y, len = sqrt(dx * dx + dy * dy);
  if (len <= 0) len = 1, dx = 0, dy = 1;
  dx /= len, dy /= len;
  se->head[0] = b;
  se->head[1] = (Pt){b.x - dx * ARROW_LEN - dy * ARROW_HALF, b.y - dy * ARROW_LEN + dx * ARROW_HALF};
  se->head[2] = (Pt){b.x - dx * ARROW_LEN + dy * ARROW_HALF, b.y - dy * ARROW_LEN - dx * ARROW_HALF};
}

static double track_y(const Router *R, const double *base, int run) {
  const Run *r = &R->run[run];
  return base[r->chan] + TRACK * (r->level + 1);
}

static void path(Router *R, const double *base, int i, SceneEdge *se) {
  Lay *L = R->L;
  LEdge *e = &L->e[i];
  const Item *u = &L->it[e->u], *v = &L->it[e->v];
  Pt *pts = NEW(L->c, Pt, 2 * e->nchain + 6);
  int n = 0;
  if (e->hand) { /* straight across, centre to centre */
    int side = v->x > u->x ? 1 : -1;
    double y = L->rowy[u->rank];
    add_pt(pts, &n, lay_outline_x(L, e->u, side, 0), y);
    add_pt(pts, &n, lay_outline_x(L, e->v, -side, 0), y);
    se->pts = pts;
    se->npts = n;
    arrowhead(se);
    return;
  }
  if (e->exit == PORT_ELBOW) {
    double xv = lay_pin_x(L, e, 1), y = L->rowy[u->rank];
    add_pt(pts, &n, lay_outline_x(L, e->u, xv > u->x ? 1 : -1, 0), y);
    add_pt(pts, &n, xv, y);
  } else if (e->exit == PORT_SIDE) {
    const Item *s = &L->it[e->chain[1]];
    double y = L->rowy[u->rank] + s->port_y;
    add_pt(pts, &n, lay_outline_x(L, e->u, s->side, s->port_y), y);
    add_pt(pts, &n, s->x, y);
  } else add_pt(pts, &n, lay_pin_x(L, e, 0), L->rowy[u->rank] + u->h / 2);
  for (int j = 0; j + 1 < e->nchain; j++) {
    if (e->lvl[j] < 0 || straight(&R->run[e->lvl[j]])) continue;
    double y = track_y(R, base, e->lvl[j]);
    add_pt(pts, &n, lay_pin_x(L, e, j), y);
    add_pt(pts, &n, lay_pin_x(L, e, j + 1), y);
  }
  if (e->entry == PORT_SIDE) {
    const Item *s = &L->it[e->chain[e->nchain - 2]];
    double dy = s->dir == 2 ? -u->h / 4 : s->port_y, y = L->rowy[v->rank] + dy;
    add_pt(pts, &n, s->x, y);
    add_pt(pts, &n, lay_outline_x(L, e->v, s->side, dy), y);
  } else add_pt(pts, &n, lay_pin_x(L, e, e->nchain - 1), L->rowy[v->rank] - v->h / 2);
  se->pts = pts;
  se->npts = n;
  arrowhead(se);
}

/* Dots where lines into one node join its shared track: at every pin
 * strictly inside the track, and at the target's pin when lines come
 * from both sides or one comes straight down onto the track's end. */
static void junctions(Router *R, const double *base, Scene *s) {
  Lay *L = R->L;
  for (int r = 0; r < R->nrun; r++) {
    Run *g = &R->run[r];
    if (g->nedges < 2 || g->ndn != 1 || straight(g)) continue;
    SceneEdge *se = &s->edges[g->first_edge];
    se->dots = NEW(L->c, Pt, g->nup + 2);
    double y = track_y(R, base, r), x = g->dn[0];
    for (int k = 0; k < g->nup; k++)
      if (inside(g->up[k], g) || fabs(g->up[k] - x) < 0.5) se->dots[se->ndots++] = (Pt){g->up[k], y};
    if (inside(x, g) && !same_x(&x, 1, g->up, g->nup)) se->dots[se->ndots++] = (Pt){x, y};
  }
}

/* Whether anything of row r but node u stands within [lo, hi]. */
static int row_busy(const Lay *L, int r, int u, double lo, double hi) {
  for (int i = 0; i < L->rowlen[r]; i++) {
    const Item *t = &L->it[L->row[r][i]];
    if (L->row[r][i] != u && t->x + t->er > lo && t->x - t->el < hi) return 1;
  }
  return 0;
}

/* A step to the next row that can leave its node's side straight across to
 * above its target (nothing else of the row in between) turns once, not
 * twice: an elbow. Only for a node with no other way down. */
static void elbows(Lay *L) {
  int *down = NEW(L->c, int, L->nn + 1);
  for (int i = 0; i < L->ne; i++)
    if (L->e[i].nchain && !L->e[i].back) down[L->e[i].u]++;
  for (int i = 0; i < L->ne; i++) {
    LEdge *e = &L->e[i];
    if (e->nchain != 2 || e->back || e->hand || e->exit != PORT_BOTTOM || e->entry != PORT_TOP || down[e->u] != 1)
      continue;
    NodeKind ku = L->p->nodes[e->u]->kind;
    if (ku == NK_DECISION || ku == NK_FORK || ku == NK_JOIN || e->off_v != 0) continue;
    const Item *u = &L->it[e->u];
    double xv = lay_pin_x(L, e, 1), side = xv > u->x ? 1 : -1, edge = u->x + side * u->w / 2;
    if ((xv - edge) * side < STUB) continue;
    if (!row_busy(L, u->rank, e->u, fmin(edge, xv) - MINSEP, fmax(edge, xv) + MINSEP)) e->exit = PORT_ELBOW;
  }
}

void lay_route(Lay *L, Scene *s) {
  Router R = {.L = L};
  elbows(L);
  int steps = 0;
  for (int i = 0; i < L->ne; i++) steps += L->e[i].nchain;
  R.run = NEW(L->c, Run, steps + 1);
  R.merged = NEW(L->c, int, L->nn + 1);
  for (int v = 0; v < L->nn; v++) R.merged[v] = -1;
  for (int i = 0; i < L->ne; i++)
    for (int j = 0; j + 1 < L->e[i].nchain; j++) L->e[i].lvl[j] = step_run(&R, i, j);
  int *nl = channel_levels(&R);
  double *base = place_rows(L, nl);
  s->nedges = L->ne;
  s->edges = NEW(L->c, SceneEdge, L->ne + 1);
  for (int i = 0; i < L->ne; i++) {
    SceneEdge *se = &s->edges[i];
    se->edge = L->p->edges[i];
    se->from = L->e[i].u;
    se->to = L->e[i].v;
    se->back = L->e[i].back;
    se->seq = 1;
    for (int j = 0; j < i; j++) se->seq += L->e[j].u == L->e[i].u && L->e[j].v == L->e[i].v;
    if (L->e[i].nchain) path(&R, base, i, se);
  }
  junctions(&R, base, s);
}
