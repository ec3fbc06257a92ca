/* manual_chart.c — a process's flowchart fitted to the page: below the ID
 * card when it fits, else on a page of its own (landscape when wider than
 * tall); when fitting would need text smaller than 7 pt, split into parts
 * at gaps between nodes, with numbered off-page connectors where edges
 * cross a cut and the lane headers repeated on each part. */
#include <math.h>
#include <string.h>
#include "manual_int.h"

#define MIN_TEXT 7.0
#define MARK_H 16.0   /* room for a continuation line */
#define HEAD 26.0     /* room for the heading */
#define MIN_FIRST 250.0 /* least room for the first part below the ID card */

static double min_text(const Scene *s) {
  double t = 1e9;
  for (int i = 0; i < s->nnodes; i++)
    for (int k = 0; k < s->nodes[i].nlines; k++) t = fmin(t, s->nodes[i].lines[k].size);
  for (int i = 0; i < s->nedges; i++)
    for (int k = 0; k < s->edges[i].nlabel; k++) t = fmin(t, s->edges[i].label[k].size);
  for (int i = 0; i < s->nlanes; i++)
    for (int k = 0; k < s->lanes[i].ntitle; k++) t = fmin(t, s->lanes[i].title[k].size);
  return t < 1e9 && t > 0 ? t : 10;
}

/* Bottom of the lane header band, 0 without lanes. */
static double header_band(const Scene *s) {
  double b = 0;
  for (int i = 0; i < s->nlanes; i++) b = fmax(b, s->lanes[i].header.y + s->lanes[i].header.h);
  return b;
}

/* Where to end a part that starts at a, aiming at t and reaching at
 * most b: the gap between nodes nearest t in the upper part of (a, b],
 * else t. Along x when horiz. */
static double cut_near(const Scene *s, double a, double t, double b, int horiz) {
  double best = t, dist = 1e18;
  for (int i = 0; i < s->nnodes + s->nlanes; i++) {
    double c;
    if (i < s->nnodes) {
      Rect r = s->nodes[i].box;
      c = (horiz ? r.x : r.y) - 6;
    } else {
      Rect r = s->lanes[i - s->nnodes].box;
      if (!horiz) continue;
      c = r.x;
    }
    if (c <= a + (t - a) * 0.4 || c > b || fabs(c - t) >= dist) continue;
    int clear = 1;
    for (int k = 0; k < s->nnodes && clear; k++) {
      Rect r = s->nodes[k].box;
      double lo = horiz ? r.x : r.y, hi = lo + (horiz ? r.w : r.h);
      if (c > lo - 2 && c < hi + 2) clear = 0;
    }
    if (clear) {
      best = c;
      dist = fabs(c - t);
    }
  }
  return best;
}

/* The next cut from a: parts left to fill (counting this one) share what
 * remains equally, none beyond room; the last part may also take the
 * room `spare` its continuation marks would have used. */
static double next_cut(const Scene *s, double a, double room, double rest_room, double spare,
                       int horiz) {
  double len = horiz ? s->width : s->height;
  if (a + room + spare >= len) return len;
  int parts = 1 + (int)ceil((len - a - room) / rest_room - 0.01);
  double t = fmin(a + room, a + (len - a) / parts);
  double c = cut_near(s, a, t, a + room, horiz);
  return c <= a + 1 ? fmin(len, a + room) : c;
}

/* An off-page connector: a small circle with a number. */
static void connector(Manual *m, double x, double y, int n) {
  Pdf *p = m->p;
  const char *t = arena_printf(&m->c->arena, "%d", n);
  double r = 6.5;
  pdf_fill_rgb(p, 1, 1, 1);
  pdf_stroke_rgb(p, 0.7, 0.1, 0.1);
  pdf_line_width(p, 0.8);
  pdf_move(p, x - r, y - r);
  pdf_lineto(p, x + r, y - r);
  pdf_lineto(p, x + r, y + r * 0.4);
  pdf_lineto(p, x, y + r * 1.4);
  pdf_lineto(p, x - r, y + r * 0.4);
  pdf_closepath(p);
  pdf_paint(p, PDF_BOTH);
  pdf_text_rgb(p, 0.7, 0.1, 0.1);
  pdf_text(p, x, y + 2.5, 7, t, 1);
  pdf_text_rgb(p, 0, 0, 0);
  pdf_fill_rgb(p, 0, 0, 0);
  pdf_stroke_rgb(p, 0, 0, 0);
}

/* The edge segments crossing the horizontal cut c, numbered from base in
 * edge order over the whole width; draws the connectors of those between
 * x0 and x1 at page height py (nothing when draw is 0). Returns the next
 * free number. */
static int crossings(Manual *m, const Scene *s, double c, double ox, double sc, double x0,
                     double x1, double py, int base, int draw) {
  int n = base;
  for (int i = 0; i < s->nedges; i++) {
    const SceneEdge *e = &s->edges[i];
    for (int k = 0; k + 1 < e->npts; k++) {
      Pt a = e->pts[k], b = e->pts[k + 1];
      if ((a.y - c) * (b.y - c) >= 0) continue;
      double x = a.x + (b.x - a.x) * (c - a.y) / (b.y - a.y);
      if (draw && x >= x0 && x <= x1) connector(m, ox + (x - x0) * sc, py, n);
      n++;
    }
  }
  return n;
}

static int page_of(void *ud, const char *id) {
  Manual *m = ud;
  for (int i = 0; i < m->prog->nprocs; i++)
    if (!strcmp(m->prog->procs[i]->id, id)) return m_proc_page(m, i);
  return -1;
}

/* Where the chart goes: 0 below what is on this page, 1 on a page of its
 * own, 2 split starting on this page, 3 split starting on a new page;
 * *land says whether that new page is landscape. */
static int place(const Manual *m, const Scene *s, int *land) {
  double smin = MIN_TEXT / min_text(s), extra = HEAD + 8;
  double aw = m_width(m), ah = m_bottom(m) - m->y - extra;
  *land = 0;
  if (fmin(1.0, fmin(aw / s->width, ah / s->height)) >= smin) return 0;
  /* a page of its own: the orientation that shows it larger, or when it
   * must be split, the one that needs fewer pages */
  double awp = PAGE_W - 2 * MARGIN, ahp = PAGE_H - BODY_BOTTOM_GAP - BODY_TOP - extra;
  double awl = PAGE_H - 2 * MARGIN, ahl = PAGE_W - BODY_BOTTOM_GAP - BODY_TOP - extra;
  double fp = fmin(1.0, fmin(awp / s->width, ahp / s->height));
  double fl = fmin(1.0, fmin(awl / s->width, ahl / s->height));
  if (fmax(fp, fl) >= smin) {
    *land = fl > fp;
    return 1;
  }
  double sp = fmax(smin, fmin(1.0, awp / s->width)), sl = fmax(smin, fmin(1.0, awl / s->width));
  double cp = ceil(s->width * sp / awp - 0.01), cl = ceil(s->width * sl / awl - 0.01);
  double tp = cp * ceil(s->height * sp / (ahp - 3 * MARK_H));
  double tl = cl * ceil(s->height * sl / (ahl - 3 * MARK_H));
  *land = tl < tp || (tl == tp && cl <= cp);
  /* split anyway: start below what is here when a good part fits */
  return !*land && !m->landscape && ah > MIN_FIRST ? 2 : 3;
}

int m_chart_apart(const Manual *m, int idx) {
  int land;
  const Scene *s = m->pi[idx].scene;
  return s && (place(m, s, &land) & 1);
}

void m_chart(Manual *m, int idx) {
  const ProcInfo *pi = &m->pi[idx];
  const Scene *s = pi->scene;
  if (!s) {
    m_heading(m, 1, "流程图", 1);
    m_para(m, arena_printf(&m->c->arena, "（本流程的流程图无法排版：%s）", pi->why), SZ_BODY);
    return;
  }
  double smin = MIN_TEXT / min_text(s);
  int land, where = place(m, s, &land);
  if (where & 1) m_new_page(m, land);
  double aw = m_width(m), ah = m_bottom(m) - m->y - HEAD - 8;
  double sc = where == 0 || where == 1 ? fmin(1.0, fmin(aw / s->width, ah / s->height)) : 0;
  m_heading(m, 1, "流程图", 1);
  if (sc >= smin) {
    double x = MARGIN + (aw - s->width * sc) / 2;
    pdf_scene(m->p, s, x, m->y, sc, (Rect){0, 0, s->width, s->height}, page_of, m);
    m->y += s->height * sc + 12;
    if (m->landscape) m->y = m_bottom(m) + 1; /* what follows goes on a portrait page */
    return;
  }
  /* split: the scale that fills the width, but no text under 7 pt */
  sc = fmax(smin, fmin(1.0, aw / s->width));
  double band = header_band(s), yfirst = m->y;
  double later = (m_bottom(m) - BODY_TOP - 2 - 4 * MARK_H) / sc - band; /* room of parts 2.. */
  int nparts = 0, conn = 1, base = 1;
  for (int pass = 0; pass < 2; pass++) { /* count the parts, then draw them */
    double y0 = 0;
    int part = 0;
    while (y0 < s->height - 0.5) {
      double room = part ? later : (m_bottom(m) - yfirst - 3 * MARK_H) / sc;
      double y1 = next_cut(s, y0, room, later, 2 * MARK_H / sc, 0);
      if (pass) {
        if (part) m_new_page(m, m->landscape);
        const char *cap = arena_printf(&m->c->arena, "%s流程图第 %d / %d 部分", part ? "▲ 接上页　" : "",
                                       part + 1, nparts);
        double x0 = 0;
        int next = conn;
        while (x0 < s->width - 0.5) {
          double x1 = next_cut(s, x0, aw / sc, aw / sc, 0, 1);
          double ox = MARGIN + (aw - (x1 - x0) * sc) / 2;
          if (x0 > 0) m_new_page(m, m->landscape); /* a further column of this part */
          pdf_text_rgb(m->p, 0.3, 0.3, 0.3);
          pdf_text(m->p, MARGIN, m->y + 10, 8.5, x0 > 0 ? arena_printf(&m->c->arena, "%s（续右侧）", cap) : cap, 0);
          pdf_text_rgb(m->p, 0, 0, 0);
          double y = m->y + MARK_H;
          if (part && band > 0) { /* the lane headers again, then the connectors from above */
            pdf_scene(m->p, s, ox - x0 * sc, y, sc, (Rect){x0, 0, x1 - x0, band}, page_of, m);
            y += band * sc;
          }
          if (part) y += MARK_H; /* the row of connectors from the part above */
          pdf_scene(m->p, s, ox - x0 * sc, y - y0 * sc, sc, (Rect){x0, y0, x1 - x0, y1 - y0},
                    page_of, m);
          if (part) crossings(m, s, y0, ox, sc, x0, x1, y - MARK_H / 2, base, 1);
          double yb = y + (y1 - y0) * sc;
          if (y1 < s->height) {
            next = crossings(m, s, y1, ox, sc, x0, x1, yb + MARK_H / 2, conn, 1);
            pdf_text_rgb(m->p, 0.3, 0.3, 0.3);
            pdf_text(m->p, MARGIN + aw, yb + MARK_H + 10, 8.5, "接下页 ▼", 2);
            pdf_text_rgb(m->p, 0, 0, 0);
          }
          m->y = yb + 2 * MARK_H;
          x0 = x1;
        }
        base = conn;
        conn = next;
      }
      part++;
      y0 = y1;
    }
    nparts = part;
  }
  m->y = m_bottom(m) + 1;
}
