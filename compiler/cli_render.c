/* cli_render.c — `flowc render`: each process of the files named on the
 * command line as SVG, PNG, scene JSON or DOT. */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "layout.h"
#include "output.h"
#include "render.h"
#include "report.h"

typedef enum { OUT_SVG, OUT_PNG, OUT_JSON, OUT_DOT } OutFormat;
static const char *const ext[] = {"svg", "png", "json", "dot"};

typedef struct Opts {
  OutFormat fmt;
  int fmt_given;
  const char *proc, *out, *font, *root;
  double scale;
  int embed;
} Opts;

static const char usage_text[] =
  "usage: flowc render [-f svg|png|json|dot] [-p PROCESS] [-o OUT] [--font PATH]\n"
  "                    [--scale N] [--no-embed-font] [--root DIR] FILE...\n"
  "OUT is a directory (default output/) that gets PROCESS.svg etc., or, for one\n"
  "process, a file whose extension gives the format when -f is not given.\n";

static int usage(void) {
  fputs(usage_text, stderr);
  return 2;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n > k && s[n - k - 1] == '.' && strcmp(s + n - k, suffix) == 0;
}

static int write_one(Ctx *c, const Process *p, const Scene *s, Font *f, const Opts *o,
                     const char *path) {
  const char *err = NULL;
  char buf[512];
  OutFile out;
  if (out_open(&out, path, buf, sizeof buf) != 0) {
    fprintf(stderr, "flowc render: %s\n", buf);
    return 2;
  }
  int r;
  switch (o->fmt) {
  case OUT_SVG: r = svg_write(c, s, f, o->embed ? SVG_EMBED_FONT : 0, out.fp, &err); break;
  case OUT_PNG: r = png_write(c, s, f, o->scale, out.fp, &err); break;
  case OUT_JSON: r = scene_json_write(c, s, out.fp, &err); break;
  default: r = layout_dot(c, p, s, out.fp, &err); break;
  }
  if (r != 0) {
    out_abort(&out);
    fprintf(stderr, "flowc render: %s: %s\n", path, err ? err : "failed");
    return 2;
  }
  if (out_commit(&out, buf, sizeof buf) != 0) {
    fprintf(stderr, "flowc render: %s\n", buf);
    return 2;
  }
  return 0;
}

/* Where the value of a string-valued option goes, or NULL. */
static const char **string_opt(Opts *o, const char *a) {
  if (!strcmp(a, "-p") || !strcmp(a, "--process")) return &o->proc;
  if (!strcmp(a, "-o")) return &o->out;
  if (!strcmp(a, "--root")) return &o->root;
  if (!strcmp(a, "--font")) return &o->font;
  return NULL;
}

static int parse_opts(int argc, char **argv, Opts *o, char **files, int *nfiles) {
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    const char *val = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
      if (!val) return -1;
      int k = 0;
      while (k < 4 && strcmp(val, ext[k])) k++;
      if (k == 4) {
        fprintf(stderr, "flowc render: unknown format '%s' (svg, png, json or dot)\n", val);
        return -1;
      }
      o->fmt = (OutFormat)k;
      o->fmt_given = 1;
      i++;
    } else if (string_opt(o, a)) {
      if (!val) return -1;
      *string_opt(o, a) = val;
      i++;
    } else if (!strcmp(a, "--scale")) {
      if (!val) return -1;
      char *end;
      o->scale = strtod(val, &end);
      if (*end || !(o->scale > 0 && o->scale <= 16)) {
        fprintf(stderr, "flowc render: --scale wants a number between 0 and 16\n");
        return -1;
      }
      i++;
    } else if (!strcmp(a, "--no-embed-font")) {
      o->embed = 0;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "flowc render: unknown option '%s'\n", a);
      return -1;
    } else {
      files[(*nfiles)++] = argv[i];
    }
  }
  return 0;
}

/* The format an -o file name asks for, or -1. */
static int out_format(const char *out) {
  for (int k = 0; k < 4; k++)
    if (ends_with(out, ext[k])) return k;
  return -1;
}

int cmd_render(int argc, char **argv) {
  if (cli_help(argc, argv, usage_text)) return 0;
  Opts o = {.fmt = OUT_SVG, .out = "output", .scale = 2, .embed = 1};
  char **files = xmalloc(sizeof *files * (size_t)(argc + 1));
  int nfiles = 0, status = 0;
  if (parse_opts(argc, argv, &o, files, &nfiles) != 0 || !nfiles) {
    free(files);
    return usage();
  }
  /* -o NAME.png: one file, in the format its extension names */
  int named = out_format(o.out);
  if (named >= 0 && !o.fmt_given) o.fmt = (OutFormat)named;
  if (named >= 0 && named != (int)o.fmt) {
    fprintf(stderr, "flowc render: -o %s names a .%s file, but -f asks for %s\n", o.out, ext[named], ext[o.fmt]);
    free(files);
    return 2;
  }
  Ctx c;
  ctx_init(&c);
  c.root = o.root;
  status = cli_compile(&c, files, nfiles);
  report(&c, FMT_TEXT, stderr);
  if (!status && c.nerrors) status = 1; /* errors: write nothing */
  /* the processes of the files named on the command line */
  Program *g = c.prog;
  int count = 0;
  const Process **sel = xmalloc(sizeof *sel * (size_t)(g->nprocs + 1));
  for (int i = 0; !status && i < g->nprocs; i++) {
    const Process *p = g->procs[i];
    if (o.proc ? !strcmp(p->id, o.proc) : c.files[p->file]->cmdline) sel[count++] = p;
  }
  if (!status && o.proc && !count) {
    fprintf(stderr, "flowc render: there is no process '%s'\n", o.proc);
    status = 2;
  } else if (!status && !count) {
    fprintf(stderr, "flowc render: the files hold no process to draw\n");
    status = 1;
  }
  int to_file = named >= 0;
  if (!status && to_file && count > 1) {
    fprintf(stderr, "flowc render: -o %s names one file, but %d processes would be rendered: "
                    "choose one with -p, or give a directory\n", o.out, count);
    status = 2;
  }
  Font *f = NULL;
  const char *err = NULL;
  if (!status && count && !(f = font_open(o.font, &err))) {
    fprintf(stderr, "flowc render: %s\n", err);
    status = 2;
  }
  /* every process laid out before anything is written */
  Scene **scenes = xmalloc(sizeof *scenes * (size_t)(count + 1));
  for (int i = 0; !status && i < count; i++)
    if (!(scenes[i] = layout(&c, sel[i], f, &err))) {
      fprintf(stderr, "flowc render: %s\n", err);
      status = 1;
    }
  if (!status && count && (err = font_missing(f))) {
    fprintf(stderr, "flowc render: %s\n", err);
    status = 2;
  }
  char buf[512];
  char *dir = to_file ? dirname(arena_strdup(&c.arena, o.out)) : (char *)o.out;
  if (!status && count && strcmp(dir, ".") && out_mkdir(dir, buf, sizeof buf) != 0) {
    fprintf(stderr, "flowc render: %s\n", buf);
    status = 2;
  }
  for (int i = 0; !status && i < count; i++) {
    const char *path = to_file ? o.out : arena_printf(&c.arena, "%s/%s.%s", o.out, sel[i]->id, ext[o.fmt]);
    int r = write_one(&c, sel[i], scenes[i], f, &o, path);
    if (r > status) status = r;
  }
  if (f) font_close(f);
  free(scenes);
  free(sel);
  free(files);
  ctx_free(&c);
  return status;
}
