/* layout_grid.h — the grid layout.c builds and route.c routes edges
 * through; internal to the layout module. Rows are separated by
 * horizontal channels (chanh[k] is the channel above row k, k = nrows the
 * one below the last row) and columns (lanes) by vertical gutters
 * (gutter k is left of column k): no node is ever placed in either, so
 * edges can run there freely. */
#ifndef FLOWC_LAYOUT_GRID_H
#define FLOWC_LAYOUT_GRID_H
#include "scene.h"
#include "text.h"

#define CELL_GAP 40.0     /* between nodes side by side in one lane */
#define LANE_HEADER 30.0  /* the band with the lane names */
#define PHASE_STRIP 28.0  /* the strip with the phase names */
#define LABEL_STRIP 16.0  /* top of a channel: branch labels; lines run below */
#define GUTTER_EDGE 6.0   /* from a gutter's left edge to the lane border in it */

typedef struct GNode {
  ShapeKind shape;
  double w, h, texth;
  int col, row, rank;
  double dotx;          /* x from dot: the order within a row */
  double x, y;          /* centre */
} GNode;

typedef struct Grid {
  Ctx *ctx;
  Font *font;
  GNode *n; int nn;
  void **agnodes;       /* Graphviz nodes while dot runs */
  int ncols, nrows;
  int *order;           /* nodes by row, column, dot x */
  double *colw, *colx;  /* column widths and left edges */
  double *gutw, *gutx;  /* gutter widths and left edges, ncols + 1 */
  double left, top, width, height;
  int *phase_first, *phase_last; /* rows of each phase group (0: before any phase) */
  int ngroups;                   /* phase groups: phases + 1 */
  double *rowy, *rowh, *chanh;
} Grid;

/* Places the nodes in x from the column and gutter widths. */
void grid_place_x(Grid *g);
/* Routes every edge: sizes gutters and channels, places the rows in y,
 * and fills s->edges. */
int route(Grid *g, const Process *p, Scene *s, const char **err);

#endif
