/* layout_metrics.c — the numbers of layout_metrics.h. Every helper works
 * on general segments (a flattened spline as well as an orthogonal line);
 * distances below EPS count as touching. */
#include "layout_metrics.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EPS 0.01       /* a point this close to a line lies on it */
#define SHRINK 0.5     /* boxes shrunk by this: touching a border is fine */
#define SHARED_GAP 2.0 /* parallel lines closer than this are on one track */
#define NEAR_GAP 6.0   /* ... closer than this are too near to tell apart */
#define PARALLEL 0.035 /* sine of the largest angle between parallel lines (2 degrees) */
#define SAME_POINT 1.0 /* crossing points of a pair closer than this are one */
#define MAX_POINTS 64  /* crossing points remembered per pair of edges */

/* ---- geometry ---- */

static Rect shrink(Rect r, double d) { return (Rect){r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d}; }

static int overlap(Rect a, Rect b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static int in_rect(Pt p, Rect r, double margin) {
  return p.x >= r.x - margin && p.x <= r.x + r.w + margin && p.y >= r.y - margin &&
         p.y <= r.y + r.h + margin;
}

/* Signed distance of p from the line through a and b; 0 when under EPS. */
static double side(Pt a, Pt b, Pt p) {
  double dx = b.x - a.x, dy = b.y - a.y, l = hypot(dx, dy);
  if (l < 1e-9) return 0;
  double d = (dx * (p.y - a.y) - dy * (p.x - a.x)) / l;
  return fabs(d) < EPS ? 0 : d;
}

static int sgn(double v) { return (v > 0) - (v < 0); }

/* Liang-Barsky step: narrows [t0, t1] to where p*t <= q. */
static int clip(double p, double q, double *t0, double *t1) {
  if (fabs(p) < 1e-12) return q >= 0;
  double r = q / p;
  if (p < 0) {
    if (r > *t1) return 0;
    if (r > *t0) *t0 = r;
  } else {
    if (r < *t0) return 0;
    if (r < *t1) *t1 = r;
  }
  return 1;
}

/* Whether some part of segment a-b lies strictly inside r. */
static int seg_enters(Pt a, Pt b, Rect r) {
  if (r.w <= 0 || r.h <= 0) return 0;
  double dx = b.x - a.x, dy = b.y - a.y, t0 = 0, t1 = 1;
  if (!clip(-dx, a.x - r.x, &t0, &t1) || !clip(dx, r.x + r.w - a.x, &t0, &t1) ||
      !clip(-dy, a.y - r.y, &t0, &t1) || !clip(dy, r.y + r.h - a.y, &t0, &t1))
    return 0;
  double t = (t0 + t1) / 2, e = 1e-6;
  Pt m = {a.x + t * dx, a.y + t * dy};
  return m.x > r.x + e && m.x < r.x + r.w - e && m.y > r.y + e && m.y < r.y + r.h - e;
}

static Rect bbox(const MetricEdge *e, double margin) {
  if (e->npts < 1) return (Rect){0, 0, -1, -1};
  double x0 = e->pts[0].x, y0 = e->pts[0].y, x1 = x0, y1 = y0;
  for (int k = 1; k < e->npts; k++) {
    x0 = fmin(x0, e->pts[k].x), x1 = fmax(x1, e->pts[k].x);
    y0 = fmin(y0, e->pts[k].y), y1 = fmax(y1, e->pts[k].y);
  }
  return (Rect){x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin};
}

static int line_enters(const MetricEdge *e, Rect r) {
  for (int k = 0; k + 1 < e->npts; k++)
    if (seg_enters(e->pts[k], e->pts[k + 1], r)) return 1;
  return 0;
}

/* ---- crossings ---- */

/* A line that reaches q1-q2 at its vertex v, coming from side s: whether
 * it goes on to the other side (a crossing) rather than back or to its end. */
static int passes(const MetricEdge *e, int v, Pt q1, Pt q2, int s) {
  for (int w = v + 1; w < e->npts; w++) {
    int t = sgn(side(q1, q2, e->pts[w]));
    if (t) return t == -s;
  }
  return 0;
}

/* Whether segment k of a and segment m of b cross; *at gets the point.
 * A vertex of one line on the other's segment counts when the line goes
 * through; only the vertex at a segment's end is looked at, so a vertex
 * is not seen twice. */
static int seg_cross(const MetricEdge *a, int k, const MetricEdge *b, int m, Pt *at) {
  Pt p1 = a->pts[k], p2 = a->pts[k + 1], q1 = b->pts[m], q2 = b->pts[m + 1];
  double r1 = side(q1, q2, p1), r2 = side(q1, q2, p2);
  int d1 = sgn(r1), d2 = sgn(r2), d3 = sgn(side(p1, p2, q1)), d4 = sgn(side(p1, p2, q2));
  if (d1 * d2 < 0 && d3 * d4 < 0) {
    double t = r1 / (r1 - r2);
    *at = (Pt){p1.x + t * (p2.x - p1.x), p1.y + t * (p2.y - p1.y)};
    return 1;
  }
  if (d1 && !d2 && d3 * d4 < 0 && passes(a, k + 1, q1, q2, d1)) return *at = p2, 1;
  if (d3 && !d4 && d1 * d2 < 0 && passes(b, m + 1, p1, p2, d3)) return *at = q2, 1;
  return 0;
}

static int shares_end(const MetricEdge *a, const MetricEdge *b) {
  return (a->from >= 0 && (a->from == b->from || a->from == b->to)) ||
         (a->to >= 0 && (a->to == b->from || a->to == b->to));
}

static int near_dot(const MetricEdge *e, Pt p) {
  for (int k = 0; k < e->ndots; k++)
    if (hypot(e->dots[k].x - p.x, e->dots[k].y - p.y) <= 2 * JUNCTION_R) return 1;
  return 0;
}

/* Where edges sharing an end may meet: on that end node, or at a junction. */
static int allowed_meet(const MetricDrawing *d, const MetricEdge *a, const MetricEdge *b, Pt p) {
  if (!shares_end(a, b)) return 0;
  int ends[2] = {a->from, a->to};
  for (int i = 0; i < 2; i++)
    if (ends[i] >= 0 && (ends[i] == b->from || ends[i] == b->to) && in_rect(p, d->nodes[ends[i]], 1.0))
      return 1;
  return near_dot(a, p) || near_dot(b, p);
}

static int pair_crossings(const MetricDrawing *d, const MetricEdge *a, const MetricEdge *b) {
  Pt seen[MAX_POINTS];
  int n = 0, count = 0;
  for (int k = 0; k + 1 < a->npts; k++)
    for (int m = 0; m + 1 < b->npts; m++) {
      Pt at;
      if (!seg_cross(a, k, b, m, &at) || allowed_meet(d, a, b, at)) continue;
      int dup = 0;
      for (int i = 0; i < n && !dup; i++) dup = hypot(seen[i].x - at.x, seen[i].y - at.y) < SAME_POINT;
      if (dup) continue;
      if (n < MAX_POINTS) seen[n++] = at;
      count++;
    }
  return count;
}

/* ---- lines on one track ---- */

/* Length along which segments a1-a2 and b1-b2 run parallel at distance
 * under `gap`; *dist gets that distance. */
static double parallel_run(Pt a1, Pt a2, Pt b1, Pt b2, double *dist) {
  double la = hypot(a2.x - a1.x, a2.y - a1.y), lb = hypot(b2.x - b1.x, b2.y - b1.y);
  if (la < EPS || lb < EPS) return 0;
  double ux = (a2.x - a1.x) / la, uy = (a2.y - a1.y) / la;
  double vx = (b2.x - b1.x) / lb, vy = (b2.y - b1.y) / lb;
  if (fabs(ux * vy - uy * vx) > PARALLEL) return 0;
  double s1 = ux * (b1.y - a1.y) - uy * (b1.x - a1.x), s2 = ux * (b2.y - a1.y) - uy * (b2.x - a1.x);
  *dist = fmax(fabs(s1), fabs(s2));
  double t1 = ux * (b1.x - a1.x) + uy * (b1.y - a1.y), t2 = ux * (b2.x - a1.x) + uy * (b2.y - a1.y);
  double lo = fmax(0, fmin(t1, t2)), hi = fmin(la, fmax(t1, t2));
  return hi > lo ? hi - lo : 0;
}

static void pair_overlap(const MetricEdge *a, const MetricEdge *b, LayoutMetrics *m) {
  for (int k = 0; k + 1 < a->npts; k++)
    for (int j = 0; j + 1 < b->npts; j++) {
      double dist = 0, run = parallel_run(a->pts[k], a->pts[k + 1], b->pts[j], b->pts[j + 1], &dist);
      if (run <= 0) continue;
      if (dist < SHARED_GAP) m->shared += run;
      else if (dist < NEAR_GAP) m->near += run;
    }
}

/* ---- labels, nodes, bends ---- */

/* Whether label box b collides; edge i's own line and label (i >= 0), or
 * node label k (k >= 0), are its own. */
static int label_collides(const MetricDrawing *d, Rect b, int i, int k) {
  Rect r = shrink(b, SHRINK);
  for (int v = 0; v < d->nnodes; v++)
    if (overlap(r, d->nodes[v])) return 1;
  for (int j = 0; j < d->nlabels; j++)
    if (j != k && overlap(r, d->labels[j])) return 1;
  for (int j = 0; j < d->nedges; j++) {
    if (j == i) continue;
    if (d->edges[j].label && overlap(r, *d->edges[j].label)) return 1;
    if (line_enters(&d->edges[j], r)) return 1;
  }
  for (int q = 0; q < d->nrules; q++)
    if (seg_enters(d->rules[q].a, d->rules[q].b, r)) return 1;
  return 0;
}

/* Nodes a line passes through. Its first and last runs may reach into its
 * own ends' boxes: a slanted side (parallelogram, trapezoid, diamond) lies
 * inside the box. */
static int through_nodes(const MetricDrawing *d, const MetricEdge *e) {
  int n = 0;
  Rect b = bbox(e, 0);
  MetricEdge inner = *e;
  inner.pts = e->pts + 1;
  inner.npts = e->npts - 2;
  for (int v = 0; v < d->nnodes; v++) {
    Rect r = shrink(d->nodes[v], SHRINK);
    const MetricEdge *l = v == e->from || v == e->to ? &inner : e;
    if (l->npts >= 2 && overlap(b, r) && line_enters(l, r)) n++;
  }
  return n;
}

/* Turning of a line in quarter turns; turns under 0.1 degree are noise. */
static double turning(const MetricEdge *e) {
  double total = 0, px = 0, py = 0;
  int have = 0;
  for (int k = 0; k + 1 < e->npts; k++) {
    double dx = e->pts[k + 1].x - e->pts[k].x, dy = e->pts[k + 1].y - e->pts[k].y;
    if (hypot(dx, dy) < EPS) continue;
    if (have) {
      double a = fabs(atan2(px * dy - py * dx, px * dx + py * dy));
      if (a > M_PI / 1800) total += a;
    }
    px = dx, py = dy, have = 1;
  }
  return total / (M_PI / 2);
}

/* Steps of under JOG_PT between two runs going the same way: a run, a
 * short run across it, and a run on, axis-parallel. */
static int jogs(const MetricEdge *e) {
  int n = 0;
  for (int k = 0; k + 3 < e->npts; k++) {
    Pt a = e->pts[k], b = e->pts[k + 1], c = e->pts[k + 2], d = e->pts[k + 3];
    int vert = fabs(a.x - b.x) < EPS && fabs(b.y - c.y) < EPS && fabs(c.x - d.x) < EPS;
    int horiz = fabs(a.y - b.y) < EPS && fabs(b.x - c.x) < EPS && fabs(c.y - d.y) < EPS;
    double step = vert ? fabs(b.x - c.x) : fabs(b.y - c.y);
    double on = vert ? (b.y - a.y) * (d.y - c.y) : (b.x - a.x) * (d.x - c.x);
    n += (vert || horiz) && step >= EPS && step < JOG_PT && on > 0;
  }
  return n;
}

/* ---- the measures ---- */

static void measure_pairs(const MetricDrawing *d, LayoutMetrics *m) {
  Rect *box = xmalloc(sizeof(Rect) * (size_t)(d->nedges + 1));
  for (int i = 0; i < d->nedges; i++) box[i] = bbox(&d->edges[i], NEAR_GAP);
  for (int i = 0; i < d->nedges; i++)
    for (int j = i + 1; j < d->nedges; j++) {
      const MetricEdge *a = &d->edges[i], *b = &d->edges[j];
      if (!overlap(box[i], box[j])) continue;
      m->crossings += pair_crossings(d, a, b);
      if (!shares_end(a, b)) pair_overlap(a, b, m);
    }
  free(box);
}

void metrics_drawing(const MetricDrawing *d, LayoutMetrics *m) {
  memset(m, 0, sizeof *m);
  m->nodes = d->nnodes;
  m->edges = d->nedges;
  m->area = d->width * d->height;
  for (int v = 0; v < d->nnodes; v++) m->node_area += d->nodes[v].w * d->nodes[v].h;
  measure_pairs(d, m);
  for (int i = 0; i < d->nedges; i++) {
    if (d->edges[i].label && label_collides(d, *d->edges[i].label, i, -1)) m->label_collisions++;
    m->through_nodes += through_nodes(d, &d->edges[i]);
    m->bends += turning(&d->edges[i]);
    m->jogs += jogs(&d->edges[i]);
  }
  for (int k = 0; k < d->nlabels; k++) m->label_collisions += label_collides(d, d->labels[k], -1, k);
}

void metrics_scene(const Scene *s, LayoutMetrics *m) {
  Rect *nodes = xmalloc(sizeof(Rect) * (size_t)(s->nnodes + 1));
  MetricEdge *edges = xmalloc(sizeof(MetricEdge) * (size_t)(s->nedges + 1));
  MetricLine *rules = xmalloc(sizeof(MetricLine) * (size_t)(s->nlanes + s->nphases + 1));
  Rect *labels = xmalloc(sizeof(Rect) * (size_t)(s->nnodes + 1));
  int nrules = 0, nlabels = 0;
  for (int v = 0; v < s->nnodes; v++) {
    nodes[v] = s->nodes[v].box;
    if ((s->nodes[v].shape == SH_BAR && s->nodes[v].nlines) || s->nodes[v].ncaption) labels[nlabels++] = s->nodes[v].label_box;
  }
  for (int i = 0; i < s->nedges; i++) {
    const SceneEdge *e = &s->edges[i];
    edges[i] = (MetricEdge){e->from, e->to, e->pts, e->npts, e->nlabel ? &e->label_box : NULL,
                            e->dots, e->ndots};
  }
  for (int k = 1; k < s->nlanes; k++) {
    Rect b = s->lanes[k].box;
    rules[nrules++] = (MetricLine){{b.x, b.y}, {b.x, b.y + b.h}};
  }
  for (int k = 1; k < s->nphases; k++) {
    Rect b = s->phases[k].box;
    rules[nrules++] = (MetricLine){{b.x, b.y}, {b.x + b.w, b.y}};
  }
  MetricDrawing d = {s->width, s->height, nodes, s->nnodes, edges, s->nedges, rules, nrules, labels, nlabels};
  metrics_drawing(&d, m);
  free(labels);
  free(nodes);
  free(edges);
  free(rules);
}

void metrics_add(LayoutMetrics *a, const LayoutMetrics *b) {
  a->nodes += b->nodes;
  a->edges += b->edges;
  a->crossings += b->crossings;
  a->shared += b->shared;
  a->near += b->near;
  a->label_collisions += b->label_collisions;
  a->through_nodes += b->through_nodes;
  a->bends += b->bends;
  a->jogs += b->jogs;
  a->area += b->area;
  a->node_area += b->node_area;
}
