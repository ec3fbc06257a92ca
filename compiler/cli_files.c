/* cli_files.c — the FILE|DIR arguments of `stats` and `diff`: a
 * directory stands for the .flow files directly in it, by name. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "ctx.h"

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_flow(const char *name) {
  size_t n = strlen(name);
  return name[0] != '.' && n > 5 && !strcmp(name + n - 5, ".flow");
}

/* Appends the .flow files of dir to *out; -1 when it cannot be read. */
static int add_dir(Ctx *c, const char *dir, char ***out, int *n, int *cap) {
  DIR *d = opendir(dir);
  if (!d) return -1;
  int first = *n;
  size_t len = strlen(dir);
  int slash = len && dir[len - 1] == '/';
  for (struct dirent *e; (e = readdir(d));) {
    if (!is_flow(e->d_name)) continue;
    if (*n == *cap) *out = xrealloc(*out, sizeof **out * (size_t)(*cap *= 2));
    (*out)[(*n)++] = arena_printf(&c->arena, "%s%s%s", dir, slash ? "" : "/", e->d_name);
  }
  closedir(d);
  qsort(*out + first, (size_t)(*n - first), sizeof **out, by_name);
  return 0;
}

char **cli_files(Ctx *c, const char *cmd, char **args, int nargs, int *nfiles) {
  int n = 0, cap = nargs + 8;
  char **out = xmalloc(sizeof *out * (size_t)cap);
  for (int i = 0; i < nargs; i++) {
    struct stat st;
    if (stat(args[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
      if (n == cap) out = xrealloc(out, sizeof *out * (size_t)(cap *= 2));
      out[n++] = args[i];
    } else if (add_dir(c, args[i], &out, &n, &cap) != 0) {
      fprintf(stderr, "flowc %s: error: cannot read directory '%s': %s\n", cmd, args[i], strerror(errno));
      free(out);
      return NULL;
    }
  }
  *nfiles = n;
  return out;
}
