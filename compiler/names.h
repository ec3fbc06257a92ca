/* names.h — name lookup for resolve and check: an open-addressing table
 * from interned names (ctx_intern: equal names are the same pointer) to
 * indices, and "did you mean" suggestions. Tables live in the Ctx arena. */
#ifndef FLOWC_NAMES_H
#define FLOWC_NAMES_H
#include "ctx.h"

typedef struct NameEntry { const char *key; int val; } NameEntry;
typedef struct NameTable {
  NameEntry *slots;   /* key and value side by side: one cache miss */
  unsigned mask;
} NameTable;

/* A table for up to n names. */
void names_init(Ctx *c, NameTable *t, int n);
/* Adds name -> val; returns the existing value instead when the name is
 * already there (and does not replace it), else -1. */
int names_add(NameTable *t, const char *name, int val);
int names_get(const NameTable *t, const char *name);

/* The candidate nearest to name by edit distance over characters, if
 * near enough to be a likely typo; NULL otherwise. */
const char *names_suggest(Ctx *c, const char *name, const char *const *cands, int n);
/* " (did you mean 'x'?)" or "" */
const char *names_hint(Ctx *c, const char *name, const char *const *cands, int n);

#endif
