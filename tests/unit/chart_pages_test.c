/* chart_pages_test.c — the manual's chart pagination (chart_pages.c) on
 * hand-built scenes given as data, then on every process of the files
 * named on the command line. Every plan must keep each part within its
 * page, leave no near-empty part where rows allow, and keep connectors
 * at least a diameter apart; each case also states what it expects
 * (pages, orientation, columns, where a cut goes).
 * Usage: chart_pages_test [FILE...] (exit 1 on any failure). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chart_pages.h"
#include "cli.h"
#include "layout.h"

static int bad;

static void fail(const char *name, const char *what, double a, double b) {
  fprintf(stderr, "chart_pages_test: %s: %s (%g, %g)\n", name, what, a, b);
  bad++;
}

/* ---- scenes from text ----
 * size W H        the picture
 * text PT         text size of what follows (default 9)
 * lane X W        a lane column with a 30-unit header band
 * phase Y H       a phase band
 * grid X Y W H DX DY NX NY   NX × NY nodes W × H, the first at (X, Y)
 * edge X,Y X,Y ...           a polyline, arrowhead at its end
 * label X Y W H   a label box on the last edge
 * here H          room left on the current page (default: a fresh page) */

typedef struct Build {
  Ctx *c;
  Scene *s;
  int capn, cape;
  double text;
} Build;

static TextRun *run(Build *b, double x, double y) {
  TextRun *t = arena_alloc(&b->c->arena, sizeof *t);
  *t = (TextRun){"x", x, y, 5, b->text};
  return t;
}

static void add_node(Build *b, Rect r) {
  Scene *s = b->s;
  if (s->nnodes == b->capn) {
    b->capn = b->capn ? 2 * b->capn : 16;
    SceneNode *v = arena_alloc(&b->c->arena, sizeof *v * (size_t)b->capn);
    if (s->nnodes) memcpy(v, s->nodes, sizeof *v * (size_t)s->nnodes);
    s->nodes = v;
  }
  SceneNode *n = &s->nodes[s->nnodes++];
  memset(n, 0, sizeof *n);
  n->shape = SH_PROCESS;
  n->box = r;
  n->lines = run(b, r.x + 2, r.y + r.h / 2);
  n->nlines = 1;
}

static void add_edge(Build *b, const char *pts) {
  Scene *s = b->s;
  if (s->nedges == b->cape) {
    b->cape = b->cape ? 2 * b->cape : 16;
    SceneEdge *v = arena_alloc(&b->c->arena, sizeof *v * (size_t)b->cape);
    if (s->nedges) memcpy(v, s->edges, sizeof *v * (size_t)s->nedges);
    s->edges = v;
  }
  SceneEdge *e = &s->edges[s->nedges++];
  memset(e, 0, sizeof *e);
  e->pts = arena_alloc(&b->c->arena, sizeof(Pt) * 64);
  int used;
  double x, y;
  while (e->npts < 64 && sscanf(pts, " %lf,%lf%n", &x, &y, &used) == 2) {
    e->pts[e->npts++] = (Pt){x, y};
    pts += used;
  }
  if (e->npts < 2) return;
  Pt a = e->pts[e->npts - 2], t = e->pts[e->npts - 1];
  double len = hypot(t.x - a.x, t.y - a.y), ux = (t.x - a.x) / len, uy = (t.y - a.y) / len;
  e->head[0] = t;
  e->head[1] = (Pt){t.x - 8 * ux - 3 * uy, t.y - 8 * uy + 3 * ux};
  e->head[2] = (Pt){t.x - 8 * ux + 3 * uy, t.y - 8 * uy - 3 * ux};
}

static Scene *scene(Ctx *c, const char *text, double *here) {
  Build b = {c, arena_alloc(&c->arena, sizeof(Scene)), 0, 0, 9};
  Scene *s = b.s;
  s->lanes = arena_alloc(&c->arena, sizeof(SceneLane) * 8);
  s->phases = arena_alloc(&c->arena, sizeof(ScenePhase) * 8);
  s->stroke = 1;
  *here = 0;
  for (const char *l = text; *l;) {
    const char *end = strchr(l, '\n');
    if (!end) end = l + strlen(l);
    char line[4096];
    snprintf(line, sizeof line, "%.*s", (int)(end - l), l);
    double v[8];
    if (sscanf(line, " size %lf %lf", &v[0], &v[1]) == 2) s->width = v[0], s->height = v[1];
    else if (sscanf(line, " text %lf", &v[0]) == 1) b.text = v[0];
    else if (sscanf(line, " here %lf", &v[0]) == 1) *here = v[0];
    else if (sscanf(line, " lane %lf %lf", &v[0], &v[1]) == 2 && s->nlanes < 8) {
      SceneLane *ln = &s->lanes[s->nlanes++];
      ln->box = (Rect){v[0], 0, v[1], s->height};
      ln->header = (Rect){v[0], 0, v[1], 30};
      ln->title = run(&b, v[0] + 2, 20);
      ln->ntitle = 1;
    } else if (sscanf(line, " phase %lf %lf", &v[0], &v[1]) == 2 && s->nphases < 8) {
      ScenePhase *ph = &s->phases[s->nphases++];
      ph->box = (Rect){0, v[0], s->width, v[1]};
      ph->header = (Rect){0, v[0], 20, v[1]};
    } else if (sscanf(line, " grid %lf %lf %lf %lf %lf %lf %lf %lf", &v[0], &v[1], &v[2], &v[3], &v[4],
                      &v[5], &v[6], &v[7]) == 8) {
      for (int j = 0; j < (int)v[7]; j++)
        for (int i = 0; i < (int)v[6]; i++) add_node(&b, (Rect){v[0] + i * v[4], v[1] + j * v[5], v[2], v[3]});
    } else if (!strncmp(line, "edge ", 5)) add_edge(&b, line + 5);
    else if (sscanf(line, " label %lf %lf %lf %lf", &v[0], &v[1], &v[2], &v[3]) == 4 && s->nedges) {
      SceneEdge *e = &s->edges[s->nedges - 1];
      e->label_box = (Rect){v[0], v[1], v[2], v[3]};
      e->label = run(&b, v[0], v[1] + v[3] - 2);
      e->nlabel = 1;
    } else if (sscanf(line, " barlabel %lf %lf %lf %lf", &v[0], &v[1], &v[2], &v[3]) == 4 && s->nnodes) {
      s->nodes[s->nnodes - 1].label_box = (Rect){v[0], v[1], v[2], v[3]}; /* a fork's or join's */
    }
    l = *end ? end + 1 : end;
  }
  return s;
}

/* ---- what every plan must do ---- */

static double band_of(const Scene *s) {
  double b = 0;
  for (int i = 0; i < s->nlanes; i++) b = fmax(b, s->lanes[i].header.y + s->lanes[i].header.h);
  return b;
}

/* Each part within its page: the first below the heading, the others
 * below the lane headers again, all with caption and connector rows. */
static void check_rooms(const char *name, const Scene *s, const ChartPage *pg, const ChartPlan *p) {
  double h = p->landscape ? pg->lh : pg->ph, w = p->landscape ? pg->lw : pg->pw, sc = p->scale;
  if (p->where == CHART_SPLIT_HERE) h = pg->here;
  for (int r = 0; r < p->nrows; r++) {
    double part = (p->ys[r + 1] - p->ys[r]) * sc, last = r + 1 == p->nrows ? 2 * pg->mark : 0;
    double room = r ? (p->landscape ? pg->lh : pg->ph) - 2 - 4 * pg->mark - band_of(s) * sc
                    : h - pg->head - 3 * pg->mark;
    if (p->nrows == 1 && p->ncols == 1) room = h - pg->head + 1e-6, last = 0;
    if (part > room + last + 1e-6) fail(name, "a part is taller than its page", part, room + last);
    if (p->nrows > 1 && p->ys[r + 1] <= p->ys[r]) fail(name, "rows out of order", p->ys[r], p->ys[r + 1]);
  }
  for (int k = 0; k < p->ncols; k++)
    if ((p->xs[k + 1] - p->xs[k]) * sc > w + 1e-6) fail(name, "a column is wider than its page", (p->xs[k + 1] - p->xs[k]) * sc, w);
  if (fabs(p->ys[p->nrows] - s->height) > 1e-6 || fabs(p->xs[p->ncols] - s->width) > 1e-6)
    fail(name, "the parts do not cover the picture", p->ys[p->nrows], p->xs[p->ncols]);
}

/* No part under a third of a page's room when the rows allow it. */
static void check_balance(const char *name, const ChartPage *pg, const ChartPlan *p) {
  if (p->nrows < 2) return;
  double room = ((p->landscape ? pg->lh : pg->ph) - 2 - 4 * pg->mark) / p->scale;
  for (int r = 0; r < p->nrows; r++)
    if (p->ys[r + 1] - p->ys[r] < room / 3) fail(name, "a near-empty part", p->ys[r + 1] - p->ys[r], room);
}

/* Every crossing of a cut has its connector pair, numbered 1.. in
 * order, at least a diameter from its neighbours in its column. */
static void check_conns(const char *name, const Scene *s, const ChartPage *pg, const ChartPlan *p) {
  int id = 1;
  double d = 2 * pg->conn_r / p->scale;
  for (int r = 0; r + 1 < p->nrows; r++) {
    const ChartCut *ct = &p->cuts[r];
    int n = 0;
    for (int i = 0; i < s->nedges; i++)
      for (int k = 0; k + 1 < s->edges[i].npts; k++)
        if ((s->edges[i].pts[k].y - ct->y) * (s->edges[i].pts[k + 1].y - ct->y) < 0) n++;
    if (n != ct->nconn) fail(name, "connectors missing or extra", ct->nconn, n);
    for (int i = 0; i < ct->nconn; i++) {
      const ChartConn *k = &ct->conn[i];
      if (k->id != id++) fail(name, "connector numbers out of order", k->id, id - 1);
      if (k->col < 0 || k->col >= p->ncols) fail(name, "connector outside the columns", k->col, p->ncols);
      for (int j = 0; j < i; j++)
        if (ct->conn[j].col == k->col && fabs(ct->conn[j].at - k->at) < d - 1e-6)
          fail(name, "connectors closer than their diameter", fabs(ct->conn[j].at - k->at), d);
    }
  }
}

/* A part left out shows no node; the pages are the parts not left out. */
static void check_blanks(const char *name, const Scene *s, const ChartPlan *p) {
  int pages = 0;
  for (int r = 0; r < p->nrows; r++)
    for (int k = 0; k < p->ncols; k++) {
      if (!p->blank[r * p->ncols + k]) {
        pages++;
        continue;
      }
      for (int i = 0; i < s->nnodes; i++) {
        Rect b = s->nodes[i].box;
        if (b.x < p->xs[k + 1] && b.x + b.w > p->xs[k] && b.y < p->ys[r + 1] && b.y + b.h > p->ys[r])
          fail(name, "a part left out shows a node", r, k);
      }
    }
  if (pages != p->pages) fail(name, "pages are not the parts shown", p->pages, pages);
}

static void check_plan(const char *name, const Scene *s, const ChartPage *pg, const ChartPlan *p, int balance) {
  check_rooms(name, s, pg, p);
  check_blanks(name, s, p);
  if (balance) check_balance(name, pg, p);
  check_conns(name, s, pg, p);
}

/* ---- the cases ---- */

typedef struct Case {
  const char *name;
  const char *scene;
  int pages, where, land, ncols;  /* -1: any */
  double cut_lo, cut_hi;          /* a row cut in [lo, hi]; 0 0: not asked */
  double avoid_lo, avoid_hi;      /* no row cut in [lo, hi] */
} Case;

/* A column of 20 boxes, one every 50 units, chained by edges: cuts may
 * go in the gaps 42..50, 92..100, ... 942..950 between a box and the
 * arrowhead below it, each crossed by one edge. */
#define COLUMN "size 300 1000\ngrid 50 10 100 30 0 50 1 20\n" CHAIN
#define CHAIN                                                                                   \
  "edge 100,40 100,60\nedge 100,90 100,110\nedge 100,140 100,160\nedge 100,190 100,210\n"       \
  "edge 100,240 100,260\nedge 100,290 100,310\nedge 100,340 100,360\nedge 100,390 100,410\n"   \
  "edge 100,440 100,460\nedge 100,490 100,510\nedge 100,540 100,560\nedge 100,590 100,610\n"   \
  "edge 100,640 100,660\nedge 100,690 100,710\nedge 100,740 100,760\nedge 100,790 100,810\n"   \
  "edge 100,840 100,860\nedge 100,890 100,910\nedge 100,940 100,960\n"

static const Case cases[] = {
    {"empty", "size 0 0\n", 1, CHART_PAGE, 0, 1, 0, 0, 0, 0},
    {"fits a page", "size 300 400\ngrid 50 10 100 30 0 50 1 8\n", 1, CHART_PAGE, 0, 1, 0, 0, 0, 0},
    {"fits below", "size 300 400\nhere 500\ngrid 50 10 100 30 0 50 1 8\n", 1, CHART_BELOW, 0, 1, 0, 0, 0, 0},
    {"fits at 7 pt", "size 300 860\ntext 9\ngrid 50 10 100 30 0 50 1 17\n", 1, CHART_PAGE, 0, 1, 0, 0, 0, 0},
    {"wide: landscape page", "size 700 400\ngrid 50 10 600 30 0 50 1 8\n", 1, CHART_PAGE, 1, 1, 0, 0, 0, 0},
    {"too small at 7 pt: split", "size 300 900\ntext 9\ngrid 50 10 100 30 0 50 1 18\n", 2, CHART_SPLIT_PAGE, 0, 1, 0, 0, 0, 0},
    {"balanced halves", COLUMN, 2, CHART_SPLIT_PAGE, 0, 1, 440, 560, 0, 0},
    {"fewest edges crossed", COLUMN "edge 200,470 200,630\nedge 210,470 210,630\nedge 220,470 220,630\n",
     2, CHART_SPLIT_PAGE, 0, 1, 445, 455, 0, 0},
    {"phase boundary", COLUMN "phase 0 546\nphase 546 454\n", 2, CHART_SPLIT_PAGE, 0, 1, 545, 547, 0, 0},
    {"no short excursion", /* every cut crosses two more edges; at 496 one that comes back */
     COLUMN "edge 200,0 200,430\nedge 205,0 205,430\nedge 210,560 210,1000\nedge 215,560 215,1000\nedge 220,430 220,460\nedge 230,430 230,460\n"
            "edge 220,530 220,560\nedge 230,530 230,560\nedge 250,470 250,508 270,508 270,470\n",
     2, CHART_SPLIT_PAGE, 0, 1, 0, 0, 470, 508},
    {"no cut along a line or through a label",
     COLUMN "edge 160,300 160,500 250,500 250,700\nedge 170,300 170,450\nlabel 165 440 40 25\n", 2,
     CHART_SPLIT_PAGE, 0, 1, 0, 0, 0, 0},
    {"no cut through a bar's label, above", COLUMN "barlabel 160 438 60 26\n", 2, CHART_SPLIT_PAGE, 0, 1, 0, 0, 438, 464},
    {"no cut through a bar's label, below", COLUMN "barlabel 160 488 60 26\n", 2, CHART_SPLIT_PAGE, 0, 1, 0, 0, 488, 514},
    {"near-empty last part avoided", "size 300 1300\ngrid 50 10 100 30 0 50 1 26\n", 3, CHART_SPLIT_PAGE, 0, 1, 0, 0, 0, 0},
    {"landscape needs fewer pages", "size 700 1150\ngrid 50 10 600 15 0 25 1 46\n", 3, CHART_SPLIT_PAGE, 1, 1, 0, 0, 0, 0},
    {"portrait for a tall chart", "size 300 3000\ngrid 50 10 100 30 0 50 1 60\n", 5, CHART_SPLIT_PAGE, 0, 1, 0, 0, 0, 0},
    {"too wide: columns", "size 1500 600\ngrid 20 10 100 30 150 50 10 12\n", 3, CHART_SPLIT_PAGE, 0, 3, 0, 0, 0, 0},
    {"blank parts left out", "size 1500 1400\ngrid 20 10 100 30 150 50 5 28\ngrid 770 910 100 30 150 50 5 10\n", -1,
     CHART_SPLIT_PAGE, -1, -1, 0, 0, 0, 0},
    {"connectors apart",
     COLUMN "edge 200,0 200,1000\nedge 203,0 203,1000\nedge 206,0 206,1000\nedge 209,0 209,1000\n"
            "edge 212,0 212,1000\nedge 215,0 215,1000\nedge 288,0 288,1000\nedge 296,0 296,1000\n",
     2, CHART_SPLIT_PAGE, 0, 1, 0, 0, 0, 0},
    {"starts below the ID card", "size 300 1000\nhere 600\ngrid 50 10 100 30 0 50 1 20\n", 2, CHART_SPLIT_HERE, 0, 1, 0, 0, 0, 0},
    {"lane headers repeated", "size 300 2000\nlane 0 150\nlane 150 150\ngrid 50 40 100 30 0 50 1 39\n", 4,
     CHART_SPLIT_PAGE, 0, 1, 0, 0, 0, 0},
};

/* The cut "no cut along a line or through a label" must avoid: the
 * horizontal run at 500 and the label 440..465. */
static void check_forbidden(const char *name, const ChartPlan *p) {
  for (int r = 1; r < p->nrows; r++) {
    double y = p->ys[r];
    if (fabs(y - 500) < 0.5 || (y > 440 && y < 465)) fail(name, "cut along a line or through a label", y, 0);
  }
}

static void run_case(const Case *k) {
  Ctx c;
  ctx_init(&c);
  ChartPage pg = chart_page_manual();
  Scene *s = scene(&c, k->scene, &pg.here);
  ChartPlan p;
  if (chart_plan(&c, s, &pg, &p) != 0) {
    fail(k->name, "no plan", 0, 0);
    ctx_free(&c);
    return;
  }
  check_plan(k->name, s, &pg, &p, 1);
  if (k->pages >= 0 && p.pages != k->pages) fail(k->name, "pages", p.pages, k->pages);
  if (k->where >= 0 && p.where != k->where) fail(k->name, "where", p.where, k->where);
  if (k->land >= 0 && p.landscape != k->land) fail(k->name, "landscape", p.landscape, k->land);
  if (k->ncols >= 0 && p.ncols != k->ncols) fail(k->name, "columns", p.ncols, k->ncols);
  if (k->cut_hi > 0) {
    int found = 0;
    for (int r = 1; r < p.nrows; r++) found |= p.ys[r] >= k->cut_lo && p.ys[r] <= k->cut_hi;
    if (!found) fail(k->name, "no cut where expected", k->cut_lo, p.nrows > 1 ? p.ys[1] : -1);
  }
  for (int r = 1; r < p.nrows; r++)
    if (p.ys[r] >= k->avoid_lo && p.ys[r] <= k->avoid_hi) fail(k->name, "a cut where none should be", p.ys[r], 0);
  if (strstr(k->name, "through a label")) check_forbidden(k->name, &p);
  if (strstr(k->name, "blank") && p.pages >= p.nrows * p.ncols) fail(k->name, "no part left out", p.pages, p.nrows * p.ncols);
  if (pg.here == 0 && chart_pages(&c, s) != p.pages) fail(k->name, "chart_pages differs from the plan", chart_pages(&c, s), p.pages);
  ctx_free(&c);
}

/* The invariants on every process of the files, as the manual lays them
 * out, from a fresh page and below 300 points of text. */
static int run_files(char **files, int n) {
  Ctx c;
  ctx_init(&c);
  if (cli_compile(&c, files, n) != 0 || c.nerrors) {
    fputs("chart_pages_test: the input has errors\n", stderr);
    ctx_free(&c);
    return 2;
  }
  const char *err = NULL;
  Font *f = font_open(NULL, &err);
  if (!f) {
    fprintf(stderr, "chart_pages_test: %s\n", err);
    ctx_free(&c);
    return 2;
  }
  int total = 0;
  for (int i = 0; i < c.prog->nprocs; i++) {
    Scene *s = layout(&c, c.prog->procs[i], f, &err);
    if (!s) continue;
    ChartPage pg = chart_page_manual();
    ChartPlan p;
    for (int here = 0; here < 2; here++) {
      pg.here = here ? pg.ph - 300 : 0;
      if (chart_plan(&c, s, &pg, &p) == 0) check_plan(c.prog->procs[i]->id, s, &pg, &p, 0);
    }
    total += chart_pages(&c, s);
  }
  printf("chart_pages_test: %d processes, %d chart pages\n", c.prog->nprocs, total);
  font_close(f);
  ctx_free(&c);
  return 0;
}

int main(int argc, char **argv) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) run_case(&cases[i]);
  printf("chart_pages_test: %zu cases\n", sizeof cases / sizeof cases[0]);
  if (argc > 1 && run_files(argv + 1, argc - 1) == 2) return 2;
  if (bad) fprintf(stderr, "chart_pages_test: %d failures\n", bad);
  return bad ? 1 : 0;
}
