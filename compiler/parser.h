/* parser.h — state shared by the scanner, the grammar actions and the
 * builder while one file is parsed. Internal to the front end. */
#ifndef FLOWC_PARSER_H
#define FLOWC_PARSER_H
#include "ir.h"

typedef struct Ref { const char *id; Loc loc; struct Ref *next; } Ref;
/* The edges of a chain a -> b -> c; both NULL after an error. */
typedef struct EdgeSpan { Edge *first, *last; } EdgeSpan;
typedef struct Import { Text path; struct Import *next; } Import;

typedef struct Parser {
  Ctx *ctx;
  int file;
  const char *src;       /* the text being scanned */
  size_t src_len, src_pos;
  /* scanner position: the next character */
  int line;
  unsigned off;
  int tok, prev_tok, prev2_tok; /* last three tokens, for messages */
  const char *tok_text, *prev_text;
  Loc tok_loc, prev_loc, prev2_loc;
  int tok_bol;           /* last token is the first on its line */
  int tok_stmt, prev_stmt; /* last two tokens: each may start a statement */
  int bol_line;          /* line of the last token */
  Loc str_loc;           /* opening quote of the string being scanned */
  char *sbuf; size_t slen, scap;
  int str_long;          /* the text was cut at MAX_TEXT_BYTES */
  unsigned bad_next;     /* 1 + offset just past the last invalid byte */
  unsigned hyphen_end;   /* offset past the last name reported for a '-' */
  unsigned unit_at;      /* 1 + offset of a unit already read with its number */
  struct { unsigned from, to; int curly, found; } closer; /* see mismatched_close */
  enum { RECOVER_NONE, RECOVER_SKIP, RECOVER_REPLAY, RECOVER_PENDING } recover;
  Loc err_loc;           /* the token of the last syntax error */
  int skip_depth;        /* braces opened while skipping a statement */
  int subst;             /* keyword token handed over in place of a misspelt word */
  int subst_val;
  Loc subst_loc;
  Loc guess_loc;         /* the last such word: no second error for it */
  _Alignas(16) unsigned char val[64]; /* semantic value of the last token */
  int nsyntax;           /* syntax errors reported in this file */
  int capped;            /* too many errors: stop reporting */
  int lex_err_line;      /* line of the last lexical error */
  /* tokens split from one run of word characters (flow.l), handed to
     the parser before the scanner runs again */
  struct QueuedToken { int tok; Loc loc; _Alignas(16) unsigned char val[64]; } *queue;
  int qlen, qpos, qcap;
  /* builder state */
  Process *proc;
  Node *node;
  Node *hdr_node;        /* the last node declared, and the last token of */
  Loc hdr_end;           /* its header (ID or label), for a missing 'in' */
  Loc in_end;            /* the last lane of its `in` list, for a missing ',' */
  Node **nodes;          /* this process's, growing (malloc) */
  Edge **edges;
  int nnodes, nedges, nodes_cap, edges_cap, lanes_cap, phases_cap, groups_cap;
  int group;             /* the lane group being declared, -1 outside */
  int group_depth;       /* lane groups open (more than 1: reported) */
  int title_given;
  Loc title_loc;
  Meta *meta;            /* metadata target: process or handbook */
  Loc meta_seen[MK__COUNT];
  Revision **rev_tail;
  Term **term_tail;
  Attr **attr_tail;
  Loc attr_seen[AT__COUNT];
  Import *imports, **imports_tail;
  struct Spans *spans;   /* where to record tokens and statements, or NULL */
} Parser;

/* Syntax errors in one file stop being reported after this many. */
#define MAX_SYNTAX_ERRORS 50
/* Limits against hostile input; each has its own error message. */
#define MAX_TEXT_BYTES 16384        /* one label or other text */
#define MAX_NAME_BYTES 256          /* one name (ID) */
#define MAX_PROCESS_NODES 5000000   /* nodes in one process */

void p_syntax(Parser *p, Loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void p_string_byte(Parser *p, const char *s, size_t n);
/* The token queue: p_push adds one (val: a YYSTYPE of n bytes); p_pop
 * takes the oldest into val and loc and returns its kind, or -1 when the
 * queue is empty. */
void p_push(Parser *p, int tok, const void *val, size_t n, Loc loc);
int p_pop(Parser *p, void *val, size_t n, Loc *loc);

/* Where a statement stands: at the top of a file, in a handbook, in a
 * process, in a node's braces. */
enum { CX_TOP, CX_HANDBOOK, CX_PROCESS, CX_BODY };
/* The keywords that may start a statement there (flow.y; in the braces
 * of a node of kind k, the attributes of its kind) into out, which has
 * room for STATEMENT_WORDS; returns how many. */
#define STATEMENT_WORDS 48
int statement_keywords(int cx, NodeKind k, const char **out);

/* Source spans (parse.c), recorded when p->spans is set: each token the
 * parser reads, and each statement once reduced (nested ones first). */
void p_token_span(Parser *p, int tok, Loc loc);
void p_stmt_span(Parser *p, Loc loc);

/* builder (build.c), called by grammar actions */
void b_process_begin(Parser *p, const char *id, Loc loc, Text title);
void b_process_end(Parser *p);
void b_handbook_begin(Parser *p, Text title, Loc loc);
void b_handbook_end(Parser *p);
void b_import(Parser *p, Text path);
void b_meta(Parser *p, MetaKey k, Text v, Loc kwloc);
void b_effective(Parser *p, Date d, Loc loc);
void b_revision(Parser *p, Text version, Date d, Text what, Loc loc);
void b_term(Parser *p, Text term, Text def, Loc loc);
void b_lane(Parser *p, const char *id, Loc loc, Text name);
void b_group_begin(Parser *p, const char *id, Loc loc, Text name);
void b_group_end(Parser *p);
/* `in a, b, c` (rev: last-first) for the node just begun */
void b_node_lanes(Parser *p, Ref *rev);
void b_phase(Parser *p, Text name, Loc loc);
void b_node_begin(Parser *p, NodeKind k, const char *id, Loc loc, Text label, Text lane);
void b_node_end(Parser *p);
void b_attr(Parser *p, AttrKind k, Text v, Loc kwloc);
void b_within(Parser *p, Duration d, Loc loc);
void b_trigger(Parser *p, Text event, Loc kwloc, Added *a);
void b_every(Parser *p, Duration d, Loc loc, Loc kwloc, Added *a);
void b_calendar(Parser *p, Duration day, Loc day_loc, Duration week, Loc week_loc);
void b_call_process(Parser *p, const char *id, Loc loc, Loc kwloc);
EdgeSpan b_edge(Parser *p, Text from, Text to);
EdgeSpan b_edge_next(Parser *p, EdgeSpan chain, Text to);
EdgeSpan b_branch(Parser *p, Text label, Text to);
void b_edge_label(Parser *p, EdgeSpan chain, Text label);
EdgeSpan b_unlabelled(Parser *p, Loc arrow, Text to);
/* e.g. 否 for a decision whose braces hold 是 -> … */
const char *branch_label_example(const Parser *p);
/* "a" or "an", for "a task node", "an end node" */
const char *kind_article(NodeKind k);
/* v1.1 marks: an `added ["reason"]` at loc, a second one on its line,
 * and where each statement puts it; `when "…"` in a node's braces. */
Added *b_mark(Parser *p, Text reason, Loc loc);
void b_mark_again(Parser *p, const Added *first, Loc loc);
void b_mark_node(Parser *p, Added *a);
void b_mark_process(Parser *p, Added *a);
void b_mark_attr(Parser *p, Text v, Added *a);
void b_mark_within(Parser *p, Loc at, Added *a);
void b_mark_edges(Parser *p, EdgeSpan chain, Added *a);
void b_mark_lane(Parser *p, Added *a);
void b_mark_phase(Parser *p, Added *a);
void b_when(Parser *p, Text cond, Loc kwloc, Added *a);
/* Ref lists arrive last-first from the grammar. */
Ref *b_ref(Parser *p, Text t, Ref *prev);
Text b_string(Parser *p, Ref *rev, Loc loc);

#endif
