/* fuzz_manual.c — libFuzzer target: small inputs that compile without
 * errors are written to a temporary file as a PDF manual, one process's
 * document (manual -p) or one chart (render -f pdf), chosen by the
 * input's length. */
#include <unistd.h>
#include "fuzz_common.h"
#include "manual.h"

#define FUZZ_MAX_PROCS 4
#define FUZZ_MAX_NODES 30

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static Font *font;
static char path[64];

static void cleanup(void) { unlink(path); }

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  const char *err = NULL;
  if (!(font = font_open(NULL, &err))) {
    fprintf(stderr, "fuzz_manual: %s\n", err);
    exit(1);
  }
  snprintf(path, sizeof path, "/tmp/fuzz_manual.%ld.pdf", (long)getpid());
  atexit(cleanup);
  return 0;
}

static int small(const Program *g) {
  if (!g->nprocs || g->nprocs > FUZZ_MAX_PROCS) return 0;
  for (int i = 0; i < g->nprocs; i++)
    if (g->procs[i]->nnodes > FUZZ_MAX_NODES) return 0;
  return 1;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  Ctx c;
  ctx_init(&c);
  fuzz_compile(&c, data, size);
  if (!c.nerrors && small(c.prog)) {
    const char *err = NULL;
    ManualKind kind = (ManualKind)(size % 3);
    manual_write(&c, font, kind, (int)(size / 3 % (size_t)c.prog->nprocs), NULL, path, &err);
  }
  ctx_free(&c);
  return 0;
}
