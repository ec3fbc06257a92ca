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
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
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
  UBreakIterator *words; /* ICU's Chinese word boundaries (dictionary), once opened */
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
  if (f->words) ubrk_close(f->words);
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

/* Lines are chosen by dynamic programming over the break opportunities
 * (UAX #14 through libunibreak, plus the Chinese rules): first the fewest
 * lines that fit, then the least cost, which is the sum over the lines of
 * their squared width in em (even lines cost least) plus the cost of each
 * break (after punctuation or a space nothing, between two ideographs the
 * most) and a penalty for a line of one character (punctuation not
 * counted) or a last line of two (counted: 批准？ is not short).
 * Costs are in em squared. Two lines d em off even cost 2d² more than
 * even ones, so a break after punctuation still beats one between two
 * ideographs with lines up to about 2 em each way off even:
 * 一联交财务部门，/ 财务入账, not 一联交财务部 / 门，财务入账. */
#define COST_PUNCT 0.0   /* after ，、；：。！？ , ; : ! ? ) or a closing bracket, or a space */
#define COST_WORD 3.0    /* before an opening bracket, before 和与及或并, after 的 */
#define COST_CHAR 10.0   /* between two ideographs (or an ideograph and a letter) */
#define COST_NUMBER 12.0 /* between a digit and the ideograph after it (3份, 10月) */
#define COST_INSIDE 12.0 /* added inside brackets: 《费用报销单》 stays whole */
#define COST_INWORD 8.0  /* added inside a word of ICU's dictionary: 是否, 通过 */
#define COST_LONE 6.0    /* added next to one ideograph beside punctuation (人，) */
#define COST_ORPHAN 20.0 /* a last line of two characters (40: a line of one) */
#define COST_SPLIT 1e3   /* inside an unbreakable piece wider than the line */
#define COST_FORCE 1e6   /* there, against the Chinese rules */

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
static int is_close(uint32_t cp) { /* )）》」』】”’ */
  return cp == ')' || cp == 0xFF09 || cp == 0x300B || cp == 0x300D || cp == 0x300F ||
         cp == 0x3011 || cp == 0x201D || cp == 0x2019;
}
static int is_han(uint32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFF);
}
/* Punctuation and symbols: they do not count as characters of a line. */
static int is_punct(uint32_t cp) {
  if (cp < 0x80) return cp > 0x20 && cp < 0x7F && !(cp >= '0' && cp <= '9') &&
                        !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return utf8_is_punct(cp);
}

/* Punctuation that ends a clause or a list item: ，、；：。！？ , ; : . ? ! */
static int is_stop(uint32_t cp) {
  if (cp < 0x80) return cp && strchr(",;:.?!", (int)cp);
  return cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1B || cp == 0xFF1A || cp == 0x3002 ||
         cp == 0xFF1F || cp == 0xFF01;
}

/* What a break between characters p and n costs, with pp before p and nn
 * after n (0 beyond the text), depth brackets deep. Without a dictionary,
 * words are guessed only from function characters (the particle 的 ends
 * a phrase, the conjunctions 和与及或并 start one) and from one rule: a
 * line that ends with punctuation and one ideograph (，了 / 解) or starts
 * with one ideograph and punctuation (负责 / 人，) most likely cut a word,
 * as most Chinese words of one character are function words. */
static double break_cost(uint32_t pp, uint32_t p, uint32_t n, uint32_t nn, int depth) {
  double c = COST_CHAR;
  if (is_stop(p) || is_close(p) || is_space(p))
    c = COST_PUNCT;
  else if (no_end(n) || p == 0x7684 /* 的 */ || n == 0x548C || n == 0x4E0E ||
           n == 0x53CA || n == 0x6216 || n == 0x5E76) /* 和与及或并 */
    c = COST_WORD;
  else if (p >= '0' && p <= '9' && is_han(n))
    c = COST_NUMBER;
  if ((is_han(n) && is_stop(nn)) || (is_han(p) && is_stop(pp))) c += COST_LONE;
  return c + (depth > 0 ? COST_INSIDE : 0);
}

typedef struct Wrap {
  Ch *ch;
  int nc;
  double upem;
  double *x;     /* x[i]: advance of characters [0, i), font units */
  int *te;       /* te[j]: j less the spaces and newlines just before it */
  int *cnt;      /* cnt[i]: characters in [0, i) that are not punctuation */
  double *cost;  /* cost[j]: break cost before character j */
  int *cand;     /* the breaks considered in one paragraph, */
  double *pen;   /* what each costs, */
  int *nl, *prev; /* and the dynamic program: lines, the break before */
  double *sum;   /* and the cost up to each */
  int *ls, *le;  /* the lines chosen: characters [ls, le) */
  int n;
  double last2;  /* the cost of a last line of two characters */
} Wrap;

/* Width of the line of characters [i, j) without trailing spaces. */
static double line_w(const Wrap *w, int i, int j) {
  int e = w->te[j];
  return e > i ? w->x[e] - w->x[i] : 0;
}

/* Adds every boundary in (a, b) as a candidate, rules or not. */
static int split_all(Wrap *w, int k, int a, int b) {
  for (int j = a + 1; j < b; j++) w->cand[k] = j, w->pen[k++] = COST_FORCE;
  return k;
}

/* Adds candidates inside the unbreakable piece [a, b), wider than W: the
 * boundaries the Chinese rules allow, and all of them where that is not
 * enough. */
static int split_piece(Wrap *w, int k, int a, int b, double W) {
  int last = a;
  for (int j = a + 1; j < b; j++) {
    if (no_start(w->ch[j].cp) || no_end(w->ch[j - 1].cp)) continue;
    if (line_w(w, last, j) > W) k = split_all(w, k, last, j);
    w->cand[k] = j, w->pen[k++] = COST_SPLIT;
    last = j;
  }
  return line_w(w, last, b) > W ? split_all(w, k, last, b) : k;
}

/* The candidate breaks of paragraph [a, b) at width W, a and b included;
 * returns the index of b. */
static int candidates(Wrap *w, int a, int b, double W) {
  int k = 0, c0 = a;
  w->cand[k] = a, w->pen[k++] = 0;
  for (int j = a + 1; j <= b; j++) {
    if (j < b && w->ch[j - 1].brk != LINEBREAK_ALLOWBREAK) continue;
    if (line_w(w, c0, j) > W) k = split_piece(w, k, c0, j, W);
    w->cand[k] = j, w->pen[k++] = j < b ? w->cost[j] : 0;
    c0 = j;
  }
  return k - 1;
}

/* How bad line [i, j), one of several, is as an orphan: 2 if it holds one
 * character (punctuation not counted), 1 if it is the last and holds
 * two, else 0. */
static int orphan(const Wrap *w, int i, int j, int last) {
  int n = w->cnt[w->te[j]] - w->cnt[i];
  return n <= 1 ? 2 : last && n == 2;
}

/* Wraps paragraph [a, b) at width W (font units), appending its lines;
 * returns whether one of them is an orphan. */
static int paragraph(Wrap *w, int a, int b, double W) {
  if (line_w(w, a, b) <= W) { /* one line: the usual case, and no O(k^2) */
    w->ls[w->n] = a, w->le[w->n++] = b;
    return 0;
  }
  int k = candidates(w, a, b, W);
  double em = w->upem;
  w->nl[0] = 0, w->sum[0] = 0;
  for (int t = 1; t <= k; t++) {
    w->nl[t] = w->nc + 2;
    for (int s = t - 1; s >= 0; s--) {
      double lw = line_w(w, w->cand[s], w->cand[t]);
      if (lw > W && s < t - 1) break;
      int n = w->nl[s] + 1;
      double c = w->sum[s] + (lw / em) * (lw / em) + w->pen[t];
      int o = s > 0 || t < k ? orphan(w, w->cand[s], w->cand[t], t == k) : 0;
      if (o == 2) c += 2 * COST_ORPHAN;
      else if (o && w->te[w->cand[t]] - w->cand[s] <= 2) c += w->last2; /* 结束, not 批准？ */
      if (n < w->nl[t] || (n == w->nl[t] && c <= w->sum[t] + 1e-9)) /* ties: longer last line */
        w->nl[t] = n, w->sum[t] = c, w->prev[t] = s;
    }
  }
  int n = k ? w->nl[k] : 1, bad = 0;
  w->ls[w->n] = w->le[w->n] = a; /* an empty paragraph is one empty line */
  for (int t = k, i = w->n + n - 1; t > 0; t = w->prev[t], i--) {
    w->ls[i] = w->cand[w->prev[t]], w->le[i] = w->cand[t];
    bad |= n > 1 && orphan(w, w->ls[i], w->le[i], t == k);
  }
  w->n += n;
  return bad;
}

/* Wraps every paragraph (text between forced breaks) at width W; returns
 * whether a line is an orphan. */
static int wrap_all(Wrap *w, double W) {
  int bad = 0;
  w->n = 0;
  for (int a = 0;;) {
    int b = a;
    while (b < w->nc && !is_newline(w->ch[b].cp)) b++;
    bad |= paragraph(w, a, b, W);
    if (b == w->nc) return bad;
    if (w->ch[b].cp == '\r' && b + 1 < w->nc && w->ch[b + 1].cp == '\n') b++;
    a = b + 1;
  }
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The widths in (lo, hi] that a line between two break opportunities can
 * have: where wrapping may change. Returns how many (malloc'd, sorted). */
static int widths_between(Wrap *w, double lo, double hi, double **out) {
  int n = 0, cap = 0;
  *out = NULL;
  for (int a = 0; a < w->nc;) {
    int b = a;
    while (b < w->nc && !is_newline(w->ch[b].cp)) b++;
    int k = candidates(w, a, b, INFINITY);
    for (int s = 0; s < k; s++)
      for (int t = s + 1; t <= k; t++) {
        double lw = line_w(w, w->cand[s], w->cand[t]);
        if (lw > hi) break;
        if (lw <= lo) continue;
        if (n == cap) cap = cap ? 2 * cap : 64, *out = xrealloc(*out, (size_t)cap * sizeof **out);
        (*out)[n++] = lw;
      }
    a = b + 1;
  }
  if (n) qsort(*out, (size_t)n, sizeof **out, cmp_double);
  return n;
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

/* Breaks between two ideographs inside one word cost more: the words are
 * ICU's (dictionary-based for Chinese). Without ICU's data, nothing. */
static void inside_words(Wrap *w, Font *f, const char *text, size_t n) {
  UErrorCode st = U_ZERO_ERROR;
  if (!f->words) f->words = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
  if (!f->words || U_FAILURE(st) || w->nc < 2 || n > INT32_MAX / 2) return;
  UChar *u = xmalloc(sizeof(UChar) * (2 * n + 1));
  int32_t ulen = 0;
  u_strFromUTF8Lenient(u, (int32_t)(2 * n + 1), &ulen, text, (int32_t)n, &st);
  int *at = xmalloc(sizeof(int) * ((size_t)ulen + 2)); /* UTF-16 offset -> character */
  for (int32_t k = 0; k <= ulen; k++) at[k] = -1;
  for (int i = 0, k = 0; i < w->nc && k <= ulen; k += w->ch[i].cp > 0xFFFF ? 2 : 1, i++) at[k] = i;
  char *bound = xmalloc((size_t)w->nc + 1);
  memset(bound, 0, (size_t)w->nc + 1);
  if (U_SUCCESS(st)) {
    ubrk_setText(f->words, u, ulen, &st);
    for (int32_t k = ubrk_first(f->words); U_SUCCESS(st) && k != UBRK_DONE; k = ubrk_next(f->words))
      if (k <= ulen && at[k] >= 0) bound[at[k]] = 1;
    for (int i = 1; U_SUCCESS(st) && i < w->nc; i++)
      if (!bound[i] && is_han(w->ch[i - 1].cp) && is_han(w->ch[i].cp)) w->cost[i] += COST_INWORD;
    ubrk_setText(f->words, u, 0, &st); /* forget the text before it is freed */
  }
  free(bound);
  free(at);
  free(u);
}

/* The characters of text (n bytes) with their advances and break
 * opportunities, and the tables the wrapping reads, in one allocation. */
static void prepare(Wrap *w, Font *f, const char *text, size_t n) {
  static int lb_ready;
  if (!lb_ready) init_linebreak(), lb_ready = 1;
  size_t m = n + 2; /* characters, and one more for the prefix tables */
  char *mem = xmalloc(m * (sizeof(Ch) + 4 * sizeof(double) + 7 * sizeof(int)));
  w->ch = (Ch *)mem;
  w->x = (double *)(w->ch + m), w->cost = w->x + m, w->pen = w->cost + m, w->sum = w->pen + m;
  w->te = (int *)(w->sum + m), w->cnt = w->te + m, w->cand = w->cnt + m;
  w->nl = w->cand + m, w->prev = w->nl + m, w->ls = w->prev + m, w->le = w->ls + m;
  w->upem = f->upem;
  Ch *ch = w->ch;
  int nc = 0;
  for (size_t i = 0; i < n;) {
    Ch *x = &ch[nc++];
    x->off = i;
    x->len = utf8_decode((const unsigned char *)text + i, n - i, &x->cp);
    x->adv = 0;
    x->brk = LINEBREAK_NOBREAK;
    i += (size_t)x->len;
  }
  w->nc = nc;
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
  w->x[0] = 0, w->te[0] = 0, w->cnt[0] = 0;
  int depth = 0;
  for (int i = 0; i < nc; i++) {
    uint32_t cp = ch[i].cp;
    w->x[i + 1] = w->x[i] + ch[i].adv;
    w->te[i + 1] = is_space(cp) || is_newline(cp) ? w->te[i] : i + 1;
    w->cnt[i + 1] = w->cnt[i] + !(is_space(cp) || is_ctrl(cp) || is_punct(cp));
    depth = is_newline(cp) ? 0 : no_end(cp) ? depth + 1 : is_close(cp) && depth ? depth - 1 : depth;
    if (i + 1 < nc)
      w->cost[i + 1] = break_cost(i ? ch[i - 1].cp : 0, cp, ch[i + 1].cp,
                                  i + 2 < nc ? ch[i + 2].cp : 0, depth);
  }
  inside_words(w, f, text, n);
}

/* The chosen lines into the arena, without trailing spaces and breaks. */
static int emit(Ctx *c, const Wrap *w, const char *text, double scale,
                const char ***lines, double **widths) {
  *lines = arena_alloc(&c->arena, (size_t)w->n * sizeof **lines);
  if (widths) *widths = arena_alloc(&c->arena, (size_t)w->n * sizeof **widths);
  for (int i = 0; i < w->n; i++) {
    int a = w->ls[i], b = w->te[w->le[i]];
    if (b < a) b = a;
    size_t from = b > a ? w->ch[a].off : 0;
    size_t to = b > a ? w->ch[b - 1].off + (size_t)w->ch[b - 1].len : 0;
    (*lines)[i] = arena_strndup(&c->arena, text + from, to - from);
    if (widths) (*widths)[i] = line_w(w, a, b) * scale;
  }
  return w->n;
}

static int wrap(Ctx *c, Font *f, const char *s, double size, double maxw, double limit,
                const char ***lines, double **widths) {
  size_t n;
  const char *text = valid_utf8(c, s, strlen(s), &n);
  Wrap w;
  prepare(&w, f, text, n);
  double scale = size / f->upem, W = maxw / scale + 1e-6, L = limit / scale + 1e-6;
  /* With room to widen, a last line of two is avoided by a wider box,
   * not at maxw by a worse break (不予 / 借阅，结束). */
  w.last2 = L > W ? 0 : COST_ORPHAN;
  if (wrap_all(&w, W) && L > W) {
    double *ws;
    int k = widths_between(&w, W, L, &ws), ok = 0;
    for (int i = 0; i < k && !ok; i++)
      if (i == 0 || ws[i] > ws[i - 1]) ok = !wrap_all(&w, ws[i] + 1e-6);
    if (!ok) w.last2 = COST_ORPHAN, wrap_all(&w, W);
    free(ws);
  }
  int count = emit(c, &w, text, scale, lines, widths);
  free(w.ch);
  return count;
}

int font_wrap(Ctx *c, Font *f, const char *s, double size, double maxw,
              const char ***lines, double **widths) {
  return wrap(c, f, s, size, maxw, 0, lines, widths);
}

int font_wrap_fit(Ctx *c, Font *f, const char *s, double size, double maxw, double limit,
                  const char ***lines, double **widths) {
  return wrap(c, f, s, size, maxw, limit, lines, widths);
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
