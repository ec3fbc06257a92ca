/* scene_json.c — the scene's geometry as JSON (see render.h; the format
 * is documented in README.md). Numbers have two decimals; strings are
 * escaped, invalid UTF-8 becoming U+FFFD. */
#include <math.h>
#include <string.h>
#include "marks.h"
#include "render.h"
#include "utf8.h"

static void num(FILE *o, double v) {
  if (!isfinite(v)) v = 0;
  if (fabs(v) < 0.005) v = 0; /* never "-0.00" */
  fprintf(o, "%.2f", v);
}

static void str(FILE *o, const char *s) {
  if (!s) { fputs("null", o); return; }
  size_t n = strlen(s), i = 0;
  fputc('"', o);
  while (i < n) {
    uint32_t cp;
    int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (!k) { fputs("\\ufffd", o); i++; continue; }
    if (cp == '"' || cp == '\\') fprintf(o, "\\%c", (int)cp);
    else if (cp == '\n') fputs("\\n", o);
    else if (cp == '\t') fputs("\\t", o);
    else if (cp < 0x20 || cp == 0x7F) fprintf(o, "\\u%04x", (unsigned)cp);
    else fwrite(s + i, 1, (size_t)k, o);
    i += (size_t)k;
  }
  fputc('"', o);
}

/* , "added": {"reason": .., "note": ..} when a is given: the reason as
 * written (null without), the footnote's number (null when not shown). */
static void added(FILE *o, const Marks *m, const Added *a) {
  if (!a) return;
  fputs(", \"added\": {\"reason\": ", o);
  str(o, a->reason);
  fputs(", \"note\": ", o);
  int k = mark_number(m, a);
  if (k) fprintf(o, "%d}", k);
  else fputs("null}", o);
}

/* "x": .., "y": .., "w": .., "h": .. */
static void rect(FILE *o, Rect r) {
  fputs("\"x\": ", o);
  num(o, r.x);
  fputs(", \"y\": ", o);
  num(o, r.y);
  fputs(", \"w\": ", o);
  num(o, r.w);
  fputs(", \"h\": ", o);
  num(o, r.h);
}

static void lines(FILE *o, const TextRun *r, int n) {
  fputc('[', o);
  for (int i = 0; i < n; i++) {
    if (i) fputs(", ", o);
    str(o, r[i].text);
  }
  fputc(']', o);
}

/* , "x": .. "h": .., "header": {..}} — the end of a lane or phase */
static void band(FILE *o, Rect box, Rect header) {
  fputs(", ", o);
  rect(o, box);
  fputs(", \"header\": {", o);
  rect(o, header);
  fputs("}}", o);
}

static void lane(FILE *o, const Marks *m, const Process *proc, const SceneLane *l) {
  fputs("{\"id\": ", o);
  str(o, l->lane->id);
  fputs(", \"name\": ", o);
  str(o, l->lane->name);
  added(o, m, l->lane->added);
  const LaneGroup *g = lane_group(proc, (int)(l->lane - proc->lanes));
  if (g) {  /* only in a group: v1 output unchanged */
    fputs(", \"group\": ", o);
    str(o, g->id);
  }
  band(o, l->box, l->header);
}

/* {"id": .., "name": .., "first": 0, "count": 2, "x": .., "header": {..}} */
static void group(FILE *o, const SceneGroup *g) {
  fputs("{\"id\": ", o);
  str(o, g->group->id);
  fputs(", \"name\": ", o);
  str(o, g->group->name);
  fprintf(o, ", \"first\": %d, \"count\": %d", g->first, g->nlanes);
  band(o, g->box, g->header);
}

/* , "lanes": ["sales", "finance"] — a step in joint lanes, the
 * responsible lane first */
static void joint_lanes(FILE *o, const Process *proc, const Node *n) {
  if (!n->x || !n->x->njoint || n->lane < 0) return;
  fputs(", \"lanes\": [", o);
  str(o, proc->lanes[n->lane].id);
  for (int j = 0; j < n->x->njoint; j++)
    if (n->x->joint[j] >= 0) {
      fputs(", ", o);
      str(o, proc->lanes[n->x->joint[j]].id);
    }
  fputc(']', o);
}

static void phase(FILE *o, const Marks *m, const ScenePhase *p) {
  fputs("{\"name\": ", o);
  str(o, p->phase->name);
  added(o, m, p->phase->added);
  band(o, p->box, p->header);
}

/* A start's trigger and period (as written), and their caption. */
static void start_caption(FILE *o, const SceneNode *sn) {
  const NodeExtra *x = sn->node->x;
  if (!sn->ncaption || !x) return;
  fputs(", \"trigger\": ", o);
  str(o, x->trigger.s);
  fputs(", \"every\": ", o);
  if (x->has_every) {
    Arena a;
    arena_init(&a);
    str(o, dur_written(&a, x->every));
    arena_free(&a);
  } else
    fputs("null", o);
  fputs(", \"caption\": ", o);
  lines(o, sn->caption, sn->ncaption);
  fputs(", \"label_box\": {", o);
  rect(o, sn->label_box);
  fputc('}', o);
  if (sn->clock.w > 0) {
    fputs(", \"clock\": {", o);
    rect(o, sn->clock);
    fputc('}', o);
  }
}

/* , "marks": [{"lane": "finance", "x": .. "h": ..}] — the "会同" tags of
 * a step in joint lanes, in the lanes where they could be placed */
static void marks(FILE *o, const Scene *s, int v) {
  const Node *n = s->nodes[v].node;
  if (!n->x || !n->x->njoint) return;
  fputs(", \"marks\": [", o);
  int any = 0;
  for (int i = 0; i < s->nmarks; i++) {
    if (s->marks[i].node != v) continue;
    fputs(any++ ? ", {\"lane\": " : "{\"lane\": ", o);
    str(o, s->lanes[s->marks[i].lane].lane->id);
    fputs(", ", o);
    rect(o, s->marks[i].box);
    fputc('}', o);
  }
  fputc(']', o);
}

static void node(FILE *o, const Scene *s, const Marks *m, int v) {
  const Process *proc = s->proc;
  const SceneNode *sn = &s->nodes[v];
  const Node *n = sn->node;
  fputs("{\"id\": ", o);
  str(o, n->id);
  fputs(", \"kind\": ", o);
  str(o, n->kind >= 0 && n->kind < NK__COUNT ? node_kind_name[n->kind] : NULL);
  fputs(", \"lane\": ", o);
  str(o, n->lane >= 0 && n->lane < proc->nlanes ? proc->lanes[n->lane].id : NULL);
  joint_lanes(o, proc, n);
  marks(o, s, v);
  fputs(", \"phase\": ", o);
  if (n->phase >= 0) fprintf(o, "%d", n->phase);
  else fputs("null", o);
  fputs(", ", o);
  rect(o, sn->box);
  fputs(", \"lines\": ", o);
  lines(o, sn->lines, sn->nlines);
  if (sn->shape == SH_BAR && sn->nlines) { /* the label beside the bar */
    fputs(", \"label_box\": {", o);
    rect(o, sn->label_box);
    fputc('}', o);
  }
  start_caption(o, sn);
  fputs(", \"link\": ", o);
  str(o, sn->link);
  if (n->x && n->x->when.s) {
    fputs(", \"when\": ", o);
    str(o, n->x->when.s);
  }
  added(o, m, n->added);
  fputc('}', o);
}

/* [[x, y], ...] */
static void points(FILE *o, const Pt *p, int n) {
  fputc('[', o);
  for (int i = 0; i < n; i++) {
    fputs(i ? ", [" : "[", o);
    num(o, p[i].x);
    fputs(", ", o);
    num(o, p[i].y);
    fputc(']', o);
  }
  fputc(']', o);
}

static void edge(FILE *o, const Marks *m, const SceneEdge *e) {
  fputs("{\"from\": ", o);
  str(o, e->edge->from_id);
  fputs(", \"to\": ", o);
  str(o, e->edge->to_id);
  fputs(", \"label\": ", o);
  str(o, e->edge->label);
  static const char *const key[4] = {"label_x", "label_y", "label_w", "label_h"};
  double v[4] = {e->label_box.x, e->label_box.y, e->label_box.w, e->label_box.h};
  for (int i = 0; i < 4; i++) {
    fprintf(o, ", \"%s\": ", key[i]);
    if (e->nlabel > 0) num(o, v[i]);
    else fputs("null", o);
  }
  fputs(", \"label_lines\": ", o);
  lines(o, e->label, e->nlabel);
  fputs(", \"points\": ", o);
  points(o, e->pts, e->npts);
  fputs(", \"junctions\": ", o);
  points(o, e->dots, e->ndots);
  fprintf(o, ", \"back\": %s", e->back ? "true" : "false");
  added(o, m, e->edge->added);
  fputc('}', o);
}

/* , "source": .., "added": .., "notes": [..] when the process has them */
static void sources(FILE *o, Ctx *c, const Scene *s, const Marks *m) {
  const char *src = marks_source(c->prog, s->proc);
  if (src) {
    fputs(", \"source\": ", o);
    str(o, src);
  }
  added(o, m, s->proc->added);
  if (!s->nnotes) return;
  fputs(", \"notes\": ", o);
  lines(o, s->notes, s->nnotes);
}

int scene_json_write(Ctx *c, const Scene *s, FILE *out, const char **err) {
  Marks m;
  marks_of(&c->arena, c->prog, s->proc, &m);
  fputs("{\"process\": {\"id\": ", out);
  str(out, s->proc->id);
  fputs(", \"title\": ", out);
  str(out, s->proc->title);
  sources(out, c, s, &m);
  fputs("},\n \"width\": ", out);
  num(out, s->width);
  fputs(", \"height\": ", out);
  num(out, s->height);
  fputs(",\n \"lanes\": [", out);
  for (int i = 0; i < s->nlanes; i++) {
    fputs(i ? ",\n  " : "\n  ", out);
    lane(out, &m, s->proc, &s->lanes[i]);
  }
  if (s->ngroups) fputs("],\n \"groups\": [", out);
  for (int i = 0; i < s->ngroups; i++) {
    fputs(i ? ",\n  " : "\n  ", out);
    group(out, &s->groups[i]);
  }
  fputs("],\n \"phases\": [", out);
  for (int i = 0; i < s->nphases; i++) {
    fputs(i ? ",\n  " : "\n  ", out);
    phase(out, &m, &s->phases[i]);
  }
  fputs("],\n \"nodes\": [", out);
  for (int i = 0; i < s->nnodes; i++) {
    fputs(i ? ",\n  " : "\n  ", out);
    node(out, s, &m, i);
  }
  fputs("],\n \"edges\": [", out);
  for (int i = 0; i < s->nedges; i++) {
    fputs(i ? ",\n  " : "\n  ", out);
    edge(out, &m, &s->edges[i]);
  }
  fputs("]}\n", out);
  if (fflush(out) || ferror(out)) {
    *err = "cannot write the JSON file";
    return -1;
  }
  return 0;
}
