/* fmt_test.c — the properties of `flowc fmt` on every .flow file below
 * the given directories (or the files given): each file that parses
 * formats to a text that formats to itself, with the same IR, the same
 * findings of check and the same comments (fmt_verify), and as many '#'
 * as before (counted here, apart from fmt_verify). Then fmt_verify
 * itself must see texts that break each property.
 * Usage: fmt_test DIR|FILE... (exit 1 on any violation). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fmt.h"
#include "parse.h"

static int failures, formatted, refused;

static size_t hashes(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += s[i] == '#';
  return k;
}

static void one(const char *path) {
  Ctx c;
  ctx_init(&c);
  int id = ctx_read_file(&c, path, path);
  char *out = NULL;
  size_t len = 0;
  if (id < 0) {
    fprintf(stderr, "FAIL %s: cannot read\n", path);
    failures++;
  } else if (fmt_file(&c, id, &out, &len)) {
    refused++;
  } else {
    const SourceFile *f = c.files[id];
    const char *why = fmt_verify(path, f->buf, f->len, out, len);
    if (!why && hashes(f->buf, f->len) != hashes(out, len)) why = "the number of '#' differs";
    if (why) {
      fprintf(stderr, "FAIL %s: %s\n", path, why);
      failures++;
    }
    formatted++;
  }
  free(out);
  ctx_free(&c);
}

/* fmt_verify must reject each broken formatting of src. */
static void broken(const char *src, const char *out, const char *what) {
  const char *why = fmt_verify("broken.flow", src, strlen(src), out, strlen(out));
  if (!why || !strstr(why, what)) {
    fprintf(stderr, "FAIL fmt_verify said %s, want %s, for:\n%s\n", why ? why : "nothing", what, out);
    failures++;
  }
}

static void verifier(void) {
  const char *src = "process p {\n  start s # go\n  end e\n  s -> e\n}\n";
  broken(src, "process p {\n  start s\n  end e\n  s -> e\n}\n", "comment");
  broken(src, "process p {\n  start s # go\n  end f\n  s -> f\n}\n", "IR");
  broken(src, "process p {\n  start s # go\n  end e\n  s -> e\n  s -> e\n}\n", "IR");
  broken(src, "process p {\n  start s # go\n  end e\n  s -> e\n", "syntax");
  broken(src, "process p {\nstart s # go\n  end e\n  s -> e\n}\n", "again");
  broken("process p {\n  task a\n  a -> b\n}\n", "process p {\n  task a\n  task b\n  a -> b\n}\n", "IR");
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
      one(argv[i]);
      continue;
    }
    int n, bad = 0;
    char **files = dir_files(argv[i], &n, &bad);
    failures += bad;
    for (int k = 0; k < n; k++) {
      one(files[k]);
      free(files[k]);
    }
    free(files);
  }
  verifier();
  printf("fmt_test: %d files formatted, %d refused for syntax errors, %d failures\n", formatted, refused, failures);
  return failures ? 1 : 0;
}
