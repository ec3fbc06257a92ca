/* text_test.c — checks compiler/text.c against WenQuanYi Micro Hei:
 * measuring, wrapping by the Chinese line rules, subsetting, errors.
 * Prints each failure; exits 0 when all pass. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unit_check.h"
#include "text.h"
#include "utf8.h"


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

/* Wrapping as data: text at 10 pt, the width, the limit of font_wrap_fit
 * (0: font_wrap), the lines wanted joined by "|", and what the case shows.
 * Labels are real ones from flows/; at 10 pt an ideograph is 10 pt
 * wide. */
static const struct {
  const char *text;
  double maxw, limit;
  const char *want, *what;
} WRAPS[] = {
    /* not inside a word of ICU's dictionary where another break does */
    {"每日向财务部了解回款情况", 50, 0, "每日向|财务部了解|回款情况", "了解 whole (not 每日向财|务部了解)"},
    {"每月底与客户核对往来账目", 50, 0, "每月底|与客户核对|往来账目", "核对 whole"},
    /* the fewest lines, as even as possible */
    {"挑选简历，安排笔试、面试", 84, 0, "挑选简历，|安排笔试、面试", "balanced, not 8 + 4"},
    {"通知录用，证件审核、入职体检、签劳动合同", 120, 0, "通知录用，证件审核、|入职体检、签劳动合同",
     "balanced, not 12 + 8"},
    {"通知录用，证件审核、入职体检、签劳动合同", 60, 0, "通知录用，|证件审核、|入职体检、|签劳动合同",
     "balanced in four lines, each after punctuation"},
    {"核对报销人有无借款，冲销借款", 120, 0, "核对报销人有无|借款，冲销借款",
     "balanced, as the break after punctuation gives 10 + 4"},
    {"填写《费用报销单》，粘贴原始票据", 120, 0, "填写《费用报销单》，|粘贴原始票据",
     "balanced, not 12 + 4"},
    /* a break after punctuation beats a slightly more even one */
    {"一联交财务部门，财务入账", 84, 0, "一联交财务部门，|财务入账", "after punctuation, not 6 + 6"},
    {"向顾客说明原因，协商处理", 84, 0, "向顾客说明原因，|协商处理", "after punctuation, not 6 + 6"},
    /* word guesses without a dictionary */
    {"通知部门负责人，说明原因与理由", 70, 0, "通知部门|负责人，|说明原因与理由",
     "balanced, after punctuation"},
    {"营销总监审核，提出意见和建议", 60, 0, "营销总监|审核，提出|意见和建议",
     "no line starts with one ideograph and punctuation (核，)"},
    {"发布培训通知，组织报名，准备场地和设备", 60, 0, "发布培训|通知，组织|报名，准备|场地和设备",
     "no line ends with punctuation and one ideograph (，准)"},
    {"处理货物清关手续和报关工作", 120, 0, "处理货物清关手续|和报关工作", "before the conjunction 和"},
    {"合同归档并进行有效管理", 84, 0, "合同归档|并进行有效管理", "before the conjunction 并"},
    {"编制《档案销毁清册》", 84, 0, "编制|《档案销毁清册》", "a title in 《》 stays whole"},
    {"销售计划审批通过？", 56, 0, "销售计划|审批通过？", "a tie goes to the longer last line"},
    {"提交3份报告", 50, 0, "提交|3份报告", "a number stays with its measure word"},
    /* never inside a Latin word or a number, unless it is wider than the line */
    {"Submit the purchase request to the manager", 84, 0, "Submit the|purchase request|to the manager",
     "Latin words whole, lines balanced"},
    {"提交ISO9001认证材料和年度审核报告", 50, 0, "提交|ISO9001认|证材料和年|度审核报告",
     "ISO9001 whole"},
    {"abcdefghijklmnopqrstuvwxyz", 30, 0, "abcde|fghijkl|mnop|qrstu|vwxyz",
     "a word wider than the line split into even pieces"},
    {"abcdefghijkl,mnop", 30, 0, "abcde|fghijkl,|mnop", "split there too, no line starts with ,"},
    /* the Chinese rules */
    {"审核资料（原件）", 30, 0, "审核资|料（原|件）", "no line ends with （ or starts with ）"},
    /* orphans: a line of one character or a last line of two */
    {"不予借阅，结束", 60, 0, "不予|借阅，结束", "no last line of two (结束) when avoidable"},
    {"编制《档案销毁清册》", 30, 0, "编制|《档案|销毁|清册》", "a last line of two, not of one (册》)"},
    {"不予借阅，结束", 60, 84, "不予借阅，结束", "font_wrap_fit widens rather than cut 不予 / 借阅"},
    {"审核通过", 30, 0, "审核|通过", "an orphan that cannot be avoided at maxw"},
    {"审核通过", 30, 100, "审核通过", "font_wrap_fit takes the narrowest width that avoids it"},
    {"审核通过", 30, 35, "审核|通过", "font_wrap_fit keeps to its limit"},
    {"Approve it", 40, 0, "Approve|it", "an orphan 'it' that cannot be avoided at maxw"},
    {"Approve it", 40, 60, "Approve it", "font_wrap_fit: no last line 'it'"},
    {"态度和蔼，语音亲切，主动问候：“XX花园或公寓，你好”", 50, 160,
     "态度和蔼，|语音亲切，|主动问候：|“XX花园或|公寓，你好”", "font_wrap_fit: a longer last line"},
    /* forced breaks and empty text */
    {"开始\n结束", 1000, 0, "开始|结束", "\\n forces a break"},
    {"审批\r\n\n结束", 1000, 0, "审批||结束", "\\r\\n is one break; an empty line stays"},
    {"开始\n", 1000, 0, "开始|", "a final \\n gives an empty last line"},
    {"部门负责人退回报销人补正或说明\n（原件）", 84, 0, "部门负责人退回|报销人补正或说明|（原件）",
     "wrapping between forced breaks"},
    {"", 60, 0, "", "empty text is one empty line"},
    {"  ", 60, 0, "", "spaces alone are one empty line"},
};

/* Checks what holds for every wrapping: lines no wider than the limit,
 * widths as font_width measures them, the Chinese rules, and no text lost
 * (the lines give the text back, less line breaks and spaces at breaks). */
static void check_lines(Font *f, const char *text, double limit, const char **lines,
                        const double *w, int n) {
  static const char *const bad_start[] = {"，", "、", "。", "；", "：", "？", "！",
                                          "）", "》", "」", ",", ")", NULL};
  static const char *const bad_end[] = {"（", "《", "「", NULL};
  char joined[512] = "", want[512] = "";
  for (int i = 0; i < n; i++) {
    size_t k = strlen(lines[i]);
    double m = font_width(f, lines[i], k, 10);
    CHECK(w[i] <= limit + 1e-9, "'%s': line %d '%s' is %g pt, limit %g", text, i, lines[i], w[i],
          limit);
    CHECK(fabs(m - w[i]) < 0.01, "'%s': line %d: wrap says %g, font_width %g", text, i, w[i], m);
    for (const char *const *b = bad_start; *b; b++)
      CHECK(strncmp(lines[i], *b, strlen(*b)) != 0, "'%s': line %d starts with %s", text, i, *b);
    for (const char *const *b = bad_end; *b; b++)
      CHECK(k < strlen(*b) || strcmp(lines[i] + k - strlen(*b), *b) != 0,
            "'%s': line %d ends with %s", text, i, *b);
    if (strlen(joined) + k < sizeof joined) strcat(joined, lines[i]);
  }
  for (const char *s = text; *s && strlen(want) + 1 < sizeof want; s++)
    if (*s != '\n' && *s != '\r' && *s != ' ') strncat(want, s, 1);
  for (char *s = joined, *o = joined;; s++)
    if (*s != ' ' && !(*o++ = *s)) break;
  CHECK(strcmp(joined, want) == 0, "'%s': the lines give back '%s'", text, joined);
}

/* Characters of s that are not punctuation. */
static int letters(const char *s) {
  int n = 0;
  for (size_t i = 0, len = strlen(s); i < len;) {
    uint32_t cp;
    int k = utf8_decode((const unsigned char *)s + i, len - i, &cp);
    i += k ? (size_t)k : 1;
    n += !(cp < 0x80 ? cp <= ' ' || strchr("!\"#%&'()*,-./:;?@[]_{}", (int)cp)
                     : (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
                           (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20));
  }
  return n;
}

static void test_wrap(Ctx *c, Font *f) {
  int pass = 0, total = (int)(sizeof WRAPS / sizeof *WRAPS);
  for (int i = 0; i < total; i++) {
    const char *text = WRAPS[i].text, **lines;
    double *w, maxw = WRAPS[i].maxw, limit = WRAPS[i].limit;
    int n = limit ? font_wrap_fit(c, f, text, 10, maxw, limit, &lines, &w)
                  : font_wrap(c, f, text, 10, maxw, &lines, &w);
    char got[512] = "";
    for (int k = 0; k < n; k++) {
      if (k) strcat(got, "|");
      strncat(got, lines[k], sizeof got - strlen(got) - 2);
    }
    int before = failures;
    CHECK(!strcmp(got, WRAPS[i].want), "%s: '%s' at %g%s: got '%s', want '%s'", WRAPS[i].what,
          text, maxw, limit ? " (fit)" : "", got, WRAPS[i].want);
    check_lines(f, text, limit > maxw ? limit : maxw, lines, w, n);
    pass += failures == before;
  }
  printf("  wrapping: %d of %d cases pass\n", pass, total);

  /* Real labels at every width of a lane: never wider than the lane
   * (nor the limit), no orphan once a 40 pt wider box is allowed. */
  static const char *const labels[] = {
      "通知部门负责人，说明原因与理由", "挑选简历，安排笔试、面试",
      "通知录用，证件审核、入职体检、签劳动合同", "核对报销人有无借款，冲销借款",
      "填写《费用报销单》，粘贴原始票据", "销售人员定期跟进客户，了解客户满意度和售后服务需求",
      "对可能成为坏账的应收账款计提坏账准备；确定发生的坏账查明原因、明确责任，审批后核销，账销案存",
      "态度和蔼，语音亲切，主动问候：“XX花园或公寓，你好”", NULL};
  for (const char *const *t = labels; *t; t++)
    for (double maxw = 40; maxw <= 160; maxw += 4) {
      const char **lines;
      double *w;
      int n = font_wrap(c, f, *t, 10, maxw, &lines, &w);
      check_lines(f, *t, maxw, lines, w, n);
      n = font_wrap_fit(c, f, *t, 10, maxw, maxw + 40, &lines, &w);
      check_lines(f, *t, maxw + 40, lines, w, n);
      for (int k = 0; k < n && n > 1; k++) {
        int chars = letters(lines[k]);
        CHECK(chars > 1 && (k < n - 1 || chars > 2), "'%s' fit at %g: orphan line %d '%s'", *t,
              maxw, k, lines[k]);
      }
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
