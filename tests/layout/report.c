/* report.c — `make layout-report`: the readability of flowc's charts
 * beside Graphviz dot's on the same graphs (compiler/layout_metrics.h).
 * Every process of each corpus is laid out by flowc's layout() and by dot
 * in process (libgvc): the same node boxes (flowc's sizes, as fixed-size
 * boxes), the same edges, each lane a cluster, rankdir=TB, newrank=true
 * (without it, lanes that take turns get ranks against their edges).
 * Phases are not given to dot. Each edge label is a fixed-size HTML
 * xlabel of the size flowc gives it: as `label`, Graphviz 2.42/2.43
 * corrupts its heap on labelled flat edges in clusters (flat_edges
 * reallocates a rank array that is freed again later). Where dot puts
 * xlabels varies a little between runs, so its label count and area may
 * differ by a label or so. Both drawings are measured by metrics_drawing;
 * dot's splines are flattened by sampling, its y axis flipped. Prints one
 * line per process (with the pages flowc's chart takes in the manual,
 * chart_pages.h) and a total and flowc/dot ratios per corpus.
 * Usage: report [-c NAME] FILE... [-c NAME FILE...]...
 * (-c starts a corpus; its files are compiled together.) */
#include <graphviz/gvc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chart_pages.h"
#include "cli.h"
#include "ctx.h"
#include "layout.h"
#include "layout_metrics.h"
#include "utf8.h"

#define SAMPLES 8 /* line pieces per cubic Bezier piece */

typedef struct Row {
  const char *id;
  LayoutMetrics fc, dot;
  int pages; /* flowc's chart in the manual */
  double fit_fc, fit_dot; /* text size (pt) with the whole chart on one page */
} Row;

/* ---- dot on the same graph ---- */

static void set(void *obj, const char *name, const char *value) {
  agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

/* An empty fixed-size HTML label: dot places exactly this room. */
static void label_size(Agraph_t *G, Agedge_t *e, Rect box) {
  char buf[256];
  snprintf(buf, sizeof buf,
           "<TABLE FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\" BORDER=\"0\" CELLBORDER=\"0\" "
           "CELLPADDING=\"0\" CELLSPACING=\"0\"><TR><TD></TD></TR></TABLE>",
           (int)ceil(box.w), (int)ceil(box.h));
  char *html = agstrdup_html(G, buf);
  set(e, "xlabel", html);
  agstrfree(G, html);
}

static Agraph_t *dot_graph(Ctx *c, const Process *p, const Scene *s, Agnode_t ***nodes,
                           Agedge_t ***edges, Agraph_t ***lanes) {
  Agraph_t *G = agopen((char *)"flow", Agdirected, NULL);
  set(G, "rankdir", "TB");
  set(G, "nodesep", "0.5");
  set(G, "ranksep", "0.5");
  set(G, "newrank", "true"); /* else interleaved lanes rank nodes against their edges */
  Agraph_t **sg = NEW(c, Agraph_t *, p->nlanes + 1);
  char buf[64];
  for (int k = 0; k < p->nlanes; k++) {
    snprintf(buf, sizeof buf, "cluster_%d", k);
    sg[k] = agsubg(G, buf, 1);
  }
  Agnode_t **an = NEW(c, Agnode_t *, s->nnodes + 1);
  for (int v = 0; v < s->nnodes; v++) {
    snprintf(buf, sizeof buf, "n%d", v);
    an[v] = agnode(G, buf, 1);
    set(an[v], "shape", "box");
    set(an[v], "fixedsize", "true");
    set(an[v], "label", "");
    snprintf(buf, sizeof buf, "%.3f", s->nodes[v].box.w / 72);
    set(an[v], "width", buf);
    snprintf(buf, sizeof buf, "%.3f", s->nodes[v].box.h / 72);
    set(an[v], "height", buf);
    int lane = p->nodes[v]->lane;
    if (lane >= 0) agsubnode(sg[lane], an[v], 1);
  }
  Agedge_t **ae = NEW(c, Agedge_t *, s->nedges + 1);
  for (int i = 0; i < s->nedges; i++) {
    ae[i] = agedge(G, an[s->edges[i].from], an[s->edges[i].to], NULL, 1);
    if (s->edges[i].nlabel) label_size(G, ae[i], s->edges[i].label_box);
  }
  *nodes = an, *edges = ae, *lanes = sg;
  return G;
}

typedef struct Flip { double x0, y1; } Flip; /* dot's bounding box: left, top */

static Pt flip(Flip f, pointf p) { return (Pt){p.x - f.x0, f.y1 - p.y}; }

static Pt bezier_at(const pointf *q, double t, Flip f) {
  double u = 1 - t, a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
  pointf r = {a * q[0].x + b * q[1].x + c * q[2].x + d * q[3].x,
              a * q[0].y + b * q[1].y + c * q[2].y + d * q[3].y};
  return flip(f, r);
}

/* An edge's splines as one polyline, arrow tips included. */
static void flatten(Ctx *c, Agedge_t *e, Flip f, MetricEdge *me) {
  splines *spl = ED_spl(e);
  int n = 0, cap = 2;
  for (int b = 0; spl && b < spl->size; b++) cap += 2 + (spl->list[b].size / 3) * SAMPLES + 1;
  Pt *pts = NEW(c, Pt, cap);
  for (int b = 0; spl && b < spl->size; b++) {
    const bezier *bz = &spl->list[b];
    if (bz->sflag) pts[n++] = flip(f, bz->sp);
    for (int i = 0; i + 3 < bz->size; i += 3)
      for (int j = i ? 1 : 0; j <= SAMPLES; j++) pts[n++] = bezier_at(bz->list + i, (double)j / SAMPLES, f);
    if (bz->eflag) pts[n++] = flip(f, bz->ep);
  }
  me->pts = pts;
  me->npts = n;
}

static Rect label_box(textlabel_t *l, Flip f) {
  Pt p = flip(f, l->pos);
  return (Rect){p.x - l->dimen.x / 2, p.y - l->dimen.y / 2, l->dimen.x, l->dimen.y};
}

/* The lanes' clusters as boundary lines. */
static MetricLine *cluster_lines(Ctx *c, Agraph_t **lanes, int nlanes, Flip f) {
  MetricLine *r = NEW(c, MetricLine, 4 * nlanes + 1);
  for (int k = 0; k < nlanes; k++) {
    boxf b = GD_bb(lanes[k]);
    Pt a = flip(f, b.LL), z = flip(f, b.UR);
    r[4 * k] = (MetricLine){{a.x, a.y}, {z.x, a.y}};
    r[4 * k + 1] = (MetricLine){{z.x, a.y}, {z.x, z.y}};
    r[4 * k + 2] = (MetricLine){{z.x, z.y}, {a.x, z.y}};
    r[4 * k + 3] = (MetricLine){{a.x, z.y}, {a.x, a.y}};
  }
  return r;
}

static int dot_metrics(Ctx *c, GVC_t *gvc, const Process *p, const Scene *s, LayoutMetrics *m,
                       double *fit) {
  Agnode_t **an;
  Agedge_t **ae;
  Agraph_t **lanes;
  Agraph_t *G = dot_graph(c, p, s, &an, &ae, &lanes);
  if (gvLayout(gvc, G, "dot") != 0) {
    agclose(G);
    return -1;
  }
  boxf bb = GD_bb(G);
  Flip f = {bb.LL.x, bb.UR.y};
  Rect *nodes = NEW(c, Rect, s->nnodes + 1);
  for (int v = 0; v < s->nnodes; v++) {
    Pt ctr = flip(f, ND_coord(an[v]));
    double w = ND_width(an[v]) * 72, h = ND_height(an[v]) * 72;
    nodes[v] = (Rect){ctr.x - w / 2, ctr.y - h / 2, w, h};
  }
  MetricEdge *edges = NEW(c, MetricEdge, s->nedges + 1);
  for (int i = 0; i < s->nedges; i++) {
    edges[i].from = s->edges[i].from;
    edges[i].to = s->edges[i].to;
    flatten(c, ae[i], f, &edges[i]);
    textlabel_t *l = ED_label(ae[i]) ? ED_label(ae[i]) : ED_xlabel(ae[i]);
    if (l && l->set) {
      Rect *r = NEW(c, Rect, 1);
      *r = label_box(l, f);
      edges[i].label = r;
    }
  }
  MetricDrawing d = {bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y, nodes, s->nnodes, edges, s->nedges,
                     cluster_lines(c, lanes, p->nlanes, f), 4 * p->nlanes, NULL, 0};
  metrics_drawing(&d, m);
  *fit = chart_one_page_text(d.width, d.height, chart_min_text(s));
  gvFreeLayout(gvc, G);
  agclose(G);
  return 0;
}

/* ---- the table ---- */

static int width_of(const char *s) {
  int w = 0;
  for (size_t i = 0, n = strlen(s); i < n;) {
    uint32_t cp;
    int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (k <= 0) k = 1, cp = '?';
    w += utf8_width(cp);
    i += (size_t)k;
  }
  return w;
}

static void pad(const char *s, int w) {
  printf("%s%*s", s, w - width_of(s) > 0 ? w - width_of(s) : 0, "");
}

static double per_edge(const LayoutMetrics *m) { return m->edges ? m->bends / m->edges : 0; }
static double area_ratio(const LayoutMetrics *m) { return m->node_area > 0 ? m->area / m->node_area : 0; }

#define COLS " %6s %7s %6s %5s %6s %6s"
#define GROUP 41 /* width of COLS */

static void cells(const LayoutMetrics *m) {
  printf(" %6d %7.0f %6d %5d %6.2f %6.1f", m->crossings, m->shared, m->label_collisions,
         m->through_nodes, per_edge(m), area_ratio(m));
}

static void ratio(double a, double b, int w) {
  if (b > 0) printf(" %*.2f", w, a / b);
  else printf(" %*s", w, a > 0 ? "inf" : "-");
}

static void header(int idw) {
  printf("%*s |%*s%*s |%*s\n", idw + 12, "", (GROUP + 11 + 5) / 2, "flowc", (GROUP + 11 - 5) / 2, "",
         (GROUP + 8) / 2, "dot");
  pad("process", idw);
  printf(" %5s %5s |" COLS " %5s %4s |" COLS " %4s\n", "nodes", "edges", "cross", "shared", "labels",
         "thru", "bend/e", "area/n", "pages", "1p", "cross", "shared", "labels", "thru", "bend/e",
         "area/n", "1p");
}

static void row(const Row *r, int idw) {
  pad(r->id, idw);
  printf(" %5d %5d |", r->fc.nodes, r->fc.edges);
  cells(&r->fc);
  printf(" %5d", r->pages);
  if (r->fit_fc > 0) printf(" %4.1f", r->fit_fc);
  else printf(" %4s", "");
  printf(" |");
  cells(&r->dot);
  if (r->fit_dot > 0) printf(" %4.1f", r->fit_dot);
  putchar('\n');
}

static void print_corpus(const char *name, const Row *rows, int n) {
  int idw = 12;
  for (int i = 0; i < n; i++)
    if (width_of(rows[i].id) > idw) idw = width_of(rows[i].id);
  printf("\n== %s: %d processes ==\n", name, n);
  header(idw);
  Row t = {.id = "total"};
  int multi = 0, small = 0, fits[2] = {0, 0};
  for (int i = 0; i < n; i++) {
    if (rows[i].fc.nodes <= 30) {
      small++;
      fits[0] += rows[i].fit_fc >= 7 - 0.005;
      fits[1] += rows[i].fit_dot >= 7 - 0.005;
    }
    row(&rows[i], idw);
    metrics_add(&t.fc, &rows[i].fc);
    metrics_add(&t.dot, &rows[i].dot);
    t.pages += rows[i].pages;
    multi += rows[i].pages > 1;
  }
  row(&t, idw);
  pad("flowc/dot", idw);
  printf(" %11s |", "");
  ratio(t.fc.crossings, t.dot.crossings, 6);
  ratio(t.fc.shared, t.dot.shared, 7);
  ratio(t.fc.label_collisions, t.dot.label_collisions, 6);
  ratio(t.fc.through_nodes, t.dot.through_nodes, 5);
  ratio(per_edge(&t.fc), per_edge(&t.dot), 6);
  ratio(area_ratio(&t.fc), area_ratio(&t.dot), 6);
  printf(" %5s %4s |\n", "", "");
  printf("charts on more than one page: %d of %d; near lines (edges without a common end parallel\n"
         "2-6 pt apart, informational): flowc %.0f pt, dot %.0f pt; jogs (a line stepping aside by\n"
         "under %.0f pt and going on): flowc %d; 1p: text size (pt) with the whole chart on one page\n"
         "(7 or more fits): of %d charts up to 30 nodes, flowc %d fit, dot %d\n", multi, n, t.fc.near,
         t.dot.near, JOG_PT, t.fc.jogs, small, fits[0], fits[1]);
}

/* ---- corpora ---- */

static int run_corpus(const char *name, char **files, int nfiles, Font *font, GVC_t *gvc) {
  Ctx c;
  ctx_init(&c);
  if (cli_compile(&c, files, nfiles) != 0 || c.nerrors) {
    fprintf(stderr, "report: %s: the input has errors (run flowc check)\n", name);
    ctx_free(&c);
    return 1;
  }
  Row *rows = NEW(&c, Row, c.prog->nprocs + 1);
  int n = 0, bad = 0;
  for (int i = 0; i < c.prog->nprocs; i++) {
    const Process *p = c.prog->procs[i];
    if (!c.files[p->file]->cmdline) continue; /* only imported */
    const char *err = NULL;
    Scene *s = layout(&c, p, font, &err);
    if (!s) { fprintf(stderr, "report: %s\n", err); bad = 1; continue; }
    Row *r = &rows[n];
    r->id = p->id;
    metrics_scene(s, &r->fc);
    r->pages = chart_pages(&c, s);
    r->fit_fc = chart_one_page_text(s->width, s->height, chart_min_text(s));
    if (dot_metrics(&c, gvc, p, s, &r->dot, &r->fit_dot) != 0) {
      fprintf(stderr, "report: %s: dot could not lay it out\n", p->id);
      bad = 1;
      continue;
    }
    n++;
  }
  print_corpus(name, rows, n);
  ctx_free(&c);
  return bad;
}

int main(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
    fputs("usage: report [-c NAME] FILE... [-c NAME FILE...]...\n", stderr);
    return 2;
  }
  const char *err = NULL;
  Font *font = font_open(NULL, &err);
  if (!font) {
    fprintf(stderr, "report: %s\n", err);
    return 2;
  }
  GVC_t *gvc = gvContext();
  if (!gvc) {
    fputs("report: cannot start Graphviz\n", stderr);
    font_close(font);
    return 2;
  }
  printf("Chart quality: flowc's layout against Graphviz dot (lanes as clusters) on the same graphs.\n"
         "cross: edge crossings; shared: pt of edges without a common end on one line; labels: edge\n"
         "labels touching a node, label, other edge or lane/phase line; thru: (edge, node) pairs with a\n"
         "line through the node; bend/e: bends per edge (dot: quarter turns of its curves); area/n:\n"
         "drawing area / node area; pages: pages of flowc's chart in the manual.\n");
  int bad = 0;
  for (int i = 1; i < argc;) {
    const char *name = "files";
    if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) name = argv[i + 1], i += 2;
    int j = i;
    while (j < argc && strcmp(argv[j], "-c") != 0) j++;
    if (j > i) bad |= run_corpus(name, argv + i, j - i, font, gvc);
    i = j;
  }
  gvFreeContext(gvc);
  font_close(font);
  return bad;
}
