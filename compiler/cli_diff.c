/* cli_diff.c — `flowc diff OLD NEW`: two files or two directories, or
 * the seven arguments git gives an external diff driver; with --svg DIR
 * also the new chart of each changed process, its changes marked. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "diff.h"
#include "layout.h"
#include "output.h"
#include "render.h"
#include "report.h"

static const char usage_text[] =
  "usage: flowc diff [--format text|json] [--svg DIR] [--font PATH] [--root DIR] OLD NEW\n"
  "       flowc diff [--format text|json] --git-driver PATH OLD-FILE OLD-HEX OLD-MODE\n"
  "                  NEW-FILE NEW-HEX NEW-MODE\n"
  "OLD and NEW are two .flow files or two directories of them. --svg DIR writes\n"
  "DIR/PROCESS.svg for each changed or added process: its new chart, added\n"
  "elements green, changed ones orange, removed ones listed below.\n";

static int usage(void) {
  fputs(usage_text, stderr);
  return 2;
}

/* One version: what to read and the name to show for it. */
typedef struct Version { char *path; const char *shown; Ctx c; } Version;

static int is_regular(const char *path, int or_dir) {
  struct stat st;
  return stat(path, &st) == 0 && (S_ISREG(st.st_mode) || (or_dir && S_ISDIR(st.st_mode)));
}

/* A pipe (process substitution: /dev/fd/63), a device or a temporary
 * copy is shown as the file it stands for, marked old or new. */
static const char *shown_as(Version *v, const char *file, const char *side) {
  if (!strcmp(v->path, file)) return file;
  return arena_printf(&v->c.arena, "%s (%s)", file, side);
}

/* A git object name or mode as git passes them: hex or octal, "." for none. */
static int git_word(const char *s, const char *digits) {
  if (!strcmp(s, ".")) return 1;
  if (strlen(s) < 4) return 0;
  return s[strspn(s, digits)] == 0;
}

static int git_args(char **a) {
  return git_word(a[2], "0123456789abcdef") && git_word(a[3], "01234567") &&
         git_word(a[5], "0123456789abcdef") && git_word(a[6], "01234567");
}

/* Reads one version: a directory's .flow files, or one file. */
static int load(Version *v, const char *root) {
  v->c.root = root;
  if (!is_regular(v->path, 1) || is_regular(v->path, 0))
    return cli_compile_as(&v->c, &v->path, (char **)&v->shown, 1);
  return cli_compile(&v->c, &v->path, 1);
}

/* ---- --svg DIR ---- */

static const char *const mark_name[] = {NULL, "added", "changed"};

/* The marks of the i-th process as classes and a legend. */
static SvgMarks svg_marks(Ctx *c, const Diff *df, int i, const Process *p) {
  DiffMarks dm;
  diff_marks(c, df, i, &dm);
  const char **nc = NEW(c, const char *, p->nnodes + 1), **ec = NEW(c, const char *, p->nedges + 1);
  for (int v = 0; v < p->nnodes; v++) nc[v] = mark_name[dm.node[v]];
  for (int e = 0; e < p->nedges; e++) ec[e] = mark_name[dm.edge[e]];
  const char **legend = NEW(c, const char *, dm.nremoved + 2);
  int n = 0;
  legend[n++] = "Legend: + added (green), ~ changed (orange)";
  if (dm.nremoved) legend[n++] = "removed:";
  for (int k = 0; k < dm.nremoved; k++) legend[n++] = dm.removed[k];
  return (SvgMarks){nc, ec, legend, n};
}

/* Writes one marked chart to dir/ID.svg; returns the exit status. */
static int write_marked(Ctx *c, Font *f, const Diff *df, int i, const Process *p, const char *dir) {
  const char *err = NULL, *path = arena_printf(&c->arena, "%s/%s.svg", dir, p->id);
  Scene *s = layout(c, p, f, &err);
  if (!s) {
    fprintf(stderr, "flowc diff: %s\n", err);
    return 1;
  }
  SvgMarks mk = svg_marks(c, df, i, p);
  char buf[512];
  OutFile out;
  if (out_open(&out, path, buf, sizeof buf) != 0) {
    fprintf(stderr, "flowc diff: %s\n", buf);
    return 2;
  }
  if (svg_write_marked(c, s, f, SVG_EMBED_FONT, &mk, out.fp, &err) != 0) {
    out_abort(&out);
    fprintf(stderr, "flowc diff: %s: %s\n", path, err);
    return 2;
  }
  if (out_commit(&out, buf, sizeof buf) != 0) {
    fprintf(stderr, "flowc diff: %s\n", buf);
    return 2;
  }
  return 0;
}

/* The new chart of every changed or added process into dir. */
static int write_svgs(Ctx *c, const Diff *df, const char *dir, const char *font) {
  char buf[512];
  const char *err = NULL;
  Font *f = font_open(font, &err);
  if (!f) {
    fprintf(stderr, "flowc diff: %s\n", err);
    return 2;
  }
  int status = 0;
  if (out_mkdir(dir, buf, sizeof buf) != 0) {
    fprintf(stderr, "flowc diff: %s\n", buf);
    status = 2;
  }
  for (int i = 0; !status && i < diff_count(df); i++) {
    const Process *old, *new;
    diff_process_at(df, i, &old, &new);
    if (new) status = write_marked(c, f, df, i, new, dir);
  }
  if (!status && (err = font_missing(f))) {
    fprintf(stderr, "flowc diff: %s\n", err);
    status = 2;
  }
  font_close(f);
  return status;
}

int cmd_diff(int argc, char **argv) {
  if (cli_help(argc, argv, usage_text)) return 0;
  int json = 0, git = 0, n = 0;
  const char *root = NULL, *svg = NULL, *font = NULL;
  char **args = xmalloc(sizeof *args * (size_t)(argc + 1));
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--git-driver")) git = 1;
    else if ((!strcmp(a, "--svg") || !strcmp(a, "--font")) && i + 1 < argc) {
      if (a[2] == 's') svg = argv[++i];
      else font = argv[++i];
    }
    else if ((!strcmp(a, "--format") || !strcmp(a, "-f") || !strcmp(a, "--root")) && i + 1 < argc) {
      const char *val = argv[++i];
      if (a[2] == 'r') root = val;
      else if (!strcmp(val, "json") || !strcmp(val, "text")) json = val[0] == 'j';
      else {
        fprintf(stderr, "flowc diff: unknown format '%s' (text or json)\n", val);
        free(args);
        return usage();
      }
    } else if (!strcmp(a, "--")) {
      while (++i < argc) args[n++] = argv[i];
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "flowc diff: unknown option '%s'\n", a);
      free(args);
      return usage();
    } else {
      args[n++] = argv[i];
    }
  }
  if (n == 7 && !git) git = git_args(args);
  if (n != (git ? 7 : 2)) {
    free(args);
    return usage();
  }
  Version v[2] = {{.path = args[git ? 1 : 0]}, {.path = args[git ? 4 : 1]}};
  ctx_init(&v[0].c);
  ctx_init(&v[1].c);
  for (int i = 0; i < 2; i++) {
    const char *side = i ? "new" : "old";
    const char *file = git ? args[0] : is_regular(v[i].path, 1) ? v[i].path
                     : is_regular(v[!i].path, 0) ? v[!i].path : v[i].path;
    v[i].shown = shown_as(&v[i], file, side);
  }
  int status = 0;
  for (int i = 0; i < 2; i++) {
    int r = load(&v[i], root);
    if (r > status) status = r;
  }
  if (v[0].c.nerrors || v[1].c.nerrors) { /* both sides must compile */
    report(&v[0].c, FMT_TEXT, stderr);
    report(&v[1].c, FMT_TEXT, stderr);
    if (!status) status = 1;
  }
  if (!status) {
    Diff *df = diff_compare(&v[0].c, &v[1].c);
    diff_print(df, v[0].shown, v[1].shown, json, stdout);
    if (svg) status = write_svgs(&v[1].c, df, svg, font);
    diff_free(df);
  }
  ctx_free(&v[0].c);
  ctx_free(&v[1].c);
  free(args);
  return status;
}
