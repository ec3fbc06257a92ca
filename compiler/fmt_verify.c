/* fmt_verify.c — what formatting must keep (see fmt.h). Each side is
 * compiled on its own (imports not followed, so both see the same) and
 * reduced to three texts: a dump of its IR, its findings and its
 * comments; the sides must give the same texts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "fmt.h"
#include "ir.h"
#include "parse.h"
#include "resolve.h"

typedef struct Side {
  Ctx c;
  int file, bad;
  char *ir, *found, *comments;
  size_t irlen, foundlen, clen;
} Side;

static void text(FILE *o, const char *s) { fprintf(o, "%s\x1f", s ? s : "\x1e"); }

/* An `added` mark: its reason, or that there is none. */
static void mark(FILE *o, const Added *a) {
  fputs(a ? "added " : "- ", o);
  if (a) text(o, a->reason);
}

/* A duration with its range and how it is written. */
static void dump_dur(FILE *o, const char *what, int given, Duration d) {
  fprintf(o, "%s %d %lld %d %lld %d %d ", what, given, d.amount, (int)d.unit, d.hi, d.tilde, d.lo_unit);
}

static void dump_meta(FILE *o, const Meta *m) {
  for (int k = 0; k < MK__COUNT; k++) text(o, m->field[k].s);
  dump_dur(o, "within", m->has_within, m->within);
  fprintf(o, "eff %d %d-%d-%d\n", m->has_effective, m->effective.y, m->effective.m, m->effective.d);
  for (const Revision *r = m->revisions; r; r = r->next) {
    fprintf(o, "rev %d-%d-%d ", r->date.y, r->date.m, r->date.d);
    text(o, r->version);
    text(o, r->what);
  }
  for (const Term *t = m->terms; t; t = t->next) {
    text(o, t->term);
    text(o, t->definition);
  }
  fputc('\n', o);
}

static void dump_node(FILE *o, const Node *n) {
  fprintf(o, "node %d %s %d lane %d phase %d callee %d ", (int)n->kind, n->id, n->has_label, n->lane, n->phase, n->callee);
  text(o, n->label);
  text(o, n->lane_ref.s);
  mark(o, n->added);
  for (const Attr *a = n->attrs; a; a = a->next) {
    fprintf(o, "attr %d ", (int)a->kind);
    text(o, a->text.s);
    mark(o, a->added);
  }
  if (n->x) {
    dump_dur(o, "within", n->x->has_within, n->x->within);
    text(o, n->x->process_ref.s);
    mark(o, n->x->within_added);
    text(o, n->x->when.s);
    mark(o, n->x->when_added);
    for (int j = 0; j < n->x->njoint; j++) fprintf(o, "joint %s %d ", n->x->joint_refs[j].s, n->x->joint[j]);
    text(o, n->x->trigger.s);
    mark(o, n->x->trigger_added);
    dump_dur(o, "every", n->x->has_every, n->x->every);
    mark(o, n->x->every_added);
  }
  fputc('\n', o);
}

static void dump_process(FILE *o, const Process *p) {
  fprintf(o, "process %s ", p->id);
  text(o, p->title);
  dump_meta(o, &p->meta);
  mark(o, p->added);
  mark(o, p->within_added);
  for (int i = 0; i < p->nlanes; i++) {
    fprintf(o, "lane %s %d ", p->lanes[i].id, p->lanes[i].group);
    text(o, p->lanes[i].name);
    mark(o, p->lanes[i].added);
  }
  for (int i = 0; i < p->nphases; i++) {
    text(o, p->phases[i].name);
    mark(o, p->phases[i].added);
  }
  for (int i = 0; i < p->ngroups; i++) {
    fprintf(o, "group %s %d %d ", p->groups[i].id, p->groups[i].first, p->groups[i].nlanes);
    text(o, p->groups[i].name);
  }
  fputc('\n', o);
  for (int i = 0; i < p->nnodes; i++) dump_node(o, p->nodes[i]);
  for (int i = 0; i < p->nedges; i++) {
    const Edge *e = p->edges[i];
    fprintf(o, "edge %s %s %d %d %d ", e->from_id, e->to_id, e->from, e->to, e->branch);
    text(o, e->label);
    mark(o, e->added);
    fputc('\n', o);
  }
}

static void dump_ir(Side *s) {
  FILE *o = open_memstream(&s->ir, &s->irlen);
  if (!o) oom();
  const Program *g = s->c.prog;
  for (int i = 0; i < g->nhandbooks; i++) {
    fputs("handbook ", o);
    text(o, g->handbooks[i]->title);
    dump_meta(o, &g->handbooks[i]->meta);
  }
  for (int i = 0; i < g->nprocs; i++) dump_process(o, g->procs[i]);
  fclose(o);
}

/* Each finding: severity, rule and the first word of the text it points at. */
static void dump_findings(Side *s) {
  FILE *o = open_memstream(&s->found, &s->foundlen);
  if (!o) oom();
  for (int i = 0; i < s->c.ndiags; i++) {
    const Diag *d = s->c.diags[i];
    const SourceFile *f = s->c.files[d->loc.file];
    size_t at = d->loc.start < f->len ? d->loc.start : f->len, e = at;
    while (e < f->len && e < d->loc.end && !strchr(" \t\r\n", f->buf[e])) e++;
    fprintf(o, "%d %s %.*s: %s\n", (int)d->sev, d->rule, (int)(e - at), f->buf + at,
            strcmp(d->rule, "syntax") ? "" : d->msg);
  }
  fclose(o);
}

static void add_comment(void *arg, const char *s, size_t n) {
  fwrite(s, 1, n, arg);
  fputc('\n', arg);
}

static int by_text(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The comments, one a line, sorted: a comment inside a statement moves
 * before it, so their order may change. */
static void sort_lines(char *s, size_t n) {
  char **v = xmalloc(sizeof *v * (n + 1)), *copy = xmalloc(n + 1);
  memcpy(copy, s, n);
  int k = 0;
  for (size_t i = 0, from = 0; i < n; i++)
    if (copy[i] == '\n') {
      copy[i] = 0;
      v[k++] = copy + from;
      from = i + 1;
    }
  qsort(v, (size_t)k, sizeof *v, by_text);
  for (int i = 0; i < k; i++) {
    size_t len = strlen(v[i]);
    memcpy(s, v[i], len);
    s[len] = '\n';
    s += len + 1;
  }
  free(v);
  free(copy);
}

static void load(Side *s, const char *name, const char *src, size_t n) {
  memset(s, 0, sizeof *s);
  ctx_init(&s->c);
  s->file = ctx_add_source(&s->c, name, src, n);
  Spans sp;
  s->bad = parse_spans(&s->c, s->file, &sp);
  FILE *o = open_memstream(&s->comments, &s->clen);
  if (!o) oom();
  fmt_comments(&s->c, s->file, &sp, add_comment, o);
  fclose(o);
  sort_lines(s->comments, s->clen);
  spans_free(&sp);
  if (!s->bad) {
    resolve(&s->c);
    check(&s->c);
  }
  dump_ir(s);
  dump_findings(s);
}

static void unload(Side *s) {
  free(s->ir);
  free(s->found);
  free(s->comments);
  ctx_free(&s->c);
}

static int same(const char *a, size_t an, const char *b, size_t bn) {
  return an == bn && !memcmp(a, b, an);
}

/* The formatting of out, compared with out itself. */
static int stable(const char *name, const char *out, size_t n) {
  Ctx c;
  ctx_init(&c);
  char *again;
  size_t len;
  int bad = fmt_file(&c, ctx_add_source(&c, name, out, n), &again, &len);
  int ok = !bad && same(again, len, out, n);
  free(again);
  ctx_free(&c);
  return ok;
}

const char *fmt_verify(const char *name, const char *src, size_t n, const char *out, size_t outlen) {
  Side a, b;
  load(&a, name, src, n);
  load(&b, name, out, outlen);
  const char *why = b.bad ? "the formatted text has syntax errors"
                  : !same(a.ir, a.irlen, b.ir, b.irlen) ? "the formatted text means something else (its IR differs)"
                  : !same(a.found, a.foundlen, b.found, b.foundlen) ? "check finds other problems in the formatted text"
                  : !same(a.comments, a.clen, b.comments, b.clen) ? "the formatted text lost or changed a comment"
                  : !stable(name, out, outlen) ? "formatting the formatted text changes it again"
                  : NULL;
  unload(&a);
  unload(&b);
  return why;
}
