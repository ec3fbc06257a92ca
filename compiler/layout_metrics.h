/* layout_metrics.h — how readable a laid-out chart is, in numbers: edge
 * crossings, lines of unrelated edges on one track, labels that collide,
 * lines through nodes, bends and area. metrics_drawing measures any
 * drawing given as node boxes, edge polylines and label boxes (so another
 * layout, e.g. Graphviz dot's, is measured the same way); metrics_scene
 * is a thin adapter for a flowc Scene. Coordinates are points, y down.
 * Ownership: both functions only read their input and fill *m; nothing
 * they return needs freeing. */
#ifndef FLOWC_LAYOUT_METRICS_H
#define FLOWC_LAYOUT_METRICS_H
#include "scene.h"

/* One edge of a drawing. */
typedef struct MetricEdge {
  int from, to;              /* indices into MetricDrawing.nodes, -1: none */
  const Pt *pts; int npts;   /* the line, from the source to the arrow's tip */
  const Rect *label;         /* the label's box, NULL when unlabelled */
  const Pt *dots; int ndots; /* junction dots (merges with an edge sharing an end) */
} MetricEdge;

typedef struct MetricLine { Pt a, b; } MetricLine;

typedef struct MetricDrawing {
  double width, height;            /* the whole picture */
  const Rect *nodes; int nnodes;   /* node boxes */
  const MetricEdge *edges; int nedges;
  const MetricLine *rules; int nrules; /* lane and phase boundary lines */
  const Rect *labels; int nlabels; /* labels beside their nodes (a bar's) */
} MetricDrawing;

#define JOG_PT 12.0

typedef struct LayoutMetrics {
  int nodes, edges;
  int crossings;        /* points where lines of two edges cross (once per pair
                           and point; not at an end both share, not at a junction) */
  double shared;        /* pt where edges sharing no end node run on one line
                           (parallel, under 2 pt apart) */
  double near;          /* pt where such edges run parallel 2-6 pt apart (informational) */
  int label_collisions; /* labels (of edges, beside nodes) overlapping a node,
                           another label, another edge's line (a node's label:
                           any line) or a lane/phase boundary (box shrunk 0.5 pt) */
  int through_nodes;    /* (edge, node) pairs where the line runs inside the node
                           (box shrunk 0.5 pt) */
  double bends;         /* total turning in quarter turns: for orthogonal lines,
                           the number of bends */
  int jogs;             /* places where a line steps aside by under JOG_PT and
                           goes on the same way (an S that could be straight) */
  double area;          /* width * height */
  double node_area;     /* sum of the node boxes' areas */
} LayoutMetrics;

void metrics_drawing(const MetricDrawing *d, LayoutMetrics *m);
/* Lane boundaries are the lines between lanes, phase boundaries the lines
 * between phases. */
void metrics_scene(const Scene *s, LayoutMetrics *m);

/* Adds b's counts into a (totals over a corpus). */
void metrics_add(LayoutMetrics *a, const LayoutMetrics *b);

#endif
