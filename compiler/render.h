/* render.h — drawing a Scene. The writers only read the scene (and the
 * font it was measured with); they never lay anything out themselves.
 * Each returns 0 on success, or -1 with a message in *err (static or
 * arena string). Output goes to a stream the caller opened (the caller
 * writes to a temporary file and renames it into place). */
#ifndef FLOWC_RENDER_H
#define FLOWC_RENDER_H
#include <stdio.h>
#include "scene.h"
#include "text.h"

/* SVG 1.1: viewBox in points, <title> with the process title, a
 * <g class="lane" id="lane-ID"> per lane, <g class="node KIND"
 * id="node-ID"> per node (call nodes wrapped in <a href="PROCID.svg">,
 * or <a href="PROCID"> with SVG_PAGE_LINKS), <g class="edge"
 * id="edge-FROM-TO[-N]"> per edge; all text escaped. With SVG_EMBED_FONT,
 * an @font-face with the font subset as a data URI. */
enum { SVG_EMBED_FONT = 1, SVG_PAGE_LINKS = 2 };
int svg_write(Ctx *c, const Scene *s, Font *f, unsigned flags, FILE *out, const char **err);
/* Marks over a chart (`flowc diff --svg`): per scene node and edge a class
 * ("added": drawn green, "changed": orange, dashed for a node; NULL or a
 * NULL entry: none), and lines of a legend below the chart, the picture
 * growing to hold them. */
typedef struct SvgMarks {
  const char *const *node_class;
  const char *const *edge_class;
  const char *const *legend; int nlegend;
} SvgMarks;
/* svg_write with marks (NULL: none, the same SVG as svg_write). */
int svg_write_marked(Ctx *c, const Scene *s, Font *f, unsigned flags, const SvgMarks *mk, FILE *out,
                     const char **err);

/* Text as XML character data or a double-quoted attribute value: markup
 * characters escaped, characters XML cannot hold dropped, invalid UTF-8
 * as U+FFFD. */
void svg_text(FILE *o, const char *s);
/* A process ID as a relative URL, then suffix: ASCII other than letters,
 * digits, _ - . is percent-encoded (so no scheme such as javascript: can
 * form), other characters stay as UTF-8 (an IRI). */
void svg_href(FILE *o, const char *id, const char *suffix);
/* An ID as part of an XML name: ASCII letters, digits, _ and the other
 * NameChars (Chinese) stay, every other byte becomes .XX; so the result
 * never holds '-' or ':' and distinct IDs stay distinct. */
void svg_id(FILE *o, const char *id);
/* The same with every byte beyond ASCII as .XX too, for tools that take
 * only ASCII IDs (bpmn-moddle, and so bpmn-js). */
void svg_ascii_id(FILE *o, const char *id);
/* A number as the shortest of %.2f ("12.5", "3", never "-0"). */
void svg_num(FILE *o, double v);

/* PNG drawn with cairo at `scale` pixels per point, white background. */
#define PNG_MAX_SIDE 32767   /* pixels, cairo's limit */
#define PNG_MIN_TEXT_PX 8    /* smaller text is unreadable */
/* The largest scale up to `want` at which the picture fits PNG_MAX_SIDE,
 * or 0 when at that scale the nodes' text would be under PNG_MIN_TEXT_PX. */
double png_fit_scale(const Scene *s, double want);
int png_write(Ctx *c, const Scene *s, Font *f, double scale, FILE *out, const char **err);

/* BPMN 2.0 XML (bpmn.c; the mapping is documented in README.md): one
 * definitions with a collaboration of the n processes (a participant
 * each), their flow, and BPMN-DI at the scenes' coordinates, the pools
 * one below the other. */
int bpmn_write(Ctx *c, Scene *const *scenes, int n, FILE *out, const char **err);

/* The scene's geometry as JSON (documented in README.md). */
int scene_json_write(Ctx *c, const Scene *s, FILE *out, const char **err);

#endif
