/* chart_pages.h — how a flowchart is cut into page-sized parts for the
 * manual: pure planning over a Scene's geometry and the page sizes, no
 * drawing. A chart goes on one page whenever its text can stay at 7 pt or
 * more; otherwise it is cut between rows (dynamic programming over the
 * horizontal lines that meet no node, label or horizontal edge line) and,
 * when too wide for the page at 7 pt, between columns too; portrait or
 * landscape, whichever needs fewer pages. Every edge crossing a cut
 * between rows becomes a pair of numbered connectors; at a cut between
 * columns the lines just go on in the next column.
 * A plan lives in the Ctx arena. */
#ifndef FLOWC_CHART_PAGES_H
#define FLOWC_CHART_PAGES_H
#include "ctx.h"
#include "scene.h"

/* The pages a chart can go on (points). */
typedef struct ChartPage {
  double pw, ph;      /* body of a portrait page */
  double lw, lh;      /* body of a landscape page */
  double here;        /* room left on the current page, 0: start on a fresh page */
  int here_land;      /* the current page is landscape */
  double head;        /* the heading above the chart */
  double mark;        /* a caption line or a row of connectors */
  double min_text;    /* smallest text size allowed */
  double min_first;   /* least room for a first part on the current page */
  double conn_r;      /* radius of a connector circle */
} ChartPage;

/* The manual's A4 pages, starting on a fresh page. */
ChartPage chart_page_manual(void);

enum { CHART_BELOW, CHART_PAGE, CHART_SPLIT_HERE, CHART_SPLIT_PAGE };

/* An edge crossing a horizontal cut: a pair of connectors numbered id,
 * one below the part above and one above the part below. */
typedef struct ChartConn {
  double x;           /* where it crosses the cut (scene units) */
  double at;          /* where its connectors go: x moved apart from the others */
  int col;            /* the column part it is drawn on */
  int id;             /* from 1, through the whole chart */
} ChartConn;

typedef struct ChartCut {
  double y;           /* scene units */
  ChartConn *conn; int nconn;  /* by x */
} ChartCut;

typedef struct ChartPlan {
  int where;          /* CHART_* */
  int landscape;      /* the pages it starts are landscape */
  double scale;       /* scene → page */
  double *ys; int nrows;   /* rows: ys[0] = 0 < ys[1] < ... < ys[nrows] = height */
  double *xs; int ncols;   /* columns likewise over the width */
  ChartCut *cuts;     /* nrows - 1 inner row cuts, cuts[i] at ys[i + 1] */
  unsigned char *blank; /* nrows × ncols, row by row: the part shows nothing
                           (no node, line or label) and is left out */
  int pages;          /* parts not left out, each on a page (the current
                         one included) */
  int rough;          /* cuts through nodes, labels or lines, and parts
                         without a node: only when nothing better fits */
} ChartPlan;

/* Plans scene s on page. 0, or -1 when s is NULL. */
int chart_plan(Ctx *c, const Scene *s, const ChartPage *page, ChartPlan *out);

/* The pages the chart takes in the manual when it starts on a fresh page. */
int chart_pages(Ctx *c, const Scene *s);

/* The size text of size `text` takes when a w × h chart is drawn whole on
 * one fresh manual page (portrait or landscape, whichever is larger). */
double chart_one_page_text(double w, double h, double text);

/* The smallest text size in s (lane titles, nodes, labels). */
double chart_min_text(const Scene *s);
/* The bottom of the lane header band, 0 without lanes. */
double chart_header_band(const Scene *s);

#endif
