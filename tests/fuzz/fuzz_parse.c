/* fuzz_parse.c — libFuzzer target: bytes → scanner, parser, resolve,
 * check and the three report formats. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  Ctx c;
  ctx_init(&c);
  fuzz_compile(&c, data, size);
  ctx_free(&c);
  return 0;
}
