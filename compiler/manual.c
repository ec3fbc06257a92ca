/* manual.c — writing the manual: three passes over the same drawing code
 * (two dry passes settle the contents and page numbers, the third draws),
 * pages with header and footer, headings, paragraphs and tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
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

const char *m_join(Manual *m, const Node *n, AttrKind k, const char *sep) {
  return step_join(&m->c->arena, n, k, sep, &m->marks);
}

const char *m_step_name(Manual *m, const ProcInfo *pi, const Node *n) {
  int k = pi->step[n->index];
  return k ? arena_printf(&m->c->arena, "%d %s", k, step_label(n)) : step_label(n);
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
  const char *company = m->hm->field[MK_COMPANY].s ? m->hm->field[MK_COMPANY].s
                                                   : m->dm->field[MK_COMPANY].s;
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
           arena_printf(&m->c->arena, "文件编号：%s", m_meta(m->dm, MK_CODE)), 0);
  pdf_text(p, w - MARGIN, h - 32, 8.5, arena_printf(&m->c->arena, "%s文件", m->status), 2);
  pdf_text_rgb(p, 0, 0, 0);
  pdf_stroke_rgb(p, 0, 0, 0);
}

void m_new_page(Manual *m, int landscape) {
  m->landscape = landscape;
  if (landscape) pdf_page(m->p, PAGE_H, PAGE_W);
  else pdf_page(m->p, PAGE_W, PAGE_H);
  if (m->kind != MANUAL_CHART) header_footer(m);
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

void m_heading(Manual *m, int level, const char *title, double keep) {
  double size = level == 0 ? 16 : 12;
  double h = pdf_para(m->p, MARGIN, 0, m_width(m), size, title, 0, 0);
  /* a heading keeps some of what follows on its page */
  if (m->y + h + (keep > 0 ? keep + 14 : 70) > m_bottom(m)) m_new_page(m, 0);
  m_mark(m, level, title);
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

static PdfTable table_of(Manual *m, int ncols, const double *frac, const char *const *head) {
  double *w = arena_alloc(&m->c->arena, (size_t)ncols * sizeof *w);
  for (int i = 0; i < ncols; i++) w[i] = frac[i] * m_width(m);
  return (PdfTable){ncols, w, head, MARGIN, SZ_TABLE, BODY_TOP, m_bottom(m), m_table_page, m, 0};
}

void m_table(Manual *m, int ncols, const double *frac, const char *const *head,
             const char *const *cells, int nrows, const unsigned char *kind, const int *link) {
  PdfTable t = table_of(m, ncols, frac, head);
  m->y = pdf_table(m->p, &t, m->y, cells, nrows, kind, link) + 10;
}

static int is_sentence(const MBlock *b) {
  return !b->nrows && b->empty;
}

static PdfTable block_table(Manual *m, const MBlock *b) {
  return table_of(m, b->ncols, b->widths, b->head);
}

/* The block's height without page breaks. */
static double block_h(Manual *m, const MBlock *b) {
  double h = pdf_para(m->p, MARGIN, 0, m_width(m), 12, b->title, 0, 0) + 5;
  if (is_sentence(b)) return h + pdf_para(m->p, MARGIN, 0, m_width(m), SZ_BODY, b->empty, 0, 0) + 8;
  PdfTable t = block_table(m, b);
  return h + pdf_table_height(m->p, &t, b->cells, b->nrows, b->kind) + 10;
}

/* after: what must follow the block on its page. */
static void block(Manual *m, const MBlock *b, double after) {
  double keep;
  PdfTable t = block_table(m, b);
  t.after = after;
  if (is_sentence(b)) keep = pdf_para(m->p, MARGIN, 0, m_width(m), SZ_BODY, b->empty, 0, 0);
  else keep = pdf_table_lead(m->p, &t, b->cells, b->nrows, b->kind);
  m_heading(m, 1, b->title, keep);
  if (is_sentence(b)) m_para(m, b->empty, SZ_BODY);
  else m->y = pdf_table(m->p, &t, m->y, b->cells, b->nrows, b->kind, b->link) + 10;
}

/* A tail this short never stands alone on a page. */
#define SHORT_TAIL 160.0

void m_blocks(Manual *m, const MBlock *b, int n) {
  if (m->landscape) m_new_page(m, 0); /* tables go on portrait pages */
  double *h = arena_alloc(&m->c->arena, (size_t)(n + 1) * sizeof *h);
  /* h[i]: blocks i.. as far as it matters (a long tail is long enough) */
  for (int i = n - 1; i >= 0; i--) h[i] = h[i + 1] + (h[i + 1] < SHORT_TAIL ? block_h(m, &b[i]) : 0);
  double body = m_bottom(m) - BODY_TOP;
  for (int i = 0; i < n; i++) {
    double room = m_bottom(m) - m->y, own = h[i] - h[i + 1], tail = h[i + 1];
    /* block i fits here but its short tail would not: both to a new page;
       a longer one takes its last row along */
    int short_tail = i + 1 < n && tail < SHORT_TAIL;
    if (short_tail && own <= room && own + tail > room && own + tail <= body && m->y > BODY_TOP)
      m_new_page(m, 0);
    block(m, &b[i], short_tail ? tail : 0);
  }
}

/* ---- the order of the processes ---- */

/* Compares codes with their runs of digits as numbers (PR-9 before PR-10). */
static int cmp_code(const char *a, const char *b) {
  while (*a && *b) {
    if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
      char *ea, *eb;
      unsigned long long x = strtoull(a, &ea, 10), y = strtoull(b, &eb, 10);
      if (x != y) return x < y ? -1 : 1;
      a = ea, b = eb;
    } else if (*a != *b) {
      return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
    } else {
      a++, b++;
    }
  }
  return (unsigned char)*a - (unsigned char)*b;
}

static int cmp_proc(const void *x, const void *y) {
  const Process *p = *(const Process *const *)x, *q = *(const Process *const *)y;
  const char *a = p->meta.field[MK_CODE].s, *b = q->meta.field[MK_CODE].s;
  int d = a && b ? cmp_code(a, b) : (a == NULL) - (b == NULL); /* coded ones first */
  if (!d) d = strcmp(p->id, q->id);
  return d ? d : p->index - q->index;
}

/* The processes by code (then by ID). */
static int *proc_order(Manual *m) {
  int n = m->prog->nprocs;
  const Process **ps = arena_alloc(&m->c->arena, (size_t)(n + 1) * sizeof *ps);
  memcpy(ps, m->prog->procs, (size_t)n * sizeof *ps);
  qsort(ps, (size_t)n, sizeof *ps, cmp_proc);
  int *ord = arena_alloc(&m->c->arena, (size_t)(n + 1) * sizeof *ord);
  for (int i = 0; i < n; i++) ord[i] = ps[i]->index;
  return ord;
}

/* ---- the passes ---- */

static void run(Manual *m) {
  m->nent = 0;
  m->chapter = -1;
  if (m->kind != MANUAL_ALL) { /* one process, its pages numbered from 1 */
    m->front = 0;
    m->cur = m->prog->procs[m->only];
    if (m->kind == MANUAL_CHART) m_chart_alone(m, m->only);
    else m_section(m, m->only);
    pdf_page_label(m->p, 0, 'D', 1);
    return;
  }
  m->front = -1;
  m->cur = NULL;
  m_front(m);
  m->front = pdf_pages(m->p);
  FOR_PROC(m, i) m_section(m, i);
  m->cur = NULL;
  m_back(m);
  pdf_page_label(m->p, 0, 'r', 1);
  if (m->front < pdf_pages(m->p)) pdf_page_label(m->p, m->front, 'D', 1);
}

const char *manual_uncontrolled(const Program *g, ManualKind kind, int proc) {
  if (kind == MANUAL_CHART) return NULL;
  if (kind == MANUAL_PROCESS) return g->procs[proc]->meta.field[MK_CODE].s ? NULL : "the process has no code";
  if (!g->nhandbooks) return "the files hold no handbook";
  return g->handbooks[0]->meta.field[MK_CODE].s ? NULL : "the handbook has no code";
}

/* The document's metadata and title. */
static void document(Manual *m) {
  const Handbook *hb = m->prog->nhandbooks ? m->prog->handbooks[0] : NULL;
  m->hm = hb ? &hb->meta : &empty_meta;
  m->dm = m->hm;
  m->title = hb && hb->title ? hb->title
             : m->hm->field[MK_TITLE].s ? m->hm->field[MK_TITLE].s : "流程手册";
  if (m->kind != MANUAL_ALL) {
    m->dm = &m->prog->procs[m->only]->meta;
    m->title = m->prog->procs[m->only]->title;
  }
  m->status = manual_uncontrolled(m->prog, m->kind, m->only) ? "非受控" : "受控";
}

/* Lays out the processes of the document, numbers their steps. */
static void prepare(Manual *m) {
  int np = m->prog->nprocs;
  m->pi = arena_alloc(&m->c->arena, (size_t)(np + 1) * sizeof *m->pi);
  m->ord = proc_order(m);
  for (int i = 0; i < np; i++) {
    ProcInfo *pi = &m->pi[i];
    pi->entry = -1;
    if (m->only >= 0 && i != m->only) continue;
    const Process *p = m->prog->procs[i];
    pi->scene = layout(m->c, p, m->f, &pi->why);
    if (!pi->why) pi->why = "the process could not be laid out";
    Steps st;
    steps_order(&m->c->arena, p, &st);
    pi->order = st.order;
    pi->norder = st.n;
    pi->step = st.num;
  }
}

static void info(Manual *m) {
  Ctx *c = m->c;
  const Meta *mt = m->dm;
  const char *code = mt->field[MK_CODE].s, *ver = mt->field[MK_VERSION].s;
  const char *company = m->hm->field[MK_COMPANY].s ? m->hm->field[MK_COMPANY].s
                                                   : mt->field[MK_COMPANY].s;
  static const char *const what[] = {"流程手册", "程序文件", "流程图"};
  pdf_info(m->p, m->title, mt->field[MK_AUTHOR].s,
           code || ver ? arena_printf(&c->arena, "%s 版本 %s", m_meta(mt, MK_CODE),
                                      m_meta(mt, MK_VERSION)) : NULL,
           arena_printf(&c->arena, "%s%s%s, %s文件, 程序文件", company ? company : "",
                        company ? ", " : "", what[m->kind], m->status));
}

int manual_write(Ctx *c, Font *f, ManualKind kind, int proc, const ManualChanges *ch,
                 const char *out_path, const char **err) {
  Manual m = {0};
  m.kind = kind;
  m.changes = kind == MANUAL_ALL ? ch : NULL;
  m.only = kind == MANUAL_ALL ? -1 : proc;
  m.c = c;
  m.f = f;
  m.prog = c->prog;
  document(&m);
  prepare(&m);
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
    info(&m);
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

/* The whole of file path into *out; 0, or -1. */
static int slurp(const char *path, char **out, size_t *len) {
  FILE *in = fopen(path, "rb");
  if (!in) return -1;
  FILE *m = open_memstream(out, len);
  if (!m) oom();
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, m);
  int bad = ferror(in);
  fclose(in);
  fclose(m);
  if (bad) {
    free(*out);
    *out = NULL;
  }
  return bad ? -1 : 0;
}

int manual_write_mem(Ctx *c, Font *f, ManualKind kind, int proc, char **out, size_t *len,
                     const char **err) {
  const char *tmp = getenv("TMPDIR");
  char dir[4096], file[4200];
  snprintf(dir, sizeof dir, "%s/flowc-pdf-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(dir)) {
    *err = "cannot make a temporary directory for the PDF";
    return -1;
  }
  snprintf(file, sizeof file, "%s/document.pdf", dir);
  Ctx own = *c; /* the program is only read; what the document allocates goes here */
  arena_init(&own.arena);
  int rc = manual_write(&own, f, kind, proc, NULL, file, err);
  if (rc && *err) *err = arena_strdup(&c->arena, *err); /* it may live in own's arena */
  arena_free(&own.arena);
  *out = NULL;
  *len = 0;
  if (!rc && slurp(file, out, len) != 0) {
    *err = "cannot read the PDF back from its temporary file";
    rc = -1;
  }
  unlink(file);
  rmdir(dir);
  return rc;
}
