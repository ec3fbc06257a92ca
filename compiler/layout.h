/* layout.h — lays out one checked process as a Scene: text measured with
 * the font and wrapped; ranks and the order within ranks from Graphviz
 * dot (libgvc, in process); nodes placed in their lane's column and
 * phase's band; edges routed orthogonally around the nodes. The Scene
 * lives in the Ctx arena. */
#ifndef FLOWC_LAYOUT_H
#define FLOWC_LAYOUT_H
#include <stdio.h>
#include "scene.h"
#include "text.h"

/* Above this many nodes a process is not laid out (dot's cost grows
 * about N^2.2); the error tells the user to split it with `call`. */
#define LAYOUT_MAX_NODES 2000
#define LAYOUT_MAX_EDGES 8000

/* Returns NULL with *err set when the process cannot be laid out. */
Scene *layout(Ctx *c, const Process *p, Font *f, const char **err);

/* Writes the graph handed to Graphviz, in DOT (flowc render -f dot), with
 * the node sizes of s, p's layout. */
int layout_dot(Ctx *c, const Process *p, const Scene *s, FILE *out, const char **err);

#endif
