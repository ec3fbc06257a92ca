/* stats.c — process statistics and time budgets (see stats.h).
 *
 * Paths run from a start to an end. A step is a node that can carry a
 * time limit: any node but start, end, fork and join. Longest paths are
 * taken over the strongly connected components, so a loop counts once:
 * a path that enters it takes each of its nodes once. The branches of a
 * fork run side by side, so a join waits for the slowest: the shortest
 * total is found with Dijkstra's method, a join settling only when all
 * its incoming edges have arrived (at the latest of them). A conditional
 * step (`when`) is done only in its case: the shortest path and time
 * skip it (it weighs nothing there), the longest include it. */
#include "stats.h"
#include <limits.h>
#include <string.h>
#include "graph.h"
#include "marks.h"
#include "report.h"

/* Totals saturate here, far below overflow. */
#define SAT (LLONG_MAX / 4)

static long long add(long long a, long long b) { return a >= SAT - b ? SAT : a + b; }

long long stats_duration(const Calendar *cal, Duration d) {
  long long day = 60LL * cal->hours_per_day, per; /* a working day in minutes */
  switch (d.unit) {
  case DU_MIN: per = 7; break;
  case DU_HOUR: per = 7 * 60; break;
  case DU_WORKDAY: per = 7 * day; break;
  case DU_DAY: per = day * cal->days_per_week; break;
  case DU_WEEK: per = 7 * day * cal->days_per_week; break;
  default: per = 30 * day * cal->days_per_week; break; /* month: 30 days */
  }
  return d.amount > SAT / per ? SAT : d.amount * per;
}

static int is_step(NodeKind k) {
  return k != NK_START && k != NK_END && k != NK_FORK && k != NK_JOIN;
}

/* One process being measured: its graph and components. */
typedef struct SC {
  Ctx *c;
  const Process *pr;
  int n;
  Graph out, in;
  int *comp, ncomp;
  int *first, *member; /* nodes of component x: member[first[x] .. first[x+1]) */
} SC;

/* A longest path: its two measures and its components, start first. */
typedef struct Longest { long long a, b; int *comps, n; } Longest;

/* What is printed of a process. */
typedef struct Stats {
  int kinds[NK__COUNT];
  int *lane_steps;        /* per lane, then the steps in no lane */
  int branches, parallel, forms, risks, controls, steps, limited;
  int conditional;        /* steps with `when` */
  const char **callees; int ncallees;
  long long min_steps, min_time; /* -1 when no end is reached */
  Longest max_steps, max_time;   /* max_time.b: its steps */
  Calendar cal; CalendarFrom cal_from;
} Stats;

static void graph_of(SC *k) {
  Ctx *c = k->c;
  int m = k->pr->nedges;
  int *from = NEW(c, int, m), *to = NEW(c, int, m);
  for (int i = 0; i < m; i++) {
    from[i] = k->pr->edges[i]->from;
    to[i] = k->pr->edges[i]->to;
  }
  graph_build(c, &k->out, k->n, m, from, to, 0);
  graph_build(c, &k->in, k->n, m, from, to, 1);
}

/* Components; graph_scc numbers them in reverse topological order. */
static void components(SC *k) {
  Ctx *c = k->c;
  unsigned char *all = NEW(c, unsigned char, k->n);
  memset(all, 1, (size_t)k->n);
  k->comp = NEW(c, int, k->n);
  k->ncomp = graph_scc(c, &k->out, all, k->comp);
  k->first = NEW(c, int, k->ncomp + 2);
  k->member = NEW(c, int, k->n);
  for (int v = 0; v < k->n; v++) k->first[k->comp[v] + 2]++;
  for (int x = 0; x < k->ncomp; x++) k->first[x + 2] += k->first[x + 1];
  for (int v = 0; v < k->n; v++) k->member[k->first[k->comp[v] + 1]++] = v;
}

/* The longest path from a start to an end by (w1, w2) in that order,
 * over the components (each weighs the sum of its nodes). n = 0 when
 * no end is reached. */
static Longest longest(SC *k, const long long *w1, const long long *w2) {
  Ctx *c = k->c;
  int m = k->ncomp;
  long long *c1 = NEW(c, long long, m), *c2 = NEW(c, long long, m);
  long long *b1 = NEW(c, long long, m), *b2 = NEW(c, long long, m);
  int *from = NEW(c, int, m);
  unsigned char *seen = NEW(c, unsigned char, m);
  for (int v = 0; v < k->n; v++) {
    c1[k->comp[v]] = add(c1[k->comp[v]], w1[v]);
    c2[k->comp[v]] = add(c2[k->comp[v]], w2[v]);
  }
  for (int v = 0; v < k->n; v++)
    if (k->pr->nodes[v]->kind == NK_START) {
      int x = k->comp[v];
      seen[x] = 1, b1[x] = c1[x], b2[x] = c2[x], from[x] = -1;
    }
  for (int x = m - 1; x >= 0; x--) { /* topological order */
    if (!seen[x]) continue;
    for (int i = k->first[x]; i < k->first[x + 1]; i++)
      for (int e = k->out.off[k->member[i]]; e < k->out.off[k->member[i] + 1]; e++) {
        int y = k->comp[k->out.adj[e]];
        long long a = add(b1[x], c1[y]), b = add(b2[x], c2[y]);
        if (y == x || (seen[y] && (a < b1[y] || (a == b1[y] && b <= b2[y])))) continue;
        seen[y] = 1, b1[y] = a, b2[y] = b, from[y] = x;
      }
  }
  int end = -1;
  for (int v = 0; v < k->n; v++) {
    int x = k->comp[v];
    if (k->pr->nodes[v]->kind == NK_END && seen[x] &&
        (end < 0 || b1[x] > b1[end] || (b1[x] == b1[end] && b2[x] > b2[end])))
      end = x;
  }
  Longest r = {0, 0, NULL, 0};
  if (end < 0) return r;
  r.a = b1[end], r.b = b2[end];
  for (int x = end; x >= 0; x = from[x]) r.n++;
  r.comps = NEW(c, int, r.n);
  int i = r.n;
  for (int x = end; x >= 0; x = from[x]) r.comps[--i] = x;
  return r;
}

typedef struct HeapItem { long long key; int v; } HeapItem;

static void heap_push(HeapItem *h, int *n, HeapItem it) {
  int i = (*n)++;
  while (i > 0 && h[(i - 1) / 2].key > it.key) {
    h[i] = h[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  h[i] = it;
}

static HeapItem heap_pop(HeapItem *h, int *n) {
  HeapItem top = h[0], last = h[--*n];
  int i = 0;
  for (;;) {
    int j = 2 * i + 1;
    if (j >= *n) break;
    if (j + 1 < *n && h[j + 1].key < h[j].key) j++;
    if (h[j].key >= last.key) break;
    h[i] = h[j];
    i = j;
  }
  h[i] = last;
  return top;
}

/* The least total of w from a start to an end, a join waiting for all
 * its incoming edges; -1 when no end is reached. */
static long long shortest(SC *k, const long long *w) {
  Ctx *c = k->c;
  int n = k->n, size = 0;
  HeapItem *heap = NEW(c, HeapItem, k->pr->nedges + n);
  long long *latest = NEW(c, long long, n);
  int *waiting = NEW(c, int, n);
  unsigned char *done = NEW(c, unsigned char, n);
  for (int v = 0; v < n; v++) {
    NodeKind kd = k->pr->nodes[v]->kind;
    waiting[v] = graph_deg(&k->in, v);
    if (kd == NK_START) heap_push(heap, &size, (HeapItem){w[v], v});
  }
  while (size) {
    HeapItem it = heap_pop(heap, &size);
    if (done[it.v]) continue;
    done[it.v] = 1;
    if (k->pr->nodes[it.v]->kind == NK_END) return it.key;
    for (int e = k->out.off[it.v]; e < k->out.off[it.v + 1]; e++) {
      int u = k->out.adj[e];
      if (done[u]) continue;
      if (k->pr->nodes[u]->kind != NK_JOIN) {
        heap_push(heap, &size, (HeapItem){add(it.key, w[u]), u});
        continue;
      }
      if (it.key > latest[u]) latest[u] = it.key;
      if (--waiting[u] == 0) heap_push(heap, &size, (HeapItem){add(latest[u], w[u]), u});
    }
  }
  return -1;
}

static void count(SC *k, Stats *s) {
  const Process *pr = k->pr;
  s->lane_steps = NEW(k->c, int, pr->nlanes + 1);
  s->callees = NEW(k->c, const char *, pr->nnodes);
  unsigned char *called = NEW(k->c, unsigned char, k->c->prog->nprocs);
  for (int v = 0; v < k->n; v++) {
    const Node *nd = pr->nodes[v];
    s->kinds[nd->kind]++;
    if (is_step(nd->kind)) {
      s->steps++;
      s->lane_steps[nd->lane >= 0 ? nd->lane : pr->nlanes]++;
      s->limited += nd->x && nd->x->has_within;
      s->conditional += nd->x && nd->x->when.s;
    }
    if (nd->kind == NK_DECISION) s->branches += graph_deg(&k->out, v);
    if (nd->kind == NK_FORK) s->parallel += graph_deg(&k->out, v);
    if (nd->callee >= 0 && !called[nd->callee]) {
      called[nd->callee] = 1;
      s->callees[s->ncallees++] = k->c->prog->procs[nd->callee]->id;
    }
    for (const Attr *a = nd->attrs; a; a = a->next) {
      s->forms += a->kind == AT_FORM;
      s->risks += a->kind == AT_RISK;
      s->controls += a->kind == AT_CONTROL;
    }
  }
}

/* Each node's weight: 1 for a step (time 0), or its limit (time 1: a
 * range's high end; time -1: its low end); for the shortest paths
 * (least 1) 0 for a conditional step. */
static long long *weights(SC *k, const Calendar *cal, int time, int least) {
  long long *w = NEW(k->c, long long, k->n);
  for (int v = 0; v < k->n; v++) {
    const Node *nd = k->pr->nodes[v];
    int lim = nd->x && nd->x->has_within;
    w[v] = least && nd->x && nd->x->when.s ? 0
         : !time ? is_step(nd->kind)
         : lim ? stats_duration(cal, time > 0 ? dur_hi(nd->x->within) : dur_lo(nd->x->within)) : 0;
  }
  return w;
}

static void measure(SC *k, Stats *s, const Calendar *cal) {
  long long *step = weights(k, cal, 0, 0), *time = weights(k, cal, 1, 0);
  long long *zero = NEW(k->c, long long, k->n);
  graph_of(k);
  components(k);
  count(k, s);
  s->min_steps = shortest(k, s->conditional ? weights(k, cal, 0, 1) : step);
  s->min_time = shortest(k, weights(k, cal, -1, 1));
  s->max_steps = longest(k, step, zero);
  s->max_time = longest(k, time, step);
}

/* ---- output ---- */

static const char *const dur_units[3] = {"wd", "h", "min"};

const char *stats_dur_text(Ctx *c, const Calendar *cal, long long t, const char *const unit[3]) {
  if (!unit) unit = dur_units;
  long long min = (t + 3) / 7, day = 60LL * cal->hours_per_day;
  long long d = min / day, h = min % day / 60, mi = min % 60;
  const char *s = d ? arena_printf(&c->arena, "%lld%s", d, unit[0]) : "";
  if (h) s = arena_printf(&c->arena, "%s%s%lld%s", s, *s ? " " : "", h, unit[1]);
  if (mi) s = arena_printf(&c->arena, "%s%s%lld%s", s, *s ? " " : "", mi, unit[2]);
  return *s ? s : "0";
}

const char *stats_limit_text(Ctx *c, const Calendar *cal, Duration d) {
  if (d.unit == DU_WORKDAY) return dur_written(&c->arena, d);
  const char *hi = stats_dur_text(c, cal, stats_duration(cal, dur_hi(d)), NULL);
  if (d.hi) hi = arena_printf(&c->arena, "%s~%s", stats_dur_text(c, cal, stats_duration(cal, dur_lo(d)), NULL), hi);
  return arena_printf(&c->arena, "%s (%s)", dur_written(&c->arena, d), hi);
}

/* A start's `every` as written in stats: "every 1mo". */
static const char *every_text(Ctx *c, const Node *nd) {
  return nd->x && nd->x->has_every ? arena_printf(&c->arena, "every %s", dur_written(&c->arena, nd->x->every)) : NULL;
}

/* The starts with a trigger or a period: "s every 1mo, trigger “…”". */
static void text_starts(Ctx *c, const Process *pr, FILE *out) {
  int any = 0;
  for (int v = 0; v < pr->nnodes; v++) {
    const Node *nd = pr->nodes[v];
    if (nd->kind != NK_START || !nd->x || !(nd->x->has_every || nd->x->trigger.s)) continue;
    if (any++) fprintf(out, "; %s", nd->id);
    else fprintf(out, "  %-20s%s", "starts", nd->id);
    if (nd->x->has_every) fprintf(out, " %s (recurring)", every_text(c, nd));
    if (nd->x->trigger.s) fprintf(out, "%s trigger \"%s\"", nd->x->has_every ? "," : "", nd->x->trigger.s);
  }
  if (any) fputc('\n', out);
}

static void json_starts(Ctx *c, const Process *pr, FILE *out) {
  fputs("   \"starts\": [", out);
  for (int v = 0, any = 0; v < pr->nnodes; v++) {
    const Node *nd = pr->nodes[v];
    if (nd->kind != NK_START) continue;
    fputs(any++ ? ", {\"id\": " : "{\"id\": ", out);
    json_write_string(out, nd->id);
    fputs(", \"trigger\": ", out);
    if (nd->x && nd->x->trigger.s) json_write_string(out, nd->x->trigger.s);
    else fputs("null", out);
    fputs(", \"every\": ", out);
    int every = nd->x && nd->x->has_every;
    if (every) json_write_string(out, dur_written(&c->arena, nd->x->every));
    else fputs("null", out);
    fprintf(out, ", \"recurring\": %s}", every ? "true" : "false");
  }
  fputs("],\n", out);
}

double stats_calendar_days(const Calendar *cal, long long t) {
  return (double)t / 7.0 / 60.0 / cal->hours_per_day * 7.0 / cal->days_per_week;
}


/* Node j of component x. */
static const Node *member_node(const SC *k, int x, int j) {
  return k->pr->nodes[k->member[k->first[x] + j]];
}

static int comp_size(const SC *k, int x) { return k->first[x + 1] - k->first[x]; }

/* "s → a → [b → c] → e": the nodes of path p, a loop in brackets. */
static const char *path_text(const SC *k, const Longest *p) {
  size_t len = 1;
  for (int i = 0; i < p->n; i++)
    for (int j = 0; j < comp_size(k, p->comps[i]); j++) len += strlen(member_node(k, p->comps[i], j)->id) + 7;
  char *s = arena_alloc(&k->c->arena, len), *o = s;
  *o = 0;
  for (int i = 0; i < p->n; i++) {
    int x = p->comps[i], size = comp_size(k, x);
    o = stpcpy(o, i ? " \xE2\x86\x92 " : "");
    for (int j = 0; j < size; j++) {
      o = stpcpy(o, size > 1 && !j ? "[" : j ? " \xE2\x86\x92 " : "");
      o = stpcpy(o, member_node(k, x, j)->id);
      o = stpcpy(o, size > 1 && j == size - 1 ? "]" : "");
    }
  }
  return s;
}

/* The steps of path p without a limit, in path order; returns how many. */
static int unlimited(const SC *k, const Longest *p, const char ***ids) {
  int n = 0;
  *ids = NEW(k->c, const char *, k->n);
  for (int i = 0; i < p->n; i++)
    for (int j = 0; j < comp_size(k, p->comps[i]); j++) {
      const Node *nd = member_node(k, p->comps[i], j);
      if (is_step(nd->kind) && !(nd->x && nd->x->has_within)) (*ids)[n++] = nd->id;
    }
  return n;
}

/* What a process with a source holds from it and beyond it. */
typedef struct Origin { int nodes, edges, attrs, lanes, phases; } Origin;

/* An added node's attributes, and the edges to or from it, are added too. */
static int node_added(const Process *p, int v) {
  return v >= 0 && v < p->nnodes && p->nodes[v]->added;
}

static void origin_count(const Process *p, Origin *from, Origin *added) {
  memset(from, 0, sizeof *from);
  memset(added, 0, sizeof *added);
  int all = p->added != NULL;
  for (int i = 0; i < p->nnodes; i++) {
    const Node *n = p->nodes[i];
    int whole = all || n->added;
    (whole ? added : from)->nodes++;
    for (const Attr *a = n->attrs; a; a = a->next) (whole || a->added ? added : from)->attrs++;
    if (n->x && n->x->when.s) (whole || n->x->when_added ? added : from)->attrs++;
    if (n->x && n->x->has_within) (whole || n->x->within_added ? added : from)->attrs++;
    if (n->x && n->x->trigger.s) (whole || n->x->trigger_added ? added : from)->attrs++;
    if (n->x && n->x->has_every) (whole || n->x->every_added ? added : from)->attrs++;
  }
  if (p->meta.has_within) (all || p->within_added ? added : from)->attrs++;
  for (int i = 0; i < p->nedges; i++) {
    const Edge *e = p->edges[i];
    (all || e->added || node_added(p, e->from) || node_added(p, e->to) ? added : from)->edges++;
  }
  for (int i = 0; i < p->nlanes; i++) (all || p->lanes[i].added ? added : from)->lanes++;
  for (int i = 0; i < p->nphases; i++) (all || p->phases[i].added ? added : from)->phases++;
}

static void text_origin(const Origin *o, const char *what, FILE *out) {
  fprintf(out, "  %-20snodes %d, edges %d, attributes %d, lanes %d, phases %d\n", what, o->nodes, o->edges,
          o->attrs, o->lanes, o->phases);
}

/* The source and the count of what is transcribed from it and added. */
static void text_source(SC *k, FILE *out) {
  const char *src = marks_source(k->c->prog, k->pr);
  if (!src) return;
  Origin from, added;
  origin_count(k->pr, &from, &added);
  fprintf(out, "  %-20s%s%s\n", "source", src, k->pr->added ? " (all of this process is added beyond it)" : "");
  text_origin(&from, "transcribed", out);
  text_origin(&added, "added", out);
}

static void json_origin(const Origin *o, const char *what, FILE *out) {
  fprintf(out, "\"%s\": {\"nodes\": %d, \"edges\": %d, \"attributes\": %d, \"lanes\": %d, \"phases\": %d}",
          what, o->nodes, o->edges, o->attrs, o->lanes, o->phases);
}

static void json_source(SC *k, FILE *out) {
  const char *src = marks_source(k->c->prog, k->pr);
  if (!src) return;
  Origin from, added;
  origin_count(k->pr, &from, &added);
  fputs("   \"source\": {\"text\": ", out);
  json_write_string(out, src);
  fprintf(out, ", \"whole_added\": %s,\n    ", k->pr->added ? "true" : "false");
  json_origin(&from, "transcribed", out);
  fputs(",\n    ", out);
  json_origin(&added, "added", out);
  fputs("},\n", out);
}

static void text_one(SC *k, const Stats *s, const Calendar *cal, FILE *out) {
  Ctx *c = k->c;
  const Process *pr = k->pr;
  fprintf(out, "process %s \"%s\" (%s)\n", pr->id, pr->title, c->files[pr->file]->path);
  fprintf(out, "  %-20s%d:", "nodes", pr->nnodes);
  for (int i = 0, any = 0; i < NK__COUNT; i++)
    if (s->kinds[i]) fprintf(out, "%s %s %d", any++ ? "," : "", node_kind_name[i], s->kinds[i]);
  fprintf(out, "\n  %-20s%d", "steps per lane", s->steps);
  for (int i = 0; i <= pr->nlanes; i++)
    if (i < pr->nlanes || s->lane_steps[i])
      fprintf(out, "%s %s %d", i ? "," : ":", i < pr->nlanes ? pr->lanes[i].name : "(no lane)", s->lane_steps[i]);
  fprintf(out, "\n  %-20s%d, with %d branches\n", "decisions", s->kinds[NK_DECISION], s->branches);
  fprintf(out, "  %-20s%d, with %d parallel branches\n", "forks", s->kinds[NK_FORK], s->parallel);
  fprintf(out, "  %-20s%d", "calls", s->kinds[NK_CALL]);
  for (int i = 0; i < s->ncallees; i++) fprintf(out, "%s %s", i ? "," : ":", s->callees[i]);
  fprintf(out, "\n  %-20s%d\n", "forms", s->forms);
  text_starts(c, pr, out);
  fprintf(out, "  %-20s%d, %d\n", "risks, controls", s->risks, s->controls);
  fprintf(out, "  %-20s%d (edges %d - nodes %d + 2)\n", "complexity", pr->nedges - pr->nnodes + 2,
          pr->nedges, pr->nnodes);
  if (s->conditional)
    fprintf(out, "  %-20s%d (done only in their case: the shortest path skips them)\n", "conditional steps",
            s->conditional);
  text_source(k, out);
  if (s->min_steps < 0) {
    fprintf(out, "  %-20sno end can be reached\n", "paths");
    return;
  }
  fprintf(out, "  %-20sshortest %lld, longest %lld (loops counted once)\n", "path in steps",
          s->min_steps, s->max_steps.a);
  fprintf(out, "  %-20s%d of %d steps\n", "time limits", s->limited, s->steps);
  if (!s->limited) return;
  fprintf(out, "  %-20s%d h a working day, %d working days a week (%s)\n", "calendar",
          cal->hours_per_day, cal->days_per_week, calendar_from_name[s->cal_from]);
  fprintf(out, "  %-20sshortest %s, longest %s (\xE2\x89\x88 %.1f calendar days; loops counted once)\n",
          "time budget", stats_dur_text(c, cal, s->min_time, NULL), stats_dur_text(c, cal, s->max_time.a, NULL),
          stats_calendar_days(cal, s->max_time.a));
  if (pr->meta.has_within) {
    long long lim = stats_duration(cal, dur_hi(pr->meta.within)); /* a range: its high end */
    fprintf(out, "  %-20s%s: the longest path is %s it\n", "process limit",
            stats_limit_text(c, cal, pr->meta.within), s->max_time.a > lim ? "over" : "within");
  }
  fprintf(out, "  %-20s%s", "critical path", path_text(k, &s->max_time));
  const char **ids;
  int n = unlimited(k, &s->max_time, &ids);
  fprintf(out, "\n  %-20s%s", "without a limit", n ? "" : "none");
  for (int i = 0; i < n; i++) fprintf(out, "%s%s", i ? ", " : "", ids[i]);
  fputc('\n', out);
}

static void json_dur(FILE *out, Ctx *c, const Calendar *cal, long long t) {
  fprintf(out, "{\"minutes\": %lld, \"text\": ", (t + 3) / 7);
  json_write_string(out, stats_dur_text(c, cal, t, NULL));
  fprintf(out, ", \"calendar_days\": %.2f}", stats_calendar_days(cal, t));
}

static void json_one(SC *k, const Stats *s, const Calendar *cal, FILE *out) {
  Ctx *c = k->c;
  const Process *pr = k->pr;
  fputs("{\"process\": ", out);
  json_write_string(out, pr->id);
  fputs(", \"title\": ", out);
  json_write_string(out, pr->title);
  fputs(", \"file\": ", out);
  json_write_string(out, c->files[pr->file]->path);
  fprintf(out, ",\n   \"nodes\": %d, \"edges\": %d, \"kinds\": {", pr->nnodes, pr->nedges);
  for (int i = 0; i < NK__COUNT; i++) fprintf(out, "%s\"%s\": %d", i ? ", " : "", node_kind_name[i], s->kinds[i]);
  fprintf(out, "},\n   \"steps\": %d, \"lanes\": [", s->steps);
  for (int i = 0; i < pr->nlanes; i++) {
    fputs(i ? ", {\"id\": " : "{\"id\": ", out);
    json_write_string(out, pr->lanes[i].id);
    fputs(", \"name\": ", out);
    json_write_string(out, pr->lanes[i].name);
    fprintf(out, ", \"steps\": %d}", s->lane_steps[i]);
  }
  fprintf(out, "], \"steps_without_lane\": %d,\n", s->lane_steps[pr->nlanes]);
  fprintf(out, "   \"decisions\": %d, \"branches\": %d, \"forks\": %d, \"parallel_branches\": %d,\n",
          s->kinds[NK_DECISION], s->branches, s->kinds[NK_FORK], s->parallel);
  fprintf(out, "   \"calls\": %d, \"called\": [", s->kinds[NK_CALL]);
  for (int i = 0; i < s->ncallees; i++) {
    fputs(i ? ", " : "", out);
    json_write_string(out, s->callees[i]);
  }
  fprintf(out, "], \"forms\": %d, \"risks\": %d, \"controls\": %d, \"cyclomatic\": %d,\n",
          s->forms, s->risks, s->controls, pr->nedges - pr->nnodes + 2);
  if (s->conditional) fprintf(out, "   \"conditional_steps\": %d,\n", s->conditional);
  json_source(k, out);
  json_starts(c, pr, out);
  if (s->min_steps < 0) {
    fputs("   \"path_steps\": null, \"time\": null}", out);
    return;
  }
  fprintf(out, "   \"path_steps\": {\"shortest\": %lld, \"longest\": %lld},\n", s->min_steps, s->max_steps.a);
  fprintf(out, "   \"calendar\": {\"hours_per_day\": %d, \"days_per_week\": %d, \"from\": \"%s\"},\n",
          cal->hours_per_day, cal->days_per_week, calendar_from_name[s->cal_from]);
  fprintf(out, "   \"time\": {\"limited_steps\": %d, \"shortest\": ", s->limited);
  json_dur(out, c, cal, s->min_time);
  fputs(", \"longest\": ", out);
  json_dur(out, c, cal, s->max_time.a);
  fputs(",\n    \"limit\": ", out);
  if (pr->meta.has_within) {
    long long lim = stats_duration(cal, dur_hi(pr->meta.within)); /* a range: its high end */
    fprintf(out, "{\"as_written\": \"%s\", \"working\": ", dur_written(&c->arena, pr->meta.within));
    json_dur(out, c, cal, lim);
    fputs(", \"working_low\": ", out); /* a range's low end; else as working */
    json_dur(out, c, cal, stats_duration(cal, dur_lo(pr->meta.within)));
    fprintf(out, ", \"over\": %s}", s->max_time.a > lim ? "true" : "false");
  } else
    fputs("null", out);
  fputs(",\n    \"critical_path\": [", out);
  for (int i = 0, any = 0; i < s->max_time.n; i++) {
    int x = s->max_time.comps[i];
    for (int j = 0; j < comp_size(k, x); j++) {
      const Node *nd = member_node(k, x, j);
      fputs(any++ ? ",\n      {\"id\": " : "\n      {\"id\": ", out);
      json_write_string(out, nd->id);
      fprintf(out, ", \"kind\": \"%s\", \"within\": ", node_kind_name[nd->kind]);
      if (nd->x && nd->x->has_within)
        fprintf(out, "\"%s\"", dur_written(&c->arena, nd->x->within));
      else
        fputs("null", out);
      fprintf(out, ", \"loop\": %s}", comp_size(k, x) > 1 ? "true" : "false");
    }
  }
  const char **ids;
  int nu = unlimited(k, &s->max_time, &ids);
  fputs("],\n    \"without_limit\": [", out);
  for (int i = 0; i < nu; i++) {
    fputs(i ? ", " : "", out);
    json_write_string(out, ids[i]);
  }
  fputs("]}}", out);
}

void stats_budget(Ctx *c, const Process *p, const Calendar *cal, StatsBudget *b) {
  SC k = {.c = c, .pr = p, .n = p->nnodes};
  Stats s;
  memset(&s, 0, sizeof s);
  memset(b, 0, sizeof *b);
  measure(&k, &s, cal);
  b->steps = s.steps;
  b->limited = s.limited;
  if ((b->reachable = s.min_steps >= 0) == 0) return;
  b->min_steps = s.min_steps, b->max_steps = s.max_steps.a;
  b->min_time = s.min_time, b->max_time = s.max_time.a;
  b->path_text = path_text(&k, &s.max_time);
  b->path = NEW(c, const Node *, p->nnodes + 1);
  b->loop = NEW(c, int, p->nnodes + 1);
  for (int i = 0; i < s.max_time.n; i++) {
    int x = s.max_time.comps[i], first = b->npath;
    for (int j = 0; j < comp_size(&k, x); j++) {
      b->loop[b->npath] = comp_size(&k, x) > 1 ? first : -1;
      b->path[b->npath++] = member_node(&k, x, j);
    }
  }
  b->unlimited = NEW(c, const Node *, b->npath + 1);
  for (int i = 0; i < b->npath; i++)
    if (is_step(b->path[i]->kind) && !(b->path[i]->x && b->path[i]->x->has_within))
      b->unlimited[b->nunlimited++] = b->path[i];
}

void stats_write(Ctx *c, Process *const *sel, int n, const Calendar *given, int json, FILE *out) {
  if (json) fputs("{\"processes\": [", out);
  for (int i = 0; i < n; i++) {
    SC k = {.c = c, .pr = sel[i], .n = sel[i]->nnodes};
    Stats s;
    memset(&s, 0, sizeof s);
    s.cal = stats_calendar(c->prog, sel[i], given, &s.cal_from);
    measure(&k, &s, &s.cal);
    if (json) {
      fputs(i ? ",\n  " : "\n  ", out);
      json_one(&k, &s, &s.cal, out);
    } else {
      fputs(i ? "\n" : "", out);
      text_one(&k, &s, &s.cal, out);
    }
  }
  if (json) fputs(n ? "\n ]}\n" : "]}\n", out);
  else if (n)
    fputs("\n(time budgets in working time: wd is a working day of the process's calendar)\n", out);
}

/* ---- what others ask ---- */

const char *const calendar_from_name[] = {"default", "handbook", "process", "command line"};

Calendar stats_calendar(const Program *g, const Process *p, const Calendar *given, CalendarFrom *from) {
  Calendar cal = CALENDAR_DEFAULT;
  CalendarFrom f = CAL_DEFAULT;
  if (p->meta.cal.hours_per_day) cal = p->meta.cal, f = CAL_PROCESS;
  else if (g->nhandbooks && g->handbooks[0]->meta.cal.hours_per_day)
    cal = g->handbooks[0]->meta.cal, f = CAL_HANDBOOK;
  if (given && given->hours_per_day) cal.hours_per_day = given->hours_per_day, f = CAL_GIVEN;
  if (given && given->days_per_week) cal.days_per_week = given->days_per_week, f = CAL_GIVEN;
  if (from) *from = f;
  return cal;
}
