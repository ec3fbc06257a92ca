/* arena.c — bump allocator with chunk list. A chunk's pages are made
 * ready (mapped and zeroed) a few MiB at a time by one system call, which
 * on these virtual machines is several times cheaper than a page fault
 * per 4 KiB page, and never for the unused end of the last chunk. Chunks
 * grow with the arena so a big compile takes few. */
#include "arena.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

/* Under AddressSanitizer the free part of each chunk is poisoned and every
 * block is followed by a redzone, so overruns inside the arena are caught. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define REDZONE 16
#else
#define ASAN_POISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#define ASAN_UNPOISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#define REDZONE 0
#endif

struct ArenaChunk {
  ArenaChunk *next;
  size_t size; /* bytes mapped, header included */
  _Alignas(16) char data[];
};

#ifdef ARENA_ASAN /* small compiles (tests, fuzzing) start small */
#define CHUNK_MIN ((size_t)64 << 10)
#else
#define CHUNK_MIN ((size_t)1 << 20)
#endif
#define CHUNK_MAX ((size_t)64 << 20)

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
    ASAN_UNPOISON_MEMORY_REGION(c, c->size);
    munmap(c, c->size);
    c = n;
  }
  memset(a, 0, sizeof *a);
}

void arena_reset(Arena *a) {
  ArenaChunk *keep = a->head;
  if (!keep) return;
  for (ArenaChunk *c = keep->next, *n; c; c = n) {
    n = c->next;
    ASAN_UNPOISON_MEMORY_REGION(c, c->size);
    munmap(c, c->size);
  }
  keep->next = NULL;
  ASAN_UNPOISON_MEMORY_REGION(keep->data, (size_t)(a->cur - keep->data));
  memset(keep->data, 0, (size_t)(a->cur - keep->data));
  ASAN_POISON_MEMORY_REGION(keep->data, (size_t)(a->limit - keep->data));
  a->cur = keep->data;
  a->total = keep->size;
}

void arena_adopt(Arena *into, Arena *from) {
  if (!from->head) return;
  if (!into->head) {
    *into = *from;
  } else {
    ArenaChunk *last = from->head;
    while (last->next) last = last->next;
    last->next = into->head->next; /* behind into's head, as a big block's chunk */
    into->head->next = from->head;
    into->total += from->total;
  }
  memset(from, 0, sizeof *from);
}

#define STEP ((size_t)4 << 20)
#ifdef MADV_POPULATE_WRITE
#define LAZY 0
/* Maps and zeroes n bytes at p now (if the kernel cannot, they fault in
 * one page at a time when used). */
static void make_ready(void *p, size_t n) { (void)madvise(p, n, MADV_POPULATE_WRITE); }
#else
#define LAZY MAP_POPULATE
static void make_ready(void *p, size_t n) { (void)p; (void)n; }
#endif

/* Makes at least n more bytes of the head chunk ready. */
static void ready_more(Arena *a, size_t n) {
  size_t want = n - (size_t)(a->end - a->cur);
  if (want < STEP) want = STEP;
  want = (want + 4095) & ~(size_t)4095;
  if (want > (size_t)(a->limit - a->end)) want = (size_t)(a->limit - a->end);
  char *from = (char *)((uintptr_t)a->end & ~(uintptr_t)4095); /* madvise wants pages */
  a->end += want;
  make_ready(from, (size_t)(a->end - from));
}

static ArenaChunk *chunk_new(Arena *a, size_t need, int exact) {
  size_t sz = a->total / 4;
  if (sz < CHUNK_MIN) sz = CHUNK_MIN;
  if (sz > CHUNK_MAX) sz = CHUNK_MAX;
  if (exact || sz < need + sizeof(ArenaChunk)) sz = need + sizeof(ArenaChunk);
  sz = (sz + 4095) & ~(size_t)4095;
  void *m = mmap(NULL, sz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | LAZY, -1, 0);
  if (m == MAP_FAILED) oom();
  if (exact) make_ready(m, sz);
  ArenaChunk *c = m;
  c->size = sz;
  a->total += sz;
  ASAN_POISON_MEMORY_REGION(c->data, sz - sizeof *c);
  return c;
}

void *arena_alloc(Arena *a, size_t size) {
  size_t n = ((size + 7) & ~(size_t)7) + REDZONE;
  if (size == 0) n += 8;
  if ((size_t)(a->end - a->cur) < n && (size_t)(a->limit - a->cur) >= n) ready_more(a, n);
  if ((size_t)(a->end - a->cur) < n) {
    if (n > CHUNK_MIN / 4 && a->head) {
      /* a big block gets a chunk of its own; keep filling the current one */
      ArenaChunk *c = chunk_new(a, n, 1);
      c->next = a->head->next;
      a->head->next = c;
      ASAN_UNPOISON_MEMORY_REGION(c->data, size);
      return c->data;
    }
    ArenaChunk *c = chunk_new(a, n, 0);
    c->next = a->head;
    a->head = c;
    a->cur = a->end = c->data;
    a->limit = (char *)c + c->size;
    ready_more(a, n);
  }
  void *p = a->cur;
  a->cur += n;
  ASAN_UNPOISON_MEMORY_REGION(p, size);
  return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *arena_strdup(Arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

char *arena_vprintf(Arena *a, const char *fmt, va_list ap) {
  va_list again;
  va_copy(again, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  if (n < 0) n = 0;
  char *p = arena_alloc(a, (size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, again);
  va_end(again);
  return p;
}

char *arena_printf(Arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *p = arena_vprintf(a, fmt, ap);
  va_end(ap);
  return p;
}
