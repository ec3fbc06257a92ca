/* arena_test.c — checks compiler/arena.c (blocks zeroed and aligned across
 * chunks, arena_reset reusing and zeroing its newest chunk, arena_adopt
 * keeping blocks alive) and the layout's wrap cache (layout_chain.c: one
 * wrapping per text, width and limit, shared by later asks). Prints each
 * failure; exits 0 when all pass. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "arena.h"
#include "ctx.h"
#include "layout_int.h"
#include "unit_check.h"
#include "text.h"


static int all_zero(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i]) return 0;
  return 1;
}

/* Blocks of many sizes, some larger than a chunk: zeroed, 8-aligned, apart. */
static void test_alloc(void) {
  Arena a;
  arena_init(&a);
  unsigned char *prev = NULL;
  size_t prevn = 0;
  for (size_t i = 0, n = 1; i < 200; i++, n = n * 7 % 300007 + 1) {
    unsigned char *p = arena_alloc(&a, n);
    CHECK(((uintptr_t)p & 7) == 0, "block %zu of %zu bytes is not 8-aligned", i, n);
    CHECK(all_zero(p, n), "block %zu of %zu bytes is not zeroed", i, n);
    memset(p, 0xA5, n);
    CHECK(!prev || prev[prevn - 1] == 0xA5, "block %zu overwrote the one before", i);
    prev = p, prevn = n;
  }
  unsigned char *big = arena_alloc(&a, (size_t)80 << 20); /* more than the largest chunk */
  CHECK(all_zero(big, (size_t)80 << 20), "a block larger than a chunk is not zeroed");
  CHECK(a.total >= ((size_t)80 << 20), "total %zu misses the big block", a.total);
  CHECK(!strcmp(arena_printf(&a, "%s-%d", "步骤", 42), "步骤-42"), "arena_printf");
  arena_free(&a);
  CHECK(!a.head && !a.total, "arena_free leaves chunks");
}

/* After a reset the arena hands out its newest chunk again, zeroed. */
static void test_reset(void) {
  Arena a;
  arena_init(&a);
  arena_reset(&a); /* an empty arena: nothing to do */
  for (int i = 0; i < 64; i++) memset(arena_alloc(&a, 100000), 0xFF, 100000);
  ArenaChunk *head = a.head;
  size_t before = a.total;
  arena_reset(&a);
  CHECK(a.head == head, "reset does not keep the newest chunk");
  CHECK(a.total > 0 && a.total < before, "reset: total %zu of %zu, want the newest chunk's", a.total, before);
  for (int round = 0; round < 3; round++) {
    unsigned char *p = arena_alloc(&a, 4096);
    CHECK(all_zero(p, 4096), "round %d: a block after reset is not zeroed", round);
    memset(p, 0xFF, 4096);
    arena_reset(&a);
    unsigned char *q = arena_alloc(&a, 4096);
    CHECK(q == p, "round %d: reset does not reuse the chunk's start", round);
    arena_reset(&a);
  }
  arena_free(&a);
}

/* Adopted blocks live as long as the adopting arena. */
static void test_adopt(void) {
  Arena into, from, empty;
  arena_init(&into);
  arena_init(&from);
  arena_init(&empty);
  char *kept = arena_strdup(&into, "into");
  char *moved[100];
  for (int i = 0; i < 100; i++) {
    arena_alloc(&from, 50000); /* several chunks */
    moved[i] = arena_printf(&from, "block %d", i);
  }
  size_t total = into.total + from.total;
  arena_adopt(&into, &from);
  CHECK(!from.head && !from.total, "adopt leaves blocks in from");
  CHECK(into.total == total, "adopt: total %zu, want %zu", into.total, total);
  char *after = arena_strdup(&into, "after");
  CHECK(!strcmp(kept, "into") && !strcmp(after, "after"), "into's own blocks changed");
  int same = 1;
  char want[32];
  for (int i = 0; i < 100; i++) {
    snprintf(want, sizeof want, "block %d", i);
    same &= !strcmp(moved[i], want);
  }
  CHECK(same, "an adopted block changed");
  arena_adopt(&empty, &into); /* into an empty arena */
  CHECK(!into.head && empty.total == total, "adopt into an empty arena");
  CHECK(!strcmp(moved[99], "block 99") && !strcmp(kept, "into"), "blocks lost on the second adopt");
  arena_adopt(&empty, &from); /* from an empty arena: nothing */
  CHECK(empty.total == total, "adopting nothing changed the total");
  arena_free(&empty);
}

/* The wrap cache: one wrapping per (text, size, width, limit), the same
 * lines as font_wrap_fit, through growth of the table. */
static void test_wrap_cache(Font *f) {
  Ctx c;
  ctx_init(&c);
  Lay L = {.c = &c, .f = f, .wraps = lay_wrap_cache(&c)};
  static const char text[] = "部门负责人根据工作需要提出招聘需求，填写招聘申请表";
  const char **l1, **l2, **l3, **direct;
  double *w1, *w2, *w3, *dw;
  int n1 = lay_wrap(&L, text, 12, 100, 1.3, &l1, &w1);
  int n2 = lay_wrap(&L, text, 12, 100, 1.3, &l2, &w2);
  CHECK(n1 > 1 && n1 == n2 && l1 == l2 && w1 == w2, "a second ask is not answered from the cache");
  int nd = font_wrap_fit(&c, f, text, 12, 100, 1.3, &direct, &dw);
  int same = nd == n1;
  for (int i = 0; same && i < nd; i++) same = !strcmp(direct[i], l1[i]) && dw[i] == w1[i];
  CHECK(same, "the cache's lines differ from font_wrap_fit's");
  int n3 = lay_wrap(&L, text, 12, 200, 1.3, &l3, &w3);
  CHECK(l3 != l1 && n3 < n1, "another width is answered with the first width's lines");
  char texts[300][24]; /* distinct addresses: the cache grows */
  const char **lines;
  double *widths;
  for (int i = 0; i < 300; i++) {
    snprintf(texts[i], sizeof texts[i], "步骤%d", i);
    lay_wrap(&L, texts[i], 12, 100, 0, &lines, &widths);
  }
  n2 = lay_wrap(&L, text, 12, 100, 1.3, &l2, &w2);
  CHECK(l2 == l1 && n2 == n1, "an entry is lost when the cache grows");
  int n = lay_wrap(&L, texts[123], 12, 100, 0, &lines, &widths);
  CHECK(n == 1 && !strcmp(lines[0], "步骤123"), "entry 123 after growth: %d lines", n);
  ctx_free(&c);
}

int main(void) {
  test_alloc();
  test_reset();
  test_adopt();
  const char *err = NULL;
  Font *f = font_open(NULL, &err);
  if (!f) {
    fprintf(stderr, "arena_test: %s\n", err);
    return 1;
  }
  test_wrap_cache(f);
  font_close(f);
  if (failures) fprintf(stderr, "arena_test: %d failures\n", failures);
  return failures != 0;
}
