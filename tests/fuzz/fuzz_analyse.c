/* fuzz_analyse.c — libFuzzer target: `flowc stats` and `flowc diff` on
 * fuzzed input. The input holds two versions split at a line "=====" (or
 * one, compared with itself); each compiles as in fuzz_compile, stats
 * run on the new one and diff on both when they have no errors. */
#include "diff.h"
#include "fuzz_common.h"
#include "stats.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char sep[] = "\n=====\n";

static void compile(Ctx *c, const unsigned char *data, size_t size) {
  ctx_init(c);
  fuzz_compile(c, data, size);
  if (c->nfiles) c->files[0]->cmdline = 1; /* as if named on the command line */
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const unsigned char *cut = memmem(data, size, sep, sizeof sep - 1);
  size_t n1 = cut ? (size_t)(cut - data) : size;
  Ctx a, b;
  compile(&a, data, n1);
  if (cut) compile(&b, cut + sizeof sep - 1, size - n1 - (sizeof sep - 1));
  else compile(&b, data, size);
  Calendar cal = CALENDAR_DEFAULT;
  if (!b.nerrors) {
    stats_write(&b, b.prog->procs, b.prog->nprocs, &cal, 0, fuzz_null());
    cal.hours_per_day = 7, cal.days_per_week = 6;
    stats_write(&b, b.prog->procs, b.prog->nprocs, &cal, 1, fuzz_null());
  }
  if (!a.nerrors && !b.nerrors) {
    diff_write(&a, &b, "old", "new", 0, fuzz_null());
    diff_write(&a, &b, "old", "new", 1, fuzz_null());
  }
  ctx_free(&a);
  ctx_free(&b);
  return 0;
}
