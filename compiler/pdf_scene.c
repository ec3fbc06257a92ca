/* pdf_scene.c — drawing a Scene and the flowchart symbols (ISO 5807 /
 * GB/T 1526) as PDF vectors. */
#include <math.h>
#include "pdf.h"
#include "shape.h"

static void segments(Pdf *p, const ShapePath *sp, int from, int to) {
  for (int i = from; i < to; i++) {
    const Pt *q = sp->seg[i].p;
    switch (sp->seg[i].op) {
    case SEG_MOVE: pdf_move(p, q[0].x, q[0].y); break;
    case SEG_LINE: pdf_lineto(p, q[0].x, q[0].y); break;
    case SEG_CURVE: pdf_curve(p, q[0].x, q[0].y, q[1].x, q[1].y, q[2].x, q[2].y); break;
    case SEG_CLOSE: pdf_closepath(p); break;
    }
  }
}

/* The outline of shape k in r (shape.c, as in the SVG and PNG), filled
 * with the current fill colour (a bar: dark) and stroked; then its inner
 * lines. */
void pdf_shape(Pdf *p, ShapeKind k, Rect r) {
  ShapePath sp;
  shape_path(k, r, &sp);
  if (k == SH_BAR) pdf_fill_rgb(p, 0.1, 0.1, 0.1);
  segments(p, &sp, 0, sp.outline);
  pdf_paint(p, PDF_BOTH);
  if (sp.n > sp.outline) {
    segments(p, &sp, sp.outline, sp.n);
    pdf_paint(p, PDF_STROKE);
  }
}

/* Whether scene rectangle r meets the clip rectangle q. */
static int meets(Rect r, Rect q) {
  return r.x < q.x + q.w && q.x < r.x + r.w && r.y < q.y + q.h && q.y < r.y + r.h;
}

typedef struct View { double x, y, s; } View; /* scene → page */
#define PX(v, a) ((v).x + (a) * (v).s)
#define PY(v, a) ((v).y + (a) * (v).s)

static Rect to_page(View v, Rect r) {
  return (Rect){PX(v, r.x), PY(v, r.y), r.w * v.s, r.h * v.s};
}

static void runs(Pdf *p, View v, const TextRun *t, int n, Rect clip) {
  for (int i = 0; i < n; i++) {
    Rect r = {t[i].x, t[i].y - t[i].size, t[i].width, t[i].size * 1.3};
    if (meets(r, clip)) pdf_text(p, PX(v, t[i].x), PY(v, t[i].y), t[i].size * v.s, t[i].text, 0);
  }
}

/* The box around points q[0..n). */
static Rect bounds(const Pt *q, int n) {
  double x0 = q[0].x, y0 = q[0].y, x1 = x0, y1 = y0;
  for (int i = 1; i < n; i++) {
    x0 = fmin(x0, q[i].x);
    x1 = fmax(x1, q[i].x);
    y0 = fmin(y0, q[i].y);
    y1 = fmax(y1, q[i].y);
  }
  return (Rect){x0, y0, x1 - x0 + 0.01, y1 - y0 + 0.01};
}

static void dot(Pdf *p, View v, Pt c) {
  pdf_circle(p, PX(v, c.x), PY(v, c.y), JUNCTION_R * v.s);
  pdf_paint(p, PDF_FILL);
}

/* The segments, arrowhead and dots of e that meet near. */
static void edge(Pdf *p, View v, const SceneEdge *e, Rect near) {
  if (e->npts < 2) return;
  int open = 0;
  for (int k = 0; k + 1 < e->npts; k++) {
    if (!meets(bounds(e->pts + k, 2), near)) continue;
    if (!open && e->back) pdf_dash(p, 5 * v.s, 3 * v.s); /* as in the SVG and PNG */
    if (open != k + 1) pdf_move(p, PX(v, e->pts[k].x), PY(v, e->pts[k].y));
    pdf_lineto(p, PX(v, e->pts[k + 1].x), PY(v, e->pts[k + 1].y));
    open = k + 2;
  }
  if (open) pdf_paint(p, PDF_STROKE);
  if (open && e->back) pdf_dash(p, 0, 0);
  if (meets(bounds(e->head, 3), near)) {
    pdf_move(p, PX(v, e->head[0].x), PY(v, e->head[0].y));
    pdf_lineto(p, PX(v, e->head[1].x), PY(v, e->head[1].y));
    pdf_lineto(p, PX(v, e->head[2].x), PY(v, e->head[2].y));
    pdf_closepath(p);
    pdf_paint(p, PDF_BOTH);
  }
  for (int k = 0; k < e->ndots; k++)
    if (meets((Rect){e->dots[k].x - JUNCTION_R, e->dots[k].y - JUNCTION_R, 2 * JUNCTION_R, 2 * JUNCTION_R}, near))
      dot(p, v, e->dots[k]);
}

/* The "会同" tags: dashed grey outline, grey text. */
static void marks(Pdf *p, View v, const Scene *s, Rect clip) {
  pdf_stroke_rgb(p, 0.4, 0.4, 0.4);
  pdf_fill_rgb(p, 1, 1, 1);
  pdf_text_rgb(p, 0.25, 0.25, 0.25);
  pdf_dash(p, 3 * v.s, 2 * v.s);
  for (int i = 0; i < s->nmarks; i++) {
    if (!meets(s->marks[i].box, clip)) continue;
    Rect b = to_page(v, s->marks[i].box);
    pdf_rect(p, b.x, b.y, b.w, b.h, PDF_BOTH);
    runs(p, v, &s->marks[i].text, 1, clip);
  }
  pdf_dash(p, 0, 0);
  pdf_text_rgb(p, 0, 0, 0);
}

void pdf_scene(Pdf *p, const Scene *s, double x, double y, double scale, Rect clip,
               int (*page_of)(void *ud, const char *proc_id), void *ud) {
  View v = {x, y, scale};
  double lw = (s->stroke > 0 ? s->stroke : 1) * scale;
  Rect pc = to_page(v, clip);
  pdf_save_state(p);
  pdf_clip(p, pc.x, pc.y, pc.w, pc.h);
  pdf_line_width(p, lw * 0.6);
  pdf_stroke_rgb(p, 0.55, 0.55, 0.55);
  for (int i = 0; i < s->nphases; i++) {
    const ScenePhase *ph = &s->phases[i];
    if (!meets(ph->box, clip)) continue;
    Rect b = to_page(v, ph->box), h = to_page(v, ph->header);
    pdf_fill_rgb(p, i % 2 ? 0.97 : 1.0, i % 2 ? 0.97 : 1.0, i % 2 ? 0.97 : 1.0);
    pdf_rect(p, b.x, b.y, b.w, b.h, PDF_BOTH);
    pdf_fill_rgb(p, 0.90, 0.92, 0.95);
    pdf_rect(p, h.x, h.y, h.w, h.h, PDF_BOTH);
  }
  for (int i = 0; i < s->nlanes; i++) {
    const SceneLane *l = &s->lanes[i];
    if (!meets(l->box, clip)) continue;
    Rect b = to_page(v, l->box), h = to_page(v, l->header);
    pdf_rect(p, b.x, b.y, b.w, b.h, PDF_STROKE);
    pdf_fill_rgb(p, 0.86, 0.89, 0.94);
    pdf_rect(p, h.x, h.y, h.w, h.h, PDF_BOTH);
  }
  for (int i = 0; i < s->ngroups; i++) {
    const SceneGroup *g = &s->groups[i];
    if (!meets(g->header, clip)) continue;
    Rect h = to_page(v, g->header);
    pdf_fill_rgb(p, 0.80, 0.84, 0.91);
    pdf_rect(p, h.x, h.y, h.w, h.h, PDF_BOTH);
  }
  pdf_text_rgb(p, 0, 0, 0);
  for (int i = 0; i < s->nphases; i++) runs(p, v, s->phases[i].title, s->phases[i].ntitle, clip);
  for (int i = 0; i < s->nlanes; i++) runs(p, v, s->lanes[i].title, s->lanes[i].ntitle, clip);
  for (int i = 0; i < s->ngroups; i++) runs(p, v, s->groups[i].title, s->groups[i].ntitle, clip);
  /* edges, then nodes over their ends, then labels on top */
  pdf_line_width(p, lw);
  pdf_stroke_rgb(p, 0.15, 0.15, 0.15);
  pdf_fill_rgb(p, 0.15, 0.15, 0.15);
  Rect near = {clip.x - 4, clip.y - 4, clip.w + 8, clip.h + 8}; /* with line widths */
  for (int i = 0; i < s->nedges; i++) edge(p, v, &s->edges[i], near);
  for (int i = 0; i < s->nnodes; i++) {
    const SceneNode *n = &s->nodes[i];
    if (!meets(n->box, clip)) continue;
    Rect b = to_page(v, n->box);
    pdf_stroke_rgb(p, 0.1, 0.1, 0.1);
    if (n->shape == SH_DECISION) pdf_fill_rgb(p, 1.0, 0.97, 0.88);
    else if (n->shape == SH_TERMINATOR) pdf_fill_rgb(p, 0.90, 0.96, 0.90);
    else if (n->shape == SH_PREDEFINED) pdf_fill_rgb(p, 0.90, 0.94, 1.0);
    else pdf_fill_rgb(p, 1, 1, 1);
    if (n->conditional) pdf_dash(p, 6 * v.s, 3 * v.s); /* as in the SVG and PNG */
    pdf_shape(p, n->shape, b);
    if (n->conditional) pdf_dash(p, 0, 0);
    if (n->link && page_of) {
      int pg = page_of(ud, n->link);
      if (pg >= 0) pdf_link(p, b.x, b.y, b.w, b.h, pg, 0);
    }
    pdf_text_rgb(p, n->link ? 0.0 : 0, n->link ? 0.2 : 0, n->link ? 0.6 : 0);
    runs(p, v, n->lines, n->nlines, clip);
    pdf_text_rgb(p, 0, 0, 0);
  }
  for (int i = 0; i < s->nnodes; i++) { /* starts' captions, which stand beside them */
    const SceneNode *n = &s->nodes[i];
    if (!n->ncaption || !meets(n->label_box, clip)) continue;
    if (n->clock.w > 0) {
      pdf_fill_rgb(p, 1, 1, 1);
      pdf_shape(p, SH_CLOCK, to_page(v, n->clock));
    }
    runs(p, v, n->caption, n->ncaption, clip);
  }
  for (int i = 0; i < s->nedges; i++) {
    const SceneEdge *e = &s->edges[i];
    if (!e->nlabel || !meets(e->label_box, clip)) continue;
    Rect b = to_page(v, e->label_box);
    pdf_fill_rgb(p, 1, 1, 1);
    if (b.w > 0 && b.h > 0) pdf_rect(p, b.x, b.y, b.w, b.h, PDF_FILL);
    runs(p, v, e->label, e->nlabel, clip);
  }
  marks(p, v, s, clip);
  pdf_restore_state(p);
  pdf_fill_rgb(p, 0, 0, 0);
  pdf_stroke_rgb(p, 0, 0, 0);
  pdf_line_width(p, 1);
}
