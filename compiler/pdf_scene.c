/* pdf_scene.c — drawing a Scene and the flowchart symbols (ISO 5807 /
 * GB/T 1526) as PDF vectors. */
#include <math.h>
#include "pdf.h"

#define KAPPA 0.5522847498 /* Bézier control distance of a quarter circle */

/* A quarter ellipse from the current point (x0,y0) to (x1,y1), bulging
 * towards the corner (cx,cy). */
static void quarter(Pdf *p, double x0, double y0, double cx, double cy, double x1, double y1) {
  pdf_curve(p, x0 + (cx - x0) * KAPPA, y0 + (cy - y0) * KAPPA, x1 + (cx - x1) * KAPPA,
            y1 + (cy - y1) * KAPPA, x1, y1);
}

static void polygon(Pdf *p, const double *xy, int n) {
  pdf_move(p, xy[0], xy[1]);
  for (int i = 1; i < n; i++) pdf_lineto(p, xy[2 * i], xy[2 * i + 1]);
  pdf_closepath(p);
}

/* The outline of shape k in r, filled with the current fill colour and
 * stroked. */
void pdf_shape(Pdf *p, ShapeKind k, Rect r) {
  double x = r.x, y = r.y, w = r.w, h = r.h;
  switch (k) {
  case SH_TERMINATOR: {
    double rad = fmin(h / 2, w / 2);
    pdf_move(p, x + rad, y);
    pdf_lineto(p, x + w - rad, y);
    quarter(p, x + w - rad, y, x + w, y, x + w, y + h / 2);
    quarter(p, x + w, y + h / 2, x + w, y + h, x + w - rad, y + h);
    pdf_lineto(p, x + rad, y + h);
    quarter(p, x + rad, y + h, x, y + h, x, y + h / 2);
    quarter(p, x, y + h / 2, x, y, x + rad, y);
    pdf_closepath(p);
    pdf_paint(p, PDF_BOTH);
    break;
  }
  case SH_DECISION: {
    double d[8] = {x + w / 2, y, x + w, y + h / 2, x + w / 2, y + h, x, y + h / 2};
    polygon(p, d, 4);
    pdf_paint(p, PDF_BOTH);
    break;
  }
  case SH_PREDEFINED: {
    double b = fmin(8, w * 0.08);
    pdf_rect(p, x, y, w, h, PDF_BOTH);
    pdf_segment(p, x + b, y, x + b, y + h);
    pdf_segment(p, x + w - b, y, x + w - b, y + h);
    break;
  }
  case SH_DOCUMENT: {
    double a = h * 0.1;
    pdf_move(p, x, y);
    pdf_lineto(p, x + w, y);
    pdf_lineto(p, x + w, y + h - a);
    pdf_curve(p, x + w * 0.75, y + h - 3 * a, x + w * 0.25, y + h + a, x, y + h - a);
    pdf_closepath(p);
    pdf_paint(p, PDF_BOTH);
    break;
  }
  case SH_DATA: {
    double s = fmin(h * 0.35, w * 0.15);
    double d[8] = {x + s, y, x + w, y, x + w - s, y + h, x, y + h};
    polygon(p, d, 4);
    pdf_paint(p, PDF_BOTH);
    break;
  }
  case SH_MANUAL: {
    double s = fmin(h * 0.3, w * 0.12);
    double d[8] = {x, y, x + w, y, x + w - s, y + h, x + s, y + h};
    polygon(p, d, 4);
    pdf_paint(p, PDF_BOTH);
    break;
  }
  case SH_STORE: {
    double ry = fmin(h * 0.15, 8), cx = x + w / 2;
    pdf_move(p, x, y + ry);
    pdf_lineto(p, x, y + h - ry);
    quarter(p, x, y + h - ry, x, y + h, cx, y + h);
    quarter(p, cx, y + h, x + w, y + h, x + w, y + h - ry);
    pdf_lineto(p, x + w, y + ry);
    quarter(p, x + w, y + ry, x + w, y, cx, y);
    quarter(p, cx, y, x, y, x, y + ry);
    pdf_closepath(p);
    pdf_paint(p, PDF_BOTH);
    /* the near rim of the top */
    pdf_move(p, x, y + ry);
    quarter(p, x, y + ry, x, y + 2 * ry, cx, y + 2 * ry);
    quarter(p, cx, y + 2 * ry, x + w, y + 2 * ry, x + w, y + ry);
    pdf_paint(p, PDF_STROKE);
    break;
  }
  case SH_DELAY: {
    double rad = fmin(h / 2, w / 2);
    pdf_move(p, x, y);
    pdf_lineto(p, x + w - rad, y);
    quarter(p, x + w - rad, y, x + w, y, x + w, y + h / 2);
    quarter(p, x + w, y + h / 2, x + w, y + h, x + w - rad, y + h);
    pdf_lineto(p, x, y + h);
    pdf_closepath(p);
    pdf_paint(p, PDF_BOTH);
    break;
  }
  case SH_BAR:
    pdf_fill_rgb(p, 0.1, 0.1, 0.1);
    pdf_rect(p, x, y, w, h, PDF_BOTH);
    break;
  case SH_PROCESS:
  default:
    pdf_rect(p, x, y, w, h, PDF_BOTH);
    break;
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
    Rect b = to_page(v, ph->box), h = to_page(v, ph->header);
    pdf_fill_rgb(p, i % 2 ? 0.97 : 1.0, i % 2 ? 0.97 : 1.0, i % 2 ? 0.97 : 1.0);
    pdf_rect(p, b.x, b.y, b.w, b.h, PDF_BOTH);
    pdf_fill_rgb(p, 0.90, 0.92, 0.95);
    pdf_rect(p, h.x, h.y, h.w, h.h, PDF_BOTH);
  }
  for (int i = 0; i < s->nlanes; i++) {
    const SceneLane *l = &s->lanes[i];
    Rect b = to_page(v, l->box), h = to_page(v, l->header);
    pdf_rect(p, b.x, b.y, b.w, b.h, PDF_STROKE);
    pdf_fill_rgb(p, 0.86, 0.89, 0.94);
    pdf_rect(p, h.x, h.y, h.w, h.h, PDF_BOTH);
  }
  pdf_text_rgb(p, 0, 0, 0);
  for (int i = 0; i < s->nphases; i++) runs(p, v, s->phases[i].title, s->phases[i].ntitle, clip);
  for (int i = 0; i < s->nlanes; i++) runs(p, v, s->lanes[i].title, s->lanes[i].ntitle, clip);
  /* edges, then nodes over their ends, then labels on top */
  pdf_line_width(p, lw);
  pdf_stroke_rgb(p, 0.15, 0.15, 0.15);
  pdf_fill_rgb(p, 0.15, 0.15, 0.15);
  for (int i = 0; i < s->nedges; i++) {
    const SceneEdge *e = &s->edges[i];
    if (e->npts < 2) continue;
    pdf_dash(p, e->back ? 4 * scale + 1 : 0, 2 * scale + 1);
    pdf_move(p, PX(v, e->pts[0].x), PY(v, e->pts[0].y));
    for (int k = 1; k < e->npts; k++) pdf_lineto(p, PX(v, e->pts[k].x), PY(v, e->pts[k].y));
    pdf_paint(p, PDF_STROKE);
    pdf_dash(p, 0, 0);
    pdf_move(p, PX(v, e->head[0].x), PY(v, e->head[0].y));
    pdf_lineto(p, PX(v, e->head[1].x), PY(v, e->head[1].y));
    pdf_lineto(p, PX(v, e->head[2].x), PY(v, e->head[2].y));
    pdf_closepath(p);
    pdf_paint(p, PDF_BOTH);
  }
  for (int i = 0; i < s->nnodes; i++) {
    const SceneNode *n = &s->nodes[i];
    if (!meets(n->box, clip)) continue;
    Rect b = to_page(v, n->box);
    pdf_stroke_rgb(p, 0.1, 0.1, 0.1);
    if (n->shape == SH_DECISION) pdf_fill_rgb(p, 1.0, 0.97, 0.88);
    else if (n->shape == SH_TERMINATOR) pdf_fill_rgb(p, 0.90, 0.96, 0.90);
    else if (n->shape == SH_PREDEFINED) pdf_fill_rgb(p, 0.90, 0.94, 1.0);
    else pdf_fill_rgb(p, 1, 1, 1);
    pdf_shape(p, n->shape, b);
    if (n->link && page_of) {
      int pg = page_of(ud, n->link);
      if (pg >= 0) pdf_link(p, b.x, b.y, b.w, b.h, pg, 0);
    }
    pdf_text_rgb(p, n->link ? 0.0 : 0, n->link ? 0.2 : 0, n->link ? 0.6 : 0);
    runs(p, v, n->lines, n->nlines, clip);
    pdf_text_rgb(p, 0, 0, 0);
  }
  for (int i = 0; i < s->nedges; i++) {
    const SceneEdge *e = &s->edges[i];
    if (!e->nlabel) continue;
    Rect b = to_page(v, e->label_box);
    pdf_fill_rgb(p, 1, 1, 1);
    if (b.w > 0 && b.h > 0 && meets(e->label_box, clip)) pdf_rect(p, b.x, b.y, b.w, b.h, PDF_FILL);
    runs(p, v, e->label, e->nlabel, clip);
  }
  pdf_restore_state(p);
  pdf_fill_rgb(p, 0, 0, 0);
  pdf_stroke_rgb(p, 0, 0, 0);
  pdf_line_width(p, 1);
}
