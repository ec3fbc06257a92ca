/* pdf_table.c — tables with wrapped cells that break across pages and
 * repeat their header row. */
#include "pdf.h"

#define PAD 3.0

typedef struct Cells {
  const char **lines[32];
  int n[32];
  int max;
} Cells;

/* Wraps the cells of one row (or one spanning cell). */
static void wrap_row(Pdf *p, const PdfTable *t, const char *const *cells, int span, Cells *out) {
  Ctx *c = pdf_ctx(p);
  out->max = 1;
  int nc = span ? 1 : t->ncols;
  double full = 0;
  for (int k = 0; k < t->ncols; k++) full += t->widths[k];
  for (int k = 0; k < nc && k < 32; k++) {
    const char *s = cells[k] ? cells[k] : "";
    double w = (span ? full : t->widths[k]) - 2 * PAD;
    out->n[k] = font_wrap(c, pdf_font(p), s, t->size, w, &out->lines[k], NULL);
    if (out->n[k] > out->max) out->max = out->n[k];
  }
}

/* Draws lines [from, to) of each cell in a band starting at y. */
static void draw_band(Pdf *p, const PdfTable *t, const Cells *cl, int span, int from, int to,
                      double y, double h, int shade) {
  double lh = pdf_line_h(p, t->size), asc = pdf_ascent(p, t->size);
  double x = t->x, full = 0;
  for (int k = 0; k < t->ncols; k++) full += t->widths[k];
  pdf_line_width(p, 0.5);
  pdf_stroke_rgb(p, 0.45, 0.45, 0.45);
  if (shade) {
    pdf_fill_rgb(p, shade == 2 ? 0.84 : 0.93, shade == 2 ? 0.87 : 0.95, shade == 2 ? 0.92 : 0.97);
    pdf_rect(p, x, y, full, h, PDF_FILL);
  }
  int nc = span ? 1 : t->ncols;
  for (int k = 0; k < nc && k < 32; k++) {
    double w = span ? full : t->widths[k];
    pdf_rect(p, x, y, w, h, PDF_STROKE);
    for (int i = from; i < to && i < cl->n[k]; i++)
      pdf_text(p, x + PAD, y + PAD + asc + lh * (i - from), t->size, cl->lines[k][i], 0);
    x += w;
  }
  pdf_fill_rgb(p, 0, 0, 0);
  pdf_stroke_rgb(p, 0, 0, 0);
}

static double header(Pdf *p, const PdfTable *t, double y) {
  Cells cl;
  wrap_row(p, t, t->head, 0, &cl);
  double h = cl.max * pdf_line_h(p, t->size) + 2 * PAD;
  draw_band(p, t, &cl, 0, 0, cl.max, y, h, 2);
  return y + h;
}

/* The height of row r, or of two of its lines when it is taller than a
 * page (such a row is split between pages anyway). */
static double row_h(Pdf *p, const PdfTable *t, const char *const *cells, int r,
                    const unsigned char *kind) {
  Cells cl;
  wrap_row(p, t, cells + (size_t)r * (size_t)t->ncols, kind && kind[r] >= 1, &cl);
  double lh = pdf_line_h(p, t->size), h = cl.max * lh + 2 * PAD;
  return h <= t->bottom - t->top - 2 * lh - 4 * PAD ? h : 2 * lh + 2 * PAD;
}

/* What row r keeps on its page: itself, and a group heading its next row. */
static double keep_h(Pdf *p, const PdfTable *t, const char *const *cells, int nrows, int r,
                     const unsigned char *kind) {
  double h = row_h(p, t, cells, r, kind);
  if (kind && kind[r] == 1 && r + 1 < nrows) h += row_h(p, t, cells, r + 1, kind);
  return h;
}

static double head_h(Pdf *p, const PdfTable *t) {
  if (!t->head) return 0;
  Cells cl;
  wrap_row(p, t, t->head, 0, &cl);
  return cl.max * pdf_line_h(p, t->size) + 2 * PAD;
}

double pdf_table_lead(Pdf *p, const PdfTable *t, const char *const *cells, int nrows,
                      const unsigned char *kind) {
  return head_h(p, t) + (nrows > 0 ? keep_h(p, t, cells, nrows, 0, kind) : 0);
}

double pdf_table_height(Pdf *p, const PdfTable *t, const char *const *cells, int nrows,
                        const unsigned char *kind) {
  double lh = pdf_line_h(p, t->size), h = head_h(p, t);
  for (int r = 0; r < nrows; r++) {
    Cells cl;
    wrap_row(p, t, cells + (size_t)r * (size_t)t->ncols, kind && kind[r] >= 1, &cl);
    h += cl.max * lh + 2 * PAD;
  }
  return h;
}

double pdf_table(Pdf *p, const PdfTable *t, double y, const char *const *cells, int nrows,
                 const unsigned char *kind, const int *link) {
  double lh = pdf_line_h(p, t->size);
  double full = 0;
  for (int k = 0; k < t->ncols; k++) full += t->widths[k];
  /* the header comes with the first row */
  if (y + pdf_table_lead(p, t, cells, nrows, kind) > t->bottom) y = t->new_page(t->ud);
  if (t->head) y = header(p, t, y);
  double top = y; /* just below the header on the current page */
  for (int r = 0; r < nrows; r++) {
    int span = kind && kind[r] >= 1;
    Cells cl;
    wrap_row(p, t, cells + (size_t)r * (size_t)t->ncols, span, &cl);
    double keep = kind && kind[r] == 1 ? keep_h(p, t, cells, nrows, r, kind) : cl.max * lh + 2 * PAD;
    if (r == nrows - 1 && keep + t->after <= t->bottom - t->top) keep += t->after;
    int from = 0;
    while (from < cl.max) {
      int rest = cl.max - from;
      double room = t->bottom - y - 2 * PAD;
      int fit = room > 0 ? (int)(room / lh) : 0;
      double page_room = t->bottom - top - 2 * PAD;
      /* move to a new page rather than split a row that fits on one */
      if ((fit < rest && (rest * lh <= page_room || fit < 2) && y > top) ||
          (from == 0 && y + keep > t->bottom && y > top)) {
        y = t->new_page(t->ud);
        if (t->head) y = header(p, t, y);
        top = y;
        continue;
      }
      int n = fit < rest ? fit : rest;
      if (n < 1) n = 1;
      double h = n * lh + 2 * PAD;
      draw_band(p, t, &cl, span, from, from + n, y, h, kind && kind[r] == 1);
      if (link && link[r] >= 0) pdf_link(p, t->x, y, full, h, link[r], 0);
      from += n;
      y += h;
    }
  }
  return y;
}
