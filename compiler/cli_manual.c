/* cli_manual.c — `flowc manual`: the PDF procedure manual of every
 * process read (the files named and their imports). */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"
#include "ir.h"
#include "manual.h"
#include "output.h"
#include "report.h"
#include "text.h"

static const char usage_text[] =
  "usage: flowc manual [-o output/manual.pdf] [--font PATH] [--root DIR] FILE...\n";

static int usage(void) {
  fputs(usage_text, stderr);
  return 2;
}

int cmd_manual(int argc, char **argv) {
  if (cli_help(argc, argv, usage_text)) return 0;
  const char *out = "output/manual.pdf", *font = NULL, *root = NULL;
  char **files = xmalloc(sizeof *files * (size_t)(argc + 1));
  int nfiles = 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-o") || !strcmp(a, "--output") || !strcmp(a, "--font") || !strcmp(a, "--root")) {
      if (i + 1 >= argc) {
        free(files);
        return usage();
      }
      if (!strcmp(a, "--font")) font = argv[++i];
      else if (!strcmp(a, "--root")) root = argv[++i];
      else out = argv[++i];
    } else if (!strcmp(a, "--")) {
      while (++i < argc) files[nfiles++] = argv[i];
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "flowc manual: unknown option '%s'\n", a);
      free(files);
      return usage();
    } else {
      files[nfiles++] = argv[i];
    }
  }
  if (!nfiles) {
    free(files);
    return usage();
  }
  int times = getenv("FLOWC_TIMES") != NULL;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  Ctx c;
  ctx_init(&c);
  c.root = root;
  int status = cli_compile(&c, files, nfiles);
  report(&c, FMT_TEXT, stderr);
  if (!status && c.nerrors) status = 1; /* errors: write nothing */
  if (!status && !c.prog->nprocs) {
    fprintf(stderr, "flowc manual: the files hold no process\n");
    status = 1;
  }
  Font *f = NULL;
  const char *err = NULL;
  if (!status && !(f = font_open(font, &err))) {
    fprintf(stderr, "flowc manual: %s\n", err);
    status = 2;
  }
  char buf[512];
  if (!status) {
    char *dir = arena_strdup(&c.arena, out);
    dir = dirname(dir);
    if (strcmp(dir, ".") && out_mkdir(dir, buf, sizeof buf) != 0) {
      fprintf(stderr, "flowc manual: %s\n", buf);
      status = 2;
    }
  }
  OutFile o;
  if (!status && out_open(&o, out, buf, sizeof buf) != 0) {
    fprintf(stderr, "flowc manual: %s\n", buf);
    status = 2;
  }
  if (!status) {
    /* libharu writes the temporary file by its name; the stream stays empty */
    if (manual_write(&c, f, o.tmp, &err) != 0) {
      out_abort(&o);
      fprintf(stderr, "flowc manual: %s\n", err);
      status = 2;
    } else if (out_commit(&o, buf, sizeof buf) != 0) {
      fprintf(stderr, "flowc manual: %s\n", buf);
      status = 2;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  if (times && !status)
    fprintf(stderr, "flowc manual: %d processes, %.3f s, arena %zu MiB\n", c.prog->nprocs,
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
            c.arena.total >> 20);
  if (f) font_close(f);
  free(files);
  ctx_free(&c);
  return status;
}
