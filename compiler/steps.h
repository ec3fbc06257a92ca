/* steps.h — a process as numbered steps in reading order, and the text
 * of a step's cells: what the manual's procedure table and the pages of
 * `flowc serve` both show. Everything returned lives in the arena given. */
#ifndef FLOWC_STEPS_H
#define FLOWC_STEPS_H
#include "ir.h"
#include "marks.h"

typedef struct Steps {
  int *order;  /* node indices: by phase, then in flow order */
  int n;
  int *num;    /* step number of each node, 0 for start and end */
} Steps;

/* Orders the nodes by phase, then by rank (longest path from the start,
 * loops cut where a depth-first search closes them), then by that
 * search's preorder; numbers the steps (all but start and end) in that
 * order. */
void steps_order(Arena *a, const Process *p, Steps *st);
/* A step's one text, in every table, index and page: its label as
 * written; a fork or join without one 并行开始 or 并行汇合 (not its ID). */
const char *step_label(const Node *n);
/* A step's work in the procedure tables: its label, after "（如有…）"
 * when conditional, marked when added beyond the source (mk NULL: no
 * marks). */
const char *step_work(Arena *a, const Node *n, const Marks *mk);
/* The texts of the node's attributes of kind k joined by sep ("" if
 * none), each marked when added (mk NULL: no marks). */
const char *step_join(Arena *a, const Node *n, AttrKind k, const char *sep, const Marks *mk);
/* The text of n's first attribute of kind k, or NULL. */
const char *step_attr(const Node *n, AttrKind k);
/* The lanes of a step as its tables show them, each marked when added (mk
 * NULL: no marks): the lane's name; in joint
 * lanes "销售部（主办）、财务部", the responsible one first; NULL if none. */
const char *step_lanes(Arena *a, const Process *p, const Node *n, const Marks *mk);
/* A lane as the role index lists it: "营销中心／市场部" in a group. */
const char *step_role(Arena *a, const Process *p, int lane);
/* A time limit as the tables show it: "3 工作日". */
const char *step_dur(Arena *a, Duration d);
/* A start's period as the tables show it: "每月", "每 2 周". */
const char *step_every(Arena *a, Duration d);
/* What starts start node n, its lines joined by sep: "触发事件：客户来电"
 * sep "周期：每月", each marked when added (mk NULL: no marks); "" when
 * it has neither (or is no start). */
const char *step_start_note(Arena *a, const Node *n, const char *sep, const Marks *mk);

#endif
