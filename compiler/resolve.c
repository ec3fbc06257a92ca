/* resolve.c — name binding (see resolve.h). */
#include "resolve.h"
#include <stdlib.h>
#include <string.h>
#include "names.h"
#include "parse.h"

/* Suggestions cost a scan of all names; past this many, omit them. */
#define MAX_SUGGESTIONS 200

typedef struct Resolver {
  Ctx *c;
  NameTable procs;
  const char **proc_names;
  int nsuggest;
  int sib_file;            /* the file whose siblings' processes are in sib */
  Declared *sib;
  int nsib;
} Resolver;

static const char *hint(Resolver *r, const char *name, const char *const *cands, int n) {
  if (r->nsuggest++ >= MAX_SUGGESTIONS) return "";
  return names_hint(r->c, name, cands, n);
}

static void duplicate(Ctx *c, const char *what, const char *id, Loc again, Loc first) {
  Diag *d = diag(c, SEV_ERROR, "duplicate", again, "%s %s is declared twice", what, ctx_quote(c, id));
  diag_note(c, d, first, "first declared here");
}

static int node_named(unsigned scope, const char *id) {
  const NameSlot *slot = ctx_name_slot(id);
  return slot->scope == scope && slot->val >= 0 ? slot->val : -1;
}

static int has_kind(const Process *pr, NodeKind k) {
  for (int i = 0; i < pr->nnodes; i++)
    if (pr->nodes[i]->kind == k) return 1;
  return 0;
}

/* For a name no node has and none is near: when the process lacks its
 * start (the name is only left) or its end (only entered), the
 * declaration that is missing. */
static const char *declare_hint(Resolver *r, const Process *pr, const char *id) {
  if (r->nsuggest++ >= MAX_SUGGESTIONS) return "";
  int from = 0, to = 0;
  for (int i = 0; i < pr->nedges; i++) {
    from |= pr->edges[i]->from_id == id;
    to |= pr->edges[i]->to_id == id;
  }
  if (from && !to && !has_kind(pr, NK_START))
    return arena_printf(&r->c->arena, ": declare it, e.g. start %s \"\xE5\xBC\x80\xE5\xA7\x8B\" (the process has no start node)", id);
  if (to && !from && !has_kind(pr, NK_END))
    return arena_printf(&r->c->arena, ": declare it, e.g. end %s \"\xE7\xBB\x93\xE6\x9D\x9F\" (the process has no end node)", id);
  return "";
}

/* An edge end that names no node: an error at its first use, later uses
 * as notes of it, up to five (its name's slot holds -2 - the error's
 * index in seen). */
static void undefined_node(Resolver *r, Process *pr, unsigned scope, const char *id, Loc at,
                           const char *const *names, Diag **seen, int *nseen) {
  Ctx *c = r->c;
  NameSlot *slot = ctx_name_slot(id);
  if (slot->scope == scope && slot->val <= -2) {
    Diag *d = seen[-2 - slot->val];
    int k = 0;
    for (const DiagNote *nt = d->notes; nt && k < 5; nt = nt->next) k++;
    if (k < 5) diag_note(c, d, at, "also used here");
    return;
  }
  const char *h = hint(r, id, names, pr->nnodes);
  if (!*h) h = declare_hint(r, pr, id);
  Diag *d = diag(c, SEV_ERROR, "undefined", at, "process %s has no node %s%s", ctx_quote(c, pr->id), ctx_quote(c, id), h);
  slot->scope = scope;
  slot->val = -2 - *nseen;
  seen[(*nseen)++] = d;
}

/* The lane whose display name is name, or -1. */
static int lane_named(const Process *pr, const char *name) {
  for (int i = 0; i < pr->nlanes; i++)
    if (!strcmp(pr->lanes[i].name, name)) return i;
  return -1;
}

/* A call of a process not read in this run: when a file beside the
 * caller's declares it, the import that is missing. */
static void unknown_callee(Resolver *r, const Process *pr, const Node *n, const Text *ref, const char *target) {
  Ctx *c = r->c;
  const char *file = NULL;
  if (r->sib_file != pr->file) {
    free(r->sib);
    r->nsib = sibling_processes(c, pr->file, &r->sib);
    r->sib_file = pr->file;
  }
  for (int i = 0; i < r->nsib && !file; i++)
    if (r->sib[i].id == target) file = r->sib[i].file;
  const char *h = file ? arena_printf(&c->arena, ": it is declared in %s, which is not imported: add 'import \"%s\"'",
                                      ctx_quote(c, file), file)
                       : hint(r, target, r->proc_names, c->prog->nprocs);
  if (ref)
    diag(c, SEV_ERROR, "undefined", ref->loc, "there is no process %s%s", ctx_quote(c, target), h);
  else
    diag(c, SEV_ERROR, "call", n->loc,
         "call %s names no process: add 'process ID' in its braces, or give it the ID of the process it calls%s",
         ctx_quote(c, target), h);
}

/* Group IDs share the lanes' names: a group's slot holds -2 - its index. */
static void add_groups(Ctx *c, Process *pr, NameTable *lanes) {
  for (int i = 0; i < pr->ngroups; i++) {
    const LaneGroup *g = &pr->groups[i];
    int first = names_add(lanes, g->id, -2 - i);
    if (first == -1) continue;
    Loc other = first <= -2 ? pr->groups[-2 - first].loc : pr->lanes[first].loc;
    int later = other.line < g->loc.line || (other.line == g->loc.line && other.start < g->loc.start);
    if (later || first <= -2) duplicate(c, "lane group", g->id, g->loc, other);
    else duplicate(c, "lane", g->id, other, g->loc);
  }
}

/* "market, sales" */
static const char *group_lanes(Arena *a, const Process *pr, const LaneGroup *g) {
  const char *s = "";
  for (int i = 0; i < g->nlanes; i++) s = arena_printf(a, "%s%s%s", s, i ? ", " : "", pr->lanes[g->first + i].id);
  return s;
}

/* The lane `in` names at ref, or -1 after reporting why there is none.
 * main: the responsible (first) lane, which counts the lane's nodes. */
static int bind_lane(Resolver *r, Process *pr, NameTable *lanes, const char **lane_names, const Text *ref, int main) {
  Ctx *c = r->c;
  int k = names_get(lanes, ref->s);
  if (k >= 0) {
    pr->lanes[k].nnodes += main;
    return k;
  }
  int named = lane_named(pr, ref->s);
  for (int i = 0; i < pr->ngroups && k == -1 && named < 0; i++)
    if (!strcmp(pr->groups[i].name, ref->s)) k = -2 - i;
  if (k <= -2 && -2 - k < pr->ngroups) {
    const LaneGroup *g = &pr->groups[-2 - k];
    diag(c, SEV_ERROR, "undefined", ref->loc,
         "%s is a lane group, which holds lanes, and a node stands in a lane: did you mean one of its lanes: %s",
         ctx_quote(c, ref->s), group_lanes(&c->arena, pr, g));
  } else if (named >= 0)
    diag(c, SEV_ERROR, "undefined", ref->loc,
         "process %s has no lane %s: that is the name of lane %s, and 'in' takes the lane's ID: write 'in %s'",
         ctx_quote(c, pr->id), ctx_quote(c, ref->s), ctx_quote(c, pr->lanes[named].id), pr->lanes[named].id);
  else
    diag(c, SEV_ERROR, "undefined", ref->loc, "process %s has no lane %s%s",
         ctx_quote(c, pr->id), ctx_quote(c, ref->s), hint(r, ref->s, lane_names, pr->nlanes));
  return -1;
}

static void resolve_process(Resolver *r, Process *pr) {
  Ctx *c = r->c;
  NameTable lanes;
  names_init(c, &lanes, pr->nlanes + pr->ngroups);
  const char **lane_names = arena_alloc(&c->arena, sizeof *lane_names * (size_t)(pr->nlanes + 1));
  for (int i = 0; i < pr->nlanes; i++) {
    int first = names_add(&lanes, pr->lanes[i].id, i);
    if (first >= 0) duplicate(c, "lane", pr->lanes[i].id, pr->lanes[i].loc, pr->lanes[first].loc);
    lane_names[i] = pr->lanes[i].id;
  }
  add_groups(c, pr, &lanes);
  /* node IDs are bound in their interned names' slots (ctx.h) */
  unsigned scope = ++c->scopes;
  const char **node_names = arena_alloc(&c->arena, sizeof *node_names * (size_t)(pr->nnodes + 1));
  for (int i = 0; i < pr->nnodes; i++) {
    Node *n = pr->nodes[i];
    node_names[i] = n->id;
    NameSlot *slot = ctx_name_slot(n->id);
    if (slot->scope == scope) {
      duplicate(c, "node", n->id, n->loc, pr->nodes[slot->val]->loc);
      pr->resolve_errors++;
    } else {
      slot->scope = scope;
      slot->val = i;
    }
    if (n->lane_ref.s) n->lane = bind_lane(r, pr, &lanes, lane_names, &n->lane_ref, 1);
    for (int j = 0; n->x && j < n->x->njoint; j++) {
      n->x->joint[j] = bind_lane(r, pr, &lanes, lane_names, &n->x->joint_refs[j], 0);
      if (n->x->joint[j] >= 0) pr->lanes[n->x->joint[j]].njoint++;
    }
    if (n->kind == NK_CALL) {
      const Text *ref = n->x && n->x->process_ref.s ? &n->x->process_ref : NULL;
      const char *target = ref ? ref->s : n->id;
      n->callee = names_get(&r->procs, target);
      pr->ncalls += n->callee >= 0;
      if (n->callee < 0) unknown_callee(r, pr, n, ref, target);
    }
    if (!n->label) {
      n->label = n->kind == NK_CALL && n->callee >= 0 ? c->prog->procs[n->callee]->title : n->id;
    }
  }
  Diag **seen = arena_alloc(&c->arena, sizeof *seen * (size_t)(2 * pr->nedges + 1));
  int nseen = 0;
  for (int i = 0; i < pr->nedges; i++) {
    Edge *e = pr->edges[i];
    e->from = node_named(scope, e->from_id);
    e->to = node_named(scope, e->to_id);
    /* in a chain a -> b -> c, b is the end of one edge and the start of
       the next: report it once */
    int chained = i > 0 && pr->edges[i - 1]->to_loc.start == e->from_loc.start &&
                  pr->edges[i - 1]->to_loc.file == e->from_loc.file;
    if (e->from < 0 && !chained)
      undefined_node(r, pr, scope, e->from_id, e->from_loc, node_names, seen, &nseen);
    if (e->to < 0)
      undefined_node(r, pr, scope, e->to_id, e->to_loc, node_names, seen, &nseen);
    if (e->from < 0 || e->to < 0) pr->resolve_errors++;
  }
}

void resolve(Ctx *c) {
  Program *g = c->prog;
  Resolver r = {.c = c, .sib_file = -1};
  names_init(c, &r.procs, g->nprocs);
  r.proc_names = arena_alloc(&c->arena, sizeof *r.proc_names * (size_t)(g->nprocs + 1));
  for (int i = 0; i < g->nprocs; i++) {
    Process *pr = g->procs[i];
    r.proc_names[i] = pr->id;
    int first = names_add(&r.procs, pr->id, i);
    if (first >= 0) duplicate(c, "process", pr->id, pr->loc, g->procs[first]->loc);
  }
  for (int i = 0; i < g->nprocs; i++) resolve_process(&r, g->procs[i]);
  free(r.sib);
}
