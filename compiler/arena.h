/* arena.h — bump allocator. Everything a compile allocates lives in one
 * Arena owned by its Ctx and is released at once by arena_free. */
#ifndef FLOWC_ARENA_H
#define FLOWC_ARENA_H
#include <stdarg.h>
#include <stddef.h>

typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
  ArenaChunk *head;
  char *cur, *end;  /* free and ready (mapped and zeroed) part of head */
  char *limit;      /* end of head */
  size_t total;
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
/* Gives back everything allocated in a, keeping its newest chunk mapped
 * (zeroed again) for what comes next: a scratch arena used many times
 * faults its pages in once. */
void arena_reset(Arena *a);
/* Moves the blocks of from into into (they live as long as into's);
 * from is left empty. */
void arena_adopt(Arena *into, Arena *from);
/* Zeroed memory, 8-byte aligned. Never returns NULL: allocation
 * failure prints a message and exits with status 2. */
void *arena_alloc(Arena *a, size_t n);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *arena_vprintf(Arena *a, const char *fmt, va_list ap);

/* malloc/realloc that end the run cleanly when memory runs out. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void oom(void) __attribute__((noreturn));

#endif
