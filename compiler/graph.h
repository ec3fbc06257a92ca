/* graph.h — directed graphs in compressed adjacency form and the linear
 * algorithms the checks use: reachability, strongly connected components
 * and immediate dominators. No recursion (graphs may be huge). Arrays are
 * allocated in the Ctx arena. */
#ifndef FLOWC_GRAPH_H
#define FLOWC_GRAPH_H
#include "ctx.h"

typedef struct Graph {
  int n;
  int *off; /* successors of v: adj[off[v] .. off[v+1]) */
  int *adj;
  int *eid; /* the edge index each successor came from */
} Graph;

/* Builds the graph of m edges from[i] -> to[i] over n nodes (reversed
 * when reverse is set). Edges keep their order within each node. */
void graph_build(Ctx *c, Graph *g, int n, int m, const int *from, const int *to, int reverse);
static inline int graph_deg(const Graph *g, int v) { return g->off[v + 1] - g->off[v]; }

/* Marks (mark[v] = 1) every node reachable from the nsrc sources. */
void graph_reach(Ctx *c, const Graph *g, const int *src, int nsrc, unsigned char *mark);

/* Strongly connected components of the nodes with active[v] set, using
 * only edges between them. comp[v] is the component (-1 if inactive);
 * returns the number of components. */
int graph_scc(Ctx *c, const Graph *g, const unsigned char *active, int *comp);

/* Immediate dominators from a virtual root (index g->n) whose successors
 * are the nroots roots: idom has g->n + 1 entries, idom[g->n] = g->n, and
 * -1 for nodes that cannot be reached. pred must be g reversed. */
void graph_idom(Ctx *c, const Graph *g, const Graph *pred, const int *roots, int nroots, int *idom);

#endif
