/* pdf.c — the libharu document: pages, the subset font, text, paths,
 * links, bookmarks, page labels, document info and saving. Shapes and
 * scenes are in pdf_scene.c, tables in pdf_table.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include "pdf.h"
#include "utf8.h"
#include "version.h"

#define CP_WORDS (0x110000 / 32)

typedef struct Link { int from, to; double x, y, w, h, top; } Link;
typedef struct Outline { int parent, page, open; const char *title; double top; } Outline;
typedef struct Label { int page, first; char style; } Label;

struct Pdf {
  Ctx *c;
  Font *f;
  HPDF_Doc doc;          /* NULL in the dry pass */
  HPDF_Font font;
  HPDF_Page *pages;
  int npages, cappages;
  HPDF_Page page;        /* current page, NULL when dry */
  double w, h;           /* current page size */
  uint32_t *cps;         /* bit set of the code points shown */
  const uint32_t *have;  /* the set the font was subset to */
  Link *links; int nlinks, caplinks;
  Outline *outlines; int noutlines, capoutlines;
  Label labels[8]; int nlabels;
  const char *info[4];
  double fill[3];         /* current fill colour */
  double tc[3];           /* text colour */
  HPDF_STATUS err, detail;  /* the first libharu error */
  const char *missing;      /* text with a code point not collected */
};

static void on_error(HPDF_STATUS err, HPDF_STATUS detail, void *ud) {
  Pdf *p = ud;
  if (!p->err) { p->err = err; p->detail = detail; }
  HPDF_ResetError(p->doc);
}

/* Grows an array of n elements of size sz held in *a with capacity *cap. */
static void grow(void **a, int *cap, int n, size_t sz) {
  if (n < *cap) return;
  *cap = *cap ? *cap * 2 : 16;
  *a = xrealloc(*a, (size_t)*cap * sz);
}

static void collect(Pdf *p, const char *s);

static const char *tmpdir(void) {
  const char *t = getenv("TMPDIR");
  return t && *t ? t : "/tmp";
}

/* libharu 2.3 gives UTF-8 fonts a ToUnicode CMap written with
 * begincidrange, which is invalid there (poppler warns on every page).
 * Codes are Unicode code points, so the right map is the identity: write
 * it with bfchar for the code points used. */
static void fix_tounicode(Pdf *p) {
  HPDF_Stream s = NULL;
  HPDF_Dict d = HPDF_DictStream_New(p->doc->mmgr, p->doc->xref);
  if (d) s = d->stream;
  if (!s) return;
  HPDF_Stream_WriteStr(s, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  uint32_t cp = 0;
  char line[32];
  while (cp < 0x10000) {
    uint32_t batch[100];
    int n = 0;
    for (; cp < 0x10000 && n < 100; cp++)
      if (p->have[cp >> 5] >> (cp & 31) & 1 && (cp < 0xD800 || cp > 0xDFFF)) batch[n++] = cp;
    if (!n) break;
    snprintf(line, sizeof line, "%d beginbfchar\n", n);
    HPDF_Stream_WriteStr(s, line);
    for (int i = 0; i < n; i++) {
      snprintf(line, sizeof line, "<%04X> <%04X>\n", (unsigned)batch[i], (unsigned)batch[i]);
      HPDF_Stream_WriteStr(s, line);
    }
    HPDF_Stream_WriteStr(s, "endbfchar\n");
  }
  HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
  HPDF_Dict_Add(p->font, "ToUnicode", d);
}

/* Loads the subset of the font holding the code points of set `have`. */
static int load_font(Pdf *p, const char **err) {
  size_t n = 0;
  for (uint32_t i = 0; i < CP_WORDS; i++) n += (size_t)__builtin_popcount(p->have[i]);
  uint32_t *list = xmalloc((n + 1) * sizeof *list);
  n = 0;
  for (uint32_t cp = 0; cp < 0x110000; cp++)
    if (p->have[cp >> 5] >> (cp & 31) & 1) list[n++] = cp;
  size_t len = 0;
  unsigned char *bytes = font_subset(p->f, list, n, &len);
  free(list);
  if (!bytes) {
    *err = arena_printf(&p->c->arena, "cannot subset the font %s", font_file(p->f));
    return -1;
  }
  char *path = arena_printf(&p->c->arena, "%s/flowc-font-XXXXXX", tmpdir());
  int fd = mkstemp(path);
  if (fd < 0) {
    free(bytes);
    *err = arena_printf(&p->c->arena, "cannot create a temporary file in %s: %s",
                        tmpdir(), strerror(errno));
    return -1;
  }
  size_t off = 0;
  while (off < len) {
    ssize_t k = write(fd, bytes + off, len - off);
    if (k <= 0) break;
    off += (size_t)k;
  }
  free(bytes);
  int bad = off < len || close(fd) != 0;
  const char *name = NULL;
  if (!bad) name = HPDF_LoadTTFontFromFile(p->doc, path, HPDF_TRUE);
  unlink(path);
  if (bad) {
    *err = arena_printf(&p->c->arena, "cannot write the font subset to %s", path);
    return -1;
  }
  if (name) p->font = HPDF_GetFont(p->doc, name, "UTF-8");
  if (p->font) fix_tounicode(p);
  if (!p->font) {
    *err = arena_printf(&p->c->arena,
        "libharu cannot load the font subset of %s (error 0x%04X): flowc needs a "
        "TrueType font such as WenQuanYi Micro Hei (apt-get install fonts-wqy-microhei)",
        font_file(p->f), (unsigned)p->err);
    return -1;
  }
  return 0;
}

Pdf *pdf_open(Ctx *c, Font *f, const Pdf *measure, const char **err) {
  Pdf *p = arena_alloc(&c->arena, sizeof *p);
  p->c = c;
  p->f = f;
  p->cps = arena_alloc(&c->arena, CP_WORDS * sizeof *p->cps);
  if (!measure) {
    collect(p, "0123456789ivxlcdm"); /* page numbers change between passes */
    return p;
  }
  p->have = measure->cps;
  p->doc = HPDF_NewEx(on_error, NULL, NULL, 0, p);
  if (!p->doc) {
    *err = "libharu cannot create a document (out of memory)";
    return NULL;
  }
  HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(p->doc);
  HPDF_SetCurrentEncoder(p->doc, "UTF-8");
  if (load_font(p, err)) {
    pdf_close(p);
    return NULL;
  }
  return p;
}

void pdf_close(Pdf *p) {
  if (!p) return;
  if (p->doc) HPDF_Free(p->doc);
  p->doc = NULL;
  free(p->pages);
  free(p->links);
  free(p->outlines);
  p->pages = NULL;
  p->links = NULL;
  p->outlines = NULL;
}

int pdf_dry(const Pdf *p) { return !p->doc; }
int pdf_pages(const Pdf *p) { return p->npages; }
double pdf_page_w(const Pdf *p) { return p->w; }
double pdf_page_h(const Pdf *p) { return p->h; }
Font *pdf_font(Pdf *p) { return p->f; }
Ctx *pdf_ctx(Pdf *p) { return p->c; }

int pdf_page(Pdf *p, double w, double h) {
  grow((void **)&p->pages, &p->cappages, p->npages, sizeof *p->pages);
  p->w = w;
  p->h = h;
  p->page = NULL;
  if (p->doc) {
    p->page = HPDF_AddPage(p->doc);
    HPDF_Page_SetWidth(p->page, (HPDF_REAL)w);
    HPDF_Page_SetHeight(p->page, (HPDF_REAL)h);
    HPDF_Page_SetLineJoin(p->page, HPDF_ROUND_JOIN);
  }
  p->pages[p->npages] = p->page;
  p->fill[0] = p->fill[1] = p->fill[2] = 0;
  return p->npages++;
}

/* Records the code points of s; in the real pass, notes text whose code
 * points the dry pass did not see (the passes differ: a bug). */
static void collect(Pdf *p, const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  size_t n = strlen(s), i = 0;
  while (i < n) {
    uint32_t cp;
    int k = utf8_decode(u + i, n - i, &cp);
    if (!k) { k = 1; cp = 0xFFFD; }
    p->cps[cp >> 5] |= 1u << (cp & 31);
    if (p->have && !(p->have[cp >> 5] >> (cp & 31) & 1) && !p->missing) p->missing = s;
    i += (size_t)k;
  }
}

double pdf_width(Pdf *p, const char *s, double size) {
  return font_width(p->f, s, strlen(s), size);
}
double pdf_line_h(const Pdf *p, double size) { return font_line_height(p->f, size); }
double pdf_ascent(const Pdf *p, double size) { return font_ascent(p->f, size); }

double pdf_text(Pdf *p, double x, double y, double size, const char *s, int align) {
  if (!s || !*s) return 0;
  double w = pdf_width(p, s, size);
  if (align == 1) x -= w / 2;
  else if (align == 2) x -= w;
  collect(p, s);
  if (!p->page) return w;
  HPDF_Page_BeginText(p->page);
  int recolour = p->tc[0] != p->fill[0] || p->tc[1] != p->fill[1] || p->tc[2] != p->fill[2];
  if (recolour)
    HPDF_Page_SetRGBFill(p->page, (HPDF_REAL)p->tc[0], (HPDF_REAL)p->tc[1], (HPDF_REAL)p->tc[2]);
  HPDF_Page_SetFontAndSize(p->page, p->font, (HPDF_REAL)size);
  HPDF_Page_TextOut(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->h - y), s);
  HPDF_Page_EndText(p->page);
  if (recolour)
    HPDF_Page_SetRGBFill(p->page, (HPDF_REAL)p->fill[0], (HPDF_REAL)p->fill[1],
                         (HPDF_REAL)p->fill[2]);
  return w;
}

double pdf_para(Pdf *p, double x, double y, double maxw, double size,
                const char *s, int align, int draw) {
  if (!s) s = "";
  const char **lines;
  int n = font_wrap(p->c, p->f, s, size, maxw, &lines, NULL);
  double lh = pdf_line_h(p, size), asc = pdf_ascent(p, size);
  if (draw)
    for (int i = 0; i < n; i++) pdf_text(p, x, y + asc + lh * i, size, lines[i], align);
  return lh * n;
}

void pdf_fill_rgb(Pdf *p, double r, double g, double b) {
  p->fill[0] = r;
  p->fill[1] = g;
  p->fill[2] = b;
  if (p->page) HPDF_Page_SetRGBFill(p->page, (HPDF_REAL)r, (HPDF_REAL)g, (HPDF_REAL)b);
}
void pdf_text_rgb(Pdf *p, double r, double g, double b) {
  p->tc[0] = r;
  p->tc[1] = g;
  p->tc[2] = b;
}
void pdf_stroke_rgb(Pdf *p, double r, double g, double b) {
  if (p->page) HPDF_Page_SetRGBStroke(p->page, (HPDF_REAL)r, (HPDF_REAL)g, (HPDF_REAL)b);
}
void pdf_line_width(Pdf *p, double w) {
  if (p->page) HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)w);
}
void pdf_dash(Pdf *p, double on, double off) {
  if (!p->page) return;
  HPDF_UINT16 d[2] = {(HPDF_UINT16)(on + 0.5), (HPDF_UINT16)(off + 0.5)};
  HPDF_Page_SetDash(p->page, on > 0 ? d : NULL, on > 0 ? 2 : 0, 0);
}
void pdf_move(Pdf *p, double x, double y) {
  if (p->page) HPDF_Page_MoveTo(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->h - y));
}
void pdf_lineto(Pdf *p, double x, double y) {
  if (p->page) HPDF_Page_LineTo(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->h - y));
}
void pdf_curve(Pdf *p, double x1, double y1, double x2, double y2, double x3, double y3) {
  if (p->page)
    HPDF_Page_CurveTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)(p->h - y1), (HPDF_REAL)x2,
                      (HPDF_REAL)(p->h - y2), (HPDF_REAL)x3, (HPDF_REAL)(p->h - y3));
}
void pdf_circle(Pdf *p, double cx, double cy, double r) { /* four Bezier quarters */
  double q = r * 0.5523;
  pdf_move(p, cx + r, cy);
  pdf_curve(p, cx + r, cy + q, cx + q, cy + r, cx, cy + r);
  pdf_curve(p, cx - q, cy + r, cx - r, cy + q, cx - r, cy);
  pdf_curve(p, cx - r, cy - q, cx - q, cy - r, cx, cy - r);
  pdf_curve(p, cx + q, cy - r, cx + r, cy - q, cx + r, cy);
}
void pdf_closepath(Pdf *p) {
  if (p->page) HPDF_Page_ClosePath(p->page);
}
void pdf_paint(Pdf *p, int mode) {
  if (!p->page) return;
  if (mode == PDF_BOTH) HPDF_Page_FillStroke(p->page);
  else if (mode == PDF_FILL) HPDF_Page_Fill(p->page);
  else if (mode == PDF_STROKE) HPDF_Page_Stroke(p->page);
  else HPDF_Page_EndPath(p->page);
}
void pdf_rect(Pdf *p, double x, double y, double w, double h, int mode) {
  if (!p->page) return;
  HPDF_Page_Rectangle(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->h - y - h), (HPDF_REAL)w,
                      (HPDF_REAL)h);
  pdf_paint(p, mode);
}
void pdf_segment(Pdf *p, double x1, double y1, double x2, double y2) {
  pdf_move(p, x1, y1);
  pdf_lineto(p, x2, y2);
  pdf_paint(p, PDF_STROKE);
}
void pdf_save_state(Pdf *p) {
  if (p->page) HPDF_Page_GSave(p->page);
}
void pdf_restore_state(Pdf *p) {
  if (p->page) HPDF_Page_GRestore(p->page);
}
void pdf_clip(Pdf *p, double x, double y, double w, double h) {
  if (!p->page) return;
  HPDF_Page_Rectangle(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->h - y - h), (HPDF_REAL)w,
                      (HPDF_REAL)h);
  HPDF_Page_Clip(p->page);
  HPDF_Page_EndPath(p->page);
}

void pdf_link(Pdf *p, double x, double y, double w, double h, int page, double top) {
  if (page < 0) return;
  grow((void **)&p->links, &p->caplinks, p->nlinks, sizeof *p->links);
  p->links[p->nlinks++] = (Link){p->npages - 1, page, x, y, w, h, top};
}

int pdf_outline(Pdf *p, int parent, const char *title, int page, double top, int open) {
  collect(p, title);
  grow((void **)&p->outlines, &p->capoutlines, p->noutlines, sizeof *p->outlines);
  p->outlines[p->noutlines] = (Outline){parent, page, open, title, top};
  return p->noutlines++;
}

void pdf_page_label(Pdf *p, int page, char style, int first) {
  if (p->nlabels < 8) p->labels[p->nlabels++] = (Label){page, first, style};
}

void pdf_info(Pdf *p, const char *title, const char *author, const char *subject,
              const char *keywords) {
  p->info[0] = title;
  p->info[1] = author;
  p->info[2] = subject;
  p->info[3] = keywords;
}

/* A destination on page i scrolled to height top (page units, y down). */
static HPDF_Destination dest(Pdf *p, int i, double top) {
  HPDF_Page pg = p->pages[i];
  HPDF_Destination d = HPDF_Page_CreateDestination(pg);
  HPDF_Destination_SetFitH(d, (HPDF_REAL)(HPDF_Page_GetHeight(pg) - top));
  return d;
}

/* Creation and modification date: SOURCE_DATE_EPOCH when set (reproducible
 * builds), else now; in UTC. */
static void set_dates(Pdf *p) {
  const char *e = getenv("SOURCE_DATE_EPOCH");
  time_t t = e && *e ? (time_t)strtoll(e, NULL, 10) : time(NULL);
  struct tm tm;
  if (!gmtime_r(&t, &tm)) return;
  HPDF_Date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                 tm.tm_sec, 'Z', 0, 0};
  HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, d);
  HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, d);
}

static const char *error_text(HPDF_STATUS e) {
  switch (e) {
  case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
  case HPDF_FILE_IO_ERROR: return "cannot write the file";
  case HPDF_FILE_OPEN_ERROR: return "cannot open the file";
  case HPDF_INVALID_PARAMETER: return "invalid parameter";
  case HPDF_TTF_MISSING_TABLE: return "the font has no TrueType outlines (glyf)";
  case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font does not allow embedding";
  default: return "internal error";
  }
}

int pdf_save(Pdf *p, const char *path, const char **err) {
  if (!p->doc) {
    *err = "internal error: saving a dry pass";
    return -1;
  }
  if (p->missing) {
    *err = arena_printf(&p->c->arena, "internal error: the text '%s' was not measured",
                        p->missing);
    return -1;
  }
  HPDF_Outline *ol = xmalloc(((size_t)p->noutlines + 1) * sizeof *ol);
  for (int i = 0; i < p->noutlines; i++) {
    Outline *o = &p->outlines[i];
    ol[i] = HPDF_CreateOutline(p->doc, o->parent < 0 ? NULL : ol[o->parent], o->title,
                               HPDF_GetEncoder(p->doc, "UTF-8"));
    if (o->page >= 0 && o->page < p->npages)
      HPDF_Outline_SetDestination(ol[i], dest(p, o->page, o->top));
    HPDF_Outline_SetOpened(ol[i], o->open ? HPDF_TRUE : HPDF_FALSE);
  }
  free(ol);
  for (int i = 0; i < p->nlinks; i++) {
    Link *l = &p->links[i];
    if (l->to >= p->npages) continue;
    HPDF_Page pg = p->pages[l->from];
    double ph = HPDF_Page_GetHeight(pg);
    HPDF_Rect r = {(HPDF_REAL)l->x, (HPDF_REAL)(ph - l->y - l->h), (HPDF_REAL)(l->x + l->w),
                   (HPDF_REAL)(ph - l->y)};
    HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(pg, r, dest(p, l->to, l->top));
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
  }
  for (int i = 0; i < p->nlabels; i++)
    HPDF_AddPageLabel(p->doc, (HPDF_UINT)p->labels[i].page,
                      p->labels[i].style == 'r' ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN
                                                : HPDF_PAGE_NUM_STYLE_DECIMAL,
                      (HPDF_UINT)p->labels[i].first, NULL);
  static const HPDF_InfoType keys[4] = {HPDF_INFO_TITLE, HPDF_INFO_AUTHOR, HPDF_INFO_SUBJECT,
                                        HPDF_INFO_KEYWORDS};
  for (int i = 0; i < 4; i++)
    if (p->info[i] && *p->info[i]) HPDF_SetInfoAttr(p->doc, keys[i], p->info[i]);
  HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "flowc " FLOWC_VERSION);
  HPDF_SetInfoAttr(p->doc, HPDF_INFO_PRODUCER, "flowc " FLOWC_VERSION " with libharu");
  set_dates(p);
  if (p->noutlines) HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
  if (!p->err) HPDF_SaveToFile(p->doc, path);
  if (p->err) {
    *err = arena_printf(&p->c->arena, "cannot write %s: libharu error 0x%04X (%s, detail %u)",
                        path, (unsigned)p->err, error_text(p->err), (unsigned)p->detail);
    return -1;
  }
  return 0;
}
