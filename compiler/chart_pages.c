/* chart_pages.c — cutting a flowchart into page-sized parts (see
 * chart_pages.h). Along each axis the same steps: the coordinates a cut
 * may take (gaps between what must not be cut), what each costs (edges
 * crossing, a band cut inside, short excursions left behind), then the
 * fewest parts by dynamic programming, cheapest among those. Only Scene
 * geometry is read, so this works whatever the layout. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "chart_pages.h"
#include "manual_int.h"


#define W_PART 1000.0    /* a part: fewest parts first */
#define W_EDGE 3.0       /* an edge cut: a connector pair */
#define W_BAND 8.0       /* a cut inside a phase (columns: inside a lane) */
#define W_EXCURSION 12.0 /* an edge left with a short piece beyond a cut */
#define W_EMPTY 30.0     /* a part under a third of its room */
#define W_SLACK 10.0     /* times the squared unused share of a part's room */
#define W_HOLLOW 200.0   /* a part without a node */
#define W_FORCED 400.0   /* a cut through what should not be cut */
#define EXCURSION 28.0   /* page points: a piece shorter than this is an excursion */
#define CLEAR 2.0        /* scene units kept clear around what must not be cut */

typedef struct Span { double lo, hi; } Span;

/* Growable arrays in the Ctx arena (old copies are left there). */
typedef struct Spans { Span *v; int n, cap; } Spans;
typedef struct Vals { double *v; int n, cap; } Vals;

static void span_add(Ctx *c, Spans *a, double lo, double hi) {
  if (a->n == a->cap) {
    int cap = a->cap ? 2 * a->cap : 64;
    Span *v = NEW(c, Span, cap);
    if (a->n) memcpy(v, a->v, sizeof(Span) * (size_t)a->n);
    a->v = v;
    a->cap = cap;
  }
  a->v[a->n++] = (Span){lo, hi};
}

static void val_add(Ctx *c, Vals *a, double x) {
  if (a->n == a->cap) {
    int cap = a->cap ? 2 * a->cap : 64;
    double *v = NEW(c, double, cap);
    if (a->n) memcpy(v, a->v, sizeof(double) * (size_t)a->n);
    a->v = v;
    a->cap = cap;
  }
  a->v[a->n++] = x;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static int cmp_span(const void *a, const void *b) {
  return cmp_double(&((const Span *)a)->lo, &((const Span *)b)->lo);
}

/* ---- one axis of a scene: what cuts across it meet ---- */

typedef struct Axis {
  double len;         /* the scene's extent along the axis */
  double start;       /* no cut before this (the lane header band) */
  Spans block;        /* no cut inside */
  Spans seg;          /* an edge segment: a cut strictly inside crosses it */
  Spans exc;          /* a cut inside leaves a short excursion */
  Spans band;         /* phases (lanes): a cut inside costs W_BAND */
  Vals mid;           /* node centres, sorted: a part should hold one */
  double w_edge;      /* what an edge crossing a cut costs */
} Axis;

static double along(Pt p, int horiz) { return horiz ? p.x : p.y; }
static Span rect_span(Rect r, int horiz) {
  return horiz ? (Span){r.x, r.x + r.w} : (Span){r.y, r.y + r.h};
}

/* The excursions of polyline q (n points, already without repeated
 * values): around each turning point v, the cuts within d of it that
 * cross the line on both of its sides. */
static void excursions(Ctx *c, Axis *a, const double *q, int n, double d) {
  for (int k = 1; k + 1 < n; k++) {
    int peak = q[k] > q[k - 1] && q[k] > q[k + 1];
    if (!peak && !(q[k] < q[k - 1] && q[k] < q[k + 1])) continue;
    int i = k, j = k; /* the monotone runs on either side */
    while (i > 0 && (peak ? q[i - 1] < q[i] : q[i - 1] > q[i])) i--;
    while (j + 1 < n && (peak ? q[j + 1] < q[j] : q[j + 1] > q[j])) j++;
    if (peak) span_add(c, &a->exc, fmax(q[k] - d, fmax(q[i], q[j])), q[k]);
    else span_add(c, &a->exc, q[k], fmin(q[k] + d, fmin(q[i], q[j])));
  }
}

/* What the edges of s put on the axis. */
static void axis_edges(Ctx *c, Axis *a, const Scene *s, int horiz, double d) {
  int cap = 0;
  double *q = NULL;
  for (int i = 0; i < s->nedges; i++) {
    const SceneEdge *e = &s->edges[i];
    if (e->npts > cap) {
      cap = 2 * e->npts;
      q = NEW(c, double, cap);
    }
    int n = 0;
    for (int k = 0; k < e->npts; k++) {
      double u = along(e->pts[k], horiz);
      if (k + 1 < e->npts) {
        double u2 = along(e->pts[k + 1], horiz);
        if (fabs(u2 - u) < 0.01) span_add(c, &a->block, u - CLEAR / 2, u + CLEAR / 2); /* runs along */
        else span_add(c, &a->seg, fmin(u, u2), fmax(u, u2));
      }
      if (!n || fabs(q[n - 1] - u) >= 0.01) q[n++] = u;
    }
    excursions(c, a, q, n, d);
    if (e->npts >= 2) { /* the arrowhead */
      double lo = 1e18, hi = -1e18;
      for (int k = 0; k < 3; k++) {
        lo = fmin(lo, along(e->head[k], horiz));
        hi = fmax(hi, along(e->head[k], horiz));
      }
      span_add(c, &a->block, lo - CLEAR, hi + CLEAR);
    }
    for (int k = 0; k < e->ndots; k++) {
      double u = along(e->dots[k], horiz);
      span_add(c, &a->block, u - JUNCTION_R - CLEAR, u + JUNCTION_R + CLEAR);
    }
    if (e->nlabel && e->label_box.w > 0) {
      Span r = rect_span(e->label_box, horiz);
      span_add(c, &a->block, r.lo - CLEAR, r.hi + CLEAR);
    }
  }
}

/* The axis of s across horizontal cuts (horiz 0: cuts at y) or vertical
 * ones (horiz 1: cuts at x, lanes as bands). d: excursion length. */
static void axis_build(Ctx *c, Axis *a, const Scene *s, int horiz, double d) {
  memset(a, 0, sizeof *a);
  a->len = horiz ? s->width : s->height;
  a->w_edge = W_EDGE;
  for (int i = 0; i < s->nnodes; i++) {
    Span r = rect_span(s->nodes[i].box, horiz);
    span_add(c, &a->block, r.lo - CLEAR, r.hi + CLEAR);
    val_add(c, &a->mid, (r.lo + r.hi) / 2);
    if (s->nodes[i].label_box.w > 0) { /* a bar's label */
      r = rect_span(s->nodes[i].label_box, horiz);
      span_add(c, &a->block, r.lo - CLEAR, r.hi + CLEAR);
    }
  }
  if (a->mid.n) qsort(a->mid.v, (size_t)a->mid.n, sizeof(double), cmp_double);
  axis_edges(c, a, s, horiz, d);
  if (horiz) {
    for (int i = 0; i < s->nlanes; i++) span_add(c, &a->band, s->lanes[i].box.x, s->lanes[i].box.x + s->lanes[i].box.w);
  } else {
    a->start = fmax(a->start, chart_header_band(s));
    for (int i = 0; i < s->nphases; i++) span_add(c, &a->band, s->phases[i].box.y, s->phases[i].box.y + s->phases[i].box.h);
  }
}

/* ---- candidate cuts and what each costs ---- */

typedef struct Cand {
  double at;
  double cost;        /* of cutting here */
  int forced;         /* through what should not be cut */
} Cand;

/* Merged block spans, sorted. */
static int merge(Spans *b) {
  if (b->n) qsort(b->v, (size_t)b->n, sizeof(Span), cmp_span);
  int m = 0;
  for (int i = 0; i < b->n; i++) {
    if (m && b->v[i].lo <= b->v[m - 1].hi) b->v[m - 1].hi = fmax(b->v[m - 1].hi, b->v[i].hi);
    else b->v[m++] = b->v[i];
  }
  return b->n = m;
}

/* Where cuts may go: the middle of each gap between blocks and the band
 * boundaries inside gaps; across a block longer than room/3, forced cuts
 * every room/3 (used only when nothing else fits). */
static void cand_places(Ctx *c, Axis *a, double room, Vals *out, Vals *forced) {
  merge(&a->block);
  Vals bounds = {0};
  for (int i = 0; i < a->band.n; i++) {
    val_add(c, &bounds, a->band.v[i].lo);
    val_add(c, &bounds, a->band.v[i].hi);
  }
  if (bounds.n) qsort(bounds.v, (size_t)bounds.n, sizeof(double), cmp_double);
  double lo = a->start;
  int bi = 0;
  for (int i = 0; i <= a->block.n; i++) {
    double hi = i < a->block.n ? a->block.v[i].lo : a->len;
    if (hi > lo + 0.5 && lo > 0 && hi < a->len) val_add(c, out, (lo + hi) / 2);
    while (bi < bounds.n && bounds.v[bi] <= lo) bi++;
    for (; bi < bounds.n && bounds.v[bi] < hi; bi++)
      if (bounds.v[bi] > 0.5 && bounds.v[bi] < a->len - 0.5) val_add(c, out, bounds.v[bi]);
    if (i == a->block.n) break;
    Span b = a->block.v[i];
    double step = room / 3;
    if (b.hi - b.lo > step && step > 1)
      for (double y = fmax(b.lo, a->start) + step; y < fmin(b.hi, a->len); y += step) val_add(c, forced, y);
    lo = fmax(lo, b.hi);
  }
}

/* Index of the first of the n sorted values v greater than x (or >= x when ge). */
static int first_after(const double *v, int n, double x, int ge) {
  int lo = 0, hi = n;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (v[mid] < x || (!ge && v[mid] == x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Adds w to the count of each place strictly inside span (lo, hi), by a
 * difference array over the sorted places. */
static void spread(const double *v, int n, double *diff, Span sp, double w) {
  int i = first_after(v, n, sp.lo + 1e-6, 1), j = first_after(v, n, sp.hi - 1e-6, 0);
  if (i < j) {
    diff[i] += w;
    diff[j] -= w;
  }
}

/* The candidates with their costs, sorted by place. */
static Cand *cand_costs(Ctx *c, const Axis *a, Vals *pl, Vals *forced, int *ncand) {
  /* sorted places, the forced ones with their cost; near duplicates dropped */
  int n = pl->n + forced->n, m = 0;
  Span *tmp = NEW(c, Span, n);
  for (int i = 0; i < n; i++)
    tmp[i] = i < pl->n ? (Span){pl->v[i], 0} : (Span){forced->v[i - pl->n], W_FORCED};
  if (n > 0) qsort(tmp, (size_t)n, sizeof(Span), cmp_span);
  Cand *cd = NEW(c, Cand, n);
  double *v = NEW(c, double, n);
  for (int i = 0; i < n; i++) {
    if (m && tmp[i].lo - v[m - 1] < 0.25) continue;
    v[m] = cd[m].at = tmp[i].lo;
    cd[m].forced = tmp[i].hi > 0;
    cd[m++].cost = tmp[i].hi;
  }
  double *dx = NEW(c, double, m + 1), *dexc = NEW(c, double, m + 1), *dband = NEW(c, double, m + 1);
  for (int i = 0; i < a->seg.n; i++) spread(v, m, dx, a->seg.v[i], 1);
  for (int i = 0; i < a->exc.n; i++) spread(v, m, dexc, a->exc.v[i], 1);
  for (int i = 0; i < a->band.n; i++) spread(v, m, dband, a->band.v[i], 1);
  double x = 0, e = 0, b = 0;
  for (int i = 0; i < m; i++) {
    x += dx[i];
    e += dexc[i];
    b += dband[i];
    cd[i].cost += a->w_edge * x + W_EXCURSION * e + (b > 0.5 ? W_BAND : 0);
  }
  *ncand = m;
  return cd;
}

/* ---- the cuts: fewest parts, then cheapest ---- */

/* What to cut: the candidates along an axis and the room for parts. */
typedef struct Cutting {
  const Cand *cd; int n;
  const Vals *mid;       /* node centres, sorted */
  double len;
  double room0, room;    /* of the first part, of the others */
  double spare;          /* more room for the last part */
} Cutting;

/* The parts: their ends (the last one len), what the cuts cost, and how
 * many are rough (forced through something, or a part without a node). */
typedef struct Parts {
  double *ends; int k;
  int rough;
} Parts;

/* Whether no node centre lies in (a, b). */
static int hollow(const Vals *mid, double a, double b) {
  int i = first_after(mid->v, mid->n, a, 0);
  return mid->n > 0 && (i == mid->n || mid->v[i] >= b);
}

/* What a part of length h in room costs; hollow: it holds no node. */
static double part_cost(double h, double room, int alone, int hollow) {
  double slack = fmax(0, room - h) / room;
  if (alone) return W_PART;
  return W_PART + W_SLACK * slack * slack + (h < room / 3 ? W_EMPTY : 0) + (hollow ? W_HOLLOW : 0);
}

/* Where a path through the candidates ends: 0 the start, 1..n a
 * candidate, n + 1 the end. */
static double place_of(const Cutting *t, int j) {
  return j == 0 ? 0 : j <= t->n ? t->cd[j - 1].at : t->len;
}

/* Equal parts, cut through whatever is there: when nothing else fits. */
static void cut_equal(Ctx *c, const Cutting *t, Parts *out) {
  int k = 1 + (int)ceil(fmax(0, t->len - t->room0) / t->room);
  out->ends = NEW(c, double, k);
  for (int i = 0; i < k; i++) out->ends[i] = i + 1 == k ? t->len : fmin(t->len, t->room0 + t->room * i);
  out->k = k;
  out->rough = k - 1;
}

/* Fewest parts, then cheapest: dynamic programming over the candidates,
 * each reached from those at most a room before it. */
static void cut_axis(Ctx *c, const Cutting *t, Parts *out) {
  int n = t->n;
  double *best = NEW(c, double, n + 2), lim = fmax(t->room, t->room0) + t->spare;
  int *from = NEW(c, int, n + 2);
  for (int j = 1; j <= n + 1; j++) {
    double at = place_of(t, j);
    int m = first_after(t->mid->v, t->mid->n, at, 1); /* the last node centre before at: */
    double last = m ? t->mid->v[m - 1] : -INFINITY;   /* a part from a holds it if a < last */
    best[j] = INFINITY;
    for (int i = j - 1; i >= 0 && at - place_of(t, i) <= lim; i--) {
      double a = place_of(t, i), r = i ? t->room : t->room0;
      if (at - a > r + (j == n + 1 ? t->spare : 0) + 1e-9 || best[i] == INFINITY) continue;
      double w = best[i] + part_cost(at - a, r, i == 0 && j == n + 1, t->mid->n && last <= a) +
                 (j <= n ? t->cd[j - 1].cost : 0);
      if (w < best[j]) {
        best[j] = w;
        from[j] = i;
      }
    }
  }
  if (best[n + 1] == INFINITY) {
    cut_equal(c, t, out);
    return;
  }
  int k = 0;
  for (int j = n + 1; j > 0; j = from[j]) k++;
  out->ends = NEW(c, double, k);
  out->k = k;
  out->rough = 0;
  for (int j = n + 1, i = k; j > 0; j = from[j]) {
    out->ends[--i] = place_of(t, j);
    out->rough += (j <= n && t->cd[j - 1].forced) + (k > 1 && hollow(t->mid, place_of(t, from[j]), place_of(t, j)));
  }
}

/* The parts along axis a. */
static void cut_parts(Ctx *c, Axis *a, double room0, double room, double spare, Parts *out) {
  Vals pl = {0}, forced = {0};
  cand_places(c, a, fmin(room0, room), &pl, &forced);
  Cutting t = {NULL, 0, &a->mid, a->len, fmax(room0, 1), fmax(room, 1), spare};
  t.cd = cand_costs(c, a, &pl, &forced, &t.n);
  cut_axis(c, &t, out);
}

/* ---- the plan ---- */

ChartPage chart_page_manual(void) {
  ChartPage p = {0};
  p.pw = PAGE_W - 2 * MARGIN;
  p.ph = PAGE_H - BODY_BOTTOM_GAP - BODY_TOP;
  p.lw = PAGE_H - 2 * MARGIN;
  p.lh = PAGE_W - BODY_BOTTOM_GAP - BODY_TOP;
  p.head = 34;
  p.mark = 16;
  p.min_text = 7;
  p.min_first = 250;
  p.conn_r = 6.5;
  return p;
}

double chart_min_text(const Scene *s) {
  double t = 1e9;
  for (int i = 0; i < s->nnodes; i++)
    for (int k = 0; k < s->nodes[i].nlines; k++) t = fmin(t, s->nodes[i].lines[k].size);
  for (int i = 0; i < s->nedges; i++)
    for (int k = 0; k < s->edges[i].nlabel; k++) t = fmin(t, s->edges[i].label[k].size);
  for (int i = 0; i < s->nlanes; i++)
    for (int k = 0; k < s->lanes[i].ntitle; k++) t = fmin(t, s->lanes[i].title[k].size);
  return t < 1e9 && t > 0 ? t : 10;
}

double chart_header_band(const Scene *s) {
  double b = 0;
  for (int i = 0; i < s->nlanes; i++) b = fmax(b, s->lanes[i].header.y + s->lanes[i].header.h);
  return b;
}

/* The scale at which s fits w × h, capped at 1. */
static double fit(const Scene *s, double w, double h) {
  return fmin(1.0, fmin(w / s->width, h / s->height));
}

/* Columns of the scene at scale sc on width w, for pages of height h:
 * an edge crossing a column cut counts once per page it is cut on. */
static void plan_cols(Ctx *c, const Scene *s, double sc, double w, double h, ChartPlan *p) {
  Parts pt = {NULL, 1, 0};
  if (s->width * sc > w + 0.01) {
    Axis a;
    axis_build(c, &a, s, 1, EXCURSION / sc);
    a.w_edge = W_EDGE / fmax(1, s->height * sc / h);
    cut_parts(c, &a, w / sc, w / sc, 0, &pt);
  }
  p->ncols = pt.k;
  p->xs = NEW(c, double, p->ncols + 1);
  if (pt.ends) memcpy(p->xs + 1, pt.ends, sizeof(double) * (size_t)p->ncols);
  else p->xs[1] = s->width;
  p->rough += pt.rough;
}

/* Rows of the scene at scale sc: the first part in first (page points,
 * below the heading), the others on pages of height h. */
static void plan_rows(Ctx *c, const Scene *s, const ChartPage *pg, double sc, double first,
                      double h, ChartPlan *p) {
  double band = chart_header_band(s), mk = pg->mark;
  Axis a;
  Parts pt;
  axis_build(c, &a, s, 0, EXCURSION / sc);
  cut_parts(c, &a, (first - 3 * mk) / sc, (h - 2 - 4 * mk) / sc - band, 2 * mk / sc, &pt);
  p->nrows = pt.k;
  p->ys = NEW(c, double, p->nrows + 1);
  memcpy(p->ys + 1, pt.ends, sizeof(double) * (size_t)p->nrows);
  p->rough += pt.rough;
}

/* The rows (columns) of cuts v[0..n] that (lo, hi) meets: *a to *b. */
static void parts_met(const double *v, int n, double lo, double hi, int *a, int *b) {
  *a = first_after(v + 1, n, lo, 0);
  *b = first_after(v, n, hi, 1) - 1;
}

static void mark(ChartPlan *p, Rect r) {
  int r0, r1, k0, k1;
  parts_met(p->ys, p->nrows, r.y - 0.01, r.y + r.h + 0.01, &r0, &r1);
  parts_met(p->xs, p->ncols, r.x - 0.01, r.x + r.w + 0.01, &k0, &k1);
  for (int i = r0; i <= r1; i++)
    for (int k = k0; k <= k1; k++) p->blank[i * p->ncols + k] = 0;
}

/* The parts that show no node, line or label (the first one aside) are
 * left out; the pages are those left. */
static void plan_blanks(Ctx *c, const Scene *s, ChartPlan *p) {
  int n = p->nrows * p->ncols;
  p->blank = NEW(c, unsigned char, n);
  memset(p->blank, 1, (size_t)n);
  p->blank[0] = 0;
  for (int i = 0; i < s->nnodes; i++) {
    mark(p, s->nodes[i].box);
    if (s->nodes[i].label_box.w > 0) mark(p, s->nodes[i].label_box);
  }
  for (int i = 0; i < s->nedges; i++) {
    const SceneEdge *e = &s->edges[i];
    for (int k = 0; k + 1 < e->npts; k++) {
      Pt a = e->pts[k], b = e->pts[k + 1];
      mark(p, (Rect){fmin(a.x, b.x), fmin(a.y, b.y), fabs(a.x - b.x), fabs(a.y - b.y)});
    }
    if (e->nlabel) mark(p, e->label_box);
  }
  p->pages = 0;
  for (int i = 0; i < n; i++) p->pages += !p->blank[i];
}

/* One split plan on portrait or landscape pages. */
static void plan_split(Ctx *c, const Scene *s, const ChartPage *pg, double smin, int land,
                       double first, ChartPlan *p) {
  double w = land ? pg->lw : pg->pw, h = land ? pg->lh : pg->ph;
  memset(p, 0, sizeof *p);
  p->landscape = land;
  p->scale = fmax(smin, fmin(1.0, w / s->width));
  plan_cols(c, s, p->scale, w, h, p);
  plan_rows(c, s, pg, p->scale, first, h, p);
  plan_blanks(c, s, p);
}

static int cmp_conn(const void *a, const void *b) {
  return cmp_double(&((const ChartConn *)a)->x, &((const ChartConn *)b)->x);
}

/* The edges crossing each row cut, numbered by cut, then by x. */
static void conn_find(Ctx *c, const Scene *s, ChartPlan *p) {
  int nc = p->nrows - 1;
  p->cuts = NEW(c, ChartCut, nc);
  const double *y = p->ys + 1;
  for (int pass = 0; pass < 2; pass++) {
    for (int i = 0; i < nc; i++) {
      p->cuts[i].y = y[i];
      if (pass) p->cuts[i].conn = NEW(c, ChartConn, p->cuts[i].nconn);
      p->cuts[i].nconn = 0;
    }
    for (int i = 0; i < s->nedges; i++) {
      const SceneEdge *e = &s->edges[i];
      for (int k = 0; k + 1 < e->npts; k++) {
        Pt a = e->pts[k], b = e->pts[k + 1];
        double lo = fmin(a.y, b.y), hi = fmax(a.y, b.y);
        for (int j = first_after(y, nc, lo, 0); j < nc && y[j] < hi; j++) {
          ChartCut *ct = &p->cuts[j];
          if (pass) {
            double x = a.x + (b.x - a.x) * (y[j] - a.y) / (b.y - a.y);
            ct->conn[ct->nconn] = (ChartConn){x, x, 0, 0};
          }
          ct->nconn++;
        }
      }
    }
  }
}

/* Connectors of one column on one cut, sorted: moved apart to at least
 * d, kept within [x0 + d/2, x1 - d/2] when there is room. */
static void conn_spread(ChartConn *v, int n, double x0, double x1, double d) {
  for (int i = 0; i < n; i++) {
    v[i].at = fmax(v[i].x, x0 + d / 2);
    if (i) v[i].at = fmax(v[i].at, v[i - 1].at + d);
  }
  for (int i = n - 1; i >= 0; i--) {
    double lim = i + 1 < n ? v[i + 1].at - d : x1 - d / 2;
    if (v[i].at > lim) v[i].at = lim;
  }
  for (int i = 1; i < n; i++) /* no room to keep within: apart wins */
    if (v[i].at < v[i - 1].at + d) v[i].at = v[i - 1].at + d;
}

static void conn_place(Ctx *c, const Scene *s, const ChartPage *pg, ChartPlan *p) {
  conn_find(c, s, p);
  double d = (2 * pg->conn_r + 2) / p->scale;
  int id = 1;
  for (int i = 0; i + 1 < p->nrows; i++) {
    ChartCut *ct = &p->cuts[i];
    if (ct->nconn) qsort(ct->conn, (size_t)ct->nconn, sizeof(ChartConn), cmp_conn);
    for (int k = 0, a = 0; k <= ct->nconn; k++) {
      int col = k < ct->nconn ? first_after(p->xs + 1, p->ncols - 1, ct->conn[k].x, 1) : -1;
      if (k < ct->nconn) {
        ct->conn[k].col = col;
        ct->conn[k].id = id++;
      }
      if (k == ct->nconn || (k > a && col != ct->conn[a].col)) {
        int cl = ct->conn[a].col;
        conn_spread(ct->conn + a, k - a, p->xs[cl], p->xs[cl + 1], d);
        a = k;
      }
    }
  }
}

/* The parts of the plan, without their connectors. */
static int plan_parts(Ctx *c, const Scene *s, const ChartPage *pg, ChartPlan *out) {
  memset(out, 0, sizeof *out);
  if (!s) return -1;
  double smin = pg->min_text / chart_min_text(s), extra = pg->head;
  double fh = pg->here > 0 ? fit(s, pg->here_land ? pg->lw : pg->pw, pg->here - extra) : 0;
  double fp = fit(s, pg->pw, pg->ph - extra), fl = fit(s, pg->lw, pg->lh - extra);
  if (fh >= smin || fmax(fp, fl) >= smin) { /* one page */
    out->where = fh >= smin ? CHART_BELOW : CHART_PAGE;
    out->landscape = fh >= smin ? pg->here_land : fl > fp;
    out->scale = fh >= smin ? fh : fmax(fp, fl);
    out->nrows = out->ncols = 1;
    out->ys = NEW(c, double, 2);
    out->xs = NEW(c, double, 2);
    out->ys[1] = s->height;
    out->xs[1] = s->width;
    out->blank = NEW(c, unsigned char, 1);
    out->pages = 1;
    return 0;
  }
  ChartPlan port, land;
  plan_split(c, s, pg, smin, 0, pg->ph - extra, &port);
  plan_split(c, s, pg, smin, 1, pg->lh - extra, &land);
  int use_land = land.rough != port.rough ? land.rough < port.rough
                 : land.pages != port.pages ? land.pages < port.pages
                 : land.ncols < port.ncols;
  *out = use_land ? land : port;
  out->where = CHART_SPLIT_PAGE;
  /* start below what is on the current page when a good part fits there
   * and that saves a page */
  if (!use_land && pg->here > 0 && !pg->here_land && pg->here - extra > pg->min_first) {
    ChartPlan here;
    plan_split(c, s, pg, smin, 0, pg->here - extra, &here);
    if (here.rough <= out->rough && here.pages <= out->pages) {
      *out = here;
      out->where = CHART_SPLIT_HERE;
    }
  }
  return 0;
}

int chart_plan(Ctx *c, const Scene *s, const ChartPage *pg, ChartPlan *out) {
  if (plan_parts(c, s, pg, out) != 0) return -1;
  if (out->nrows > 1) conn_place(c, s, pg, out);
  return 0;
}

double chart_one_page_text(double w, double h, double text) {
  ChartPage pg = chart_page_manual();
  if (w <= 0 || h <= 0) return text;
  double fp = fmin(pg.pw / w, (pg.ph - pg.head) / h), fl = fmin(pg.lw / w, (pg.lh - pg.head) / h);
  return text * fmin(1.0, fmax(fp, fl));
}

int chart_pages(Ctx *c, const Scene *s) { /* the layout asks this of every variant: no connectors */
  ChartPage pg = chart_page_manual();
  ChartPlan p;
  return plan_parts(c, s, &pg, &p) ? 0 : p.pages;
}

