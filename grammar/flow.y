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
int flow_lex(YYSTYPE *v, Loc *l, yyscan_t s);
Parser *flow_get_extra(yyscan_t s);
static int yylex(YYSTYPE *v, Loc *l, yyscan_t s);
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
}

%token <text> ID "name" STRING "text"
%token <date> DATE "date"
%token <dur> DURATION "duration"
%token <ival> KIND "node kind" METAKEY "property" ATTRKEY "attribute"
%token ARROW "->" IMPORT "import" HANDBOOK "handbook" PROCESS "process"
%token LANE "lane" PHASE "phase" IN "in" APPROVER "approver"
%token EFFECTIVE "effective" REVISION "revision" TERM "term" WITHIN "within"
%token SYNC "start of a statement" /* made by yylex() after an error */

/* "a" "b" concatenates even where a text could start the next item (a
 * branch label in a decision): shift wins over ending the text. */
%precedence TEXT_END
%precedence STRING

%type <text> string opt_string label opt_in
%type <ref> strcat
%type <span> chain bchain

%%

file
  : %empty
  | file item
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
  | hitems meta
  | hitems ';'
  | hitems error SYNC       { yyerrok; }
  ;

pitems
  : %empty
  | pitems pitem
  ;

pitem
  : meta
  | LANE ID opt_string      { b_lane(P, $2.s, @2, $3); }
  | PHASE string            { b_phase(P, $2, @1); }
  | node
  | chain
  | chain ':' label         { b_edge_label(P, $1, $3); }
  | ';'
  | error SYNC              { yyerrok; }
  ;

meta
  : METAKEY string          { b_meta(P, (MetaKey)$1, $2, @1); }
  | APPROVER string         { b_meta(P, MK_APPROVER, $2, @1); }
  | EFFECTIVE DATE          { b_effective(P, $2, @2); }
  | REVISION string DATE string { b_revision(P, $2, $3, $4, @1); }
  | TERM STRING string      { b_term(P, $2, $3, @1); }
  ;

node
  : KIND ID opt_string opt_in { b_node_begin(P, (NodeKind)$1, $2.s, @2, $3, $4); }
    opt_body                { b_node_end(P); }
  ;

opt_in
  : %empty                  { $$ = (Text){0}; }
  | IN ID                   { $$ = $2; }
  ;

opt_body
  : %empty
  | '{' bitems '}'
  ;

bitems
  : %empty
  | bitems bitem
  ;

bitem
  : ATTRKEY string          { b_attr(P, (AttrKind)$1, $2, @1); }
  | APPROVER string         { b_attr(P, AT_APPROVER, $2, @1); }
  | WITHIN DURATION         { b_within(P, $2, @2); }
  | PROCESS ID              { b_call_process(P, $2.s, @2, @1); }
  | bchain
  | ';'
  | error SYNC              { yyerrok; }
  ;

chain
  : ID ARROW ID             { $$ = b_edge(P, $1, $3); }
  | chain ARROW ID          { $$ = b_edge_next(P, $1, $3); }
  ;

bchain
  : label ARROW ID          { $$ = b_branch(P, $1, $3); }
  | bchain ARROW ID         { $$ = b_edge_next(P, $1, $3); }
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
 * handed over again after SYNC. */
static int yylex(YYSTYPE *v, Loc *l, yyscan_t s) {
  Parser *p = flow_get_extra(s);
  if (p->recover == RECOVER_REPLAY || p->recover == RECOVER_PENDING) {
    if (p->recover == RECOVER_REPLAY) {
      p->recover = RECOVER_PENDING;
      *l = p->tok_loc;
      return SYNC;
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
    p->tok_bol = l->line != p->bol_line;
    p->bol_line = l->line;
    p->prev2_tok = p->prev_tok;
    p->prev_tok = p->tok;
    p->prev_text = p->tok_text;
    p->prev_loc = p->tok_loc;
    p->tok = t;
    p->tok_text = t == ID ? v->text.s
                : t == KIND ? node_kind_name[v->ival]
                : t == METAKEY ? meta_key_name[v->ival]
                : t == ATTRKEY ? attr_kind_name[v->ival] : NULL;
    p->tok_loc = *l;
    memcpy(p->val, v, sizeof *v);
    if (p->recover == RECOVER_SKIP) {
      if (t == 0 || t == '}' || t == ';' || p->tok_bol) {
        p->recover = RECOVER_PENDING;
        return SYNC;
      }
      continue;
    }
    return t;
  }
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
  if (expects(exp, n, YYSYMBOL_KIND) && expects(exp, n, YYSYMBOL_LANE)) {
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
    msg = arena_printf(a, "expected an attribute (form, input, output, note, risk, control, system, approver, consult, inform, within), a branch 'label -> node' or '}', found %s%s%s",
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
