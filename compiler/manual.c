/* manual.c — writing the manual: three passes over the same drawing code
 * (two dry passes settle the contents and page numbers, the third draws),
 * pages with header and footer, headings, paragraphs and tables. */
#include <stdlib.h>
#include <string.h>
#include "layout.h"
#include "manual.h"
#include "manual_int.h"
#include "steps.h"

static const Meta empty_meta;

/* ---- text helpers ---- */

const char *m_meta(const Meta *mt, MetaKey k) {
  const char *s = mt->field[k].s;
  return s && *s ? s : "—";
}

const char *m_date(Manual *m, Date d) {
  return arena_printf(&m->c->arena, "%04d-%02d-%02d", d.y, d.m, d.d);
}

const char *m_dur(Manual *m, Duration d) {
  return step_dur(&m->c->arena, d);
}

const char *m_attr(const Node *n, AttrKind k) {
  for (const Attr *a = n->attrs; a; a = a->next)
    if (a->kind == k) return a->text.s;
  return NULL;
}

const char *m_join(Manual *m, const Node *n, AttrKind k, const char *sep) {
  return step_join(&m->c->arena, n, k, sep);
}

const char *m_proc_name(Manual *m, const Process *p) {
  const char *code = p->meta.field[MK_CODE].s;
  return code ? arena_printf(&m->c->arena, "%s %s", code, p->title) : p->title;
}

static const char *roman(Manual *m, int n) {
  static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
  static const char *const sym[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
  char buf[64] = "";
  size_t len = 0;
  for (int i = 0; i < 13 && len < 48; i++)
    while (n >= val[i] && len < 48) {
      n -= val[i];
      strcpy(buf + len, sym[i]);
      len += strlen(sym[i]);
    }
  return arena_strdup(&m->c->arena, buf);
}

const char *m_page_label(const Manual *m, int page) {
  Manual *mm = (Manual *)m;
  if (page < 0) return "";
  int front = m->front >= 0 ? m->front : m->prev_front;
  if (page < front || !front) return roman(mm, page + 1);
  return arena_printf(&m->c->arena, "%d", page - front + 1);
}

/* ---- pages ---- */

double m_bottom(const Manual *m) {
  return (m->landscape ? PAGE_W : PAGE_H) - BODY_BOTTOM_GAP;
}
double m_width(const Manual *m) {
  return (m->landscape ? PAGE_H : PAGE_W) - 2 * MARGIN;
}

static void header_footer(Manual *m) {
  Pdf *p = m->p;
  double w = pdf_page_w(p), h = pdf_page_h(p);
  int page = pdf_pages(p) - 1;
  const char *company = m->hm->field[MK_COMPANY].s;
  const char *left = company ? arena_printf(&m->c->arena, "%s · %s", company, m->title) : m->title;
  const Meta *mt = m->cur ? &m->cur->meta : m->hm;
  const char *right = arena_printf(&m->c->arena, "%s　版本 %s", m_meta(mt, MK_CODE),
                                   m_meta(mt, MK_VERSION));
  pdf_text_rgb(p, 0.3, 0.3, 0.3);
  pdf_text(p, MARGIN, 44, 8.5, left, 0);
  pdf_text(p, w - MARGIN, 44, 8.5, right, 2);
  pdf_line_width(p, 0.6);
  pdf_stroke_rgb(p, 0.35, 0.35, 0.35);
  pdf_segment(p, MARGIN, 50, w - MARGIN, 50);
  pdf_segment(p, MARGIN, h - 46, w - MARGIN, h - 46);
  int in_front = m->front < 0;
  const char *num, *tot;
  if (in_front) {
    num = roman(m, page + 1);
    tot = roman(m, m->prev_front > 0 ? m->prev_front : 1);
  } else {
    num = arena_printf(&m->c->arena, "%d", page - m->front + 1);
    int body = m->prev_total - m->prev_front;
    tot = arena_printf(&m->c->arena, "%d", body > 0 ? body : 1);
  }
  pdf_text(p, w / 2, h - 32, 8.5, arena_printf(&m->c->arena, "第 %s 页 / 共 %s 页", num, tot), 1);
  pdf_text(p, MARGIN, h - 32, 8.5,
           arena_printf(&m->c->arena, "文件编号：%s", m_meta(m->hm, MK_CODE)), 0);
  pdf_text(p, w - MARGIN, h - 32, 8.5, "受控文件", 2);
  pdf_text_rgb(p, 0, 0, 0);
  pdf_stroke_rgb(p, 0, 0, 0);
}

void m_new_page(Manual *m, int landscape) {
  m->landscape = landscape;
  if (landscape) pdf_page(m->p, PAGE_H, PAGE_W);
  else pdf_page(m->p, PAGE_W, PAGE_H);
  header_footer(m);
  m->y = BODY_TOP;
}

double m_table_page(void *ud) {
  Manual *m = ud;
  m_new_page(m, 0);
  return m->y;
}

void m_space(Manual *m, double h) {
  m->y += h;
}

/* ---- contents entries and headings ---- */

int m_mark(Manual *m, int level, const char *title) {
  if (m->nent >= m->capent) {
    m->capent = m->capent ? m->capent * 2 : 64;
    m->ent = xrealloc(m->ent, (size_t)m->capent * sizeof *m->ent);
  }
  int page = pdf_pages(m->p) - 1;
  m->ent[m->nent] = (Entry){level, title, page, m->y - 6};
  if (level == 0) m->chapter = pdf_outline(m->p, -1, title, page, m->y - 6, 1);
  else pdf_outline(m->p, m->chapter, title, page, m->y - 6, 0);
  return m->nent++;
}

int m_entry_page(const Manual *m, int entry) {
  return m->prev && entry >= 0 && entry < m->nprev ? m->prev[entry].page : -1;
}

int m_proc_page(const Manual *m, int proc) {
  return m_entry_page(m, m->pi[proc].entry);
}

void m_heading(Manual *m, int level, const char *title, int bookmark) {
  double size = level == 0 ? 16 : 12;
  double h = pdf_para(m->p, MARGIN, 0, m_width(m), size, title, 0, 0);
  /* a heading keeps some of what follows on its page */
  if (m->y + h + 70 > m_bottom(m)) m_new_page(m, 0);
  if (bookmark) m_mark(m, level, title);
  if (level == 0) {
    pdf_fill_rgb(m->p, 0.16, 0.31, 0.55);
    pdf_rect(m->p, MARGIN, m->y, 4, h, PDF_FILL);
    pdf_fill_rgb(m->p, 0, 0, 0);
    pdf_text_rgb(m->p, 0.10, 0.20, 0.40);
    pdf_para(m->p, MARGIN + 10, m->y, m_width(m) - 10, size, title, 0, 1);
    m->y += h + 4;
    pdf_stroke_rgb(m->p, 0.16, 0.31, 0.55);
    pdf_line_width(m->p, 0.8);
    pdf_segment(m->p, MARGIN, m->y, MARGIN + m_width(m), m->y);
    pdf_stroke_rgb(m->p, 0, 0, 0);
    m->y += 10;
  } else {
    pdf_text_rgb(m->p, 0.10, 0.20, 0.40);
    pdf_para(m->p, MARGIN, m->y, m_width(m), size, title, 0, 1);
    m->y += h + 5;
  }
  pdf_text_rgb(m->p, 0, 0, 0);
}

void m_para(Manual *m, const char *s, double size) {
  const char **lines;
  int n = font_wrap(m->c, m->f, s, size, m_width(m), &lines, NULL);
  double lh = pdf_line_h(m->p, size), asc = pdf_ascent(m->p, size);
  for (int i = 0; i < n; i++) {
    if (m->y + lh > m_bottom(m)) m_new_page(m, 0);
    pdf_text(m->p, MARGIN, m->y + asc, size, lines[i], 0);
    m->y += lh;
  }
  m->y += 8;
}

void m_table(Manual *m, int ncols, const double *frac, const char *const *head,
             const char *const *cells, int nrows, const unsigned char *kind, const int *link) {
  double *w = arena_alloc(&m->c->arena, (size_t)ncols * sizeof *w);
  for (int i = 0; i < ncols; i++) w[i] = frac[i] * m_width(m);
  PdfTable t = {ncols, w, head, MARGIN, SZ_TABLE, m_bottom(m), m_table_page, m};
  m->y = pdf_table(m->p, &t, m->y, cells, nrows, kind, link) + 10;
}

/* ---- the passes ---- */

static void run(Manual *m) {
  m->nent = 0;
  m->front = -1;
  m->cur = NULL;
  m_front(m);
  m->front = pdf_pages(m->p);
  for (int i = 0; i < m->prog->nprocs; i++) m_section(m, i);
  m->cur = NULL;
  m_back(m);
  pdf_page_label(m->p, 0, 'r', 1);
  if (m->front < pdf_pages(m->p)) pdf_page_label(m->p, m->front, 'D', 1);
}

int manual_write(Ctx *c, Font *f, const char *out_path, const char **err) {
  Manual m = {0};
  m.c = c;
  m.f = f;
  m.prog = c->prog;
  const Handbook *hb = m.prog->nhandbooks ? m.prog->handbooks[0] : NULL;
  m.hm = hb ? &hb->meta : &empty_meta;
  m.title = hb && hb->title ? hb->title
            : m.hm->field[MK_TITLE].s ? m.hm->field[MK_TITLE].s : "流程手册";
  int np = m.prog->nprocs;
  m.pi = arena_alloc(&c->arena, (size_t)(np + 1) * sizeof *m.pi);
  for (int i = 0; i < np; i++) {
    const Process *p = m.prog->procs[i];
    m.pi[i].scene = layout(c, p, f, &m.pi[i].why);
    if (!m.pi[i].why) m.pi[i].why = "the process could not be laid out";
    Steps st;
    steps_order(&c->arena, p, &st);
    m.pi[i].order = st.order;
    m.pi[i].norder = st.n;
    m.pi[i].step = st.num;
  }
  /* pass 0 finds the entries, pass 1 their pages, pass 2 draws */
  Entry *prev = NULL;
  Pdf *dry = NULL;
  int rc = 0;
  font_missing_clear(f); /* only this manual's text counts */
  for (int pass = 0; pass < 3 && !rc; pass++) {
    if (pass == 2 && (*err = font_missing(f))) { /* all text measured, none drawn */
      rc = -1;
      break;
    }
    Pdf *p = pdf_open(c, f, pass == 2 ? dry : NULL, err);
    if (!p) { rc = -1; break; }
    m.p = p;
    m.prev = prev;
    const char *code = m.hm->field[MK_CODE].s, *ver = m.hm->field[MK_VERSION].s;
    pdf_info(p, m.title, m.hm->field[MK_AUTHOR].s,
             code || ver ? arena_printf(&c->arena, "%s 版本 %s", m_meta(m.hm, MK_CODE),
                                        m_meta(m.hm, MK_VERSION)) : NULL,
             arena_printf(&c->arena, "%s%s流程手册, 受控文件, 程序文件",
                          m.hm->field[MK_COMPANY].s ? m.hm->field[MK_COMPANY].s : "",
                          m.hm->field[MK_COMPANY].s ? ", " : ""));
    run(&m);
    if (pass == 2) rc = pdf_save(p, out_path, err);
    free(prev);
    prev = m.ent;
    m.nprev = m.nent;
    m.ent = NULL;
    m.capent = 0;
    m.prev_front = m.front;
    m.prev_total = pdf_pages(p);
    if (dry) pdf_close(dry);
    dry = p;
  }
  if (dry) pdf_close(dry);
  free(prev);
  free(m.ent);
  return rc;
}
