/* fuzz_fmt.c — libFuzzer target: bytes → flowc fmt. An input that parses
 * must format to a text with the same IR, findings and comments that
 * formats to itself (fmt_verify); any violation aborts. */
#include <stdio.h>
#include <stdlib.h>
#include "fmt.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  Ctx c;
  ctx_init(&c);
  char *out = NULL;
  size_t len = 0;
  int file = ctx_add_source(&c, "fuzz.flow", (const char *)data, size);
  if (fmt_file(&c, file, &out, &len) == 0) {
    const char *why = fmt_verify("fuzz.flow", (const char *)data, size, out, len);
    if (why) {
      fprintf(stderr, "fuzz_fmt: %s\n--- formatted:\n%.*s\n", why, (int)len, out);
      abort();
    }
  }
  free(out);
  ctx_free(&c);
  return 0;
}
