/* layout_cases_test.c — the layout passes on small processes, as data:
 * each file of tests/layout/cases holds one process and, in comment lines
 * `# expect: ...`, what its chart must show. Expectations (node IDs):
 *   row A = B | row A < B      same row / A in a row above B
 *   x A = B | left A B         same centre x / A left of B
 *   leave A B bottom|side      where the (first) edge A -> B leaves A
 *   enter A B top|side         where it enters B
 *   bends A B <= N             its bends
 *   back A B                   drawn as a loop back (dashed)
 *   dots B >= N                junction dots on the edges into B
 *   crossings|shared|labels|through <= N   the chart's metrics
 *   titles <= N                phase title lines outside their band
 * Usage: layout_cases_test FILE... (exit 1 on any failure). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "ctx.h"
#include "layout.h"
#include "layout_metrics.h"
#include "parse.h"
#include "resolve.h"

static int failures;

static void fail(const char *file, const char *line, const char *why) {
  failures++;
  fprintf(stderr, "FAIL %s: %s: %s\n", file, line, why);
}

static int node(const Scene *s, const char *id) {
  for (int v = 0; v < s->nnodes; v++)
    if (!strcmp(s->nodes[v].node->id, id)) return v;
  return -1;
}

static const SceneEdge *edge(const Scene *s, int a, int b) {
  for (int i = 0; i < s->nedges; i++)
    if (s->edges[i].from == a && s->edges[i].to == b) return &s->edges[i];
  return NULL;
}

static double cx(const Scene *s, int v) { return s->nodes[v].box.x + s->nodes[v].box.w / 2; }
static double cy(const Scene *s, int v) { return s->nodes[v].box.y + s->nodes[v].box.h / 2; }

/* Where a line meets node v at point p: its top, bottom or a side. */
static const char *port(const Scene *s, int v, Pt p) {
  Rect b = s->nodes[v].box;
  if (fabs(p.y - b.y) < 0.01) return "top";
  if (fabs(p.y - b.y - b.h) < 0.01) return "bottom";
  return "side";
}

/* Lines of phase titles not inside their phase's band (phases with steps). */
static int titles_outside(const Scene *s) {
  int n = 0;
  for (int ph = 0; ph < s->nphases; ph++) {
    const ScenePhase *sp = &s->phases[ph];
    int used = 0;
    for (int v = 0; v < s->nnodes; v++) used |= s->nodes[v].node->phase == ph;
    for (int k = 0; used && k < sp->ntitle; k++) {
      const TextRun *t = &sp->title[k]; /* y is the baseline */
      n += t->y - 0.8 * t->size < sp->box.y || t->y + 0.2 * t->size > sp->box.y + sp->box.h;
    }
  }
  return n;
}

static int metric(const Scene *s, const char *name, double *out) {
  LayoutMetrics m;
  if (!strcmp(name, "titles")) {
    *out = titles_outside(s);
    return 1;
  }
  metrics_scene(s, &m);
  if (!strcmp(name, "crossings")) *out = m.crossings;
  else if (!strcmp(name, "shared")) *out = m.shared;
  else if (!strcmp(name, "labels")) *out = m.label_collisions;
  else if (!strcmp(name, "through")) *out = m.through_nodes;
  else return 0;
  return 1;
}

/* One expectation; returns NULL when it holds, else why not. */
static const char *expect(const Scene *s, const char *line) {
  char w[4][64], op[8];
  double n;
  int k = sscanf(line, "%63s %63s %63s %63s", w[0], w[1], w[2], w[3]);
  if (k >= 3 && metric(s, w[0], &n)) {
    double lim = atof(w[2]);
    return !strcmp(w[1], "<=") && n <= lim ? NULL : "metric above its limit";
  }
  if (k < 3) return "cannot read the expectation";
  int a = node(s, w[1]), b = k >= 3 ? node(s, w[2]) : -1;
  if (a < 0) return "no such node";
  if (!strcmp(w[0], "dots") && sscanf(line, "dots %*s %7s %lf", op, &n) == 2) {
    int dots = 0;
    for (int i = 0; i < s->nedges; i++)
      if (s->edges[i].to == a) dots += s->edges[i].ndots;
    return dots >= n ? NULL : "too few junction dots";
  }
  if (!strcmp(w[0], "row") || !strcmp(w[0], "x")) {
    if (k < 4 || (b = node(s, w[3])) < 0) return "no such node";
    double p = !strcmp(w[0], "row") ? cy(s, a) : cx(s, a), q = !strcmp(w[0], "row") ? cy(s, b) : cx(s, b);
    if (!strcmp(w[2], "=")) return fabs(p - q) < 0.5 ? NULL : "not level";
    return p < q - 0.5 ? NULL : "not above";
  }
  if (b < 0) return "no such node";
  if (!strcmp(w[0], "left")) return cx(s, a) < cx(s, b) ? NULL : "not left of it";
  const SceneEdge *e = edge(s, a, b);
  if (!e || e->npts < 2) return "no such edge";
  if (!strcmp(w[0], "back")) return e->back ? NULL : "not drawn as a loop back";
  if (!strcmp(w[0], "leave")) return !strcmp(port(s, a, e->pts[0]), w[3]) ? NULL : "leaves elsewhere";
  if (!strcmp(w[0], "enter")) return !strcmp(port(s, b, e->pts[e->npts - 1]), w[3]) ? NULL : "enters elsewhere";
  if (!strcmp(w[0], "bends") && sscanf(line, "bends %*s %*s %7s %lf", op, &n) == 2)
    return e->npts - 2 <= n ? NULL : "too many bends";
  return "unknown expectation";
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  *len = buf ? fread(buf, 1, (size_t)n, f) : 0;
  if (buf) buf[*len] = 0;
  fclose(f);
  return buf;
}

static void run_case(const char *path, Font *f) {
  size_t len;
  char *src = slurp(path, &len);
  if (!src) { fail(path, "", "cannot read"); return; }
  Ctx c;
  ctx_init(&c);
  load_source(&c, path, src, len);
  resolve(&c);
  check(&c);
  const char *err = NULL;
  Scene *s = c.nerrors || c.prog->nprocs != 1 ? NULL : layout(&c, c.prog->procs[0], f, &err);
  if (!s) fail(path, "", err ? err : "not one valid process");
  int n = 0;
  for (char *line = strstr(src, "# expect: "); s && line; line = strstr(line + 1, "# expect: ")) {
    char buf[256];
    size_t k = strcspn(line + 10, "\n");
    snprintf(buf, sizeof buf, "%.*s", (int)(k < 255 ? k : 255), line + 10);
    const char *why = expect(s, buf);
    if (why) fail(path, buf, why);
    n++;
  }
  if (s && !n) fail(path, "", "no expectations");
  ctx_free(&c);
  free(src);
}

int main(int argc, char **argv) {
  const char *err = NULL;
  Font *f = font_open(NULL, &err);
  if (!f) {
    fprintf(stderr, "layout_cases_test: %s\n", err);
    return 2;
  }
  for (int i = 1; i < argc; i++) run_case(argv[i], f);
  font_close(f);
  printf("layout_cases_test: %d files, %d failures\n", argc - 1, failures);
  return failures ? 1 : 0;
}
