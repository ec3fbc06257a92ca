/* layout.c — process to Scene (see layout.h). Graphviz dot gives each
 * node a rank and an order within its rank; flowc then builds its own
 * grid: rows from the ranks (regrouped so every phase is a band of its
 * own), columns from the lanes in declared order, and routes the edges
 * orthogonally through the channels between rows and the gutters between
 * lanes (route.c), which no node box ever occupies. */
#include "layout.h"
#include <graphviz/gvc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "layout_grid.h"

#define NEW(c, T, n) ((T *)arena_alloc(&(c)->arena, sizeof(T) * (size_t)(n)))

/* Text sizes and the widest a label may be before it wraps, in points. */
#define NODE_PT 10.0
#define LABEL_PT 10.0
#define HEADER_PT 10.5
#define PAD_X 10.0
#define PAD_Y 7.0
/* Wider than this (A4 portrait text width at 7/10 of the size), a chart
 * with lanes stacks side-by-side nodes instead. */
#define MAX_WIDE 690.0

static ShapeKind shape_of(NodeKind k) {
  switch (k) {
  case NK_START: case NK_END: return SH_TERMINATOR;
  case NK_DECISION: return SH_DECISION;
  case NK_CALL: return SH_PREDEFINED;
  case NK_DOCUMENT: return SH_DOCUMENT;
  case NK_DATA: return SH_DATA;
  case NK_STORE: return SH_STORE;
  case NK_MANUAL: return SH_MANUAL;
  case NK_WAIT: return SH_DELAY;
  case NK_FORK: case NK_JOIN: return SH_BAR;
  default: return SH_PROCESS;
  }
}

/* Wraps text into runs centred on x = 0, the first baseline at y = 0. */
static TextRun *runs(Ctx *c, Font *f, const char *text, double size, double maxw,
                     int *n, double *w, double *h) {
  const char **lines;
  double *widths;
  int k = font_wrap(c, f, text, size, maxw, &lines, &widths);
  TextRun *r = NEW(c, TextRun, k);
  double lh = font_line_height(f, size), widest = 0;
  for (int i = 0; i < k; i++) {
    r[i].text = lines[i];
    r[i].width = widths[i];
    r[i].size = size;
    r[i].x = -widths[i] / 2;
    r[i].y = i * lh;
    if (widths[i] > widest) widest = widths[i];
  }
  *n = k;
  *w = widest;
  *h = (k - 1) * lh + font_ascent(f, size) + font_descent(f, size);
  return r;
}

/* Box size from the text size, per symbol: room for the text inside the
 * shape's usable area. */
static void node_size(Grid *g, int v, double tw, double th) {
  GNode *n = &g->n[v];
  double w = tw + 2 * PAD_X, h = th + 2 * PAD_Y;
  switch (n->shape) {
  case SH_TERMINATOR: h = fmax(h, 30); w = fmax(w + h * 0.6, 64); break;
  case SH_DECISION: /* the text box fits when tw/w + th/h <= 1 */
    w = fmax(1.6 * tw + 12, 80); h = fmax(th / (1 - tw / (w - 8)) + 8, 48); break;
  case SH_PREDEFINED: w = fmax(w + 16, 80); h = fmax(h, 38); break;
  case SH_DOCUMENT: w = fmax(w, 80); h = fmax(h + 8, 44); break;
  case SH_DATA: w = fmax(w + 24, 84); h = fmax(h, 38); break;
  case SH_STORE: w = fmax(w, 80); h = fmax(h + 14, 48); break;
  case SH_MANUAL: w = fmax(w + 24, 84); h = fmax(h, 38); break;
  case SH_DELAY: w = fmax(w + h / 2, 80); h = fmax(h, 38); break;
  case SH_BAR: w = 80; h = 7; break;
  default: w = fmax(w, 80); h = fmax(h, 38); break;
  }
  n->w = w;
  n->h = h;
}

/* How wide a label may be before it wraps: narrower with more lanes, so
 * that a chart of up to eight lanes stays about as wide as a portrait A4
 * page can show at 7 pt text. */
static double wrap_width(ShapeKind s, int nlanes) {
  double w = nlanes > 1 ? fmin(120, fmax(60, 540.0 / nlanes - 24)) : 120;
  return s == SH_DECISION ? fmax(56, w * 0.7) : s == SH_TERMINATOR ? fmin(w, 96) : w;
}

/* The column of each node: its lane; a node outside lanes (a start or an
 * end) goes to the lane of a neighbour. */
static void assign_columns(Grid *g, const Process *p) {
  for (int v = 0; v < g->nn; v++) g->n[v].col = p->nodes[v]->lane;
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < p->nedges; i++) {
      const Edge *e = p->edges[i];
      if (e->from < 0 || e->to < 0) continue;
      if (g->n[e->from].col < 0 && g->n[e->to].col >= 0) g->n[e->from].col = g->n[e->to].col;
      if (g->n[e->to].col < 0 && g->n[e->from].col >= 0) g->n[e->to].col = g->n[e->from].col;
    }
  for (int v = 0; v < g->nn; v++)
    if (g->n[v].col < 0) g->n[v].col = 0;
  g->ncols = p->nlanes > 0 ? p->nlanes : 1;
}

/* ---- Graphviz: ranks and order ---- */

static void attr(void *obj, const char *name, const char *value) {
  agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static Agraph_t *dot_graph(Ctx *c, Grid *g, const Process *p) {
  Agraph_t *G = agopen((char *)"flow", Agdirected, NULL);
  attr(G, "rankdir", "TB");
  attr(G, "nodesep", "0.5");
  attr(G, "ranksep", "0.5");
  attr(G, "splines", "false");
  Agnode_t **an = NEW(c, Agnode_t *, g->nn + 1);
  char buf[64];
  for (int v = 0; v < g->nn; v++) {
    snprintf(buf, sizeof buf, "n%d", v);
    an[v] = agnode(G, buf, 1);
    attr(an[v], "shape", "box");
    attr(an[v], "fixedsize", "true");
    attr(an[v], "label", "");
    snprintf(buf, sizeof buf, "%.3f", g->n[v].w / 72);
    attr(an[v], "width", buf);
    snprintf(buf, sizeof buf, "%.3f", g->n[v].h / 72);
    attr(an[v], "height", buf);
    /* the ID for people reading -f dot; comments are never interpreted */
    attr(an[v], "comment", p->nodes[v]->id);
  }
  for (int i = 0; i < p->nedges; i++) {
    const Edge *e = p->edges[i];
    if (e->from < 0 || e->to < 0) continue;
    Agedge_t *ae = agedge(G, an[e->from], an[e->to], NULL, 1);
    (void)ae;
  }
  g->agnodes = (void **)an;
  return G;
}

static GVC_t *gv_context(const char **err) {
  GVC_t *gvc = gvContext();
  if (!gvc) *err = "cannot start Graphviz (gvContext failed)";
  return gvc;
}

/* Ranks and in-rank x from dot. */
static int dot_ranks(Ctx *c, Grid *g, const Process *p, const char **err) {
  GVC_t *gvc = gv_context(err);
  if (!gvc) return -1;
  Agraph_t *G = dot_graph(c, g, p);
  if (gvLayout(gvc, G, "dot") != 0) {
    agclose(G);
    gvFreeContext(gvc);
    *err = "Graphviz could not lay out the graph; if it says 'Layout type: \"dot\" not recognized', "
           "its plugin list is missing: run 'dot -c' as root (package graphviz)";
    return -1;
  }
  for (int v = 0; v < g->nn; v++) {
    g->n[v].rank = ND_rank((Agnode_t *)g->agnodes[v]);
    g->n[v].dotx = ND_coord((Agnode_t *)g->agnodes[v]).x;
  }
  gvFreeLayout(gvc, G);
  agclose(G);
  gvFreeContext(gvc);
  return 0;
}

int layout_dot(Ctx *c, const Process *p, const Scene *s, FILE *out, const char **err) {
  Grid g = {.nn = p->nnodes};
  g.n = NEW(c, GNode, g.nn + 1);
  for (int v = 0; v < g.nn; v++) {
    g.n[v].w = s->nodes[v].box.w;
    g.n[v].h = s->nodes[v].box.h;
  }
  Agraph_t *G = dot_graph(c, &g, p);
  int r = agwrite(G, out);
  agclose(G);
  if (r != 0) { *err = "cannot write the graph"; return -1; }
  return 0;
}

/* ---- rows: ranks regrouped so that each phase is a band ---- */

static int by_rank(const void *a, const void *b) {
  const int *x = a, *y = b;
  return x[0] != y[0] ? x[0] - y[0] : x[1] - y[1];
}

static int by_row_col_x(const void *a, const void *b, void *ctx);

/* When a chart with lanes would be too wide for a page, nodes that dot put
 * side by side in one lane go into rows of their own, one under the other:
 * charts grow down (pages continue down) rather than wide. No edge joins
 * nodes of one rank. */
static void split_cells(Ctx *c, Grid *g, int np) {
  int *ord = NEW(c, int, g->nn + 1), *sub = NEW(c, int, g->nn + 1);
  int *extra = NEW(c, int, g->nrows + 1), *base = NEW(c, int, g->nrows + 2);
  for (int v = 0; v < g->nn; v++) ord[v] = v;
  qsort_r(ord, (size_t)g->nn, sizeof(int), by_row_col_x, g);
  for (int i = 0; i < g->nn; i++) {
    const GNode *n = &g->n[ord[i]], *prev = i ? &g->n[ord[i - 1]] : NULL;
    sub[ord[i]] = prev && prev->row == n->row && prev->col == n->col ? sub[ord[i - 1]] + 1 : 0;
    if (sub[ord[i]] > extra[n->row]) extra[n->row] = sub[ord[i]];
  }
  for (int r = 0; r < g->nrows; r++) base[r + 1] = base[r] + 1 + extra[r];
  for (int v = 0; v < g->nn; v++) g->n[v].row = base[g->n[v].row] + sub[v];
  for (int ph = 0; ph < np; ph++) {
    if (g->phase_last[ph] >= g->phase_first[ph]) g->phase_last[ph] = base[g->phase_last[ph] + 1] - 1;
    g->phase_first[ph] = base[g->phase_first[ph]];
  }
  g->nrows = base[g->nrows];
}

static void assign_rows(Ctx *c, Grid *g, const Process *p) {
  int np = p->nphases + 1; /* group 0: nodes before the first phase */
  int *pair = NEW(c, int, 2 * g->nn + 2);
  g->nrows = 0;
  g->phase_first = NEW(c, int, np + 1);
  g->phase_last = NEW(c, int, np + 1);
  for (int ph = 0; ph < np; ph++) {
    int k = 0;
    for (int v = 0; v < g->nn; v++)
      if (p->nodes[v]->phase + 1 == ph) { pair[2 * k] = g->n[v].rank; pair[2 * k + 1] = v; k++; }
    qsort(pair, (size_t)k, 2 * sizeof(int), by_rank);
    g->phase_first[ph] = g->nrows;
    for (int i = 0; i < k; i++) {
      if (i > 0 && pair[2 * i] != pair[2 * i - 2]) g->nrows++;
      g->n[pair[2 * i + 1]].row = g->nrows;
    }
    if (k) g->nrows++;
    g->phase_last[ph] = g->nrows - 1;
  }
  g->ngroups = np;
}

/* ---- columns: nodes of one lane and row side by side, in dot's order ---- */

static int by_row_col_x(const void *a, const void *b, void *ctx) {
  const Grid *g = ctx;
  const GNode *x = &g->n[*(const int *)a], *y = &g->n[*(const int *)b];
  if (x->row != y->row) return x->row - y->row;
  if (x->col != y->col) return x->col - y->col;
  return x->dotx < y->dotx ? -1 : x->dotx > y->dotx;
}

/* Orders the nodes by (row, column, dot x) and measures each cell. */
static void build_cells(Ctx *c, Grid *g) {
  g->order = NEW(c, int, g->nn + 1);
  for (int v = 0; v < g->nn; v++) g->order[v] = v;
  qsort_r(g->order, (size_t)g->nn, sizeof(int), by_row_col_x, g);
  g->colw = NEW(c, double, g->ncols + 1);
  for (int i = 0; i < g->nn;) {
    int j = i;
    double w = 0;
    while (j < g->nn && g->n[g->order[j]].row == g->n[g->order[i]].row &&
           g->n[g->order[j]].col == g->n[g->order[i]].col) {
      w += g->n[g->order[j]].w + (j > i ? CELL_GAP : 0);
      j++;
    }
    int col = g->n[g->order[i]].col;
    if (w > g->colw[col]) g->colw[col] = w;
    i = j;
  }
}

/* x of every node from the column widths and gutters. */
void grid_place_x(Grid *g) {
  double x = g->left;
  for (int k = 0; k < g->ncols; k++) {
    g->gutx[k] = x;
    x += g->gutw[k];
    g->colx[k] = x;
    x += g->colw[k];
  }
  g->gutx[g->ncols] = x;
  x += g->gutw[g->ncols];
  g->width = x;
  for (int i = 0; i < g->nn;) {
    int j = i;
    double w = 0;
    int row = g->n[g->order[i]].row, col = g->n[g->order[i]].col;
    while (j < g->nn && g->n[g->order[j]].row == row && g->n[g->order[j]].col == col) {
      w += g->n[g->order[j]].w + (j > i ? CELL_GAP : 0);
      j++;
    }
    double cx = g->colx[col] + (g->colw[col] - w) / 2;
    for (int k = i; k < j; k++) {
      GNode *n = &g->n[g->order[k]];
      n->x = cx + n->w / 2;
      cx += n->w + CELL_GAP;
    }
    i = j;
  }
}

/* ---- the scene ---- */

static void vertical_title(Ctx *c, Font *f, const char *text, Rect box, TextRun **out, int *n) {
  /* one character per line, centred in the strip */
  size_t len = strlen(text);
  int count = 0;
  TextRun *r = NEW(c, TextRun, len + 1);
  double lh = font_line_height(f, HEADER_PT);
  for (size_t i = 0; i < len;) {
    size_t k = 1;
    while (i + k < len && ((unsigned char)text[i + k] & 0xC0) == 0x80) k++;
    r[count].text = arena_strndup(&c->arena, text + i, k);
    r[count].size = HEADER_PT;
    r[count].width = font_width(f, text + i, k, HEADER_PT);
    count++;
    i += k;
  }
  double total = count * lh, y0 = box.y + (box.h - total) / 2 + font_ascent(f, HEADER_PT);
  if (y0 < box.y + font_ascent(f, HEADER_PT) + 4) y0 = box.y + font_ascent(f, HEADER_PT) + 4;
  for (int i = 0; i < count; i++) {
    r[i].x = box.x + (box.w - r[i].width) / 2;
    r[i].y = y0 + i * lh;
  }
  *out = r;
  *n = count;
}

static void place_runs(TextRun *r, int n, double cx, double top) {
  for (int i = 0; i < n; i++) {
    r[i].x += cx;
    r[i].y += top;
  }
}

static int measure(Ctx *c, const Process *p, Font *f, Grid *g, Scene *s, const char **err);
static Scene *place(Ctx *c, const Process *p, Font *f, const Grid *g0, const Scene *s0, int stack,
                    const char **err);

Scene *layout(Ctx *c, const Process *p, Font *f, const char **err) {
  if (p->nnodes > LAYOUT_MAX_NODES || p->nedges > LAYOUT_MAX_EDGES) {
    *err = arena_printf(&c->arena, "process '%s' has %d nodes and %d edges; flowc draws at most %d nodes and %d edges in one chart: split it into sub-processes with 'call'",
                        p->id, p->nnodes, p->nedges, LAYOUT_MAX_NODES, LAYOUT_MAX_EDGES);
    return NULL;
  }
  Grid g;
  Scene base;
  if (measure(c, p, f, &g, &base, err) != 0) return NULL;
  Scene *s = place(c, p, f, &g, &base, 0, err);
  /* too wide for a portrait page at the smallest text the manual uses:
     stack side-by-side nodes and place again (dot's ranks stay) */
  if (s && s->width > MAX_WIDE && p->nlanes > 0) {
    Scene *narrow = place(c, p, f, &g, &base, 1, err);
    if (narrow && narrow->width < s->width) s = narrow;
  }
  return s;
}

/* Text, sizes, columns and dot's ranks: what both placements share. */
static int measure(Ctx *c, const Process *p, Font *f, Grid *gp, Scene *s, const char **err) {
  memset(s, 0, sizeof *s);
  s->proc = p;
  s->stroke = 1.0;
  s->nnodes = p->nnodes;
  s->nodes = NEW(c, SceneNode, p->nnodes + 1);
  Grid g = {.nn = p->nnodes, .font = f, .ctx = c};
  g.n = NEW(c, GNode, g.nn + 1);
  for (int v = 0; v < g.nn; v++) {
    const Node *nd = p->nodes[v];
    SceneNode *sn = &s->nodes[v];
    sn->node = nd;
    sn->shape = g.n[v].shape = shape_of(nd->kind);
    double tw = 0, th = 0;
    if (sn->shape != SH_BAR)
      sn->lines = runs(c, f, nd->label, NODE_PT, wrap_width(sn->shape, p->nlanes), &sn->nlines, &tw, &th);
    node_size(&g, v, tw, th);
    g.n[v].texth = th;
    if (nd->kind == NK_CALL && nd->callee >= 0) sn->link = c->prog->procs[nd->callee]->id;
  }
  assign_columns(&g, p);
  if (dot_ranks(c, &g, p, err) != 0) return -1;
  *gp = g;
  return 0;
}

/* Rows, cells, routes and the final positions, on copies of g0 and s0. */
static Scene *place(Ctx *c, const Process *p, Font *f, const Grid *g0, const Scene *s0, int stack,
                    const char **err) {
  Grid g = *g0;
  g.n = NEW(c, GNode, g.nn + 1);
  memcpy(g.n, g0->n, sizeof *g.n * (size_t)g.nn);
  Scene *s = NEW(c, Scene, 1);
  *s = *s0;
  s->nodes = NEW(c, SceneNode, s->nnodes + 1);
  for (int v = 0; v < s->nnodes; v++) {
    s->nodes[v] = s0->nodes[v];
    s->nodes[v].lines = NEW(c, TextRun, s0->nodes[v].nlines + 1);
    if (s0->nodes[v].nlines) /* bars have no text */
      memcpy(s->nodes[v].lines, s0->nodes[v].lines, sizeof(TextRun) * (size_t)s0->nodes[v].nlines);
  }
  double asc = font_ascent(f, NODE_PT);
  assign_rows(c, &g, p);
  build_cells(c, &g);
  if (stack) {
    split_cells(c, &g, g.ngroups);
    build_cells(c, &g);
  }

  /* lane header band and phase strip */
  g.left = p->nphases > 0 ? PHASE_STRIP : 0;
  g.top = p->nlanes > 0 ? LANE_HEADER : 0;
  for (int k = 0; k < p->nlanes; k++) {
    double tw, th;
    int n;
    runs(c, f, p->lanes[k].name, HEADER_PT, 200, &n, &tw, &th);
    if (tw + 16 > g.colw[k]) g.colw[k] = tw + 16;
  }
  g.colx = NEW(c, double, g.ncols + 1);
  g.gutx = NEW(c, double, g.ncols + 2);
  g.gutw = NEW(c, double, g.ncols + 2);
  if (route(&g, p, s, err) != 0) return NULL;

  /* nodes and their text */
  for (int v = 0; v < g.nn; v++) {
    SceneNode *sn = &s->nodes[v];
    GNode *n = &g.n[v];
    sn->box = (Rect){n->x - n->w / 2, n->y - n->h / 2, n->w, n->h};
    double top = n->y - n->texth / 2 + asc;
    if (sn->shape == SH_DOCUMENT) top -= 3;      /* above the wave */
    if (sn->shape == SH_STORE) top += 4;         /* below the top ellipse */
    place_runs(sn->lines, sn->nlines, n->x, top);
  }
  /* lanes */
  s->nlanes = p->nlanes;
  s->lanes = NEW(c, SceneLane, p->nlanes + 1);
  for (int k = 0; k < p->nlanes; k++) {
    SceneLane *l = &s->lanes[k];
    l->lane = &p->lanes[k];
    double x0 = k == 0 ? g.left : g.gutx[k] + GUTTER_EDGE;
    double x1 = k + 1 == p->nlanes ? g.width : g.gutx[k + 1] + GUTTER_EDGE;
    l->box = (Rect){x0, 0, x1 - x0, g.height};
    l->header = (Rect){x0, 0, x1 - x0, LANE_HEADER};
    double tw, th;
    l->title = runs(c, f, p->lanes[k].name, HEADER_PT, x1 - x0 - 8, &l->ntitle, &tw, &th);
    place_runs(l->title, l->ntitle, x0 + (x1 - x0) / 2, (LANE_HEADER - th) / 2 + font_ascent(f, HEADER_PT));
  }
  /* phases */
  s->nphases = p->nphases;
  s->phases = NEW(c, ScenePhase, p->nphases + 1);
  for (int ph = 0; ph < p->nphases; ph++) {
    ScenePhase *sp = &s->phases[ph];
    sp->phase = &p->phases[ph];
    int r0 = g.phase_first[ph + 1], r1 = g.phase_last[ph + 1];
    /* bands part in the channels between the branch labels and the lines */
    double y0, y1;
    if (r1 < r0) { /* a phase without nodes: a thin band where it would be */
      y0 = y1 = r0 < g.nrows ? g.rowy[r0] - g.rowh[r0] / 2 - g.chanh[r0] + LABEL_STRIP + 2 : g.height;
    } else {
      y0 = g.rowy[r0] - g.rowh[r0] / 2 - g.chanh[r0] + LABEL_STRIP + 2;
      y1 = g.rowy[r1] + g.rowh[r1] / 2 + LABEL_STRIP + 2;
    }
    if (ph == 0 || r0 == 0) y0 = fmin(y0, g.top);
    if (ph == p->nphases - 1) y1 = g.height;
    sp->box = (Rect){0, y0, g.width, y1 - y0};
    sp->header = (Rect){0, y0, PHASE_STRIP, y1 - y0};
    vertical_title(c, f, p->phases[ph].name, sp->header, &sp->title, &sp->ntitle);
  }
  s->width = g.width;
  s->height = g.height;
  return s;
}
