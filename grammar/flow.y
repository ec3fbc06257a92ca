/* flow.y — the .flow grammar (pure parser). Actions hand everything to
 * the builder (compiler/build.c); semantic values are Text, Ref lists and
 * scalars allocated in the Ctx arena, which owns them, so no value needs
 * a %destructor: discarding one during error recovery leaks nothing.
 * Errors recover per statement: see yylex() below. */
%code requires {
#include "parser.h"
typedef void *yyscan_t;
}

%code {
#include <string.h>
#include "names.h"
int flow_lex(YYSTYPE *v, Loc *l, yyscan_t s);
Parser *flow_get_extra(yyscan_t s);
static int yylex(YYSTYPE *v, Loc *l, yyscan_t s);
static int skip_ends(Parser *p, int t);
static void yyerror(const Loc *l, yyscan_t s, const char *msg);
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                   \
  do {                                                                \
    if (N) {                                                          \
      (Cur).file = YYRHSLOC(Rhs, 1).file;                             \
      (Cur).line = YYRHSLOC(Rhs, 1).line;                             \
      (Cur).start = YYRHSLOC(Rhs, 1).start;                           \
      (Cur).end = YYRHSLOC(Rhs, N).end;                               \
    } else {                                                          \
      (Cur).file = YYRHSLOC(Rhs, 0).file;                             \
      (Cur).line = YYRHSLOC(Rhs, 0).line;                             \
      (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;                 \
    }                                                                 \
  } while (0)
#define YYLOCATION_PRINT(File, Loc) ((void)0)
#define P flow_get_extra(scanner)
}

%define api.pure full
%define api.location.type {Loc}
%define parse.error custom
%locations
%expect 0
%param {yyscan_t scanner}

%union {
  Text text;
  int ival;
  Date date;
  Duration dur;
  Ref *ref;
  EdgeSpan span;
  Added *added;
}

%token <text> ID "name" STRING "text"
%token <date> DATE "date"
%token <dur> DURATION "duration"
%token <ival> KIND "node kind" METAKEY "property" ATTRKEY "attribute"
%token <ival> ARROW "->" /* value: first on its line */
%token IMPORT "import" HANDBOOK "handbook" PROCESS "process"
%token LANE "lane" PHASE "phase" IN "in" APPROVER "approver"
%token EFFECTIVE "effective" REVISION "revision" TERM "term" WITHIN "within"
%token CALENDAR "calendar"
%token ADDED "added" WHEN "when"
%token MARK "trailing 'added'"  /* made by yylex(): 'added' after a statement */
%token <text> REASON "reason"   /* made by yylex(): a text after 'added' on its line */
%token TRIGGER "trigger" EVERY "every"
%token SYNC "start of a statement" /* made by yylex() after an error */

/* "a" "b" concatenates even where a text could start the next item (a
 * branch label in a decision): shift wins over ending the text. */
%precedence TEXT_END
%precedence STRING

%type <text> string opt_string label
%type <ref> strcat opt_in lane_list
%type <span> chain bchain
%type <added> mark opt_mark
%type <text> opt_reason

%%

file
  : %empty
  | file item               { p_stmt_span(P, @2); }
  ;

item
  : IMPORT string           { b_import(P, $2); }
  | HANDBOOK opt_string '{' { b_handbook_begin(P, $2, @1); }
    hitems '}'              { b_handbook_end(P); }
  | PROCESS ID opt_string '{' { b_process_begin(P, $2.s, @2, $3); }
    pitems '}'              { b_process_end(P); }
  | ';'
  | error SYNC              { yyerrok; }
  ;

hitems
  : %empty
  | hitems meta             { p_stmt_span(P, @2); }
  | hitems ';'
  | hitems error SYNC       { yyerrok; }
  ;

pitems
  : %empty
  | pitems pitem            { p_stmt_span(P, @2); }
  ;

pitem
  : meta
  | lane
  | PHASE string opt_mark   { b_phase(P, $2, @1); b_mark_phase(P, $3); }
  | node
  | chain opt_mark          { b_mark_edges(P, $1, $2); }
  | chain ':' label opt_mark { b_edge_label(P, $1, $3); b_mark_edges(P, $1, $4); }
  | ADDED opt_reason        { b_mark_process(P, b_mark(P, $2, @1)); }
  | ';'
  | error SYNC              { yyerrok; }
  ;

meta
  : METAKEY string          { b_meta(P, (MetaKey)$1, $2, @1); }
  | APPROVER string         { b_meta(P, MK_APPROVER, $2, @1); }
  | EFFECTIVE DATE          { b_effective(P, $2, @2); }
  | REVISION string DATE string { b_revision(P, $2, $3, $4, @1); }
  | TERM STRING string      { b_term(P, $2, $3, @1); }
  | WITHIN DURATION opt_mark { b_within(P, $2, @2); b_mark_within(P, @2, $3); }
  | CALENDAR DURATION DURATION { b_calendar(P, $2, @2, $3, @3); }
  ;

/* a lane, or a group of lanes in braces (b_group_begin reports a group
   in a group) */
lane
  : LANE ID opt_string opt_mark { b_lane(P, $2.s, @2, $3); b_mark_lane(P, $4); }
  | LANE ID opt_string '{'  { b_group_begin(P, $2.s, @2, $3); }
    gitems '}'              { b_group_end(P); }
  ;

gitems
  : %empty
  | gitems lane             { p_stmt_span(P, @2); }
  | gitems ';'
  | gitems error SYNC       { yyerrok; }
  ;

node
  : KIND ID opt_string opt_in { b_node_begin(P, (NodeKind)$1, $2.s, @2, $3, (Text){0});
                              b_node_lanes(P, $4); }
    opt_body                { b_node_end(P); }
  ;

/* `in a, b`: built last-first */
opt_in
  : %empty                  { $$ = NULL; }
  | IN lane_list            { $$ = $2; }
  ;

lane_list
  : ID                      { $$ = b_ref(P, $1, NULL); }
  | lane_list ',' ID        { $$ = b_ref(P, $3, $1); }
  ;

opt_body
  : %empty
  | '{' bitems '}'
  ;

bitems
  : %empty
  | bitems bitem            { p_stmt_span(P, @2); }
  ;

bitem
  : ATTRKEY string opt_mark { b_attr(P, (AttrKind)$1, $2, @1); b_mark_attr(P, $2, $3); }
  | APPROVER string opt_mark { b_attr(P, AT_APPROVER, $2, @1); b_mark_attr(P, $2, $3); }
  | WITHIN DURATION opt_mark { b_within(P, $2, @2); b_mark_within(P, @2, $3); }
  | PROCESS ID              { b_call_process(P, $2.s, @2, @1); }
  | WHEN string opt_mark    { b_when(P, $2, @1, $3); }
  | ADDED opt_reason        { b_mark_node(P, b_mark(P, $2, @1)); }
  | bchain opt_mark         { b_mark_edges(P, $1, $2); }
  | TRIGGER string opt_mark { b_trigger(P, $2, @1, $3); }
  | EVERY DURATION opt_mark { b_every(P, $2, @2, @1, $3); }
  | ';'
  | error SYNC              { yyerrok; }
  ;

chain
  : ID ARROW ID             { $$ = b_edge(P, $1, $3); }
  | chain ARROW ID          { $$ = b_edge_next(P, $1, $3); }
  ;

bchain
  : label ARROW ID          { $$ = b_branch(P, $1, $3); }
  | bchain ARROW ID         { $$ = $2 ? b_unlabelled(P, @2, $3) : b_edge_next(P, $1, $3); }
  ;

/* `added ["reason"]` trailing a statement: one rule for every
 * statement that takes it (yylex() tells it from a line `added`). */
opt_mark
  : %empty                  { $$ = NULL; }
  | mark
  ;

mark
  : MARK opt_reason         { $$ = b_mark(P, $2, @1); }
  | mark MARK opt_reason    { b_mark_again(P, $1, @2); $$ = $1; }
  ;

opt_reason
  : %empty                  { $$ = (Text){0}; }
  | REASON
  ;

label
  : ID
  | string
  ;

string
  : STRING %prec TEXT_END
  | strcat %prec TEXT_END   { $$ = b_string(P, $1, @1); }
  ;

/* adjacent texts, built last-first */
strcat
  : STRING STRING           { $$ = b_ref(P, $2, b_ref(P, $1, NULL)); }
  | strcat STRING           { $$ = b_ref(P, $2, $1); }
  ;

opt_string
  : %empty                  { $$ = (Text){0}; }
  | string
  ;

%%

_Static_assert(sizeof(YYSTYPE) <= sizeof(((Parser *)0)->val), "Parser.val too small");

/* Token filter between scanner and parser. It records the tokens that
 * messages quote, and recovers from a syntax error: it skips to the first
 * token of a following line (or '}' / ';'), where the next statement
 * starts, and hands the parser SYNC before it. The error rules are
 * `error SYNC { yyerrok; }`, so the next statement's own mistakes are
 * reported. If the offending token itself starts a statement, it is
 * handed over again after SYNC, preceded by the keyword a misspelt word
 * stood for (p->subst), if any. */
/* 'added' after a statement on its line (after a closing '}' too) is a
 * trailing mark (MARK), and a text after 'added' on its line is the
 * reason: so a line `added` needs no separator from the statement
 * before, nor its reason from a branch label on the next line. p->tok is
 * still the token before t. */
static int mark_token(const Parser *p, int t, Loc l) {
  if (t == ADDED && (!p->tok_stmt || (!p->tok_bol && p->tok == '}'))) return MARK;
  if (t == STRING && (p->tok == ADDED || p->tok == MARK) && l.line == p->tok_loc.line) return REASON;
  return t;
}

static int yylex(YYSTYPE *v, Loc *l, yyscan_t s) {
  Parser *p = flow_get_extra(s);
  if (p->recover == RECOVER_REPLAY || p->recover == RECOVER_PENDING) {
    if (p->recover == RECOVER_REPLAY) {
      p->recover = RECOVER_PENDING;
      *l = p->tok_loc;
      return SYNC;
    }
    if (p->subst) {          /* the keyword meant by a misspelt word */
      int t = p->subst;
      p->subst = 0;
      v->ival = p->subst_val;
      *l = p->subst_loc;
      return t;
    }
    p->recover = RECOVER_NONE;
    memcpy(v, p->val, sizeof *v);
    *l = p->tok_loc;
    return p->tok;
  }
  for (;;) {
    if (p->capped) return 0;
    int t = p_pop(p, v, sizeof *v, l);   /* the rest of a split run first */
    if (t < 0) t = flow_lex(v, l, s);
    if (p->spans) p_token_span(p, t, *l);
    p->tok_bol = l->line != p->bol_line;
    p->bol_line = l->line;
    p->prev2_tok = p->prev_tok;
    p->prev2_loc = p->prev_loc;
    p->prev_tok = p->tok;
    p->prev_text = p->tok_text;
    p->prev_loc = p->tok_loc;
    p->prev_stmt = p->tok_stmt;
    p->tok_stmt = p->tok_bol || p->tok == 0 || p->tok == '{' || p->tok == '}' || p->tok == ';';
    t = mark_token(p, t, *l);
    p->tok = t;
    p->tok_text = t == ID ? v->text.s
                : t == KIND ? node_kind_name[v->ival]
                : t == METAKEY ? meta_key_name[v->ival]
                : t == ATTRKEY ? attr_kind_name[v->ival] : NULL;
    p->tok_loc = *l;
    if (t == ARROW) v->ival = p->tok_bol;
    memcpy(p->val, v, sizeof *v);
    if (p->recover == RECOVER_SKIP) {
      if (skip_ends(p, t)) {
        p->recover = RECOVER_PENDING;
        return SYNC;
      }
      continue;
    }
    return t;
  }
}

/* Skipping a statement after an error: it ends before the first token
 * of a following line, '}' or ';', or at the end of the file. A body in
 * braces opened by the statement is skipped whole, unless, in a process,
 * a line in it starts a statement that can only stand in the process. */
static int skip_ends(Parser *p, int t) {
  if (t == 0) return 1;
  if (p->skip_depth > 0) {
    if (p->proc && p->tok_bol && (t == KIND || t == LANE || t == PHASE)) {
      p->skip_depth = 0;
      return 1;
    }
    p->skip_depth += t == '{' ? 1 : t == '}' ? -1 : 0;
    return 0;
  }
  if (t == '{') {
    p->skip_depth = 1;
    return 0;
  }
  return t == '}' || t == ';' || p->tok_bol;
}

static const char *sym_desc(yysymbol_kind_t k) {
  switch (k) {
  case YYSYMBOL_ID: return "a name";
  case YYSYMBOL_STRING: return "a quoted text";
  case YYSYMBOL_DATE: return "a date (YYYY-MM-DD)";
  case YYSYMBOL_DURATION: return "a duration such as 3d";
  case YYSYMBOL_KIND: return "a node kind";
  case YYSYMBOL_METAKEY: return "a property";
  case YYSYMBOL_ATTRKEY: return "an attribute";
  case YYSYMBOL_ARROW: return "'->'";
  case YYSYMBOL_MARK: return "'added'";
  case YYSYMBOL_REASON: return "a quoted reason";
  case YYSYMBOL_YYEOF: return "the end of the file";
  default: break;
  }
  const char *n = yysymbol_name(k);
  static char buf[64];
  size_t len = strlen(n);
  if (len >= 2 && n[0] == '"') snprintf(buf, sizeof buf, "'%.*s'", (int)len - 2, n + 1);
  else if (n[0] == '\'') snprintf(buf, sizeof buf, "%s", n); /* '}' and the like */
  else snprintf(buf, sizeof buf, "'%s'", n);
  return buf;
}

/* A token as the user wrote it, for "found ..." */
static const char *tok_found(Parser *p, int t, const char *text) {
  switch (t) {
  case 0: return "the end of the file";
  case ID: return arena_printf(&p->ctx->arena, "the name %s", ctx_quote(p->ctx, text));
  case STRING: return "a quoted text";
  case DATE: return "a date";
  case DURATION: return "a duration";
  }
  if (text) return arena_printf(&p->ctx->arena, "'%s'", text);
  return arena_strdup(&p->ctx->arena, sym_desc(YYTRANSLATE(t))); /* sym_desc's buffer is reused */
}

static int expects(const yysymbol_kind_t *exp, int n, yysymbol_kind_t k) {
  for (int i = 0; i < n; i++)
    if (exp[i] == k) return 1;
  return 0;
}

/* Where a statement stands, for the words allowed to start it. */
static int context(const Parser *p) {
  return p->node ? CX_BODY : p->proc ? CX_PROCESS : p->meta ? CX_HANDBOOK : CX_TOP;
}

typedef struct Word { const char *w; int tok, val; } Word;

/* The keywords that may start a statement in context cx (in the braces
 * of a node of kind k: the attributes of its kind). */
static int statement_words(int cx, NodeKind k, Word *out) {
  int n = 0;
  if (cx == CX_TOP) {
    out[n++] = (Word){"process", PROCESS, 0};
    out[n++] = (Word){"handbook", HANDBOOK, 0};
    out[n++] = (Word){"import", IMPORT, 0};
    return n;
  }
  if (cx == CX_BODY) {
    for (int i = 0; i < AT__COUNT; i++)
      out[n++] = (Word){attr_kind_name[i], i == AT_APPROVER ? APPROVER : ATTRKEY, i};
    if (k != NK_START && k != NK_END && k != NK_FORK && k != NK_JOIN)
      out[n++] = (Word){"within", WITHIN, 0};
    if (k == NK_CALL) out[n++] = (Word){"process", PROCESS, 0};
    if (k != NK_START && k != NK_END && k != NK_FORK && k != NK_JOIN && k != NK_DECISION)
      out[n++] = (Word){"when", WHEN, 0};
    if (k == NK_START) {
      out[n++] = (Word){"trigger", TRIGGER, 0};
      out[n++] = (Word){"every", EVERY, 0};
    }
    out[n++] = (Word){"added", ADDED, 0};
    return n;
  }
  if (cx == CX_PROCESS) {
    for (int i = 0; i < NK__COUNT; i++) out[n++] = (Word){node_kind_name[i], KIND, i};
    out[n++] = (Word){"lane", LANE, 0};
    out[n++] = (Word){"phase", PHASE, 0};
  }
  for (int i = 0; i < MK__COUNT; i++)
    out[n++] = (Word){meta_key_name[i], i == MK_APPROVER ? APPROVER : METAKEY, i};
  out[n++] = (Word){"effective", EFFECTIVE, 0};
  out[n++] = (Word){"revision", REVISION, 0};
  out[n++] = (Word){"term", TERM, 0};
  if (cx == CX_PROCESS) out[n++] = (Word){"within", WITHIN, 0};
  out[n++] = (Word){"calendar", CALENDAR, 0};
  if (cx == CX_PROCESS) out[n++] = (Word){"added", ADDED, 0};
  return n;
}

int statement_keywords(int cx, NodeKind k, const char **out) {
  Word w[STATEMENT_WORDS];
  int n = statement_words(cx, k, w);
  for (int i = 0; i < n; i++) out[i] = w[i].w;
  return n;
}

/* Words newcomers use for a keyword they do not know yet. */
static const char *const synonyms[][2] = {
  {"step", "task"}, {"activity", "task"}, {"action", "task"}, {"node", "task"},
  {"if", "decision"}, {"condition", "decision"}, {"choice", "decision"},
  {"gateway", "decision"}, {"branch", "decision"}, {"begin", "start"},
  {"finish", "end"}, {"stop", "end"}, {"subprocess", "call"}, {"doc", "document"},
  {"database", "store"}, {"db", "store"}, {"archive", "store"}, {"delay", "wait"},
  {"parallel", "fork"}, {"split", "fork"}, {"merge", "join"},
  {"deadline", "within"}, {"due", "within"}, {"timeout", "within"}, {"limit", "within"},
  {"duration", "within"}, {"time", "within"}, {"sla", "within"},
  {"event", "trigger"}, {"schedule", "every"}, {"recurring", "every"}, {"period", "every"},
  {"\xE8\xA7\xA6\xE5\x8F\x91", "trigger"}, {"\xE5\x91\xA8\xE6\x9C\x9F", "every"},  /* 触发 周期 */
  {"swimlane", "lane"}, {"department", "lane"}, {"role", "lane"}, {"stage", "phase"},
  {"procedure", "process"}, {"workflow", "process"}, {"flow", "process"},
  {"responsible", "owner"}, {"description", "purpose"}, {"comment", "note"},
  {"attachment", "form"}, {"include", "import"}, {"date", "effective"},
  {"\xE5\xBC\x80\xE5\xA7\x8B", "start"}, {"\xE7\xBB\x93\xE6\x9D\x9F", "end"},          /* 开始 结束 */
  {"\xE4\xBB\xBB\xE5\x8A\xA1", "task"}, {"\xE5\x88\xA4\xE6\x96\xAD", "decision"},      /* 任务 判断 */
  {"\xE6\xB3\xB3\xE9\x81\x93", "lane"}, {"\xE9\x98\xB6\xE6\xAE\xB5", "phase"},         /* 泳道 阶段 */
  {"\xE6\xB5\x81\xE7\xA8\x8B", "process"}, {"\xE6\x97\xB6\xE9\x99\x90", "within"},     /* 流程 时限 */
  {"\xE8\xB4\x9F\xE8\xB4\xA3\xE4\xBA\xBA", "owner"}, {"\xE7\xBC\x96\xE5\x8F\xB7", "code"},  /* 负责人 编号 */
  {"\xE7\x89\x88\xE6\x9C\xAC", "version"}, {"\xE7\x9B\xAE\xE7\x9A\x84", "purpose"},  /* 版本 目的 */
  {"\xE8\x8C\x83\xE5\x9B\xB4", "scope"}, {"\xE8\xA1\xA8\xE5\x8D\x95", "form"},  /* 范围 表单 */
  {"\xE9\xA3\x8E\xE9\x99\xA9", "risk"}, {"\xE5\xA4\x87\xE6\xB3\xA8", "note"},  /* 风险 备注 */
  {"\xE5\xAE\xA1\xE6\x89\xB9\xE4\xBA\xBA", "approver"}, {"\xE7\x94\x9F\xE6\x95\x88\xE6\x97\xA5\xE6\x9C\x9F", "effective"},  /* 审批人 生效日期 */
};

/* The keyword among cands that w most likely stands for: w in lower
 * case, a synonym, or the nearest by spelling. */
static const Word *nearest(Ctx *c, const char *w, const Word *cands, int n) {
  char low[64];
  size_t len = strlen(w);
  if (len >= sizeof low) return NULL;
  for (size_t i = 0; i <= len; i++) low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
  const char *want = NULL;
  for (size_t i = 0; i < sizeof synonyms / sizeof *synonyms && !want; i++)
    if (!strcmp(synonyms[i][0], low)) want = synonyms[i][1];
  const char *names[STATEMENT_WORDS];
  for (int i = 0; i < n; i++) {
    names[i] = cands[i].w;
    if (!strcmp(cands[i].w, low)) want = cands[i].w;
  }
  if (!want) want = names_suggest(c, low, names, n);
  for (int i = 0; want && i < n; i++)
    if (!strcmp(cands[i].w, want)) return &cands[i];
  return NULL;
}

/* "a, b, c" */
static const char *word_list(Arena *a, const Word *cands, int n) {
  const char *s = "";
  for (int i = 0; i < n; i++) s = arena_printf(a, "%s%s%s", s, i ? ", " : "", cands[i].w);
  return s;
}

/* The token each keyword needs next, so that a keyword put in place of
 * a misspelt word reads the rest of the statement as meant. */
static int fits(int tok, int next) {
  switch (tok) {
  case KIND: case LANE: case PROCESS: return next == ID;
  case WITHIN: case EVERY: return next == DURATION;
  case EFFECTIVE: return next == DATE;
  case HANDBOOK: return next == STRING || next == '{';
  default: return next == STRING;
  }
}

/* A word that is no keyword where a statement (in a node's braces: an
 * attribute) starts. Reports it with the nearest keyword allowed there,
 * stored in *best; in a decision's braces only when there is one (the
 * word may be a branch label). Returns whether it reported. */
static int unknown_word(Parser *p, const char *w, Loc at, const Word **best, Word *cands) {
  Arena *a = &p->ctx->arena;
  int cx = context(p);
  int n = statement_words(cx, cx == CX_BODY ? p->node->kind : NK_TASK, cands);
  const Word *k = *best = nearest(p->ctx, w, cands, n);
  if (!k && cx == CX_BODY && p->node->kind == NK_DECISION) return 0;
  const char *q = ctx_quote(p->ctx, w);
  const char *hint = k ? arena_printf(a, " (did you mean '%s'?)", k->w) : "";
  const char *msg;
  if (cx == CX_TOP)
    msg = arena_printf(a, "unknown word %s%s: a file holds 'process', 'handbook' and 'import' statements", q, hint);
  else if (cx == CX_HANDBOOK)
    msg = arena_printf(a, "unknown property %s%s: the properties of a handbook are %s", q, hint, word_list(a, cands, n));
  else if (cx == CX_BODY)
    msg = arena_printf(a, "unknown attribute %s%s: the attributes of %s %s node are %s%s", q, hint,
                       kind_article(p->node->kind), node_kind_name[p->node->kind], word_list(a, cands, n),
                       p->node->kind == NK_DECISION ? ", and its branches 'label -> node'" : "");
  else if (k && k->tok == KIND)
    msg = arena_printf(a, "unknown node kind %s%s: the node kinds are %s", q, hint, word_list(a, cands, NK__COUNT));
  else if (k && k->tok != LANE && k->tok != PHASE)
    msg = arena_printf(a, "unknown property %s%s: the properties of a process are %s", q, hint,
                       word_list(a, cands + NK__COUNT + 2, n - NK__COUNT - 2));
  else
    msg = arena_printf(a, "unknown word %s at the start of a statement%s: a statement starts with a node kind "
                       "(start, end, task, decision, …), 'lane', 'phase' or a property such as 'owner', "
                       "or is an edge 'a -> b'", q, hint);
  p_syntax(p, at, "%s", msg);
  return 1;
}

static int is_node(const Parser *p, const char *id) {
  for (int i = 0; i < p->nnodes; i++)
    if (p->nodes[i]->id == id) return 1;
  return 0;
}

/* A name written right after a node's header, where 'in' was meant. */
static void missing_in(Parser *p) {
  const char *w = p->prev_text, *lane = NULL;
  Process *pr = p->proc;
  for (int i = 0; i < pr->nlanes && !lane; i++)
    if (pr->lanes[i].id == w || !strcmp(pr->lanes[i].name, w)) lane = pr->lanes[i].id;
  Ctx *c = p->ctx;
  if (lane)
    p_syntax(p, p->prev_loc, "%s after node %s: a node's lane is written 'in LANE', here 'in %s'%s",
             ctx_quote(c, w), ctx_quote(c, p->hdr_node->id), lane,
             lane == w ? "" : arena_printf(&c->arena, " (%s is the name of lane '%s'; 'in' takes its ID)",
                                           ctx_quote(c, w), lane));
  else
    p_syntax(p, p->prev_loc, "unexpected name %s after node %s: a node's lane is written 'in LANE'",
             ctx_quote(c, w), ctx_quote(c, p->hdr_node->id));
}

static int same_loc(Loc a, Loc b) {
  return a.file == b.file && a.line == b.line && a.start == b.start;
}

/* `added` where it marks nothing, or followed by something else than
 * its reason. Returns whether it reported. */
static int marks_misplaced(Parser *p, yysymbol_kind_t la, int cx) {
  if (la == YYSYMBOL_ADDED && (cx == CX_TOP || cx == CX_HANDBOOK)) {
    p_syntax(p, p->tok_loc, "'added' marks what a process holds beyond its source; %s: mark the process, or the "
             "statements in it, that go beyond the source", cx == CX_TOP ? "here it stands outside any process"
             : "a handbook holds no steps, only the 'source' its processes default to");
    return 1;
  }
  if (la == YYSYMBOL_MARK && cx == CX_PROCESS && p->hdr_node && p->hdr_node->loc.line == p->tok_loc.line) {
    p_syntax(p, p->tok_loc, "a node is marked 'added' in its braces, on a line of its own: %s %s … { added }",
             node_kind_name[p->hdr_node->kind], p->hdr_node->id);
    return 1;
  }
  if (la == YYSYMBOL_MARK) {
    p_syntax(p, p->tok_loc, "'added' cannot mark what stands before it: it trails a lane, a phase, an edge, "
             "'within', or an attribute, 'when' or a branch in a node's braces%s",
             cx == CX_PROCESS || cx == CX_HANDBOOK ? " (a property such as 'owner' is not marked)" : "");
    return 1;
  }
  if ((p->prev_tok == MARK || p->prev_tok == ADDED) && !p->tok_bol) {
    p_syntax(p, p->tok_loc, "'added' is followed only by its reason, a text in quotes, as in 'added \"原文未载\"'; found %s",
             tok_found(p, p->tok, p->tok_text));
    return 1;
  }
  return 0;
}

/* The mistakes newcomers make most, each said in their terms. Sets up
 * recovery too; returns whether it reported. */
static int newcomer(Parser *p, yysymbol_kind_t la, const yysymbol_kind_t *exp, int n) {
  int cx = context(p);
  const Word *k;
  Word cands[STATEMENT_WORDS];
  if (p->prev_tok == CALENDAR || (p->prev_tok == DURATION && p->prev2_tok == CALENDAR)) {
    p_syntax(p, p->tok_loc, "'calendar' takes the hours of a working day and the working days of a week, e.g. 'calendar 8h 5d'; found %s",
             tok_found(p, p->tok, p->tok_text));
    return 1;
  }
  if (marks_misplaced(p, la, cx)) return 1;
  if (la == YYSYMBOL_ID && p->tok_stmt && (cx == CX_TOP || cx == CX_HANDBOOK)) {
    if (!unknown_word(p, p->tok_text, p->tok_loc, &k, cands)) return 0;
    if (k) {  /* read the statement as meant */
      p->recover = RECOVER_REPLAY;
      p->skip_depth = 0;
      p->tok = k->tok;
      ((YYSTYPE *)(void *)p->val)->ival = k->val;
      p->guess_loc = p->tok_loc;
    }
    return 1;
  }
  if (p->prev_tok == ID && la != YYSYMBOL_ARROW && expects(exp, n, YYSYMBOL_ARROW)) {
    if (p->prev_stmt && (cx == CX_PROCESS || cx == CX_BODY) && !is_node(p, p->prev_text)) {
      if (p->lex_err_line == p->prev_loc.line) return 1;  /* already explained */
      if (!unknown_word(p, p->prev_text, p->prev_loc, &k, cands)) return 0;
      if (k && la != YYSYMBOL_YYEOF && fits(k->tok, p->tok)) {
        p->recover = RECOVER_REPLAY;
        p->skip_depth = 0;
        p->subst = k->tok;
        p->subst_val = k->val;
        p->subst_loc = p->guess_loc = p->prev_loc;
      }
      return 1;
    }
    if (!p->prev_stmt && cx == CX_PROCESS && p->hdr_node && !p->hdr_node->lane_ref.s &&
        same_loc(p->prev2_loc, p->hdr_end)) {
      if (p->lex_err_line != p->prev_loc.line) missing_in(p);
      return 1;
    }
    if (!p->prev_stmt && cx == CX_PROCESS && p->hdr_node && p->hdr_node->lane_ref.s &&
        same_loc(p->prev2_loc, p->in_end)) {
      if (p->lex_err_line != p->prev_loc.line)
        p_syntax(p, p->prev_loc, "unexpected name %s after the lanes of node %s: joint lanes are separated by ',' "
                 "(put ',' before %s, as in 'in sales, finance')", ctx_quote(p->ctx, p->prev_text),
                 ctx_quote(p->ctx, p->hdr_node->id), p->prev_text);
      return 1;
    }
  }
  if (la == YYSYMBOL_ARROW && cx == CX_BODY && p->node->kind == NK_DECISION &&
      !(p->prev_tok == STRING && p->prev2_tok == STRING)) {  /* a label joined onto a text: below */
    p_syntax(p, p->tok_loc, "this branch of decision %s has no label: write the label before '->', e.g. '%s -> …'",
             ctx_quote(p->ctx, p->node->id), branch_label_example(p));
    return 1;
  }
  return 0;
}

static int yyreport_syntax_error(const yypcontext_t *yctx, yyscan_t scanner) {
  Parser *p = P;
  Loc loc = *yypcontext_location(yctx);
  yysymbol_kind_t la = yypcontext_token(yctx);
  if (la != YYSYMBOL_YYEOF) {
    /* a token handed over again that still does not fit is skipped */
    int again = p->err_loc.start == p->tok_loc.start && p->err_loc.line == p->tok_loc.line;
    p->err_loc = p->tok_loc;
    p->recover = !again && (p->tok_bol || p->tok == '}' || p->tok == ';')
                 ? RECOVER_REPLAY : RECOVER_SKIP;
    p->skip_depth = p->recover == RECOVER_SKIP && p->tok == '{';
    if (again) return 0;
  }
  if (p->lex_err_line == loc.line && la != YYSYMBOL_YYEOF) return 0;  /* already explained */
  yysymbol_kind_t exp[64];
  int n = yypcontext_expected_tokens(yctx, exp, 64);
  const char *found = tok_found(p, p->tok, p->tok_text);
  Arena *a = &p->ctx->arena;
  char *msg;
  if (la == YYSYMBOL_YYEOF && (p->proc || p->meta)) {
    const char *what = p->node ? arena_printf(a, "the braces of node '%s'", p->node->id)
                     : p->proc ? arena_printf(a, "process '%s'", p->proc->id) : "the handbook";
    Loc at = p->node ? p->node->loc : p->proc ? p->proc->loc : p->ctx->prog->handbooks[p->ctx->prog->nhandbooks - 1]->loc;
    Diag *d = diag(p->ctx, SEV_ERROR, "syntax", loc, "the file ends before the '}' that closes %s", what);
    diag_note(p->ctx, d, at, "opened here");
    p->nsyntax++;
    return 0;
  }
  if (newcomer(p, la, exp, n)) return 0;
  if ((la == YYSYMBOL_TRIGGER || la == YYSYMBOL_EVERY) && !p->node) {
    p_syntax(p, loc, "%s belongs in the braces of a start node, e.g. start s { %s }", found,
             la == YYSYMBOL_TRIGGER ? "trigger \"\xE5\xAE\xA2\xE6\x88\xB7\xE6\x9D\xA5\xE7\x94\xB5\"" : "every 1mo");
    return 0;
  }
  if (expects(exp, n, YYSYMBOL_LANE) && !expects(exp, n, YYSYMBOL_KIND) && !expects(exp, n, YYSYMBOL_ID)) {
    msg = arena_printf(a, "a lane group holds lanes only ('lane ID \"name\"'), found %s: nodes stand in the "
                       "process, in a lane of the group ('in LANE')", found);
  } else if (expects(exp, n, YYSYMBOL_KIND) && expects(exp, n, YYSYMBOL_LANE)) {
    if (la == YYSYMBOL_ATTRKEY || la == YYSYMBOL_WITHIN)
      msg = arena_printf(a, "%s must stand inside the braces of a node, e.g. task step \"...\" { %s ... }",
                         found, la == YYSYMBOL_WITHIN ? "within" : "form");
    else
      msg = arena_printf(a, "expected a statement (a node such as 'task', an edge 'a -> b', 'lane', 'phase' or a property such as 'owner') or '}', found %s",
                         found);
  } else if (expects(exp, n, YYSYMBOL_ATTRKEY)) {
    /* form "a" "是" -> x: the branch label was joined onto the text */
    const char *joined = la == YYSYMBOL_ARROW && p->prev_tok == STRING && p->prev2_tok == STRING
        ? " (texts side by side are joined into one, so the branch label became part of the text "
          "before it: put ';' between them)" : "";
    msg = arena_printf(a, "expected an attribute (form, input, output, note, risk, control, system, approver, consult, inform, within, when, added), a branch 'label -> node' or '}', found %s%s%s",
                       found, la == YYSYMBOL_KIND ? " (is a '}' missing before it?)" : "", joined);
  } else if (expects(exp, n, YYSYMBOL_PROCESS) && expects(exp, n, YYSYMBOL_IMPORT)) {
    msg = arena_printf(a, "expected 'process', 'handbook' or 'import', found %s", found);
  } else if (n > 0 && n <= 5) {
    char list[512] = "";
    for (int i = 0; i < n; i++) {
      size_t used = strlen(list);
      snprintf(list + used, sizeof list - used, "%s%s",
               i == 0 ? "" : i == n - 1 ? " or " : ", ", sym_desc(exp[i]));
    }
    /* a keyword where a name belongs */
    const char *why = expects(exp, n, YYSYMBOL_ID) && la > YYSYMBOL_DURATION && la < YYSYMBOL_SYNC &&
                      la != YYSYMBOL_ARROW ? " (it is a reserved word and cannot be a name)" : "";
    if (p->prev_tok == ID || p->prev_tok == 0 || p->prev_tok == STRING)
      msg = arena_printf(a, "expected %s, found %s%s", list, found, why);
    else
      msg = arena_printf(a, "expected %s after %s, found %s%s", list,
                         tok_found(p, p->prev_tok, p->prev_text), found, why);
  } else {
    msg = arena_printf(a, "unexpected %s", found);
  }
  p_syntax(p, loc, "%s", msg);
  return 0;
}

/* Only called when the parser's stack is exhausted (very deep input). */
static void yyerror(const Loc *l, yyscan_t scanner, const char *msg) {
  p_syntax(P, *l, "%s: the file is nested too deeply", msg);
}
