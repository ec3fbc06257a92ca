/* cli_diff.c — `flowc diff OLD NEW`: two files or two directories, or
 * the seven arguments git gives an external diff driver. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "diff.h"
#include "report.h"

static const char usage_text[] =
  "usage: flowc diff [--format text|json] [--root DIR] OLD NEW\n"
  "       flowc diff [--format text|json] --git-driver PATH OLD-FILE OLD-HEX OLD-MODE\n"
  "                  NEW-FILE NEW-HEX NEW-MODE\n"
  "OLD and NEW are two .flow files or two directories of them.\n";

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

int cmd_diff(int argc, char **argv) {
  if (cli_help(argc, argv, usage_text)) return 0;
  int json = 0, git = 0, n = 0;
  const char *root = NULL;
  char **args = xmalloc(sizeof *args * (size_t)(argc + 1));
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--git-driver")) git = 1;
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
  if (!status) diff_write(&v[0].c, &v[1].c, v[0].shown, v[1].shown, json, stdout);
  ctx_free(&v[0].c);
  ctx_free(&v[1].c);
  free(args);
  return status;
}
