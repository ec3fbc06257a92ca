/* layout_int.h — the layered swimlane layout shared by its passes; internal
 * to the layout module. layout.c measures the text and runs the passes in
 * order, each in its own file:
 *   layout_rows.c   loops broken, rows (ranks) with each phase a band
 *   layout_chain.c  long edges as chains of dummy items, one per row
 *   layout_order.c  crossing reduction, lanes kept in declared order
 *   layout_side.c   ports: side exits and entries as items beside a node
 *   layout_x.c      lane widths and x of every item, chains straight
 *   layout_route.c  orthogonal paths through the channels between rows
 *   layout_label.c  branch labels beside their exits, bar labels beside bars
 * Everything lives in the Ctx arena. */
#ifndef FLOWC_LAYOUT_INT_H
#define FLOWC_LAYOUT_INT_H
#include "scene.h"
#include "text.h"


#define LANE_HEADER 30.0  /* the band with the lane names */
#define PHASE_STRIP 28.0  /* the strip with the phase names */
#define LANE_PAD 9.0      /* from a lane line to anything in the lane */
#define NODE_GAP 22.0     /* between two boxes side by side */
#define LINE_GAP 12.0     /* between a box and a line beside it */
#define TRACK 7.0         /* between parallel lines */
#define STUB 16.0         /* a side exit's run before it turns */
#define ARROW_LEN 8.0
#define ARROW_HALF 3.5
#define LABEL_PT 12.0

enum { PORT_BOTTOM, PORT_TOP, PORT_SIDE, PORT_HAND, PORT_ELBOW };
/* Choices layout.c may ask the passes to make otherwise, per edge: a loop
 * on its other sides, no hand-off, a long line in its source's or its
 * target's lane, a decision's branch out of the bottom corner. */
enum { FLIP_SIDE = 1, FLIP_NO_HAND = 2, FLIP_LANE_U = 4, FLIP_LANE_V = 8, FLIP_BOTTOM = 16 };

/* A node or a dummy in a row. A chain dummy carries a long edge through
 * one row; a side dummy stands beside its owner and carries an edge that
 * leaves or enters the owner's side. */
typedef struct Item {
  int node;         /* real node, else -1 */
  int edge;         /* dummy: the edge it carries */
  int owner, side;  /* side dummy: the node beside it, -1 left / +1 right */
  int dir;          /* side dummy: its line runs up (-1), down (+1) from
                       the port, or through the whole row (0) */
  int rank, lane, lo, hi; /* row, lane, lanes a chain dummy may take */
  double w, h;      /* box, 0 for dummies */
  double el, er;    /* room kept left and right of x (box, labels) */
  double pos;       /* order within the row, in lane units */
  double x;
  double port_y;    /* side dummy: y of its port, from the row's centre */
} Item;

typedef struct LEdge {
  int u, v;              /* nodes, -1 when unresolved */
  int back;              /* drawn upwards (a loop back) */
  int hand;              /* a hand-off: across from u's side to v's, one row */
  int *chain, nchain;    /* items from u to v, both included */
  int exit, entry;       /* PORT_* at u and at v */
  double off_u, off_v;   /* bottom/top port: offset from the node's centre */
  int *lvl;              /* channel level of each step between rows */
  double labelw, labelh; /* the label's box, 0 without */
  const char **label_lines; double *label_widths; int nlabel; /* the label, wrapped */
} LEdge;

typedef struct WrapCache WrapCache;

/* The texts the chart shows, in the caller's arena (the wrap cache knows
 * a text by its address): labels with the marks of what was added beyond
 * the source, a conditional step's caption above its label. */
typedef struct ChartText {
  const char **node, **edge, **lane, **phase;
  const char **caption;         /* a start's trigger and period, else NULL */
  const char **joint;           /* a joint step's "会同：…", else NULL */
  const char **note; int nnote; /* the footnotes, ※1 … */
} ChartText;

typedef struct Lay {
  Ctx *c;
  WrapCache *wraps;      /* text wrapped in earlier layouts of the process */
  const ChartText *tx;
  Font *f;
  const Process *p;
  int nn, ne;
  Item *it; int nit;
  LEdge *e;
  int *group;            /* phase group of each node: phase + 1 */
  double *texth;         /* height of each node's wrapped text */
  double *besidew;       /* width of a label beside a node (a bar's), 0 without */
  int *hand_edge;        /* per node: the edge from its lowest predecessor */
  int ngroups;
  double *group_minh;    /* least height of each group's band: its phase title */
  int nrows;
  int **row, *rowlen;    /* items of each row, left to right */
  int *row_group;        /* phase group of each row */
  double wrap, wrap_decision; /* node text wraps at this times the usual width */
  int hand_any;          /* hand-offs also across lines that pass their row */
  int stack;             /* at most one step per lane and row */
  const unsigned char *flip; /* per edge: FLIP_* choices other than the passes' own */
  int ncols;
  double *lanex, *lanew; /* lanes: left edge and width */
  double left, top, width, height;
  double *rowy, *rowh;   /* row centres and heights */
  double *phase_line;    /* y of the line between phases in the channel above row k
                            (channel k is above row k), -1 where no phase starts */
} Lay;

void lay_rows(Lay *L);
void lay_chains(Lay *L);
void lay_order(Lay *L);
void lay_sides(Lay *L);
void lay_x(Lay *L);
void lay_route(Lay *L, Scene *s);
void lay_labels(Lay *L, Scene *s);
/* The "会同" tags of steps in joint lanes, after the labels (layout_label.c). */
void lay_joint_marks(Lay *L, Scene *s);

/* Items and rows, shared helpers (layout_chain.c). */
int lay_item(Lay *L, int node, int edge, int rank, int lane);
/* The positions of a row's items from their order: lane + (i + 0.5) / n. */
void lay_row_pos(Lay *L, int r);
/* x of the point where an edge's line meets item k of its chain. */
double lay_pin_x(const Lay *L, const LEdge *e, int k);
/* Where a horizontal line at dy from node v's centre meets its outline on
 * side (-1 left, +1 right) (layout_route.c). */
double lay_outline_x(const Lay *L, int v, int side, double dy);
/* A new cache of wrapped text for the layouts of one process. */
WrapCache *lay_wrap_cache(Ctx *c);
/* font_wrap_fit of text (an IR string, by address) through L's cache:
 * the lines and widths are shared, not to be changed. */
int lay_wrap(Lay *L, const char *text, double size, double maxw, double limit,
             const char ***lines, double **widths);
/* Wraps edge i's label and sizes its box (0 without a label). */
void lay_label_size(Lay *L, int i);
/* Wraps the label of bar v (a fork or join) into sn's lines, to be drawn
 * beside it; sets L->besidew[v] (layout_label.c). */
void lay_bar_label_size(Lay *L, int v, SceneNode *sn);
/* A start's caption (its trigger, its period after a clock mark) beside
 * it, if it has either; sets L->besidew[v] too. */
void lay_caption_size(Lay *L, int v, SceneNode *sn);

#endif
