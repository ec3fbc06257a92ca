/* diff.c — differences between two versions (see diff.h). Everything is
 * matched by key with one sort-and-merge helper, so a diff takes
 * O(n log n) in the size of the processes. */
#include "diff.h"
#include <stdlib.h>
#include <string.h>
#include "graph.h"
#include "marks.h"
#include "report.h"

typedef enum { OP_ADDED, OP_REMOVED, OP_CHANGED, OP_RENAMED, OP_RELABELLED } Op;
static const char *const op_name[] = {"added", "removed", "changed", "renamed", "relabelled"};
static const char op_mark[] = "+-~~~";

/* One difference. Values are as written; text says they are texts
 * (quoted in the text output), not IDs, dates or durations. */
typedef struct Change {
  Op op;
  const char *what;     /* title, owner …, effective, revision, term, lane, phase, node, edge, branch */
  const char *id;       /* the subject: an ID, a phase name, a version, a term; an edge's source */
  const char *to;       /* an edge's target */
  const char *field;    /* what of a node or lane changed: label, kind, lane, form … */
  const char *old, *new;
  const char *date;     /* a revision's date */
  int text, id_text;    /* id_text: the subject is a text (a version, a term) */
  const Node *node;     /* a node added or removed, */
  const Process *pr;    /* in this process */
  const Edge *edge;     /* an edge added, removed or relabelled (its side's) */
} Change;

/* The differences of one process. */
typedef struct PDiff {
  const Process *a, *b; /* old and new; one is NULL for added or removed */
  Change *ch;
  int n, cap;
} PDiff;

typedef struct DC {
  Ctx *c;               /* the new side: allocations */
  Ctx *ca;              /* the old side */
  PDiff *pd;
} DC;

static Change *push(DC *d, Op op, const char *what, const char *id) {
  PDiff *p = d->pd;
  if (p->n == p->cap) p->ch = xrealloc(p->ch, sizeof *p->ch * (size_t)(p->cap = p->cap ? 2 * p->cap : 16));
  Change *x = &p->ch[p->n++];
  memset(x, 0, sizeof *x);
  x->op = op, x->what = what, x->id = id;
  return x;
}

/* A change of a value: added, removed or changed, or nothing if equal. */
static Change *value(DC *d, const char *what, const char *id, const char *field, const char *old,
                     const char *new, int text) {
  if (old == new || (old && new && !strcmp(old, new))) return NULL;
  Change *x = push(d, !old ? OP_ADDED : !new ? OP_REMOVED : OP_CHANGED, what, id);
  x->field = field, x->old = old, x->new = new, x->text = text;
  return x;
}

/* ---- matching ---- */

static int by_key(const void *x, const void *y, void *keys) {
  const char *const *k = keys;
  int i = *(const int *)x, j = *(const int *)y, r = strcmp(k[i], k[j]);
  return r ? r : i - j;
}

/* Pairs equal keys of a[0..na) and b[0..nb), the k-th of a key in a with
 * the k-th in b: ma[i] = j and mb[j] = i, or -1 when unpaired. */
static void match(Ctx *c, const char **a, int na, const char **b, int nb, int *ma, int *mb) {
  int *ia = NEW(c, int, na), *ib = NEW(c, int, nb);
  for (int i = 0; i < na; i++) ia[i] = i, ma[i] = -1;
  for (int j = 0; j < nb; j++) ib[j] = j, mb[j] = -1;
  qsort_r(ia, (size_t)na, sizeof *ia, by_key, a);
  qsort_r(ib, (size_t)nb, sizeof *ib, by_key, b);
  for (int i = 0, j = 0; i < na && j < nb;) {
    int r = strcmp(a[ia[i]], b[ib[j]]);
    if (r < 0) i++;
    else if (r > 0) j++;
    else ma[ia[i]] = ib[j], mb[ib[j]] = ia[i], i++, j++;
  }
}

/* ---- metadata ---- */

static const char *date_text(Ctx *c, const Meta *m) {
  if (!m->has_effective) return NULL;
  return arena_printf(&c->arena, "%04d-%02d-%02d", m->effective.y, m->effective.m, m->effective.d);
}

/* The process's own limit as written ("1~2d"), or NULL. */
static const char *limit_text(Ctx *c, const Meta *m) {
  return m->has_within ? dur_written(&c->arena, m->within) : NULL;
}

static const char *revision_date(Ctx *c, const Revision *r) {
  return arena_printf(&c->arena, "%04d-%02d-%02d", r->date.y, r->date.m, r->date.d);
}

/* The n revisions of list as keys (version, date, text) into k[] and r[]. */
static int revision_keys(Ctx *c, const Revision *list, const char ***k, const Revision ***r) {
  int n = 0;
  for (const Revision *x = list; x; x = x->next) n++;
  *k = NEW(c, const char *, n);
  *r = NEW(c, const Revision *, n);
  n = 0;
  for (const Revision *x = list; x; x = x->next, n++) {
    (*r)[n] = x;
    (*k)[n] = arena_printf(&c->arena, "%s\x1f%s\x1f%s", x->version, revision_date(c, x), x->what);
  }
  return n;
}

static void revision(DC *d, const Revision *r, int added) {
  Change *x = push(d, added ? OP_ADDED : OP_REMOVED, "revision", r->version);
  x->id_text = x->text = 1;
  x->date = revision_date(d->c, r);
  if (added) x->new = r->what;
  else x->old = r->what;
}

static void diff_revisions(DC *d, const Meta *ma, const Meta *mb) {
  const char **ka, **kb;
  const Revision **ra, **rb;
  int na = revision_keys(d->c, ma->revisions, &ka, &ra), nb = revision_keys(d->c, mb->revisions, &kb, &rb);
  int *pa = NEW(d->c, int, na), *pb = NEW(d->c, int, nb);
  match(d->c, ka, na, kb, nb, pa, pb);
  for (int i = 0; i < na; i++)
    if (pa[i] < 0) revision(d, ra[i], 0);
  for (int i = 0; i < nb; i++)
    if (pb[i] < 0) revision(d, rb[i], 1);
}

static void diff_terms(DC *d, const Meta *ma, const Meta *mb) {
  int na = 0, nb = 0, i = 0;
  for (const Term *t = ma->terms; t; t = t->next) na++;
  for (const Term *t = mb->terms; t; t = t->next) nb++;
  const char **ka = NEW(d->c, const char *, na), **kb = NEW(d->c, const char *, nb);
  const Term **ta = NEW(d->c, const Term *, na), **tb = NEW(d->c, const Term *, nb);
  int *pa = NEW(d->c, int, na), *pb = NEW(d->c, int, nb);
  for (const Term *t = ma->terms; t; t = t->next, i++) ka[i] = t->term, ta[i] = t;
  i = 0;
  for (const Term *t = mb->terms; t; t = t->next, i++) kb[i] = t->term, tb[i] = t;
  match(d->c, ka, na, kb, nb, pa, pb);
  Change *x;
  for (i = 0; i < na; i++)
    if ((x = value(d, "term", ka[i], NULL, ta[i]->definition, pa[i] < 0 ? NULL : tb[pa[i]]->definition, 1)))
      x->id_text = 1;
  for (i = 0; i < nb; i++)
    if (pb[i] < 0 && (x = value(d, "term", kb[i], NULL, NULL, tb[i]->definition, 1))) x->id_text = 1;
}

static void diff_meta(DC *d, const Process *a, const Process *b) {
  value(d, "title", NULL, NULL, a->title, b->title, 1);
  for (int k = 0; k < MK__COUNT; k++)
    if (k != MK_TITLE)
      value(d, meta_key_name[k], NULL, NULL, a->meta.field[k].s, b->meta.field[k].s, 1);
  value(d, "effective", NULL, NULL, date_text(d->ca, &a->meta), date_text(d->c, &b->meta), 0);
  value(d, "added", NULL, NULL, mark_reason(a->added), mark_reason(b->added), 1);
  value(d, "within", NULL, "added", mark_reason(a->within_added), mark_reason(b->within_added), 1);
  value(d, "within", NULL, NULL, limit_text(d->ca, &a->meta), limit_text(d->c, &b->meta), 0);
  diff_revisions(d, &a->meta, &b->meta);
  diff_terms(d, &a->meta, &b->meta);
}

static const char *group_of(const Process *p, int k) {
  const LaneGroup *g = lane_group(p, k);
  return g ? g->id : NULL;
}

/* The IDs and display names of a process's lanes or lane groups. */
typedef struct Named { const char **id, **name; int n; } Named;

static Named lane_names(Ctx *c, const Process *p) {
  Named r = {NEW(c, const char *, p->nlanes), NEW(c, const char *, p->nlanes), p->nlanes};
  for (int i = 0; i < p->nlanes; i++) r.id[i] = p->lanes[i].id, r.name[i] = p->lanes[i].name;
  return r;
}

static Named group_names(Ctx *c, const Process *p) {
  Named r = {NEW(c, const char *, p->ngroups), NEW(c, const char *, p->ngroups), p->ngroups};
  for (int i = 0; i < p->ngroups; i++) r.id[i] = p->groups[i].id, r.name[i] = p->groups[i].name;
  return r;
}

/* Lanes or lane groups matched by ID: added, removed, renamed; returns
 * each of a's partner in b, or -1. */
static int *diff_named(DC *d, const char *what, Named a, Named b) {
  int *pa = NEW(d->c, int, a.n), *pb = NEW(d->c, int, b.n);
  match(d->c, a.id, a.n, b.id, b.n, pa, pb);
  for (int i = 0; i < a.n; i++)
    if (pa[i] < 0) value(d, what, a.id[i], NULL, a.name[i], NULL, 1);
    else value(d, what, a.id[i], "name", a.name[i], b.name[pa[i]], 1);
  for (int i = 0; i < b.n; i++)
    if (pb[i] < 0) value(d, what, b.id[i], NULL, NULL, b.name[i], 1);
  return pa;
}

static void diff_lanes(DC *d, const Process *a, const Process *b) {
  Change *x;
  diff_named(d, "lane group", group_names(d->c, a), group_names(d->c, b));
  int *pa = diff_named(d, "lane", lane_names(d->c, a), lane_names(d->c, b)), *pb;
  for (int i = 0; i < a->nlanes; i++)
    if (pa[i] >= 0) {
      value(d, "lane", a->lanes[i].id, "added", mark_reason(a->lanes[i].added), mark_reason(b->lanes[pa[i]].added), 1);
      value(d, "lane", a->lanes[i].id, "group", group_of(a, i), group_of(b, pa[i]), 0);
    }
  const char **fa = NEW(d->c, const char *, a->nphases), **fb = NEW(d->c, const char *, b->nphases);
  pa = NEW(d->c, int, a->nphases), pb = NEW(d->c, int, b->nphases);
  for (int i = 0; i < a->nphases; i++) fa[i] = a->phases[i].name;
  for (int i = 0; i < b->nphases; i++) fb[i] = b->phases[i].name;
  match(d->c, fa, a->nphases, fb, b->nphases, pa, pb);
  for (int i = 0; i < a->nphases; i++)
    if (pa[i] < 0) value(d, "phase", NULL, NULL, fa[i], NULL, 1);
    else if ((x = value(d, "phase", fa[i], "added", mark_reason(a->phases[i].added), mark_reason(b->phases[pa[i]].added), 1)))
      x->id_text = 1;
  for (int i = 0; i < b->nphases; i++)
    if (pb[i] < 0) value(d, "phase", NULL, NULL, NULL, fb[i], 1);
}

/* ---- nodes ---- */

/* Both sides of a process: graphs and the node map old → new. */
typedef struct Side { const Process *pr; Ctx *c; Graph out, in; int *map; } Side;

static void side_init(Ctx *c, Side *s, const Process *pr) {
  int m = pr->nedges;
  int *from = NEW(c, int, m), *to = NEW(c, int, m);
  for (int i = 0; i < m; i++) from[i] = pr->edges[i]->from, to[i] = pr->edges[i]->to;
  s->pr = pr;
  graph_build(c, &s->out, pr->nnodes, m, from, to, 0);
  graph_build(c, &s->in, pr->nnodes, m, from, to, 1);
  s->map = NEW(c, int, pr->nnodes);
}

static const char *lane_of(const Process *p, const Node *n) { return n->lane >= 0 ? p->lanes[n->lane].id : NULL; }

/* The lanes a step takes part in, "finance, legal", or NULL. */
static const char *joint_of(Ctx *c, const Process *p, const Node *n) {
  const char *s = NULL;
  for (int j = 0; n->x && j < n->x->njoint; j++)
    if (n->x->joint[j] >= 0)
      s = s ? arena_printf(&c->arena, "%s, %s", s, p->lanes[n->x->joint[j]].id) : p->lanes[n->x->joint[j]].id;
  return s;
}
static const char *phase_of(const Process *p, const Node *n) { return n->phase >= 0 ? p->phases[n->phase].name : NULL; }

static const char *within_of(Ctx *c, const Node *n) {
  if (!n->x || !n->x->has_within) return NULL;
  return dur_written(&c->arena, n->x->within);
}

static const char *every_of(Ctx *c, const Node *n) {
  if (!n->x || !n->x->has_every) return NULL;
  return dur_written(&c->arena, n->x->every);
}

static const char *trigger_of(const Node *n) { return n->x ? n->x->trigger.s : NULL; }

static const char *callee_of(Ctx *c, const Node *n) {
  if (n->kind != NK_CALL) return NULL;
  return n->callee >= 0 ? c->prog->procs[n->callee]->id : n->id;
}

/* What a renamed node must keep: kind, explicit label, lane. */
static const char *rename_key(Ctx *c, const Process *p, const Node *n) {
  const char *lane = lane_of(p, n);
  return arena_printf(&c->arena, "%s\x1f%s\x1f%s", node_kind_name[n->kind],
                      n->has_label ? n->label : "\x01", lane ? lane : "");
}

static int by_text(const void *x, const void *y) {
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Node v's edges, each "o|i NEIGHBOUR LABEL", sorted: the neighbour as
 * its new-side index when it is in both versions (old side: map[w]; new
 * side: w, if mapped), else "?". */
static const char **signature(Ctx *c, const Side *s, int v, int old_side, int *n) {
  int deg = graph_deg(&s->out, v) + graph_deg(&s->in, v), k = 0;
  const char **sig = NEW(c, const char *, deg);
  for (int dir = 0; dir < 2; dir++) {
    const Graph *g = dir ? &s->in : &s->out;
    for (int e = g->off[v]; e < g->off[v + 1]; e++) {
      const Edge *ed = s->pr->edges[g->eid[e]];
      int w = g->adj[e], to = s->map[w] < 0 ? -1 : old_side ? s->map[w] : w;
      const char *label = ed->label ? ed->label : "\x01";
      sig[k++] = to < 0 ? arena_printf(&c->arena, "%c?\x1f%s", dir ? 'i' : 'o', label)
                        : arena_printf(&c->arena, "%c%d\x1f%s", dir ? 'i' : 'o', to, label);
    }
  }
  qsort(sig, (size_t)k, sizeof *sig, by_text);
  *n = k;
  return sig;
}

static int same_neighbours(Ctx *c, const Side *a, int v, const Side *b, int w) {
  int na, nb;
  const char **sa = signature(c, a, v, 1, &na), **sb = signature(c, b, w, 0, &nb);
  if (na != nb) return 0;
  for (int i = 0; i < na; i++)
    if (strcmp(sa[i], sb[i])) return 0;
  return 1;
}

/* Maps old nodes to new ones: by ID, then unpaired nodes with the same
 * rename_key as renamed, as long as their edges agree under the map
 * (neighbours in only one version match any such neighbour; dropping a
 * pair can spoil another: repeat until none drops). */
static void map_nodes(DC *d, Side *a, Side *b) {
  Ctx *c = d->c;
  int na = a->pr->nnodes, nb = b->pr->nnodes;
  const char **ka = NEW(c, const char *, na), **kb = NEW(c, const char *, nb);
  for (int v = 0; v < na; v++) ka[v] = a->pr->nodes[v]->id;
  for (int w = 0; w < nb; w++) kb[w] = b->pr->nodes[w]->id;
  match(c, ka, na, kb, nb, a->map, b->map);
  int *ua = NEW(c, int, na), *ub = NEW(c, int, nb), nua = 0, nub = 0;
  for (int v = 0; v < na; v++)
    if (a->map[v] < 0) ka[nua] = rename_key(d->ca, a->pr, a->pr->nodes[v]), ua[nua++] = v;
  for (int w = 0; w < nb; w++)
    if (b->map[w] < 0) kb[nub] = rename_key(c, b->pr, b->pr->nodes[w]), ub[nub++] = w;
  if (!nua || !nub) return;
  int *pa = NEW(c, int, nua), *pb = NEW(c, int, nub);
  match(c, ka, nua, kb, nub, pa, pb);
  for (int i = 0; i < nua; i++)
    if (pa[i] >= 0) a->map[ua[i]] = ub[pa[i]], b->map[ub[pa[i]]] = ua[i];
  for (int dropped = 1; dropped;) {
    dropped = 0;
    for (int i = 0; i < nua; i++) {
      int v = ua[i], w = a->map[v];
      if (w < 0 || same_neighbours(c, a, v, b, w)) continue;
      a->map[v] = b->map[w] = -1;
      dropped = 1;
    }
  }
  for (int i = 0; i < nua; i++)
    if (a->map[ua[i]] >= 0) {
      Change *x = push(d, OP_RENAMED, "node", b->pr->nodes[a->map[ua[i]]]->id);
      x->old = a->pr->nodes[ua[i]]->id, x->new = x->id;
    }
}

static int once(AttrKind k) { return k == AT_NOTE || k == AT_SYSTEM || k == AT_APPROVER; }

static const Attr *first_attr(const Node *n, AttrKind k) {
  for (const Attr *t = n->attrs; t; t = t->next)
    if (t->kind == k) return t;
  return NULL;
}

static const char *attr_text(const Attr *t) { return t ? t->text.s : NULL; }
static const char *attr_mark(const Attr *t) { return t ? mark_reason(t->added) : NULL; }

/* The marks of an attribute on both sides: "form added" … */
static void attr_marks(DC *d, const char *id, const Attr *x, const Attr *y) {
  if (x && y)
    value(d, "node", id, arena_printf(&d->c->arena, "%s added", attr_kind_name[y->kind]), attr_mark(x), attr_mark(y), 1);
}

/* Attributes: those given once compared as values, the others as
 * multisets (each text added or removed). */
static void diff_attrs(DC *d, const char *id, const Node *x, const Node *y) {
  Ctx *c = d->c;
  for (int k = 0; k < AT__COUNT; k++)
    if (once((AttrKind)k)) {
      const Attr *u = first_attr(x, (AttrKind)k), *v = first_attr(y, (AttrKind)k);
      value(d, "node", id, attr_kind_name[k], attr_text(u), attr_text(v), 1);
      attr_marks(d, id, u, v);
    }
  int na = 0, nb = 0;
  for (const Attr *t = x->attrs; t; t = t->next) na += !once(t->kind);
  for (const Attr *t = y->attrs; t; t = t->next) nb += !once(t->kind);
  const char **ka = NEW(c, const char *, na), **kb = NEW(c, const char *, nb);
  const Attr **ta = NEW(c, const Attr *, na), **tb = NEW(c, const Attr *, nb);
  int *pa = NEW(c, int, na), *pb = NEW(c, int, nb), i = 0;
  for (const Attr *t = x->attrs; t; t = t->next)
    if (!once(t->kind)) ta[i] = t, ka[i++] = arena_printf(&c->arena, "%d\x1f%s", t->kind, t->text.s);
  i = 0;
  for (const Attr *t = y->attrs; t; t = t->next)
    if (!once(t->kind)) tb[i] = t, kb[i++] = arena_printf(&c->arena, "%d\x1f%s", t->kind, t->text.s);
  match(c, ka, na, kb, nb, pa, pb);
  for (i = 0; i < na; i++)
    if (pa[i] < 0) value(d, "node", id, attr_kind_name[ta[i]->kind], ta[i]->text.s, NULL, 1);
    else attr_marks(d, id, ta[i], tb[pa[i]]);
  for (i = 0; i < nb; i++)
    if (pb[i] < 0) value(d, "node", id, attr_kind_name[tb[i]->kind], NULL, tb[i]->text.s, 1);
}

/* A node's condition and the marks of the node, its condition and limit. */
static void diff_node_marks(DC *d, const char *id, const Node *x, const Node *y) {
  const NodeExtra none = {0}, *u = x->x ? x->x : &none, *v = y->x ? y->x : &none;
  value(d, "node", id, "when", u->when.s, v->when.s, 1);
  value(d, "node", id, "added", mark_reason(x->added), mark_reason(y->added), 1);
  if (u->when.s && v->when.s) value(d, "node", id, "when added", mark_reason(u->when_added), mark_reason(v->when_added), 1);
  if (u->has_within && v->has_within)
    value(d, "node", id, "within added", mark_reason(u->within_added), mark_reason(v->within_added), 1);
  if (u->trigger.s && v->trigger.s)
    value(d, "node", id, "trigger added", mark_reason(u->trigger_added), mark_reason(v->trigger_added), 1);
  if (u->has_every && v->has_every)
    value(d, "node", id, "every added", mark_reason(u->every_added), mark_reason(v->every_added), 1);
}

static void diff_node(DC *d, const Side *a, const Node *x, const Side *b, const Node *y) {
  const char *id = y->id;
  value(d, "node", id, "kind", node_kind_name[x->kind], node_kind_name[y->kind], 0);
  if (x->has_label || y->has_label) value(d, "node", id, "label", x->label, y->label, 1);
  value(d, "node", id, "lane", lane_of(a->pr, x), lane_of(b->pr, y), 0);
  value(d, "node", id, "joint lanes", joint_of(d->ca, a->pr, x), joint_of(d->c, b->pr, y), 0);
  value(d, "node", id, "phase", phase_of(a->pr, x), phase_of(b->pr, y), 1);
  value(d, "node", id, "within", within_of(d->ca, x), within_of(d->c, y), 0);
  value(d, "node", id, "process", callee_of(d->ca, x), callee_of(d->c, y), 0);
  diff_node_marks(d, id, x, y);
  value(d, "node", id, "trigger", trigger_of(x), trigger_of(y), 1);
  value(d, "node", id, "every", every_of(d->ca, x), every_of(d->c, y), 0);
  diff_attrs(d, id, x, y);
}

static void node_change(DC *d, Op op, const Process *p, const Node *n) {
  Change *x = push(d, op, "node", n->id);
  x->node = n, x->pr = p;
}

static void diff_nodes(DC *d, const Side *a, const Side *b) {
  for (int v = 0; v < a->pr->nnodes; v++)
    if (a->map[v] < 0) node_change(d, OP_REMOVED, a->pr, a->pr->nodes[v]);
  for (int w = 0; w < b->pr->nnodes; w++)
    if (b->map[w] < 0) node_change(d, OP_ADDED, b->pr, b->pr->nodes[w]);
  for (int w = 0; w < b->pr->nnodes; w++)
    if (b->map[w] >= 0) diff_node(d, a, a->pr->nodes[b->map[w]], b, b->pr->nodes[w]);
}

/* ---- edges ---- */

static const char *edge_kind(const Process *p, const Edge *e) {
  return e->branch || p->nodes[e->from]->kind == NK_DECISION ? "branch" : "edge";
}

static void edge_change(DC *d, Op op, const Process *p, const Edge *e, const char *old, const char *new) {
  Change *x = push(d, op, edge_kind(p, e), e->from_id);
  x->to = e->to_id, x->old = old, x->new = new, x->text = 1, x->edge = e;
}

/* An edge marked or unmarked as added, or with another reason. */
static void edge_mark(DC *d, const Process *p, const Edge *old, const Edge *e) {
  const char *u = mark_reason(old->added), *v = mark_reason(e->added);
  if (u == v || (u && v && !strcmp(u, v))) return;
  Change *x = push(d, !u ? OP_ADDED : !v ? OP_REMOVED : OP_CHANGED, edge_kind(p, e), e->from_id);
  x->to = e->to_id, x->field = "added", x->old = u, x->new = v, x->text = 1, x->edge = e;
}

/* Edges by their ends (old ends mapped to the new nodes) and label:
 * the same ends with another label are relabelled. */
static void diff_edges(DC *d, const Side *a, const Side *b) {
  Ctx *c = d->c;
  int na = a->pr->nedges, nb = b->pr->nedges;
  const char **ea = NEW(c, const char *, na), **eb = NEW(c, const char *, nb);
  const char **ka = NEW(c, const char *, na), **kb = NEW(c, const char *, nb);
  int *pa = NEW(c, int, na), *pb = NEW(c, int, nb), *qa = NEW(c, int, na), *qb = NEW(c, int, nb);
  for (int i = 0; i < na; i++) {
    const Edge *e = a->pr->edges[i];
    int f = a->map[e->from], t = a->map[e->to];
    ea[i] = arena_printf(&c->arena, "%d>%d", f >= 0 ? f : -1 - e->from, t >= 0 ? t : -1 - e->to);
    ka[i] = arena_printf(&c->arena, "%s\x1f%s", ea[i], e->label ? e->label : "\x01");
  }
  for (int i = 0; i < nb; i++) {
    const Edge *e = b->pr->edges[i];
    eb[i] = arena_printf(&c->arena, "%d>%d", e->from, e->to);
    kb[i] = arena_printf(&c->arena, "%s\x1f%s", eb[i], e->label ? e->label : "\x01");
  }
  match(c, ka, na, kb, nb, pa, pb);
  /* the unpaired by their ends alone: relabelled */
  for (int i = 0; i < na; i++) if (pa[i] >= 0) ea[i] = "\x01a";
  for (int i = 0; i < nb; i++) if (pb[i] >= 0) eb[i] = "\x01b";
  match(c, ea, na, eb, nb, qa, qb);
  for (int i = 0; i < na; i++)
    if (pa[i] < 0 && qa[i] < 0) edge_change(d, OP_REMOVED, a->pr, a->pr->edges[i], a->pr->edges[i]->label, NULL);
  for (int i = 0; i < nb; i++) {
    const Edge *e = b->pr->edges[i];
    if (pb[i] >= 0) edge_mark(d, b->pr, a->pr->edges[pb[i]], e);
    if (pb[i] < 0 && qb[i] < 0) edge_change(d, OP_ADDED, b->pr, e, NULL, e->label);
    else if (pb[i] < 0) edge_change(d, OP_RELABELLED, b->pr, e, a->pr->edges[qb[i]]->label, e->label);
  }
}

/* ---- processes ---- */

static void diff_process(DC *d, const Process *a, const Process *b) {
  Side sa = {.c = d->ca}, sb = {.c = d->c};
  side_init(d->c, &sa, a);
  side_init(d->c, &sb, b);
  diff_meta(d, a, b);
  diff_lanes(d, a, b);
  map_nodes(d, &sa, &sb);
  diff_nodes(d, &sa, &sb);
  diff_edges(d, &sa, &sb);
}

/* The processes of the files named on the command line. */
static const Process **named(Ctx *c, int *n) {
  const Process **p = NEW(c, const Process *, c->prog->nprocs);
  *n = 0;
  for (int i = 0; i < c->prog->nprocs; i++)
    if (c->files[c->prog->procs[i]->file]->cmdline) p[(*n)++] = c->prog->procs[i];
  return p;
}

/* ---- output ---- */

static void text_value(FILE *out, const char *v, int text) {
  if (!v) fputs("none", out);
  else if (text) json_write_string(out, v);
  else fputs(v, out);
}

static void text_node(FILE *out, const Change *x) {
  const Node *n = x->node;
  fprintf(out, "%s %s ", node_kind_name[n->kind], n->id);
  json_write_string(out, n->label);
  if (n->lane >= 0) fprintf(out, " in %s", x->pr->lanes[n->lane].id);
}

static void text_change(FILE *out, const Change *x) {
  fprintf(out, "  %c %s", x->field ? '~' : op_mark[x->op], x->what); /* field: its subject changed */
  if (x->node) {
    fputc(' ', out);
    text_node(out, x);
  } else if (x->op == OP_RENAMED) {
    fprintf(out, " %s \xE2\x86\x92 %s (renamed)", x->old, x->new);
  } else if (x->to) {
    fprintf(out, " %s \xE2\x86\x92 %s", x->id, x->to);
    if (x->field) {
      fprintf(out, ": %s ", x->field);
      text_value(out, x->old, 1);
      fputs(" \xE2\x86\x92 ", out);
      text_value(out, x->new, 1);
    } else if (x->op == OP_RELABELLED) {
      fputs(": ", out);
      text_value(out, x->old, 1);
      fputs(" \xE2\x86\x92 ", out);
      text_value(out, x->new, 1);
    } else if (x->old || x->new) {
      fputs(" : ", out);
      text_value(out, x->old ? x->old : x->new, 1);
    }
  } else {
    if (x->id) fputc(' ', out), text_value(out, x->id, x->id_text);
    if (x->date) fprintf(out, " %s", x->date);
    if (x->field) fprintf(out, ":%s %s", x->op == OP_ADDED ? " +" : x->op == OP_REMOVED ? " -" : "", x->field);
    if (x->op == OP_CHANGED) {
      fputs(x->field ? " " : ": ", out);
      text_value(out, x->old, x->text);
      fputs(" \xE2\x86\x92 ", out);
      text_value(out, x->new, x->text);
    } else {
      fputc(' ', out);
      text_value(out, x->old ? x->old : x->new, x->text);
    }
  }
  fputc('\n', out);
}

static void text_process(FILE *out, const PDiff *p) {
  const Process *pr = p->b ? p->b : p->a;
  fputs(!p->a ? "+ process " : !p->b ? "- process " : "process ", out);
  fprintf(out, "%s ", pr->id);
  json_write_string(out, pr->title);
  if (!p->a || !p->b) {
    fprintf(out, " (%d nodes)\n", pr->nnodes);
    return;
  }
  fputc('\n', out);
  for (int i = 0; i < p->n; i++) text_change(out, &p->ch[i]);
}

static void json_field(FILE *out, const char *key, const char *v) {
  fprintf(out, ", \"%s\": ", key);
  if (v) json_write_string(out, v);
  else fputs("null", out);
}

static void json_change(FILE *out, const Change *x) {
  fprintf(out, "{\"what\": \"%s\", \"change\": \"%s\"", x->what, op_name[x->field ? OP_CHANGED : x->op]);
  if (x->node) {
    json_field(out, "id", x->id);
    json_field(out, "kind", node_kind_name[x->node->kind]);
    json_field(out, "label", x->node->label);
    json_field(out, "lane", lane_of(x->pr, x->node));
    json_field(out, "phase", phase_of(x->pr, x->node));
  } else if (x->to) {
    json_field(out, "from", x->id);
    json_field(out, "to", x->to);
  } else if (x->id) {
    json_field(out, "id", x->id);
  }
  if (x->field) json_field(out, "field", x->field);
  if (x->date) json_field(out, "date", x->date);
  if (x->to && x->op != OP_RELABELLED && !x->field) {
    json_field(out, "label", x->old ? x->old : x->new);
  } else if (!x->node) {
    json_field(out, "old", x->old);
    json_field(out, "new", x->new);
  }
  fputc('}', out);
}

static void json_process(FILE *out, const PDiff *p) {
  const Process *pr = p->b ? p->b : p->a;
  fputs("{\"id\": ", out);
  json_write_string(out, pr->id);
  fprintf(out, ", \"change\": \"%s\", \"title\": ", !p->a ? "added" : !p->b ? "removed" : "changed");
  json_write_string(out, pr->title);
  fputs(", \"changes\": [", out);
  for (int i = 0; i < p->n; i++) {
    fputs(i ? ",\n    " : "\n    ", out);
    json_change(out, &p->ch[i]);
  }
  fputs(p->n ? "]}" : "]}", out);
}

struct Diff {
  PDiff *pd;            /* the processes that differ: changed or added, then removed */
  int n;
};

Diff *diff_compare(Ctx *a, Ctx *b) {
  int na, nb;
  const Process **pa = named(a, &na), **pb = named(b, &nb);
  const char **ka = NEW(b, const char *, na), **kb = NEW(b, const char *, nb);
  int *ma = NEW(b, int, na), *mb = NEW(b, int, nb);
  for (int i = 0; i < na; i++) ka[i] = pa[i]->id;
  for (int i = 0; i < nb; i++) kb[i] = pb[i]->id;
  match(b, ka, na, kb, nb, ma, mb);
  Diff *df = NEW(b, Diff, 1);
  PDiff *pd = df->pd = NEW(b, PDiff, na + nb + 1);
  int n = 0;
  for (int i = 0; i < nb; i++) {
    DC d = {.c = b, .ca = a, .pd = &pd[n]};
    pd[n].a = mb[i] >= 0 ? pa[mb[i]] : NULL;
    pd[n].b = pb[i];
    if (pd[n].a) diff_process(&d, pd[n].a, pb[i]);
    if (!pd[n].a || pd[n].n) n++;
    else free(pd[n].ch), memset(&pd[n], 0, sizeof pd[n]);
  }
  for (int i = 0; i < na; i++)
    if (ma[i] < 0) pd[n++].a = pa[i];
  df->n = n;
  return df;
}

void diff_free(Diff *df) {
  for (int i = 0; df && i < df->n; i++) free(df->pd[i].ch);
}

int diff_count(const Diff *df) { return df->n; }

void diff_process_at(const Diff *df, int i, const Process **old, const Process **new) {
  *old = df->pd[i].a;
  *new = df->pd[i].b;
}

const char **diff_lines(Ctx *c, const Diff *df, int i, int *n) {
  const PDiff *p = &df->pd[i];
  const char **lines = NEW(c, const char *, p->n + 1);
  for (int k = 0; k < p->n; k++) {
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m) oom();
    text_change(m, &p->ch[k]);
    fclose(m);
    size_t skip = strspn(buf, " ");
    lines[k] = arena_strndup(&c->arena, buf + skip, len - skip - (len > skip && buf[len - 1] == '\n'));
    free(buf);
  }
  *n = p->n;
  return lines;
}

/* Index of the node with this ID in p, or -1. */
static int node_index(const Process *p, const char *id) {
  for (int v = 0; v < p->nnodes; v++)
    if (!strcmp(p->nodes[v]->id, id)) return v;
  return -1;
}

/* Index of edge e in p, or -1. */
static int edge_index(const Process *p, const Edge *e) {
  for (int i = 0; i < p->nedges; i++)
    if (p->edges[i] == e) return i;
  return -1;
}

void diff_marks(Ctx *c, const Diff *df, int i, DiffMarks *mk) {
  const PDiff *p = &df->pd[i];
  const Process *b = p->b;
  memset(mk, 0, sizeof *mk);
  mk->node = NEW(c, unsigned char, b ? b->nnodes + 1 : 1);
  mk->edge = NEW(c, unsigned char, b ? b->nedges + 1 : 1);
  mk->removed = NEW(c, const char *, p->n + 1);
  if (b && !p->a) { /* a new process: all of it */
    memset(mk->node, DIFF_ADDED, (size_t)b->nnodes);
    memset(mk->edge, DIFF_ADDED, (size_t)b->nedges);
    return;
  }
  int nlines;
  const char **lines = diff_lines(c, df, i, &nlines);
  for (int k = 0; b && k < p->n; k++) {
    const Change *x = &p->ch[k];
    int v = x->node || !strcmp(x->what, "node") ? node_index(b, x->id) : -1;
    if (x->op == OP_REMOVED && !x->field && (x->node || x->edge)) mk->removed[mk->nremoved++] = lines[k];
    else if (x->edge && x->op != OP_REMOVED && edge_index(b, x->edge) >= 0)
      mk->edge[edge_index(b, x->edge)] = x->op == OP_ADDED ? DIFF_ADDED : DIFF_CHANGED;
    else if (v >= 0 && !mk->node[v]) mk->node[v] = x->node && x->op == OP_ADDED ? DIFF_ADDED : DIFF_CHANGED;
  }
}

void diff_print(const Diff *df, const char *old_name, const char *new_name, int json, FILE *out) {
  if (json) {
    fputs("{\"old\": ", out);
    json_write_string(out, old_name);
    fputs(", \"new\": ", out);
    json_write_string(out, new_name);
    fputs(",\n \"processes\": [", out);
  } else {
    fprintf(out, "--- %s\n+++ %s\n", old_name, new_name);
  }
  for (int i = 0; i < df->n; i++) {
    if (json) {
      fputs(i ? ",\n  " : "\n  ", out);
      json_process(out, &df->pd[i]);
    } else {
      text_process(out, &df->pd[i]);
    }
  }
  if (json) fputs(df->n ? "\n ]}\n" : "]}\n", out);
  else if (!df->n) fputs("no process changed\n", out);
}

int diff_write(Ctx *a, Ctx *b, const char *old_name, const char *new_name, int json, FILE *out) {
  Diff *df = diff_compare(a, b);
  diff_print(df, old_name, new_name, json, out);
  int n = df->n;
  diff_free(df);
  return n;
}
