/* names.c — hash table of names and nearest-name suggestions. */
#include "names.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "utf8.h"

static unsigned hash(const char *s) {
  uint64_t h = (uint64_t)(uintptr_t)s * 0x9E3779B97F4A7C15ull;
  return (unsigned)(h >> 32);
}

void names_init(Ctx *c, NameTable *t, int n) {
  unsigned cap = 16;
  while (cap < (unsigned)n + (unsigned)n / 2 + 2) cap <<= 1;
  t->slots = arena_alloc(&c->arena, sizeof *t->slots * cap);
  memset(t->slots, 0, sizeof *t->slots * cap);
  t->mask = cap - 1;
}

int names_add(NameTable *t, const char *name, int val) {
  unsigned i = hash(name) & t->mask;
  while (t->slots[i].key) {
    if (t->slots[i].key == name) return t->slots[i].val;
    i = (i + 1) & t->mask;
  }
  t->slots[i].key = name;
  t->slots[i].val = val;
  return -1;
}

int names_get(const NameTable *t, const char *name) {
  unsigned i = hash(name) & t->mask;
  while (t->slots[i].key) {
    if (t->slots[i].key == name) return t->slots[i].val;
    i = (i + 1) & t->mask;
  }
  return -1;
}

enum { MAXLEN = 64 };

static int decode_all(const char *s, uint32_t *out) {
  int n = 0;
  size_t len = strlen(s), i = 0;
  while (i < len && n < MAXLEN) {
    uint32_t cp;
    int k = utf8_decode((const unsigned char *)s + i, len - i, &cp);
    if (!k) { cp = (unsigned char)s[i]; k = 1; }
    if (!utf8_is_invisible(cp)) out[n++] = cp; /* 'a' is next to 'a\u{FEFF}' */
    i += (size_t)k;
  }
  return n;
}

/* Levenshtein distance, giving up (returning limit+1) beyond limit. */
static int distance(const uint32_t *a, int na, const uint32_t *b, int nb, int limit) {
  int prev[MAXLEN + 1], cur[MAXLEN + 1];
  if (abs(na - nb) > limit) return limit + 1;
  for (int j = 0; j <= nb; j++) prev[j] = j;
  for (int i = 1; i <= na; i++) {
    cur[0] = i;
    int best = cur[0];
    for (int j = 1; j <= nb; j++) {
      int d = prev[j - 1] + (a[i - 1] != b[j - 1]);
      if (prev[j] + 1 < d) d = prev[j] + 1;
      if (cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
      cur[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    memcpy(prev, cur, sizeof(int) * (size_t)(nb + 1));
  }
  return prev[nb];
}

const char *names_suggest(Ctx *c, const char *name, const char *const *cands, int n) {
  (void)c;
  uint32_t a[MAXLEN], b[MAXLEN];
  int na = decode_all(name, a);
  int limit = na <= 3 ? 1 : (na + 2) / 3;
  const char *best = NULL;
  for (int i = 0; i < n; i++) {
    if (!cands[i] || strcmp(cands[i], name) == 0) continue;
    int nb = decode_all(cands[i], b);
    int d = distance(a, na, b, nb, limit);
    if (d <= limit && d < na && d < nb) { /* not every character replaced ('e' is not near 's') */
      best = cands[i];
      limit = d - 1;
      if (limit < 0) break;
    }
  }
  return best;
}

const char *names_hint(Ctx *c, const char *name, const char *const *cands, int n) {
  const char *s = names_suggest(c, name, cands, n);
  return s ? arena_printf(&c->arena, " (did you mean %s?)", ctx_quote(c, s)) : "";
}
