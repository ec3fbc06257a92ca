/* manual_chart.c — a process's flowchart in the manual, drawn from its
 * plan (chart_pages.c): below the ID card when it fits, else on a page of
 * its own, else in parts, each with its caption, the lane headers again,
 * the names of its phases and the numbered connectors (ISO 5807) of the
 * edges its cuts cross. */
#include <math.h>
#include <string.h>
#include "chart_pages.h"
#include "manual_int.h"

#define MARK_H 16.0   /* room for a caption or a row of connectors */

static int page_of(void *ud, const char *id) {
  Manual *m = ud;
  for (int i = 0; i < m->prog->nprocs; i++)
    if (!strcmp(m->prog->procs[i]->id, id)) return m_proc_page(m, i);
  return -1;
}

/* The plan for the chart of s from the cursor on. */
static void plan(const Manual *m, const Scene *s, ChartPlan *pl) {
  ChartPage pg = chart_page_manual();
  pg.mark = MARK_H;
  pg.here = m_bottom(m) - m->y;
  pg.here_land = m->landscape;
  chart_plan(m->c, s, &pg, pl);
}

void m_chart_plan(const Manual *m, int idx, ChartPlan *pl) {
  const Scene *s = m->pi[idx].scene;
  memset(pl, 0, sizeof *pl);
  if (s) plan(m, s, pl);
}

/* A connector: a circle with its number, joined by a thin line to where
 * its edge meets the cut at (ex, ey). */
static void connector(Manual *m, double x, double y, double ex, double ey, int n) {
  Pdf *p = m->p;
  double r = chart_page_manual().conn_r;
  pdf_stroke_rgb(p, 0.7, 0.1, 0.1);
  pdf_line_width(p, 0.6);
  pdf_segment(p, ex, ey, x, y + (ey < y ? -r : r));
  pdf_fill_rgb(p, 1, 1, 1);
  pdf_line_width(p, 0.8);
  pdf_circle(p, x, y, r);
  pdf_paint(p, PDF_BOTH);
  pdf_text_rgb(p, 0.7, 0.1, 0.1);
  pdf_text(p, x, y + 2.5, n < 100 ? 7 : 6, arena_printf(&m->c->arena, "%d", n), 1);
  pdf_text_rgb(p, 0, 0, 0);
  pdf_fill_rgb(p, 0, 0, 0);
  pdf_stroke_rgb(p, 0, 0, 0);
}

/* Where a part goes on its page: scene (x0, y0) at page (ox, oy). */
typedef struct Part {
  int row, col;
  double x0, x1, y0, y1;   /* scene units */
  double ox, oy, sc;
} Part;

#define PX(pt, a) ((pt)->ox + ((a) - (pt)->x0) * (pt)->sc)
#define PY(pt, a) ((pt)->oy + ((a) - (pt)->y0) * (pt)->sc)

/* The connectors of cut ct in the part's column, at page height y; the
 * edges meet the cut at page height ey. */
static void connectors(Manual *m, const ChartCut *ct, const Part *pt, double y, double ey) {
  for (int i = 0; i < ct->nconn; i++) {
    const ChartConn *k = &ct->conn[i];
    if (k->col == pt->col) connector(m, PX(pt, k->at), y, PX(pt, k->x), ey, k->id);
  }
}

/* The names of the phases the part shows: where the name would be cut
 * off or lies outside the part, again in the middle of what shows of its
 * strip (from its top when too long, as far as it fits). */
static void phase_names(Manual *m, const Scene *s, const Part *pt) {
  pdf_save_state(m->p);
  pdf_clip(m->p, PX(pt, pt->x0), PY(pt, pt->y0), (pt->x1 - pt->x0) * pt->sc, (pt->y1 - pt->y0) * pt->sc);
  for (int i = 0; i < s->nphases; i++) {
    const ScenePhase *ph = &s->phases[i];
    double v0 = fmax(pt->y0, ph->header.y), v1 = fmin(pt->y1, ph->header.y + ph->header.h);
    if (!ph->ntitle || v1 - v0 < ph->title[0].size * 1.5 || ph->header.x + ph->header.w <= pt->x0 ||
        ph->header.x >= pt->x1)
      continue; /* no room for a character, or not in this column */
    double t0 = ph->title[0].y - ph->title[0].size, t1 = ph->title[ph->ntitle - 1].y + ph->title[0].size * 0.3;
    double dy = 0;
    if (t0 < v0 || t1 > v1) dy = t1 - t0 > v1 - v0 - 4 ? v0 + 2 - t0 : (v0 + v1) / 2 - (t0 + t1) / 2;
    for (int k = 0; k < ph->ntitle; k++) { /* the characters that fit whole */
      const TextRun *r = &ph->title[k];
      if (r->y + dy - r->size >= v0 - 0.5 && r->y + dy + r->size * 0.3 <= v1 + 0.5)
        pdf_text(m->p, PX(pt, r->x), PY(pt, r->y + dy), r->size * pt->sc, r->text, 0);
    }
  }
  pdf_restore_state(m->p);
}

/* The caption above a part. */
static void caption(Manual *m, const ChartPlan *pl, const Part *pt) {
  const char *cap = arena_printf(&m->c->arena, "%s流程图第 %d / %d 部分%s", pt->row ? "▲ 接上页　" : "",
                                 pt->row + 1, pl->nrows, pt->col ? "（续右侧）" : "");
  pdf_text_rgb(m->p, 0.3, 0.3, 0.3);
  pdf_text(m->p, MARGIN, m->y + 10, 8.5, cap, 0);
  pdf_text_rgb(m->p, 0, 0, 0);
}

/* One part of a split chart from the cursor on: caption, lane headers,
 * connectors from above, the rows, its phase names, connectors below. */
static void part(Manual *m, const Scene *s, const Scene *bare, const ChartPlan *pl, Part *pt) {
  double band = chart_header_band(s), sc = pl->scale, aw = m_width(m);
  caption(m, pl, pt);
  pt->sc = sc;
  pt->ox = MARGIN + (aw - (pt->x1 - pt->x0) * sc) / 2;
  double y = m->y + MARK_H;
  if (pt->row && band > 0) { /* the lane headers again */
    pdf_scene(m->p, bare, pt->ox - pt->x0 * sc, y, sc, (Rect){pt->x0, 0, pt->x1 - pt->x0, band}, page_of, m);
    y += band * sc;
  }
  if (pt->row) y += MARK_H; /* the row of connectors from the part above */
  pt->oy = y;
  pdf_scene(m->p, bare, pt->ox - pt->x0 * sc, y - pt->y0 * sc, sc,
            (Rect){pt->x0, pt->y0, pt->x1 - pt->x0, pt->y1 - pt->y0}, page_of, m);
  phase_names(m, s, pt);
  if (pt->row) connectors(m, &pl->cuts[pt->row - 1], pt, y - MARK_H / 2, y);
  double yb = PY(pt, pt->y1);
  if (pt->row + 1 < pl->nrows) {
    connectors(m, &pl->cuts[pt->row], pt, yb + MARK_H / 2, yb);
    pdf_text_rgb(m->p, 0.3, 0.3, 0.3);
    pdf_text(m->p, MARGIN + aw, yb + MARK_H + 10, 8.5, "接下页 ▼", 2);
    pdf_text_rgb(m->p, 0, 0, 0);
  }
  m->y = yb + 2 * MARK_H;
}

/* s without its phase names: the parts draw them where they show. */
static const Scene *bare_scene(Manual *m, const Scene *s) {
  Scene *b = arena_alloc(&m->c->arena, sizeof *b);
  *b = *s;
  b->phases = arena_alloc(&m->c->arena, sizeof(ScenePhase) * (size_t)(s->nphases + 1));
  for (int i = 0; i < s->nphases; i++) {
    b->phases[i] = s->phases[i];
    b->phases[i].ntitle = 0;
  }
  return b;
}

/* bare with each lane group's name centred on the part of its band
 * between x0 and x1, so that a column cut through a group shows its name
 * on both sides. */
static const Scene *column_scene(Manual *m, const Scene *bare, double x0, double x1) {
  if (!bare->ngroups) return bare;
  Scene *b = arena_alloc(&m->c->arena, sizeof *b);
  *b = *bare;
  b->groups = arena_alloc(&m->c->arena, sizeof(SceneGroup) * (size_t)bare->ngroups);
  for (int i = 0; i < bare->ngroups; i++) {
    SceneGroup *g = &b->groups[i];
    *g = bare->groups[i];
    double a = fmax(g->header.x, x0), z = fmin(g->header.x + g->header.w, x1);
    if (z <= a || !g->ntitle) continue;
    double dx = (a + z) / 2 - (g->header.x + g->header.w / 2);
    g->title = arena_alloc(&m->c->arena, sizeof(TextRun) * (size_t)g->ntitle);
    for (int k = 0; k < g->ntitle; k++) {
      g->title[k] = bare->groups[i].title[k];
      g->title[k].x += dx;
    }
  }
  return b;
}

static void split(Manual *m, const Scene *s, const ChartPlan *pl) {
  const Scene *bare = bare_scene(m, s);
  for (int r = 0; r < pl->nrows; r++)
    for (int k = 0; k < pl->ncols; k++) {
      if (pl->blank[r * pl->ncols + k]) continue;
      if (r || k) m_new_page(m, pl->landscape);
      Part pt = {r, k, pl->xs[k], pl->xs[k + 1], pl->ys[r], pl->ys[r + 1], 0, 0, 0};
      part(m, s, pl->ncols > 1 ? column_scene(m, bare, pt.x0, pt.x1) : bare, pl, &pt);
    }
  m->y = m_bottom(m) + 1;
}

void m_chart(Manual *m, int idx, const ChartPlan *planned) {
  const ProcInfo *pi = &m->pi[idx];
  const Scene *s = pi->scene;
  if (!s) {
    m_heading(m, 1, "流程图", 0);
    m_para(m, arena_printf(&m->c->arena, "（本流程的流程图无法排版：%s）", pi->why), SZ_BODY);
    return;
  }
  ChartPlan pl = *planned;
  if (pl.where == CHART_PAGE || pl.where == CHART_SPLIT_PAGE) m_new_page(m, pl.landscape);
  m_heading(m, 1, m->kind == MANUAL_CHART ? m_proc_name(m, m->cur) : "流程图", 0);
  if (pl.where == CHART_SPLIT_HERE || pl.where == CHART_SPLIT_PAGE) {
    split(m, s, &pl);
    return;
  }
  double sc = pl.scale, x = MARGIN + (m_width(m) - s->width * sc) / 2;
  pdf_scene(m->p, s, x, m->y, sc, (Rect){0, 0, s->width, s->height}, page_of, m);
  m->y += s->height * sc + 12;
  /* what follows goes on a portrait page; a chart alone keeps its notes */
  if (m->landscape && m->kind != MANUAL_CHART) m->y = m_bottom(m) + 1;
}

/* The footnotes of the marks after a chart drawn alone, one a line, as
 * under the SVG (in a manual they follow the procedure instead). */
static void chart_notes(Manual *m, const Scene *s) {
  if (!s || !s->nnotes) return;
  const char *text = s->notes[0].text;
  for (int k = 1; k < s->nnotes; k++) text = arena_printf(&m->c->arena, "%s\n%s", text, s->notes[k].text);
  m_para(m, text, SZ_BODY);
}

void m_chart_alone(Manual *m, int idx) {
  ChartPlan pl;
  m->y = m_bottom(m); /* no room: the chart starts its own pages */
  m_chart_plan(m, idx, &pl);
  if (!m->pi[idx].scene) m_new_page(m, 0);
  m_chart(m, idx, &pl);
  chart_notes(m, m->pi[idx].scene);
}
