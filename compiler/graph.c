/* graph.c — graph algorithms (see graph.h). */
#include "graph.h"
#include <string.h>


void graph_build(Ctx *c, Graph *g, int n, int m, const int *from, const int *to, int reverse) {
  g->n = n;
  g->off = NEW(c, int, n + 2);
  g->adj = NEW(c, int, m + 1);
  g->eid = NEW(c, int, m + 1);
  const int *a = reverse ? to : from, *b = reverse ? from : to;
  for (int i = 0; i < m; i++) g->off[a[i] + 1]++;
  for (int v = 0; v < n; v++) g->off[v + 1] += g->off[v];
  int *fill = NEW(c, int, n + 1);
  memcpy(fill, g->off, sizeof(int) * (size_t)n);
  for (int i = 0; i < m; i++) {
    int k = fill[a[i]]++;
    g->adj[k] = b[i];
    g->eid[k] = i;
  }
}

void graph_reach(Ctx *c, const Graph *g, const int *src, int nsrc, unsigned char *mark) {
  int *queue = NEW(c, int, g->n + 1), head = 0, tail = 0;
  for (int i = 0; i < nsrc; i++)
    if (!mark[src[i]]) { mark[src[i]] = 1; queue[tail++] = src[i]; }
  while (head < tail) {
    int v = queue[head++];
    for (int k = g->off[v]; k < g->off[v + 1]; k++) {
      int w = g->adj[k];
      if (!mark[w]) { mark[w] = 1; queue[tail++] = w; }
    }
  }
}

int graph_scc(Ctx *c, const Graph *g, const unsigned char *active, int *comp) {
  int n = g->n, ncomp = 0, counter = 0;
  int *index = NEW(c, int, n), *low = NEW(c, int, n), *it = NEW(c, int, n);
  int *stack = NEW(c, int, n), sp = 0, *call = NEW(c, int, n), cp = 0;
  unsigned char *on = NEW(c, unsigned char, n);
  for (int v = 0; v < n; v++) { index[v] = -1; comp[v] = -1; }
  for (int s = 0; s < n; s++) {
    if (!active[s] || index[s] >= 0) continue;
    index[s] = low[s] = counter++;
    it[s] = g->off[s];
    stack[sp++] = s; on[s] = 1;
    call[cp++] = s;
    while (cp) {
      int v = call[cp - 1];
      if (it[v] < g->off[v + 1]) {
        int w = g->adj[it[v]++];
        if (!active[w]) continue;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          it[w] = g->off[w];
          stack[sp++] = w; on[w] = 1;
          call[cp++] = w;
        } else if (on[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      cp--;
      if (low[v] == index[v]) {
        int w;
        do {
          w = stack[--sp];
          on[w] = 0;
          comp[w] = ncomp;
        } while (w != v);
        ncomp++;
      }
      if (cp) {
        int u = call[cp - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return ncomp;
}

void graph_idom(Ctx *c, const Graph *g, const Graph *pred, const int *roots, int nroots, int *idom) {
  int n = g->n, root = n;
  int *po = NEW(c, int, n + 1), *order = NEW(c, int, n + 1), norder = 0;
  int *it = NEW(c, int, n + 1), *call = NEW(c, int, n + 1), cp = 0;
  unsigned char *is_root = NEW(c, unsigned char, n + 1);
  for (int i = 0; i < nroots; i++) is_root[roots[i]] = 1;
  for (int v = 0; v <= n; v++) { po[v] = -1; idom[v] = -1; it[v] = -1; }
  /* postorder by iterative depth-first search; the root's edges are roots[] */
  call[cp++] = root;
  it[root] = 0;
  while (cp) {
    int v = call[cp - 1], w = -1;
    if (v == root) {
      if (it[v] < nroots) w = roots[it[v]++];
    } else if (it[v] < g->off[v + 1]) {
      w = g->adj[it[v]++];
    }
    if (w >= 0) {
      if (it[w] < 0) { it[w] = g->off[w]; call[cp++] = w; }
      continue;
    }
    cp--;
    po[v] = norder;
    order[norder++] = v;
  }
  idom[root] = root;
  for (int changed = 1; changed;) {
    changed = 0;
    for (int i = norder - 2; i >= 0; i--) { /* reverse postorder, root excluded */
      int v = order[i], nd = is_root[v] ? root : -1;
      for (int k = pred->off[v]; k < pred->off[v + 1]; k++) {
        int p = pred->adj[k];
        if (idom[p] < 0) continue;
        if (nd < 0) { nd = p; continue; }
        int a = p, b = nd;
        while (a != b) {
          while (po[a] < po[b]) a = idom[a];
          while (po[b] < po[a]) b = idom[b];
        }
        nd = a;
      }
      if (nd >= 0 && idom[v] != nd) { idom[v] = nd; changed = 1; }
    }
  }
}
