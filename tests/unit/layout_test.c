/* layout_test.c — properties every laid-out process must have, checked
 * on the Scene of each process of the given files: lanes in declared
 * order, every node inside its lane's column and its phase's band, no two
 * nodes overlapping, every edge an orthogonal path that crosses no node
 * box and ends in its arrowhead on its target (on top, or on a side
 * when the last run is horizontal), labels clear of nodes.
 * Usage: layout_test FILE... (exit 1 on any violation). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "ctx.h"
#include "layout.h"

static int bad;

static void fail(const Process *p, const char *fmt, const char *a, const char *b) {
  fprintf(stderr, "layout_test: %s: ", p->id);
  fprintf(stderr, fmt, a, b);
  fputc('\n', stderr);
  bad++;
}

static int inside(Rect in, Rect out) {
  return in.x >= out.x - 0.01 && in.y >= out.y - 0.01 &&
         in.x + in.w <= out.x + out.w + 0.01 && in.y + in.h <= out.y + out.h + 0.01;
}

static int overlap(Rect a, Rect b, double shrink) {
  return a.x + shrink < b.x + b.w - shrink && b.x + shrink < a.x + a.w - shrink &&
         a.y + shrink < b.y + b.h - shrink && b.y + shrink < a.y + a.h - shrink;
}

/* Does the axis-parallel segment a-b pass through the inside of r? */
static int crosses(Pt a, Pt b, Rect r) {
  Rect s = {fmin(a.x, b.x), fmin(a.y, b.y), fabs(a.x - b.x), fabs(a.y - b.y)};
  double e = 0.5; /* touching the border is fine */
  return s.x < r.x + r.w - e && s.x + s.w > r.x + e && s.y < r.y + r.h - e && s.y + s.h > r.y + e;
}

static void check_scene(const Scene *s) {
  const Process *p = s->proc;
  for (int k = 1; k < s->nlanes; k++)
    if (s->lanes[k].box.x < s->lanes[k - 1].box.x + s->lanes[k - 1].box.w - 0.01)
      fail(p, "lane %s is not right of lane %s", s->lanes[k].lane->id, s->lanes[k - 1].lane->id);
  for (int v = 0; v < s->nnodes; v++) {
    const SceneNode *n = &s->nodes[v];
    if (n->node->lane >= 0) {
      Rect col = s->lanes[n->node->lane].box;
      col.y = n->box.y, col.h = n->box.h;
      if (!inside(n->box, col)) fail(p, "node %s is outside its lane %s", n->node->id, s->lanes[n->node->lane].lane->id);
    }
    if (n->node->phase >= 0 && !inside(n->box, s->phases[n->node->phase].box))
      fail(p, "node %s is outside its phase band %s", n->node->id, s->phases[n->node->phase].phase->name);
    if (!inside(n->box, (Rect){0, 0, s->width, s->height})) fail(p, "node %s is outside the picture%s", n->node->id, "");
    for (int w = 0; w < v; w++)
      if (overlap(n->box, s->nodes[w].box, 0)) fail(p, "nodes %s and %s overlap", n->node->id, s->nodes[w].node->id);
  }
  for (int i = 0; i < s->nedges; i++) {
    const SceneEdge *e = &s->edges[i];
    const char *name = e->edge->from_id, *to = e->edge->to_id;
    if (e->npts < 2) { fail(p, "edge %s -> %s has no path", name, to); continue; }
    Pt last = e->pts[e->npts - 1];
    if (fabs(last.x - e->head[0].x) > 0.01 || fabs(last.y - e->head[0].y) > 0.01)
      fail(p, "edge %s -> %s does not end at its arrowhead", name, to);
    Rect tb = s->nodes[e->to].box;
    int on_top = fabs(last.y - tb.y) <= 0.01 && last.x >= tb.x && last.x <= tb.x + tb.w;
    int on_side = last.y > tb.y && last.y < tb.y + tb.h && last.x >= tb.x - 0.01 &&
                  last.x <= tb.x + tb.w + 0.01 && e->npts >= 2 && fabs(e->pts[e->npts - 2].y - last.y) < 0.01;
    if (!on_top && !on_side)
      fail(p, "edge %s -> %s does not end on top of its target (or its side, entered across)", name, to);
    for (int k = 0; k + 1 < e->npts; k++) {
      Pt a = e->pts[k], b = e->pts[k + 1];
      if (fabs(a.x - b.x) > 0.01 && fabs(a.y - b.y) > 0.01)
        fail(p, "edge %s -> %s has a slanted segment", name, to);
      for (int v = 0; v < s->nnodes; v++) /* a run into its own end may reach a slanted side */
        if (crosses(a, b, s->nodes[v].box) && !(k == 0 && v == e->from) && !(k + 2 == e->npts && v == e->to))
          fail(p, "edge %s crosses node %s", name, s->nodes[v].node->id),
          fprintf(stderr, "  (edge to %s, segment %d)\n", to, k);
    }
    if (e->nlabel && !inside(e->label_box, (Rect){0, 0, s->width, s->height}))
      fail(p, "the label of edge %s -> %s is outside the picture", name, to);
    if (e->nlabel)
      for (int v = 0; v < s->nnodes; v++)
        if (overlap(e->label_box, s->nodes[v].box, 0.5))
          fail(p, "the label of edge %s covers node %s", name, s->nodes[v].node->id);
  }
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: layout_test FILE...\n", stderr);
    return 2;
  }
  Ctx c;
  ctx_init(&c);
  if (cli_compile(&c, argv + 1, argc - 1) != 0 || c.nerrors) {
    fputs("layout_test: the input has errors\n", stderr);
    ctx_free(&c);
    return 2;
  }
  const char *err = NULL;
  Font *f = font_open(NULL, &err);
  if (!f) {
    fprintf(stderr, "layout_test: %s\n", err);
    ctx_free(&c);
    return 2;
  }
  int n = 0;
  for (int i = 0; i < c.prog->nprocs; i++) {
    Scene *s = layout(&c, c.prog->procs[i], f, &err);
    if (!s) { fprintf(stderr, "layout_test: %s\n", err); bad++; continue; }
    check_scene(s);
    n++;
  }
  font_close(f);
  ctx_free(&c);
  printf("layout_test: %d processes, %d problems\n", n, bad);
  return bad ? 1 : 0;
}
