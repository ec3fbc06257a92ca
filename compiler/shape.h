/* shape.h — the outline of each flowchart symbol (ISO 5807) as one path
 * of lines and cubic curves, so the SVG, PNG and PDF writers draw the
 * same shapes. Pure geometry: no allocation. */
#ifndef FLOWC_SHAPE_H
#define FLOWC_SHAPE_H
#include "scene.h"

typedef enum { SEG_MOVE, SEG_LINE, SEG_CURVE, SEG_CLOSE } SegOp;

/* SEG_MOVE and SEG_LINE use p[0]; SEG_CURVE: controls p[0], p[1], end p[2]. */
typedef struct ShapeSeg { SegOp op; Pt p[3]; } ShapeSeg;

typedef struct ShapePath {
  ShapeSeg seg[40];
  int n;
  int outline; /* seg[0..outline) is the closed outline (filled and stroked);
                  seg[outline..n) are inner lines, stroked only */
} ShapePath;

void shape_path(ShapeKind k, Rect b, ShapePath *out);

#endif
