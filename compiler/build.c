/* build.c — the grammar actions: turn statements into Program entries
 * (processes, handbooks, nodes, edges, metadata) and report the errors
 * that depend on where a statement stands. */
#include <stdarg.h>
#include <string.h>
#include "parser.h"

#define ARENA (&p->ctx->arena)

const char *const node_kind_name[NK__COUNT] = {
  "start", "end", "task", "decision", "call", "document",
  "data", "store", "manual", "wait", "fork", "join",
};
const char *const attr_kind_name[AT__COUNT] = {
  "form", "input", "output", "note", "risk", "control", "system",
  "approver", "consult", "inform",
};
const char *const dur_unit_name[DU__COUNT] = {"min", "h", "d", "wd", "w", "mo"};

const char *dur_written(Arena *a, Duration d) {
  const char *u = d.unit >= 0 && d.unit < DU__COUNT ? dur_unit_name[d.unit] : "";
  if (!d.hi) return arena_printf(a, "%lld%s", d.amount, u);
  return arena_printf(a, "%lld%s%s%lld%s", d.amount, d.lo_unit ? u : "", d.tilde ? "\xEF\xBD\x9E" : "~", d.hi, u);
}

Duration dur_lo(Duration d) { return (Duration){d.amount, d.unit, 0, 0, 0}; }
Duration dur_hi(Duration d) { return (Duration){d.hi ? d.hi : d.amount, d.unit, 0, 0, 0}; }
const char *const meta_key_name[MK__COUNT] = {
  "owner", "code", "version", "author", "reviewer", "approver",
  "purpose", "scope", "title", "company", "source",
};

const LaneGroup *lane_group(const Process *p, int k) {
  int g = k >= 0 && k < p->nlanes ? p->lanes[k].group : -1;
  return g >= 0 && g < p->ngroups ? &p->groups[g] : NULL;
}

const char *kind_article(NodeKind k) { return k == NK_END ? "an" : "a"; }

void p_syntax(Parser *p, Loc loc, const char *fmt, ...) {
  if (p->capped) return;
  if (++p->nsyntax > MAX_SYNTAX_ERRORS) {
    p->capped = 1;
    diag(p->ctx, SEV_ERROR, "syntax", loc,
         "too many errors in this file (%d); the rest of it was not read", MAX_SYNTAX_ERRORS);
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  char buf[1024];
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  diag(p->ctx, SEV_ERROR, "syntax", loc, "%s", buf);
}

void p_string_byte(Parser *p, const char *s, size_t n) {
  if (p->slen + n + 1 > p->scap) {
    p->scap = (p->slen + n + 1) * 2;
    p->sbuf = xrealloc(p->sbuf, p->scap);
  }
  memcpy(p->sbuf + p->slen, s, n);
  p->slen += n;
}

void p_push(Parser *p, int tok, const void *val, size_t n, Loc loc) {
  if (p->qpos == p->qlen) p->qpos = p->qlen = 0;
  if (p->qlen == p->qcap) {
    p->qcap = p->qcap ? p->qcap * 2 : 16;
    p->queue = xrealloc(p->queue, sizeof *p->queue * (size_t)p->qcap);
  }
  struct QueuedToken *q = &p->queue[p->qlen++];
  q->tok = tok;
  q->loc = loc;
  memcpy(q->val, val, n);
}

int p_pop(Parser *p, void *val, size_t n, Loc *loc) {
  if (p->qpos == p->qlen) return -1;
  struct QueuedToken *q = &p->queue[p->qpos++];
  memcpy(val, q->val, n);
  *loc = q->loc;
  return q->tok;
}

/* Grows an arena array of elements of size sz to hold n+1 elements. */
static void *grow(Parser *p, void *arr, int n, int *cap, size_t sz) {
  if (n < *cap) return arr;
  int nc = *cap ? *cap * 2 : 8;
  void *na = arena_alloc(ARENA, sz * (size_t)nc);
  if (n) memcpy(na, arr, sz * (size_t)n);
  *cap = nc;
  return na;
}

static void seen_twice(Parser *p, Loc first, Loc again, const char *what) {
  if (again.start == p->guess_loc.start && again.line == p->guess_loc.line && p->guess_loc.line)
    return;  /* a keyword guessed for a misspelt word, already reported */
  Diag *d = diag(p->ctx, SEV_ERROR, "duplicate", again, "%s is given twice", what);
  diag_note(p->ctx, d, first, "first given here");
}

/* A statement allowed once: 1 the first time (it is then recorded as
 * given at loc), else 0 after reporting the repeat. */
static int once(Parser *p, int *given, Loc *first, Loc loc, const char *what) {
  if (*given) {
    seen_twice(p, *first, loc, what);
    return 0;
  }
  *given = 1;
  *first = loc;
  return 1;
}

static void meta_start(Parser *p, Meta *m) {
  p->meta = m;
  memset(p->meta_seen, 0, sizeof p->meta_seen);
  p->rev_tail = &m->revisions;
  p->term_tail = &m->terms;
}

void b_process_begin(Parser *p, const char *id, Loc loc, Text title) {
  Program *g = p->ctx->prog;
  Process *pr = arena_alloc(ARENA, sizeof *pr);
  pr->id = id;
  pr->title = title.s ? title.s : id;
  pr->loc = loc;
  pr->file = p->file;
  pr->index = g->nprocs;
  g->procs = grow(p, g->procs, g->nprocs, &g->capprocs, sizeof *g->procs);
  g->procs[g->nprocs++] = pr;
  p->proc = pr;
  p->title_given = title.s != NULL;
  p->title_loc = title.loc;
  p->nnodes = p->nedges = 0;
  p->lanes_cap = p->phases_cap = p->groups_cap = 0;
  p->group = -1;
  p->group_depth = 0;
  meta_start(p, &pr->meta);
}

void b_process_end(Parser *p) {
  Process *pr = p->proc;
  if (!pr) return;
  pr->nodes = arena_alloc(ARENA, sizeof *pr->nodes * (size_t)(p->nnodes + 1));
  if (p->nnodes) memcpy(pr->nodes, p->nodes, sizeof *pr->nodes * (size_t)p->nnodes);
  pr->nnodes = p->nnodes;
  pr->edges = arena_alloc(ARENA, sizeof *pr->edges * (size_t)(p->nedges + 1));
  if (p->nedges) memcpy(pr->edges, p->edges, sizeof *pr->edges * (size_t)p->nedges);
  pr->nedges = p->nedges;
  if (pr->meta.field[MK_TITLE].s && !p->title_given) pr->title = pr->meta.field[MK_TITLE].s;
  p->proc = NULL;
  p->node = NULL;
  p->meta = NULL;
}

void b_handbook_begin(Parser *p, Text title, Loc loc) {
  Program *g = p->ctx->prog;
  if (g->nhandbooks) { /* one front matter for everything read together */
    Diag *d = diag(p->ctx, SEV_ERROR, "duplicate", loc,
                   "a second handbook: the files read together may hold only one");
    diag_note(p->ctx, d, g->handbooks[0]->loc, "the first handbook");
  }
  Handbook *h = arena_alloc(ARENA, sizeof *h);
  h->title = title.s;
  h->loc = loc;
  h->file = p->file;
  g->handbooks = grow(p, g->handbooks, g->nhandbooks, &g->caphandbooks, sizeof *g->handbooks);
  g->handbooks[g->nhandbooks++] = h;
  p->title_given = title.s != NULL;
  p->title_loc = title.loc;
  meta_start(p, &h->meta);
}

void b_handbook_end(Parser *p) {
  Handbook *h = p->ctx->prog->handbooks[p->ctx->prog->nhandbooks - 1];
  if (!h->title) h->title = h->meta.field[MK_TITLE].s;
  p->meta = NULL;
}

void b_import(Parser *p, Text path) {
  Import *im = arena_alloc(ARENA, sizeof *im);
  im->path = path;
  *p->imports_tail = im;
  p->imports_tail = &im->next;
}

void b_meta(Parser *p, MetaKey k, Text v, Loc kwloc) {
  Meta *m = p->meta;
  if (k == MK_TITLE && p->title_given) {
    seen_twice(p, p->title_loc, kwloc, "the title");
    return;
  }
  if (m->field[k].s) {
    seen_twice(p, p->meta_seen[k], kwloc, arena_printf(ARENA, "'%s'", meta_key_name[k]));
    return;
  }
  m->field[k] = v;
  p->meta_seen[k] = kwloc;
}

void b_effective(Parser *p, Date d, Loc loc) {
  Meta *m = p->meta;
  if (once(p, &m->has_effective, &m->effective_loc, loc, "'effective'")) m->effective = d;
}

void b_revision(Parser *p, Text version, Date d, Text what, Loc loc) {
  Revision *r = arena_alloc(ARENA, sizeof *r);
  r->version = version.s;
  r->date = d;
  r->what = what.s;
  r->loc = loc;
  *p->rev_tail = r;
  p->rev_tail = &r->next;
}

void b_term(Parser *p, Text term, Text def, Loc loc) {
  Term *t = arena_alloc(ARENA, sizeof *t);
  t->term = term.s;
  t->definition = def.s;
  t->loc = loc;
  *p->term_tail = t;
  p->term_tail = &t->next;
}

void b_lane(Parser *p, const char *id, Loc loc, Text name) {
  Process *pr = p->proc;
  pr->lanes = grow(p, pr->lanes, pr->nlanes, &p->lanes_cap, sizeof *pr->lanes);
  Lane *l = &pr->lanes[pr->nlanes++];
  memset(l, 0, sizeof *l);
  l->id = id;
  l->name = name.s ? name.s : id;
  l->loc = loc;
  l->group = p->group;
  if (p->group >= 0) pr->groups[p->group].nlanes++;
}

/* A group's lanes are declared in its braces, one level deep: a group in
 * a group is reported and its lanes join the outer one. */
void b_group_begin(Parser *p, const char *id, Loc loc, Text name) {
  Process *pr = p->proc;
  if (p->group_depth++ > 0) {
    p_syntax(p, loc, "lane group '%s' stands in lane group '%s': groups hold lanes, one level deep; "
             "declare '%s' beside '%s'", id, pr->groups[p->group].id, id, pr->groups[p->group].id);
    return;
  }
  pr->groups = grow(p, pr->groups, pr->ngroups, &p->groups_cap, sizeof *pr->groups);
  LaneGroup *g = &pr->groups[pr->ngroups];
  g->id = id;
  g->name = name.s ? name.s : id;
  g->loc = loc;
  g->first = pr->nlanes;
  g->nlanes = 0;
  p->group = pr->ngroups++;
}

void b_group_end(Parser *p) {
  if (--p->group_depth > 0) return;
  Process *pr = p->proc;
  LaneGroup *g = &pr->groups[p->group];
  p->group = -1;
  if (g->nlanes > 0) return;
  p_syntax(p, g->loc, "lane group '%s' holds no lane: declare its lanes in its braces, "
           "e.g. lane %s \"%s\" { lane a \"…\" }", g->id, g->id, g->name);
  pr->ngroups--;  /* nothing to draw */
}

void b_phase(Parser *p, Text name, Loc loc) {
  Process *pr = p->proc;
  pr->phases = grow(p, pr->phases, pr->nphases, &p->phases_cap, sizeof *pr->phases);
  pr->phases[pr->nphases].name = name.s;
  pr->phases[pr->nphases].loc = loc;
  pr->nphases++;
}

void b_node_begin(Parser *p, NodeKind k, const char *id, Loc loc, Text label, Text lane) {
  if (p->nnodes == MAX_PROCESS_NODES)
    p_syntax(p, loc, "process '%s' has more than %d nodes, the most flowc reads in one process: split it with 'call'",
             p->proc->id, MAX_PROCESS_NODES);
  Node *n = arena_alloc(ARENA, sizeof *n);
  n->kind = k;
  n->id = id;
  n->label = label.s;
  n->has_label = label.s != NULL;
  n->loc = loc;
  n->lane_ref = lane;
  n->lane = -1;
  n->phase = p->proc->nphases - 1;
  n->callee = -1;
  if (p->nnodes == p->nodes_cap) {
    p->nodes_cap = p->nodes_cap ? p->nodes_cap * 2 : 64;
    p->nodes = xrealloc(p->nodes, sizeof *p->nodes * (size_t)p->nodes_cap);
  }
  n->index = p->nnodes;
  p->nodes[p->nnodes++] = n;
  p->node = n;
  p->hdr_node = n;
  p->hdr_end = label.s ? label.loc : loc;
  p->attr_tail = &n->attrs;
  memset(p->attr_seen, 0, sizeof p->attr_seen);
}

void b_node_end(Parser *p) { p->node = NULL; }

static int repeatable(AttrKind k) {
  return k != AT_NOTE && k != AT_SYSTEM && k != AT_APPROVER;
}

void b_attr(Parser *p, AttrKind k, Text v, Loc kwloc) {
  if (!repeatable(k)) {
    if (p->attr_seen[k].line) {
      seen_twice(p, p->attr_seen[k], kwloc, arena_printf(ARENA, "'%s'", attr_kind_name[k]));
      return;
    }
    p->attr_seen[k] = kwloc;
  }
  Attr *a = arena_alloc(ARENA, sizeof *a);
  a->kind = k;
  a->text = v;
  *p->attr_tail = a;
  p->attr_tail = &a->next;
}

static NodeExtra *extra(Parser *p, Node *n) {
  if (!n->x) n->x = arena_alloc(ARENA, sizeof *n->x);
  return n->x;
}

/* `within` among a process's properties: the whole process's limit. */
static void process_within(Parser *p, Duration d, Loc loc) {
  Meta *m = p->meta;
  if (!p->proc) {
    p_syntax(p, loc, "a handbook cannot have a time limit ('within'); give it to a process");
    return;
  }
  if (once(p, &m->has_within, &m->within_loc, loc, "'within'")) m->within = d;
}

void b_calendar(Parser *p, Duration day, Loc day_loc, Duration week, Loc week_loc) {
  Meta *m = p->meta;
  if (m->cal.hours_per_day) {
    seen_twice(p, m->cal_loc, day_loc, "'calendar'");
    return;
  }
  if (day.hi || week.hi) {
    p_syntax(p, day.hi ? day_loc : week_loc, "'calendar' takes no range: give the hours of a working day and "
             "the working days of a week, as in 'calendar 8h 5d'");
    return;
  }
  if (day.unit != DU_HOUR || day.amount < 1 || day.amount > 24) {
    p_syntax(p, day_loc, "a working day is given in hours from 1h to 24h, as in 'calendar 8h 5d'");
    return;
  }
  if (week.unit != DU_DAY || week.amount < 1 || week.amount > 7) {
    p_syntax(p, week_loc, "a working week is given in days from 1d to 7d, as in 'calendar 8h 5d'");
    return;
  }
  m->cal = (Calendar){(int)day.amount, (int)week.amount};
  m->cal_loc = day_loc;
}

void b_within(Parser *p, Duration d, Loc loc) {
  Node *n = p->node;
  if (!n) {
    process_within(p, d, loc);
    return;
  }
  if (n->kind == NK_START || n->kind == NK_END || n->kind == NK_FORK || n->kind == NK_JOIN) {
    p_syntax(p, loc, "%s %s node cannot have a time limit ('within')", kind_article(n->kind),
             node_kind_name[n->kind]);
    return;
  }
  NodeExtra *x = extra(p, n);
  if (once(p, &x->has_within, &x->within_loc, loc, "'within'")) x->within = d;
}

void b_call_process(Parser *p, const char *id, Loc loc, Loc kwloc) {
  Node *n = p->node;
  if (n->kind != NK_CALL) {
    p_syntax(p, kwloc, "'process' names the process a call node runs; '%s' is %s %s node, not a call",
             n->id, kind_article(n->kind), node_kind_name[n->kind]);
    return;
  }
  NodeExtra *x = extra(p, n);
  if (x->process_ref.s) {
    seen_twice(p, x->process_ref.loc, loc, "'process'");
    return;
  }
  x->process_ref.s = id;
  x->process_ref.loc = loc;
}

/* The start node a `trigger` or `every` (kw) stands in, else NULL
 * after saying where it belongs. */
static Node *start_for(Parser *p, Loc kwloc, const char *kw) {
  Node *n = p->node;
  if (n->kind == NK_START) return n;
  p_syntax(p, kwloc, "'%s' belongs in the braces of a start node; '%s' is %s %s node", kw, n->id,
           kind_article(n->kind), node_kind_name[n->kind]);
  return NULL;
}

void b_trigger(Parser *p, Text event, Loc kwloc, Added *a) {
  Node *n = start_for(p, kwloc, "trigger");
  if (!n) return;
  NodeExtra *x = extra(p, n);
  if (x->trigger.s) {
    seen_twice(p, x->trigger.loc, kwloc, "'trigger'");
    return;
  }
  x->trigger = (Text){event.s, kwloc};
  x->trigger_added = a;
}

void b_every(Parser *p, Duration d, Loc loc, Loc kwloc, Added *a) {
  Node *n = start_for(p, kwloc, "every");
  if (!n) return;
  if (d.hi) {
    p_syntax(p, loc, "'every' takes one period, not a range: e.g. 'every 1mo'");
    return;
  }
  if (d.amount < 1) {
    p_syntax(p, loc, "a period is longer than zero: e.g. 'every 1mo'");
    return;
  }
  NodeExtra *x = extra(p, n);
  if (once(p, &x->has_every, &x->every_loc, loc, "'every'")) {
    x->every = d;
    x->every_added = a;
  }
}

Ref *b_ref(Parser *p, Text t, Ref *prev) {
  Ref *r = arena_alloc(ARENA, sizeof *r);
  r->id = t.s;
  r->loc = t.loc;
  r->next = prev;
  return r;
}

static Ref *reverse(Ref *r) {
  Ref *out = NULL;
  while (r) {
    Ref *n = r->next;
    r->next = out;
    out = r;
    r = n;
  }
  return out;
}

Text b_string(Parser *p, Ref *rev, Loc loc) {
  Ref *r = reverse(rev);
  size_t len = 0;
  for (Ref *q = r; q; q = q->next) len += strlen(q->id);
  Text t = {r->id, loc};
  if (r->next) {
    char *s = arena_alloc(ARENA, len + 1), *o = s;
    for (Ref *q = r; q; q = q->next) {
      size_t k = strlen(q->id);
      memcpy(o, q->id, k);
      o += k;
    }
    *o = 0;
    t.s = s;
  }
  return t;
}

static Edge *edge(Parser *p, const char *from, Loc from_loc, const char *to, Loc to_loc) {
  Edge *e = arena_alloc(ARENA, sizeof *e);
  e->from_id = from;
  e->from_loc = from_loc;
  e->to_id = to;
  e->to_loc = to_loc;
  e->from = e->to = -1;
  if (p->nedges == p->edges_cap) {
    p->edges_cap = p->edges_cap ? p->edges_cap * 2 : 64;
    p->edges = xrealloc(p->edges, sizeof *p->edges * (size_t)p->edges_cap);
  }
  p->edges[p->nedges++] = e;
  return e;
}

EdgeSpan b_edge(Parser *p, Text from, Text to) {
  Edge *e = edge(p, from.s, from.loc, to.s, to.loc);
  return (EdgeSpan){e, e};
}

EdgeSpan b_edge_next(Parser *p, EdgeSpan chain, Text to) {
  if (!chain.last) return chain;
  chain.last = edge(p, chain.last->to_id, chain.last->to_loc, to.s, to.loc);
  return chain;
}

EdgeSpan b_branch(Parser *p, Text label, Text to) {
  Node *n = p->node;
  if (n->kind != NK_DECISION) {
    p_syntax(p, label.loc,
             "a branch 'label -> node' belongs in a decision; '%s' is %s %s node: write an edge '%s -> %s' in the process instead",
             n->id, kind_article(n->kind), node_kind_name[n->kind], n->id, to.s);
    return (EdgeSpan){NULL, NULL};
  }
  Edge *e = edge(p, n->id, n->loc, to.s, to.loc);
  e->label = label.s;
  e->label_loc = label.loc;
  e->branch = 1;
  return (EdgeSpan){e, e};
}

/* A label for an unlabelled branch of the current decision: the other
 * half of a pair already used (是 → 否), else 否. */
const char *branch_label_example(const Parser *p) {
  static const char *const pairs[][2] = {
    {"\xE6\x98\xAF", "\xE5\x90\xA6"},                                  /* 是 否 */
    {"\xE9\x80\x9A\xE8\xBF\x87", "\xE4\xB8\x8D\xE9\x80\x9A\xE8\xBF\x87"}, /* 通过 不通过 */
    {"\xE5\x90\x8C\xE6\x84\x8F", "\xE4\xB8\x8D\xE5\x90\x8C\xE6\x84\x8F"}, /* 同意 不同意 */
    {"yes", "no"},
  };
  int used[4][2] = {{0}};
  for (int i = 0; i < p->nedges; i++) {
    const Edge *e = p->edges[i];
    if (!e->branch || !e->label || e->from_id != p->node->id) continue;
    for (int j = 0; j < 4; j++)
      for (int k = 0; k < 2; k++) used[j][k] |= !strcmp(e->label, pairs[j][k]);
  }
  for (int j = 0; j < 4; j++)
    for (int k = 0; k < 2; k++)
      if (used[j][k] && !used[j][!k]) return pairs[j][!k];
  return pairs[0][1];
}

/* A line in a decision's braces that starts with '->': a branch whose
 * label is missing, not a continuation of the line before. */
EdgeSpan b_unlabelled(Parser *p, Loc arrow, Text to) {
  p_syntax(p, arrow, "this branch of decision '%s' has no label (a line starting with '->' in a decision's braces "
           "is a new branch): write '%s -> %s'", p->node->id, branch_label_example(p), to.s);
  return (EdgeSpan){NULL, NULL};
}

void b_edge_label(Parser *p, EdgeSpan chain, Text label) {
  if (!chain.first) return;
  if (chain.first != chain.last) {
    p_syntax(p, label.loc, "a label is allowed only on a single edge: end the chain at '%s' and write "
             "the labelled edge on its own, '%s -> %s : …'",
             chain.last->from_id, chain.last->from_id, chain.last->to_id);
    return;
  }
  chain.first->label = label.s;
  chain.first->label_loc = label.loc;
}

/* ---- v1.1: `when`, `added` (see ir.h's Added) ---- */

Added *b_mark(Parser *p, Text reason, Loc loc) {
  Added *a = arena_alloc(ARENA, sizeof *a);
  a->reason = reason.s && *reason.s ? reason.s : NULL;
  a->loc = loc;
  return a;
}

void b_mark_again(Parser *p, const Added *first, Loc loc) {
  Diag *d = diag(p->ctx, SEV_ERROR, "duplicate", loc, "'added' is given twice on this line: one marks everything the line writes");
  diag_note(p->ctx, d, first->loc, "first given here");
}

/* A line `added` in a node's braces: the node is beyond the source. */
void b_mark_node(Parser *p, Added *a) {
  Node *n = p->node;
  if (n->added) seen_twice(p, n->added->loc, a->loc, arena_printf(ARENA, "'added' for node '%s'", n->id));
  else n->added = a;
}

/* A line `added` among a process's properties: all of it is a supplement. */
void b_mark_process(Parser *p, Added *a) {
  Process *pr = p->proc;
  if (pr->added) seen_twice(p, pr->added->loc, a->loc, arena_printf(ARENA, "'added' for process '%s'", pr->id));
  else pr->added = a;
}

/* A trailing mark on the attribute just read, whose text is at v (the
 * attribute may have been refused as a repeat). */
void b_mark_attr(Parser *p, Text v, Added *a) {
  if (!a || !p->node) return;
  for (Attr *t = p->node->attrs; t; t = t->next)
    if (!t->next && t->text.loc.start == v.loc.start && t->text.loc.line == v.loc.line) t->added = a;
}

void b_mark_within(Parser *p, Loc at, Added *a) {
  if (!a) return;
  Node *n = p->node;
  if (n && n->x && n->x->has_within && n->x->within_loc.start == at.start && n->x->within_loc.line == at.line)
    n->x->within_added = a;
  else if (!n && p->proc && p->meta->has_within && p->meta->within_loc.start == at.start && p->meta->within_loc.line == at.line)
    p->proc->within_added = a;
}

void b_mark_edges(Parser *p, EdgeSpan chain, Added *a) {
  if (!a || !chain.first) return;
  for (int i = p->nedges - 1; i >= 0; i--) {
    p->edges[i]->added = a;
    if (p->edges[i] == chain.first) break;
  }
}

void b_mark_lane(Parser *p, Added *a) {
  if (a && p->proc->nlanes) p->proc->lanes[p->proc->nlanes - 1].added = a;
}

void b_mark_phase(Parser *p, Added *a) {
  if (a && p->proc->nphases) p->proc->phases[p->proc->nphases - 1].added = a;
}

/* Why a node of kind k cannot be conditional, or NULL when it can. */
static const char *when_refused(NodeKind k) {
  switch (k) {
  case NK_START: return "a process always begins at its start";
  case NK_END: return "an end is where the flow arrives, not a step that is done";
  case NK_FORK: case NK_JOIN: return "a fork or join only splits or merges the flow: put 'when' on the steps after it";
  case NK_DECISION: return "a decision already chooses: write the case as a branch label, or put 'when' on the steps it leads to";
  default: return NULL;
  }
}

/* `when "…"` in a node's braces: the step is done only in that case. */
void b_when(Parser *p, Text cond, Loc kwloc, Added *a) {
  Node *n = p->node;
  const char *why = when_refused(n->kind);
  if (why) {
    p_syntax(p, kwloc, "%s %s node cannot be conditional ('when'): %s", kind_article(n->kind),
             node_kind_name[n->kind], why);
    return;
  }
  NodeExtra *x = extra(p, n);
  if (x->when.s) {
    seen_twice(p, x->when.loc, kwloc, "'when'");
    return;
  }
  x->when = (Text){cond.s, kwloc};
  x->when_added = a;
}

/* A lane named twice in one list is reported and dropped. */
static int named_before(Parser *p, const Ref *list, const Ref *r) {
  for (const Ref *q = list; q != r; q = q->next)
    if (q->id == r->id) {
      Diag *d = diag(p->ctx, SEV_ERROR, "duplicate", r->loc, "lane '%s' is named twice in the lanes of '%s'",
                     r->id, p->node->id);
      diag_note(p->ctx, d, q->loc, "first named here");
      return 1;
    }
  return 0;
}

void b_node_lanes(Parser *p, Ref *rev) {
  Node *n = p->node;
  Ref *r = reverse(rev);
  if (!r) return;
  n->lane_ref = (Text){r->id, r->loc};
  int k = 0;
  p->in_end = r->loc;
  for (const Ref *q = r->next; q; q = q->next) k++, p->in_end = q->loc;
  if (!k) return;
  if (n->kind == NK_START || n->kind == NK_END || n->kind == NK_FORK || n->kind == NK_JOIN) {
    p_syntax(p, r->next->loc, "%s %s node stands in one lane; joint lanes ('in a, b') are for steps: "
             "write 'in %s'", kind_article(n->kind), node_kind_name[n->kind], r->id);
    return;
  }
  NodeExtra *x = extra(p, n);
  x->joint_refs = arena_alloc(ARENA, sizeof *x->joint_refs * (size_t)k);
  x->joint = arena_alloc(ARENA, sizeof *x->joint * (size_t)k);
  for (const Ref *q = r->next; q; q = q->next)
    if (!named_before(p, r, q)) {
      x->joint_refs[x->njoint] = (Text){q->id, q->loc};
      x->joint[x->njoint++] = -1;
    }
}
