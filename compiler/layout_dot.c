/* layout_dot.c — the graph flowc lays out, in DOT (flowc render -f dot),
 * built through libcgraph: the nodes with their sizes and IDs, the edges,
 * each lane a cluster in declared order, inside its group's cluster. */
#include <graphviz/cgraph.h>
#include <stdio.h>
#include "layout.h"
#include "marks.h"


static void attr(void *obj, const char *name, const char *value) {
  agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

/* The node's ID, and for a step in joint lanes "t in sales, finance". */
static const char *node_note(Ctx *c, const Process *p, const Node *nd) {
  if (!nd->x || !nd->x->njoint || nd->lane < 0) return nd->id;
  const char *s = arena_printf(&c->arena, "%s in %s", nd->id, p->lanes[nd->lane].id);
  for (int j = 0; j < nd->x->njoint; j++)
    if (nd->x->joint[j] >= 0) s = arena_printf(&c->arena, "%s, %s", s, p->lanes[nd->x->joint[j]].id);
  return s;
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
  attr(n, "comment", node_note(c, p, p->nodes[v])); /* for people; never interpreted */
  if (s->nodes[v].ncaption) attr(n, "xlabel", caption_text(c, p->nodes[v]->x));
  return n;
}

/* A conditional step dashed with its condition, an added one's mark:
 * beside the box, which has no label of its own. */
static void dot_marks(Ctx *c, const Marks *m, Agnode_t *an, const Node *n) {
  const char *cap = when_caption(&c->arena, n), *sign = mark_sign(&c->arena, m, n->added);
  if (cap) attr(an, "style", "dashed");
  if (cap || *sign) attr(an, "xlabel", arena_printf(&c->arena, "%s%s", cap ? cap : "", sign));
}

/* One cluster a lane group, holding its lanes' clusters. */
static Agraph_t **group_clusters(Ctx *c, Agraph_t *G, const Process *p) {
  Agraph_t **g = NEW(c, Agraph_t *, p->ngroups + 1);
  char buf[64];
  for (int i = 0; i < p->ngroups; i++) {
    snprintf(buf, sizeof buf, "cluster_g%d", i);
    g[i] = agsubg(G, buf, 1);
    attr(g[i], "label", p->groups[i].name);
  }
  return g;
}

int layout_dot(Ctx *c, const Process *p, const Scene *s, FILE *out, const char **err) {
  Agraph_t *G = agopen((char *)"flow", Agdirected, NULL);
  attr(G, "rankdir", "TB");
  attr(G, "nodesep", "0.5");
  attr(G, "ranksep", "0.5");
  Agraph_t **lane = NEW(c, Agraph_t *, p->nlanes + 1);
  Agraph_t **group = group_clusters(c, G, p);
  char buf[64];
  Marks m;
  marks_of(&c->arena, c->prog, p, &m);
  for (int k = 0; k < p->nlanes; k++) {
    snprintf(buf, sizeof buf, "cluster_%d", k);
    const LaneGroup *g = lane_group(p, k);
    lane[k] = agsubg(g ? group[g - p->groups] : G, buf, 1);
    attr(lane[k], "label", mark_text(&c->arena, &m, p->lanes[k].name, p->lanes[k].added));
  }
  Agnode_t **an = NEW(c, Agnode_t *, p->nnodes + 1);
  for (int v = 0; v < p->nnodes; v++) {
    int k = p->nodes[v]->lane;
    an[v] = dot_node(c, k >= 0 ? lane[k] : G, p, s, v);
    dot_marks(c, &m, an[v], p->nodes[v]);
  }
  for (int i = 0; i < p->nedges; i++) {
    const Edge *e = p->edges[i];
    if (e->from < 0 || e->to < 0) continue;
    Agedge_t *ae = agedge(G, an[e->from], an[e->to], NULL, 1);
    const char *label = mark_text(&c->arena, &m, e->label, e->added);
    if (label) attr(ae, "xlabel", label);
  }
  int r = agwrite(G, out);
  agclose(G);
  if (r != 0) { *err = "cannot write the graph"; return -1; }
  return 0;
}
