/* text_test.c — checks compiler/text.c against WenQuanYi Micro Hei:
 * measuring, wrapping by the Chinese line rules, subsetting, errors.
 * Prints each failure; exits 0 when all pass. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text.h"
#include "utf8.h"

static int failures;

#define CHECK(cond, ...)                                   \
  do {                                                     \
    if (!(cond)) {                                         \
      failures++;                                          \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
      fprintf(stderr, __VA_ARGS__);                        \
      fputc('\n', stderr);                                 \
    }                                                      \
  } while (0)

static int starts_with_any(const char *s, const char *const *set) {
  for (; *set; set++)
    if (strncmp(s, *set, strlen(*set)) == 0) return 1;
  return 0;
}

static void test_width(Font *f) {
  double zh = font_width(f, "中文", strlen("中文"), 10);
  double ab = font_width(f, "ab", 2, 10);
  CHECK(fabs(zh - 20) < 0.5, "width of 中文 at 10pt is %g, want ~20", zh);
  CHECK(ab > 0 && ab < zh, "width of ab is %g, want less than %g", ab, zh);
  CHECK(font_width(f, "", 0, 10) == 0, "empty text has a width");
  double a = font_ascent(f, 10), d = font_descent(f, 10), h = font_line_height(f, 10);
  CHECK(a > 5 && a < 12 && d > 0 && d < 5 && h >= a + d,
        "ascent %g descent %g line height %g", a, d, h);
}

static void test_wrap(Ctx *c, Font *f) {
  static const char *const bad_start[] = {"，", "、", "。", NULL};
  const char *text = "通知录用，证件审核、入职体检、签劳动合同";
  const char **lines;
  double *w;
  int n = font_wrap(c, f, text, 10, 60, &lines, &w);
  char joined[256] = "";
  CHECK(n >= 4, "%d lines, want at least 4", n);
  for (int i = 0; i < n; i++) {
    double m = font_width(f, lines[i], strlen(lines[i]), 10);
    printf("  line %d: %s (%g pt)\n", i, lines[i], w[i]);
    CHECK(w[i] <= 60 && m <= 60, "line %d '%s' is %g/%g pt wide", i, lines[i], w[i], m);
    CHECK(fabs(m - w[i]) < 0.01, "line %d: wrap says %g, font_width %g", i, w[i], m);
    CHECK(!starts_with_any(lines[i], bad_start), "line %d starts with punctuation: %s", i, lines[i]);
    strcat(joined, lines[i]);
  }
  CHECK(strcmp(joined, text) == 0, "lines lose text: %s", joined);

  n = font_wrap(c, f, "开始\n结束", 10, 1000, &lines, NULL);
  CHECK(n == 2 && !strcmp(lines[0], "开始") && !strcmp(lines[1], "结束"),
        "\\n does not force a break (%d lines)", n);
  n = font_wrap(c, f, "", 10, 60, &lines, &w);
  CHECK(n == 1 && lines[0][0] == 0 && w[0] == 0, "empty text gives %d lines", n);

  /* An unbreakable piece is split between characters. */
  n = font_wrap(c, f, "abcdefghijklmnopqrstuvwxyz", 10, 30, &lines, &w);
  CHECK(n > 1, "long word not split");
  for (int i = 0; i < n; i++) CHECK(w[i] <= 30, "piece %d is %g pt wide", i, w[i]);

  /* A line never ends with an opening bracket. */
  n = font_wrap(c, f, "审核资料（原件）", 10, 50, &lines, &w);
  for (int i = 0; i < n; i++) {
    size_t k = strlen(lines[i]);
    CHECK(k < 3 || strcmp(lines[i] + k - 3, "（") != 0, "line %d ends with （: %s", i, lines[i]);
  }
}

static void test_subset(Font *f) {
  const char *s = "开始结束";
  uint32_t cps[8];
  size_t n = 0, len = 0;
  for (size_t i = 0; s[i];) {
    int k = utf8_decode((const unsigned char *)s + i, strlen(s + i), &cps[n++]);
    i += (size_t)k;
  }
  unsigned char *sub = font_subset(f, cps, n, &len);
  CHECK(sub != NULL, "subset failed");
  if (!sub) return;
  printf("  subset of %s: %zu bytes\n", s, len);
  CHECK(len > 500 && len < 20000, "subset is %zu bytes", len);
  CHECK(len > 4 && !memcmp(sub, "\0\1\0\0", 4), "subset is not TrueType");
  free(sub);
}

static void test_errors(void) {
  const char *err = NULL;
  Font *f = font_open("/nonexistent/font.ttf", &err);
  CHECK(!f && err && strstr(err, "/nonexistent/font.ttf"), "bogus font path: %s", err ? err : "(none)");
  if (err) printf("  %s\n", err);
  const char *cff = "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf";
  FILE *fp = fopen(cff, "rb");
  if (fp) {
    fclose(fp);
    err = NULL;
    f = font_open(cff, &err);
    CHECK(!f && err && strstr(err, "glyf") && strstr(err, "fonts-wqy-microhei"),
          "CFF font not refused: %s", err ? err : "(none)");
    if (err) printf("  %s\n", err);
    font_close(f);
  }
}

int main(void) {
  const char *err = NULL;
  Font *f = font_open(NULL, &err);
  if (!f) {
    fprintf(stderr, "FAIL: font_open: %s\n", err);
    return 1;
  }
  printf("  font: %s (%s)\n", font_family(f), font_file(f));
  CHECK(font_ft_face(f) != NULL, "no FreeType face");
  Ctx c;
  ctx_init(&c);
  test_width(f);
  test_wrap(&c, f);
  test_subset(f);
  test_errors();
  ctx_free(&c);
  font_close(f);
  if (failures) fprintf(stderr, "%d failures\n", failures);
  else printf("text_test: all passed\n");
  return failures ? 1 : 0;
}
