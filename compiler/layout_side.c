/* layout_side.c — where each edge leaves and enters its nodes
 * (layout_int.h). A forward edge leaves from the bottom and enters from
 * the top; a decision's other branches leave from its side corners; a
 * loop back leaves and enters from the side its line runs on. A side
 * port is a side item in the node's row, right beside it, that carries
 * the line up or down; the rows are rebuilt with them. Edges into one
 * node from above share its top port; edges out of a bar spread along it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "layout_int.h"

/* The item next to node end (0: u, 1: v) of e along its chain. */
static int neighbour(const LEdge *e, int at_v) { return e->chain[at_v ? e->nchain - 2 : 1]; }

static int by_double(const void *a, const void *b) {
  const double *x = a, *y = b;
  return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : (x[1] < y[1] ? -1 : x[1] > y[1]);
}

/* Side of node v towards item t: -1 left, +1 right. */
static int side_towards(const Lay *L, int v, int t) { return L->it[t].pos < L->it[v].pos ? -1 : 1; }

typedef struct Want { int edge, at_v, side, dir; } Want; /* a side item to add */

/* Whether branch i of two (sorted by where they go) can leave by its own
 * side: free, and facing its target. */
static int side_ok(const Lay *L, int u, const double *ord, int i, const int *used) {
  int side = i == 0 ? -1 : 1;
  return !used[side > 0] && (ord[2 * i] - L->it[u].pos) * side > 0;
}

/* Sides of a decision's forward branches: sorted by where they go, the one
 * most nearly below leaves from the bottom, the outermost from the sides. */
static int decision_exits(Lay *L, int u, const int *outs, int k, Want *w, int nw, int *used) {
  double *ord = NEW(L->c, double, 2 * k + 2);
  for (int i = 0; i < k; i++) {
    ord[2 * i] = L->it[neighbour(&L->e[outs[i]], 0)].pos;
    ord[2 * i + 1] = outs[i];
  }
  qsort(ord, (size_t)k, 2 * sizeof(double), by_double);
  int bottom = 0;
  double best = 1e9;
  for (int i = 0; i < k; i++) {
    double d = fabs(ord[2 * i] - L->it[u].pos);
    if (L->flip && (L->flip[(int)ord[2 * i + 1]] & FLIP_BOTTOM)) d = -1;
    if (d < best - 1e-9) { best = d; bottom = i; }
  }
  /* with two branches the other one leaves on its own side; when that
     side is taken or faces away, the two swap if the first can */
  if (k == 2 && best >= 0 && !side_ok(L, u, ord, 1 - bottom, used) && side_ok(L, u, ord, bottom, used))
    bottom = 1 - bottom;
  int left = k == 2 ? (bottom == 1 ? 0 : -1) : 0, right = k == 2 ? (bottom == 0 ? 1 : -1) : k - 1;
  if (k >= 3 && bottom == 0) bottom = 1;
  if (k >= 3 && bottom == k - 1) bottom = k - 2;
  for (int i = 0; i < k; i++) {
    int ei = (int)ord[2 * i + 1];
    int side = i == left && i != bottom ? -1 : i == right && i != bottom ? 1 : 0;
    /* a side that faces away from the branch's target, or is taken: the
       branch shares the bottom corner rather than detour round */
    if (side && (used[side > 0] || (ord[2 * i] - L->it[u].pos) * side < 0)) side = 0;
    if (!side) continue;
    used[side > 0] = 1;
    L->e[ei].exit = PORT_SIDE;
    w[nw++] = (Want){ei, 0, side, 1};
  }
  return nw;
}

/* Bottom ports of a node's forward exits and top ports of its forward
 * entries: a bar spreads them along its length, a box spreads its exits. */
static void spread(Lay *L, int v, const int *ids, int k, int at_v) {
  if (k < 2 && L->it[v].w > 0) return;
  double *ord = NEW(L->c, double, 2 * k + 2);
  for (int i = 0; i < k; i++) {
    ord[2 * i] = L->it[neighbour(&L->e[ids[i]], at_v)].pos;
    ord[2 * i + 1] = ids[i];
  }
  qsort(ord, (size_t)k, 2 * sizeof(double), by_double);
  int bar = L->p->nodes[v]->kind == NK_FORK || L->p->nodes[v]->kind == NK_JOIN;
  double span = bar ? L->it[v].w : L->it[v].w * 0.5;
  for (int i = 0; i < k; i++) {
    double off = -span / 2 + span * (i + 1) / (k + 1);
    if (at_v) L->e[(int)ord[2 * i + 1]].off_v = off;
    else L->e[(int)ord[2 * i + 1]].off_u = off;
  }
}

/* How many of the edges ids (at their v end when at_v) run off towards side. */
static int toward(const Lay *L, int v, const int *ids, int k, int at_v, int side) {
  int n = 0;
  for (int i = 0; i < k; i++) n += side_towards(L, v, neighbour(&L->e[ids[i]], at_v)) == side;
  return n;
}

/* Ports of every edge at node v; side items wanted go to w. */
static int node_ports(Lay *L, int v, const int *outs, int no, const int *ins, int ni, Want *w, int nw) {
  int fo[64], nfo = 0, fi[64], nfi = 0, used[2] = {0, 0};
  int decision = L->p->nodes[v]->kind == NK_DECISION;
  for (int i = 0; i < no + ni; i++) { /* hand-offs take the side they face */
    LEdge *e = &L->e[i < no ? outs[i] : ins[i - no]];
    if (!e->hand) continue;
    e->exit = e->entry = PORT_HAND;
    used[side_towards(L, v, i < no ? e->v : e->u) > 0] = 1;
  }
  for (int i = 0; i < no; i++)
    if (!L->e[outs[i]].back && !L->e[outs[i]].hand && nfo < 64) fo[nfo++] = outs[i];
  for (int i = 0; i < ni; i++)
    if (!L->e[ins[i]].back && !L->e[ins[i]].hand && nfi < 64) fi[nfi++] = ins[i];
  int bar = L->p->nodes[v]->kind == NK_FORK || L->p->nodes[v]->kind == NK_JOIN;
  if (!bar && nfo >= 2) nw = decision_exits(L, v, fo, nfo, w, nw, used); /* a box as a decision */
  else spread(L, v, fo, nfo, 0);
  if (bar) spread(L, v, fi, nfi, 1);
  for (int i = 0; i < no + ni; i++) { /* loops back: out of and into the sides */
    int ei = i < no ? outs[i] : ins[i - no], at_v = i >= no;
    LEdge *e = &L->e[ei];
    if (!e->back || e->u == e->v) continue;
    int side = side_towards(L, v, neighbour(e, at_v));
    /* a loop's line runs down from a target's side and up from a source's:
       the side fewer of the node's forward lines below (above) head for */
    if (toward(L, v, at_v ? fo : fi, at_v ? nfo : nfi, !at_v, side) >
        toward(L, v, at_v ? fo : fi, at_v ? nfo : nfi, !at_v, -side)) side = -side;
    if (L->flip && (L->flip[ei] & FLIP_SIDE)) side = -side;
    if (used[side > 0]) side = -side;
    int dir = at_v ? 1 : -1;
    if (used[side > 0]) dir = 0; /* both sides taken: round the bottom or top */
    else if (decision) used[side > 0] = 1;
    if (at_v) e->entry = dir ? PORT_SIDE : PORT_TOP;
    else e->exit = dir ? PORT_SIDE : PORT_BOTTOM;
    w[nw++] = (Want){ei, at_v, side, dir};
  }
  return nw;
}

/* Every node's out- and in-edges, then the side items they want. */
static int collect(Lay *L, Want *w) {
  int nn = L->nn, *oo = NEW(L->c, int, nn + 2), *io = NEW(L->c, int, nn + 2);
  int *ol = NEW(L->c, int, L->ne + 1), *il = NEW(L->c, int, L->ne + 1);
  for (int i = 0; i < L->ne; i++)
    if (L->e[i].nchain) { oo[L->e[i].u + 1]++; io[L->e[i].v + 1]++; }
  for (int v = 0; v < nn; v++) { oo[v + 1] += oo[v]; io[v + 1] += io[v]; }
  int *fo = NEW(L->c, int, nn + 1), *fi = NEW(L->c, int, nn + 1);
  for (int i = 0; i < L->ne; i++)
    if (L->e[i].nchain) { ol[oo[L->e[i].u] + fo[L->e[i].u]++] = i; il[io[L->e[i].v] + fi[L->e[i].v]++] = i; }
  int nw = 0;
  for (int i = 0; i < L->ne; i++) /* a loop on one node: out low and in high on its right */
    if (L->e[i].nchain && L->e[i].u == L->e[i].v) {
      L->e[i].exit = L->e[i].entry = PORT_SIDE;
      w[nw++] = (Want){i, 0, 1, 2};
    }
  for (int v = 0; v < nn; v++)
    nw = node_ports(L, v, ol + oo[v], oo[v + 1] - oo[v], il + io[v], io[v + 1] - io[v], w, nw);
  return nw;
}

/* Puts the side item for w into its edge's chain. */
static int add_side(Lay *L, const Want *w) {
  LEdge *e = &L->e[w->edge];
  int owner = w->at_v ? e->v : e->u;
  int s = lay_item(L, -1, w->edge, L->it[owner].rank, L->it[owner].lane);
  Item *t = &L->it[s];
  t->owner = owner;
  t->side = w->side;
  t->dir = w->dir;
  if (w->dir == 2) { /* a loop on one node: [u, s, u] */
    e->chain[1] = s;
    e->chain[2] = e->u;
    e->nchain = 3;
  } else if (w->at_v) {
    e->chain[e->nchain] = e->chain[e->nchain - 1];
    e->chain[e->nchain - 1] = s;
    e->nchain++;
  } else {
    memmove(e->chain + 2, e->chain + 1, sizeof(int) * (size_t)(e->nchain - 1));
    e->chain[1] = s;
    e->nchain++;
  }
  return s;
}

/* Side items of one side of a node, nearest first: lines that run up take
 * the upper ports, nearest highest; lines that run down the lower ports,
 * nearest lowest; lines through the whole row stand outermost. */
static const Lay *sort_lay;
static int outward(const void *a, const void *b) {
  const Item *x = &sort_lay->it[*(const int *)a], *y = &sort_lay->it[*(const int *)b];
  int rx = x->dir == 0 ? 3 : x->dir == -1 ? 0 : x->dir == 2 ? 2 : 1;
  int ry = y->dir == 0 ? 3 : y->dir == -1 ? 0 : y->dir == 2 ? 2 : 1;
  if (rx != ry) return rx - ry;
  return x->edge - y->edge;
}

static void port_ys(Lay *L, int v, int *ids, int k) {
  sort_lay = L;
  qsort(ids, (size_t)k, sizeof(int), outward);
  const Item *n = &L->it[v];
  int decision = L->p->nodes[v]->kind == NK_DECISION, ups = 0, downs = 0;
  for (int i = 0; i < k; i++) {
    int d = L->it[ids[i]].dir;
    if (d == -1) ups++;
    else if (d == 1 || d == 2) downs++;
  }
  int m = ups + downs;
  for (int i = 0; i < k; i++) {
    Item *t = &L->it[ids[i]];
    int slot = t->dir == -1 ? i : t->dir == 0 ? 0 : ups + (downs - 1 - (i - ups));
    t->port_y = decision && m == 1 ? 0 : -n->h / 2 + n->h * (slot + 1) / (m + 1);
    if (t->dir == 2) t->port_y = n->h / 4; /* exit low; the entry is at -h/4 */
  }
}

/* Rows again, with each node's side items beside it in outward order. */
static void rebuild_rows(Lay *L, int first_side) {
  int nside = L->nit - first_side;
  int *off = NEW(L->c, int, 2 * L->nn + 2), *list = NEW(L->c, int, nside + 1);
  for (int s = first_side; s < L->nit; s++) off[2 * L->it[s].owner + (L->it[s].side > 0) + 1]++;
  for (int k = 0; k < 2 * L->nn; k++) off[k + 1] += off[k];
  int *fill = NEW(L->c, int, 2 * L->nn + 1);
  for (int s = first_side; s < L->nit; s++) {
    int slot = 2 * L->it[s].owner + (L->it[s].side > 0);
    list[off[slot] + fill[slot]++] = s;
  }
  for (int v = 0; v < 2 * L->nn; v++) port_ys(L, v / 2, list + off[v], off[v + 1] - off[v]);
  for (int r = 0; r < L->nrows; r++) {
    int n = L->rowlen[r], *row = NEW(L->c, int, n + nside + 1), m = 0;
    for (int i = 0; i < n; i++) {
      int a = L->row[r][i];
      if (L->it[a].node >= 0)
        for (int j = off[2 * a + 1] - 1; j >= off[2 * a]; j--) row[m++] = list[j];
      row[m++] = a;
      if (L->it[a].node >= 0)
        for (int j = off[2 * a + 1]; j < off[2 * a + 2]; j++) row[m++] = list[j];
    }
    L->row[r] = row;
    L->rowlen[r] = m;
    lay_row_pos(L, r);
  }
}

void lay_sides(Lay *L) {
  Want *w = NEW(L->c, Want, 2 * L->ne + 1);
  int nw = collect(L, w), first = L->nit;
  for (int i = 0; i < nw; i++) add_side(L, &w[i]);
  rebuild_rows(L, first);
}
