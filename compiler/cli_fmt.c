/* cli_fmt.c — `flowc fmt`: prints, rewrites (-w) or lists (--check) the
 * files that are not in the canonical layout (fmt.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "fmt.h"
#include "output.h"
#include "parse.h"
#include "report.h"

static const char usage_text[] =
  "usage: flowc fmt [-w] [--check] FILE...\n"
  "  prints each file in the canonical layout; - reads standard input\n"
  "  -w       rewrite the files that are not formatted, in place\n"
  "  --check  list the files that are not formatted; exit status 1 if any\n";

typedef struct Opts { int write, check, status; } Opts;

static int usage(void) {
  fputs(usage_text, stderr);
  return 2;
}

static void worse(Opts *o, int status) {
  if (status > o->status) o->status = status;
}

/* Standard input whole, into a new source of c. Returns its index or -1. */
static int read_stdin(Ctx *c) {
  size_t n = 0, cap = 65536;
  char *buf = xmalloc(cap);
  for (size_t got; (got = fread(buf + n, 1, cap - n, stdin)) > 0;) {
    n += got;
    if (n == cap) buf = xrealloc(buf, cap *= 2);
  }
  int id = ferror(stdin) ? -1 : ctx_add_source(c, "<stdin>", buf, n);
  free(buf);
  return id;
}

/* Replaces path (through links) with text, keeping its permissions. */
static int rewrite(const char *path, const char *text, size_t len) {
  char err[512];
  char *real = realpath(path, NULL);
  struct stat st;
  OutFile o;
  if (!real || stat(real, &st) != 0) {
    fprintf(stderr, "flowc fmt: cannot write '%s': %s\n", path, strerror(errno));
    free(real);
    return 2;
  }
  if (out_open(&o, real, err, sizeof err) != 0) {
    fprintf(stderr, "flowc fmt: %s\n", err);
    free(real);
    return 2;
  }
  fchmod(fileno(o.fp), st.st_mode & 07777);
  fwrite(text, 1, len, o.fp);
  int rc = out_commit(&o, err, sizeof err);
  if (rc) fprintf(stderr, "flowc fmt: %s\n", err);
  free(real);
  return rc ? 2 : 0;
}

/* What to do with a file that formats to text. */
static void emit(Opts *o, const SourceFile *f, const char *text, size_t len, int is_stdin) {
  int changed = len != f->len || memcmp(text, f->buf, len);
  if (o->check && changed) {
    printf("%s\n", f->path);
    worse(o, 1);
  }
  if (o->write && changed && !is_stdin) worse(o, rewrite(f->path, text, len));
  if (!o->check && (!o->write || is_stdin)) fwrite(text, 1, len, stdout);
}

static void fmt_one(Opts *o, const char *path) {
  Ctx c;
  ctx_init(&c);
  int is_stdin = !strcmp(path, "-");
  int id = is_stdin ? read_stdin(&c) : ctx_read_file(&c, path, path);
  char *text = NULL;
  size_t len = 0;
  if (id < 0) {
    fprintf(stderr, "flowc: error: cannot read '%s': %s\n", is_stdin ? "<stdin>" : path, strerror(errno));
    worse(o, 2);
  } else if (fmt_file(&c, id, &text, &len)) {
    report(&c, FMT_TEXT, stderr);
    worse(o, 1);
  } else {
    const SourceFile *f = c.files[id];
    const char *why = fmt_verify(f->path, f->buf, f->len, text, len);
    if (why) {
      fprintf(stderr, "flowc fmt: internal error: %s: %s; the file is left as it is\n", f->path, why);
      worse(o, 2);
    } else {
      emit(o, f, text, len, is_stdin);
    }
  }
  free(text);
  ctx_free(&c);
}

/* A directory: each .flow file below it. */
static void fmt_dir(Opts *o, const char *dir) {
  int n, bad = 0;
  char **files = dir_files(dir, &n, &bad);
  if (bad) worse(o, 2);
  for (int i = 0; i < n; i++) {
    fmt_one(o, files[i]);
    free(files[i]);
  }
  free(files);
}

int cmd_fmt(int argc, char **argv) {
  Opts o = {0, 0, 0};
  char **files = argv;
  int nfiles = 0;
  if (cli_help(argc, argv, usage_text)) return 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-w")) o.write = 1;
    else if (!strcmp(a, "--check")) o.check = 1;
    else if (!strcmp(a, "--")) {
      while (++i < argc) files[nfiles++] = argv[i];
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "flowc fmt: unknown option '%s'\n", a);
      return usage();
    } else {
      files[nfiles++] = argv[i];
    }
  }
  if (!nfiles) return usage();
  for (int i = 0; i < nfiles; i++) {
    struct stat st;
    if (strcmp(files[i], "-") && stat(files[i], &st) == 0 && S_ISDIR(st.st_mode)) fmt_dir(&o, files[i]);
    else fmt_one(&o, files[i]);
  }
  return o.status;
}
