/* pdf.h — a PDF document drawn with libharu, in points with the origin at
 * the top left of each page and y pointing down (as in a Scene).
 *
 * A document is made in two passes. The first, a dry Pdf (pdf_open with
 * measure NULL), draws nothing: it counts pages and collects every code
 * point of every text shown. The second (measure = the dry Pdf) embeds a
 * HarfBuzz subset of the font holding exactly those code points (libharu
 * 2.3 corrupts fonts of more than 32,767 glyphs, see DESIGN.md) and draws.
 * Links, bookmarks and page labels are recorded and written on save, so a
 * link may point at a page made later.
 *
 * libharu errors are sticky: the error handler keeps the first one, resets
 * the library and later calls do nothing; pdf_save reports it.
 * A Pdf lives in the Ctx arena except its libharu document, which
 * pdf_close frees. */
#ifndef FLOWC_PDF_H
#define FLOWC_PDF_H
#include "scene.h"
#include "text.h"

typedef struct Pdf Pdf;

/* measure NULL: a dry pass. Otherwise a real document whose font holds the
 * code points measure collected. NULL with *err set on failure. */
Pdf *pdf_open(Ctx *c, Font *f, const Pdf *measure, const char **err);
void pdf_close(Pdf *p);
int pdf_dry(const Pdf *p);

/* Starts page number pdf_pages() (from 0) of w × h points; it becomes the
 * current page. Returns its index. */
int pdf_page(Pdf *p, double w, double h);
int pdf_pages(const Pdf *p);
double pdf_page_w(const Pdf *p);
double pdf_page_h(const Pdf *p);

/* Text: one line, baseline at y; align 0 left of x, 1 centred on x,
 * 2 ending at x. Returns the width. */
double pdf_text(Pdf *p, double x, double y, double size, const char *s, int align);
double pdf_width(Pdf *p, const char *s, double size);
/* Wraps s to maxw (font_wrap: Chinese line-breaking rules) and draws the
 * lines from top y down (align as above, x its left/centre/right), or only
 * measures when draw is 0. Returns the height used. */
double pdf_para(Pdf *p, double x, double y, double maxw, double size,
                const char *s, int align, int draw);
double pdf_line_h(const Pdf *p, double size);
double pdf_ascent(const Pdf *p, double size);
Font *pdf_font(Pdf *p);
Ctx *pdf_ctx(Pdf *p);

/* Graphics state and paths. Colours are RGB in 0..1. */
enum { PDF_FILL = 1, PDF_STROKE = 2, PDF_BOTH = 3 };
void pdf_fill_rgb(Pdf *p, double r, double g, double b);
void pdf_stroke_rgb(Pdf *p, double r, double g, double b);
void pdf_text_rgb(Pdf *p, double r, double g, double b); /* black at first */
void pdf_line_width(Pdf *p, double w);
void pdf_dash(Pdf *p, double on, double off); /* on 0: solid */
void pdf_move(Pdf *p, double x, double y);
void pdf_lineto(Pdf *p, double x, double y);
void pdf_curve(Pdf *p, double x1, double y1, double x2, double y2, double x3, double y3);
void pdf_circle(Pdf *p, double cx, double cy, double r); /* a closed path: paint it */
void pdf_closepath(Pdf *p);
void pdf_paint(Pdf *p, int mode);
void pdf_rect(Pdf *p, double x, double y, double w, double h, int mode);
void pdf_segment(Pdf *p, double x1, double y1, double x2, double y2);
/* Save/restore the graphics state; clip to a rectangle until restored. */
void pdf_save_state(Pdf *p);
void pdf_restore_state(Pdf *p);
void pdf_clip(Pdf *p, double x, double y, double w, double h);

/* A link on the current page over the rectangle, to page `page` at
 * height y (its top); recorded now, written on save. */
void pdf_link(Pdf *p, double x, double y, double w, double h, int page, double top);
/* A bookmark under parent (-1: top level) to page at height top; open
 * says whether its children show. Returns its number for children. */
int pdf_outline(Pdf *p, int parent, const char *title, int page, double top, int open);
/* Page labels from page `page` on: style 'r' roman, 'D' decimal. */
void pdf_page_label(Pdf *p, int page, char style, int first);
void pdf_info(Pdf *p, const char *title, const char *author, const char *subject,
              const char *keywords);

/* Draws scene s with its point (0,0) at page point (x, y), scaled by
 * scale, showing only the part of the scene inside clip (scene units).
 * page_of maps a call node's link (a process ID) to a page, or -1. */
void pdf_scene(Pdf *p, const Scene *s, double x, double y, double scale, Rect clip,
               int (*page_of)(void *ud, const char *proc_id), void *ud);
/* Draws one node shape of kind k in box r (page units), for legends. */
void pdf_shape(Pdf *p, ShapeKind k, Rect r);

/* A table with wrapped cells. Rows that do not fit below `bottom` go to a
 * new page (new_page starts it and returns its top y) where the header row
 * (if head is not NULL) is drawn again; a row taller than a page is split
 * between lines. kind[i] 1 makes row i a shaded group heading spanning
 * every column that stays with the next row, 2 a plain spanning row;
 * link[i] >= 0 makes row i a link to that page. Returns the y below. */
typedef struct PdfTable {
  int ncols;
  const double *widths;       /* column widths, points */
  const char *const *head;    /* ncols header texts */
  double x, size;
  double top, bottom;         /* the body of a page: new_page returns top */
  double (*new_page)(void *ud);
  void *ud;
  double after;               /* what must follow the last row on its page */
} PdfTable;
double pdf_table(Pdf *p, const PdfTable *t, double y, const char *const *cells, int nrows,
                 const unsigned char *kind, const int *link);

/* The height of the header and the first row (with the row after it when
 * the first is a group heading): the least the table puts on a page. */
double pdf_table_lead(Pdf *p, const PdfTable *t, const char *const *cells, int nrows,
                      const unsigned char *kind);

/* The height of the whole table on one page. */
double pdf_table_height(Pdf *p, const PdfTable *t, const char *const *cells, int nrows,
                        const unsigned char *kind);

/* Writes the document to path. 0, or -1 with *err set (libharu errors
 * included). */
int pdf_save(Pdf *p, const char *path, const char **err);

#endif
