/* fmt.h — `flowc fmt`: the canonical layout of a .flow file. fmt.c owns
 * the layout rules (one statement a line, two spaces an indent, columns
 * aligned, comments and blank lines kept); fmt_verify.c owns the
 * properties a formatted text must have. Both read the token and
 * statement spans the parser records (parse_spans); neither prints. */
#ifndef FLOWC_FMT_H
#define FLOWC_FMT_H
#include <stddef.h>
#include "ctx.h"

/* Parses file (already read into c; imports are not followed) and
 * formats it. Returns 0 with the text in *out (malloc'd, *len bytes), or
 * the number of syntax errors (reported to c) with *out NULL. */
int fmt_file(Ctx *c, int file, char **out, size_t *len);

/* The comments of file after fmt_file or parse_spans: calls fn with the
 * bytes of each, '#' included, trailing blanks left out, in order. */
struct Spans;
void fmt_comments(Ctx *c, int file, const struct Spans *sp,
                  void (*fn)(void *arg, const char *s, size_t n), void *arg);

/* Checks that out (the formatting of src, both named name) keeps what
 * formatting must keep: it parses without errors, formats to itself, has
 * the same IR, the same findings of `check` (rules and the names they
 * point at) and the same comments. Returns NULL, or what differs. */
const char *fmt_verify(const char *name, const char *src, size_t n, const char *out, size_t outlen);

#endif
