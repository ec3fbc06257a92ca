/* ctx.h — the compile context. A Ctx owns all memory of one run: the
 * arena (AST/IR, strings, diagnostics), the source buffers and the
 * diagnostic list. ctx_free releases everything. */
#ifndef FLOWC_CTX_H
#define FLOWC_CTX_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "arena.h"

/* n zeroed objects of type T (at least one) in the arena of Ctx c. */
#define NEW(c, T, n) ((T *)arena_alloc(&(c)->arena, sizeof(T) * (size_t)((n) > 0 ? (n) : 1)))

/* A source span: the bytes [start, end) of a file, starting on `line`.
 * Columns are worked out only when a diagnostic is shown (ctx_linecol). */
typedef struct Loc {
  int file;
  int line;
  unsigned start, end;
} Loc;

/* Lines and columns start at 1; columns count characters (code points).
 * eline:ecol is the last character of the span. */
typedef struct LineCol { int line, col, eline, ecol; } LineCol;

typedef struct SourceFile {
  const char *path; /* as shown to the user */
  char *real;       /* canonical path, to read each file once */
  char *buf;        /* contents followed by two NUL bytes; read-only */
  size_t len;
  size_t maplen;    /* bytes mapped, 0 when buf is malloc'd */
  size_t start;     /* 3 when the file starts with a BOM */
  size_t *lines;    /* line start offsets, built on first use */
  int nlines, capl;
  int state;        /* 0 new, 1 being read (import cycle), 2 done */
  int cmdline;      /* named on the command line (not only imported) */
  int utf16;        /* UTF-16: refused, and its lines are not shown */
  int imported;     /* read for an import: */
  Loc imported_at;  /* the first import statement naming it */
} SourceFile;

typedef enum { SEV_ERROR, SEV_WARNING, SEV_NOTE } Severity;

typedef struct DiagNote {
  Loc loc;
  const char *msg;
  struct DiagNote *next;
} DiagNote;

typedef struct Diag {
  Severity sev;
  const char *rule;
  Loc loc;
  const char *msg;
  DiagNote *notes;    /* printed as note: lines */
  DiagNote *path;     /* a loop as a path of nodes (SARIF relatedLocations) */
  DiagNote *notes_last, *path_last; /* for appending in constant time */
  int seq;
} Diag;

struct Program;

typedef struct Ctx {
  Arena arena;
  SourceFile **files;
  int nfiles, capfiles;
  Diag **diags;
  int ndiags, capdiags;
  int nerrors, nwarnings;
  int werror;
  struct Program *prog;
  const char *root;  /* --root: the directory imports must stay in */
  /* interned names: open addressing, keys in the arena */
  struct Interned { const char *s; unsigned hash, len; } *itab;
  unsigned imask, icount;
  struct Interned irecent[256];   /* recently seen names, by hash */
  unsigned scopes;                /* serials handed out for NameSlot.scope */
} Ctx;

void ctx_init(Ctx *c);
void ctx_free(Ctx *c);

/* Reads path into a new SourceFile (shown as `shown`). Returns its index,
 * or -1 with errno set when it cannot be read. */
int ctx_read_file(Ctx *c, const char *path, const char *shown);
/* Registers an in-memory source (tests, fuzzing); buf is copied. */
int ctx_add_source(Ctx *c, const char *shown, const char *buf, size_t len);
/* Index of the file with canonical path real, or -1. */
int ctx_find_real(Ctx *c, const char *real);

LineCol ctx_linecol(Ctx *c, Loc l);
/* Start and length (without the line break) of line `line` of file f.
 * Not while the file is being scanned (flex holds NULs in the buffer). */
const char *ctx_line(Ctx *c, int file, int line, size_t *len);

/* The one arena copy of the n bytes at s (NUL-terminated), so that a
 * name used many times is stored once, and equal names are equal
 * pointers. */
const char *ctx_intern(Ctx *c, const char *s, size_t n);

/* Every interned name carries one binding slot, stored just before its
 * bytes: resolve.c binds node IDs there (val is meaningful while scope
 * equals the serial of the process being resolved), which saves a hash
 * lookup per reference. Only for results of ctx_intern(). */
typedef struct NameSlot { unsigned scope; int val; } NameSlot;
static inline NameSlot *ctx_name_slot(const char *interned) {
  return (NameSlot *)(void *)((char *)(uintptr_t)interned - sizeof(NameSlot));
}

/* Diagnostics. fmt may use %s with ctx_quote() results. */
Diag *diag(Ctx *c, Severity sev, const char *rule, Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void diag_note(Ctx *c, Diag *d, Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_path(Ctx *c, Diag *d, Loc loc, const char *name);
/* 'text' quoted for a message: control characters escaped, long text cut. */
const char *ctx_quote(Ctx *c, const char *s);

#endif
