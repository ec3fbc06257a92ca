/* bpmn.c — `flowc render -f bpmn`: BPMN 2.0 XML with BPMN-DI (see
 * render.h). Owns the mapping of flowc processes to BPMN: which element
 * each node kind becomes (README.md, "BPMN 2.0"), the element IDs, and the
 * diagram drawn at the scenes' coordinates. Text goes through svg_text,
 * IDs through svg_ascii_id, numbers through svg_num. */
#include <stdlib.h>
#include <string.h>
#include "marks.h"
#include "render.h"
#include "steps.h"
#include "utf8.h"
#include "version.h"

#define NS_FLOWC "urn:x-flowc:bpmn:1" /* flowc's extension elements */
#define POOL_HEAD 30.0 /* the pool's name band above the lanes, points */
#define POOL_GAP 40.0  /* between two pools */
#define EVENT_D 36.0   /* an event's circle */
#define FORK_H 20.0    /* the flat diamond of a fork or join */
#define LABEL_LINE 14.0 /* one line of an outside label */
#define LABEL_CHAR 12.0 /* a character of a label flowc did not measure */

/* One sequence flow: a flowc edge between two flow nodes, or a chain of
 * edges through documents and stores, which BPMN does not put in the flow
 * (the chain's associations show them). */
typedef struct Flow {
  int from, to;                /* node indices */
  const SceneEdge **path; int npath;
  int chain;                   /* 0 for an edge, else its number */
} Flow;

typedef struct Bp {
  Ctx *c;
  FILE *o;
  const Scene *s;
  const Process *p;
  double dy;                   /* the scene's y in the diagram */
  int *lane;                   /* each node's lane, -1 for none */
  Flow *flows; int nflows, capflows;
  int *out, *outat;            /* edges leaving each node (CSR) */
} Bp;

/* ---- kinds ---- */

static int is_artifact(NodeKind k) { return k == NK_DOCUMENT || k == NK_STORE; }
static int is_event(NodeKind k) { return k == NK_START || k == NK_END || k == NK_WAIT; }
static int is_activity(NodeKind k) {
  return k == NK_TASK || k == NK_MANUAL || k == NK_DATA || k == NK_CALL;
}

/* The BPMN element a node becomes. */
static const char *element(const Node *n) {
  switch (n->kind) {
  case NK_START: return "startEvent";
  case NK_END: return "endEvent";
  case NK_DECISION: return "exclusiveGateway";
  case NK_FORK: case NK_JOIN: return "parallelGateway";
  case NK_CALL: return "callActivity";
  case NK_WAIT: return "intermediateCatchEvent";
  case NK_DOCUMENT: return "dataObjectReference";
  case NK_STORE: return "dataStoreReference";
  case NK_MANUAL: return "manualTask";
  default: return step_attr(n, AT_FORM) ? "userTask" : "task";
  }
}

static const char *kind_name(NodeKind k) {
  return k >= 0 && k < NK__COUNT ? node_kind_name[k] : "task";
}

/* ---- IDs: KIND-PROCESS[-A[-B]], ASCII (all bpmn-moddle takes), never
 * clashing since svg_ascii_id writes no '-'; flowc's own in <flowc:id> ---- */

static void put_id(const Bp *b, const char *kind, const char *x, const char *y) {
  fprintf(b->o, "%s-", kind);
  svg_ascii_id(b->o, b->p->id);
  if (x) { fputc('-', b->o); svg_ascii_id(b->o, x); }
  if (y) { fputc('-', b->o); svg_ascii_id(b->o, y); }
}

static void attr_id(const Bp *b, const char *attr, const char *kind, const char *x, const char *y) {
  fprintf(b->o, " %s=\"", attr);
  put_id(b, kind, x, y);
  fputc('"', b->o);
}

static const Node *node_at(const Bp *b, int i) { return b->s->nodes[i].node; }

/* a flowc edge's own ID, KIND-P-FROM-TO[-SEQ] */
static void edge_id(const Bp *b, const char *kind, const SceneEdge *e) {
  put_id(b, kind, e->edge->from_id, e->edge->to_id);
  if (e->seq > 1) fprintf(b->o, "-%d", e->seq);
}

static void flow_id(const Bp *b, const Flow *f) {
  if (f->chain) {
    put_id(b, "chain", NULL, NULL);
    fprintf(b->o, "-%d", f->chain);
  } else {
    edge_id(b, "flow", f->path[0]);
  }
}

static void name_attr(FILE *o, const char *s) {
  if (!s || !*s) return;
  fputs(" name=\"", o);
  svg_text(o, s);
  fputc('"', o);
}

/* <bpmn:TAG>text</bpmn:TAG> on a line of its own */
static void text_elem(FILE *o, const char *ns, const char *tag, const char *prefix, const char *s) {
  fprintf(o, "<%s:%s>%s", ns, tag, prefix);
  svg_text(o, s);
  fprintf(o, "</%s:%s>\n", ns, tag);
}

/* <flowc:added of="WHAT" text="…" reason="…"/>: a mark of content beyond
 * the process's source (text: which attribute; reason when given). */
static void added_elem(FILE *o, const Added *a, const char *of, const char *text) {
  if (!a) return;
  fprintf(o, "<flowc:added of=\"%s\"", of);
  if (text) {
    fputs(" text=\"", o);
    svg_text(o, text);
    fputc('"', o);
  }
  if (a->reason) {
    fputs(" reason=\"", o);
    svg_text(o, a->reason);
    fputc('"', o);
  }
  fputs("/>\n", o);
}

/* The marks of a node, its condition, its limit, a start's trigger and period, and its attributes. */
static void node_marks(FILE *o, const Node *n) {
  if (n->x && n->x->when.s) text_elem(o, "flowc", "when", "", n->x->when.s);
  added_elem(o, n->added, "node", NULL);
  if (n->x) added_elem(o, n->x->when_added, "when", NULL);
  if (n->x) added_elem(o, n->x->within_added, "within", NULL);
  if (n->x) added_elem(o, n->x->trigger_added, "trigger", NULL);
  if (n->x) added_elem(o, n->x->every_added, "every", NULL);
  for (const Attr *a = n->attrs; a; a = a->next)
    if (a->kind >= 0 && a->kind < AT__COUNT) added_elem(o, a->added, attr_kind_name[a->kind], a->text.s);
}

/* ---- the flows ---- */

static void add_flow(Bp *b, int from, int to, const SceneEdge **path, int npath, int chain) {
  if (b->nflows == b->capflows) {
    b->capflows = b->capflows ? 2 * b->capflows : 16;
    b->flows = xrealloc(b->flows, (size_t)b->capflows * sizeof *b->flows);
  }
  const SceneEdge **copy = arena_alloc(&b->c->arena, (size_t)npath * sizeof *copy);
  memcpy(copy, path, (size_t)npath * sizeof *copy);
  b->flows[b->nflows++] = (Flow){from, to, copy, npath, chain};
}

/* The edges leaving each node, as b->out[b->outat[i] .. b->outat[i+1]). */
static void index_edges(Bp *b) {
  const Scene *s = b->s;
  b->outat = xmalloc(sizeof *b->outat * (size_t)(s->nnodes + 1));
  b->out = xmalloc(sizeof *b->out * (size_t)(s->nedges + 1));
  memset(b->outat, 0, sizeof *b->outat * (size_t)(s->nnodes + 1));
  for (int i = 0; i < s->nedges; i++) b->outat[s->edges[i].from + 1]++;
  for (int i = 0; i < s->nnodes; i++) b->outat[i + 1] += b->outat[i];
  int *fill = xmalloc(sizeof *fill * (size_t)(s->nnodes + 1));
  memcpy(fill, b->outat, sizeof *fill * (size_t)s->nnodes);
  for (int i = 0; i < s->nedges; i++) b->out[fill[s->edges[i].from]++] = i;
  free(fill);
}

typedef struct Walk {
  int *via;         /* the edge each artifact was reached by, -1 for none */
  int *seen, *hit;  /* stamps: artifact visited, flow node reached */
  int *queue;
  const SceneEdge **path;
} Walk;

/* The path from the first edge to edge e back through w->via, in order. */
static int unwind(const Bp *b, const Walk *w, int e) {
  int n = 0;
  for (int k = e; k >= 0; k = w->via[b->s->edges[k].from]) w->path[n++] = &b->s->edges[k];
  for (int i = 0; i < n / 2; i++) {
    const SceneEdge *t = w->path[i];
    w->path[i] = w->path[n - 1 - i];
    w->path[n - 1 - i] = t;
  }
  return n;
}

/* Breadth first from edge e0 (a flow node into an artifact) through
 * artifacts: a chain flow to each flow node reached that `from` does not
 * reach yet (stamp). */
static void walk_chain(Bp *b, Walk *w, int e0, int stamp, int *nchain) {
  const Scene *s = b->s;
  int from = s->edges[e0].from, head = 0, tail = 0;
  int a0 = s->edges[e0].to;
  w->via[a0] = -1;
  w->seen[a0] = stamp;
  w->queue[tail++] = a0;
  while (head < tail) {
    int a = w->queue[head++];
    for (int k = b->outat[a]; k < b->outat[a + 1]; k++) {
      int e = b->out[k], t = s->edges[e].to;
      if (is_artifact(node_at(b, t)->kind)) {
        if (w->seen[t] == stamp) continue;
        w->seen[t] = stamp;
        w->via[t] = e;
        w->queue[tail++] = t;
      } else if (w->hit[t] != stamp) {
        w->hit[t] = stamp;
        int n = unwind(b, w, e);
        memmove(w->path + 1, w->path, (size_t)n * sizeof *w->path);
        w->path[0] = &s->edges[e0];
        add_flow(b, from, t, w->path, n + 1, ++*nchain);
      }
    }
  }
}

/* Every edge between flow nodes is a flow; chains through artifacts
 * follow, one for each flow node reached that no edge reaches already. */
static void build_flows(Bp *b) {
  const Scene *s = b->s;
  for (int i = 0; i < s->nedges; i++) {
    const SceneEdge *e = &s->edges[i];
    if (!is_artifact(node_at(b, e->from)->kind) && !is_artifact(node_at(b, e->to)->kind))
      add_flow(b, e->from, e->to, &e, 1, 0);
  }
  size_t n = (size_t)s->nnodes + 1;
  Walk w = {xmalloc(n * sizeof(int)), xmalloc(n * sizeof(int)), xmalloc(n * sizeof(int)),
            xmalloc(n * sizeof(int)), xmalloc((n + 1) * sizeof *w.path)};
  for (size_t i = 0; i < n; i++) w.seen[i] = w.hit[i] = -1;
  int nchain = 0;
  for (int f = 0; f < s->nnodes; f++) {
    if (is_artifact(node_at(b, f)->kind)) continue;
    for (int k = b->outat[f]; k < b->outat[f + 1]; k++) w.hit[s->edges[b->out[k]].to] = f;
    for (int k = b->outat[f]; k < b->outat[f + 1]; k++)
      if (is_artifact(node_at(b, s->edges[b->out[k]].to)->kind)) walk_chain(b, &w, b->out[k], f, &nchain);
  }
  free(w.via), free(w.seen), free(w.hit), free(w.queue), free(w.path);
}

static int nflows_from(const Bp *b, int node) {
  int n = 0;
  for (int i = 0; i < b->nflows; i++) n += b->flows[i].from == node;
  return n;
}

/* The lane a node stands in: its own, else the column its box is in. */
static int lane_of(const Scene *s, int i) {
  const SceneNode *sn = &s->nodes[i];
  if (sn->node->lane >= 0 && sn->node->lane < s->nlanes) return sn->node->lane;
  double cx = sn->box.x + sn->box.w / 2;
  for (int l = 0; l < s->nlanes; l++)
    if (cx >= s->lanes[l].box.x && cx < s->lanes[l].box.x + s->lanes[l].box.w) return l;
  return s->nlanes ? 0 : -1;
}

/* ---- the process ---- */

static void put_meta(const Bp *b) {
  const Meta *m = &b->p->meta;
  fputs("<bpmn:extensionElements>\n", b->o);
  text_elem(b->o, "flowc", "id", "", b->p->id);
  for (int k = 0; k < MK__COUNT; k++)
    if (m->field[k].s && k != MK_PURPOSE && k != MK_SCOPE)
      text_elem(b->o, "flowc", meta_key_name[k], "", m->field[k].s);
  const char *src = marks_source(b->c->prog, b->p);
  if (src && !m->field[MK_SOURCE].s) text_elem(b->o, "flowc", "source", "", src); /* the handbook's */
  if (m->has_effective)
    fprintf(b->o, "<flowc:effective>%04d-%02d-%02d</flowc:effective>\n", m->effective.y,
            m->effective.m, m->effective.d);
  for (const Revision *r = m->revisions; r; r = r->next) {
    fputs("<flowc:revision version=\"", b->o);
    svg_text(b->o, r->version ? r->version : "");
    fprintf(b->o, "\" date=\"%04d-%02d-%02d\">", r->date.y, r->date.m, r->date.d);
    svg_text(b->o, r->what ? r->what : "");
    fputs("</flowc:revision>\n", b->o);
  }
  added_elem(b->o, b->p->added, "process", NULL);
  added_elem(b->o, b->p->within_added, "within", NULL);
  fputs("</bpmn:extensionElements>\n", b->o);
}

/* notes, risks and controls as documentation */
static void put_docs(const Bp *b, const Node *n) {
  for (const Attr *a = n->attrs; a; a = a->next) {
    const char *prefix = a->kind == AT_NOTE ? "说明：" : a->kind == AT_RISK ? "风险："
                       : a->kind == AT_CONTROL ? "控制措施：" : NULL;
    if (prefix && a->text.s) text_elem(b->o, "bpmn", "documentation", prefix, a->text.s);
  }
  if (n->x && n->x->when.s) text_elem(b->o, "bpmn", "documentation", "\xE6\x9D\xA1\xE4\xBB\xB6\xEF\xBC\x9A", n->x->when.s); /* 条件： */
  if (n->x && n->x->trigger.s) text_elem(b->o, "bpmn", "documentation", "触发事件：", n->x->trigger.s);
}

/* A step in joint lanes: BPMN lanes part the nodes, so the node is in
 * its responsible lane's flowNodeRefs and the others are noted here. */
static void put_joint_lanes(const Bp *b, const Node *n) {
  if (!n->x) return;
  for (int j = 0; j < n->x->njoint; j++)
    if (n->x->joint[j] >= 0) {
      fputs("<flowc:jointLane laneRef=\"", b->o);
      put_id(b, "lane", b->p->lanes[n->x->joint[j]].id, NULL);
      fputs("\"/>\n", b->o);
    }
}

/* the kind, the other attributes and the time limit, in flowc's namespace */
static void put_node_ext(const Bp *b, const Node *n) {
  FILE *o = b->o;
  fputs("<bpmn:extensionElements>\n", o);
  fprintf(o, "<flowc:kind>%s</flowc:kind>\n", kind_name(n->kind));
  text_elem(o, "flowc", "id", "", n->id);
  for (const Attr *a = n->attrs; a; a = a->next)
    if (a->kind != AT_NOTE && a->kind != AT_RISK && a->kind != AT_CONTROL && a->text.s &&
        a->kind >= 0 && a->kind < AT__COUNT)
      text_elem(o, "flowc", attr_kind_name[a->kind], "", a->text.s);
  Arena a;
  arena_init(&a);
  if (n->x && n->x->has_within) text_elem(o, "flowc", "within", "", dur_written(&a, n->x->within)); /* a range as written */
  if (n->x && n->x->trigger.s) text_elem(o, "flowc", "trigger", "", n->x->trigger.s);
  if (n->x && n->x->has_every) text_elem(o, "flowc", "every", "", dur_written(&a, n->x->every));
  arena_free(&a);
  node_marks(o, n);
  put_joint_lanes(b, n);
  fputs("</bpmn:extensionElements>\n", o);
}

/* ISO 8601 has no range: a range's high end. */
static void put_iso_duration(FILE *o, Duration d) {
  static const char *const fmt[DU__COUNT] = {"PT%lldM", "PT%lldH", "P%lldD", "P%lldD", "P%lldW", "P%lldM"};
  fprintf(o, d.unit >= 0 && d.unit < DU__COUNT ? fmt[d.unit] : "P%lldD", dur_hi(d).amount);
}

static void put_timer(const Bp *b, const Node *n) {
  fputs("<bpmn:timerEventDefinition", b->o);
  attr_id(b, "id", "timer", n->id, NULL);
  int cycle = n->kind == NK_START; /* a recurring start: R/P1M */
  if (!n->x || !(cycle ? n->x->has_every : n->x->has_within)) { fputs("/>\n", b->o); return; }
  fprintf(b->o, ">\n<bpmn:%s xsi:type=\"bpmn:tFormalExpression\">%s", cycle ? "timeCycle" : "timeDuration",
          cycle ? "R/" : "");
  put_iso_duration(b->o, cycle ? n->x->every : n->x->within);
  fprintf(b->o, "</bpmn:%s>\n</bpmn:timerEventDefinition>\n", cycle ? "timeCycle" : "timeDuration");
}

/* <bpmn:incoming>/<bpmn:outgoing> of node i */
static void put_links(const Bp *b, int i) {
  for (int k = 0; k < b->nflows; k++)
    if (b->flows[k].to == i) {
      fputs("<bpmn:incoming>", b->o);
      flow_id(b, &b->flows[k]);
      fputs("</bpmn:incoming>\n", b->o);
    }
  for (int k = 0; k < b->nflows; k++)
    if (b->flows[k].from == i) {
      fputs("<bpmn:outgoing>", b->o);
      flow_id(b, &b->flows[k]);
      fputs("</bpmn:outgoing>\n", b->o);
    }
}

/* An activity's data associations: documents and stores it reads, then
 * those it writes. */
static void put_data_assocs(const Bp *b, int i) {
  const Scene *s = b->s;
  for (int pass = 0; pass < 2; pass++)
    for (int k = 0; k < s->nedges; k++) {
      const SceneEdge *e = &s->edges[k];
      int other = pass == 0 ? e->from : e->to;
      if ((pass == 0 ? e->to : e->from) != i || !is_artifact(node_at(b, other)->kind)) continue;
      const char *tag = pass == 0 ? "dataInputAssociation" : "dataOutputAssociation";
      fprintf(b->o, "<bpmn:%s id=\"", tag);
      edge_id(b, "assoc", e);
      fprintf(b->o, "\">\n<bpmn:%s>", pass == 0 ? "sourceRef" : "targetRef");
      put_id(b, "node", node_at(b, other)->id, NULL);
      fprintf(b->o, "</bpmn:%s>\n</bpmn:%s>\n", pass == 0 ? "sourceRef" : "targetRef", tag);
    }
}

static const char *called_id(const Bp *b, const Node *n) {
  const Program *g = b->c->prog;
  if (n->callee >= 0 && g && n->callee < g->nprocs) return g->procs[n->callee]->id;
  return n->x && n->x->process_ref.s ? n->x->process_ref.s : n->id;
}

static void put_flow_node(const Bp *b, int i) {
  const Node *n = node_at(b, i);
  FILE *o = b->o;
  fprintf(o, "<bpmn:%s", element(n));
  attr_id(b, "id", "node", n->id, NULL);
  name_attr(o, n->label);
  if (n->kind == NK_CALL) {
    fputs(" calledElement=\"proc-", o);
    svg_ascii_id(o, called_id(b, n));
    fputc('"', o);
  }
  fputs(">\n", o);
  put_docs(b, n);
  put_node_ext(b, n);
  put_links(b, i);
  if (is_activity(n->kind)) put_data_assocs(b, i);
  if (n->kind == NK_WAIT || (n->kind == NK_START && n->x && n->x->has_every)) put_timer(b, n);
  fprintf(o, "</bpmn:%s>\n", element(n));
}

static void put_artifact_node(const Bp *b, const Node *n) {
  FILE *o = b->o;
  if (n->kind == NK_DOCUMENT) {
    fputs("<bpmn:dataObject", o);
    attr_id(b, "id", "data", n->id, NULL);
    fputs("/>\n", o);
  }
  fprintf(o, "<bpmn:%s", element(n));
  attr_id(b, "id", "node", n->id, NULL);
  name_attr(o, n->label);
  if (n->kind == NK_DOCUMENT) attr_id(b, "dataObjectRef", "data", n->id, NULL);
  fputs(">\n", o);
  put_docs(b, n);
  put_node_ext(b, n);
  fprintf(o, "</bpmn:%s>\n", element(n));
}

static void put_flow(const Bp *b, const Flow *f) {
  FILE *o = b->o;
  const Node *from = node_at(b, f->from), *to = node_at(b, f->to);
  const char *label = f->path[0]->edge->label;
  int cond = from->kind == NK_DECISION && nflows_from(b, f->from) > 1;
  fputs("<bpmn:sequenceFlow id=\"", o);
  flow_id(b, f);
  fputc('"', o);
  name_attr(o, label ? label : cond ? to->label : NULL);
  attr_id(b, "sourceRef", "node", from->id, NULL);
  attr_id(b, "targetRef", "node", to->id, NULL);
  const Added *mark = NULL;
  for (int k = 0; k < f->npath && !mark; k++) mark = f->path[k]->edge->added;
  if (!cond && !mark) { fputs("/>\n", o); return; }
  fputs(">\n", o);
  if (mark) {
    fputs("<bpmn:extensionElements>\n", o);
    added_elem(o, mark, "edge", NULL);
    fputs("</bpmn:extensionElements>\n", o);
  }
  if (!cond) { fputs("</bpmn:sequenceFlow>\n", o); return; }
  fputs("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">", o);
  svg_text(o, from->label ? from->label : from->id);
  fputs(" → ", o);
  svg_text(o, label ? label : to->label ? to->label : to->id);
  fputs("</bpmn:conditionExpression>\n</bpmn:sequenceFlow>\n", o);
}

/* edges at documents and stores that no activity holds as a data association */
static int plain_assoc(const Bp *b, const SceneEdge *e) {
  NodeKind f = node_at(b, e->from)->kind, t = node_at(b, e->to)->kind;
  if (!is_artifact(f) && !is_artifact(t)) return 0;
  return !(is_artifact(f) && is_activity(t)) && !(is_artifact(t) && is_activity(f));
}

static void put_assocs(const Bp *b) {
  for (int k = 0; k < b->s->nedges; k++) {
    const SceneEdge *e = &b->s->edges[k];
    if (!plain_assoc(b, e)) continue;
    fputs("<bpmn:association id=\"", b->o);
    edge_id(b, "assoc", e);
    fputc('"', b->o);
    attr_id(b, "sourceRef", "node", e->edge->from_id, NULL);
    attr_id(b, "targetRef", "node", e->edge->to_id, NULL);
    fputs(" associationDirection=\"One\"/>\n", b->o);
  }
}

/* The flowNodeRefs of the nodes in lanes first .. first+n-1. */
static void put_node_refs(const Bp *b, int first, int n) {
  for (int i = 0; i < b->s->nnodes; i++)
    if (b->lane[i] >= first && b->lane[i] < first + n && !is_artifact(node_at(b, i)->kind)) {
      fputs("<bpmn:flowNodeRef>", b->o);
      put_id(b, "node", node_at(b, i)->id, NULL);
      fputs("</bpmn:flowNodeRef>\n", b->o);
    }
}

static void put_lane(const Bp *b, int l) {
  const Lane *ln = b->s->lanes[l].lane;
  fputs("<bpmn:lane", b->o);
  attr_id(b, "id", "lane", ln->id, NULL);
  name_attr(b->o, ln->name ? ln->name : ln->id);
  fputs(">\n", b->o);
  if (ln->added) {
    fputs("<bpmn:extensionElements>\n", b->o);
    added_elem(b->o, ln->added, "lane", NULL);
    fputs("</bpmn:extensionElements>\n", b->o);
  }
  put_node_refs(b, l, 1);
  fputs("</bpmn:lane>\n", b->o);
}

/* A lane group: a lane holding its nodes, its lanes in a childLaneSet. */
static void put_group_lane(const Bp *b, const SceneGroup *g) {
  fputs("<bpmn:lane", b->o);
  attr_id(b, "id", "lane", g->group->id, NULL);
  name_attr(b->o, g->group->name);
  fputs(">\n", b->o);
  put_node_refs(b, g->first, g->nlanes);
  fputs("<bpmn:childLaneSet", b->o);
  attr_id(b, "id", "lanes", g->group->id, NULL);
  fputs(">\n", b->o);
  for (int l = g->first; l < g->first + g->nlanes; l++) put_lane(b, l);
  fputs("</bpmn:childLaneSet>\n</bpmn:lane>\n", b->o);
}

static void put_lanes(const Bp *b) {
  const Scene *s = b->s;
  if (!s->nlanes) return;
  fputs("<bpmn:laneSet", b->o);
  attr_id(b, "id", "lanes", NULL, NULL);
  fputs(">\n", b->o);
  for (int l = 0; l < s->nlanes; l++) {
    const LaneGroup *g = lane_group(b->p, l);
    if (!g) put_lane(b, l);
    else if (g->first == l) put_group_lane(b, &s->groups[g - b->p->groups]);
  }
  fputs("</bpmn:laneSet>\n", b->o);
}

static void put_groups(const Bp *b) {
  for (int k = 0; k < b->s->nphases; k++) {
    char num[16];
    snprintf(num, sizeof num, "%d", k + 1);
    fputs("<bpmn:group", b->o);
    attr_id(b, "id", "group", num, NULL);
    attr_id(b, "categoryValueRef", "phase", num, NULL);
    const Added *a = b->s->phases[k].phase->added;
    if (!a) {
      fputs("/>\n", b->o);
      continue;
    }
    fputs(">\n<bpmn:extensionElements>\n", b->o);
    added_elem(b->o, a, "phase", NULL);
    fputs("</bpmn:extensionElements>\n</bpmn:group>\n", b->o);
  }
}

static void put_process(const Bp *b) {
  const Process *p = b->p;
  FILE *o = b->o;
  fputs("<bpmn:process", o);
  attr_id(b, "id", "proc", NULL, NULL);
  name_attr(o, p->title ? p->title : p->id);
  fputs(" isExecutable=\"false\">\n", o);
  if (p->meta.field[MK_PURPOSE].s) text_elem(o, "bpmn", "documentation", "目的：", p->meta.field[MK_PURPOSE].s);
  if (p->meta.field[MK_SCOPE].s) text_elem(o, "bpmn", "documentation", "范围：", p->meta.field[MK_SCOPE].s);
  put_meta(b);
  put_lanes(b);
  for (int i = 0; i < b->s->nnodes; i++)
    if (is_artifact(node_at(b, i)->kind)) put_artifact_node(b, node_at(b, i));
    else put_flow_node(b, i);
  for (int k = 0; k < b->nflows; k++) put_flow(b, &b->flows[k]);
  put_assocs(b);
  put_groups(b);
  fputs("</bpmn:process>\n", o);
}

/* ---- the diagram ---- */

/* x="…" y="…" of a point of the picture, moved down to the diagram's origin */
static void put_xy(const Bp *b, double x, double y) {
  fputs("x=\"", b->o);
  svg_num(b->o, x);
  fputs("\" y=\"", b->o);
  svg_num(b->o, y + b->dy);
  fputc('"', b->o);
}

static void put_bounds(const Bp *b, Rect r) {
  fputs("<dc:Bounds ", b->o);
  put_xy(b, r.x, r.y);
  fputs(" width=\"", b->o);
  svg_num(b->o, r.w);
  fputs("\" height=\"", b->o);
  svg_num(b->o, r.h);
  fputs("\"/>\n", b->o);
}

/* The pool: the lanes with a name band above them, else the picture. */
static Rect pool_box(const Scene *s) {
  if (!s->nlanes) return (Rect){0, -POOL_HEAD, s->width, s->height + POOL_HEAD};
  const Rect *a = &s->lanes[0].box, *z = &s->lanes[s->nlanes - 1].box;
  return (Rect){a->x, a->y - POOL_HEAD, z->x + z->w - a->x, a->h + POOL_HEAD};
}

/* The shape BPMN draws: events, data objects and stores at their usual
 * size in the middle of flowc's box, a fork's bar as a flat diamond. */
static Rect shape_box(const SceneNode *sn) {
  Rect r = sn->box;
  double cx = r.x + r.w / 2, cy = r.y + r.h / 2;
  NodeKind k = sn->node->kind;
  if (is_event(k)) return (Rect){cx - EVENT_D / 2, cy - EVENT_D / 2, EVENT_D, EVENT_D};
  if (k == NK_DOCUMENT) return (Rect){cx - 18, cy - 25, 36, 50};
  if (k == NK_STORE) return (Rect){cx - 25, cy - 25, 50, 50};
  if (k == NK_FORK || k == NK_JOIN) {
    double h = r.h > FORK_H ? r.h : FORK_H;
    return (Rect){r.x, cy - h / 2, r.w, h};
  }
  return r;
}

/* Where a label drawn outside its shape goes: a decision's text where
 * flowc drew it (inside the diamond), any other's to the right of the
 * shape (events, bars, data objects). */
static int label_box(const SceneNode *sn, Rect shape, Rect *out) {
  const char *label = sn->node->label;
  if (!sn->nlines && (!label || !*label)) return 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  if (!sn->nlines) /* no text drawn (a bar): 12 pt a character */
    x1 = LABEL_CHAR * (double)utf8_count(label, strlen(label));
  else
    x0 = y0 = 1e300, x1 = y1 = -1e300;
  for (int i = 0; i < sn->nlines; i++) {
    const TextRun *t = &sn->lines[i];
    if (t->x < x0) x0 = t->x;
    if (t->x + t->width > x1) x1 = t->x + t->width;
    if (t->y - t->size < y0) y0 = t->y - t->size;
    if (t->y + t->size * 0.3 > y1) y1 = t->y + t->size * 0.3;
  }
  NodeKind k = sn->node->kind;
  if (k == NK_DECISION && sn->nlines) {
    *out = (Rect){x0, y0, x1 - x0, y1 - y0};
    return 1;
  }
  if (!is_event(k) && !is_artifact(k) && k != NK_FORK && k != NK_JOIN) return 0;
  double h = LABEL_LINE * (sn->nlines ? sn->nlines : 1);
  *out = (Rect){shape.x + shape.w + 4, shape.y + shape.h / 2 - h / 2, x1 - x0 + 8, h};
  return 1;
}

static void put_shape(const Bp *b, const char *kind, const char *x, Rect r, const char *extra,
                      const Rect *label) {
  fputs("<bpmndi:BPMNShape id=\"di-", b->o);
  put_id(b, kind, x, NULL);
  fputc('"', b->o);
  attr_id(b, "bpmnElement", kind, x, NULL);
  fprintf(b->o, "%s>\n", extra);
  put_bounds(b, r);
  if (label) {
    fputs("<bpmndi:BPMNLabel>\n", b->o);
    put_bounds(b, *label);
    fputs("</bpmndi:BPMNLabel>\n", b->o);
  }
  fputs("</bpmndi:BPMNShape>\n", b->o);
}

static void put_node_shape(const Bp *b, int i) {
  const SceneNode *sn = &b->s->nodes[i];
  Rect r = shape_box(sn), lb;
  int has_label = label_box(sn, r, &lb);
  const char *extra = sn->node->kind == NK_DECISION ? " isMarkerVisible=\"false\"" : "";
  put_shape(b, "node", sn->node->id, r, extra, has_label ? &lb : NULL);
}

/* Moves an end of a line (p, its neighbour q) from flowc's box onto the
 * smaller shape r, along the line's last straight segment. */
static Pt snap(Pt p, Pt q, Rect r) {
  const double eps = 0.01;
  if (p.x - q.x < eps && q.x - p.x < eps && p.x >= r.x && p.x <= r.x + r.w) {
    double y = q.y < p.y ? r.y : r.y + r.h;
    if ((q.y < p.y) == (q.y <= y)) p.y = y;
  } else if (p.y - q.y < eps && q.y - p.y < eps && p.y >= r.y && p.y <= r.y + r.h) {
    double x = q.x < p.x ? r.x : r.x + r.w;
    if ((q.x < p.x) == (q.x <= x)) p.x = x;
  }
  return p;
}

static void put_waypoint(const Bp *b, Pt p) {
  fputs("<di:waypoint ", b->o);
  put_xy(b, p.x, p.y);
  fputs("/>\n", b->o);
}

/* The waypoints of a path of edges, its ends snapped onto their shapes. */
static void put_path(const Bp *b, const SceneEdge *const *path, int npath) {
  const SceneEdge *first = path[0], *last = path[npath - 1];
  Rect rf = shape_box(&b->s->nodes[first->from]), rt = shape_box(&b->s->nodes[last->to]);
  Pt prev = {0, 0};
  int any = 0;
  for (int k = 0; k < npath; k++)
    for (int i = 0; i < path[k]->npts; i++) {
      Pt p = path[k]->pts[i];
      if (k == 0 && i == 0 && path[k]->npts > 1) p = snap(p, path[k]->pts[1], rf);
      if (k == npath - 1 && i == path[k]->npts - 1 && i > 0) p = snap(p, path[k]->pts[i - 1], rt);
      if (any && p.x == prev.x && p.y == prev.y) continue;
      put_waypoint(b, p);
      prev = p, any = 1;
    }
  if (!any) { /* a waypoint-less edge would not load: the two centres */
    put_waypoint(b, (Pt){rf.x + rf.w / 2, rf.y + rf.h / 2});
    put_waypoint(b, (Pt){rt.x + rt.w / 2, rt.y + rt.h / 2});
  } else if (path[0]->npts < 2 && npath == 1) {
    put_waypoint(b, (Pt){rt.x + rt.w / 2, rt.y + rt.h / 2});
  }
}

static void put_edge_label(const Bp *b, const SceneEdge *e) {
  if (e->nlabel <= 0) return;
  fputs("<bpmndi:BPMNLabel>\n", b->o);
  put_bounds(b, e->label_box);
  fputs("</bpmndi:BPMNLabel>\n", b->o);
}

static void put_flow_edge(const Bp *b, const Flow *f) {
  fputs("<bpmndi:BPMNEdge id=\"di-", b->o);
  flow_id(b, f);
  fputs("\" bpmnElement=\"", b->o);
  flow_id(b, f);
  fputs("\">\n", b->o);
  put_path(b, f->path, f->npath);
  put_edge_label(b, f->path[0]);
  fputs("</bpmndi:BPMNEdge>\n", b->o);
}

static void put_assoc_edge(const Bp *b, const SceneEdge *e) {
  fputs("<bpmndi:BPMNEdge id=\"di-", b->o);
  edge_id(b, "assoc", e);
  fputs("\" bpmnElement=\"", b->o);
  edge_id(b, "assoc", e);
  fputs("\">\n", b->o);
  put_path(b, &e, 1);
  put_edge_label(b, e);
  fputs("</bpmndi:BPMNEdge>\n", b->o);
}

/* A lane's shape; in a group, below the group's name band, as bpmn-js
 * draws a child lane inside its parent. */
static Rect lane_box(const Scene *s, int l) {
  Rect r = s->lanes[l].box;
  if (!lane_group(s->proc, l)) return r;
  double top = s->lanes[l].header.y;
  return (Rect){r.x, r.y + top, r.w, r.h - top};
}

/* a phase as a group over the pool's width */
static void put_group_shape(const Bp *b, int k) {
  const ScenePhase *ph = &b->s->phases[k];
  Rect pool = pool_box(b->s), r = ph->box;
  r.x = pool.x, r.w = pool.w;
  char num[16];
  snprintf(num, sizeof num, "%d", k + 1);
  put_shape(b, "group", num, r, "", NULL);
}

static void put_diagram(const Bp *b) {
  put_shape(b, "pool", NULL, pool_box(b->s), " isHorizontal=\"false\"", NULL);
  for (int g = 0; g < b->s->ngroups; g++)
    put_shape(b, "lane", b->s->groups[g].group->id, b->s->groups[g].box, " isHorizontal=\"false\"", NULL);
  for (int l = 0; l < b->s->nlanes; l++)
    put_shape(b, "lane", b->s->lanes[l].lane->id, lane_box(b->s, l), " isHorizontal=\"false\"", NULL);
  for (int k = 0; k < b->s->nphases; k++) put_group_shape(b, k);
  for (int i = 0; i < b->s->nnodes; i++) put_node_shape(b, i);
  for (int k = 0; k < b->nflows; k++) put_flow_edge(b, &b->flows[k]);
  for (int k = 0; k < b->s->nedges; k++) {
    const SceneEdge *e = &b->s->edges[k];
    if (is_artifact(node_at(b, e->from)->kind) || is_artifact(node_at(b, e->to)->kind)) put_assoc_edge(b, e);
  }
}

/* ---- the file ---- */

static void put_categories(const Bp *b) {
  if (!b->s->nphases) return;
  fputs("<bpmn:category", b->o);
  attr_id(b, "id", "phases", NULL, NULL);
  fputs(">\n", b->o);
  for (int k = 0; k < b->s->nphases; k++) {
    char num[16];
    snprintf(num, sizeof num, "%d", k + 1);
    fputs("<bpmn:categoryValue", b->o);
    attr_id(b, "id", "phase", num, NULL);
    fputs(" value=\"", b->o);
    svg_text(b->o, b->s->phases[k].phase->name ? b->s->phases[k].phase->name : num);
    fputs("\"/>\n", b->o);
  }
  fputs("</bpmn:category>\n", b->o);
}

static void put_participant(const Bp *b) {
  fputs("<bpmn:participant", b->o);
  attr_id(b, "id", "pool", NULL, NULL);
  name_attr(b->o, b->p->title ? b->p->title : b->p->id);
  attr_id(b, "processRef", "proc", NULL, NULL);
  fputs("/>\n", b->o);
}

/* Sets b up for scene s, the pool's top at top; with flows, also the
 * flows and lanes that the process and its diagram need. */
static void open_scene(Bp *b, const Scene *s, double top, int flows) {
  b->s = s;
  b->p = s->proc;
  b->dy = top - pool_box(s).y;
  if (!flows) return;
  b->nflows = 0;
  b->lane = xmalloc(sizeof *b->lane * (size_t)(s->nnodes + 1));
  for (int i = 0; i < s->nnodes; i++) b->lane[i] = lane_of(s, i);
  index_edges(b);
  build_flows(b);
}

static void close_scene(Bp *b) {
  free(b->lane), free(b->out), free(b->outat);
  b->lane = b->out = b->outat = NULL;
}

/* Scenes whose edges or nodes do not hang together are not written. */
static int scene_ok(const Scene *s) {
  for (int i = 0; i < s->nedges; i++)
    if (s->edges[i].from < 0 || s->edges[i].from >= s->nnodes || s->edges[i].to < 0 ||
        s->edges[i].to >= s->nnodes || !s->edges[i].edge)
      return 0;
  for (int i = 0; i < s->nnodes; i++)
    if (!s->nodes[i].node) return 0;
  return s->proc != NULL;
}

/* Runs each part over every scene, the pools one below the other (with
 * flows: a part that needs them). */
static void each(Bp *b, Scene *const *scenes, int n, void (*part)(const Bp *), int flows) {
  double top = 0;
  for (int i = 0; i < n; i++) {
    open_scene(b, scenes[i], top, flows);
    part(b);
    top += pool_box(scenes[i]).h + POOL_GAP;
    close_scene(b);
  }
}

int bpmn_write(Ctx *c, Scene *const *scenes, int n, FILE *out, const char **err) {
  for (int i = 0; i < n; i++)
    if (!scene_ok(scenes[i])) {
      *err = "the chart is incomplete";
      return -1;
    }
  Bp b = {.c = c, .o = out};
  fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        " xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\""
        " xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\""
        " xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\""
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        " xmlns:flowc=\"" NS_FLOWC "\" id=\"definitions\" targetNamespace=\"" NS_FLOWC "\""
        " exporter=\"flowc\" exporterVersion=\"" FLOWC_VERSION "\">\n", out);
  each(&b, scenes, n, put_categories, 0);
  fputs("<bpmn:collaboration id=\"collaboration\">\n", out);
  each(&b, scenes, n, put_participant, 0);
  fputs("</bpmn:collaboration>\n", out);
  each(&b, scenes, n, put_process, 1);
  fputs("<bpmndi:BPMNDiagram id=\"diagram\">\n"
        "<bpmndi:BPMNPlane id=\"plane\" bpmnElement=\"collaboration\">\n", out);
  each(&b, scenes, n, put_diagram, 1);
  fputs("</bpmndi:BPMNPlane>\n</bpmndi:BPMNDiagram>\n</bpmn:definitions>\n", out);
  free(b.flows);
  if (fflush(out) || ferror(out)) {
    *err = "cannot write the BPMN file";
    return -1;
  }
  return 0;
}
