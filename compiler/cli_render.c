/* cli_render.c — `flowc render`: each process of the files named on the
 * command line as SVG, PNG, scene JSON, DOT or PDF; or each file's
 * processes together as BPMN. */
#include <libgen.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "layout.h"
#include "manual.h"
#include "output.h"
#include "render.h"
#include "report.h"

typedef enum { OUT_SVG, OUT_PNG, OUT_JSON, OUT_DOT, OUT_PDF, OUT_BPMN } OutFormat;
/* The formats: the name -f takes, which is also the extension of an -o
 * file in that format, in OutFormat order. A new format is a row here and
 * a case in draw(). */
static const char *const ext[] = {"svg", "png", "json", "dot", "pdf", "bpmn"};
#define NFORMATS (int)(sizeof ext / sizeof *ext)

typedef struct Opts {
  OutFormat fmt;
  int fmt_given;
  const char *proc, *out, *font, *root;
  double scale;
  int embed;
} Opts;

static const char usage_text[] =
  "usage: flowc render [-f svg|png|json|dot|pdf|bpmn] [-p PROCESS] [-o OUT] [--font PATH]\n"
  "                    [--scale N] [--no-embed-font] [--root DIR] FILE...\n"
  "OUT is a directory (default output/) that gets PROCESS.svg etc., or, for one\n"
  "process, a file whose extension (.svg .png .json .dot .pdf .bpmn) gives the format\n"
  "when -f is not given, or - for standard output. BPMN holds every process of one\n"
  "FILE: OUT/FILE.bpmn (OUT/PROCESS.bpmn with -p).\n";

static int usage(void) {
  fputs(usage_text, stderr);
  return 2;
}

/* Prints the formats as "svg, png, json or dot", each after prefix. */
static void list_formats(const char *prefix) {
  for (int k = 0; k < NFORMATS; k++)
    fprintf(stderr, "%s%s%s", k == 0 ? "" : k < NFORMATS - 1 ? ", " : " or ", prefix, ext[k]);
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n > k && s[n - k - 1] == '.' && strcmp(s + n - k, suffix) == 0;
}

/* Draws scenes[0], or for BPMN all n scenes. */
static int draw(Ctx *c, Scene *const *scenes, int n, Font *f, const Opts *o, FILE *fp,
                const char **err) {
  const Scene *s = scenes[0];
  switch (o->fmt) {
  case OUT_SVG: return svg_write(c, s, f, o->embed ? SVG_EMBED_FONT : 0, fp, err);
  case OUT_PNG: return png_write(c, s, f, o->scale, fp, err);
  case OUT_JSON: return scene_json_write(c, s, fp, err);
  case OUT_DOT: return layout_dot(c, s->proc, s, fp, err);
  case OUT_BPMN: return bpmn_write(c, scenes, n, fp, err);
  default: *err = "a PDF is written by cli_write_pdf"; return -1;
  }
}

/* Writes the picture to path, or to standard output for "-". */
static int write_one(Ctx *c, Scene *const *scenes, int n, Font *f, const Opts *o,
                     const char *path) {
  const char *err = NULL;
  if (!strcmp(path, "-")) {
    if (draw(c, scenes, n, f, o, stdout, &err) != 0 || fflush(stdout) != 0 || ferror(stdout)) {
      fprintf(stderr, "flowc render: standard output: %s\n", err ? err : "write error");
      return 2;
    }
    return 0;
  }
  char buf[512];
  OutFile out;
  if (out_open(&out, path, buf, sizeof buf) != 0) {
    fprintf(stderr, "flowc render: %s\n", buf);
    return 2;
  }
  int r = draw(c, scenes, n, f, o, out.fp, &err);
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

/* Lowers o->scale so that the PNG fits, saying so; -1 when even the
 * largest scale that fits would make the text unreadable. */
static int png_scale(const Scene *s, const char *path, Opts *o) {
  double fit = png_fit_scale(s, o->scale);
  if (fit == o->scale) return 0;
  if (fit <= 0) {
    fprintf(stderr, "flowc render: %s: the chart (%.0f x %.0f pt) is too large for a PNG: at most %d "
                    "pixels a side, its text would be under %d pixels (split the process with call, "
                    "or use svg)\n", path, s->width, s->height, PNG_MAX_SIDE, PNG_MIN_TEXT_PX);
    return -1;
  }
  fprintf(stderr, "flowc render: %s: the chart (%.0f x %.0f pt) is drawn at --scale %g, not %g, "
                  "to fit a PNG (at most %d pixels a side)\n", path, s->width, s->height, fit, o->scale,
          PNG_MAX_SIDE);
  o->scale = fit;
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
      while (k < NFORMATS && strcmp(val, ext[k])) k++;
      if (k == NFORMATS) {
        fprintf(stderr, "flowc render: unknown format '%s' (", val);
        list_formats("");
        fputs(")\n", stderr);
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

/* The format an -o file name asks for; -1 for a directory (an existing
 * one, or a name without an extension), -2 for an unknown extension. */
static int out_format(const char *out) {
  struct stat st;
  if (stat(out, &st) == 0 && S_ISDIR(st.st_mode)) return -1;
  for (int k = 0; k < NFORMATS; k++)
    if (ends_with(out, ext[k])) return k;
  const char *base = strrchr(out, '/'), *dot = strrchr(base ? base + 1 : out, '.');
  return dot && dot != (base ? base + 1 : out) && dot[1] ? -2 : -1;
}

/* What one output holds: sel[at .. at+n), named name (OUT/NAME.EXT). */
typedef struct Unit { int at, n; const char *name; } Unit;

/* A file's name without its directory and .flow: OUT/NAME.bpmn. */
static const char *file_stem(Ctx *c, int file) {
  const char *path = c->files[file]->path, *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  size_t n = strlen(base);
  if (n > 5 && !strcmp(base + n - 5, ".flow")) n -= 5;
  return arena_strndup(&c->arena, base, n);
}

static int by_file(const void *a, const void *b) {
  const Process *p = *(const Process *const *)a, *q = *(const Process *const *)b;
  return p->file != q->file ? (p->file > q->file) - (p->file < q->file) : (p->index > q->index) - (p->index < q->index);
}

/* One unit a process; for BPMN without -p, one a file (sel sorted by file). */
static int make_units(Ctx *c, const Opts *o, const Process **sel, int count, Unit *u) {
  int per_file = o->fmt == OUT_BPMN && !o->proc, nu = 0;
  if (per_file) qsort(sel, (size_t)count, sizeof *sel, by_file);
  for (int i = 0; i < count; i++) {
    if (per_file && nu && sel[i]->file == sel[u[nu - 1].at]->file) {
      u[nu - 1].n++;
      continue;
    }
    u[nu++] = (Unit){i, 1, per_file ? file_stem(c, sel[i]->file) : sel[i]->id};
  }
  return nu;
}

/* Two files of the same name in different directories would write one
 * OUT/NAME.bpmn: a usage error. */
static int same_names(Ctx *c, const Process **sel, const Unit *u, int nu, const char *out) {
  for (int i = 0; i < nu; i++)
    for (int j = 0; j < i; j++)
      if (!strcmp(u[i].name, u[j].name)) {
        fprintf(stderr, "flowc render: %s and %s would both be written to %s/%s.bpmn: render them "
                        "one at a time\n", c->files[sel[u[j].at]->file]->path,
                c->files[sel[u[i].at]->file]->path, out, u[i].name);
        return 1;
      }
  return 0;
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
  /* -o NAME.png: one file, in the format its extension names; -o -:
   * standard output */
  int to_stdout = !strcmp(o.out, "-");
  int named = to_stdout ? -1 : out_format(o.out);
  if (named == -2) {
    fprintf(stderr, "flowc render: -o %s: unknown extension '%s' (a file ends in ", o.out, strrchr(o.out, '.'));
    list_formats(".");
    fputs("; a new directory has no extension)\n", stderr);
    free(files);
    return 2;
  }
  if (to_stdout && o.fmt == OUT_PDF) {
    fputs("flowc render: a PDF is written to a file, not to standard output: give -o NAME.pdf "
          "or a directory\n", stderr);
    free(files);
    return 2;
  }
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
  int to_file = named >= 0 || to_stdout;
  Unit *units = xmalloc(sizeof *units * (size_t)(count + 1));
  int nunits = status ? 0 : make_units(&c, &o, sel, count, units);
  if (!status && to_file && nunits > 1) {
    fprintf(stderr, "flowc render: -o %s names one %s, but %d %s would be rendered: "
                    "choose one with -p%s\n", o.out, to_stdout ? "output" : "file", nunits,
            nunits == count ? "processes" : "files", to_stdout ? "" : ", or give a directory");
    status = 2;
  } else if (!status && !to_file && o.fmt == OUT_BPMN && same_names(&c, sel, units, nunits, o.out)) {
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
  if (!status && count && !to_stdout && strcmp(dir, ".") && out_mkdir(dir, buf, sizeof buf) != 0) {
    fprintf(stderr, "flowc render: %s\n", buf);
    status = 2;
  }
  for (int k = 0; !status && k < nunits; k++) {
    const Unit *u = &units[k];
    const char *path = to_file ? o.out : arena_printf(&c.arena, "%s/%s.%s", o.out, u->name, ext[o.fmt]);
    Opts one = o;
    if (o.fmt == OUT_PNG && png_scale(scenes[u->at], path, &one) != 0) {
      status = 2;
      break;
    }
    int r = o.fmt == OUT_PDF ? cli_write_pdf(&c, f, MANUAL_CHART, sel[u->at]->index, NULL, path, "render")
                             : write_one(&c, scenes + u->at, u->n, f, &one, path);
    if (r > status) status = r;
  }
  if (f) font_close(f);
  free(scenes);
  free(units);
  free(sel);
  free(files);
  ctx_free(&c);
  return status;
}
