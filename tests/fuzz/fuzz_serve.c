/* fuzz_serve.c — libFuzzer target: the request surface of `flowc serve`.
 * The input is a request path (its first byte picks the method); it is
 * unescaped as the server does and answered from a Site over the browser
 * test's fixtures, one of them saved broken after its first compile (so
 * pages show errors next to an outdated chart). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "site.h"
#include "web.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static Site site;
static char dir[] = "/tmp/fuzz_serve.XXXXXX";
static char *roots[1] = {dir};

static void copy(const char *name, const char *text) {
  char from[512], to[512];
  snprintf(to, sizeof to, "%s/%s", dir, name);
  FILE *out = fopen(to, "w");
  if (!out) abort();
  if (text) fputs(text, out);
  else {
    FILE *in = NULL;
    const char *tops[] = {"../../tests/browser/fixtures", "tests/browser/fixtures"};
    for (int i = 0; i < 2 && !in; i++) {
      snprintf(from, sizeof from, "%s/%s", tops[i], name);
      in = fopen(from, "r");
    }
    if (!in) {
      fprintf(stderr, "fuzz_serve: no tests/browser/fixtures/%s\n", name);
      exit(1);
    }
    int ch;
    while ((ch = fgetc(in)) != EOF) fputc(ch, out);
    fclose(in);
  }
  fclose(out);
}

/* At exit: the site and the temporary files go. */
static void finish(void) {
  site_close(&site);
  const char *names[] = {"purchase.flow", "approve.flow", "escape.flow"};
  for (int i = 0; i < 3; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    unlink(path);
  }
  rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  if (!mkdtemp(dir)) abort();
  atexit(finish);
  copy("purchase.flow", NULL);
  copy("approve.flow", NULL);
  copy("escape.flow", NULL);
  const char *err = NULL;
  if (site_open(&site, roots, 1, NULL, NULL, &err) != 0) {
    fprintf(stderr, "fuzz_serve: %s\n", err);
    exit(1);
  }
  copy("approve.flow", "process approve \"<b>审批</b>\" {\n  start s\n  task t \"x\" in nowhere\n  s -> t -> e\n}\n");
  site_update(&site, NULL, 0);
  /* the line index a diagnostic builds on first use is malloc'd but
   * reached only through the arena (mmap'd), where LeakSanitizer does not
   * look: build it whole now, not during an input */
  for (int i = 0; i < site.nunits; i++)
    for (Build *b = site.units[i].cur;; b = site.units[i].good) {
      for (int k = 0; b && k < b->c.nfiles; k++) {
        size_t len;
        ctx_line(&b->c, k, INT_MAX, &len);
      }
      if (b == site.units[i].good) break;
    }
  return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  static const char *const methods[] = {"GET", "HEAD", "POST", "get"};
  const char *method = size ? methods[data[0] & 3] : "GET";
  char *path = malloc(size + 1);
  if (!path) abort();
  if (size) memcpy(path, data + 1, size - 1);
  path[size ? size - 1 : 0] = 0;
  web_unescape(path);
  WebReply r;
  web_respond(&site, NULL, method, path, &r);
  if (!r.type || (r.len && !r.body)) abort();
  web_reply_free(&r);
  free(path);
  return 0;
}
