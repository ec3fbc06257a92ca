/* scene.h — one laid-out process in page units (points, y down, origin at
 * the top left): lanes, phases, node shapes, edge paths and text runs
 * with their final positions. layout() builds it; the SVG, PNG, PDF and
 * JSON writers only draw or print it, so all outputs show the same
 * picture. A Scene and everything in it lives in the Ctx arena. */
#ifndef FLOWC_SCENE_H
#define FLOWC_SCENE_H
#include "ir.h"

#define JUNCTION_R 2.2 /* radius of a junction dot, points */

typedef struct Pt { double x, y; } Pt;
typedef struct Rect { double x, y, w, h; } Rect;

/* One line of text: drawn from its left end at (x, baseline y). */
typedef struct TextRun {
  const char *text; /* UTF-8, no line breaks */
  double x, y;      /* left end of the baseline */
  double width;     /* measured with the scene's font */
  double size;      /* font size in points */
} TextRun;

typedef enum {
  SH_TERMINATOR,   /* start, end: stadium */
  SH_PROCESS,      /* task: rectangle */
  SH_DECISION,     /* diamond */
  SH_PREDEFINED,   /* call: rectangle with double side bars */
  SH_DOCUMENT,     /* rectangle with a wavy bottom */
  SH_DATA,         /* parallelogram */
  SH_STORE,        /* cylinder */
  SH_MANUAL,       /* trapezoid, wide side on top */
  SH_DELAY,        /* D shape: flat left, round right */
  SH_BAR,          /* fork, join: thick bar */
  SH_CLOCK,        /* the clock mark of a recurring start: a dial with two hands */
} ShapeKind;

typedef struct SceneNode {
  const Node *node;
  ShapeKind shape;
  Rect box;              /* the shape's bounding box */
  TextRun *lines; int nlines; /* inside the shape; a bar's beside it; a step
                            in joint lanes ends with "会同：…" in smaller type */
  Rect label_box;        /* a bar's label beside it, a start's caption, if any (0 wide without) */
  TextRun *caption; int ncaption; /* a start's trigger and period, in label_box */
  Rect clock;            /* a recurring start's clock mark, in label_box (0 wide without) */
  const char *link;      /* call: ID of the called process, else NULL */
  int conditional;       /* `when`: done only in a case, drawn dashed */
} SceneNode;

/* A step in joint lanes marked in a lane it takes part in: a small
 * dashed tag "会同" at the step's row, where it touches nothing. */
typedef struct SceneMark {
  int node, lane;        /* indices into Scene.nodes and Scene.lanes */
  Rect box;
  TextRun text;
} SceneMark;

typedef struct SceneEdge {
  const Edge *edge;
  int from, to;          /* indices into Scene.nodes */
  int seq;               /* 1 for the first edge between from and to, 2... */
  Pt *pts; int npts;     /* polyline from the source's border to the tip of the arrow */
  Pt head[3];            /* arrowhead triangle: tip, then the two back corners */
  int back;              /* goes against the flow (a loop back) */
  TextRun *label; int nlabel; /* branch or edge label lines, may be 0 */
  Rect label_box;        /* around the label text (background), if any */
  Pt *dots; int ndots;   /* junctions where this edge joins a line of another
                            edge with the same end: drawn as filled dots */
} SceneEdge;

typedef struct SceneLane {
  const Lane *lane;
  Rect box;              /* full-height column, header included */
  Rect header;           /* the band with the lane's name */
  TextRun *title; int ntitle;
} SceneLane;

/* A lane group: a header band over its lanes' own headers. */
typedef struct SceneGroup {
  const LaneGroup *group;
  int first, nlanes;     /* its lanes in Scene.lanes */
  Rect box;              /* full-height, over its lanes' columns */
  Rect header;           /* the band with the group's name */
  TextRun *title; int ntitle;
} SceneGroup;

typedef struct ScenePhase {
  const Phase *phase;
  Rect box;              /* full-width band */
  Rect header;           /* the strip at the left with the phase's name */
  TextRun *title; int ntitle;
} ScenePhase;

typedef struct Scene {
  const Process *proc;
  double width, height;  /* the whole picture */
  SceneLane *lanes; int nlanes;
  SceneGroup *groups; int ngroups;
  SceneMark *marks; int nmarks;   /* by node, then by lane */
  ScenePhase *phases; int nphases;
  SceneNode *nodes; int nnodes;   /* same order as proc->nodes */
  SceneEdge *edges; int nedges;   /* same order as proc->edges */
  /* style shared by the writers */
  double stroke;         /* line width of shapes and edges */
  /* footnotes of what was added beyond the source: below the picture,
     in notes_h more height, drawn by the SVG and PNG writers (the manual
     prints them as text) */
  TextRun *notes; int nnotes;
  double notes_h, notes_w;
} Scene;

#endif
