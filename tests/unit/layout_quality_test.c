/* layout_quality_test.c — guards the readability of the charts of the
 * given files (compiler/layout_metrics.h): totals over every process of
 * edge crossings, pt of unrelated edges on one line, colliding labels,
 * (edge, node) pairs where a line runs through a node and small jogs in
 * lines, each against a ceiling. The goal is 0 for all but crossings; the ceilings in
 * layout_quality_test.args are today's values, to be lowered as the
 * layout improves (the test says when a ceiling could be lowered).
 * Usage: layout_quality_test [--max-crossings N] [--max-shared PT]
 *        [--max-labels N] [--max-through N] [--max-jogs N] FILE...
 * A ceiling not given is 0 (crossings: no ceiling). Exit 1 when a total
 * is above its ceiling, 2 on bad input. First checks the metrics
 * themselves on small hand-made drawings. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "ctx.h"
#include "layout.h"
#include "layout_metrics.h"

enum { Q_CROSS, Q_SHARED, Q_LABELS, Q_THROUGH, Q_JOGS, Q__COUNT };
static const char *const q_opt[Q__COUNT] = {"--max-crossings", "--max-shared", "--max-labels",
                                            "--max-through", "--max-jogs"};
static const char *const q_name[Q__COUNT] = {"crossings", "pt of shared lines", "label collisions",
                                             "lines through nodes", "jogs"};

static double value(const LayoutMetrics *m, int q) {
  switch (q) {
  case Q_CROSS: return m->crossings;
  case Q_SHARED: return round(m->shared);
  case Q_LABELS: return m->label_collisions;
  case Q_THROUGH: return m->through_nodes;
  default: return m->jogs;
  }
}

/* ---- the metrics on hand-made drawings ---- */

static int selfbad;

/* Measures edges a and b (node 0 -> 1 and 2 -> 3, or as given) between
 * four nodes far from the lines, plus an optional label box on a and an
 * optional label beside a node (a bar's). */
static LayoutMetrics two_beside(const Pt *a, int na, const Pt *b, int nb, int bfrom, int bto,
                                const Rect *label, const Rect *beside) {
  static const Rect nodes[5] = {{-100, -100, 10, 10}, {-100, 300, 10, 10}, {300, -100, 10, 10},
                                {300, 300, 10, 10}, {20, 70, 20, 20}};
  MetricEdge e[2] = {{0, 1, a, na, label, NULL, 0}, {bfrom, bto, b, nb, NULL, NULL, 0}};
  MetricDrawing d = {400, 400, nodes, 5, e, 2, NULL, 0, beside, beside ? 1 : 0};
  LayoutMetrics m;
  metrics_drawing(&d, &m);
  return m;
}

static LayoutMetrics two(const Pt *a, int na, const Pt *b, int nb, int bfrom, int bto, const Rect *label) {
  return two_beside(a, na, b, nb, bfrom, bto, label, NULL);
}

static void expect(const char *what, double got, double want) {
  if (fabs(got - want) > 0.01) {
    fprintf(stderr, "layout_quality_test: metrics: %s is %g, not %g\n", what, got, want);
    selfbad++;
  }
}

static void selftest(void) {
  Pt v[] = {{50, 0}, {50, 100}}, h[] = {{0, 50}, {100, 50}};
  expect("a plain crossing", two(v, 2, h, 2, 2, 3, NULL).crossings, 1);
  Pt bent[] = {{0, 40}, {50, 40}, {100, 40}}; /* a vertex on the other line */
  expect("a crossing at a vertex", two(v, 2, bent, 3, 2, 3, NULL).crossings, 1);
  Pt back[] = {{0, 40}, {50, 40}, {0, 40.5}}; /* touches and turns back */
  expect("a touch", two(v, 2, back, 3, 2, 3, NULL).crossings, 0);
  Pt twice[] = {{0, 20}, {100, 20}, {100, 60}, {0, 60}};
  expect("two crossings", two(v, 2, twice, 4, 2, 3, NULL).crossings, 2);
  Pt merge[] = {{0, 50}, {50, 50}, {50, 100}}; /* joins the line to the same end */
  LayoutMetrics m = two(v, 2, merge, 3, 2, 1, NULL);
  expect("a merge: crossings", m.crossings, 0);
  expect("a merge: shared", m.shared, 0);
  Pt on[] = {{51, 20}, {51, 60}}, near[] = {{54, 20}, {54, 60}};
  expect("shared", two(v, 2, on, 2, 2, 3, NULL).shared, 40);
  expect("shared with a common source", two(v, 2, on, 2, 0, 3, NULL).shared, 0);
  m = two(v, 2, near, 2, 2, 3, NULL);
  expect("near", m.near, 40);
  expect("near: shared", m.shared, 0);
  Pt through[] = {{30, 0}, {30, 100}}, far[] = {{200, 0}, {200, 10}};
  expect("a line through a node", two(through, 2, far, 2, 2, 3, NULL).through_nodes, 1);
  expect("a line by a node", two(v, 2, far, 2, 2, 3, NULL).through_nodes, 0);
  Rect on_node = {35, 60, 20, 12}, on_line = {190, 2, 20, 12}, clear = {60, 10, 20, 12};
  expect("a label on a node", two(v, 2, far, 2, 2, 3, &on_node).label_collisions, 1);
  expect("a label on a line", two(v, 2, far, 2, 2, 3, &on_line).label_collisions, 1);
  expect("a free label", two(v, 2, far, 2, 2, 3, &clear).label_collisions, 0);
  expect("a bar's label on a line", two_beside(v, 2, far, 2, 2, 3, NULL, &on_line).label_collisions, 1);
  expect("a bar's label on a label", two_beside(v, 2, far, 2, 2, 3, &clear, &clear).label_collisions, 2);
  expect("a free bar's label", two_beside(v, 2, far, 2, 2, 3, NULL, &clear).label_collisions, 0);
  Pt steps[] = {{0, 0}, {0, 10}, {0, 20}, {10, 20}, {10, 30}};
  expect("bends", two(steps, 5, far, 2, 2, 3, NULL).bends, 2);
  Pt jog[] = {{0, 0}, {0, 10}, {5, 10}, {5, 30}}, turn[] = {{0, 0}, {0, 10}, {5, 10}, {5, 0}};
  expect("a jog", two(jog, 4, far, 2, 2, 3, NULL).jogs, 1);
  expect("a short turn back", two(turn, 4, far, 2, 2, 3, NULL).jogs, 0);
  expect("a step of 10 pt", two(steps, 5, far, 2, 2, 3, NULL).jogs, 1);
}

/* Reads the options; returns the index of the first file, or -1. */
static int options(int argc, char **argv, double *max) {
  for (int q = 0; q < Q__COUNT; q++) max[q] = q == Q_CROSS ? -1 : 0;
  int i = 1;
  for (; i < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
    int q = 0;
    while (q < Q__COUNT && strcmp(argv[i], q_opt[q]) != 0) q++;
    char *end;
    if (q == Q__COUNT || i + 1 >= argc || (max[q] = strtod(argv[i + 1], &end), *end) || max[q] < 0) {
      fprintf(stderr, "layout_quality_test: bad option %s\n", argv[i]);
      return -1;
    }
  }
  return i < argc ? i : -1;
}

int main(int argc, char **argv) {
  double max[Q__COUNT];
  int first = options(argc, argv, max);
  if (first < 0) {
    fputs("usage: layout_quality_test [--max-crossings N] [--max-shared PT] [--max-labels N] "
          "[--max-through N] [--max-jogs N] FILE...\n", stderr);
    return 2;
  }
  selftest();
  Ctx c;
  ctx_init(&c);
  const char *err = NULL;
  Font *f = NULL;
  if (cli_compile(&c, argv + first, argc - first) != 0 || c.nerrors || !(f = font_open(NULL, &err))) {
    fprintf(stderr, "layout_quality_test: %s\n", err ? err : "the input has errors");
    ctx_free(&c);
    return 2;
  }
  LayoutMetrics total = {0}, each[Q__COUNT] = {{0}};
  const char *worst[Q__COUNT] = {0};
  int n = 0, bad = 0;
  for (int i = 0; i < c.prog->nprocs; i++) {
    const Process *p = c.prog->procs[i];
    Scene *s = layout(&c, p, f, &err);
    if (!s) { fprintf(stderr, "layout_quality_test: %s\n", err); bad++; continue; }
    LayoutMetrics m;
    metrics_scene(s, &m);
    metrics_add(&total, &m);
    for (int q = 0; q < Q__COUNT; q++)
      if (value(&m, q) > value(&each[q], q)) each[q] = m, worst[q] = p->id;
    n++;
  }
  for (int q = 0; q < Q__COUNT; q++) {
    double v = value(&total, q);
    if (max[q] >= 0 && v > max[q]) {
      fprintf(stderr, "layout_quality_test: %g %s, more than the ceiling %g (most in %s: %g)\n", v,
              q_name[q], max[q], worst[q], value(&each[q], q));
      bad++;
    } else if (max[q] >= 0 && v < max[q])
      printf("layout_quality_test: %g %s; the ceiling %s %g can be lowered to %g\n", v, q_name[q],
             q_opt[q], max[q], v);
  }
  font_close(f);
  ctx_free(&c);
  printf("layout_quality_test: %d processes, %d crossings, %.0f pt shared, %d label collisions, "
         "%d lines through nodes, %.2f bends per edge, %d jogs\n", n, total.crossings, total.shared,
         total.label_collisions, total.through_nodes, total.edges ? total.bends / total.edges : 0,
         total.jogs);
  return bad || selfbad ? 1 : 0;
}
