/* check.c — process rules (see check.h). Every rule runs in time linear
 * or nearly linear in the size of the process. */
#include "check.h"
#include <stdlib.h>
#include <string.h>
#include "graph.h"
#include "marks.h"
#include "stats.h"


typedef struct PC {
  Ctx *c;
  Process *pr;
  int n, m;
  Graph out, in;
  unsigned char *reach, *coreach;
  int *targets;       /* number of distinct successors */
  unsigned char *kind;   /* each node's NodeKind, copied in one pass so */
  unsigned char *inlane; /* the checks' passes do not visit every Node */
} PC;

static const char *q(PC *k, const char *s) { return ctx_quote(k->c, s); }
static Node *N(PC *k, int v) { return k->pr->nodes[v]; }
static NodeKind K(PC *k, int v) { return (NodeKind)k->kind[v]; }

/* Steps of a long cycle shown at its start and at its end. */
#define PATH_SHOWN 10

/* "a → b → c → a": the cycle ids[0..n-1] back to ids[0], built in one
 * pass; a long cycle shows its first and last steps around "…". */
static const char *cycle_text(Ctx *c, const char *const *ids, int n) {
  static const char arrow[] = " \xE2\x86\x92 ", dots[] = "\xE2\x80\xA6";
  size_t len = strlen(ids[0]) + 64;
  for (int i = 0; i < n; i++) len += strlen(ids[i]) + sizeof arrow;
  char *s = arena_alloc(&c->arena, len), *o = s;
  int cut = n > 2 * PATH_SHOWN;
  for (int i = 0; i < n; i++) {
    if (cut && i == PATH_SHOWN) {
      o = stpcpy(stpcpy(o, dots), arrow);
      i = n - PATH_SHOWN;
    }
    o = stpcpy(stpcpy(o, ids[i]), arrow);
  }
  o = stpcpy(o, ids[0]);
  if (cut) sprintf(o, " (%d steps)", n);
  return s;
}

static void check_terminals(PC *k) {
  Ctx *c = k->c;
  int nstart = 0, nend = 0, first_start = -1;
  for (int v = 0; v < k->n; v++) {
    if (K(k, v) != NK_START && K(k, v) != NK_END) continue;
    Node *nd = N(k, v);
    if (nd->kind == NK_START) {
      if (nstart++ == 0) first_start = v;
      else {
        Diag *d = diag(c, SEV_WARNING, "multiple-starts", nd->loc,
                       "process %s has more than one start: %s and %s",
                       q(k, k->pr->id), q(k, N(k, first_start)->id), q(k, nd->id));
        diag_note(c, d, N(k, first_start)->loc, "first start declared here");
      }
      for (int e = k->in.off[v]; e < k->in.off[v + 1]; e++) {
        Edge *ed = k->pr->edges[k->in.eid[e]];
        diag(c, SEV_ERROR, "start", ed->to_loc, "start node %s must not have incoming edges (this one comes from %s)",
             q(k, nd->id), q(k, ed->from_id));
      }
    }
    if (nd->kind == NK_END) {
      nend++;
      for (int e = k->out.off[v]; e < k->out.off[v + 1]; e++) {
        Edge *ed = k->pr->edges[k->out.eid[e]];
        diag(c, SEV_ERROR, "end", ed->from_loc, "end node %s must not have outgoing edges (this one goes to %s)",
             q(k, nd->id), q(k, ed->to_id));
      }
    }
  }
  if (!nstart)
    diag(c, SEV_ERROR, "start", k->pr->loc, "process %s has no start node (add: start s \"开始\")", q(k, k->pr->id));
  if (!nend)
    diag(c, SEV_ERROR, "end", k->pr->loc, "process %s has no end node (add: end e \"结束\")", q(k, k->pr->id));
}

/* Reachability from the starts and to the ends. */
static void compute_reach(PC *k) {
  Ctx *c = k->c;
  int *src = NEW(c, int, k->n + 1), ns = 0, ne = 0, *ends = NEW(c, int, k->n + 1);
  for (int v = 0; v < k->n; v++) {
    if (K(k, v) == NK_START) src[ns++] = v;
    if (K(k, v) == NK_END) ends[ne++] = v;
  }
  k->reach = NEW(c, unsigned char, k->n + 1);
  k->coreach = NEW(c, unsigned char, k->n + 1);
  graph_reach(c, &k->out, src, ns, k->reach);
  graph_reach(c, &k->in, ends, ne, k->coreach);
  if (ns)
    for (int v = 0; v < k->n; v++)
      if (!k->reach[v] && K(k, v) != NK_START)
        diag(c, SEV_ERROR, "unreachable", N(k, v)->loc, "%s cannot be reached from the start", q(k, N(k, v)->id));
  for (int v = 0; v < k->n; v++) {
    NodeKind kind = K(k, v);
    if (graph_deg(&k->out, v) == 0 && kind != NK_END && kind != NK_DECISION)
      diag(c, SEV_ERROR, "dead-end", N(k, v)->loc,
           "%s has no outgoing edge: every step except an end must lead somewhere", q(k, N(k, v)->id));
  }
}

/* Loops from which no end can be reached: the closed strongly connected
 * components of the reachable nodes that cannot reach an end. */
static void check_exits(PC *k, int has_end) {
  Ctx *c = k->c;
  if (!has_end) return;
  unsigned char *bad = NEW(c, unsigned char, k->n + 1);
  int any = 0;
  for (int v = 0; v < k->n; v++)
    if (k->reach[v] && !k->coreach[v]) bad[v] = 1, any = 1;
  if (!any) return;
  int *comp = NEW(c, int, k->n + 1);
  int ncomp = graph_scc(c, &k->out, bad, comp);
  unsigned char *closed = NEW(c, unsigned char, ncomp + 1), *cyclic = NEW(c, unsigned char, ncomp + 1);
  memset(closed, 1, (size_t)ncomp);
  for (int v = 0; v < k->n; v++) {
    if (comp[v] < 0) continue;
    for (int e = k->out.off[v]; e < k->out.off[v + 1]; e++) {
      int w = k->out.adj[e];
      if (comp[w] != comp[v]) closed[comp[v]] = 0;
      else cyclic[comp[v]] = 1;
    }
  }
  int *pos = NEW(c, int, k->n + 1), *path = NEW(c, int, k->n + 1);
  for (int v = 0; v < k->n; v++) pos[v] = -1;
  for (int v = 0; v < k->n; v++) {
    int cc = comp[v];
    if (cc < 0 || !closed[cc] || !cyclic[cc]) continue;
    cyclic[cc] = 0; /* report each loop once, from its first declared node */
    /* walk inside the component until a node repeats: that is a cycle */
    int len = 0, u = v;
    while (pos[u] < 0) {
      pos[u] = len;
      path[len++] = u;
      for (int e = k->out.off[u]; e < k->out.off[u + 1]; e++)
        if (comp[k->out.adj[e]] == cc) { u = k->out.adj[e]; break; }
    }
    int from = pos[u];
    const char **ids = NEW(c, const char *, len - from);
    for (int i = from; i < len; i++) ids[i - from] = N(k, path[i])->id;
    const char *text = cycle_text(c, ids, len - from);
    Diag *d = diag(c, SEV_ERROR, "no-exit", N(k, path[from])->loc,
                   "loop without exit: %s; no step of it leads to an end", text);
    for (int i = from; i < len; i++) diag_path(c, d, N(k, path[i])->loc, N(k, path[i])->id);
    for (int i = 0; i < len; i++) pos[path[i]] = -1;
  }
}

/* Orders edge indices by label, then by position. */
static int by_label(const void *a, const void *b, void *ctx) {
  Edge *const *edges = ctx;
  const Edge *x = edges[*(const int *)a], *y = edges[*(const int *)b];
  int d = strcmp(x->label, y->label);
  return d ? d : *(const int *)a - *(const int *)b;
}

/* Two branches of decision v with one label: sorting the labels keeps
 * this O(d log d) for a decision of d branches. */
static void same_labels(PC *k, Node *nd, int v) {
  int deg = graph_deg(&k->out, v), n = 0;
  int *ids = NEW(k->c, int, deg + 1);
  for (int e = k->out.off[v]; e < k->out.off[v + 1]; e++)
    if (k->pr->edges[k->out.eid[e]]->label) ids[n++] = k->out.eid[e];
  qsort_r(ids, (size_t)n, sizeof *ids, by_label, k->pr->edges);
  for (int i = 1, first = 0; i < n; i++) {
    Edge *ed = k->pr->edges[ids[i]], *prev = k->pr->edges[ids[first]];
    if (strcmp(prev->label, ed->label) != 0) { first = i; continue; }
    Diag *d = diag(k->c, SEV_ERROR, "decision", ed->label_loc,
                   "decision %s has two branches labelled %s", q(k, nd->id), q(k, ed->label));
    diag_note(k->c, d, prev->label_loc, "the other branch labelled %s", q(k, ed->label));
  }
}

static void check_decisions(PC *k) {
  Ctx *c = k->c;
  for (int v = 0; v < k->n; v++) {
    NodeKind kd = K(k, v);
    int deg = graph_deg(&k->out, v), indeg = graph_deg(&k->in, v);
    if (kd != NK_DECISION && (k->targets[v] < 2 || kd == NK_FORK) && (kd != NK_FORK || indeg < 2)) continue;
    Node *nd = N(k, v);
    if (nd->kind == NK_DECISION) {
      if (deg < 2)
        diag(c, SEV_ERROR, "decision", nd->loc,
             "decision %s has %s: a decision needs at least two labelled branches (e.g. 是 -> a, 否 -> b)",
             q(k, nd->id), deg == 0 ? "no branch" : "only one branch");
      for (int e = k->out.off[v]; e < k->out.off[v + 1]; e++) {
        Edge *ed = k->pr->edges[k->out.eid[e]];
        if (!ed->label) {
          diag(c, SEV_ERROR, "decision", ed->from_loc,
               "the branch from decision %s to %s has no label (write '%s -> %s : 是', or put '是 -> %s' in the decision's braces)",
               q(k, nd->id), q(k, ed->to_id), nd->id, ed->to_id, ed->to_id);
          continue;
        }
      }
      same_labels(k, nd, v);
    } else if (k->targets[v] > 1 && nd->kind != NK_FORK) {
      diag(c, SEV_WARNING, "implicit-split", nd->loc,
           "%s leads to %d different steps: use a decision (one path is taken) or a fork (all run in parallel)",
           q(k, nd->id), k->targets[v]);
    }
    if ((nd->kind == NK_DECISION || nd->kind == NK_FORK) && indeg > 1)
      diag(c, SEV_WARNING, "implicit-join", nd->loc,
           "%s %s has %d incoming edges: let the paths meet at a step before it",
           node_kind_name[nd->kind], q(k, nd->id), indeg);
  }
}

/* Fork/join soundness from dominators (from the starts) and
 * post-dominators (from the ends): a fork's branches must first meet at
 * a join (its immediate post-dominator) whose immediate dominator is that
 * fork, with one incoming edge per branch. */
static void check_parallel(PC *k) {
  Ctx *c = k->c;
  int any = 0;
  for (int v = 0; v < k->n; v++)
    if (K(k, v) == NK_FORK || K(k, v) == NK_JOIN) any = 1;
  if (!any) return;
  /* dominators from a virtual root before every start; post-dominators
     from a virtual exit after every end (the reversed graph) */
  int root = k->n, ns = 0, ne = 0;
  int *starts = NEW(c, int, k->n + 1), *ends = NEW(c, int, k->n + 1);
  for (int v = 0; v < k->n; v++) {
    if (K(k, v) == NK_START) starts[ns++] = v;
    if (K(k, v) == NK_END) ends[ne++] = v;
  }
  int *idom = NEW(c, int, k->n + 1), *ipdom = NEW(c, int, k->n + 1);
  graph_idom(c, &k->out, &k->in, starts, ns, idom);
  graph_idom(c, &k->in, &k->out, ends, ne, ipdom);
  for (int v = 0; v < k->n; v++) {
    if (K(k, v) != NK_FORK && K(k, v) != NK_JOIN) continue;
    Node *nd = N(k, v);
    if (nd->kind == NK_FORK) {
      int deg = graph_deg(&k->out, v);
      if (deg < 2) {
        diag(c, SEV_ERROR, "parallel", nd->loc, "fork %s starts %s: a fork starts two or more parallel branches",
             q(k, nd->id), deg ? "only one branch" : "no branch");
        continue;
      }
      if (!k->reach[v] || !k->coreach[v]) continue;
      int j = ipdom[v];
      if (j == root || j < 0)
        diag(c, SEV_ERROR, "parallel", nd->loc,
             "the branches of fork %s never meet again at one join", q(k, nd->id));
      else if (K(k, j) != NK_JOIN) {
        Diag *d = diag(c, SEV_ERROR, "parallel", nd->loc,
                       "the branches of fork %s meet at %s, which is not a join: synchronise them with a join first",
                       q(k, nd->id), q(k, N(k, j)->id));
        diag_note(c, d, N(k, j)->loc, "the branches meet here");
      }
    } else if (nd->kind == NK_JOIN) {
      if (!k->reach[v]) continue;
      if (graph_deg(&k->in, v) < 2) {
        diag(c, SEV_ERROR, "parallel", nd->loc,
             "join %s has only one incoming edge: a join waits for the branches of a fork", q(k, nd->id));
        continue;
      }
      int d0 = idom[v];
      if (d0 < 0 || d0 == root) {
        diag(c, SEV_ERROR, "parallel", nd->loc, "join %s does not close a fork", q(k, nd->id));
        continue;
      }
      Node *dn = N(k, d0);
      if (dn->kind == NK_DECISION) {
        Diag *d = diag(c, SEV_ERROR, "parallel", nd->loc,
                       "join %s is reached from decision %s instead of a fork: only one branch of a decision arrives, so the join waits forever (deadlock)",
                       q(k, nd->id), q(k, dn->id));
        diag_note(c, d, dn->loc, "the decision");
      } else if (dn->kind != NK_FORK) {
        diag(c, SEV_ERROR, "parallel", nd->loc,
             "join %s does not close a fork: its incoming paths do not all start at one fork (they part at %s)",
             q(k, nd->id), q(k, dn->id));
      } else if (ipdom[d0] == v) {
        int want = graph_deg(&k->out, d0), got = graph_deg(&k->in, v);
        if (got != want) {
          /* a branch arrives more than once: find the decision that split it */
          const char *why = "";
          for (int e = k->in.off[v]; e < k->in.off[v + 1] && !*why; e++)
            for (int u = k->in.adj[e], steps = 0; u != d0 && u >= 0 && u != root && steps < 100000; u = idom[u], steps++)
              if (K(k, u) == NK_DECISION) {
                why = arena_printf(&c->arena, ": the alternative paths of decision %s arrive separately, so the join waits forever (deadlock)",
                                   q(k, N(k, u)->id));
                break;
              }
          diag(c, SEV_ERROR, "parallel", nd->loc,
               "join %s has %d incoming edges but fork %s starts %d branches%s",
               q(k, nd->id), got, q(k, dn->id), want, why);
        }
      } /* else: reported at the fork */
    }
  }
}

static void check_lanes(PC *k) {
  Ctx *c = k->c;
  Process *pr = k->pr;
  if (pr->nlanes == 0) return;
  for (int v = 0; v < k->n; v++) {
    if (k->inlane[v] || K(k, v) == NK_START || K(k, v) == NK_END) continue;
    Node *nd = N(k, v);
    diag(c, SEV_WARNING, "lane", nd->loc, "%s is in no lane: add 'in LANE' (process %s declares lanes)",
           q(k, nd->id), q(k, pr->id));
  }
  for (int i = 0; i < pr->nlanes; i++)
    if (pr->lanes[i].nnodes == 0 && pr->lanes[i].njoint == 0)
      diag(c, SEV_WARNING, "lane", pr->lanes[i].loc, "lane %s has no node", q(k, pr->lanes[i].id));
}

/* Also counts each node's distinct successors for check_decisions. */
static void check_duplicate_edges(PC *k) {
  Ctx *c = k->c;
  k->targets = NEW(c, int, k->n + 1);
  int *seen = NEW(c, int, k->n + 1); /* seen[w] = edge index + 1 from current v */
  int *stamp = NEW(c, int, k->n + 1);
  for (int v = 0; v < k->n; v++) {
    for (int e = k->out.off[v]; e < k->out.off[v + 1]; e++) {
      int w = k->out.adj[e], id = k->out.eid[e];
      if (stamp[w] == v + 1) {
        Edge *first = k->pr->edges[seen[w]], *ed = k->pr->edges[id];
        if ((!first->label && !ed->label) || (first->label && ed->label && !strcmp(first->label, ed->label))) {
          Diag *d = diag(c, SEV_WARNING, "duplicate-edge", ed->from_loc, "the edge %s -> %s is given twice",
                         q(k, ed->from_id), q(k, ed->to_id));
          diag_note(c, d, first->from_loc, "first given here");
        }
      } else {
        stamp[w] = v + 1;
        seen[w] = id;
        k->targets[v]++;
      }
    }
  }
}

static void check_meta(PC *k) {
  Process *pr = k->pr;
  if (k->n > CHECK_MAX_NODES)
    diag(k->c, SEV_WARNING, "size", pr->loc,
         "process %s has %d nodes (more than %d): split it into sub-processes with 'call'",
         q(k, pr->id), k->n, CHECK_MAX_NODES);
  if (!pr->meta.field[MK_OWNER].s)
    diag(k->c, SEV_WARNING, "missing-meta", pr->loc, "process %s has no 'owner'", q(k, pr->id));
  if (!pr->meta.field[MK_CODE].s)
    diag(k->c, SEV_WARNING, "missing-meta", pr->loc, "process %s has no 'code'", q(k, pr->id));
}

/* A process's own limit against its longest path's time budget. */
static void check_deadline(PC *k) {
  const Meta *m = &k->pr->meta;
  if (!m->has_within) return;
  CalendarFrom from;
  Calendar cal = stats_calendar(k->c->prog, k->pr, NULL, &from);
  StatsBudget b;
  stats_budget(k->c, k->pr, &cal, &b);
  if (!b.reachable || b.max_time <= stats_duration(&cal, dur_hi(m->within))) return; /* a range: its high end */
  Diag *d = diag(k->c, SEV_WARNING, "deadline", m->within_loc,
                 "process %s may take %s of working time along its longest path (loops counted once), over its limit of %s: %s",
                 q(k, k->pr->id), stats_dur_text(k->c, &cal, b.max_time, NULL),
                 stats_limit_text(k->c, &cal, m->within), b.path_text);
  if (from == CAL_DEFAULT)
    diag_note(k->c, d, m->within_loc, "on the default calendar, %d h a working day and %d working days a week (declare yours with 'calendar 8h 5d')",
              cal.hours_per_day, cal.days_per_week);
  else
    diag_note(k->c, d, from == CAL_PROCESS ? m->cal_loc : k->c->prog->handbooks[0]->meta.cal_loc,
              "the working calendar: %d h a working day, %d working days a week", cal.hours_per_day,
              cal.days_per_week);
}

typedef struct MarkCount { const Added *first; int n; } MarkCount;

static void count_mark(void *arg, const Added *a) {
  MarkCount *m = arg;
  if (!m->n++) m->first = a;
}

/* `added` says what goes beyond the source: without one it means nothing. */
static void check_marks(PC *k) {
  if (marks_source(k->c->prog, k->pr)) return;
  MarkCount m = {0};
  marks_each(k->pr, count_mark, &m);
  if (!m.n) return;
  const char *more = m.n > 1 ? arena_printf(&k->c->arena, " (here and in %d other place%s)", m.n - 1, m.n > 2 ? "s" : "") : "";
  diag(k->c, SEV_WARNING, "added-no-source", m.first->loc,
       "process %s has no 'source', so 'added'%s marks nothing beyond it: give the process (or the handbook) "
       "a 'source \"…\"' it was transcribed from, or leave 'added' out",
       q(k, k->pr->id), more);
}

static void check_process(Ctx *c, Process *pr) {
  PC k = {.c = c, .pr = pr, .n = pr->nnodes, .m = pr->nedges};
  int *from = NEW(c, int, k.m + 1), *to = NEW(c, int, k.m + 1);
  for (int i = 0; i < k.m; i++) {
    from[i] = pr->edges[i]->from;
    to[i] = pr->edges[i]->to;
  }
  graph_build(c, &k.out, k.n, k.m, from, to, 0);
  graph_build(c, &k.in, k.n, k.m, from, to, 1);
  int has_end = 0;
  k.kind = NEW(c, unsigned char, k.n + 1);
  k.inlane = NEW(c, unsigned char, k.n + 1);
  for (int v = 0; v < k.n; v++) {
    k.kind[v] = (unsigned char)pr->nodes[v]->kind;
    k.inlane[v] = pr->nodes[v]->lane_ref.s != NULL;
    has_end |= k.kind[v] == NK_END;
  }
  check_meta(&k);
  check_terminals(&k);
  compute_reach(&k);
  check_exits(&k, has_end);
  check_duplicate_edges(&k);
  check_decisions(&k);
  check_parallel(&k);
  check_lanes(&k);
  check_deadline(&k);
  check_marks(&k);
}

/* Calls that form a cycle, across all processes. */
static void check_calls(Ctx *c) {
  Program *g = c->prog;
  int m = 0;
  for (int i = 0; i < g->nprocs; i++) m += g->procs[i]->ncalls;
  if (!m) return;
  int *from = NEW(c, int, m), *to = NEW(c, int, m);
  Node **site = NEW(c, Node *, m);
  m = 0;
  for (int i = 0; i < g->nprocs; i++)
    for (int v = 0; v < g->procs[i]->nnodes && g->procs[i]->ncalls; v++) {
      Node *nd = g->procs[i]->nodes[v];
      if (nd->callee >= 0) { from[m] = i; to[m] = nd->callee; site[m++] = nd; }
    }
  Graph cg;
  graph_build(c, &cg, g->nprocs, m, from, to, 0);
  unsigned char *all = NEW(c, unsigned char, g->nprocs + 1);
  memset(all, 1, (size_t)g->nprocs);
  int *comp = NEW(c, int, g->nprocs + 1);
  graph_scc(c, &cg, all, comp);
  unsigned char *done = NEW(c, unsigned char, g->nprocs + 1);
  /* one set of arrays for every search; each search resets what it used */
  int *prev = NEW(c, int, g->nprocs + 1), *queue = NEW(c, int, g->nprocs + 1);
  int *chain = NEW(c, int, g->nprocs + 1);
  const char **ids = NEW(c, const char *, g->nprocs + 1);
  for (int p = 0; p < g->nprocs; p++) prev[p] = -2;
  for (int i = 0; i < m; i++) {
    int a = from[i], b = to[i];
    if (comp[a] != comp[b] || done[comp[a]]) continue;
    done[comp[a]] = 1;
    /* path b ... a inside the component, by breadth-first search */
    int h = 0, t = 0;
    prev[b] = -1;
    queue[t++] = b;
    while (h < t && prev[a] == -2) {
      int u = queue[h++];
      for (int e = cg.off[u]; e < cg.off[u + 1]; e++) {
        int w = cg.adj[e];
        if (comp[w] == comp[a] && prev[w] == -2) { prev[w] = u; queue[t++] = w; }
      }
    }
    int len = 0;
    for (int u = a; u != -1 && a != b; u = prev[u]) chain[len++] = u;
    if (a == b) chain[len++] = a;
    for (int j = 0; j < t; j++) prev[queue[j]] = -2;
    /* a, then b ... back to the caller of a */
    ids[0] = g->procs[a]->id;
    for (int j = len - 1; j >= 1; j--) ids[len - j] = g->procs[chain[j]]->id;
    const char *text = cycle_text(c, ids, len);
    Diag *d = diag(c, SEV_ERROR, "call", site[i]->loc, "calls form a cycle: %s", text);
    diag_path(c, d, site[i]->loc, g->procs[a]->id);
  }
}

void check(Ctx *c) {
  Program *g = c->prog;
  for (int i = 0; i < g->nprocs; i++)
    if (!g->procs[i]->resolve_errors) check_process(c, g->procs[i]);
  check_calls(c);
}
