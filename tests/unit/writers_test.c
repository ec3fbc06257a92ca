/* writers_test.c — the SVG, PNG and JSON writers on a hand-built scene:
 * two lanes, two phases, one node of each shape, labelled, repeated and
 * back edges, hostile text. Writes DIR/writers.{svg,png,json} (DIR is
 * argv[1], default /tmp) and checks what the writers must guarantee;
 * xmllint, jq and the eye check the rest (see wip/writers/check.sh). */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "render.h"

#define W 460.0
#define H 640.0
#define LANE_W 200.0
#define STRIP 60.0   /* phase strip at the left */
#define HEAD 30.0    /* lane header band */
#define SIZE 12.0    /* font size */

static Ctx ctx;
static Font *font;
static int failures;

static void expect(int ok, const char *what) {
  if (!ok) { fprintf(stderr, "writers_test: FAIL: %s\n", what); failures++; }
}

/* Lines of s wrapped to maxw, centred on (cx, cy). */
static TextRun *runs(const char *s, double cx, double cy, double maxw, int *n) {
  const char **lines;
  double *widths;
  *n = font_wrap(&ctx, font, s, SIZE, maxw, &lines, &widths);
  TextRun *r = arena_alloc(&ctx.arena, sizeof *r * (size_t)*n);
  double lh = font_line_height(font, SIZE), a = font_ascent(font, SIZE);
  double block = (*n - 1) * lh + a + font_descent(font, SIZE);
  for (int i = 0; i < *n; i++)
    r[i] = (TextRun){lines[i], cx - widths[i] / 2, cy - block / 2 + a + i * lh, widths[i], SIZE};
  return r;
}

static Rect centred(double cx, double cy, double w, double h) {
  return (Rect){cx - w / 2, cy - h / 2, w, h};
}

static double lane_cx(int lane) { return STRIP + LANE_W * lane + LANE_W / 2; }

static Process proc;
static Lane lanes[2] = {{.id = "head", .name = "部门负责人", .group = -1}, {.id = "office", .name = "办公室 & <IT>", .group = -1}};
static Phase phases[2] = {{.name = "需求确认"}, {.name = "招聘实施"}};
static Scene scene;

static void add_node(const char *id, NodeKind kind, ShapeKind shape, int lane, int phase,
                     double cy, double w, double h, const char *label, const char *link) {
  Node *n = arena_alloc(&ctx.arena, sizeof *n);
  *n = (Node){.id = id, .label = label, .kind = kind, .lane = lane, .phase = phase,
              .index = scene.nnodes, .callee = -1};
  proc.nodes[proc.nnodes++] = n;
  SceneNode *sn = &scene.nodes[scene.nnodes++];
  double cx = lane_cx(lane);
  *sn = (SceneNode){.node = n, .shape = shape, .box = centred(cx, cy, w, h), .link = link};
  if (shape != SH_BAR) sn->lines = runs(label, cx, cy, w - 24, &sn->nlines);
}

/* An edge through the given points; the arrowhead ends at the last one. */
static SceneEdge *add_edge(int from, int to, const char *label, int back, int npts, ...) {
  Edge *e = arena_alloc(&ctx.arena, sizeof *e);
  *e = (Edge){.from_id = proc.nodes[from]->id, .to_id = proc.nodes[to]->id,
              .from = from, .to = to, .label = label};
  proc.edges[proc.nedges++] = e;
  SceneEdge *se = &scene.edges[scene.nedges++];
  *se = (SceneEdge){.edge = e, .from = from, .to = to, .seq = 1, .back = back, .npts = npts};
  for (int i = 0; i < scene.nedges - 1; i++)
    if (scene.edges[i].from == from && scene.edges[i].to == to) se->seq++;
  se->pts = arena_alloc(&ctx.arena, sizeof *se->pts * (size_t)npts);
  va_list ap;
  va_start(ap, npts);
  for (int i = 0; i < npts; i++) {
    se->pts[i].x = va_arg(ap, double);
    se->pts[i].y = va_arg(ap, double);
  }
  va_end(ap);
  Pt a = se->pts[npts - 2], b = se->pts[npts - 1];
  double len = hypot(b.x - a.x, b.y - a.y), ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
  se->head[0] = b;
  se->head[1] = (Pt){b.x - 9 * ux - 4 * uy, b.y - 9 * uy + 4 * ux};
  se->head[2] = (Pt){b.x - 9 * ux + 4 * uy, b.y - 9 * uy - 4 * ux};
  if (label) {
    /* beside the middle of the longest segment: right of a vertical
     * one, above a horizontal one */
    int k = 0;
    for (int i = 1; i + 1 < npts; i++)
      if (hypot(se->pts[i + 1].x - se->pts[i].x, se->pts[i + 1].y - se->pts[i].y) >
          hypot(se->pts[k + 1].x - se->pts[k].x, se->pts[k + 1].y - se->pts[k].y)) k = i;
    Pt p = se->pts[k], q = se->pts[k + 1];
    int n;
    TextRun *r = runs(label, 0, 0, 100, &n);
    double lw = 0;
    for (int i = 0; i < n; i++) lw = fmax(lw, r[i].width);
    double lh = (n - 1) * font_line_height(font, SIZE) + font_ascent(font, SIZE) +
                font_descent(font, SIZE);
    double mx = (p.x + q.x) / 2, my = (p.y + q.y) / 2;
    if (p.x == q.x) mx += lw / 2 + 4;
    else my -= lh / 2 + 3;
    se->label = runs(label, mx, my, 100, &se->nlabel);
    se->label_box = centred(mx, my, lw + 4, lh + 2);
  }
  return se;
}

static void build(void) {
  proc = (Process){.id = "recruit", .title = "招聘流程 <test> & \"quotes\" 'x'\x01",
                   .lanes = lanes, .nlanes = 2, .phases = phases, .nphases = 2};
  proc.nodes = arena_alloc(&ctx.arena, sizeof *proc.nodes * 16);
  proc.edges = arena_alloc(&ctx.arena, sizeof *proc.edges * 16);
  scene = (Scene){.proc = &proc, .width = W, .height = H, .stroke = 1};
  scene.nodes = arena_alloc(&ctx.arena, sizeof *scene.nodes * 16);
  scene.edges = arena_alloc(&ctx.arena, sizeof *scene.edges * 16);

  scene.nlanes = 2;
  scene.lanes = arena_alloc(&ctx.arena, sizeof *scene.lanes * 2);
  for (int i = 0; i < 2; i++) {
    SceneLane *l = &scene.lanes[i];
    l->lane = &lanes[i];
    l->box = (Rect){STRIP + LANE_W * i, 0, LANE_W, H};
    l->header = (Rect){STRIP + LANE_W * i, 0, LANE_W, HEAD};
    l->title = runs(lanes[i].name, lane_cx(i), HEAD / 2, LANE_W - 10, &l->ntitle);
  }
  scene.nphases = 2;
  scene.phases = arena_alloc(&ctx.arena, sizeof *scene.phases * 2);
  double py[3] = {HEAD, 330, H};
  for (int i = 0; i < 2; i++) {
    ScenePhase *p = &scene.phases[i];
    p->phase = &phases[i];
    p->box = (Rect){0, py[i], W, py[i + 1] - py[i]};
    p->header = (Rect){0, py[i], STRIP, py[i + 1] - py[i]};
    p->title = runs(phases[i].name, STRIP / 2, (py[i] + py[i + 1]) / 2, 14, &p->ntitle);
  }

  /* lane 0 ("head") and lane 1 ("office"), rows from the top */
  add_node("s", NK_START, SH_TERMINATOR, 0, 0, 70, 90, 32, "开始", NULL);             /* 0 */
  add_node("提出需求", NK_TASK, SH_PROCESS, 0, 0, 140, 140, 44, "提出招聘需求，填写申请表", NULL); /* 1 */
  add_node("need", NK_DECISION, SH_DECISION, 1, 0, 140, 130, 64, "是否需要招聘？", NULL); /* 2 */
  add_node("train", NK_CALL, SH_PREDEFINED, 1, 0, 250, 140, 44, "培训流程", "training&x\"y"); /* 3 */
  add_node("n<1>", NK_DOCUMENT, SH_DOCUMENT, 0, 0, 250, 140, 50, "招聘申请表 <script>&]]>\\N", NULL); /* 4 */
  add_node("input", NK_DATA, SH_DATA, 0, 1, 380, 140, 40, "录入人事系统", NULL);     /* 5 */
  add_node("archive", NK_STORE, SH_STORE, 1, 1, 380, 120, 56, "人事档案库", NULL);     /* 6 */
  add_node("sign", NK_MANUAL, SH_MANUAL, 1, 1, 470, 130, 40, "手工签字", NULL);        /* 7 */
  add_node("wait", NK_WAIT, SH_DELAY, 0, 1, 470, 120, 40, "等待审批 3 工作日", NULL);  /* 8 */
  add_node("fork", NK_FORK, SH_BAR, 1, 1, 540, 120, 6, "", NULL);                       /* 9 */
  add_node("e", NK_END, SH_TERMINATOR, 0, 1, 590, 90, 32, "结束", NULL);              /* 10 */

  double a = lane_cx(0), b = lane_cx(1);
  add_edge(0, 1, NULL, 0, 2, a, 86.0, a, 118.0);
  add_edge(1, 2, NULL, 0, 2, a + 70, 140.0, b - 65, 140.0);
  add_edge(2, 3, "是", 0, 2, b, 172.0, b, 228.0);
  add_edge(2, 4, "<script>&]]>\\N\x02", 0, 5, b + 65, 140.0, b + 85, 140.0, b + 85, 205.0,
           a, 205.0, a, 225.0);
  add_edge(4, 5, NULL, 0, 2, a, 274.0, a, 360.0);
  add_edge(3, 6, NULL, 0, 2, b - 10, 272.0, b - 10, 352.0);
  SceneEdge *again = add_edge(3, 6, "again", 0, 2, b + 10, 272.0, b + 10, 352.0); /* seq 2 */
  again->dots = arena_alloc(&ctx.arena, sizeof *again->dots);
  again->dots[again->ndots++] = (Pt){b + 10, 300.0}; /* a junction, drawn by every writer */
  add_edge(6, 7, NULL, 0, 2, b, 408.0, b, 450.0);
  add_edge(5, 8, NULL, 0, 2, a, 400.0, a, 450.0);
  add_edge(8, 1, "重做", 1, 4, a - 60, 470.0, STRIP + 12, 470.0, STRIP + 12, 150.0, a - 70, 150.0);
  add_edge(7, 9, NULL, 0, 2, b, 490.0, b, 537.0);
  add_edge(9, 10, NULL, 0, 3, b, 543.0, b, 590.0, a + 45, 590.0);
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  static char buf[1 << 21];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  return buf;
}

static void write(const char *dir, const char *ext, int which) {
  char path[512];
  snprintf(path, sizeof path, "%s/writers%s", dir, ext);
  FILE *out = fopen(path, "wb");
  if (!out) { perror(path); exit(2); }
  const char *err = NULL;
  int r = which == 0 ? svg_write(&ctx, &scene, font, SVG_EMBED_FONT, out, &err)
        : which == 1 ? svg_write(&ctx, &scene, font, 0, out, &err)
        : which == 2 ? png_write(&ctx, &scene, font, 2, out, &err)
                     : scene_json_write(&ctx, &scene, out, &err);
  fclose(out);
  if (r) { fprintf(stderr, "writers_test: %s: %s\n", path, err); failures++; }
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "/tmp";
  const char *err;
  ctx_init(&ctx);
  if (!(font = font_open(NULL, &err))) { fprintf(stderr, "writers_test: %s\n", err); return 2; }
  build();
  write(dir, ".svg", 0);
  write(dir, "-noembed.svg", 1);
  write(dir, ".png", 2);
  write(dir, ".json", 3);

  char path[512];
  snprintf(path, sizeof path, "%s/writers.svg", dir);
  const char *svg = slurp(path);
  expect(svg && strstr(svg, "<title>招聘流程 &lt;test&gt; &amp; &quot;quotes&quot; &apos;x&apos;</title>"), "title escaped, control dropped");
  expect(svg && strstr(svg, ">&lt;script&gt;&amp;]]&gt;\\N</text>"), "hostile label literal");
  expect(svg && !strstr(svg, "<script"), "no <script element");
  expect(svg && strstr(svg, "id=\"node-n.3C1.3E\""), "unsafe node ID escaped");
  expect(svg && strstr(svg, "id=\"node-提出需求\""), "Chinese node ID kept");
  expect(svg && strstr(svg, "id=\"edge-train-archive-2\""), "repeated edge numbered");
  expect(svg && strstr(svg, "<a href=\"training%26x%22y.svg\""), "call link encoded");
  expect(svg && strstr(svg, "src:url(data:font/ttf;base64,"), "font embedded");
  expect(svg && strstr(svg, "<g class=\"lane\" id=\"lane-office\">"), "lane group");
  expect(svg && strstr(svg, "<g class=\"node decision\" id=\"node-need\">"), "node group");
  expect(svg && strstr(svg, "<circle class=\"junction\" cx=\"370.00\" cy=\"300.00\""), "junction dot");
  snprintf(path, sizeof path, "%s/writers-noembed.svg", dir);
  svg = slurp(path);
  expect(svg && !strstr(svg, "@font-face") && strstr(svg, "font-family:\"WenQuanYi Micro Hei\""), "no embedding");
  snprintf(path, sizeof path, "%s/writers.json", dir);
  const char *json = slurp(path);
  expect(json && strstr(json, "\"label\": \"<script>&]]>\\\\N\\u0002\""), "JSON label escaped");
  expect(json && strstr(json, "\"lane\": null") == NULL, "every node has a lane");
  expect(json && strstr(json, "\"width\": 460.00"), "JSON width");
  expect(json && strstr(json, "\"junctions\": [[370.00, 300.00]]"), "JSON junction");

  font_close(font);
  ctx_free(&ctx);
  if (failures) return 1;
  printf("writers_test: ok (%s/writers.svg .png .json)\n", dir);
  return 0;
}
