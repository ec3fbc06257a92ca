/* diff.h — `flowc diff`: compares two compiled versions process by
 * process, by ID: processes added and removed; metadata, revisions,
 * terms, lanes and phases; nodes added, removed, renamed (same kind,
 * label, lane and neighbours under a new ID) and changed field by field;
 * edges and branches added, removed and relabelled. Reads both Programs;
 * allocates in the new side's arena; writes text or JSON. */
#ifndef FLOWC_DIFF_H
#define FLOWC_DIFF_H
#include <stdio.h>
#include "ir.h"

/* The differences of two versions, process by process. */
typedef struct Diff Diff;

/* Compares the processes of the files named on the command line of a
 * (the old version) and of b (the new), both without errors. The Diff
 * lives in b's arena (diff_free frees the rest); it points into both
 * programs, so a and b outlive it. */
Diff *diff_compare(Ctx *a, Ctx *b);
void diff_free(Diff *d);
/* How many processes differ; the i-th of them: old or new is NULL when
 * it was added or removed. Changed and added ones come first, in the new
 * version's order, then the removed ones. */
int diff_count(const Diff *d);
void diff_process_at(const Diff *d, int i, const Process **old, const Process **new);
/* The changes of the i-th process, a line each as the text output writes
 * them ("~ node review: label \"a\" → \"b\""), in c's arena. */
const char **diff_lines(Ctx *c, const Diff *d, int i, int *n);

/* What a chart of the i-th process's new version marks: per node and per
 * edge of it DIFF_ADDED, DIFF_CHANGED (a field, a new ID, a new label) or
 * 0; and the lines of the nodes and edges removed (diff_lines' text). In
 * c's arena; all empty for a removed process. */
enum { DIFF_ADDED = 1, DIFF_CHANGED = 2 };
typedef struct DiffMarks {
  unsigned char *node, *edge;
  const char **removed; int nremoved;
} DiffMarks;
void diff_marks(Ctx *c, const Diff *d, int i, DiffMarks *m);

/* Writes d as text or JSON, the versions shown as old_name and new_name. */
void diff_print(const Diff *d, const char *old_name, const char *new_name, int json, FILE *out);
/* diff_compare, diff_print and diff_free; returns how many processes differ. */
int diff_write(Ctx *a, Ctx *b, const char *old_name, const char *new_name, int json, FILE *out);

#endif
