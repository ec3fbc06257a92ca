/* marks.h — what `source`, `added` and `when` mean to the outputs: the
 * source a process was transcribed from, and the numbered footnotes
 * (※1, ※2 …) that mark what was added beyond it, one per distinct
 * reason. Every output numbers them the same way. */
#ifndef FLOWC_MARKS_H
#define FLOWC_MARKS_H
#include "ir.h"

/* Everything returned lives in the arena given. */

#define MARK_SIGN "※"
/* The footnote of an `added` without a reason. */
#define MARK_DEFAULT "原文未载，为补充内容"

/* The source p was transcribed from: its own `source`, else the
 * handbook's (g may be NULL: none); NULL when neither is given. */
const char *marks_source(const Program *g, const Process *p);

typedef struct Marks {
  const char **reasons; int n; /* footnote k+1 says reasons[k] */
  int whole;                   /* p is a supplement as a whole: said once, nothing marked */
} Marks;

/* The footnotes of p: none when it has no source or is a supplement. */
void marks_of(Arena *a, const Program *g, const Process *p, Marks *m);
/* a's footnote: its reason, else MARK_DEFAULT; NULL when a is NULL. */
const char *mark_reason(const Added *a);
/* a's footnote number (from 1), 0 when a is NULL or not shown. */
int mark_number(const Marks *m, const Added *a);
/* "※2" for a, "" when a is NULL or p's marks are not shown. */
const char *mark_sign(Arena *a, const Marks *m, const Added *mk);
/* s followed by a's sign. */
const char *mark_text(Arena *a, const Marks *m, const char *s, const Added *mk);
/* "※1 reason" for footnote k (from 0). */
const char *mark_note(Arena *a, const Marks *m, int k);
/* Each `added` of p, in footnote order: the process's own, its limit,
 * lanes, phases, nodes (the node, its condition, limit, attributes),
 * edges. */
void marks_each(const Process *p, void (*fn)(void *arg, const Added *a), void *arg);
/* The note of a process added as a whole: "※ 本流程整体为补充内容：reason". */
const char *mark_whole(Arena *a, const Process *p);
/* A conditional step's caption: "〔如有…〕". */
const char *when_caption(Arena *a, const Node *n);

#endif
