/* ir.h — the program a compile produces: processes with metadata, lanes,
 * phases, nodes and edges. The parser fills names as written; resolve()
 * fills the indices (lane, phase, callee, edge ends) and default labels.
 * Everything here lives in the Ctx arena that built it; consumers (check,
 * render, manual) only read it. */
#ifndef FLOWC_IR_H
#define FLOWC_IR_H
#include "ctx.h"

typedef enum {
  NK_START, NK_END, NK_TASK, NK_DECISION, NK_CALL, NK_DOCUMENT,
  NK_DATA, NK_STORE, NK_MANUAL, NK_WAIT, NK_FORK, NK_JOIN, NK__COUNT
} NodeKind;
extern const char *const node_kind_name[NK__COUNT];

typedef enum { DU_MIN, DU_HOUR, DU_DAY, DU_WORKDAY, DU_WEEK, DU_MONTH, DU__COUNT } DurUnit;
extern const char *const dur_unit_name[DU__COUNT];    /* min h d wd w mo */

/* hi > 0: a range amount~hi (2~3min); tilde 1: written '～'; lo_unit:
 * the low end has its unit written too (2min~3min). */
typedef struct Duration {
  long long amount; DurUnit unit;
  long long hi; unsigned char tilde, lo_unit;
} Duration;
/* The range's ends as durations (hi: the low end when no range). */
Duration dur_lo(Duration d);
Duration dur_hi(Duration d);
/* d as written: "3wd", "2~3min", in a's memory. */
const char *dur_written(Arena *a, Duration d);
typedef struct Date { int y, m, d; } Date;
/* Hours in a working day and working days in a week. */
typedef struct Calendar { int hours_per_day, days_per_week; } Calendar;
#define CALENDAR_DEFAULT ((Calendar){8, 5})

/* A string as written, with where it was written; s is NULL when absent. */
typedef struct Text { const char *s; Loc loc; } Text;

typedef enum {
  AT_FORM, AT_INPUT, AT_OUTPUT, AT_NOTE, AT_RISK, AT_CONTROL, AT_SYSTEM,
  AT_APPROVER, AT_CONSULT, AT_INFORM, AT__COUNT
} AttrKind;
extern const char *const attr_kind_name[AT__COUNT];

/* `added ["reason"]`: content beyond the process's source (reason NULL
 * when none is given). */
typedef struct Added { const char *reason; Loc loc; } Added;

typedef struct Attr { AttrKind kind; Text text; struct Attr *next; Added *added; } Attr;

typedef enum {
  MK_OWNER, MK_CODE, MK_VERSION, MK_AUTHOR, MK_REVIEWER, MK_APPROVER,
  MK_PURPOSE, MK_SCOPE, MK_TITLE, MK_COMPANY, MK_SOURCE, MK__COUNT
} MetaKey;
extern const char *const meta_key_name[MK__COUNT];

typedef struct Revision {
  const char *version; Date date; const char *what; Loc loc;
  struct Revision *next;
} Revision;

typedef struct Term {
  const char *term, *definition; Loc loc;
  struct Term *next;
} Term;

typedef struct Meta {
  Text field[MK__COUNT];
  Date effective; Loc effective_loc; int has_effective;
  Revision *revisions; /* in source order */
  Term *terms;         /* in source order */
  Duration within; Loc within_loc; int has_within; /* a process's own limit */
  Calendar cal; Loc cal_loc;  /* `calendar 8h 5d`; cal.hours_per_day 0: not given */
} Meta;

typedef struct Lane {
  const char *id, *name; /* name: display name, default id */
  Loc loc;
  int nnodes;            /* nodes placed in this lane */
  Added *added;
  int group;             /* index into Process.groups, -1 when none */
  int njoint;            /* nodes this lane takes part in (`in a, THIS`) */
} Lane;

/* `lane ID "name" { lane … }`: lanes first .. first+nlanes-1, which
 * stay together in declared order. */
typedef struct LaneGroup {
  const char *id, *name; /* name: display name, default id */
  Loc loc;
  int first, nlanes;
} LaneGroup;

typedef struct Phase { const char *name; Loc loc; Added *added; } Phase;

/* What few nodes have: a time limit, the process a call runs. */
typedef struct NodeExtra {
  Duration within; int has_within; Loc within_loc;
  Text process_ref;   /* call: `process ID` as written */
  Added *within_added;
  Text when;          /* `when "…"`: done only in that case */
  Added *when_added;
  /* `in a, b, c`: the lanes after the first (which is Node.lane), that
     take part; as written, and their indices (-1 when unresolved) */
  Text *joint_refs; int *joint; int njoint;
  Text trigger;       /* start: `trigger "…"`, the event that starts it */
  Duration every; int has_every; Loc every_loc; /* start: `every 1mo` */
  Added *trigger_added, *every_added;
} NodeExtra;

typedef struct Node {
  const char *id;
  const char *label;  /* explicit label, else resolve() sets the default */
  Attr *attrs;        /* in source order */
  NodeExtra *x;       /* NULL when the node has neither */
  Text lane_ref;      /* `in LANE` as written */
  Loc loc;            /* the node's ID in its declaration */
  NodeKind kind;
  int lane;           /* index into Process.lanes, -1 when none */
  int phase;          /* index into Process.phases, -1 when none */
  int callee;         /* call: index into Program.procs, -1 if unresolved */
  int index;          /* position in Process.nodes */
  int has_label;
  Added *added;       /* `added` in its braces */
} Node;

typedef struct Edge {
  const char *from_id, *to_id;
  Loc from_loc, to_loc;
  int from, to;       /* node indices after resolve, -1 if undefined */
  const char *label;  /* NULL when unlabelled */
  Loc label_loc;
  int branch;         /* written as a decision branch */
  Added *added;
} Edge;

typedef struct Process {
  const char *id, *title;
  Loc loc;            /* the process ID */
  int file;
  Meta meta;
  Lane *lanes; int nlanes;
  LaneGroup *groups; int ngroups;
  Phase *phases; int nphases;
  Node **nodes; int nnodes;   /* declaration order */
  Edge **edges; int nedges;   /* source order */
  int resolve_errors;         /* checks skip a process that has them */
  int ncalls;                 /* call nodes bound to a process (resolve) */
  int index;                  /* position in Program.procs */
  Added *within_added;        /* on the process's own `within` */
  Added *added;               /* `added` among its properties: all of it is */
} Process;

typedef struct Handbook {
  const char *title;  /* NULL unless given */
  Loc loc;
  int file;
  Meta meta;
} Handbook;

/* The group lane k of p is in, or NULL. */
const LaneGroup *lane_group(const struct Process *p, int k);

typedef struct Program {
  Process **procs; int nprocs;
  Handbook **handbooks; int nhandbooks; /* in file order; a manual uses [0] */
  int capprocs, caphandbooks;
} Program;

#endif
