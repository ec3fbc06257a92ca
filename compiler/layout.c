/* layout.c — process to Scene (see layout.h): text measured and wrapped,
 * node sizes, then the passes of layout_int.h in order, then lanes,
 * phases and nodes at their final places. */
#include "layout.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "chart_pages.h"
#include "layout_int.h"
#include "layout_metrics.h"
#include "marks.h"
#include "steps.h"
#include "utf8.h"

/* Text sizes and the widest a label may be before it wraps, in points. */
#define NODE_PT 12.0
#define HEADER_PT 12.0
#define JOINT_PT 9.0   /* the "会同：…" line of a step in joint lanes */
#define PAD_X 10.0
#define PAD_Y 5.0
#define WRAP_LIMIT 1.3 /* a box may grow this much wider to avoid a short last line */

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

/* Wraps text into runs centred on x = 0, the first baseline at y = 0: at
 * maxw, or up to limit where that avoids a short last line. */
static TextRun *runs(Lay *L, const char *text, double size, double maxw, double limit,
                     int *n, double *w, double *h) {
  const char **lines;
  double *widths;
  Font *f = L->f;
  int k = lay_wrap(L, text, size, maxw, limit, &lines, &widths);
  TextRun *r = NEW(L->c, TextRun, k);
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
static void node_size(Item *n, ShapeKind shape, double tw, double th) {
  double w = tw + 2 * PAD_X, h = th + 2 * PAD_Y;
  switch (shape) {
  case SH_TERMINATOR: h = fmax(h, 30); w = fmax(w + h * 0.6, 64); break;
  case SH_DECISION: /* the text box fits when tw/w + th/h <= 1 */
    w = fmax(2.1 * tw + 14, 84); h = fmax(th / (1 - tw / (w - 8)) + 4, 40); break;
  case SH_PREDEFINED: w = fmax(w + 16, 80); h = fmax(h, 38); break;
  case SH_DOCUMENT: w = fmax(w, 80); h = fmax(h + 8, 44); break;
  case SH_DATA: w = fmax(w + 24, 84); h = fmax(h, 38); break;
  case SH_STORE: w = fmax(w, 80); h = fmax(h + 14, 48); break;
  case SH_MANUAL: w = fmax(w + 24, 84); h = fmax(h, 38); break;
  case SH_DELAY: w = fmax(w + h / 2, 80); h = fmax(h, 38); break;
  case SH_BAR: w = 80; h = 7; break;
  default: w = fmax(w, 72); h = fmax(h, 30); break;
  }
  n->w = w;
  n->h = h;
}

/* How wide a label may be before it wraps: narrower with more lanes, so
 * that a chart of up to eight lanes stays about as wide as a portrait A4
 * page can show at 7 pt text. */
static double wrap_width(ShapeKind s, int nlanes) {
  double w = nlanes > 1 ? fmin(120, fmax(60, 540.0 / nlanes - 24)) : 120;
  w *= NODE_PT / 10; /* the widths above are for 10 pt text */
  return s == SH_DECISION ? fmax(64, w * 0.8) : s == SH_TERMINATOR ? fmin(w, 96 * NODE_PT / 10) : w;
}

static void vertical_title(Ctx *c, Font *f, const char *text, Rect box, TextRun **out, int *n) {
  /* one character per line, centred in the strip; a mark ※2 on one */
  size_t len = strlen(text), sign = strlen(MARK_SIGN);
  int count = 0;
  TextRun *r = NEW(c, TextRun, len + 1);
  double lh = font_line_height(f, HEADER_PT);
  for (size_t i = 0; i < len;) {
    size_t k = 1;
    while (i + k < len && ((unsigned char)text[i + k] & 0xC0) == 0x80) k++;
    if (k == sign && !memcmp(text + i, MARK_SIGN, sign))
      while (i + k < len && text[i + k] >= '0' && text[i + k] <= '9') k++;
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

/* The lane of each node: its own; a node outside lanes (a start or an
 * end) takes the lane of a neighbour. */
static void assign_lanes(Lay *L) {
  const Process *p = L->p;
  for (int v = 0; v < L->nn; v++) L->it[v].lane = p->nodes[v]->lane;
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < L->ne; i++) {
      int u = L->e[i].u, v = L->e[i].v;
      if (u < 0 || v < 0) continue;
      if (L->it[u].lane < 0 && L->it[v].lane >= 0) L->it[u].lane = L->it[v].lane;
      if (L->it[v].lane < 0 && L->it[u].lane >= 0) L->it[v].lane = L->it[u].lane;
    }
  for (int v = 0; v < L->nn; v++) {
    if (L->it[v].lane < 0) L->it[v].lane = 0;
    L->it[v].lo = L->it[v].hi = L->it[v].lane;
  }
  L->ncols = p->nlanes > 0 ? p->nlanes : 1;
}

/* The lanes a step takes part in, below its label in smaller type (the
 * text L->tx->joint[v]), as more runs of the node. */
static void joint_line(Lay *L, int v, SceneNode *sn, double maxw, double limit, double *tw, double *th) {
  const char *t = L->tx->joint[v];
  int n;
  double w, h, top = sn->lines[sn->nlines - 1].y + font_descent(L->f, NODE_PT) + 3 + font_ascent(L->f, JOINT_PT);
  TextRun *j = runs(L, t, JOINT_PT, maxw, limit, &n, &w, &h);
  TextRun *all = NEW(L->c, TextRun, sn->nlines + n);
  memcpy(all, sn->lines, sizeof *all * (size_t)sn->nlines);
  for (int i = 0; i < n; i++) {
    j[i].y += top;
    all[sn->nlines + i] = j[i];
  }
  sn->lines = all;
  sn->nlines += n;
  *tw = fmax(*tw, w);
  *th += 3 + h;
}

/* Nodes, their text and sizes; edges and their labels. */
static void measure(Lay *L, Scene *s) {
  const Process *p = L->p;
  Ctx *c = L->c;
  s->proc = p;
  s->stroke = 1.0;
  s->nnodes = p->nnodes;
  s->nodes = NEW(c, SceneNode, p->nnodes + 1);
  L->it = NEW(c, Item, L->nn + 1);
  L->group = NEW(c, int, L->nn + 1);
  L->texth = NEW(c, double, L->nn + 1);
  L->besidew = NEW(c, double, L->nn + 1);
  for (int v = 0; v < L->nn; v++) {
    const Node *nd = p->nodes[v];
    SceneNode *sn = &s->nodes[v];
    sn->node = nd;
    sn->shape = shape_of(nd->kind);
    sn->conditional = nd->x && nd->x->when.s;
    double tw = 0, th = 0;
    if (sn->shape != SH_BAR) {
      double w = wrap_width(sn->shape, p->nlanes) * (sn->shape == SH_DECISION ? L->wrap_decision : L->wrap);
      /* a diamond grows twice as fast as its text: in the narrow variants,
         two lines rather than a wider one */
      double limit = sn->shape == SH_DECISION && L->wrap_decision < 1 ? fmax(48, w) : fmax(48, w) * WRAP_LIMIT;
      sn->lines = runs(L, L->tx->node[v], NODE_PT, fmax(48, w), limit, &sn->nlines, &tw, &th);
      if (L->tx->joint[v]) joint_line(L, v, sn, fmax(48, w), limit, &tw, &th);
      lay_caption_size(L, v, sn);
    } else lay_bar_label_size(L, v, sn);
    lay_item(L, v, -1, 0, 0);
    node_size(&L->it[v], sn->shape, tw, th);
    L->texth[v] = th;
    if (nd->kind == NK_CALL && nd->callee >= 0) sn->link = c->prog->procs[nd->callee]->id;
    L->group[v] = nd->phase + 1;
  }
  L->ngroups = p->nphases + 1;
  L->group_minh = NEW(c, double, L->ngroups);
  for (int ph = 0; ph < p->nphases; ph++) {
    const char *t = L->tx->phase[ph];
    L->group_minh[ph + 1] = (double)utf8_count(t, strlen(t)) * font_line_height(L->f, HEADER_PT) + 8;
  }
  L->e = NEW(c, LEdge, L->ne + 1);
  for (int i = 0; i < L->ne; i++) {
    LEdge *e = &L->e[i];
    e->u = p->edges[i]->from;
    e->v = p->edges[i]->to;
    e->exit = PORT_BOTTOM;
    e->entry = PORT_TOP;
    lay_label_size(L, i);
  }
  assign_lanes(L);
}

static void place_nodes(Lay *L, Scene *s) {
  double asc = font_ascent(L->f, NODE_PT);
  for (int v = 0; v < L->nn; v++) {
    SceneNode *sn = &s->nodes[v];
    const Item *n = &L->it[v];
    double x = n->x, y = L->rowy[n->rank], texth = L->texth[v];
    sn->box = (Rect){x - n->w / 2, y - n->h / 2, n->w, n->h};
    double top = y - texth / 2 + asc;
    if (sn->shape == SH_DOCUMENT) top -= 3; /* above the wave */
    if (sn->shape == SH_STORE) top += 4;    /* below the top ellipse */
    if (sn->shape != SH_BAR) place_runs(sn->lines, sn->nlines, x, top); /* a bar's: lay_labels */
  }
}

/* A header's title, wrapped to its width and centred in it. */
static void header_title(Lay *L, const char *name, Rect h, TextRun **title, int *ntitle) {
  double tw, th;
  *title = runs(L, name, HEADER_PT, h.w - 8, h.w - 8, ntitle, &tw, &th);
  place_runs(*title, *ntitle, h.x + h.w / 2, h.y + (h.h - th) / 2 + font_ascent(L->f, HEADER_PT));
}

/* With lane groups the header has two levels: a group's name over its
 * lanes' names; a lane outside groups has one header over both. */
static void place_lanes(Lay *L, Scene *s) {
  const Process *p = L->p;
  s->nlanes = p->nlanes;
  s->lanes = NEW(L->c, SceneLane, p->nlanes + 1);
  for (int k = 0; k < p->nlanes; k++) {
    SceneLane *l = &s->lanes[k];
    double x0 = L->lanex[k], w = L->lanew[k], y0 = lane_group(p, k) ? LANE_HEADER : 0;
    l->lane = &p->lanes[k];
    l->box = (Rect){x0, 0, w, L->height};
    l->header = (Rect){x0, y0, w, L->top - y0};
    header_title(L, L->tx->lane[k], l->header, &l->title, &l->ntitle);
  }
  s->ngroups = p->ngroups;
  s->groups = NEW(L->c, SceneGroup, p->ngroups + 1);
  for (int i = 0; i < p->ngroups; i++) {
    SceneGroup *g = &s->groups[i];
    const LaneGroup *lg = &p->groups[i];
    Rect a = s->lanes[lg->first].box, b = s->lanes[lg->first + lg->nlanes - 1].box;
    g->group = lg;
    g->first = lg->first;
    g->nlanes = lg->nlanes;
    g->box = (Rect){a.x, 0, b.x + b.w - a.x, L->height};
    g->header = (Rect){a.x, 0, g->box.w, LANE_HEADER};
    header_title(L, lg->name, g->header, &g->title, &g->ntitle);
  }
}

/* Phase bands part at the line the router kept in the channel above a
 * phase's first row; a phase without nodes is a thin band there. */
static void place_phases(Lay *L, Scene *s) {
  const Process *p = L->p;
  int np = p->nphases;
  double *y0 = NEW(L->c, double, np + 2);
  int next = L->nrows; /* first row of the phases after */
  for (int ph = np - 1; ph >= 0; ph--) {
    int first = -1;
    for (int r = 0; r < L->nrows; r++)
      if (L->row_group[r] == ph + 1) { first = r; break; }
    if (first >= 0) next = first;
    y0[ph] = next < L->nrows ? L->phase_line[next] : L->height;
  }
  if (np > 0 && (L->nrows == 0 || L->row_group[0] > 0)) y0[0] = fmin(y0[0], L->top);
  s->nphases = np;
  s->phases = NEW(L->c, ScenePhase, np + 1);
  for (int ph = 0; ph < np; ph++) {
    ScenePhase *sp = &s->phases[ph];
    double y1 = ph + 1 < np ? y0[ph + 1] : L->height;
    sp->phase = &p->phases[ph];
    sp->box = (Rect){0, y0[ph], L->width, y1 - y0[ph]};
    sp->header = (Rect){0, y0[ph], PHASE_STRIP, y1 - y0[ph]};
    vertical_title(L->c, L->f, L->tx->phase[ph], sp->header, &sp->title, &sp->ntitle);
  }
}

/* A node's text: a conditional step's caption, then its label, marked
 * when added beyond the source (a bar's label stands beside it). */
static const char *node_text(Ctx *c, const Marks *m, const Node *n) {
  const char *label = n->kind == NK_FORK || n->kind == NK_JOIN ? (n->has_label ? n->label : NULL) : n->label;
  const char *text = mark_text(&c->arena, m, label, n->added), *cap = when_caption(&c->arena, n);
  return cap ? arena_printf(&c->arena, "%s\n%s", cap, text) : text;
}

/* The footnotes under the chart: the note of a process added as a
 * whole, else those of the marks the chart shows (a mark on an attribute
 * or a limit shows in the tables only), keeping their numbers. */
static void chart_notes(Ctx *c, const Process *p, const Marks *m, ChartText *t) {
  char *shown = NEW(c, char, m->n + 1);  /* [0]: no mark */
  for (int v = 0; v < p->nnodes; v++) {
    const Node *n = p->nodes[v];
    shown[mark_number(m, n->added)] = 1;
    if (n->kind == NK_START && n->x) {  /* its caption */
      shown[mark_number(m, n->x->trigger_added)] = 1;
      shown[mark_number(m, n->x->every_added)] = 1;
    }
  }
  for (int i = 0; i < p->nedges; i++) shown[mark_number(m, p->edges[i]->added)] = 1;
  for (int k = 0; k < p->nlanes; k++) shown[mark_number(m, p->lanes[k].added)] = 1;
  for (int k = 0; k < p->nphases; k++) shown[mark_number(m, p->phases[k].added)] = 1;
  t->note = NEW(c, const char *, m->n + 1);
  t->nnote = 0;
  if (m->whole) t->note[t->nnote++] = mark_whole(&c->arena, p);
  for (int k = 0; k < m->n; k++)
    if (shown[k + 1]) t->note[t->nnote++] = mark_note(&c->arena, m, k);
}

/* A start's caption: its trigger, then its period, each marked when added;
 * NULL for a node without either. */
static const char *caption_text(Ctx *c, const Marks *m, const Node *n) {
  const NodeExtra *x = n->x;
  if (n->kind != NK_START || !x || !(x->trigger.s || x->has_every)) return NULL;
  const char *trig = x->trigger.s ? mark_text(&c->arena, m, x->trigger.s, x->trigger_added) : NULL;
  const char *period = x->has_every ? mark_text(&c->arena, m, step_every(&c->arena, x->every), x->every_added) : NULL;
  return trig && period ? arena_printf(&c->arena, "%s\n%s", trig, period) : trig ? trig : period;
}

/* "会同：财务部、法务部" for a step in joint lanes, else NULL. */
static const char *joint_text(Ctx *c, const Process *p, const Node *n) {
  if (!n->x || !n->x->njoint) return NULL;
  const char *t = "\xE4\xBC\x9A\xE5\x90\x8C\xEF\xBC\x9A";  /* 会同： */
  int first = 1;
  for (int j = 0; j < n->x->njoint; j++)
    if (n->x->joint[j] >= 0) {
      t = arena_printf(&c->arena, "%s%s%s", t, first ? "" : "\xE3\x80\x81", p->lanes[n->x->joint[j]].name); /* 、 */
      first = 0;
    }
  return first ? NULL : t;
}

static const ChartText *chart_text(Ctx *c, const Process *p) {
  Marks m;
  marks_of(&c->arena, c->prog, p, &m);
  ChartText *t = NEW(c, ChartText, 1);
  t->node = NEW(c, const char *, p->nnodes);
  t->edge = NEW(c, const char *, p->nedges);
  t->lane = NEW(c, const char *, p->nlanes);
  t->phase = NEW(c, const char *, p->nphases);
  t->caption = NEW(c, const char *, p->nnodes);
  t->joint = NEW(c, const char *, p->nnodes);
  for (int v = 0; v < p->nnodes; v++) {
    t->node[v] = node_text(c, &m, p->nodes[v]);
    t->caption[v] = caption_text(c, &m, p->nodes[v]);
    t->joint[v] = joint_text(c, p, p->nodes[v]);
  }
  for (int i = 0; i < p->nedges; i++) t->edge[i] = mark_text(&c->arena, &m, p->edges[i]->label, p->edges[i]->added);
  for (int k = 0; k < p->nlanes; k++) t->lane[k] = mark_text(&c->arena, &m, p->lanes[k].name, p->lanes[k].added);
  for (int k = 0; k < p->nphases; k++) t->phase[k] = mark_text(&c->arena, &m, p->phases[k].name, p->phases[k].added);
  chart_notes(c, p, &m, t);
  return t;
}

#define NOTE_LINE 18.0

/* The footnotes, a line each below the picture, from x = 8. */
static void place_notes(Lay *L, Scene *s) {
  int n = L->tx->nnote;
  if (!n) return;
  s->nnotes = n;
  s->notes = NEW(L->c, TextRun, n);
  s->notes_h = NOTE_LINE * n + 10;
  for (int k = 0; k < n; k++) {
    const char *t = L->tx->note[k];
    double w = font_width(L->f, t, strlen(t), LABEL_PT);
    s->notes[k] = (TextRun){t, 8, s->height + NOTE_LINE * (k + 1), w, LABEL_PT};
    s->notes_w = fmax(s->notes_w, w + 16);
  }
}

/* One layout with node text wrapped at wrap times the usual width. */
typedef struct Variant { double wrap, wrap_decision; int hand_any, stack; } Variant;

static Scene *lay_out(Ctx *c, WrapCache *wc, const ChartText *tx, const Process *p, Font *f, Variant v,
                      const unsigned char *flip) {
  Lay L = {.c = c, .wraps = wc, .tx = tx, .f = f, .p = p, .nn = p->nnodes, .ne = p->nedges,
           .wrap = v.wrap, .wrap_decision = v.wrap_decision, .hand_any = v.hand_any, .stack = v.stack,
           .flip = flip};
  Scene *s = NEW(c, Scene, 1);
  memset(s, 0, sizeof *s);
  measure(&L, s);
  L.left = p->nphases > 0 ? PHASE_STRIP : 0;
  L.top = p->nlanes > 0 ? (p->ngroups > 0 ? 2 : 1) * LANE_HEADER : 0;
  lay_rows(&L);
  lay_chains(&L);
  lay_order(&L);
  lay_sides(&L);
  lay_x(&L);
  lay_route(&L, s);
  place_nodes(&L, s);
  lay_labels(&L, s);
  lay_joint_marks(&L, s);
  place_lanes(&L, s);
  place_phases(&L, s);
  s->width = L.width;
  s->height = L.height;
  place_notes(&L, s);
  return s;
}


/* Layouts are tried in a scratch arena, reused from try to try; the best
 * so far keeps an arena of its own. */
typedef struct Trials {
  Ctx *c;              /* the caller's: the chosen scene ends up in its arena */
  Ctx best, next;      /* copies of *c with arenas of their own */
  WrapCache *wc;
  const ChartText *tx;
  const Process *p;
  Font *f;
} Trials;

static Scene *try_layout(Trials *t, Variant v, const unsigned char *flip) {
  arena_reset(&t->next.arena);
  return lay_out(&t->next, t->wc, t->tx, t->p, t->f, v, flip);
}

/* The last try becomes the best. */
static void keep(Trials *t) {
  Arena a = t->best.arena;
  t->best.arena = t->next.arena;
  t->next.arena = a;
}

static int cross(Pt a, Pt b, Pt c, Pt d) { /* a-b horizontal, c-d vertical */
  return fabs(a.y - b.y) < 0.01 && fabs(c.x - d.x) < 0.01 && c.x > fmin(a.x, b.x) + 0.5 &&
         c.x < fmax(a.x, b.x) - 0.5 && a.y > fmin(c.y, d.y) + 0.5 && a.y < fmax(c.y, d.y) - 0.5;
}

/* Whether the lines of edges i and j cross. */
static int crossing(const Scene *s, int i, int j) {
  const SceneEdge *e = &s->edges[i], *g = &s->edges[j];
  for (int a = 0; a + 1 < e->npts; a++)
    for (int b = 0; b + 1 < g->npts; b++)
      if (cross(e->pts[a], e->pts[a + 1], g->pts[b], g->pts[b + 1]) ||
          cross(g->pts[b], g->pts[b + 1], e->pts[a], e->pts[a + 1])) return 1;
  return 0;
}

/* The box around an edge's line. */
static Rect bounds(const SceneEdge *e) {
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (int k = 0; k < e->npts; k++) {
    x0 = fmin(x0, e->pts[k].x), x1 = fmax(x1, e->pts[k].x);
    y0 = fmin(y0, e->pts[k].y), y1 = fmax(y1, e->pts[k].y);
  }
  return (Rect){x0, y0, x1 - x0, y1 - y0};
}

/* What a drawing costs: crossings first, then jogs (a step aside that
 * could be straight, two bends), then bends; lines on lines,
 * through nodes or under labels outweigh everything. Over COST_FULL_UP_TO
 * edges, only crossings (of whole lines) and bends are counted: the full
 * metrics grow with the square of the segments. */
#define COST_FULL_UP_TO 120
static double cost(const Scene *s) {
  if (s->nedges > COST_FULL_UP_TO) {
    double x = 0;
    Rect *bb = xmalloc(sizeof(Rect) * (size_t)s->nedges);
    for (int i = 0; i < s->nedges; i++) bb[i] = bounds(&s->edges[i]);
    for (int i = 0; i < s->nedges; i++) {
      x += 0.5 * (s->edges[i].npts > 2 ? s->edges[i].npts - 2 : 0);
      for (int j = i + 1; j < s->nedges; j++)
        if (bb[i].x <= bb[j].x + bb[j].w && bb[j].x <= bb[i].x + bb[i].w && bb[i].y <= bb[j].y + bb[j].h &&
            bb[j].y <= bb[i].y + bb[i].h) x += 10.0 * crossing(s, i, j);
    }
    free(bb);
    return x;
  }
  LayoutMetrics m;
  metrics_scene(s, &m);
  return 1000.0 * (m.shared > 0.5) + 1000.0 * (m.label_collisions + m.through_nodes) + 10.0 * m.crossings + m.bends * 0.5 + m.jogs;
}

/* The choices a pass made for edge i that can be made otherwise (FLIP_*),
 * judged from the drawing: a loop's sides, a hand-off, a side branch, a
 * long line's lane. */
static int moves(const Process *p, const Scene *s, int i, unsigned char *m) {
  const SceneEdge *e = &s->edges[i];
  if (e->npts < 2 || e->from == e->to) return 0;
  if (e->back) { m[0] = FLIP_SIDE; return 1; }
  if (e->npts == 2 && fabs(e->pts[0].y - e->pts[1].y) < 0.01) { m[0] = FLIP_NO_HAND; return 1; }
  int n = 0;
  if (p->nodes[e->from]->kind == NK_DECISION && fabs(e->pts[0].y - e->pts[1].y) < 0.01) m[n++] = FLIP_BOTTOM;
  if (p->nodes[e->from]->lane != p->nodes[e->to]->lane && e->npts >= 4) m[n++] = FLIP_LANE_U, m[n++] = FLIP_LANE_V;
  return n;
}

/* Each such choice in turn is made otherwise and kept when the drawing
 * costs less and takes no more pages. */
#define IMPROVE_UP_TO 150 /* nodes, and edges: each try costs a layout and a count of crossings */
#define MAX_TRIES 40
/* Edges in the order their choices are tried: those whose lines cross
 * another first. */
static int *try_order(Ctx *c, const Scene *s) {
  int n = s->nedges, *ord = NEW(c, int, n + 1), k = 0;
  char *hot = NEW(c, char, n + 1);
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      if (crossing(s, i, j)) hot[i] = hot[j] = 1;
  for (int pass = 1; pass >= 0; pass--)
    for (int i = 0; i < n; i++)
      if (hot[i] == pass) ord[k++] = i;
  return ord;
}

static Scene *improve(Trials *t, Variant v, Scene *s) {
  const Process *p = t->p;
  unsigned char *flip = NEW(t->c, unsigned char, p->nedges + 1), m[3];
  double best = cost(s);
  int pages = chart_pages(&t->best, s), tries = 0, *ord = try_order(t->c, s);
  for (int q = 0; q < p->nedges && tries < MAX_TRIES && best >= 10; q++) {
    int i = ord[q];
    for (int k = 0, n = moves(p, s, i, m); k < n && tries < MAX_TRIES; k++, tries++) {
      flip[i] = m[k];
      Scene *u = try_layout(t, v, flip);
      double x = cost(u);
      if (x < best && chart_pages(&t->next, u) <= pages) { best = x, s = u, keep(t); break; }
      flip[i] = 0;
    }
  }
  return s;
}

/* Narrower text, or one step per lane and row, makes a chart narrower and
 * taller, more hand-offs make it shorter: of a few such variants, the one
 * that costs least, a page in the manual counting as three crossings (the
 * first that fits one page ends the search). */
#define PAGE_COST 30.0
static const Variant variants[] = {
  {1.0, 1.0, 0, 0}, {0.8, 1.0, 0, 0}, {0.62, 0.75, 0, 0}, {1.0, 1.35, 0, 0}, {1.35, 1.0, 0, 0},
  {1.8, 1.35, 0, 0}, {0.8, 0.75, 0, 0}, {0.62, 1.0, 0, 0},
  {1.0, 1.0, 1, 0}, {0.8, 1.0, 1, 0}, {0.62, 0.75, 1, 0}, {1.0, 1.35, 1, 0}, {1.35, 1.0, 1, 0},
  {1.8, 1.35, 1, 0}, {0.8, 0.75, 1, 0}, {0.62, 1.0, 1, 0},
  {1.0, 1.0, 0, 1}, {0.8, 0.75, 0, 1}, {0.62, 0.75, 0, 1},
  {1.0, 1.0, 1, 1}, {0.8, 0.75, 1, 1}, {0.62, 0.75, 1, 1},
};
#define VARIANTS ((int)(sizeof variants / sizeof *variants))
#define WRAP_TRIES_UP_TO 300 /* nodes; larger charts take many pages anyway */

Scene *layout(Ctx *c, const Process *p, Font *f, const char **err) {
  if (p->nnodes > LAYOUT_MAX_NODES || p->nedges > LAYOUT_MAX_EDGES) {
    *err = arena_printf(&c->arena, "process '%s' has %d nodes and %d edges; flowc draws at most %d nodes and %d edges in one chart: split it into sub-processes with 'call'",
                        p->id, p->nnodes, p->nedges, LAYOUT_MAX_NODES, LAYOUT_MAX_EDGES);
    return NULL;
  }
  WrapCache *wc = lay_wrap_cache(c);
  const ChartText *tx = chart_text(c, p);
  if (p->nnodes > WRAP_TRIES_UP_TO) return lay_out(c, wc, tx, p, f, variants[0], NULL);
  Trials t = {.c = c, .best = *c, .next = *c, .wc = wc, .tx = tx, .p = p, .f = f};
  arena_init(&t.best.arena);
  arena_init(&t.next.arena);
  Scene *best = NULL;
  Variant pick = variants[0];
  double best_cost = 0;
  /* a tangle of many edges costs much to count: the first few variants */
  for (int k = 0; k < (p->nedges <= WRAP_TRIES_UP_TO ? VARIANTS : 4); k++) {
    Variant v = variants[k];
    Scene *s = try_layout(&t, v, NULL);
    int pages = chart_pages(&t.next, s);
    double x = PAGE_COST * pages + cost(s);
    if (!best || x < best_cost) best = s, best_cost = x, pick = v, keep(&t);
    if (pages == 1) break;
  }
  if (p->nnodes <= IMPROVE_UP_TO && p->nedges <= IMPROVE_UP_TO) best = improve(&t, pick, best);
  arena_adopt(&c->arena, &t.best.arena);
  arena_free(&t.next.arena);
  return best;
}
