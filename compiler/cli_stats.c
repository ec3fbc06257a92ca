/* cli_stats.c — `flowc stats`: statistics and time budgets of the
 * processes of the files (or directories) named on the command line. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "report.h"
#include "stats.h"

static const char usage_text[] =
  "usage: flowc stats [--format text|json] [-p PROCESS] [--hours-per-day N]\n"
  "                   [--days-per-week N] [--root DIR] FILE|DIR...\n";

static int usage(void) {
  fputs(usage_text, stderr);
  return 2;
}

/* A whole number in [lo, hi] for option opt, or -1 after saying why. */
static int number(const char *opt, const char *val, int lo, int hi) {
  char *end;
  long v = strtol(val, &end, 10);
  if (*val && !*end && v >= lo && v <= hi) return (int)v;
  fprintf(stderr, "flowc stats: %s wants a whole number from %d to %d\n", opt, lo, hi);
  return -1;
}

typedef struct Opts {
  int json;
  const char *proc, *root;
  Calendar cal;
} Opts;

static int parse_opts(int argc, char **argv, Opts *o, char **args, int *nargs) {
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--")) {
      while (++i < argc) args[(*nargs)++] = argv[i];
      break;
    }
    if (a[0] != '-' || !a[1]) {
      args[(*nargs)++] = argv[i];
      continue;
    }
    if (!val) return -1;
    i++;
    if (!strcmp(a, "--format") || !strcmp(a, "-f")) {
      if (strcmp(val, "text") && strcmp(val, "json")) {
        fprintf(stderr, "flowc stats: unknown format '%s' (text or json)\n", val);
        return -1;
      }
      o->json = !strcmp(val, "json");
    } else if (!strcmp(a, "-p") || !strcmp(a, "--process")) {
      o->proc = val;
    } else if (!strcmp(a, "--root")) {
      o->root = val;
    } else if (!strcmp(a, "--hours-per-day")) {
      if ((o->cal.hours_per_day = number(a, val, 1, 24)) < 0) return -1;
    } else if (!strcmp(a, "--days-per-week")) {
      if ((o->cal.days_per_week = number(a, val, 1, 7)) < 0) return -1;
    } else {
      fprintf(stderr, "flowc stats: unknown option '%s'\n", a);
      return -1;
    }
  }
  return 0;
}

int cmd_stats(int argc, char **argv) {
  if (cli_help(argc, argv, usage_text)) return 0;
  Opts o = {.cal = {0, 0}}; /* 0: the calendar the flows declare */
  char **args = xmalloc(sizeof *args * (size_t)(argc + 1));
  int nargs = 0;
  if (parse_opts(argc, argv, &o, args, &nargs) != 0 || !nargs) {
    free(args);
    return usage();
  }
  Ctx c;
  ctx_init(&c);
  c.root = o.root;
  int status = cli_compile(&c, args, nargs);
  if (c.nerrors) { /* no statistics of a broken process */
    report(&c, FMT_TEXT, stderr);
    if (!status) status = 1;
  }
  Program *g = c.prog;
  int n = 0;
  Process **sel = xmalloc(sizeof *sel * (size_t)(g ? g->nprocs + 1 : 1));
  for (int i = 0; !status && i < g->nprocs; i++) {
    Process *p = g->procs[i];
    if (o.proc ? !strcmp(p->id, o.proc) : c.files[p->file]->cmdline) sel[n++] = p;
  }
  if (!status && o.proc && !n) {
    fprintf(stderr, "flowc stats: there is no process '%s'\n", o.proc);
    status = 2;
  }
  if (!status) stats_write(&c, sel, n, &o.cal, o.json, stdout);
  free(sel);
  free(args);
  ctx_free(&c);
  return status;
}
