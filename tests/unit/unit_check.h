/* unit_check.h — the unit tests' CHECK: counts and prints each failure with
 * its place; a test's main exits non-zero when `failures` is not 0. */
#ifndef FLOWC_UNIT_UNIT_CHECK_H
#define FLOWC_UNIT_UNIT_CHECK_H
#include <stdio.h>

static int failures;

#define CHECK(cond, ...)                                   \
  do {                                                     \
    if (!(cond)) {                                         \
      failures++;                                          \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
      fprintf(stderr, __VA_ARGS__);                        \
      fputc('\n', stderr);                                 \
    }                                                      \
  } while (0)

#endif
