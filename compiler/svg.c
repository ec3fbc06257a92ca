/* svg.c — the SVG writer (see render.h). Draws phases, lanes, nodes and
 * edges in that order, each a <g> with a stable class and id; all text
 * goes through svg_text, every ID through put_id (svg_href for links). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "render.h"
#include "shape.h"
#include "utf8.h"

/* ---- numbers and escaping ---- */

/* Shortest of %.2f: "12.5", "3", never "-0". */
void svg_num(FILE *o, double v) {
  char b[48];
  if (!isfinite(v)) v = 0;
  snprintf(b, sizeof b, "%.2f", v);
  char *e = b + strlen(b);
  while (e[-1] == '0') e--;
  if (e[-1] == '.') e--;
  *e = 0;
  fputs(strcmp(b, "-0") ? b : "0", o);
}

static void pt(FILE *o, double x, double y) {
  svg_num(o, x);
  fputc(',', o);
  svg_num(o, y);
}

/* The next code point of s (advancing *i); invalid bytes give U+FFFD.
 * Returns 0 for characters XML cannot hold (C0 controls but tab, U+FFFE,
 * U+FFFF), which callers drop. */
static uint32_t next_cp(const char *s, size_t n, size_t *i, int *len) {
  uint32_t cp;
  int k = utf8_decode((const unsigned char *)s + *i, n - *i, &cp);
  if (!k) { cp = 0xFFFD; k = 1; }
  *i += (size_t)k;
  *len = k;
  if ((cp < 0x20 && cp != '\t') || cp == 0xFFFE || cp == 0xFFFF) return 0;
  return cp;
}

void svg_text(FILE *o, const char *s) {
  size_t n = strlen(s), i = 0;
  while (i < n) {
    size_t at = i;
    int k;
    uint32_t cp = next_cp(s, n, &i, &k);
    switch (cp) {
    case 0: break;
    case '&': fputs("&amp;", o); break;
    case '<': fputs("&lt;", o); break;
    case '>': fputs("&gt;", o); break;
    case '"': fputs("&quot;", o); break;
    case '\'': fputs("&apos;", o); break;
    case '\t': fputs("&#9;", o); break;
    case 0xFFFD: fputs("\xEF\xBF\xBD", o); break;
    default: fwrite(s + at, 1, (size_t)k, o);
    }
  }
}

/* XML NameChar beyond ASCII (XML 1.0, 5th edition). */
static int name_char(uint32_t cp) {
  return cp == 0xB7 || (cp >= 0xC0 && cp <= 0x37D && cp != 0xD7 && cp != 0xF7) ||
         (cp >= 0x37F && cp <= 0x1FFF) || cp == 0x200C || cp == 0x200D ||
         cp == 0x203F || cp == 0x2040 || (cp >= 0x2070 && cp <= 0x218F) ||
         (cp >= 0x2C00 && cp <= 0x2FEF) || (cp >= 0x3001 && cp <= 0xD7FF) ||
         (cp >= 0xF900 && cp <= 0xFDCF) || (cp >= 0xFDF0 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0xEFFFF);
}

/* An ID as part of an id="" value: letters, digits, _ and (unless
 * ascii) name characters such as Chinese stay; every other byte becomes
 * .XX (so '-', the separator in edge-FROM-TO, never appears and ids stay
 * unique). */
static void put_id(FILE *o, const char *s, int ascii) {
  size_t n = strlen(s), i = 0;
  while (i < n) {
    size_t at = i;
    uint32_t cp;
    int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
    i += k ? (size_t)k : 1;
    int keep = !k ? 0 : cp < 0x80 ? (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                           (cp >= '0' && cp <= '9') || cp == '_'
                         : !ascii && name_char(cp);
    if (keep) fwrite(s + at, 1, (size_t)k, o);
    else for (size_t j = at; j < i; j++) fprintf(o, ".%02X", (unsigned char)s[j]);
  }
}

void svg_id(FILE *o, const char *s) { put_id(o, s, 0); }
void svg_ascii_id(FILE *o, const char *s) { put_id(o, s, 1); }

void svg_href(FILE *o, const char *s, const char *suffix) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    int keep = *p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
               (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' || *p == '.';
    if (keep) fputc(*p, o);
    else fprintf(o, "%%%02X", *p);
  }
  fputs(suffix, o);
}

/* A CSS string body (inside double quotes) in XML character data. */
static void put_css_string(FILE *o, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p < 0x20) continue;
    if (*p == '"' || *p == '\\') fputc('\\', o);
    if (*p == '<') fputs("&lt;", o);
    else if (*p == '&') fputs("&amp;", o);
    else if (*p == '>') fputs("&gt;", o);
    else fputc(*p, o);
  }
}

/* ---- the embedded font ---- */

static void put_base64(FILE *o, const unsigned char *d, size_t n) {
  static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)d[i] << 16;
    if (i + 1 < n) v |= (unsigned)d[i + 1] << 8;
    if (i + 2 < n) v |= d[i + 2];
    char q[4] = {a[v >> 18 & 63], a[v >> 12 & 63],
                 i + 1 < n ? a[v >> 6 & 63] : '=', i + 2 < n ? a[v & 63] : '='};
    fwrite(q, 1, 4, o);
  }
}

typedef struct Cps { uint32_t *v; size_t n, cap; } Cps;

static void add_text(Cps *c, const char *text) {
  size_t n = strlen(text), i = 0;
  while (i < n) {
    int k;
    uint32_t cp = next_cp(text, n, &i, &k);
    if (!cp) continue;
    if (c->n == c->cap) {
      c->cap = c->cap ? 2 * c->cap : 256;
      c->v = xrealloc(c->v, c->cap * sizeof *c->v);
    }
    c->v[c->n++] = cp;
  }
}

static void add_run(Cps *c, const TextRun *r) { add_text(c, r->text); }

static int cmp_cp(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* Every code point the scene's text runs and the legend use, sorted,
 * once each. */
static Cps scene_cps(const Scene *s, const SvgMarks *mk) {
  Cps c = {0};
  for (int i = 0; mk && i < mk->nlegend; i++) add_text(&c, mk->legend[i]);
  for (int i = 0; i < s->nnotes; i++) add_run(&c, &s->notes[i]);
  for (int i = 0; i < s->nlanes; i++)
    for (int j = 0; j < s->lanes[i].ntitle; j++) add_run(&c, &s->lanes[i].title[j]);
  for (int i = 0; i < s->ngroups; i++)
    for (int j = 0; j < s->groups[i].ntitle; j++) add_run(&c, &s->groups[i].title[j]);
  for (int i = 0; i < s->nmarks; i++) add_run(&c, &s->marks[i].text);
  for (int i = 0; i < s->nphases; i++)
    for (int j = 0; j < s->phases[i].ntitle; j++) add_run(&c, &s->phases[i].title[j]);
  for (int i = 0; i < s->nnodes; i++)
    for (int j = 0; j < s->nodes[i].nlines; j++) add_run(&c, &s->nodes[i].lines[j]);
  for (int i = 0; i < s->nedges; i++)
    for (int j = 0; j < s->edges[i].nlabel; j++) add_run(&c, &s->edges[i].label[j]);
  if (c.n) qsort(c.v, c.n, sizeof *c.v, cmp_cp);
  size_t m = 0;
  for (size_t i = 0; i < c.n; i++)
    if (!m || c.v[m - 1] != c.v[i]) c.v[m++] = c.v[i];
  c.n = m;
  return c;
}

/* The @font-face rule with the subset as a data URI; 0 when there is no
 * text, -1 when the font cannot be subset. */
static int put_font_face(FILE *o, const Scene *s, const SvgMarks *mk, Font *f) {
  Cps c = scene_cps(s, mk);
  if (!c.n) { free(c.v); return 0; }
  size_t len = 0;
  unsigned char *ttf = font_subset(f, c.v, c.n, &len);
  free(c.v);
  if (!ttf) return -1;
  fputs("@font-face{font-family:\"flowc-font\";src:url(data:font/ttf;base64,", o);
  put_base64(o, ttf, len);
  fputs(") format(\"truetype\")}\n", o);
  free(ttf);
  return 0;
}

static const char marks_css[] =
  ".node.added .shape{stroke:#1a7f37;stroke-width:3}\n"
  ".node.changed .shape{stroke:#d97706;stroke-width:3;stroke-dasharray:6 3}\n"
  ".edge.added .line{stroke:#1a7f37;stroke-width:2.5}\n"
  ".edge.changed .line{stroke:#d97706;stroke-width:2.5}\n"
  ".edge.added .arrow{fill:#1a7f37}.edge.changed .arrow{fill:#d97706}\n"
  ".legend .added{fill:#1a7f37}.legend .changed{fill:#d97706}.legend .removed{fill:#b00020}\n";

static int any_conditional(const Scene *s) {
  for (int i = 0; i < s->nnodes; i++)
    if (s->nodes[i].conditional) return 1;
  return 0;
}

static int put_style(FILE *o, const Scene *s, const SvgMarks *mk, Font *f, int embed_font) {
  fputs("<style>\n", o);
  if (embed_font && put_font_face(o, s, mk, f)) return -1;
  fputs("text{font-family:", o);
  if (embed_font) fputs("\"flowc-font\",", o);
  fputc('"', o);
  put_css_string(o, font_family(f));
  fputs("\",sans-serif;fill:#000}\n", o);
  fputs(".lane .col,.lane .head,.phase .band,.phase .head,.node .shape,.edge .line{stroke:#000;stroke-width:", o);
  svg_num(o, s->stroke);
  fputs(";stroke-linejoin:round}\n"
        ".lane .col{fill:none}\n"
        ".lane .head{fill:#e8e8e8}\n"
        ".phase .band{fill:#fff}\n"
        ".phase.alt .band{fill:#f2f5fa}\n"
        ".phase .head{fill:#e8e8e8}\n"
        ".node .shape{fill:#fff}\n"
        ".node .bar{fill:#000}\n"
        ".edge .line{fill:none}\n"
        ".edge.back .line{stroke-dasharray:5 3}\n"
        ".edge .arrow,.edge .junction{fill:#000;stroke:none}\n"
        ".edge .label-bg,.background{fill:#fff;stroke:none}\n", o);
  if (s->ngroups) {  /* v1.1: only where used, so v1 charts stay as they were */
    fputs(".lane-group .head{fill:#d8dde6;stroke:#000;stroke-width:", o);
    svg_num(o, s->stroke);
    fputs("}\n", o);
  }
  if (s->nmarks) fputs(".joint-mark .tag{fill:#fff;stroke:#666;stroke-dasharray:3 2}\n.joint-mark text{fill:#444}\n", o);
  if (mk) fputs(marks_css, o);
  if (any_conditional(s)) fputs(".node.conditional .shape{stroke-dasharray:6 3}\n", o);
  fputs("</style>\n", o);
  return 0;
}

/* ---- pieces ---- */

static void put_rect(FILE *o, const char *cls, Rect r) {
  fprintf(o, "<rect class=\"%s\" x=\"", cls);
  svg_num(o, r.x);
  fputs("\" y=\"", o);
  svg_num(o, r.y);
  fputs("\" width=\"", o);
  svg_num(o, r.w);
  fputs("\" height=\"", o);
  svg_num(o, r.h);
  fputs("\"/>\n", o);
}

static void put_runs(FILE *o, const char *cls, const TextRun *r, int n) {
  for (int i = 0; i < n; i++) {
    fputs("<text", o);
    if (cls) fprintf(o, " class=\"%s\"", cls);
    fputs(" x=\"", o);
    svg_num(o, r[i].x);
    fputs("\" y=\"", o);
    svg_num(o, r[i].y);
    fputs("\" font-size=\"", o);
    svg_num(o, r[i].size);
    fputs("\">", o);
    svg_text(o, r[i].text);
    fputs("</text>\n", o);
  }
}

/* ---- shape outlines (shape.c) as path data ---- */

static void path_d(FILE *o, const ShapePath *sp) {
  for (int i = 0; i < sp->n; i++) {
    const ShapeSeg *g = &sp->seg[i];
    switch (g->op) {
    case SEG_MOVE: fputs("M", o); pt(o, g->p[0].x, g->p[0].y); break;
    case SEG_LINE: fputs("L", o); pt(o, g->p[0].x, g->p[0].y); break;
    case SEG_CURVE:
      fputs("C", o);
      for (int k = 0; k < 3; k++) {
        if (k) fputc(' ', o);
        pt(o, g->p[k].x, g->p[k].y);
      }
      break;
    case SEG_CLOSE: fputs("Z", o); break;
    }
  }
}

/* ---- groups ---- */

static void put_phase(FILE *o, const ScenePhase *p, int i) {
  fprintf(o, "<g class=\"phase%s\" id=\"phase-%d\">\n", i % 2 ? " alt" : "", i);
  put_rect(o, "band", p->box);
  put_rect(o, "head", p->header);
  put_runs(o, "title", p->title, p->ntitle);
  fputs("</g>\n", o);
}

static void put_lane(FILE *o, const SceneLane *l) {
  fputs("<g class=\"lane\" id=\"lane-", o);
  svg_id(o, l->lane->id);
  fputs("\">\n", o);
  put_rect(o, "col", l->box);
  put_rect(o, "head", l->header);
  put_runs(o, "title", l->title, l->ntitle);
  fputs("</g>\n", o);
}

static void put_group(FILE *o, const SceneGroup *g) {
  fputs("<g class=\"lane-group\" id=\"group-", o);
  svg_id(o, g->group->id);
  fputs("\">\n", o);
  put_rect(o, "head", g->header);
  put_runs(o, "title", g->title, g->ntitle);
  fputs("</g>\n", o);
}

/* A start's trigger and period beside it, the period after a clock. */
static void put_caption(FILE *o, const SceneNode *n) {
  if (!n->ncaption) return;
  if (n->clock.w > 0) {
    ShapePath sp;
    shape_path(SH_CLOCK, n->clock, &sp);
    fputs("<path class=\"shape clock\" d=\"", o);
    path_d(o, &sp);
    fputs("\"/>\n", o);
  }
  put_runs(o, "caption", n->caption, n->ncaption);
}

static void put_mark(FILE *o, const Scene *s, const SceneMark *m) {
  fputs("<g class=\"joint-mark\" id=\"mark-", o);
  svg_id(o, s->nodes[m->node].node->id);
  fputc('-', o);
  svg_id(o, s->lanes[m->lane].lane->id);
  fputs("\">\n", o);
  put_rect(o, "tag", m->box);
  put_runs(o, NULL, &m->text, 1);
  fputs("</g>\n", o);
}

static void put_node(FILE *o, const SceneNode *n, int page_links, const char *mark) {
  if (n->link) {
    fputs("<a href=\"", o);
    svg_href(o, n->link, page_links ? "" : ".svg");
    fputs("\" xlink:href=\"", o);
    svg_href(o, n->link, page_links ? "" : ".svg");
    fputs("\">\n", o);
  }
  NodeKind k = n->node->kind;
  fprintf(o, "<g class=\"node %s%s%s%s\" id=\"node-", k >= 0 && k < NK__COUNT ? node_kind_name[k] : "unknown",
          n->conditional ? " conditional" : "", mark ? " " : "", mark ? mark : "");
  svg_id(o, n->node->id);
  fprintf(o, "\">\n<path class=\"%s\" d=\"", n->shape == SH_BAR ? "shape bar" : "shape");
  ShapePath sp;
  shape_path(n->shape, n->box, &sp);
  path_d(o, &sp);
  fputs("\"/>\n", o);
  put_runs(o, NULL, n->lines, n->nlines);
  put_caption(o, n);
  fputs("</g>\n", o);
  if (n->link) fputs("</a>\n", o);
}

static void put_edge(FILE *o, const SceneEdge *e, const char *mark) {
  fprintf(o, "<g class=\"edge%s%s%s\" id=\"edge-", e->back ? " back" : "", mark ? " " : "", mark ? mark : "");
  svg_id(o, e->edge->from_id);
  fputc('-', o);
  svg_id(o, e->edge->to_id);
  if (e->seq > 1) fprintf(o, "-%d", e->seq);
  fputs("\">\n", o);
  if (e->npts > 1) {
    fputs("<path class=\"line\" d=\"", o);
    for (int i = 0; i < e->npts; i++) {
      fputs(i ? "L" : "M", o);
      pt(o, e->pts[i].x, e->pts[i].y);
    }
    fputs("\"/>\n", o);
  }
  fputs("<polygon class=\"arrow\" points=\"", o);
  for (int i = 0; i < 3; i++) {
    if (i) fputc(' ', o);
    pt(o, e->head[i].x, e->head[i].y);
  }
  fputs("\"/>\n", o);
  for (int i = 0; i < e->ndots; i++) {
    fputs("<circle class=\"junction\" ", o);
    fprintf(o, "cx=\"%.2f\" cy=\"%.2f\" r=\"%.1f\"/>\n", e->dots[i].x, e->dots[i].y, JUNCTION_R);
  }
  if (e->nlabel > 0) {
    put_rect(o, "label-bg", e->label_box);
    put_runs(o, "label", e->label, e->nlabel);
  }
  fputs("</g>\n", o);
}

#define LEGEND_PT 12.0
#define LEGEND_LINE 18.0

/* The legend's lines below the chart, each a class by its first word. */
static void put_legend(FILE *o, const Scene *s, const SvgMarks *mk) {
  fputs("<g class=\"legend\">\n", o);
  for (int i = 0; i < mk->nlegend; i++) {
    const char *t = mk->legend[i];
    const char *cls = t[0] == '+' ? "added" : t[0] == '~' ? "changed" : t[0] == '-' ? "removed" : "note";
    TextRun r = {t, 8, s->height + s->notes_h + LEGEND_LINE * (i + 1), 0, LEGEND_PT};
    put_runs(o, cls, &r, 1);
  }
  fputs("</g>\n", o);
}

static const char *mark_of(const char *const *cls, int i) { return cls ? cls[i] : NULL; }

int svg_write_marked(Ctx *c, const Scene *s, Font *f, unsigned flags, const SvgMarks *mk, FILE *out,
                     const char **err) {
  (void)c;
  double h = s->height + s->notes_h + (mk && mk->nlegend ? LEGEND_LINE * mk->nlegend + 10 : 0);
  double w = fmax(s->width, s->notes_w);
  for (int i = 0; mk && i < mk->nlegend; i++) /* the legend's lines from x = 8 */
    w = fmax(w, 16 + font_width(f, mk->legend[i], strlen(mk->legend[i]), LEGEND_PT));
  fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
        " version=\"1.1\" xml:space=\"preserve\" viewBox=\"0 0 ", out);
  svg_num(out, w);
  fputc(' ', out);
  svg_num(out, h);
  fputs("\" width=\"", out);
  svg_num(out, w);
  fputs("pt\" height=\"", out);
  svg_num(out, h);
  fputs("pt\">\n<title>", out);
  svg_text(out, s->proc->title ? s->proc->title : s->proc->id);
  fputs("</title>\n", out);
  if (put_style(out, s, mk, f, flags & SVG_EMBED_FONT)) {
    *err = "cannot subset the font for embedding (try --no-embed-font)";
    return -1;
  }
  put_rect(out, "background", (Rect){0, 0, w, h});
  for (int i = 0; i < s->nphases; i++) put_phase(out, &s->phases[i], i);
  for (int i = 0; i < s->nlanes; i++) put_lane(out, &s->lanes[i]);
  for (int i = 0; i < s->ngroups; i++) put_group(out, &s->groups[i]);
  for (int i = 0; i < s->nnodes; i++)
    put_node(out, &s->nodes[i], flags & SVG_PAGE_LINKS, mk ? mark_of(mk->node_class, i) : NULL);
  for (int i = 0; i < s->nedges; i++) put_edge(out, &s->edges[i], mk ? mark_of(mk->edge_class, i) : NULL);
  if (s->nnotes) {
    fputs("<g class=\"notes\">\n", out);
    put_runs(out, "note", s->notes, s->nnotes);
    fputs("</g>\n", out);
  }
  for (int i = 0; i < s->nmarks; i++) put_mark(out, s, &s->marks[i]);
  if (mk && mk->nlegend) put_legend(out, s, mk);
  fputs("</svg>\n", out);
  if (fflush(out) || ferror(out)) {
    *err = "cannot write the SVG file";
    return -1;
  }
  return 0;
}

int svg_write(Ctx *c, const Scene *s, Font *f, unsigned flags, FILE *out, const char **err) {
  return svg_write_marked(c, s, f, flags, NULL, out, err);
}
