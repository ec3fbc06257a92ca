/* fuzz_render.c — libFuzzer target: inputs that compile without errors
 * are laid out (processes of at most 60 nodes) and written as SVG and
 * scene JSON, each process, and as BPMN, all of them in one file. */
#include "fuzz_common.h"
#include "layout.h"
#include "render.h"

#define FUZZ_MAX_NODES 60

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static Font *font;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  const char *err = NULL;
  if (!(font = font_open(NULL, &err))) {
    fprintf(stderr, "fuzz_render: %s\n", err);
    exit(1);
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  Ctx c;
  ctx_init(&c);
  fuzz_compile(&c, data, size);
  Scene **scenes = xmalloc(sizeof *scenes * (size_t)(c.prog->nprocs + 1));
  int n = 0;
  for (int i = 0; !c.nerrors && i < c.prog->nprocs; i++) {
    const Process *p = c.prog->procs[i];
    if (p->nnodes > FUZZ_MAX_NODES) continue;
    const char *err = NULL;
    Scene *s = layout(&c, p, font, &err);
    if (!s) continue;
    scenes[n++] = s;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m) abort();
    svg_write(&c, s, font, i == 0 ? SVG_EMBED_FONT : 0, m, &err);
    scene_json_write(&c, s, m, &err);
    fclose(m);
    free(buf);
  }
  if (n) {
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m) abort();
    const char *err = NULL;
    bpmn_write(&c, scenes, n, m, &err);
    fclose(m);
    free(buf);
  }
  free(scenes);
  ctx_free(&c);
  return 0;
}
