/* fuzz_lsp.c — libFuzzer target: bytes → `flowc lsp`'s input stream
 * (framing, JSON-RPC, documents compiled and queried), answers dropped. */
#include <stdio.h>
#include "cli.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  if (size == 0) return 0;
  FILE *in = fmemopen((void *)data, size, "r"), *out = fopen("/dev/null", "w");
  if (in && out) lsp_run(in, out);
  if (in) fclose(in);
  if (out) fclose(out);
  return 0;
}
