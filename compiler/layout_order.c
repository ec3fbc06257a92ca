/* layout_order.c — the order of the items in each row (layout_int.h):
 * barycentre sweeps in lane units, so an item can only move inside its
 * lane (a dummy inside the lanes between its edge's ends) and lanes keep
 * their declared order; then adjacent items of one lane are swapped
 * while that removes crossings. The best order of all sweeps is kept. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "layout_int.h"

#define SWEEPS 12

typedef struct Links {
  int *up_off, *up, *dn_off, *dn; /* neighbours in the rows above and below */
  int *ix;                        /* index of each item in its row */
} Links;

/* Every step of a chain between two rows, upper end first. */
static int steps(Lay *L, int **upper, int **lower) {
  int m = 0;
  for (int i = 0; i < L->ne; i++) m += L->e[i].nchain;
  *upper = NEW(L->c, int, m + 1);
  *lower = NEW(L->c, int, m + 1);
  m = 0;
  for (int i = 0; i < L->ne; i++)
    for (int j = 0; j + 1 < L->e[i].nchain; j++) {
      int a = L->e[i].chain[j], b = L->e[i].chain[j + 1];
      if (L->it[a].rank == L->it[b].rank) continue;
      (*upper)[m] = L->it[a].rank < L->it[b].rank ? a : b;
      (*lower)[m++] = L->it[a].rank < L->it[b].rank ? b : a;
    }
  return m;
}

static void add_links(Lay *L, Links *k) {
  int n = L->nit, *upper, *lower, m = steps(L, &upper, &lower);
  k->up_off = NEW(L->c, int, n + 2);
  k->dn_off = NEW(L->c, int, n + 2);
  k->ix = NEW(L->c, int, n + 1);
  for (int s = 0; s < m; s++) k->dn_off[upper[s] + 1]++, k->up_off[lower[s] + 1]++;
  for (int v = 0; v < n; v++) { k->up_off[v + 1] += k->up_off[v]; k->dn_off[v + 1] += k->dn_off[v]; }
  k->up = NEW(L->c, int, m + 1);
  k->dn = NEW(L->c, int, m + 1);
  int *fu = NEW(L->c, int, n + 1), *fd = NEW(L->c, int, n + 1);
  for (int s = 0; s < m; s++) {
    int a = upper[s], b = lower[s];
    k->dn[k->dn_off[a] + fd[a]++] = b;
    k->up[k->up_off[b] + fu[b]++] = a;
  }
}

static void index_row(Lay *L, Links *k, int r) {
  for (int i = 0; i < L->rowlen[r]; i++) k->ix[L->row[r][i]] = i;
}

/* Crossings between rows r and r + 1: inversions among the links, counted
 * with a Fenwick tree over the positions in row r + 1. */
static long cross_rows(Lay *L, const Links *k, int r, int *buf, int *tree) {
  int m = 0, n = L->rowlen[r + 1];
  for (int i = 0; i < L->rowlen[r]; i++) {
    int a = L->row[r][i], s = m;
    for (int j = k->dn_off[a]; j < k->dn_off[a + 1]; j++) buf[m++] = k->ix[k->dn[j]];
    /* links of one item in order of their lower end */
    for (int x = s + 1; x < m; x++)
      for (int y = x; y > s && buf[y - 1] > buf[y]; y--) { int t = buf[y]; buf[y] = buf[y - 1]; buf[y - 1] = t; }
  }
  memset(tree, 0, sizeof(int) * (size_t)(n + 1));
  long c = 0;
  for (int i = 0; i < m; i++) {
    int seen = 0;
    for (int x = n; x > 0; x -= x & -x) seen += tree[x];
    int le = 0;
    for (int x = buf[i] + 1; x > 0; x -= x & -x) le += tree[x];
    c += seen - le;
    for (int x = buf[i] + 1; x <= n; x += x & -x) tree[x]++;
  }
  return c;
}

static long crossings(Lay *L, Links *k, int *buf, int *tree) {
  long c = 0;
  for (int r = 0; r < L->nrows; r++) index_row(L, k, r);
  for (int r = 0; r + 1 < L->nrows; r++) c += cross_rows(L, k, r, buf, tree);
  return c;
}

typedef struct Key { double key, pos; int item; } Key;

static int by_key(const void *a, const void *b) {
  const Key *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
  return x->item - y->item;
}

/* Sorts row r by the barycentre of its neighbours in the row above (down)
 * or below, kept inside each item's lanes. */
static void sweep_row(Lay *L, const Links *k, int r, int down, Key *keys) {
  int n = L->rowlen[r];
  for (int i = 0; i < n; i++) {
    int a = L->row[r][i];
    Item *t = &L->it[a];
    const int *nb = down ? k->up : k->dn;
    int s = down ? k->up_off[a] : k->dn_off[a], e = down ? k->up_off[a + 1] : k->dn_off[a + 1];
    double key = t->pos;
    if (e > s) {
      double sum = 0;
      for (int j = s; j < e; j++) sum += L->it[nb[j]].pos;
      key = sum / (e - s);
    }
    key = fmin(fmax(key, t->lo), t->hi + 0.999);
    if (t->node >= 0) key = fmin(fmax(key, t->lane), t->lane + 0.999);
    keys[i] = (Key){key, t->pos, a};
  }
  qsort(keys, (size_t)n, sizeof *keys, by_key);
  for (int i = 0; i < n; i++) {
    Item *t = &L->it[keys[i].item];
    L->row[r][i] = keys[i].item;
    if (t->node < 0) t->lane = (int)floor(keys[i].key);
  }
  lay_row_pos(L, r);
}

/* Crossings that items a (left) and b (right) of row r make with their
 * neighbours on one side. */
static int pair_cross(const Links *k, int a, int b, const int *off, const int *nb) {
  int c = 0;
  for (int i = off[a]; i < off[a + 1]; i++)
    for (int j = off[b]; j < off[b + 1]; j++) c += k->ix[nb[i]] > k->ix[nb[j]];
  return c;
}

static int transpose(Lay *L, Links *k) {
  int changed = 0;
  for (int r = 0; r < L->nrows; r++) {
    int *row = L->row[r];
    for (int i = 0; i + 1 < L->rowlen[r]; i++) {
      int a = row[i], b = row[i + 1];
      if (L->it[a].lane != L->it[b].lane) continue;
      int now = pair_cross(k, a, b, k->up_off, k->up) + pair_cross(k, a, b, k->dn_off, k->dn);
      int swapped = pair_cross(k, b, a, k->up_off, k->up) + pair_cross(k, b, a, k->dn_off, k->dn);
      if (swapped < now) {
        row[i] = b;
        row[i + 1] = a;
        k->ix[a] = i + 1;
        k->ix[b] = i;
        changed = 1;
      }
    }
    lay_row_pos(L, r);
  }
  return changed;
}

static void save(Lay *L, int **best, int *lane) {
  for (int r = 0; r < L->nrows; r++) memcpy(best[r], L->row[r], sizeof(int) * (size_t)L->rowlen[r]);
  for (int i = 0; i < L->nit; i++) lane[i] = L->it[i].lane;
}

static void restore(Lay *L, int **best, const int *lane) {
  for (int i = 0; i < L->nit; i++) L->it[i].lane = lane[i];
  for (int r = 0; r < L->nrows; r++) {
    memcpy(L->row[r], best[r], sizeof(int) * (size_t)L->rowlen[r]);
    lay_row_pos(L, r);
  }
}

/* Dummies of one edge all take the lane most of them chose, so a long
 * line does not step from lane to lane; rows re-sorted by lane. */
static void one_lane_per_chain(Lay *L, Key *keys) {
  int *count = NEW(L->c, int, L->ncols + 1);
  for (int i = 0; i < L->ne; i++) {
    const LEdge *e = &L->e[i];
    if (e->nchain < 3) continue;
    int best = L->it[e->chain[1]].lane;
    memset(count, 0, sizeof(int) * (size_t)L->ncols);
    for (int j = 1; j + 1 < e->nchain; j++)
      if (++count[L->it[e->chain[j]].lane] > count[best]) best = L->it[e->chain[j]].lane;
    unsigned char f = L->flip ? L->flip[i] : 0;
    if (f & FLIP_LANE_U) best = L->it[e->u].lane;
    if (f & FLIP_LANE_V) best = L->it[e->v].lane;
    for (int j = 1; j + 1 < e->nchain; j++) L->it[e->chain[j]].lane = best;
  }
  for (int r = 0; r < L->nrows; r++) {
    int n = L->rowlen[r];
    for (int i = 0; i < n; i++) {
      const Item *t = &L->it[L->row[r][i]];
      keys[i] = (Key){t->lane, t->lane == (int)floor(t->pos) ? t->pos : t->lane + (t->pos < t->lane ? 0.999 : 0.0), L->row[r][i]};
    }
    qsort(keys, (size_t)n, sizeof *keys, by_key);
    for (int i = 0; i < n; i++) L->row[r][i] = keys[i].item;
    lay_row_pos(L, r);
  }
}

void lay_order(Lay *L) {
  Links k;
  add_links(L, &k);
  int widest = 1;
  for (int r = 0; r < L->nrows; r++) if (L->rowlen[r] > widest) widest = L->rowlen[r];
  int *buf = NEW(L->c, int, L->nit + L->ne + 1), *tree = NEW(L->c, int, widest + 2);
  Key *keys = NEW(L->c, Key, widest + 1);
  int **best = NEW(L->c, int *, L->nrows + 1), *lane = NEW(L->c, int, L->nit + 1);
  for (int r = 0; r < L->nrows; r++) best[r] = NEW(L->c, int, L->rowlen[r] + 1);
  save(L, best, lane);
  long bestc = crossings(L, &k, buf, tree);
  for (int s = 0; s < SWEEPS && bestc > 0; s++) {
    int down = s % 2 == 0;
    for (int i = 0; i < L->nrows; i++) sweep_row(L, &k, down ? i : L->nrows - 1 - i, down, keys);
    for (int r = 0; r < L->nrows; r++) index_row(L, &k, r);
    for (int t = 0; t < 4 && transpose(L, &k); t++) {}
    long c = crossings(L, &k, buf, tree);
    if (c < bestc) { bestc = c; save(L, best, lane); }
  }
  restore(L, best, lane);
  one_lane_per_chain(L, keys);
  for (int r = 0; r < L->nrows; r++) index_row(L, &k, r);
  for (int t = 0; t < 4 && transpose(L, &k); t++) {}
}
