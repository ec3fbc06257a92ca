/* layout_label.c — branch and edge labels beside their exits, a fork's or
 * join's label beside its bar (layout_int.h). A bar's label sits at its
 * right, in the room lay_x kept there, else above or below that, else at
 * the left. A side exit's label sits above its first run, in the
 * room lay_x kept between the node and the side item; a bottom exit's
 * label hangs beside the line just below the node, in the strip the
 * router kept above the channel's tracks. Of the places tried, the first
 * that touches no node, line, lane or phase line or other label is taken, else the
 * one that covers least. */
#include <math.h>
#include "layout_int.h"

#define CLOCK_D 10.0 /* a clock mark's diameter, points */

static int overlap(Rect a, Rect b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static int hits_segment(Rect r, Pt a, Pt b) {
  Rect s = {fmin(a.x, b.x) - 1, fmin(a.y, b.y) - 1, fabs(a.x - b.x) + 2, fabs(a.y - b.y) + 2};
  return overlap(r, s);
}

/* What box r for edge i's label (i < 0: a bar's) would cover: 0 when
 * free; a node, a label or the picture's edge weigh more than a line. */
static int cost_at(const Lay *L, const Scene *s, int i, Rect r) {
  int c = 0;
  if (r.x < 0 || r.y < 0 || r.x + r.w > L->width || r.y + r.h > L->height) c += 100;
  for (int v = 0; v < s->nnodes; v++) {
    c += 20 * overlap(r, s->nodes[v].box);
    if (s->nodes[v].label_box.w > 0) c += 20 * overlap(r, s->nodes[v].label_box);
  }
  for (int k = 1; k < L->ncols; k++) c += r.x < L->lanex[k] + 1 && r.x + r.w > L->lanex[k] - 1;
  for (int k = 1; k < L->nrows; k++) /* the lines between phases */
    if (L->row_group[k] != L->row_group[k - 1]) c += r.y < L->phase_line[k] + 1 && r.y + r.h > L->phase_line[k] - 1;
  for (int j = 0; j < s->nedges; j++) {
    const SceneEdge *e = &s->edges[j];
    if (j != i)
      for (int k = 0; k + 1 < e->npts; k++) c += hits_segment(r, e->pts[k], e->pts[k + 1]);
    if (e->nlabel) c += 20 * overlap(r, e->label_box);
  }
  return c;
}

/* Whether another edge leaves edge i's source from the same point. */
static int shared_exit(const Scene *s, int i) {
  const SceneEdge *e = &s->edges[i];
  for (int j = 0; j < s->nedges; j++) {
    const SceneEdge *g = &s->edges[j];
    if (j != i && g->from == e->from && g->npts && fabs(g->pts[0].x - e->pts[0].x) < 0.5 &&
        fabs(g->pts[0].y - e->pts[0].y) < 0.5) return 1;
  }
  return 0;
}

/* The best of n candidate boxes for edge i's label (i < 0: a bar's). */
static Rect best_of(const Lay *L, const Scene *s, int i, const Rect *cand, int n) {
  int pick = 0, best = -1;
  for (int k = 0; k < n && best; k++) {
    int c = cost_at(L, s, i, cand[k]);
    if (best < 0 || c < best) best = c, pick = k;
  }
  return cand[pick];
}

static void place(Lay *L, Scene *s, int i) {
  const LEdge *e = &L->e[i];
  SceneEdge *se = &s->edges[i];
  const Item *u = &L->it[e->u];
  double bw = e->labelw, bh = e->labelh;
  Rect cand[4 + 6 * 64];
  int n = 0;
  if (e->hand || e->exit == PORT_ELBOW) {
    int side = L->it[e->v].x > u->x ? 1 : -1;
    double y = L->rowy[u->rank], ox = lay_outline_x(L, e->u, side, 0);
    double x = side > 0 ? ox + 3 : ox - 3 - bw;
    cand[n++] = (Rect){x, y - bh - 2, bw, bh};
    cand[n++] = (Rect){x, y + 2, bw, bh};
  } else if (e->exit == PORT_SIDE) {
    const Item *t = &L->it[e->chain[1]];
    double y = L->rowy[u->rank] + t->port_y, ox = lay_outline_x(L, e->u, t->side, t->port_y);
    double x = t->side > 0 ? ox + 3 : ox - 3 - bw;
    cand[n++] = (Rect){x, y - bh - 2, bw, bh};
    cand[n++] = (Rect){x, y + 2, bw, bh};
  } else if (!shared_exit(s, i)) {
    double px = se->pts[0].x, y = se->pts[0].y + 2;
    cand[n++] = (Rect){px + 3, y, bw, bh};
    cand[n++] = (Rect){px - 3 - bw, y, bw, bh};
  }
  /* then along the line: beside each run long enough, nearest the exit
     first; for branches that leave one corner together, nearest the
     target first, where the line is its own */
  int rev = e->exit == PORT_BOTTOM && shared_exit(s, i);
  for (int q = 0; q + 1 < se->npts && n + 8 <= (int)(sizeof cand / sizeof *cand); q++) {
    int k = rev ? se->npts - 2 - q : q;
    Pt a = se->pts[k], b = se->pts[k + 1];
    if (fabs(a.x - b.x) < 0.01 && fabs(a.y - b.y) >= (rev ? 10 : bh + 6)) {
      double y = fmin(a.y, b.y) + ((b.y > a.y) != rev ? 3 : fabs(a.y - b.y) - bh - 3);
      double y2 = fmin(a.y, b.y) + ((b.y > a.y) != rev ? fabs(a.y - b.y) - bh - 3 : 3);
      cand[n++] = (Rect){a.x + 3, y, bw, bh};
      cand[n++] = (Rect){a.x - 3 - bw, y, bw, bh};
      cand[n++] = (Rect){a.x + 3, y2, bw, bh};
      cand[n++] = (Rect){a.x - 3 - bw, y2, bw, bh};
    } else if (fabs(a.y - b.y) < 0.01 && fabs(a.x - b.x) >= bw + 8) {
      double x = b.x > a.x ? a.x + 4 : a.x - 4 - bw;
      cand[n++] = (Rect){x, a.y - bh - 2, bw, bh};
      cand[n++] = (Rect){x, a.y + 2, bw, bh};
    }
  }
  if (rev) { /* last, beside the shared corner after all */
    cand[n++] = (Rect){se->pts[0].x + 3, se->pts[0].y + 2, bw, bh};
    cand[n++] = (Rect){se->pts[0].x - 3 - bw, se->pts[0].y + 2, bw, bh};
  }
  se->label_box = best_of(L, s, i, cand, n);
}

/* The runs of text beside node v, 12 characters a line; widens
 * L->besidew[v] to hold them after indent points. */
static TextRun *side_runs(Lay *L, int v, const char *text, double indent, int *n) {
  const char **lines;
  double *widths;
  int k = lay_wrap(L, text, LABEL_PT, 12 * LABEL_PT, 0, &lines, &widths);
  TextRun *r = NEW(L->c, TextRun, k + 1);
  for (int j = 0; j < k; j++) {
    r[j] = (TextRun){lines[j], 0, 0, widths[j], LABEL_PT};
    L->besidew[v] = fmax(L->besidew[v], indent + widths[j] + 4);
  }
  *n = k;
  return r;
}

void lay_bar_label_size(Lay *L, int v, SceneNode *sn) {
  const char *text = L->tx->node[v]; /* as written: never the ID resolve gave it */
  if (!text || !*text) return;
  sn->lines = side_runs(L, v, text, 0, &sn->nlines);
}

void lay_caption_size(Lay *L, int v, SceneNode *sn) {
  const char *text = L->tx->caption[v]; /* NULL but for a start's */
  if (!text) return;
  int period = L->p->nodes[v]->x->has_every;
  sn->caption = side_runs(L, v, text, period ? CLOCK_D + 3 : 0, &sn->ncaption);
  if (period) sn->clock.w = sn->clock.h = CLOCK_D;
}

/* Node v's text beside it (a bar's label, a start's caption): at its
 * right, centred on it, above or below; then the same at its left. A
 * clock mark stands at the left of the box, the text after it. */
static void place_bar_label(Lay *L, Scene *s, int v) {
  SceneNode *sn = &s->nodes[v];
  TextRun *t = sn->shape == SH_BAR ? sn->lines : sn->caption;
  int n = sn->shape == SH_BAR ? sn->nlines : sn->ncaption;
  Rect b = sn->box;
  double lh = font_line_height(L->f, LABEL_PT), asc = font_ascent(L->f, LABEL_PT);
  double bw = L->besidew[v], bh = (n - 1) * lh + asc + font_descent(L->f, LABEL_PT) + 2;
  bh = fmax(bh, sn->clock.h + 2);
  double xs[2] = {b.x + b.w + 4, b.x - 4 - bw};
  double ys[3] = {b.y + b.h / 2 - bh / 2, b.y - bh - 2, b.y + b.h + 2};
  Rect cand[6];
  for (int k = 0; k < 6; k++) cand[k] = (Rect){xs[k / 3], ys[k % 3], bw, bh};
  sn->label_box = best_of(L, s, -1, cand, 6);
  double indent = sn->clock.w > 0 ? CLOCK_D + 3 : 0;
  for (int j = 0; j < n; j++) {
    t[j].x = sn->label_box.x + 2 + indent;
    t[j].y = sn->label_box.y + 1 + asc + j * lh;
  }
  if (sn->clock.w > 0 && n > 0) /* beside the period, the last line */
    sn->clock = (Rect){sn->label_box.x + 1, t[n - 1].y - asc / 2 - CLOCK_D / 2 + 1, CLOCK_D, CLOCK_D};
}

void lay_labels(Lay *L, Scene *s) {
  for (int v = 0; v < L->nn; v++)
    if (L->besidew[v] > 0) place_bar_label(L, s, v);
  for (int i = 0; i < L->ne; i++) {
    if (!L->tx->edge[i] || !L->e[i].nchain) continue;
    place(L, s, i);
    SceneEdge *se = &s->edges[i];
    const LEdge *e = &L->e[i];
    double lh = font_line_height(L->f, LABEL_PT), asc = font_ascent(L->f, LABEL_PT);
    se->label = NEW(L->c, TextRun, e->nlabel);
    se->nlabel = e->nlabel;
    for (int j = 0; j < e->nlabel; j++)
      se->label[j] = (TextRun){e->label_lines[j], se->label_box.x + 2, se->label_box.y + 1 + asc + j * lh,
                               e->label_widths[j], LABEL_PT};
  }
}

#define MARK_PT 9.0

/* Whether r meets a tag placed before. */
static int meets_mark(const Scene *s, Rect r) {
  for (int i = 0; i < s->nmarks; i++)
    if (overlap(r, (Rect){s->marks[i].box.x - 2, s->marks[i].box.y - 2, s->marks[i].box.w + 4, s->marks[i].box.h + 4}))
      return 1;
  return 0;
}

/* Node v's tag in lane k: at the middle of the lane on the node's row,
 * else nearer its sides, else at the row's top or bottom; none where
 * every place touches something (the box's own line names the lane). */
static void mark_one(Lay *L, Scene *s, int v, int k) {
  static const char text[] = "\xE4\xBC\x9A\xE5\x90\x8C"; /* 会同 */
  Rect b = s->nodes[v].box;
  double tw = font_width(L->f, text, sizeof text - 1, MARK_PT), w = tw + 8;
  double h = font_ascent(L->f, MARK_PT) + font_descent(L->f, MARK_PT) + 4;
  double x0 = L->lanex[k], lw = L->lanew[k];
  double xs[3] = {x0 + (lw - w) / 2, x0 + 6, x0 + lw - 6 - w};
  double ys[3] = {b.y + (b.h - h) / 2, b.y, b.y + b.h - h};
  for (int j = 0; j < 9; j++) {
    Rect r = {xs[j % 3], ys[j / 3], w, h};
    if (w + 8 > lw || cost_at(L, s, -1, (Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}) || meets_mark(s, r)) continue;
    s->marks[s->nmarks++] = (SceneMark){v, k, r, {text, r.x + 4, r.y + 2 + font_ascent(L->f, MARK_PT), tw, MARK_PT}};
    return;
  }
}

void lay_joint_marks(Lay *L, Scene *s) {
  int n = 0;
  for (int v = 0; v < L->nn; v++)
    if (L->p->nodes[v]->x) n += L->p->nodes[v]->x->njoint;
  if (!n) return;
  s->marks = NEW(L->c, SceneMark, n);
  for (int v = 0; v < L->nn; v++) {
    const NodeExtra *x = L->p->nodes[v]->x;
    for (int j = 0; x && j < x->njoint; j++)
      if (x->joint[j] >= 0 && x->joint[j] < L->ncols) mark_one(L, s, v, x->joint[j]);
  }
}
