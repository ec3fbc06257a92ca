/* route.c — orthogonal edge routing on the layout grid (layout_grid.h).
 * Every edge leaves its source downwards (a decision's other branches
 * leave from its side corners), runs along the channel below the
 * source's row to a vertical track, along the track to the channel above
 * the target's row, and enters the target from the top. A track is the
 * target's or source's own x when no node of the rows in between is in
 * the way, else a gutter between lanes. Parallel segments in one channel
 * or gutter get distinct offsets, so lines never run on top of each
 * other, and no segment crosses a node box. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "layout_grid.h"

#define NEW(c, T, n) ((T *)arena_alloc(&(c)->arena, sizeof(T) * (size_t)(n)))

#define GUTTER_MIN 18.0
#define TRACK_GAP 8.0      /* between parallel lines */
#define CHANNEL_MIN 34.0
#define STUB 14.0          /* out of a decision's side corner */
#define ARROW_LEN 8.0
#define ARROW_HALF 3.5
#define LABEL_PT 10.0

enum { EXIT_BOTTOM, EXIT_RIGHT, EXIT_LEFT };

typedef struct Route {
  int u, v, ru, rv;
  int exit;
  double exit_off, entry_off;  /* along a bar: offset from the centre */
  int gutter;                  /* -1: straight track at xs or the entry */
  int track_at_entry;          /* the track is the entry's x */
  int direct;                  /* side exit straight across to its gutter track */
  int stub_gutter, stub_idx;   /* a side exit at a column's edge drops down a
                                  track of that gutter (else stub_gutter -1) */
  int track_idx;               /* position among the gutter's tracks */
  int lvl1, lvl2;              /* levels in the channels below ru / above rv */
  double xs, xe, xt;           /* exit x (after a stub), entry x, track x */
} Route;

static double exit_x(const Grid *g, const Route *r) {
  const GNode *n = &g->n[r->u];
  if (r->stub_gutter >= 0) return g->gutx[r->stub_gutter] + GUTTER_EDGE + TRACK_GAP * (r->stub_idx + 0.5);
  if (r->exit == EXIT_RIGHT) return n->x + n->w / 2 + STUB;
  if (r->exit == EXIT_LEFT) return n->x - n->w / 2 - STUB;
  return n->x + r->exit_off;
}

static double entry_x(const Grid *g, const Route *r) { return g->n[r->v].x + r->entry_off; }

/* Whether a vertical line at x crosses no node in rows r0..r1. */
static int clear_in_rows(const Grid *g, const int *row_start, double x, int r0, int r1) {
  for (int r = r0; r <= r1; r++)
    for (int i = row_start[r]; i < row_start[r + 1]; i++) {
      const GNode *n = &g->n[g->order[i]];
      if (x > n->x - n->w / 2 - 4 && x < n->x + n->w / 2 + 4) return 0;
    }
  return 1;
}

static double gutter_mid(const Grid *g, int k) { return g->gutx[k] + g->gutw[k] / 2; }

/* Exit sides of a decision's branches: the one that can go most nearly
 * straight down leaves from the bottom, the others from the sides. */
static void decision_exits(const Grid *g, const int *row_start, Route *rt, const int *ids, int k) {
  int best = -1;
  double bestd = 0;
  for (int i = 0; i < k; i++) {
    Route *r = &rt[ids[i]];
    if (r->rv <= r->ru) continue;
    double d = fabs(g->n[r->v].x - g->n[r->u].x) + 10.0 * (r->rv - r->ru);
    if (r->rv > r->ru + 1 && !clear_in_rows(g, row_start, g->n[r->v].x, r->ru + 1, r->rv - 1)) d += 1e6;
    if (best < 0 || d < bestd) { best = i; bestd = d; }
  }
  int right = 0, left = 0;
  for (int i = 0; i < k; i++) {
    Route *r = &rt[ids[i]];
    if (i == best) { r->exit = EXIT_BOTTOM; continue; }
    int wants_left = r->rv > r->ru && g->n[r->v].x < g->n[r->u].x;
    if (wants_left && !left) { r->exit = EXIT_LEFT; left = 1; }
    else if (!right) { r->exit = EXIT_RIGHT; right = 1; }
    else if (!left) { r->exit = EXIT_LEFT; left = 1; }
    else r->exit = EXIT_BOTTOM;
  }
}

/* Spreads the ends of several edges along a bar (fork, join). */
static void spread(const Grid *g, Route *rt, const int *ids, int k, int at_exit) {
  for (int i = 0; i < k; i++) {
    Route *r = &rt[ids[i]];
    const GNode *n = &g->n[at_exit ? r->u : r->v];
    double off = k > 1 ? -n->w / 2 + n->w * (i + 1) / (k + 1) : 0;
    if (at_exit) r->exit_off = off;
    else r->entry_off = off;
  }
}

/* Greedy interval colouring: segments [a, b] of one channel get the
 * lowest level not overlapping another. Returns the number of levels. */
typedef struct Seg { double a, b; int *level; } Seg;

static int by_a(const void *x, const void *y) {
  const Seg *s = x, *t = y;
  return s->a < t->a ? -1 : s->a > t->a;
}

static int colour(Ctx *c, Seg *segs, int n) {
  qsort(segs, (size_t)n, sizeof *segs, by_a);
  double *end = NEW(c, double, n + 1);
  int levels = 0;
  for (int i = 0; i < n; i++) {
    int l = 0;
    while (l < levels && end[l] + TRACK_GAP > segs[i].a) l++;
    if (l == levels) levels++;
    end[l] = segs[i].b;
    *segs[i].level = l;
  }
  return levels;
}

/* y of a level in the channel whose top is at top: below the labels */
static double chan_level_y(double top, int level) { return top + LABEL_STRIP + TRACK_GAP * (level + 1); }

static void add_pt(Pt *pts, int *n, double x, double y) {
  if (*n > 0 && fabs(pts[*n - 1].x - x) < 0.01 && fabs(pts[*n - 1].y - y) < 0.01) return;
  /* drop the middle of three points on one line */
  if (*n > 1) {
    Pt a = pts[*n - 2], b = pts[*n - 1];
    if ((fabs(a.x - b.x) < 0.01 && fabs(b.x - x) < 0.01) || (fabs(a.y - b.y) < 0.01 && fabs(b.y - y) < 0.01)) {
      pts[*n - 1] = (Pt){x, y};
      return;
    }
  }
  pts[(*n)++] = (Pt){x, y};
}

static double label_width(Grid *g, const char *text) {
  const char **lines;
  double *widths, w = 0;
  int k = font_wrap(g->ctx, g->font, text, LABEL_PT, 80, &lines, &widths);
  for (int i = 0; i < k; i++) w = fmax(w, widths[i]);
  return w;
}

static void edge_label(Grid *g, SceneEdge *se, const char *text, const Route *r) {
  Ctx *c = g->ctx;
  Font *f = g->font;
  const char **lines;
  double *widths;
  int k = font_wrap(c, f, text, LABEL_PT, 80, &lines, &widths);
  double lh = font_line_height(f, LABEL_PT), asc = font_ascent(f, LABEL_PT), w = 0;
  for (int i = 0; i < k; i++) w = fmax(w, widths[i]);
  double h = (k - 1) * lh + asc + font_descent(f, LABEL_PT);
  const GNode *u = &g->n[r->u];
  double x, y; /* top left of the label box */
  if (r->exit == EXIT_RIGHT) { x = u->x + u->w / 2 + 2; y = u->y - h - 3; }
  else if (r->exit == EXIT_LEFT) { x = u->x - u->w / 2 - 2 - w - 4; y = u->y - h - 3; }
  else { x = r->xs + 3; y = u->y + u->h / 2 + 2; }
  se->label_box = (Rect){x, y, w + 4, h + 2};
  se->label = NEW(c, TextRun, k);
  se->nlabel = k;
  for (int i = 0; i < k; i++)
    se->label[i] = (TextRun){lines[i], x + 2, y + 1 + asc + i * lh, widths[i], LABEL_PT};
}

int route(Grid *g, const Process *p, Scene *s, const char **err) {
  (void)err;
  Ctx *c = g->ctx;
  int m = p->nedges;
  Route *rt = NEW(c, Route, m + 1);
  int *row_start = NEW(c, int, g->nrows + 2);
  for (int i = 0, r = 0; r <= g->nrows; r++) {
    while (i < g->nn && g->n[g->order[i]].row < r) i++;
    row_start[r] = i;
  }
  row_start[g->nrows] = g->nn;
  for (int k = 0; k <= g->ncols; k++) g->gutw[k] = GUTTER_MIN;
  grid_place_x(g);

  /* ends of each edge */
  for (int i = 0; i < m; i++) {
    const Edge *e = p->edges[i];
    Route *r = &rt[i];
    r->u = e->from;
    r->v = e->to;
    r->ru = g->n[r->u].row;
    r->rv = g->n[r->v].row;
    r->exit = EXIT_BOTTOM;
    r->gutter = -1;
    r->stub_gutter = -1;
  }
  /* each node's outgoing and incoming edges, in source order */
  int *out_off = NEW(c, int, g->nn + 2), *in_off = NEW(c, int, g->nn + 2);
  int *outs = NEW(c, int, m + 1), *ins = NEW(c, int, m + 1);
  for (int i = 0; i < m; i++) { out_off[rt[i].u + 1]++; in_off[rt[i].v + 1]++; }
  for (int v = 0; v < g->nn; v++) { out_off[v + 1] += out_off[v]; in_off[v + 1] += in_off[v]; }
  for (int i = 0; i < m; i++) { outs[out_off[rt[i].u]++] = i; ins[in_off[rt[i].v]++] = i; }
  for (int v = g->nn; v > 0; v--) { out_off[v] = out_off[v - 1]; in_off[v] = in_off[v - 1]; }
  out_off[0] = in_off[0] = 0;
  for (int v = 0; v < g->nn; v++) {
    int k = out_off[v + 1] - out_off[v];
    if (g->n[v].shape == SH_DECISION && k > 1) decision_exits(g, row_start, rt, outs + out_off[v], k);
    else if (g->n[v].shape == SH_BAR) spread(g, rt, outs + out_off[v], k, 1);
    if (g->n[v].shape == SH_BAR) spread(g, rt, ins + in_off[v], in_off[v + 1] - in_off[v], 0);
  }

  /* tracks: straight down where the rows in between are clear, else a gutter */
  int *tracks = NEW(c, int, g->ncols + 2);
  for (int i = 0; i < m; i++) {
    Route *r = &rt[i];
    double xs = exit_x(g, r), xe = entry_x(g, r);
    if (r->rv == r->ru + 1) { r->track_at_entry = 1; continue; }
    if (r->rv > r->ru + 1) {
      if (clear_in_rows(g, row_start, xe, r->ru + 1, r->rv - 1)) { r->track_at_entry = 1; continue; }
      if (clear_in_rows(g, row_start, xs, r->ru + 1, r->rv - 1)) { r->xt = xs; continue; }
      /* the gutter beside either end that makes the shortest way */
      int cu = g->n[r->u].col, cv = g->n[r->v].col, cand[4] = {cu, cu + 1, cv, cv + 1}, best = cand[0];
      double bestd = 1e300;
      for (int j = 0; j < 4; j++) {
        double gx = gutter_mid(g, cand[j]), d = fabs(xs - gx) + fabs(gx - xe);
        if (d < bestd) { bestd = d; best = cand[j]; }
      }
      r->gutter = best;
    } else {
      /* a loop back: up along the gutter right of both ends */
      int cu = g->n[r->u].col, cv = g->n[r->v].col;
      r->gutter = (cu > cv ? cu : cv) + 1;
    }
    r->track_idx = tracks[r->gutter]++;
    /* a side exit next to its gutter goes straight across to the track
       when no node of its row stands in between */
    int cu = g->n[r->u].col;
    if ((r->exit == EXIT_RIGHT && r->gutter == cu + 1) || (r->exit == EXIT_LEFT && r->gutter == cu)) {
      r->direct = 1;
      for (int j = row_start[r->ru]; j < row_start[r->ru + 1]; j++) {
        const GNode *o = &g->n[g->order[j]];
        if (o->col == cu && g->order[j] != r->u &&
            (r->exit == EXIT_RIGHT ? o->x > g->n[r->u].x : o->x < g->n[r->u].x)) r->direct = 0;
      }
    }
  }
  /* a side exit whose stub would end on the lane border drops down a
     track of the gutter instead */
  for (int i = 0; i < m; i++) {
    Route *r = &rt[i];
    if (r->exit == EXIT_BOTTOM || r->direct) continue;
    const GNode *u = &g->n[r->u];
    int cu = u->col;
    double room = r->exit == EXIT_RIGHT ? g->colx[cu] + g->colw[cu] - (u->x + u->w / 2)
                                        : u->x - u->w / 2 - g->colx[cu];
    if (room >= STUB + 4) continue;
    r->stub_gutter = r->exit == EXIT_RIGHT ? cu + 1 : cu;
    r->stub_idx = tracks[r->stub_gutter]++;
  }
  /* a gutter: the lane border GUTTER_EDGE from its left, then its tracks;
     wide enough for the label of a branch leaving a decision sideways */
  for (int k = 0; k <= g->ncols; k++)
    g->gutw[k] = fmax(GUTTER_MIN, 2 * GUTTER_EDGE + TRACK_GAP * tracks[k]);
  for (int i = 0; i < m; i++) {
    Route *r = &rt[i];
    if (r->exit == EXIT_BOTTOM || !p->edges[i]->label) continue;
    double w = label_width(g, p->edges[i]->label) + 10;
    int k = r->exit == EXIT_RIGHT ? g->n[r->u].col + 1 : g->n[r->u].col;
    const GNode *u = &g->n[r->u];
    double room = r->exit == EXIT_RIGHT ? g->colx[k - 1] + g->colw[k - 1] - (u->x + u->w / 2)
                                        : u->x - u->w / 2 - g->colx[k];
    if (g->gutw[k] + room < w) g->gutw[k] = w - room;
  }
  grid_place_x(g);
  for (int i = 0; i < m; i++) {
    Route *r = &rt[i];
    r->xs = exit_x(g, r);
    r->xe = entry_x(g, r);
    if (r->track_at_entry) r->xt = r->xe;
    else if (r->gutter >= 0)
      r->xt = g->gutx[r->gutter] + GUTTER_EDGE + TRACK_GAP * (r->track_idx + 0.5);
    else r->xt = r->xs;
  }

  /* channels: one level per overlapping horizontal segment */
  int nch = g->nrows + 1;
  int *nseg = NEW(c, int, nch + 1);
  for (int i = 0; i < m; i++) {
    nseg[rt[i].ru + 1]++;
    nseg[rt[i].rv]++;
  }
  Seg **segs = NEW(c, Seg *, nch + 1);
  int *fill = NEW(c, int, nch + 1);
  for (int k = 0; k < nch; k++) segs[k] = NEW(c, Seg, nseg[k] + 1);
  for (int i = 0; i < m; i++) {
    Route *r = &rt[i];
    int k1 = r->ru + 1, k2 = r->rv;
    if (r->direct) {
      segs[k2][fill[k2]++] = (Seg){fmin(r->xt, r->xe), fmax(r->xt, r->xe), &r->lvl2};
      continue;
    }
    if (k1 == k2) { /* one horizontal: exit to entry */
      segs[k1][fill[k1]++] = (Seg){fmin(r->xs, r->xe), fmax(r->xs, r->xe), &r->lvl1};
      continue;
    }
    segs[k1][fill[k1]++] = (Seg){fmin(r->xs, r->xt), fmax(r->xs, r->xt), &r->lvl1};
    segs[k2][fill[k2]++] = (Seg){fmin(r->xt, r->xe), fmax(r->xt, r->xe), &r->lvl2};
  }
  g->chanh = NEW(c, double, nch + 1);
  g->rowh = NEW(c, double, g->nrows + 1);
  g->rowy = NEW(c, double, g->nrows + 1);
  for (int k = 0; k < nch; k++) {
    int levels = colour(c, segs[k], fill[k]);
    double need = LABEL_STRIP + TRACK_GAP * levels + ARROW_LEN + 8;
    g->chanh[k] = levels ? fmax(need, CHANNEL_MIN) : (k == 0 || k == nch - 1 ? 16 : CHANNEL_MIN);
  }
  for (int v = 0; v < g->nn; v++)
    if (g->n[v].h > g->rowh[g->n[v].row]) g->rowh[g->n[v].row] = g->n[v].h;
  double y = g->top;
  double *chantop = NEW(c, double, nch + 1);
  for (int r = 0; r < g->nrows; r++) {
    chantop[r] = y;
    y += g->chanh[r];
    g->rowy[r] = y + g->rowh[r] / 2;
    y += g->rowh[r];
  }
  chantop[g->nrows] = y;
  y += g->chanh[g->nrows];
  g->height = y;
  for (int v = 0; v < g->nn; v++) g->n[v].y = g->rowy[g->n[v].row];

  /* the paths */
  s->nedges = m;
  s->edges = NEW(c, SceneEdge, m + 1);
  for (int i = 0; i < m; i++) {
    Route *r = &rt[i];
    SceneEdge *se = &s->edges[i];
    const Edge *e = p->edges[i];
    const GNode *u = &g->n[r->u], *v = &g->n[r->v];
    se->edge = e;
    se->from = r->u;
    se->to = r->v;
    se->back = r->rv <= r->ru;
    se->seq = 1; /* repeats of this edge before it, among the source's edges */
    for (int j = out_off[r->u]; j < out_off[r->u + 1] && outs[j] < i; j++)
      if (rt[outs[j]].v == r->v) se->seq++;
    Pt *pts = NEW(c, Pt, 10);
    int n = 0;
    int k1 = r->ru + 1, k2 = r->rv;
    double y1 = chan_level_y(chantop[k1], r->lvl1);
    double y2 = k1 == k2 ? y1 : chan_level_y(chantop[k2], r->lvl2);
    double top = v->y - v->h / 2;
    Pt side = {r->exit == EXIT_RIGHT ? u->x + u->w / 2 : u->x - u->w / 2, u->y};
    if (r->direct) {                   /* side corner straight to the track */
      add_pt(pts, &n, side.x, side.y);
      add_pt(pts, &n, r->xt, side.y);
    } else {
      if (r->exit == EXIT_BOTTOM) add_pt(pts, &n, r->xs, u->y + u->h / 2);
      else {
        add_pt(pts, &n, side.x, side.y);
        add_pt(pts, &n, r->xs, side.y);
      }
      add_pt(pts, &n, r->xs, y1);      /* into the channel below the row */
      add_pt(pts, &n, k1 == k2 ? r->xe : r->xt, y1);
    }
    if (k1 != k2 || r->direct) {       /* along the track, into the channel above */
      add_pt(pts, &n, r->xt, y2);
      add_pt(pts, &n, r->xe, y2);
    }
    add_pt(pts, &n, r->xe, top);
    se->pts = pts;
    se->npts = n;
    se->head[0] = (Pt){r->xe, top};
    se->head[1] = (Pt){r->xe - ARROW_HALF, top - ARROW_LEN};
    se->head[2] = (Pt){r->xe + ARROW_HALF, top - ARROW_LEN};
    if (e->label) edge_label(g, se, e->label, r);
  }
  return 0;
}
