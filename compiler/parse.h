/* parse.h — reading .flow files into the Program: the scanner
 * (grammar/flow.l), the parser (grammar/flow.y), the builder that the
 * grammar actions call, and import resolution. All results and errors go
 * to the Ctx; nothing is printed here. */
#ifndef FLOWC_PARSE_H
#define FLOWC_PARSE_H
#include "ir.h"

/* Reads each path and everything it imports (each file once) into
 * c->prog. Returns the number of files that could not be read at all. */
int load_program(Ctx *c, char *const *paths, int npaths);
/* The same, each file shown by the name in shown[i] (a pipe or a
 * temporary copy named after the file it stands for): messages use that
 * name, and imports are found relative to it. */
int load_program_as(Ctx *c, char *const *paths, char *const *shown, int npaths);
/* Parses an in-memory source as if it were a file named `name`
 * (imports are resolved relative to it). */
void load_source(Ctx *c, const char *name, const char *buf, size_t len);
/* The .flow files under dir, recursively, sorted by path (malloc'd list
 * of malloc'd paths). Hidden entries and links to directories are skipped;
 * a directory that cannot be read, and one that holds no .flow file, is
 * reported and counted in *bad. */
char **dir_files(const char *dir, int *count, int *bad);

/* The source spans of one file, for the formatter: every token (its kind
 * from flow.tab.h and its bytes) and the first byte of every statement,
 * both in source order. Arrays malloc'd; spans_free releases them. */
typedef struct SpanTok { int tok; unsigned start, end; } SpanTok;
typedef struct Spans {
  SpanTok *toks; int ntoks, tcap;
  unsigned *stmts; int nstmts, scap;
} Spans;
/* Parses file (already in c, imports not followed) into c->prog,
 * recording its spans in *s. Returns the number of syntax errors. */
int parse_spans(Ctx *c, int file, Spans *s);
void spans_free(Spans *s);

/* Whether s is one name (an ID) as the scanner reads it: no keyword, no
 * punctuation, no digit first. */
int parse_is_name(const char *s);

/* The processes declared in the .flow files beside file that this run
 * has not read (IDs interned, with each file's name), for "add import
 * ...". Found by a look at the text, not a parse; reads the directory,
 * so only called for an error; none for a source not read from a file.
 * *out is malloc'd. */
typedef struct Declared { const char *id, *file; } Declared;
int sibling_processes(Ctx *c, int file, Declared **out);

#endif
