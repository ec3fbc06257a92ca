/* cli_check.c — `flowc check`: compile and report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "check.h"
#include "ir.h"
#include "names.h"
#include "cli.h"
#include "parse.h"
#include "report.h"
#include "resolve.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cli_help(int argc, char **argv, const char *usage) {
  for (int i = 0; i < argc && strcmp(argv[i], "--"); i++)
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      fputs(usage, stdout);
      return 1;
    }
  return 0;
}

/* A file with syntax errors is incomplete: checking it would only report
 * consequences of those errors. */
static int syntax_errors(const Ctx *c) {
  for (int i = 0; i < c->ndiags; i++)
    if (c->diags[i]->sev == SEV_ERROR && !strcmp(c->diags[i]->rule, "syntax")) return 1;
  return 0;
}

void cli_analyse(Ctx *c) {
  if (syntax_errors(c)) return;
  resolve(c);
  check(c);
}

int cli_find_process(Ctx *c, const char *cmd, const char *name) {
  const Program *g = c->prog;
  for (int i = 0; i < g->nprocs; i++)
    if (!strcmp(g->procs[i]->id, name)) return i;
  for (int i = 0; i < g->nprocs; i++)
    if (g->procs[i]->meta.field[MK_CODE].s && !strcmp(g->procs[i]->meta.field[MK_CODE].s, name)) return i;
  const char **cands = arena_alloc(&c->arena, (size_t)(2 * g->nprocs + 1) * sizeof *cands);
  int n = 0;
  for (int i = 0; i < g->nprocs; i++) {
    cands[n++] = g->procs[i]->id;
    if (g->procs[i]->meta.field[MK_CODE].s) cands[n++] = g->procs[i]->meta.field[MK_CODE].s;
  }
  fprintf(stderr, "flowc %s: there is no process %s%s\n", cmd, ctx_quote(c, name),
          names_hint(c, name, cands, n));
  return -1;
}

int cli_compile(Ctx *c, char *const *files, int nfiles) {
  return cli_compile_as(c, files, NULL, nfiles);
}

int cli_compile_as(Ctx *c, char *const *files, char *const *shown, int nfiles) {
  struct stat st;
  if (c->root && (stat(c->root, &st) != 0 || !S_ISDIR(st.st_mode))) {
    fprintf(stderr, "flowc: error: --root '%s' is not a directory\n", c->root);
    return 2;
  }
  int times = getenv("FLOWC_TIMES") != NULL; /* phase times, for benchmarks */
  double t0 = now();
  int bad = load_program_as(c, files, shown, nfiles);
  double t1 = now();
  size_t parsed = c->arena.total;
  double t2 = t1, t3 = t1;
  if (!syntax_errors(c)) {
    resolve(c);
    t2 = now();
    check(c);
    t3 = now();
  }
  if (times)
    fprintf(stderr, "flowc: parse %.3f s, resolve %.3f s, check %.3f s, arena %zu MiB (%zu after parse)\n",
            t1 - t0, t2 - t1, t3 - t2, c->arena.total >> 20, parsed >> 20);
  return bad ? 2 : 0;
}

static const char usage_text[] =
  "usage: flowc check [--format text|json|sarif] [--werror] [--root DIR] FILE...\n";

static int usage(void) {
  fputs(usage_text, stderr);
  return 2;
}

int cmd_check(int argc, char **argv) {
  ReportFormat fmt = FMT_TEXT;
  int werror = 0, nfiles = 0;
  const char *root = NULL;
  char **files = argv; /* reuses argv's slots */
  if (cli_help(argc, argv, usage_text)) return 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i], *val = NULL;
    if (!strcmp(a, "--werror")) { werror = 1; continue; }
    if (!strcmp(a, "--root")) {
      if (++i >= argc) return usage();
      root = argv[i];
      continue;
    }
    if (!strncmp(a, "--format=", 9)) val = a + 9;
    else if (!strcmp(a, "--format")) {
      if (++i >= argc) return usage();
      val = argv[i];
    } else if (!strcmp(a, "--")) {
      while (++i < argc) files[nfiles++] = argv[i];
      break;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "flowc check: unknown option '%s'\n", a);
      return usage();
    } else {
      files[nfiles++] = argv[i];
      continue;
    }
    if (!strcmp(val, "text")) fmt = FMT_TEXT;
    else if (!strcmp(val, "json")) fmt = FMT_JSON;
    else if (!strcmp(val, "sarif")) fmt = FMT_SARIF;
    else {
      fprintf(stderr, "flowc check: unknown format '%s' (text, json or sarif)\n", val);
      return 2;
    }
  }
  if (!nfiles) return usage();
  Ctx c;
  ctx_init(&c);
  c.werror = werror;
  c.root = root;
  int status = cli_compile(&c, files, nfiles);
  report(&c, fmt, fmt == FMT_TEXT ? stderr : stdout);
  if (!status && c.nerrors) status = 1;
  ctx_free(&c);
  return status;
}
