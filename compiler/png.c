/* png.c — the PNG writer (see render.h): the scene drawn with cairo in
 * the order and colours of svg.c. Text is shaped with HarfBuzz from the
 * scene's font and drawn with cairo_show_glyphs, so glyphs sit exactly
 * where the layout measured them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cairo.h>
#include <cairo-ft.h>
#include <hb.h>
#include <hb-ft.h>
#include "render.h"
#include "shape.h"

/* Colours of svg.c's style sheet. */
#define GRAY_HEAD 0xe8 / 255.0, 0xe8 / 255.0, 0xe8 / 255.0
#define TINT_BAND 0xf2 / 255.0, 0xf5 / 255.0, 0xfa / 255.0

/* What drawing text needs: the cairo face and a HarfBuzz font in font units. */
typedef struct Pen {
  cairo_t *cr;
  cairo_font_face_t *face;
  hb_font_t *hb;
  hb_buffer_t *buf;
  double upem;
  cairo_glyph_t *glyphs;
  unsigned cap;
} Pen;

/* ---- shape outlines (shape.c) as a cairo path ---- */

static void rect_path(cairo_t *cr, Rect b) { cairo_rectangle(cr, b.x, b.y, b.w, b.h); }

static void shape(cairo_t *cr, ShapeKind k, Rect b) {
  ShapePath sp;
  shape_path(k, b, &sp);
  for (int i = 0; i < sp.n; i++) {
    const Pt *q = sp.seg[i].p;
    switch (sp.seg[i].op) {
    case SEG_MOVE: cairo_move_to(cr, q[0].x, q[0].y); break;
    case SEG_LINE: cairo_line_to(cr, q[0].x, q[0].y); break;
    case SEG_CURVE: cairo_curve_to(cr, q[0].x, q[0].y, q[1].x, q[1].y, q[2].x, q[2].y); break;
    case SEG_CLOSE: cairo_close_path(cr); break;
    }
  }
}

/* ---- painting ---- */

/* Fills the current path with the colour (r, g, b), then strokes it black. */
static void fill_stroke(cairo_t *cr, double r, double g, double b) {
  cairo_set_source_rgb(cr, r, g, b);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_stroke(cr);
}

static void fill_only(cairo_t *cr, double r, double g, double b) {
  cairo_set_source_rgb(cr, r, g, b);
  cairo_fill(cr);
}

/* Adds s to b without the C0 controls (but tab) that svg.c drops. */
static void add_text(hb_buffer_t *b, const char *s) {
  int n = (int)strlen(s), st = 0;
  for (int i = 0; i <= n; i++)
    if (i == n || ((unsigned char)s[i] < 0x20 && s[i] != '\t')) {
      if (i > st) hb_buffer_add_utf8(b, s, n, (unsigned)st, i - st);
      st = i + 1;
    }
}

/* One text run, shaped with HarfBuzz, drawn from its baseline's left end. */
static void draw_run(Pen *p, const TextRun *r) {
  hb_buffer_clear_contents(p->buf);
  add_text(p->buf, r->text);
  hb_buffer_guess_segment_properties(p->buf);
  hb_shape(p->hb, p->buf, NULL, 0);
  unsigned n;
  hb_glyph_info_t *info = hb_buffer_get_glyph_infos(p->buf, &n);
  hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(p->buf, &n);
  if (n > p->cap) {
    p->cap = n;
    p->glyphs = xrealloc(p->glyphs, n * sizeof *p->glyphs);
  }
  double k = r->size / p->upem, x = r->x, y = r->y;
  for (unsigned i = 0; i < n; i++) {
    p->glyphs[i].index = info[i].codepoint;
    p->glyphs[i].x = x + pos[i].x_offset * k;
    p->glyphs[i].y = y - pos[i].y_offset * k;
    x += pos[i].x_advance * k;
    y -= pos[i].y_advance * k;
  }
  cairo_set_font_size(p->cr, r->size);
  cairo_show_glyphs(p->cr, p->glyphs, (int)n);
}

static void draw_runs(Pen *p, const TextRun *r, int n) {
  cairo_set_source_rgb(p->cr, 0, 0, 0);
  for (int i = 0; i < n; i++) draw_run(p, &r[i]);
}

static void draw_phase(Pen *p, const ScenePhase *ph, int i) {
  rect_path(p->cr, ph->box);
  if (i % 2) fill_stroke(p->cr, TINT_BAND);
  else fill_stroke(p->cr, 1, 1, 1);
  rect_path(p->cr, ph->header);
  fill_stroke(p->cr, GRAY_HEAD);
  draw_runs(p, ph->title, ph->ntitle);
}

static void draw_lane(Pen *p, const SceneLane *l) {
  rect_path(p->cr, l->box);
  cairo_stroke(p->cr);
  rect_path(p->cr, l->header);
  fill_stroke(p->cr, GRAY_HEAD);
  draw_runs(p, l->title, l->ntitle);
}

static void draw_group(Pen *p, const SceneGroup *g) {
  rect_path(p->cr, g->header);
  fill_stroke(p->cr, 0.85, 0.87, 0.90);
  draw_runs(p, g->title, g->ntitle);
}

static void draw_node(Pen *p, const SceneNode *n) {
  static const double dash[] = {6, 3}; /* a conditional step, as in the SVG and PDF */
  shape(p->cr, n->shape, n->box);
  cairo_set_dash(p->cr, dash, n->conditional ? 2 : 0, 0);
  if (n->shape == SH_BAR) fill_stroke(p->cr, 0, 0, 0);
  else fill_stroke(p->cr, 1, 1, 1);
  cairo_set_dash(p->cr, NULL, 0, 0);
  draw_runs(p, n->lines, n->nlines);
  if (n->clock.w > 0) {
    shape(p->cr, SH_CLOCK, n->clock);
    fill_stroke(p->cr, 1, 1, 1);
  }
  draw_runs(p, n->caption, n->ncaption);
}

/* A "会同" tag: dashed grey outline, grey text. */
static void draw_mark(Pen *p, const SceneMark *m) {
  static const double dash[] = {3, 2};
  cairo_set_dash(p->cr, dash, 2, 0);
  rect_path(p->cr, m->box);
  cairo_set_source_rgb(p->cr, 1, 1, 1);
  cairo_fill_preserve(p->cr);
  cairo_set_source_rgb(p->cr, 0.4, 0.4, 0.4);
  cairo_stroke(p->cr);
  cairo_set_dash(p->cr, NULL, 0, 0);
  draw_run(p, &m->text);
}

static void draw_edge(Pen *p, const SceneEdge *e) {
  cairo_t *cr = p->cr;
  cairo_set_source_rgb(cr, 0, 0, 0);
  static const double dash[] = {5, 3}; /* loops back are dashed, as in the SVG and PDF */
  cairo_set_dash(cr, dash, e->back ? 2 : 0, 0);
  for (int i = 0; i < e->npts; i++) cairo_line_to(cr, e->pts[i].x, e->pts[i].y);
  cairo_stroke(cr);
  cairo_set_dash(cr, NULL, 0, 0);
  for (int i = 0; i < 3; i++) cairo_line_to(cr, e->head[i].x, e->head[i].y);
  cairo_close_path(cr);
  cairo_fill(cr);
  for (int i = 0; i < e->ndots; i++) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, e->dots[i].x, e->dots[i].y, JUNCTION_R, 0, 2 * M_PI);
    cairo_fill(cr);
  }
  if (e->nlabel > 0) {
    rect_path(cr, e->label_box);
    fill_only(cr, 1, 1, 1);
    draw_runs(p, e->label, e->nlabel);
  }
}

static void draw_scene(Pen *p, const Scene *s) {
  cairo_t *cr = p->cr;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_line_width(cr, s->stroke);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (int i = 0; i < s->nphases; i++) draw_phase(p, &s->phases[i], i);
  for (int i = 0; i < s->nlanes; i++) draw_lane(p, &s->lanes[i]);
  for (int i = 0; i < s->ngroups; i++) draw_group(p, &s->groups[i]);
  for (int i = 0; i < s->nnodes; i++) draw_node(p, &s->nodes[i]);
  for (int i = 0; i < s->nedges; i++) draw_edge(p, &s->edges[i]);
  draw_runs(p, s->notes, s->nnotes);
  for (int i = 0; i < s->nmarks; i++) draw_mark(p, &s->marks[i]);
}

/* ---- the file ---- */

static cairo_status_t write_fn(void *closure, const unsigned char *d, unsigned n) {
  return fwrite(d, 1, n, closure) == n ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static const cairo_user_data_key_t face_key;

static void done_face(void *ft) { FT_Done_Face(ft); }

/* A cairo face for the font's FT_Face. cairo may keep it cached after we
 * let go, so it holds its own reference to the FT_Face. */
static cairo_font_face_t *cairo_face(Font *f) {
  FT_Face ft = font_ft_face(f);
  cairo_font_face_t *cf = cairo_ft_font_face_create_for_ft_face(ft, 0);
  FT_Reference_Face(ft);
  if (cairo_font_face_set_user_data(cf, &face_key, ft, done_face)) {
    FT_Done_Face(ft);
    cairo_font_face_destroy(cf);
    return NULL;
  }
  return cf;
}

double png_fit_scale(const Scene *s, double want) {
  double side = s->width > s->height ? s->width : s->height;
  double fit = want;
  if (ceil(side * want) > PNG_MAX_SIDE) fit = floor(PNG_MAX_SIDE / side * 1000) / 1000;
  double text = 0; /* the smallest text of the nodes */
  for (int i = 0; i < s->nnodes; i++)
    for (int k = 0; k < s->nodes[i].nlines; k++)
      if (!text || s->nodes[i].lines[k].size < text) text = s->nodes[i].lines[k].size;
  return fit < want && text * fit < PNG_MIN_TEXT_PX ? 0 : fit;
}

int png_write(Ctx *c, const Scene *s, Font *f, double scale, FILE *out, const char **err) {
  (void)c;
  double w = ceil(fmax(s->width, s->notes_w) * scale), h = ceil((s->height + s->notes_h) * scale);
  if (!(scale > 0) || !(w <= PNG_MAX_SIDE && h <= PNG_MAX_SIDE)) {
    *err = "the picture is too large for a PNG at this scale (at most 32767 pixels a side; lower --scale)";
    return -1;
  }
  cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w < 1 ? 1 : (int)w, h < 1 ? 1 : (int)h);
  cairo_t *cr = cairo_create(surf);
  Pen p = {.cr = cr, .face = cairo_face(f), .buf = hb_buffer_create()};
  hb_face_t *hf = hb_ft_face_create_referenced(font_ft_face(f));
  p.hb = hb_font_create(hf);
  p.upem = hb_face_get_upem(hf);
  hb_font_set_scale(p.hb, (int)p.upem, (int)p.upem);
  int rc = -1;
  *err = "cannot draw the PNG (out of memory?)";
  if (p.face && cairo_status(cr) == CAIRO_STATUS_SUCCESS) {
    cairo_scale(cr, scale, scale);
    cairo_set_font_face(cr, p.face);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
    draw_scene(&p, s);
    cairo_surface_flush(surf);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) *err = cairo_status_to_string(cairo_status(cr));
    else if (cairo_surface_write_to_png_stream(surf, write_fn, out) || fflush(out) || ferror(out))
      *err = "cannot write the PNG file";
    else rc = 0;
  }
  free(p.glyphs);
  hb_buffer_destroy(p.buf);
  hb_font_destroy(p.hb);
  hb_face_destroy(hf);
  if (p.face) cairo_font_face_destroy(p.face);
  cairo_destroy(cr);
  cairo_surface_destroy(surf);
  return rc;
}
