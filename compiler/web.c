/* web.c — the pages of `flowc serve` (see web.h). Every text from a flow
 * file goes through svg_text (escaped), every ID in a URL through
 * svg_href (percent-encoded). */
#include "web.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "manual.h"
#include "render.h"
#include "report.h"
#include "steps.h"

const char web_csp[] =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
  "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/* The page's live part comes again from /events/live/... each time a
 * file changed (its id is the site's generation) and is swapped in: no
 * reload, the scroll position stays. */
static const char app_js[] =
  "'use strict';\n"
  "(function () {\n"
  "  var live = document.getElementById('live');\n"
  "  if (!live || !window.EventSource) return;\n"
  "  var es = new EventSource('/events' + live.dataset.src);\n"
  "  es.onmessage = function (e) {\n"
  "    if (e.lastEventId === live.dataset.gen) return;\n"
  "    live.innerHTML = e.data;\n"
  "    live.dataset.gen = e.lastEventId;\n"
  "    live.dispatchEvent(new Event('flowc-updated'));\n"
  "  };\n"
  "})();\n";

static const char style_css[] =
  "body{font-family:\"flowc-page\",sans-serif;margin:0 1.5em 2em;color:#111;background:#fff}\n"
  "header{padding:.6em 0;border-bottom:1px solid #ccc;margin-bottom:1em}\n"
  "h1{font-size:1.4em;margin:.3em 0}h2{font-size:1.15em;margin:1.2em 0 .4em}\n"
  "table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}\n"
  "th{background:#eee}tr.phase td{background:#f4f4f4;font-weight:bold}\n"
  ".ok{color:#17702a;font-weight:bold}.bad{color:#b00020;font-weight:bold}.warn{color:#8a5a00;font-weight:bold}\n"
  ".chart{overflow:auto;border:1px solid #ddd;padding:.5em;margin:.5em 0}\n"
  ".chart svg{max-width:100%;height:auto}\n"
  ".chart.outdated{border:2px dashed #b00020;opacity:.75}\n"
  ".outdated-note{color:#b00020;font-weight:bold;margin:.2em 0}\n"
  "ol.diags{padding-left:1.5em}ol.diags li{margin:.4em 0}\n"
  ".diag.error .sev{color:#b00020}.diag.warning .sev{color:#8a5a00}.sev{font-weight:bold}\n"
  "pre.source{background:#f6f6f6;padding:.3em .6em;margin:.2em 0;font-family:\"WenQuanYi Micro Hei Mono\",monospace;overflow:auto}\n"
  ".rule{color:#555}code.loc{font-weight:bold}\n"
  ".downloads a{margin-right:.8em}\n";

/* ---- writing pages ---- */

/* Writes fmt, where %t is a text (escaped), %u a process ID in a URL
 * (percent-encoded) and %s markup of ours (as is). */
static void put(FILE *o, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  for (const char *p = fmt; *p; p++) {
    if (*p != '%' || !p[1]) {
      fputc(*p, o);
      continue;
    }
    const char *arg = va_arg(ap, const char *);
    switch (*++p) {
    case 't': svg_text(o, arg); break;
    case 'u': svg_href(o, arg, ""); break;
    default: fputs(arg, o); break;
    }
  }
  va_end(ap);
}

static FILE *reply_open(WebReply *r, int status, const char *type) {
  r->status = status;
  r->type = type;
  FILE *o = open_memstream(&r->body, &r->len);
  if (!o) oom();
  return o;
}

static void reply_text(WebReply *r, int status, const char *text) {
  FILE *o = reply_open(r, status, "text/plain; charset=utf-8");
  fputs(text, o);
  fclose(o);
}

static void page_head(FILE *o, const Site *s, const char *title, const char *live_src) {
  fputs("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width\">\n<link rel=\"icon\" href=\"data:,\">\n<title>", o);
  svg_text(o, title);
  fputs(" — flowc</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n"
        "<script src=\"/app.js\" defer></script>\n</head>\n<body>\n"
        "<header><a href=\"/\">All processes</a></header>\n<main id=\"live\" data-src=\"", o);
  fputs(live_src, o);
  fprintf(o, "\" data-gen=\"%u\">\n", s->gen);
}

static void page_tail(FILE *o) {
  fputs("</main>\n</body>\n</html>\n", o);
}

static const char *meta_or_dash(const Process *p, MetaKey k) {
  const char *v = p->meta.field[k].s;
  return v && *v ? v : "—";
}

/* "✓", or the counts of errors and warnings of the newest compile. */
static void put_status(FILE *o, const Build *b) {
  if (b->unreadable) fputs("<span class=\"bad\">cannot be read</span>", o);
  else if (!b->c.nerrors && !b->c.nwarnings) fputs("<span class=\"ok\">✓</span>", o);
  else
    fprintf(o, "<span class=\"%s\">%d error%s, %d warning%s</span>", b->c.nerrors ? "bad" : "warn",
            b->c.nerrors, b->c.nerrors == 1 ? "" : "s", b->c.nwarnings, b->c.nwarnings == 1 ? "" : "s");
}

/* ---- the index ---- */

typedef struct Row { FILE *o; const Unit *u; int n; } Row;

static void index_row(void *ud, const Process *p, const Chart *ch) {
  Row *rw = ud;
  (void)ch;
  put(rw->o, "<tr class=\"proc\"><td class=\"file\">%t</td><td class=\"code\">%t</td>"
             "<td class=\"title\"><a href=\"/p/%u\">%t</a></td><td class=\"owner\">%t</td>"
             "<td class=\"status\">", rw->n++ ? "" : rw->u->path, meta_or_dash(p, MK_CODE), p->id,
      p->title ? p->title : p->id, meta_or_dash(p, MK_OWNER));
  put_status(rw->o, rw->u->cur);
  fputs("</td></tr>\n", rw->o);
}

static void index_part(const Site *s, FILE *o) {
  fputs("<h1>Processes</h1>\n", o);
  if (!s->nunits) {
    fputs("<p>No .flow file found.</p>\n", o);
    return;
  }
  fputs("<table class=\"index\">\n<thead><tr><th>File</th><th>Code</th><th>Process</th>"
        "<th>Owner</th><th>Status</th></tr></thead>\n<tbody>\n", o);
  for (int i = 0; i < s->nunits; i++) {
    Row rw = {o, &s->units[i], 0};
    unit_procs(rw.u, index_row, &rw);
    if (rw.n) continue;
    fputs("<tr class=\"file-only\"><td class=\"file\">", o);
    svg_text(o, rw.u->path);
    fputs("</td><td>—</td><td>—</td><td>—</td><td class=\"status\">", o);
    put_status(o, rw.u->cur);
    fputs("</td></tr>\n", o);
  }
  fputs("</tbody>\n</table>\n", o);
}

/* ---- a process ---- */

/* Text with line breaks kept (each line escaped). */
static void put_lines(FILE *o, const char *s) {
  for (;;) {
    const char *nl = strchr(s, '\n');
    size_t n = nl ? (size_t)(nl - s) : strlen(s);
    char *line = strndup(s, n);
    if (!line) oom();
    svg_text(o, line);
    free(line);
    if (!nl) return;
    fputc('\n', o);
    s = nl + 1;
  }
}

static void put_one_diag(FILE *o, Ctx *c, Severity sev, const char *rule, Loc loc, const char *msg) {
  LineCol lc = ctx_linecol(c, loc);
  fprintf(o, "<li class=\"diag %s\"><code class=\"loc\">", report_severity(sev));
  svg_text(o, c->files[loc.file]->path);
  fprintf(o, ":%d:%d</code>: <span class=\"sev\">%s</span>: <span class=\"msg\">", lc.line, lc.col,
          report_severity(sev));
  svg_text(o, msg);
  fputs("</span>", o);
  if (rule) {
    fputs(" <span class=\"rule\">[", o);
    svg_text(o, rule);
    fputs("]</span>", o);
  }
  char *src = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&src, &len);
  if (!m) oom();
  report_source(c, m, loc);
  fclose(m);
  fputs("\n<pre class=\"source\">", o);
  put_lines(o, src);
  free(src);
  fputs("</pre>", o);
}

static void put_diags(FILE *o, const Unit *u) {
  Ctx *c = &u->cur->c;
  fputs("<section class=\"diagnostics\">\n<h2>Diagnostics of ", o);
  svg_text(o, u->path);
  fputs("</h2>\n", o);
  if (u->cur->unreadable) {
    fputs("<p class=\"bad\">The file cannot be read.</p>\n</section>\n", o);
    return;
  }
  if (!c->ndiags) {
    fputs("<p class=\"ok\">✓ No problems.</p>\n</section>\n", o);
    return;
  }
  Diag **d = report_sorted(c);
  fputs("<ol class=\"diags\">\n", o);
  for (int i = 0; i < c->ndiags && i < REPORT_MAX_TEXT; i++) {
    put_one_diag(o, c, d[i]->sev, d[i]->rule, d[i]->loc, d[i]->msg);
    if (d[i]->notes) fputs("\n<ul class=\"notes\">\n", o);
    for (DiagNote *nt = d[i]->notes; nt; nt = nt->next) {
      put_one_diag(o, c, SEV_NOTE, NULL, nt->loc, nt->msg);
      fputs("</li>\n", o);
    }
    if (d[i]->notes) fputs("</ul>", o);
    fputs("</li>\n", o);
  }
  if (c->ndiags > REPORT_MAX_TEXT)
    fprintf(o, "</ol>\n<p>%d more diagnostics not shown.</p>\n", c->ndiags - REPORT_MAX_TEXT);
  else fputs("</ol>\n", o);
  free(d);
  fputs("</section>\n", o);
}

static void put_cell(FILE *o, const char *cls, const char *text) {
  fprintf(o, "<td class=\"%s\">", cls);
  svg_text(o, *text ? text : "—");
  fputs("</td>", o);
}

/* The procedure table: step, work, lane, forms, time limit. */
static void put_steps(FILE *o, const Program *g, const Process *p) {
  Arena a;
  arena_init(&a);
  Marks mk;
  marks_of(&a, g, p, &mk);
  Steps st;
  steps_order(&a, p, &st);
  fputs("<section class=\"steps\">\n<h2>Procedure</h2>\n<table class=\"procedure\">\n"
        "<thead><tr><th>Step</th><th>Work</th><th>Lane</th><th>Forms</th><th>Time limit</th></tr></thead>\n"
        "<tbody>\n", o);
  int ph = -2;
  for (int i = 0; i < st.n; i++) {
    const Node *nd = p->nodes[st.order[i]];
    const char *started = step_start_note(&a, nd, "；", &mk);
    if (!st.num[nd->index] && !*started) continue;
    if (nd->phase != ph && p->nphases) {
      ph = nd->phase;
      fputs("<tr class=\"phase\"><td colspan=\"5\">", o);
      svg_text(o, ph >= 0 ? mark_text(&a, &mk, p->phases[ph].name, p->phases[ph].added) : "(no phase)");
      fputs("</td></tr>\n", o);
    }
    if (!st.num[nd->index]) { /* a start with a trigger or a period */
      fputs("<tr class=\"start\"><td class=\"num\">—</td>", o);
      put_cell(o, "work", arena_printf(&a, "%s（%s）", step_work(&a, nd, &mk), started));
    } else {
      fprintf(o, "<tr class=\"step\" id=\"step-%d\"><td class=\"num\">%d</td>", st.num[nd->index], st.num[nd->index]);
      put_cell(o, "work", step_work(&a, nd, &mk));
    }
    put_cell(o, "lane", nd->lane >= 0 ? step_lanes(&a, p, nd, &mk) : "");
    put_cell(o, "forms", step_join(&a, nd, AT_FORM, "、", &mk));
    put_cell(o, "within", nd->x && nd->x->has_within ? mark_text(&a, &mk, step_dur(&a, nd->x->within), nd->x->within_added) : "");
    fputs("</tr>\n", o);
  }
  fputs("</tbody>\n</table>\n</section>\n", o);
  arena_free(&a);
}

/* The chart as the SVG element itself (without the XML declaration). */
static void put_svg(FILE *o, const Chart *ch) {
  const char *svg = ch->svg, *end = ch->svg + ch->svglen;
  if (!strncmp(svg, "<?xml", 5)) {
    const char *q = strstr(svg, "?>");
    if (q) svg = q + 2;
  }
  fwrite(svg, 1, (size_t)(end - svg), o);
}

static void put_chart(FILE *o, const Found *f) {
  int outdated = build_failed(f->u->cur);
  fprintf(o, "<section class=\"chart%s\" id=\"chart\">\n", outdated && f->ch ? " outdated" : "");
  if (!f->ch) {
    fputs("<p class=\"outdated-note\">No chart yet: the file has errors (below).</p>\n", o);
  } else {
    if (outdated)
      fputs("<p class=\"outdated-note\">Outdated: the file now has errors (below); "
            "this is the last chart drawn without errors.</p>\n", o);
    if (f->ch->svg) put_svg(o, f->ch);
    else {
      fputs("<p class=\"bad\">", o);
      svg_text(o, f->ch->why);
      fputs("</p>\n", o);
    }
  }
  fputs("</section>\n", o);
}

static void proc_part(FILE *o, const Found *f) {
  const Process *p = f->p;
  put(o, "<h1><span class=\"code\">%t</span> <span class=\"title\">%t</span></h1>\n"
         "<p class=\"meta\">Owner: <span class=\"owner\">%t</span> · File: %t · Status: ",
      meta_or_dash(p, MK_CODE), p->title ? p->title : p->id, meta_or_dash(p, MK_OWNER), f->u->path);
  put_status(o, f->u->cur);
  fputs("</p>\n", o);
  if (f->ch && f->ch->s) {
    static const char *const fmt[][2] = {{"svg", "SVG"}, {"png", "PNG"}, {"pdf", "PDF"}, {"json", "JSON"}};
    fputs("<p class=\"downloads\">Download:", o);
    for (int i = 0; i < 4; i++)
      put(o, " <a href=\"/download/%u.%s\" download=\"%t.%s\">%s</a>", p->id, fmt[i][0], p->id,
          fmt[i][0], fmt[i][1]);
    fputs("</p>\n", o);
  }
  put_chart(o, f);
  put_diags(o, f->u);
  if (f->ch) put_steps(o, f->u->good->c.prog, f->ch->p);
}

/* ---- downloads ---- */

enum { DL_SVG, DL_PNG, DL_PDF, DL_JSON, DL__COUNT };
static const char *const dl_ext[DL__COUNT] = {".svg", ".png", ".pdf", ".json"};
static const char *const dl_type[DL__COUNT] = {"image/svg+xml", "image/png", "application/pdf",
                                              "application/json"};

/* The format named by a download's extension, or -1. */
static int dl_format(const char *dot) {
  for (int k = 0; dot && k < DL__COUNT; k++)
    if (!strcmp(dot, dl_ext[k])) return k;
  return -1;
}

/* The PDF of `flowc render -f pdf`, made in memory (manual_write_mem). */
static int pdf_body(Site *s, const Found *f, WebReply *r, const char **err) {
  Build *b = f->u->good;
  return manual_write_mem(&b->c, s->f, MANUAL_CHART, f->ch->p->index, &r->body, &r->len, err);
}

static void download(Site *s, const char *name, WebReply *r) {
  const char *dot = strrchr(name, '.');
  char *id = strndup(name, dot ? (size_t)(dot - name) : strlen(name));
  if (!id) oom();
  Found f;
  int k = dl_format(dot);
  if (k < 0 || !site_find(s, id, &f) || !f.ch || !f.ch->s) {
    free(id);
    reply_text(r, 404, "no such chart\n");
    return;
  }
  free(id);
  Build *b = f.u->good;
  const char *err = NULL;
  int rc;
  if (k == DL_PDF) {
    r->status = 200;
    r->type = dl_type[k];
    rc = pdf_body(s, &f, r, &err);
  } else {
    FILE *o = reply_open(r, 200, dl_type[k]);
    rc = k == DL_SVG ? svg_write(&b->c, f.ch->s, s->f, SVG_EMBED_FONT, o, &err)
         : k == DL_PNG ? png_write(&b->c, f.ch->s, s->f, 2, o, &err)
                       : scene_json_write(&b->c, f.ch->s, o, &err);
    fclose(o);
  }
  if (rc) {
    free(r->body);
    r->body = NULL;
    reply_text(r, 500, err ? err : "cannot draw the chart");
    return;
  }
  r->disposition = "attachment";
}

/* ---- routing ---- */

static const char *after(const char *path, const char *prefix) {
  size_t n = strlen(prefix);
  return strncmp(path, prefix, n) ? NULL : path + n;
}

/* A process that does not exist (any more): a page (404) saying so; an
 * open page's stream swaps it in when the file is deleted or the process
 * removed from it, and the page again when the process comes back. */
static void gone_part(FILE *o, const char *id) {
  put(o, "<h1>No such process</h1>\n<p class=\"gone\">The process <code>%t</code> does not exist "
         "(any more): its file was deleted, or the process removed from it or renamed.</p>\n"
         "<p><a href=\"/\">All processes</a></p>\n", id);
}

static void page(Site *s, const char *id, int whole, WebReply *r) {
  Found f;
  int gone = id && !site_find(s, id, &f);
  FILE *o = reply_open(r, gone ? 404 : 200, "text/html; charset=utf-8");
  if (whole) {
    char *src = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&src, &n);
    if (!m) oom();
    fputs("/live/", m);
    if (id) svg_href(m, id, "");
    fclose(m);
    page_head(o, s, gone ? "No such process" : id ? (f.p->title ? f.p->title : f.p->id) : "Processes", src);
    free(src);
  }
  if (gone) gone_part(o, id);
  else if (id) proc_part(o, &f);
  else index_part(s, o);
  if (whole) page_tail(o);
  fclose(o);
}

static void style(Site *s, WebReply *r) {
  FILE *o = reply_open(r, 200, "text/css; charset=utf-8");
  fputs("@font-face{font-family:\"flowc-page\";src:local(\"", o);
  const char *fam = font_family(s->f);
  for (const char *p = fam ? fam : ""; *p; p++)
    if ((unsigned char)*p >= 0x20 && *p != '"' && *p != '\\' && *p != '<') fputc(*p, o);
  fputs("\"),url(/font)}\n", o);
  fputs(style_css, o);
  fclose(o);
}

void web_respond(Site *s, const WebFont *font, const char *method, const char *path, WebReply *r) {
  memset(r, 0, sizeof *r);
  const char *rest;
  if (strcmp(method, "GET") && strcmp(method, "HEAD")) reply_text(r, 405, "only GET and HEAD\n");
  else if (!strcmp(path, "/")) page(s, NULL, 1, r);
  else if (!strcmp(path, "/live/")) page(s, NULL, 0, r);
  else if ((rest = after(path, "/p/")) && *rest) page(s, rest, 1, r);
  else if ((rest = after(path, "/live/"))) page(s, rest, 0, r);
  else if ((rest = after(path, "/download/"))) download(s, rest, r);
  else if (!strcmp(path, "/style.css")) style(s, r);
  else if (!strcmp(path, "/app.js") || (!strcmp(path, "/font") && font && font->data)) {
    int js = path[1] == 'a';
    r->status = 200;
    r->type = js ? "text/javascript; charset=utf-8" : font->type;
    r->body = js ? (char *)app_js : (char *)font->data;
    r->len = js ? sizeof app_js - 1 : font->len;
    r->is_static = 1;
  } else reply_text(r, 404, "not found\n");
}

static int hex(char ch) {
  return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
         : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
}

size_t web_unescape(char *s) {
  char *out = s;
  for (const char *p = s; *p; p++) {
    int hi, lo;
    if (*p == '%' && (hi = hex(p[1])) >= 0 && (lo = hex(p[2])) >= 0 && (hi || lo)) {
      *out++ = (char)(hi << 4 | lo);
      p += 2;
    } else *out++ = *p;
  }
  *out = 0;
  return (size_t)(out - s);
}

void web_reply_free(WebReply *r) {
  if (!r->is_static) free(r->body);
  memset(r, 0, sizeof *r);
}
