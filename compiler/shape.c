/* shape.c — symbol outlines (see shape.h). Elliptic arcs are drawn as
 * cubic curves, one per quarter. */
#include "shape.h"
#include <math.h>

#define KAPPA 0.5522847498 /* control distance of a quarter circle, per radius */

static void seg(ShapePath *s, SegOp op, double x0, double y0, double x1, double y1, double x2, double y2) {
  if (s->n >= (int)(sizeof s->seg / sizeof *s->seg)) return;
  s->seg[s->n++] = (ShapeSeg){op, {{x0, y0}, {x1, y1}, {x2, y2}}};
}

static void move(ShapePath *s, double x, double y) { seg(s, SEG_MOVE, x, y, 0, 0, 0, 0); }
static void line(ShapePath *s, double x, double y) { seg(s, SEG_LINE, x, y, 0, 0, 0, 0); }
static void close_path(ShapePath *s) { seg(s, SEG_CLOSE, 0, 0, 0, 0, 0, 0); }

/* A quarter of the ellipse (cx, cy, rx, ry) from angle a (a multiple of
 * 90 degrees, y down) to a + 90 degrees * dir; the pen is at its start. */
static void quarter(ShapePath *s, double cx, double cy, double rx, double ry, int a, int dir) {
  static const int cs[4][2] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}}; /* 0, 90, 180, 270 */
  int b = ((a + dir) % 4 + 4) % 4;
  double x0 = cx + rx * cs[a][0], y0 = cy + ry * cs[a][1];
  double x3 = cx + rx * cs[b][0], y3 = cy + ry * cs[b][1];
  /* tangents: at angle t the direction is (-sin t, cos t) times dir */
  double tx0 = -cs[a][1] * dir * rx * KAPPA, ty0 = cs[a][0] * dir * ry * KAPPA;
  double tx3 = -cs[b][1] * dir * rx * KAPPA, ty3 = cs[b][0] * dir * ry * KAPPA;
  seg(s, SEG_CURVE, x0 + tx0, y0 + ty0, x3 - tx3, y3 - ty3, x3, y3);
}

static void rect(ShapePath *s, Rect b) {
  move(s, b.x, b.y);
  line(s, b.x + b.w, b.y);
  line(s, b.x + b.w, b.y + b.h);
  line(s, b.x, b.y + b.h);
  close_path(s);
}

void shape_path(ShapeKind k, Rect b, ShapePath *s) {
  s->n = 0;
  double x = b.x, y = b.y, w = b.w, h = b.h;
  switch (k) {
  case SH_TERMINATOR: { /* stadium */
    double ry = h / 2, rx = fmin(ry, w / 2);
    move(s, x + rx, y);
    line(s, x + w - rx, y);
    quarter(s, x + w - rx, y + ry, rx, ry, 3, 1);
    quarter(s, x + w - rx, y + ry, rx, ry, 0, 1);
    line(s, x + rx, y + h);
    quarter(s, x + rx, y + ry, rx, ry, 1, 1);
    quarter(s, x + rx, y + ry, rx, ry, 2, 1);
    close_path(s);
    break;
  }
  case SH_DECISION:
    move(s, x + w / 2, y);
    line(s, x + w, y + h / 2);
    line(s, x + w / 2, y + h);
    line(s, x, y + h / 2);
    close_path(s);
    break;
  case SH_DOCUMENT: { /* the bottom is one S-shaped curve inside the box */
    double d = fmin(h * 0.08, 5), yb = y + h - d, c = d / 0.2887;
    move(s, x, y);
    line(s, x + w, y);
    line(s, x + w, yb);
    seg(s, SEG_CURVE, x + w / 2, yb - c, x + w / 2, yb + c, x, yb);
    close_path(s);
    break;
  }
  case SH_DATA: { /* parallelogram leaning right */
    double sk = fmin(12, w / 4);
    move(s, x + sk, y);
    line(s, x + w, y);
    line(s, x + w - sk, y + h);
    line(s, x, y + h);
    close_path(s);
    break;
  }
  case SH_STORE: { /* cylinder */
    double rx = w / 2, ry = fmin(h * 0.15, 8), cx = x + rx;
    move(s, x, y + ry);
    quarter(s, cx, y + ry, rx, ry, 2, 1);
    quarter(s, cx, y + ry, rx, ry, 3, 1);
    line(s, x + w, y + h - ry);
    quarter(s, cx, y + h - ry, rx, ry, 0, 1);
    quarter(s, cx, y + h - ry, rx, ry, 1, 1);
    close_path(s);
    break;
  }
  case SH_MANUAL: { /* trapezoid, wide side on top */
    double sk = fmin(12, w / 5);
    move(s, x, y);
    line(s, x + w, y);
    line(s, x + w - sk, y + h);
    line(s, x + sk, y + h);
    close_path(s);
    break;
  }
  case SH_DELAY: { /* D: flat left, half ellipse on the right */
    double ry = h / 2, rx = fmin(ry, w);
    move(s, x, y);
    line(s, x + w - rx, y);
    quarter(s, x + w - rx, y + ry, rx, ry, 3, 1);
    quarter(s, x + w - rx, y + ry, rx, ry, 0, 1);
    line(s, x, y + h);
    close_path(s);
    break;
  }
  case SH_CLOCK: { /* the dial */
    double r = w / 2;
    move(s, x + w, y + r);
    for (int q = 0; q < 4; q++) quarter(s, x + r, y + r, r, r, q, 1);
    close_path(s);
    break;
  }
  default: /* process, predefined, bar */
    rect(s, b);
    break;
  }
  s->outline = s->n;
  if (k == SH_PREDEFINED) { /* a bar inside each side */
    double in = fmin(6, w / 4);
    move(s, x + in, y);
    line(s, x + in, y + h);
    move(s, x + w - in, y);
    line(s, x + w - in, y + h);
  } else if (k == SH_CLOCK) { /* the hands: to twelve and to three */
    move(s, x + w / 2, y + h * 0.2);
    line(s, x + w / 2, y + h / 2);
    line(s, x + w * 0.75, y + h / 2);
  } else if (k == SH_STORE) { /* the front of the top ellipse */
    double rx = w / 2, ry = fmin(h * 0.15, 8);
    move(s, x + w, y + ry);
    quarter(s, x + rx, y + ry, rx, ry, 0, 1);
    quarter(s, x + rx, y + ry, rx, ry, 1, 1);
  }
}
