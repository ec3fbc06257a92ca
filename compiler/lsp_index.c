/* lsp_index.c — what a compiled document answers the language server:
 * its diagnostics; the process, lane or node under a position (at its
 * declaration or at a use), with its definition, references and hover;
 * the document's symbols; completion. Each answer compiles the document
 * afresh in a Ctx of its own (a Unit), freed before it returns. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "fmt.h"
#include "ir.h"
#include "lsp_int.h"
#include "marks.h"
#include "parse.h"
#include "flow.tab.h"
#include "utf8.h"

typedef struct Unit {
  Ctx c;
  const Doc *doc;
  int file;              /* the document's file in c */
  char *path, *dir;      /* malloc'd */
} Unit;

/* ---- names of files ---- */

static int hexval(int ch) {
  return isdigit(ch) ? ch - '0' : isxdigit(ch) ? tolower(ch) - 'a' + 10 : -1;
}

/* The file a URI names (percent-decoded), or the URI itself when it is
 * not a file: URI (an unsaved buffer). malloc'd. */
static char *uri_path(const char *uri) {
  const char *s = strncmp(uri, "file://", 7) ? uri : uri + 7;
  if (s != uri && strncmp(s, "localhost/", 10) == 0) s += 9;
  char *out = xmalloc(strlen(s) + 1), *o = out;
  for (; *s; s++) {
    int hi = s[0] == '%' ? hexval((unsigned char)s[1]) : -1, lo = hi >= 0 ? hexval((unsigned char)s[2]) : -1;
    if (lo >= 0) *o++ = (char)(hi * 16 + lo), s += 2;
    else *o++ = *s;
  }
  *o = 0;
  return out;
}

/* The URI of file f of u: the document's own as the editor wrote it. */
static json_t *file_uri(const Unit *u, int f) {
  if (f == u->file) return json_string(u->doc->uri);
  const SourceFile *sf = u->c.files[f];
  const char *p = sf->real ? sf->real : sf->path;
  size_t n = strlen(p);
  char *s = xmalloc(3 * n + 8), *o = s + sprintf(s, "file://");
  for (const unsigned char *q = (const unsigned char *)p; *q; q++)
    o += isalnum(*q) || strchr("-._~/", *q) ? sprintf(o, "%c", *q) : sprintf(o, "%%%02X", *q);
  json_t *j = json_string(s);
  free(s);
  return j;
}

/* ---- compiling ---- */

static void unit_open(Unit *u, const Doc *d) {
  memset(u, 0, sizeof *u);
  ctx_init(&u->c);
  u->doc = d;
  u->path = uri_path(d->uri);
  u->dir = strdup(u->path);
  if (!u->dir) oom();
  char *slash = strrchr(u->dir, '/');
  if (slash) slash[slash == u->dir] = 0;
  u->c.root = slash ? u->dir : NULL; /* imports stay beside the document */
  load_source(&u->c, u->path, d->text, d->len);
  cli_analyse(&u->c);
  for (int i = 0; i < u->c.nfiles; i++)
    if (!strcmp(u->c.files[i]->path, u->path)) { u->file = i; break; }
}

static void unit_close(Unit *u) {
  ctx_free(&u->c);
  free(u->path);
  free(u->dir);
}

/* ---- positions ---- */

/* UTF-16 code units in the n bytes at s. */
static long utf16_units(const char *s, size_t n) {
  long k = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    int m = utf8_decode((const unsigned char *)s + i, n - i, &cp);
    k += m && cp >= 0x10000 ? 2 : 1;
    i += m ? (size_t)m : 1;
  }
  return k;
}

size_t lsp_offset(const char *text, size_t len, long line, long ch) {
  size_t i = 0;
  for (long l = 0; l < line && i < len; i++)
    if (text[i] == '\n') l++;
  for (long k = 0; i < len && text[i] != '\n' && k < ch;) {
    uint32_t cp;
    int m = utf8_decode((const unsigned char *)text + i, len - i, &cp);
    k += m && cp >= 0x10000 ? 2 : 1;
    i += m ? (size_t)m : 1;
  }
  return i;
}

static json_t *position(Unit *u, int file, int line, size_t off) {
  size_t n;
  const char *s = ctx_line(&u->c, file, line, &n), *at = u->c.files[file]->buf + off;
  long ch = at >= s ? utf16_units(s, (size_t)(at - s)) : 0;
  return json_pack("{s:i, s:i}", "line", line - 1, "character", (json_int_t)ch);
}

static json_t *range(Unit *u, Loc l) {
  LineCol lc = ctx_linecol(&u->c, l);
  return json_pack("{s:o, s:o}", "start", position(u, l.file, lc.line, l.start), "end",
                   position(u, l.file, lc.eline, l.end > l.start ? l.end : l.start));
}

static json_t *location(Unit *u, Loc l) {
  return json_pack("{s:o, s:o}", "uri", file_uri(u, l.file), "range", range(u, l));
}

/* ---- diagnostics ---- */

static json_t *diagnostic(Unit *u, const Diag *g) {
  static const int severity[] = {1, 2, 3};
  json_t *related = json_array();
  for (const DiagNote *n = g->notes; n; n = n->next)
    if (n->loc.file >= 0)
      json_array_append_new(related, json_pack("{s:o, s:s}", "location", location(u, n->loc), "message", n->msg));
  return json_pack("{s:o, s:i, s:s, s:s, s:s, s:o}", "range", range(u, g->loc), "severity",
                   severity[g->sev], "code", g->rule, "source", "flowc", "message", g->msg,
                   "relatedInformation", related);
}

void lsp_publish(Server *s, const Doc *d) {
  Unit u;
  unit_open(&u, d);
  json_t *list = json_array();
  for (int i = 0; i < u.c.ndiags; i++)
    if (u.c.diags[i]->loc.file == u.file) json_array_append_new(list, diagnostic(&u, u.c.diags[i]));
  lsp_notify(s, "textDocument/publishDiagnostics", json_pack("{s:s, s:o}", "uri", d->uri, "diagnostics", list));
  unit_close(&u);
}

/* ---- symbols and their uses ---- */

enum { SYM_PROCESS, SYM_LANE, SYM_NODE, SYM_GROUP };

typedef struct Occ {
  Loc at;               /* the name, where it is written */
  Loc decl;             /* the declaration it stands for */
  const void *sym;      /* Process, Lane, Node or LaneGroup */
  const Process *proc;  /* the process it belongs to */
  int kind;             /* SYM_* */
} Occ;

typedef struct Occs { Occ *v; int n, cap; } Occs;

static void occ_add(Occs *o, Loc at, Loc decl, const void *sym, const Process *p, int kind) {
  if (at.file < 0) return;
  for (int i = o->n - 1; i >= 0 && i >= o->n - 2; i--) /* a chain names a middle node once */
    if (o->v[i].at.file == at.file && o->v[i].at.start == at.start) return;
  if (o->n == o->cap) {
    o->cap = o->cap ? 2 * o->cap : 64;
    o->v = xrealloc(o->v, sizeof *o->v * (size_t)o->cap);
  }
  o->v[o->n++] = (Occ){at, decl, sym, p, kind};
}

static void occ_process(const Program *g, const Process *p, Occs *o) {
  occ_add(o, p->loc, p->loc, p, p, SYM_PROCESS);
  for (int k = 0; k < p->nlanes; k++) occ_add(o, p->lanes[k].loc, p->lanes[k].loc, &p->lanes[k], p, SYM_LANE);
  for (int k = 0; k < p->ngroups; k++) occ_add(o, p->groups[k].loc, p->groups[k].loc, &p->groups[k], p, SYM_GROUP);
  for (int v = 0; v < p->nnodes; v++) {
    const Node *n = p->nodes[v];
    occ_add(o, n->loc, n->loc, n, p, SYM_NODE);
    if (n->lane >= 0 && n->lane_ref.s)
      occ_add(o, n->lane_ref.loc, p->lanes[n->lane].loc, &p->lanes[n->lane], p, SYM_LANE);
    for (int j = 0; n->x && j < n->x->njoint; j++) {
      int k = n->x->joint[j];
      if (k >= 0) occ_add(o, n->x->joint_refs[j].loc, p->lanes[k].loc, &p->lanes[k], p, SYM_LANE);
    }
    if (n->callee >= 0 && n->x && n->x->process_ref.s) {
      const Process *q = g->procs[n->callee];
      occ_add(o, n->x->process_ref.loc, q->loc, q, q, SYM_PROCESS);
    }
  }
  for (int i = 0; i < p->nedges; i++) {
    const Edge *e = p->edges[i];
    /* a branch's from is the decision's declaration, recorded above */
    if (e->from >= 0 && !e->branch) occ_add(o, e->from_loc, p->nodes[e->from]->loc, p->nodes[e->from], p, SYM_NODE);
    if (e->to >= 0) occ_add(o, e->to_loc, p->nodes[e->to]->loc, p->nodes[e->to], p, SYM_NODE);
  }
}

static Occs occurrences(const Unit *u) {
  Occs o = {0};
  const Program *g = u->c.prog;
  for (int i = 0; g && i < g->nprocs; i++) occ_process(g, g->procs[i], &o);
  return o;
}

/* The occurrence in the document at byte off, or NULL. */
static const Occ *occ_at(const Unit *u, const Occs *o, size_t off) {
  for (int i = 0; i < o->n; i++)
    if (o->v[i].at.file == u->file && o->v[i].at.start <= off && off <= o->v[i].at.end) return &o->v[i];
  return NULL;
}

/* What is asked about the occurrence at a position. */
typedef json_t *Answer(Unit *u, const Occs *o, const Occ *at, const void *arg);

static json_t *answer_at(const Doc *d, size_t off, Answer *f, const void *arg) {
  Unit u;
  unit_open(&u, d);
  Occs o = occurrences(&u);
  const Occ *at = occ_at(&u, &o, off);
  json_t *r = at ? f(&u, &o, at, arg) : NULL;
  free(o.v);
  unit_close(&u);
  return r;
}

static json_t *definition(Unit *u, const Occs *o, const Occ *at, const void *arg) {
  (void)o, (void)arg;
  return location(u, at->decl);
}

static json_t *references(Unit *u, const Occs *o, const Occ *at, const void *arg) {
  int with_decl = *(const int *)arg;
  json_t *r = json_array();
  for (int i = 0; i < o->n; i++) {
    const Occ *x = &o->v[i];
    int is_decl = x->at.file == x->decl.file && x->at.start == x->decl.start;
    if (x->sym == at->sym && (with_decl || !is_decl)) json_array_append_new(r, location(u, x->at));
  }
  return r;
}

json_t *lsp_definition(const Doc *d, size_t off) { return answer_at(d, off, definition, NULL); }

json_t *lsp_references(const Doc *d, size_t off, int with_decl) {
  return answer_at(d, off, references, &with_decl);
}

/* ---- hover ---- */

/* " (added beyond the source: reason)" when a is given. */
static void hover_mark(FILE *b, const Added *a) {
  if (a) fprintf(b, " (added beyond the source: %s)", mark_reason(a));
}

static void node_hover(const Ctx *c, const Process *p, const Node *n, FILE *b) {
  fprintf(b, "**%s** `%s` — %s", node_kind_name[n->kind], n->id, n->label ? n->label : "");
  if (n->lane >= 0) fprintf(b, "\n\nlane: %s (`%s`)", p->lanes[n->lane].name, p->lanes[n->lane].id);
  for (int j = 0; n->x && j < n->x->njoint; j++)
    if (n->x->joint[j] >= 0)
      fprintf(b, "%s%s (`%s`)", j ? ", " : "\n\ntakes part: ", p->lanes[n->x->joint[j]].name, p->lanes[n->x->joint[j]].id);
  if (n->phase >= 0) fprintf(b, "\n\nphase: %s", p->phases[n->phase].name);
  if (n->added) fprintf(b, "\n\nadded beyond the source: %s", mark_reason(n->added));
  if (n->x && n->x->when.s) {
    fprintf(b, "\n\nwhen: %s (done only in this case)", n->x->when.s);
    hover_mark(b, n->x->when_added);
  }
  if (n->x && n->x->has_within) { /* as written */
    Loc w = n->x->within_loc;
    fprintf(b, "\n\nwithin: %.*s", (int)(w.end - w.start), c->files[w.file]->buf + w.start);
    hover_mark(b, n->x->within_added);
  }
  if (n->x && n->x->trigger.s) {
    fprintf(b, "\n\ntrigger: %s", n->x->trigger.s);
    hover_mark(b, n->x->trigger_added);
  }
  if (n->x && n->x->has_every) { /* as written */
    Loc w = n->x->every_loc;
    fprintf(b, "\n\nevery: %.*s (recurring)", (int)(w.end - w.start), c->files[w.file]->buf + w.start);
    hover_mark(b, n->x->every_added);
  }
  for (const Attr *a = n->attrs; a; a = a->next) {
    fprintf(b, "\n\n%s: %s", attr_kind_name[a->kind], a->text.s);
    hover_mark(b, a->added);
  }
}

static void hover_text(const Ctx *c, const Occ *at, FILE *b) {
  const Process *p = at->proc;
  if (at->kind == SYM_NODE) {
    node_hover(c, p, at->sym, b);
  } else if (at->kind == SYM_LANE) {
    const Lane *l = at->sym;
    fprintf(b, "**lane** `%s` — %s\n\n%d steps in process `%s`", l->id, l->name, l->nnodes, p->id);
    if (l->added) fprintf(b, "\n\nadded beyond the source: %s", mark_reason(l->added));
    if (l->njoint) fprintf(b, ", takes part in %d", l->njoint);
    const LaneGroup *g = lane_group(p, (int)(l - p->lanes));
    if (g) fprintf(b, "\n\nin lane group `%s` — %s", g->id, g->name);
  } else if (at->kind == SYM_GROUP) {
    const LaneGroup *g = at->sym;
    fprintf(b, "**lane group** `%s` — %s\n\nlanes:", g->id, g->name);
    for (int k = g->first; k < g->first + g->nlanes; k++) fprintf(b, " `%s`", p->lanes[k].id);
  } else {
    fprintf(b, "**process** `%s` — %s\n\n%d nodes, %d lanes", p->id, p->title ? p->title : "", p->nnodes,
               p->nlanes);
    for (int k = 0; k < MK__COUNT; k++)
      if (p->meta.field[k].s) fprintf(b, "\n\n%s: %s", meta_key_name[k], p->meta.field[k].s);
    if (p->added) fprintf(b, "\n\nadded beyond the source as a whole: %s", mark_reason(p->added));
  }
}

static json_t *hover(Unit *u, const Occs *o, const Occ *at, const void *arg) {
  (void)o, (void)arg;
  char *text = NULL;
  size_t n = 0;
  FILE *b = open_memstream(&text, &n);
  if (!b) oom();
  hover_text(&u->c, at, b);
  fclose(b);
  json_t *r = json_pack("{s:{s:s, s:s}, s:o}", "contents", "kind", "markdown", "value", text, "range",
                        range(u, at->at));
  free(text);
  return r;
}

json_t *lsp_hover(const Doc *d, size_t off) { return answer_at(d, off, hover, NULL); }

/* ---- rename ---- */

static const char *sym_id(const Occ *at) {
  return at->kind == SYM_PROCESS ? ((const Process *)at->sym)->id
       : at->kind == SYM_LANE ? ((const Lane *)at->sym)->id
       : at->kind == SYM_GROUP ? ((const LaneGroup *)at->sym)->id : ((const Node *)at->sym)->id;
}

static json_t *prepare(Unit *u, const Occs *o, const Occ *at, const void *arg) {
  (void)o, (void)arg;
  return json_pack("{s:o, s:s}", "range", range(u, at->at), "placeholder", sym_id(at));
}

json_t *lsp_prepare_rename(const Doc *d, size_t off) { return answer_at(d, off, prepare, NULL); }

/* Another process, lane or node of the same scope already named name. */
static int taken(const Unit *u, const Occ *at, const char *name) {
  const Process *p = at->proc;
  if (at->kind == SYM_PROCESS)
    for (int i = 0; i < u->c.prog->nprocs; i++) {
      if (u->c.prog->procs[i] != at->sym && !strcmp(u->c.prog->procs[i]->id, name)) return 1;
    }
  else if (at->kind == SYM_LANE || at->kind == SYM_GROUP) { /* one namespace */
    for (int k = 0; k < p->nlanes; k++)
      if (&p->lanes[k] != at->sym && !strcmp(p->lanes[k].id, name)) return 1;
    for (int k = 0; k < p->ngroups; k++)
      if (&p->groups[k] != at->sym && !strcmp(p->groups[k].id, name)) return 1;
  } else
    for (int v = 0; v < p->nnodes; v++)
      if (p->nodes[v] != at->sym && !strcmp(p->nodes[v]->id, name)) return 1;
  return 0;
}

/* A call node that names process q by its own ID (no 'process' in its
 * braces): renaming q would leave it calling nothing. */
static const Node *implicit_call(const Unit *u, const Process *q) {
  const Program *g = u->c.prog;
  for (int i = 0; i < g->nprocs; i++)
    for (int v = 0; v < g->procs[i]->nnodes; v++) {
      const Node *n = g->procs[i]->nodes[v];
      if (n->kind == NK_CALL && n->callee == q->index && !(n->x && n->x->process_ref.s)) return n;
    }
  return NULL;
}

typedef struct RenameArg { const char *name; char *err; size_t errlen; } RenameArg;

/* A WorkspaceEdit: every occurrence of the symbol, in each file. */
static json_t *rename_edits(Unit *u, const Occs *o, const Occ *at, const void *arg) {
  const RenameArg *r = arg;
  if (taken(u, at, r->name)) {
    snprintf(r->err, r->errlen, "'%s' is already the ID of another %s", r->name,
             at->kind == SYM_PROCESS ? "process"
             : at->kind == SYM_LANE || at->kind == SYM_GROUP ? "lane or lane group of this process" : "node of this process");
    return NULL;
  }
  const Node *call = at->kind == SYM_PROCESS ? implicit_call(u, at->sym) : NULL;
  if (call) {
    snprintf(r->err, r->errlen, "call node '%s' runs process '%s' by its own ID: write "
             "'process %s' in its braces first", call->id, sym_id(at), sym_id(at));
    return NULL;
  }
  json_t *changes = json_object();
  for (int i = 0; i < o->n; i++) {
    const Occ *x = &o->v[i];
    if (x->sym != at->sym) continue;
    json_t *uri = file_uri(u, x->at.file);
    json_t *list = json_object_get(changes, json_string_value(uri));
    if (!list) json_object_set_new(changes, json_string_value(uri), list = json_array());
    json_array_append_new(list, json_pack("{s:o, s:s}", "range", range(u, x->at), "newText", r->name));
    json_decref(uri);
  }
  return json_pack("{s:o}", "changes", changes);
}

json_t *lsp_rename(const Doc *d, size_t off, const char *name, char *err, size_t errlen) {
  err[0] = 0;
  if (!parse_is_name(name)) {
    snprintf(err, errlen, "'%s' is not a name: letters, digits (not first), '_' and Chinese characters, "
             "and not a keyword", name);
    return NULL;
  }
  RenameArg r = {name, err, errlen};
  return answer_at(d, off, rename_edits, &r);
}

/* ---- formatting ---- */

/* The LSP position of the end of text (lines end with LF, CRLF or CR). */
static json_t *end_position(const char *t, size_t n) {
  json_int_t line = 0;
  size_t from = 0;
  for (size_t i = 0; i < n; i++)
    if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == n || t[i + 1] != '\n'))) line++, from = i + 1;
  return json_pack("{s:I, s:I}", "line", line, "character", (json_int_t)utf16_units(t + from, n - from));
}

json_t *lsp_formatting(const Doc *d) {
  Ctx c;
  ctx_init(&c);
  char *out = NULL;
  size_t n = 0;
  json_t *edits = json_array();
  int f = ctx_add_source(&c, d->uri, d->text, d->len);
  if (!fmt_file(&c, f, &out, &n) && (n != d->len || memcmp(out, d->text, n)) &&
      !fmt_verify(d->uri, d->text, d->len, out, n))
    json_array_append_new(edits, json_pack("{s:{s:{s:i, s:i}, s:o}, s:s%}", "range", "start", "line", 0,
                                           "character", 0, "end", end_position(d->text, d->len), "newText", out, n));
  free(out);
  ctx_free(&c);
  return edits;
}

/* ---- document symbols ---- */

static json_t *symbol(Unit *u, const char *name, const char *detail, int kind, Loc l) {
  return json_pack("{s:s, s:s, s:i, s:o, s:o, s:[]}", "name", name, "detail", detail ? detail : "", "kind",
                   kind, "range", range(u, l), "selectionRange", range(u, l), "children");
}

/* Lanes; a group's lanes as the group's children. */
static void lane_symbols(Unit *u, const Process *p, json_t *kids) {
  for (int k = 0; k < p->nlanes; k++) {
    json_t *to = kids;
    const LaneGroup *lg = lane_group(p, k);
    if (lg) {
      if (lg->first == k) json_array_append_new(kids, symbol(u, lg->id, lg->name, 3, lg->loc));
      to = json_object_get(json_array_get(kids, json_array_size(kids) - 1), "children");
    }
    json_array_append_new(to, symbol(u, p->lanes[k].id, p->lanes[k].name, 3, p->lanes[k].loc));
  }
}

json_t *lsp_symbols(const Doc *d) {
  Unit u;
  unit_open(&u, d);
  json_t *list = json_array();
  const Program *g = u.c.prog;
  for (int i = 0; g && i < g->nprocs; i++) {
    const Process *p = g->procs[i];
    if (p->loc.file != u.file) continue;
    json_t *ps = symbol(&u, p->id, p->title, 2, p->loc), *kids = json_object_get(ps, "children");
    lane_symbols(&u, p, kids);
    for (int v = 0; v < p->nnodes; v++) {
      const Node *n = p->nodes[v];
      int event = n->kind == NK_START || n->kind == NK_END;
      json_array_append_new(kids, symbol(&u, n->id, n->label, event ? 24 : 12, n->loc));
    }
    json_array_append_new(list, ps);
  }
  unit_close(&u);
  return list;
}

/* ---- completion ---- */

static int name_byte(unsigned char ch) { return isalnum(ch) || ch == '_' || ch >= 0x80; }

/* What is written before the name being typed at off on its line:
 * 'e' after "->", 'l' after "in", 's' at the start of a statement, 0. */
static int context_at(const char *t, size_t off) {
  size_t i = off;
  while (i > 0 && name_byte((unsigned char)t[i - 1])) i--;
  while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t')) i--;
  if (i >= 2 && t[i - 2] == '-' && t[i - 1] == '>') return 'e';
  if (i >= 2 && t[i - 2] == 'i' && t[i - 1] == 'n' && (i == 2 || !name_byte((unsigned char)t[i - 3])))
    return 'l';
  if (i >= 1 && t[i - 1] == ',') return 'l';  /* `in a, b`: ',' stands only in lane lists */
  return i == 0 || t[i - 1] == '\n' || t[i - 1] == '{' || t[i - 1] == ';' ? 's' : 0;
}

/* The process of the document the position is in: the last declared
 * before it. */
static const Process *process_at(const Unit *u, size_t off) {
  const Process *best = NULL;
  const Program *g = u->c.prog;
  for (int i = 0; g && i < g->nprocs; i++) {
    const Process *p = g->procs[i];
    if (p->loc.file == u->file && p->loc.start <= off && (!best || p->loc.start > best->loc.start)) best = p;
  }
  return best;
}

static void item(json_t *list, const char *label, int kind, const char *detail) {
  for (size_t i = 0; i < json_array_size(list); i++)
    if (!strcmp(json_string_value(json_object_get(json_array_get(list, i), "label")), label)) return;
  json_array_append_new(list, json_pack("{s:s, s:i, s:s}", "label", label, "kind", kind, "detail",
                                        detail ? detail : ""));
}

/* The block off is in (CX_*, flow.y) and, in a node's braces, the
 * node's kind: from the document's tokens, braces matched, each '{'
 * opened by the keyword of its statement. */
static int block_at(const Doc *d, size_t off, NodeKind *kind) {
  Ctx c;
  ctx_init(&c);
  Spans sp;
  parse_spans(&c, ctx_add_source(&c, "completion", d->text, d->len), &sp);
  int stack[8], depth = 0, cx = CX_TOP;
  for (int i = 0; i < sp.ntoks && sp.toks[i].end <= off; i++) {
    int t = sp.toks[i].tok, k = i;
    if (t == '}' && depth > 0) cx = stack[--depth];
    if (t != '{' || depth == 8) continue;
    while (k > 0 && (sp.toks[k - 1].tok == ID || sp.toks[k - 1].tok == STRING || sp.toks[k - 1].tok == IN ||
                     sp.toks[k - 1].tok == ',')) k--;
    int opener = k > 0 ? sp.toks[k - 1].tok : 0;
    stack[depth++] = cx;
    cx = opener == HANDBOOK ? CX_HANDBOOK : opener == PROCESS && cx == CX_TOP ? CX_PROCESS : opener == KIND ? CX_BODY : cx;
    size_t len = k > 0 ? sp.toks[k - 1].end - sp.toks[k - 1].start : 0;
    for (int n = 0; opener == KIND && n < NK__COUNT; n++)
      if (strlen(node_kind_name[n]) == len && !memcmp(d->text + sp.toks[k - 1].start, node_kind_name[n], len))
        *kind = (NodeKind)n;
  }
  spans_free(&sp);
  ctx_free(&c);
  return cx;
}

/* The keywords that may start a statement at off (those of the parser). */
static void keywords(json_t *list, const Doc *d, size_t off) {
  static const char *const what[] = {"file", "handbook property", "process", "attribute"};
  const char *w[STATEMENT_WORDS];
  NodeKind kind = NK_TASK;
  int cx = block_at(d, off, &kind), n = statement_keywords(cx, kind, w);
  for (int i = 0; i < n; i++) item(list, w[i], 14, what[cx]);
}

json_t *lsp_completion(const Doc *d, size_t off) {
  Unit u;
  unit_open(&u, d);
  json_t *list = json_array();
  int ctx = context_at(d->text, off);
  const Process *p = process_at(&u, off);
  if (ctx == 'e' && p)
    for (int v = 0; v < p->nnodes; v++) item(list, p->nodes[v]->id, 3, p->nodes[v]->label);
  else if (ctx == 'l' && p)
    for (int k = 0; k < p->nlanes; k++) item(list, p->lanes[k].id, 5, p->lanes[k].name);
  else if (ctx == 's')
    keywords(list, d, off);
  unit_close(&u);
  return list;
}
