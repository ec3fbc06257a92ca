/* fuzz_common.h — shared by the fuzz targets: compile an input the way
 * cli_compile does (no resolve or check after a syntax error) and print
 * the diagnostics in every format to /dev/null. */
#ifndef FLOWC_FUZZ_COMMON_H
#define FLOWC_FUZZ_COMMON_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "ctx.h"
#include "parse.h"
#include "report.h"
#include "resolve.h"

static FILE *fuzz_null(void) {
  static FILE *null;
  if (!null && !(null = fopen("/dev/null", "w"))) abort();
  return null;
}

/* Parses, resolves and checks data into c (ctx_init'ed by the caller);
 * reports in text, JSON and SARIF. */
static void fuzz_compile(Ctx *c, const unsigned char *data, size_t size) {
  load_source(c, "fuzz.flow", (const char *)data, size);
  int syntax = 0;
  for (int i = 0; i < c->ndiags; i++)
    if (c->diags[i]->sev == SEV_ERROR && !strcmp(c->diags[i]->rule, "syntax")) syntax++;
  if (!syntax) {
    resolve(c);
    check(c);
  }
  report(c, FMT_TEXT, fuzz_null());
  report(c, FMT_JSON, fuzz_null());
  report(c, FMT_SARIF, fuzz_null());
}

#endif
