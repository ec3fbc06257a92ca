/* text.c — the font: fontconfig finds it, HarfBuzz measures and subsets
 * it, FreeType opens it for cairo, libunibreak finds the line breaks.
 * HarfBuzz works in font units (scale = units per em); every public
 * function converts to points at the size it is given. */
#include "text.h"
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <linebreak.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "arena.h"
#include "utf8.h"

#define DEFAULT_FAMILY "WenQuanYi Micro Hei"
#define INSTALL_HINT "apt-get install fonts-wqy-microhei"

struct Font {
  char *file, *family;
  hb_blob_t *blob;
  hb_face_t *face;
  hb_font_t *font;
  hb_buffer_t *buf;  /* reused by every shaping call */
  double upem;
  double asc, desc, gap; /* font units; desc positive */
  FT_Library ftlib;
  FT_Face ftface;
  hb_set_t *missing;  /* code points shaped to .notdef (glyph 0) */
  uint32_t first;     /* the first of them */
  int cjk;            /* one of them is Chinese */
};

/* font_open's and font_missing's messages live here until the next call. */
static char errbuf[768];

static const char *fail(const char *fmt, const char *a, const char *b) {
  snprintf(errbuf, sizeof errbuf, fmt, a, b);
  return errbuf;
}

/* The file and face index of family through fontconfig, or NULL when
 * fontconfig has no font of that family (it would offer a substitute). */
static char *fc_find(const char *family, int *index) {
  FcConfig *cfg = FcInitLoadConfigAndFonts();
  if (!cfg) return NULL;
  char *file = NULL;
  FcPattern *p = FcPatternCreate();
  FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
  FcConfigSubstitute(cfg, p, FcMatchPattern);
  FcDefaultSubstitute(p);
  FcResult r;
  FcPattern *m = FcFontMatch(cfg, p, &r);
  if (m) {
    FcChar8 *fam, *path;
    int same = 0;
    for (int i = 0; !same && FcPatternGetString(m, FC_FAMILY, i, &fam) == FcResultMatch; i++)
      same = FcStrCmpIgnoreCase(fam, (const FcChar8 *)family) == 0;
    if (same && FcPatternGetString(m, FC_FILE, 0, &path) == FcResultMatch) {
      file = strdup((const char *)path);
      if (FcPatternGetInteger(m, FC_INDEX, 0, index) != FcResultMatch) *index = 0;
      *index &= 0xFFFF; /* the high bits name a variable instance */
    }
    FcPatternDestroy(m);
  }
  FcPatternDestroy(p);
  FcConfigDestroy(cfg);
  return file;
}

static int has_table(hb_face_t *face, hb_tag_t tag) {
  hb_blob_t *b = hb_face_reference_table(face, tag);
  int ok = hb_blob_get_length(b) > 0;
  hb_blob_destroy(b);
  return ok;
}

static const char *load(Font *f, int index) {
  struct stat st;
  if (stat(f->file, &st) != 0)
    return fail("cannot read font file '%s': %s", f->file, strerror(errno));
  f->blob = hb_blob_create_from_file_or_fail(f->file);
  if (!f->blob)
    return fail("cannot read font file '%s' (%s)", f->file, "not a readable file");
  f->face = hb_face_create(f->blob, (unsigned)index);
  if (hb_face_get_glyph_count(f->face) == 0)
    return fail("'%s' is not a font file (use a TrueType font, e.g. %s)", f->file, INSTALL_HINT);
  if (!has_table(f->face, HB_TAG('g', 'l', 'y', 'f')))
    return fail("font '%s' has no TrueType outlines (no 'glyf' table; CFF/OpenType fonts "
                "such as Noto Sans CJK cannot be embedded in PDF); use a TrueType font, "
                "e.g. %s", f->file, INSTALL_HINT);
  f->upem = hb_face_get_upem(f->face);
  f->font = hb_font_create(f->face);
  hb_font_set_scale(f->font, (int)f->upem, (int)f->upem);
  hb_font_extents_t ext;
  hb_font_get_h_extents(f->font, &ext);
  f->asc = ext.ascender;
  f->desc = -ext.descender;
  f->gap = ext.line_gap;
  f->buf = hb_buffer_create();
  if (!hb_buffer_allocation_successful(f->buf)) oom();
  f->missing = hb_set_create();
  if (!hb_set_allocation_successful(f->missing)) oom();
  if (FT_Init_FreeType(&f->ftlib)) {
    f->ftlib = NULL;
    return fail("FreeType cannot start for '%s'%s", f->file, "");
  }
  if (FT_New_Face(f->ftlib, f->file, index, &f->ftface)) {
    f->ftface = NULL;
    return fail("FreeType cannot open font '%s'%s", f->file, "");
  }
  const char *fam = f->ftface->family_name;
  f->family = strdup(fam ? fam : DEFAULT_FAMILY);
  if (!f->family) oom();
  return NULL;
}

Font *font_open(const char *path, const char **err) {
  Font *f = xmalloc(sizeof *f);
  memset(f, 0, sizeof *f);
  int index = 0;
  if (path) {
    f->file = strdup(path);
    if (!f->file) oom();
  } else if (!(f->file = fc_find(DEFAULT_FAMILY, &index))) {
    *err = fail("font '%s' not found by fontconfig; install it with: %s",
                DEFAULT_FAMILY, INSTALL_HINT);
    font_close(f);
    return NULL;
  }
  const char *e = load(f, index);
  if (e) {
    *err = e;
    font_close(f);
    return NULL;
  }
  return f;
}

/* A cairo font face made from font_ft_face must be destroyed first. */
void font_close(Font *f) {
  if (!f) return;
  if (f->ftface) FT_Done_Face(f->ftface);
  if (f->ftlib) FT_Done_FreeType(f->ftlib);
  hb_buffer_destroy(f->buf);
  hb_set_destroy(f->missing);
  hb_font_destroy(f->font);
  hb_face_destroy(f->face);
  hb_blob_destroy(f->blob);
  free(f->file);
  free(f->family);
  free(f);
}

const char *font_file(const Font *f) { return f->file; }
const char *font_family(const Font *f) { return f->family; }
void *font_ft_face(Font *f) { return f->ftface; }

double font_ascent(const Font *f, double size) { return f->asc * size / f->upem; }
double font_descent(const Font *f, double size) { return f->desc * size / f->upem; }

/* The font's own spacing, but never tighter than 1.3 em: Chinese labels
 * need the air (WQY Micro Hei alone gives about 1.2 em). */
double font_line_height(const Font *f, double size) {
  double h = (f->asc + f->desc + f->gap) / f->upem;
  return (h < 1.3 ? 1.3 : h) * size;
}

/* Line separators and other controls: no width, never drawn. */
static int is_ctrl(uint32_t cp) {
  return cp < 0x20 || cp == 0x7F || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}
static int is_newline(uint32_t cp) {
  return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}
static int is_space(uint32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000; }

static int is_cjk(uint32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
         (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Records the characters of shaped text s (n bytes) that became glyph 0
 * (.notdef, drawn as an empty box); controls and spaces draw nothing. */
static void note_missing(Font *f, const char *s, size_t n, unsigned ng) {
  hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(f->buf, NULL);
  for (unsigned i = 0; i < ng; i++) {
    size_t at = gi[i].cluster;
    uint32_t cp;
    if (gi[i].codepoint || at >= n) continue;
    if (!utf8_decode((const unsigned char *)s + at, n - at, &cp)) cp = 0xFFFD;
    if (is_ctrl(cp) || is_space(cp) || hb_set_has(f->missing, cp)) continue;
    if (hb_set_is_empty(f->missing)) f->first = cp;
    hb_set_add(f->missing, cp);
    f->cjk |= is_cjk(cp);
  }
}

void font_missing_clear(Font *f) {
  hb_set_clear(f->missing);
  f->first = 0;
  f->cjk = 0;
}

const char *font_missing(const Font *f) {
  unsigned n = hb_set_get_population(f->missing);
  if (!n) return NULL;
  char c[8] = {0}, ch[16] = "", others[48] = "";
  if (!utf8_is_invisible(f->first)) { /* '招' (U+62DB), or just U+200B */
    utf8_encode(f->first, c);
    snprintf(ch, sizeof ch, "'%s' (", c);
  }
  if (n > 1) snprintf(others, sizeof others, " and %u other character%s", n - 1, n > 2 ? "s" : "");
  snprintf(errbuf, sizeof errbuf, "font '%s' has no glyph for %sU+%04X%s%s in the text: %s",
           f->file, ch, (unsigned)f->first, *ch ? ")" : "", others,
           f->cjk ? "choose a font with Chinese characters, e.g. " DEFAULT_FAMILY
                    " (" INSTALL_HINT ")"
                  : "choose a font that has them");
  return errbuf;
}

/* Shapes n bytes of s into f->buf; glyph clusters are byte offsets. */
static unsigned shape(Font *f, const char *s, size_t n) {
  hb_buffer_clear_contents(f->buf);
  hb_buffer_set_cluster_level(f->buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_buffer_add_utf8(f->buf, s, (int)n, 0, (int)n);
  hb_buffer_guess_segment_properties(f->buf);
  hb_buffer_set_language(f->buf, hb_language_from_string("zh", -1));
  hb_shape(f->font, f->buf, NULL, 0);
  unsigned ng = hb_buffer_get_length(f->buf);
  note_missing(f, s, n, ng);
  return ng;
}

static int ctrl_at(const char *s, size_t n, size_t at) {
  uint32_t cp;
  return at < n && utf8_decode((const unsigned char *)s + at, n - at, &cp) && is_ctrl(cp);
}

double font_width(Font *f, const char *s, size_t n, double size) {
  unsigned ng = shape(f, s, n);
  hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(f->buf, NULL);
  hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(f->buf, NULL);
  double w = 0;
  for (unsigned i = 0; i < ng; i++)
    if (!ctrl_at(s, n, gi[i].cluster)) w += gp[i].x_advance;
  return w * size / f->upem;
}

/* ---- wrapping ---- */

typedef struct Ch {
  size_t off;    /* byte offset in the text */
  int len;       /* bytes */
  uint32_t cp;
  double adv;    /* font units */
  char brk;      /* LINEBREAK_* after this character */
} Ch;

/* Chinese line rules (GB/T 15834) on top of UAX #14. */
static int no_start(uint32_t cp) {
  if (cp < 0x80) return cp && strchr(",.;:?!)", (int)cp);
  switch (cp) {
  case 0xFF0C: case 0x3002: case 0x3001: case 0xFF1B: case 0xFF1A: /* ，。、；： */
  case 0xFF1F: case 0xFF01: case 0xFF09: case 0x300B: case 0x300D: /* ？！）》」 */
  case 0x300F: case 0x3011: case 0x201D: case 0x2019:              /* 』】”’ */
    return 1;
  }
  return 0;
}
static int no_end(uint32_t cp) { /* (（《「『【“‘ */
  return cp == '(' || cp == 0xFF08 || cp == 0x300A || cp == 0x300C || cp == 0x300E ||
         cp == 0x3010 || cp == 0x201C || cp == 0x2018;
}

typedef struct Lines {
  Ctx *c;
  const char *text;
  Ch *ch;
  const char **s;
  double *w;
  int n, cap;
  double scale; /* points per font unit */
} Lines;

/* Adds characters [a, b) as a line, without trailing spaces and breaks. */
static void emit(Lines *L, int a, int b) {
  while (b > a && (is_space(L->ch[b - 1].cp) || is_newline(L->ch[b - 1].cp))) b--;
  if (L->n == L->cap) {
    L->cap = L->cap ? 2 * L->cap : 8;
    L->s = xrealloc(L->s, (size_t)L->cap * sizeof *L->s);
    L->w = xrealloc(L->w, (size_t)L->cap * sizeof *L->w);
  }
  double w = 0;
  for (int i = a; i < b; i++) w += L->ch[i].adv;
  size_t from = b > a ? L->ch[a].off : 0;
  size_t to = b > a ? L->ch[b - 1].off + (size_t)L->ch[b - 1].len : 0;
  L->s[L->n] = arena_strndup(&L->c->arena, L->text + from, to - from);
  L->w[L->n++] = w * L->scale;
}

/* Where to split characters [a, i) that hold no break opportunity, so
 * that character i no longer fits: at i, or earlier to obey the rules. */
static int cut_at(const Ch *ch, int a, int i) {
  for (int k = i; k > a; k--)
    if (!no_start(ch[k].cp) && !no_end(ch[k - 1].cp)) return k;
  return i;
}

/* The text as valid UTF-8: each invalid byte, and the noncharacters
 * U+FFFE and U+FFFF (libunibreak takes U+FFFF for the end of the text
 * and fails an assertion), becomes U+FFFD. */
static const char *valid_utf8(Ctx *c, const char *s, size_t n, size_t *outn) {
  size_t bad = 0, non = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (!k) bad++;
    else if (cp == 0xFFFE || cp == 0xFFFF) non++;
    i += k ? (size_t)k : 1;
  }
  *outn = n + 2 * bad;
  if (!bad && !non) return s;
  char *t = arena_alloc(&c->arena, *outn + 1), *o = t;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (k && cp != 0xFFFE && cp != 0xFFFF) memcpy(o, s + i, (size_t)k), o += k, i += (size_t)k;
    else memcpy(o, "\xEF\xBF\xBD", 3), o += 3, i += k ? (size_t)k : 1;
  }
  return t;
}

/* Per-character advances from shaping the whole text once. */
static void advances(Font *f, const char *s, size_t n, Ch *ch, int nc) {
  unsigned ng = shape(f, s, n);
  hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(f->buf, NULL);
  hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(f->buf, NULL);
  for (unsigned g = 0; g < ng; g++) {
    int lo = 0, hi = nc - 1; /* last character starting at or before the cluster */
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (ch[mid].off <= gi[g].cluster) lo = mid;
      else hi = mid - 1;
    }
    ch[lo].adv += gp[g].x_advance;
  }
  for (int i = 0; i < nc; i++)
    if (is_ctrl(ch[i].cp)) ch[i].adv = 0;
}

static int greedy(Lines *L, int nc, double maxw) {
  Ch *ch = L->ch;
  int s0 = 0, bk = -1; /* line start; last allowed break (after bk) */
  double w = 0;        /* width of [s0, i), font units */
  for (int i = 0; i < nc; i++) {
    if (is_newline(ch[i].cp)) {
      if (ch[i].cp == '\r' && i + 1 < nc && ch[i + 1].cp == '\n') i++;
      emit(L, s0, i + 1);
      s0 = i + 1, bk = -1, w = 0;
      continue;
    }
    while (!is_space(ch[i].cp) && i > s0 && w + ch[i].adv > maxw) {
      int end = bk >= s0 ? bk + 1 : cut_at(ch, s0, i);
      emit(L, s0, end);
      s0 = end, bk = -1, w = 0;
      for (int k = s0; k < i; k++) w += ch[k].adv;
    }
    w += ch[i].adv;
    if (ch[i].brk == LINEBREAK_ALLOWBREAK) bk = i;
  }
  emit(L, s0, nc); /* also the empty line after a final "\n" */
  return L->n;
}

int font_wrap(Ctx *c, Font *f, const char *s, double size, double maxw,
              const char ***lines, double **widths) {
  static int lb_ready;
  if (!lb_ready) init_linebreak(), lb_ready = 1;
  size_t n;
  const char *text = valid_utf8(c, s, strlen(s), &n);
  Ch *ch = xmalloc((n + 1) * sizeof *ch);
  int nc = 0;
  for (size_t i = 0; i < n;) {
    Ch *x = &ch[nc++];
    x->off = i;
    x->len = utf8_decode((const unsigned char *)text + i, n - i, &x->cp);
    x->adv = 0;
    i += (size_t)x->len;
  }
  if (n) {
    char *brks = xmalloc(n);
    set_linebreaks_utf8((const utf8_t *)text, n, "zh", brks);
    for (int i = 0; i < nc; i++) {
      char b = brks[ch[i].off + (size_t)ch[i].len - 1];
      if (b == LINEBREAK_ALLOWBREAK &&
          (no_end(ch[i].cp) || (i + 1 < nc && no_start(ch[i + 1].cp))))
        b = LINEBREAK_NOBREAK;
      ch[i].brk = b;
    }
    free(brks);
    advances(f, text, n, ch, nc);
  }
  double scale = size / f->upem;
  Lines L = {c, text, ch, NULL, NULL, 0, 0, scale};
  int count = greedy(&L, nc, maxw / scale + 1e-6);
  *lines = arena_alloc(&c->arena, (size_t)count * sizeof **lines);
  memcpy(*lines, L.s, (size_t)count * sizeof **lines);
  if (widths) {
    *widths = arena_alloc(&c->arena, (size_t)count * sizeof **widths);
    memcpy(*widths, L.w, (size_t)count * sizeof **widths);
  }
  free(L.s);
  free(L.w);
  free(ch);
  return count;
}

/* ---- subsetting ---- */

/* Tables the subset keeps: what libharu and browsers need, and hinting. */
static const char *const KEEP[] = {"cmap", "glyf", "loca", "head", "hhea", "hmtx", "maxp",
                                   "name", "OS/2", "post", "cvt ", "fpgm", "prep", "gasp"};

unsigned char *font_subset(Font *f, const uint32_t *cps, size_t ncps, size_t *len) {
  hb_subset_input_t *in = hb_subset_input_create_or_fail();
  if (!in) return NULL;
  hb_set_t *u = hb_subset_input_unicode_set(in);
  for (size_t i = 0; i < ncps; i++) hb_set_add(u, cps[i]);
  hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
  hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
  hb_tag_t tags[64];
  unsigned start = 0, nt;
  do {
    nt = 64;
    hb_face_get_table_tags(f->face, start, &nt, tags);
    for (unsigned i = 0; i < nt; i++) {
      int keep = 0;
      for (size_t k = 0; k < sizeof KEEP / sizeof *KEEP; k++)
        keep |= tags[i] == hb_tag_from_string(KEEP[k], 4);
      if (!keep) hb_set_add(drop, tags[i]);
    }
    start += nt;
  } while (nt == 64);
  hb_face_t *sub = hb_subset_or_fail(f->face, in);
  hb_subset_input_destroy(in);
  if (!sub) return NULL;
  hb_blob_t *b = hb_face_reference_blob(sub);
  unsigned n;
  const char *data = hb_blob_get_data(b, &n);
  unsigned char *out = NULL;
  if (n) {
    out = xmalloc(n);
    memcpy(out, data, n);
    *len = n;
  }
  hb_blob_destroy(b);
  hb_face_destroy(sub);
  return out;
}
