/* manual_int.h — what the files of the manual share: the Manual being
 * written, its page and text helpers (manual.c), and the parts
 * (manual_front.c, manual_section.c, manual_chart.c, manual_back.c).
 * All of it lives in the Ctx arena; the entry arrays are freed by
 * manual_write. Not a public interface. */
#ifndef FLOWC_MANUAL_INT_H
#define FLOWC_MANUAL_INT_H
#include "chart_pages.h"
#include "ir.h"
#include "manual.h"
#include "marks.h"
#include "pdf.h"
#include "scene.h"

/* A4 in points, margins, the body area. */
#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 56.0
#define BODY_TOP 72.0
#define BODY_BOTTOM_GAP 62.0

#define SZ_BODY 10.0
#define SZ_TABLE 9.0

/* A place the contents and the bookmarks point at. */
typedef struct Entry {
  int level;           /* 0: chapter (contents and bookmarks), 1: bookmarks only */
  const char *title;
  int page;
  double top;
} Entry;

/* One process in the manual: its flow order and step numbers. */
typedef struct ProcInfo {
  const Scene *scene;  /* NULL when it could not be laid out */
  const char *why;     /* layout error */
  int *order;          /* node indices: by phase, then in flow order */
  int norder;
  int *step;           /* step number of each node, 0 for start and end */
  int entry;           /* its Entry index */
} ProcInfo;

typedef struct Manual {
  ManualKind kind;
  int only;            /* the process of a one-process document, else -1 */
  Ctx *c;
  Font *f;
  Pdf *p;
  const Program *prog;
  const Meta *hm;      /* the handbook's metadata (an empty one if none) */
  const Meta *dm;      /* the document's: the handbook's, or the process's */
  const char *title;   /* the document's title */
  const char *status;  /* 受控 or 非受控 */
  ProcInfo *pi;
  int *ord;            /* every process, in the manual's order (proc_order) */
  Entry *ent; int nent, capent;   /* this pass */
  const Entry *prev; int nprev;   /* the previous pass */
  int prev_front, prev_total;     /* page counts of the previous pass */
  int front;                      /* pages before the body; -1 while in front matter */
  const Process *cur;             /* the section being written, NULL elsewhere */
  Marks marks;                    /* its footnotes of content added beyond its source */
  const ManualChanges *changes;   /* the page 本版变更, or NULL */
  int landscape;
  double y;                       /* the cursor on the current page */
  int chapter;                    /* outline index of the last chapter */
} Manual;

/* Each process in the manual's order; i is its index in Program.procs. */
#define FOR_PROC(m, i) \
  for (int i##_k = 0, i = 0; i##_k < (m)->prog->nprocs && ((i = (m)->ord[i##_k]), 1); i##_k++)

/* manual.c */
double m_bottom(const Manual *m);
double m_width(const Manual *m);        /* width of the body */
void m_new_page(Manual *m, int landscape);
double m_table_page(void *ud);          /* PdfTable.new_page: a portrait page */
int m_mark(Manual *m, int level, const char *title);
/* A heading with a contents entry; it starts a new page unless keep
 * points (0: some lines) of what follows fit below it. */
void m_heading(Manual *m, int level, const char *title, double keep);
void m_para(Manual *m, const char *s, double size);
void m_space(Manual *m, double h);
void m_table(Manual *m, int ncols, const double *widths, const char *const *head,
             const char *const *cells, int nrows, const unsigned char *kind, const int *link);
/* A part of a section: a level-1 heading with its table (widths are
 * fractions of the body width), or the sentence `empty` when the table
 * has no row and empty is not NULL. */
typedef struct MBlock {
  const char *title;
  int ncols;
  const double *widths;
  const char *const *head;
  const char *const *cells;
  int nrows;
  const unsigned char *kind;
  const int *link;
  const char *empty;
} MBlock;
/* Writes the blocks in order, each heading with its first row or
 * sentence; a short tail of blocks that would go alone onto a new page
 * takes the block before it along. */
void m_blocks(Manual *m, const MBlock *b, int n);
int m_entry_page(const Manual *m, int entry);   /* page from the previous pass, or -1 */
int m_proc_page(const Manual *m, int proc);
const char *m_page_label(const Manual *m, int page);
const char *m_meta(const Meta *mt, MetaKey k);   /* the text, or "—" */
const char *m_date(Manual *m, Date d);
const char *m_dur(Manual *m, Duration d);
const char *m_join(Manual *m, const Node *n, AttrKind k, const char *sep);
const char *m_proc_name(Manual *m, const Process *p);  /* "CODE 标题" */
const char *m_step_name(Manual *m, const ProcInfo *pi, const Node *n); /* "5 text" */

/* the parts */
/* The approval block 编制/审核/批准 of mt: 3 rows of 3 cells, and its head. */
const char **m_approvals(Manual *m, const Meta *mt);
extern const char *const m_approvals_head[3];
extern const double m_approvals_w[3];
void m_front(Manual *m);
/* The page 本版变更 (manual_changes.c). */
void m_changes(Manual *m);
void m_contents(Manual *m);
void m_section(Manual *m, int proc);
/* Plans the chart from the cursor on (into *pl, for m_chart). */
void m_chart_plan(const Manual *m, int proc, ChartPlan *pl);
void m_chart(Manual *m, int proc, const ChartPlan *pl);
/* The chart alone, from a page of its own (MANUAL_CHART). */
void m_chart_alone(Manual *m, int proc);
void m_back(Manual *m);

#endif
