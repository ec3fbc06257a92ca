/* text.h — the one font flowc measures and draws with. Loads a TrueType
 * font (WenQuanYi Micro Hei through fontconfig by default), measures text
 * with HarfBuzz, wraps it by the Unicode line-breaking rules (libunibreak)
 * plus the Chinese rules no line may start with ，。、；：？！）》」 and none may
 * end with （《「, avoiding breaks inside words (ICU's dictionary), and
 * subsets it (hb-subset) for embedding.
 * A Font is owned by the caller (font_close); strings returned by
 * font_wrap live in the Ctx arena. Sizes and widths are in points. */
#ifndef FLOWC_TEXT_H
#define FLOWC_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include "ctx.h"

typedef struct Font Font;

/* Opens the font file at path (a .ttf, or face 0 of a .ttc); with path
 * NULL, finds "WenQuanYi Micro Hei" through fontconfig. On failure returns
 * NULL and stores in *err a message that says what is wrong and what to
 * install (e.g. "apt-get install fonts-wqy-microhei"); a CFF/OpenType
 * font without TrueType outlines is refused the same way. */
Font *font_open(const char *path, const char **err);
void font_close(Font *f);
const char *font_file(const Font *f);   /* the file in use */
const char *font_family(const Font *f); /* its family name, for SVG */

/* Width in points of UTF-8 text s (n bytes) at size pt, shaped with HarfBuzz. */
double font_width(Font *f, const char *s, size_t n, double size);
/* Whether the font has a glyph for every character measured so far
 * (font_width, font_wrap): NULL if so, else a message naming the first
 * one it lacks (drawn as an empty box), how many more, and which font to
 * choose. Controls and spaces do not count. */
const char *font_missing(const Font *f);
/* Forgets the characters font_missing would name (one font, many runs). */
void font_missing_clear(Font *f);
/* Ascent (positive) and descent (positive, below baseline) at size pt. */
double font_ascent(const Font *f, double size);
double font_descent(const Font *f, double size);
/* Baseline-to-baseline distance for wrapped lines at size pt. */
double font_line_height(const Font *f, double size);

/* Breaks UTF-8 text into lines no wider than maxw points at size pt:
 * the fewest lines that fit, made as even as possible, breaking after
 * punctuation or a space rather than between two ideographs, never inside
 * a Latin word or a number, and avoiding a line of one character or a
 * last line of two. "\n" in the text forces a break. A single unbreakable
 * piece wider than maxw is split between characters. Returns the number
 * of lines; *lines gets an arena array of NUL-terminated arena strings,
 * *widths (if not NULL) their widths. Empty text gives one empty line. */
int font_wrap(Ctx *c, Font *f, const char *s, double size, double maxw,
              const char ***lines, double **widths);
/* font_wrap, but when that leaves a line of one character or a last line
 * of two (punctuation not counted), wraps at the narrowest width up to
 * limit (>= maxw) that avoids it, with fewer lines or a longer last line;
 * if none does, gives font_wrap's lines at maxw. */
int font_wrap_fit(Ctx *c, Font *f, const char *s, double size, double maxw, double limit,
                  const char ***lines, double **widths);

/* A TrueType subset of the font holding the glyphs for the given code
 * points (plus .notdef), for embedding in SVG and PDF. Returns malloc'd
 * bytes (caller frees) and their length, or NULL on failure. */
unsigned char *font_subset(Font *f, const uint32_t *cps, size_t ncps, size_t *len);

/* The FreeType face (FT_Face) behind the font, for cairo. */
void *font_ft_face(Font *f);

#endif
