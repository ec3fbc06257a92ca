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
  "usage: flowc manual [-p PROCESS] [-o OUT] [--changes-since DIR] [--font PATH] [--root DIR] FILE...\n"
  "Without -p: the manual of every process, OUT default output/manual.pdf;\n"
  "--changes-since DIR (the previous release's flows) adds a page 本版变更.\n"
  "With -p (an ID or a code): that process's own controlled document,\n"
  "OUT default output/PROCESS-manual.pdf.\n";

static int usage(void) {
  fputs(usage_text, stderr);
  return 2;
}

int cli_write_pdf(Ctx *c, Font *f, int kind, int proc, const ManualChanges *ch, const char *out,
                  const char *cmd) {
  char buf[512];
  const char *err = NULL;
  char *dir = dirname(arena_strdup(&c->arena, out));
  if (strcmp(dir, ".") && out_mkdir(dir, buf, sizeof buf) != 0) {
    fprintf(stderr, "flowc %s: %s\n", cmd, buf);
    return 2;
  }
  OutFile o;
  if (out_open(&o, out, buf, sizeof buf) != 0) {
    fprintf(stderr, "flowc %s: %s\n", cmd, buf);
    return 2;
  }
  /* libharu writes the temporary file by its name; the stream stays empty */
  if (manual_write(c, f, (ManualKind)kind, proc, ch, o.tmp, &err) != 0) {
    out_abort(&o);
    fprintf(stderr, "flowc %s: %s\n", cmd, err);
    return 2;
  }
  if (out_commit(&o, buf, sizeof buf) != 0) {
    fprintf(stderr, "flowc %s: %s\n", cmd, buf);
    return 2;
  }
  return 0;
}

typedef struct Opts {
  const char *out, *font, *root, *proc, *since;
} Opts;

/* Where the value of an option goes, or NULL. */
static const char **opt(Opts *o, const char *a) {
  if (!strcmp(a, "-o") || !strcmp(a, "--output")) return &o->out;
  if (!strcmp(a, "-p") || !strcmp(a, "--process")) return &o->proc;
  if (!strcmp(a, "--font")) return &o->font;
  if (!strcmp(a, "--root")) return &o->root;
  if (!strcmp(a, "--changes-since")) return &o->since;
  return NULL;
}

static int parse_opts(int argc, char **argv, Opts *o, char **files, int *nfiles) {
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (opt(o, a)) {
      if (i + 1 >= argc) return -1;
      *opt(o, a) = argv[++i];
    } else if (!strcmp(a, "--")) {
      while (++i < argc) files[(*nfiles)++] = argv[i];
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "flowc manual: unknown option '%s'\n", a);
      return -1;
    } else {
      files[(*nfiles)++] = argv[i];
    }
  }
  return 0;
}

/* The previous release's flows (dir: a directory or a file, as any
 * argument), compiled into *old and compared with c into *df; 0, else
 * the exit status after saying why. */
static int changes_since(Ctx *c, Ctx *old, char *dir, const char *root, Diff **df) {
  old->root = root;
  int status = cli_compile(old, &dir, 1);
  if (!status && old->nerrors) {
    report(old, FMT_TEXT, stderr);
    fprintf(stderr, "flowc manual: --changes-since %s: the previous release's flows have errors\n", dir);
    status = 1;
  }
  if (!status) *df = diff_compare(old, c);
  return status;
}

int cmd_manual(int argc, char **argv) {
  if (cli_help(argc, argv, usage_text)) return 0;
  Opts o = {0};
  char **files = xmalloc(sizeof *files * (size_t)(argc + 1));
  int nfiles = 0;
  if (parse_opts(argc, argv, &o, files, &nfiles) != 0 || !nfiles) {
    free(files);
    return usage();
  }
  int times = getenv("FLOWC_TIMES") != NULL;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  Ctx c;
  ctx_init(&c);
  c.root = o.root;
  int status = cli_compile(&c, files, nfiles);
  report(&c, FMT_TEXT, stderr);
  if (!status && c.nerrors) status = 1; /* errors: write nothing */
  if (!status && !c.prog->nprocs) {
    fprintf(stderr, "flowc manual: the files hold no process\n");
    status = 1;
  }
  ManualKind kind = o.proc ? MANUAL_PROCESS : MANUAL_ALL;
  int proc = -1;
  if (!status && o.proc && (proc = cli_find_process(&c, "manual", o.proc)) < 0) status = 2;
  if (o.since && o.proc && !status) {
    fprintf(stderr, "flowc manual: --changes-since is for the manual of every process, not with -p\n");
    status = 2;
  }
  Ctx old;
  ctx_init(&old);
  Diff *df = NULL;
  if (!status && o.since) status = changes_since(&c, &old, (char *)o.since, o.root, &df);
  ManualChanges ch = {df, o.since};
  const char *why;
  if (!status && (why = manual_uncontrolled(c.prog, kind, proc)))
    fprintf(stderr, "flowc manual: warning: %s, so the %s is marked uncontrolled (非受控)\n", why,
            o.proc ? "document" : "manual");
  Font *f = NULL;
  const char *err = NULL;
  if (!status && !(f = font_open(o.font, &err))) {
    fprintf(stderr, "flowc manual: %s\n", err);
    status = 2;
  }
  const char *out = o.out ? o.out
                    : o.proc && proc >= 0 ? arena_printf(&c.arena, "output/%s-manual.pdf", c.prog->procs[proc]->id)
                    : "output/manual.pdf";
  if (!status) status = cli_write_pdf(&c, f, kind, proc, df ? &ch : NULL, out, "manual");
  clock_gettime(CLOCK_MONOTONIC, &t1);
  if (times && !status)
    fprintf(stderr, "flowc manual: %d processes, %.3f s, arena %zu MiB\n", c.prog->nprocs,
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
            c.arena.total >> 20);
  if (f) font_close(f);
  free(files);
  diff_free(df);
  ctx_free(&old);
  ctx_free(&c);
  return status;
}
