/* manual_front.c — the front matter: cover with the approval block,
 * revision history, contents, symbol legend and process index. */
#include <string.h>
#include "manual_int.h"

const char *const m_approvals_head[3] = {"", "姓名 / 部门", "日期"};
const double m_approvals_w[3] = {0.2, 0.5, 0.3};

/* Prepared on the first revision's date, reviewed on the last's,
 * approved on the effective date. */
const char **m_approvals(Manual *m, const Meta *mt) {
  const char *first = NULL, *last = NULL;
  for (const Revision *r = mt->revisions; r; r = r->next) {
    if (!first) first = m_date(m, r->date);
    last = m_date(m, r->date);
  }
  const char *eff = mt->has_effective ? m_date(m, mt->effective) : last;
  const char **cells = arena_alloc(&m->c->arena, 9 * sizeof *cells);
  const char *row[9] = {
      "编制", m_meta(mt, MK_AUTHOR), first ? first : "—",
      "审核", m_meta(mt, MK_REVIEWER), last ? last : "—",
      "批准", m_meta(mt, MK_APPROVER), eff ? eff : "—",
  };
  memcpy(cells, row, sizeof row);
  return cells;
}

static void cover(Manual *m) {
  Pdf *p = m->p;
  Ctx *c = m->c;
  const Meta *h = m->hm;
  pdf_page(p, PAGE_W, PAGE_H);
  m->landscape = 0;
  /* the controlled-document stamp */
  pdf_stroke_rgb(p, 0.75, 0.1, 0.1);
  pdf_line_width(p, 1.5);
  pdf_rect(p, PAGE_W - MARGIN - 96, 60, 96, 34, PDF_STROKE);
  pdf_text_rgb(p, 0.75, 0.1, 0.1);
  pdf_text(p, PAGE_W - MARGIN - 48, 83, 16, arena_printf(&c->arena, "%s文件", m->status), 1);
  pdf_text_rgb(p, 0, 0, 0);
  pdf_stroke_rgb(p, 0, 0, 0);
  if (h->field[MK_COMPANY].s) pdf_text(p, PAGE_W / 2, 170, 18, h->field[MK_COMPANY].s, 1);
  double th = pdf_para(p, PAGE_W / 2, 230, PAGE_W - 2 * MARGIN - 40, 28, m->title, 1, 1);
  double y = 230 + th + 30;
  pdf_stroke_rgb(p, 0.16, 0.31, 0.55);
  pdf_line_width(p, 1.2);
  pdf_segment(p, MARGIN + 60, y, PAGE_W - MARGIN - 60, y);
  pdf_stroke_rgb(p, 0, 0, 0);
  y += 40;
  const char *rows[4][2] = {
      {"文件编号", m_meta(h, MK_CODE)},
      {"版本", m_meta(h, MK_VERSION)},  /* right-aligned: no padding, so a search finds it */
      {"生效日期", h->has_effective ? m_date(m, h->effective) : "—"},
      {"文件状态", m->status},
  };
  for (int i = 0; i < 4; i++) {
    pdf_text(p, PAGE_W / 2 - 20, y, 13, arena_printf(&c->arena, "%s：", rows[i][0]), 2);
    pdf_text(p, PAGE_W / 2 - 20, y, 13, rows[i][1], 0);
    y += 26;
  }
  m->y = PAGE_H - 250;
  m_table(m, 3, m_approvals_w, m_approvals_head, m_approvals(m, h), 3, NULL, NULL);
  if (h->field[MK_COMPANY].s)
    pdf_text(p, PAGE_W / 2, PAGE_H - 80, 13,
             arena_printf(&c->arena, "%s　发布", h->field[MK_COMPANY].s), 1);
}

static void revisions(Manual *m) {
  const Program *g = m->prog;
  int n = 0;
  for (const Revision *r = m->hm->revisions; r; r = r->next) n++;
  FOR_PROC(m, i)
    for (const Revision *r = g->procs[i]->meta.revisions; r; r = r->next) n++;
  const char **cells = arena_alloc(&m->c->arena, (size_t)(n + 1) * 4 * sizeof *cells);
  int k = 0;
  for (const Revision *r = m->hm->revisions; r; r = r->next) {
    cells[k++] = r->version;
    cells[k++] = m_date(m, r->date);
    cells[k++] = "本手册";
    cells[k++] = r->what;
  }
  FOR_PROC(m, i)
    for (const Revision *r = g->procs[i]->meta.revisions; r; r = r->next) {
      cells[k++] = r->version;
      cells[k++] = m_date(m, r->date);
      cells[k++] = m_proc_name(m, g->procs[i]);
      cells[k++] = r->what;
    }
  m_new_page(m, 0);
  m_heading(m, 0, "修订记录", 0);
  static const char *const head[4] = {"版本", "日期", "适用范围", "修订内容"};
  static const double w[4] = {0.09, 0.15, 0.30, 0.46};
  m_table(m, 4, w, head, cells, n, NULL, NULL);
}

void m_contents(Manual *m) {
  Pdf *p = m->p;
  m_new_page(m, 0);
  m_heading(m, 0, "目录", 0);
  double lh = 17, right = MARGIN + m_width(m);
  int n = 0;
  for (int i = 0; i < m->nprev; i++) n += m->prev[i].level == 0;
  /* a little tighter when that keeps the contents on one page */
  if (n * lh > m_bottom(m) - m->y && n * 14 <= m_bottom(m) - m->y) lh = (m_bottom(m) - m->y) / n;
  for (int i = 0; i < m->nprev; i++) {
    const Entry *e = &m->prev[i];
    if (e->level != 0) continue;
    if (m->y + lh > m_bottom(m)) m_new_page(m, 0);
    double base = m->y + 11;
    double tw = pdf_text(p, MARGIN, base, 10.5, e->title, 0);
    const char *num = m_page_label(m, e->page);
    double nw = pdf_text(p, right, base, 10.5, num, 2);
    pdf_stroke_rgb(p, 0.5, 0.5, 0.5);
    pdf_line_width(p, 0.8);
    pdf_dash(p, 1, 3);
    if (MARGIN + tw + 6 < right - nw - 6) pdf_segment(p, MARGIN + tw + 6, base, right - nw - 6, base);
    pdf_dash(p, 0, 0);
    pdf_stroke_rgb(p, 0, 0, 0);
    pdf_link(p, MARGIN, m->y, m_width(m), lh, e->page, e->top);
    m->y += lh;
  }
}

typedef struct Sym { ShapeKind shape; const char *kw, *name, *meaning; } Sym;

static void legend(Manual *m) {
  static const Sym syms[] = {
      {SH_TERMINATOR, "start / end", "起止", "流程的开始或结束"},
      {SH_PROCESS, "task", "处理", "一个工作步骤"},
      {SH_DECISION, "decision", "判断", "根据条件选择分支，分支上标注条件（如 是 / 否）"},
      {SH_PREDEFINED, "call", "预定义流程", "执行另一个流程，点击可跳转到该流程"},
      {SH_DOCUMENT, "document", "文件", "产生或使用的文件、表单"},
      {SH_DATA, "data", "数据", "数据的输入或输出"},
      {SH_STORE, "store", "存储", "存储的数据、数据库或档案"},
      {SH_MANUAL, "manual", "人工操作", "人工完成的操作"},
      {SH_DELAY, "wait", "等待", "等待（如等待付款、等待期限届满）"},
      {SH_BAR, "fork / join", "并行", "并行工作的开始（分叉）与汇合"},
  };
  Pdf *p = m->p;
  m_new_page(m, 0);
  m_heading(m, 0, "符号说明", 0);
  m_para(m, "本手册的流程图采用 GB/T 1526 / ISO 5807 流程图符号，按泳道（纵列：负责的部门或岗位）"
            "和阶段（横向分区）排列。实线箭头表示流程走向，虚线箭头表示返回前面的步骤。", SZ_BODY);
  m->y += 6;
  double x1 = MARGIN, x2 = MARGIN + 110, x3 = MARGIN + 200, x4 = MARGIN + 270;
  pdf_fill_rgb(p, 0.84, 0.87, 0.92);
  pdf_rect(p, MARGIN, m->y, m_width(m), 20, PDF_FILL);
  pdf_fill_rgb(p, 0, 0, 0);
  pdf_text(p, x1 + 4, m->y + 14, SZ_TABLE, "符号", 0);
  pdf_text(p, x2 + 4, m->y + 14, SZ_TABLE, "关键字", 0);
  pdf_text(p, x3 + 4, m->y + 14, SZ_TABLE, "名称", 0);
  pdf_text(p, x4 + 4, m->y + 14, SZ_TABLE, "含义", 0);
  m->y += 20;
  for (size_t i = 0; i < sizeof syms / sizeof *syms; i++) {
    const Sym *s = &syms[i];
    double rh = 44;
    if (m->y + rh > m_bottom(m)) m_new_page(m, 0);
    Rect r = {x1 + 14, m->y + 10, 76, 26};
    if (s->shape == SH_DECISION) r = (Rect){x1 + 18, m->y + 5, 68, 34};
    if (s->shape == SH_BAR) r = (Rect){x1 + 12, m->y + 19, 80, 6};
    pdf_line_width(p, 1);
    pdf_stroke_rgb(p, 0.1, 0.1, 0.1);
    pdf_fill_rgb(p, 1, 1, 1);
    pdf_shape(p, s->shape, r);
    pdf_fill_rgb(p, 0, 0, 0);
    pdf_text(p, x2 + 4, m->y + 26, SZ_TABLE, s->kw, 0);
    pdf_text(p, x3 + 4, m->y + 26, SZ_TABLE, s->name, 0);
    pdf_para(p, x4 + 4, m->y + 15, MARGIN + m_width(m) - x4 - 8, SZ_TABLE, s->meaning, 0, 1);
    pdf_stroke_rgb(p, 0.6, 0.6, 0.6);
    pdf_line_width(p, 0.5);
    pdf_segment(p, MARGIN, m->y + rh, MARGIN + m_width(m), m->y + rh);
    m->y += rh;
  }
  pdf_stroke_rgb(p, 0, 0, 0);
  m->y += 10;
}

static void index_of_processes(Manual *m) {
  const Program *g = m->prog;
  m_new_page(m, 0);
  m_heading(m, 0, "流程索引", 0);
  const char **cells = arena_alloc(&m->c->arena, (size_t)(g->nprocs + 1) * 6 * sizeof *cells);
  int *link = arena_alloc(&m->c->arena, (size_t)(g->nprocs + 1) * sizeof *link);
  int k = 0;
  FOR_PROC(m, i) {
    const Meta *mt = &g->procs[i]->meta;
    const char **row = cells + k * 6;
    row[0] = m_meta(mt, MK_CODE);
    row[1] = g->procs[i]->title;
    row[2] = m_meta(mt, MK_OWNER);
    row[3] = m_meta(mt, MK_VERSION);
    row[4] = mt->has_effective ? m_date(m, mt->effective) : "—";
    link[k] = m_proc_page(m, i);
    row[5] = m_page_label(m, link[k++]);
  }
  static const char *const head[6] = {"流程编号", "流程名称", "责任部门", "版本", "生效日期", "页码"};
  static const double w[6] = {0.16, 0.36, 0.20, 0.08, 0.13, 0.07};
  m_table(m, 6, w, head, cells, g->nprocs, NULL, link);
}

void m_front(Manual *m) {
  cover(m);
  revisions(m);
  if (m->changes) m_changes(m);
  m_contents(m);
  legend(m);
  index_of_processes(m);
}
