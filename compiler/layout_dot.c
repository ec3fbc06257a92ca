/* layout_dot.c — the graph flowc lays out, in DOT (flowc render -f dot),
 * built through libcgraph: the nodes with their sizes and IDs, the edges,
 * each lane a cluster in declared order. */
#include <graphviz/cgraph.h>
#include <stdio.h>
#include "layout.h"


static void attr(void *obj, const char *name, const char *value) {
  agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

/* A start's caption as one label: its trigger, then "every 1mo". */
static const char *caption_text(Ctx *c, const NodeExtra *x) {
  const char *e = x->has_every ? arena_printf(&c->arena, "every %s", dur_written(&c->arena, x->every)) : NULL;
  if (x->trigger.s && e) return arena_printf(&c->arena, "%s\n%s", x->trigger.s, e);
  return x->trigger.s ? x->trigger.s : e;
}

static Agnode_t *dot_node(Ctx *c, Agraph_t *G, const Process *p, const Scene *s, int v) {
  char buf[64];
  snprintf(buf, sizeof buf, "n%d", v);
  Agnode_t *n = agnode(G, buf, 1);
  attr(n, "shape", "box");
  attr(n, "fixedsize", "true");
  attr(n, "label", "");
  snprintf(buf, sizeof buf, "%.3f", s->nodes[v].box.w / 72);
  attr(n, "width", buf);
  snprintf(buf, sizeof buf, "%.3f", s->nodes[v].box.h / 72);
  attr(n, "height", buf);
  attr(n, "comment", p->nodes[v]->id); /* the ID for people; never interpreted */
  if (s->nodes[v].ncaption) attr(n, "xlabel", caption_text(c, p->nodes[v]->x));
  return n;
}

int layout_dot(Ctx *c, const Process *p, const Scene *s, FILE *out, const char **err) {
  Agraph_t *G = agopen((char *)"flow", Agdirected, NULL);
  attr(G, "rankdir", "TB");
  attr(G, "nodesep", "0.5");
  attr(G, "ranksep", "0.5");
  Agraph_t **lane = NEW(c, Agraph_t *, p->nlanes + 1);
  char buf[64];
  for (int k = 0; k < p->nlanes; k++) {
    snprintf(buf, sizeof buf, "cluster_%d", k);
    lane[k] = agsubg(G, buf, 1);
    attr(lane[k], "label", p->lanes[k].name);
  }
  Agnode_t **an = NEW(c, Agnode_t *, p->nnodes + 1);
  for (int v = 0; v < p->nnodes; v++) {
    int k = p->nodes[v]->lane;
    an[v] = dot_node(c, k >= 0 ? lane[k] : G, p, s, v);
  }
  for (int i = 0; i < p->nedges; i++) {
    const Edge *e = p->edges[i];
    if (e->from < 0 || e->to < 0) continue;
    Agedge_t *ae = agedge(G, an[e->from], an[e->to], NULL, 1);
    if (e->label) attr(ae, "xlabel", e->label);
  }
  int r = agwrite(G, out);
  agclose(G);
  if (r != 0) { *err = "cannot write the graph"; return -1; }
  return 0;
}
