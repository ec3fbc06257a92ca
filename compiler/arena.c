/* arena.c — bump allocator with chunk list. */
#include "arena.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ArenaChunk {
  ArenaChunk *next;
  size_t size;
  _Alignas(16) char data[];
};

#define CHUNK_MIN ((size_t)256 * 1024)

void oom(void) {
  fputs("flowc: out of memory\n", stderr);
  exit(2);
}

void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) oom();
  return p;
}

void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) oom();
  return q;
}

void arena_init(Arena *a) { memset(a, 0, sizeof *a); }

void arena_free(Arena *a) {
  ArenaChunk *c = a->head;
  while (c) {
    ArenaChunk *n = c->next;
    free(c);
    c = n;
  }
  memset(a, 0, sizeof *a);
}

void *arena_alloc(Arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (n == 0) n = 16;
  if ((size_t)(a->end - a->cur) < n) {
    size_t sz = n > CHUNK_MIN / 4 ? n : CHUNK_MIN;
    ArenaChunk *c = malloc(sizeof *c + sz);
    if (!c) oom();
    c->size = sz;
    a->total += sz;
    if (n > CHUNK_MIN / 4 && a->head) {
      /* big block: own chunk, keep bumping in the current one */
      c->next = a->head->next;
      a->head->next = c;
      memset(c->data, 0, n);
      return c->data;
    }
    c->next = a->head;
    a->head = c;
    a->cur = c->data;
    a->end = c->data + sz;
  }
  void *p = a->cur;
  a->cur += n;
  memset(p, 0, n);
  return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *arena_strdup(Arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

char *arena_printf(Arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  char *p = arena_alloc(a, (size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}
