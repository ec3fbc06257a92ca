/* fmt.c — the formatter (see fmt.h). Lines are built from the parser's
 * spans: a statement starts a line, its tokens fill the line's cells,
 * the gaps between tokens give the comments and blank lines. Then the
 * cells of like lines are aligned in columns and the text is written
 * with the file's BOM and line ending. */
#include "fmt.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse.h"
#include "flow.tab.h"
#include "utf8.h"

/* A line's cells: NCELL aligned columns, then the tail. */
enum { NCELL = 4, TAIL = NCELL, MAX_DEPTH = 8 };
/* What a line holds; lines of one class in a run share columns. */
enum { C_NONE, C_COMMENT, C_CLOSE, C_NODE, C_LANE, C_KV, C_BRANCH };

typedef struct Cell { int first, last; } Cell;  /* token indices; first < 0: empty */

typedef struct Line {
  int cls, depth, blank;   /* blank: an empty line before it */
  int semi, opens;         /* ends with ';' (kept between two texts), with '{' */
  Cell cell[NCELL + 1];
  unsigned cfrom, cto;     /* the comment: the line's, or its trailing one */
  int col[NCELL];          /* where each aligned cell starts */
  int ntok, prevtok;
  int grouped;             /* its columns are set */
} Line;

typedef struct Fmt {
  const char *buf;
  size_t len;
  const SpanTok *tok;
  int ntok;
  Line *lines;
  int nlines, cap, cur;    /* cur: the line of the last token, or -1 */
  int depth, body[MAX_DEPTH]; /* body[d]: the block at depth d is a node's */
  int prev;                /* the last token (not ';'), or -1 */
} Fmt;

static Line *new_line(Fmt *f, int at, int cls, int depth, int blank) {
  if (f->nlines == f->cap) f->lines = xrealloc(f->lines, sizeof *f->lines * (size_t)(f->cap = f->cap ? 2 * f->cap : 64));
  memmove(f->lines + at + 1, f->lines + at, sizeof *f->lines * (size_t)(f->nlines - at));
  f->nlines++;
  Line *l = &f->lines[at];
  memset(l, 0, sizeof *l);
  for (int i = 0; i <= NCELL; i++) l->cell[i].first = -1;
  l->cls = cls, l->depth = depth, l->blank = blank;
  return l;
}

/* Whether a blank line may stand before a new last line: not first in
 * the file, not just inside '{', not before '}'. */
static int blank_ok(const Fmt *f, int cls) {
  return f->nlines > 0 && !f->lines[f->nlines - 1].opens && cls != C_CLOSE;
}

static unsigned trim_end(const char *b, unsigned from, unsigned to) {
  while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) to--;
  return to;
}

/* A comment at [from, to): trailing the line of the last token, or a
 * line of its own; one inside a statement goes before the statement. */
static void comment(Fmt *f, unsigned from, unsigned to, int nl, int next_starts) {
  to = trim_end(f->buf, from, to);
  Line *cur = f->cur >= 0 ? &f->lines[f->cur] : NULL;
  if (cur && nl == 0 && cur->cto == cur->cfrom && cur->cls != C_COMMENT) {
    cur->cfrom = from, cur->cto = to;
    return;
  }
  Line *l;
  if (cur && nl == 0) {              /* a second trailing one: after the line */
    l = new_line(f, f->cur + 1, C_COMMENT, cur->depth, 0);
  } else if (cur && !next_starts) {  /* inside a statement: before it */
    int blank = cur->blank;
    cur->blank = 0;
    l = new_line(f, f->cur, C_COMMENT, cur->depth, blank);
    f->cur++;
  } else {
    l = new_line(f, f->nlines, C_COMMENT, f->depth, nl >= 2 && blank_ok(f, C_COMMENT));
    f->cur = f->nlines - 1;
  }
  l->cfrom = from, l->cto = to;
}

static unsigned comment_end(const char *b, unsigned i, unsigned to) {
  while (i < to && b[i] != '\n' && b[i] != '\r') i++;
  return i;
}

/* The bytes between two tokens: white space, ';', comments. Returns the
 * line breaks after the last comment. */
static int gap(Fmt *f, unsigned from, unsigned to, int next_starts) {
  int nl = f->prev < 0 && f->cur < 0 ? 2 : 0;  /* nothing before: no trailing comment */
  for (unsigned i = from; i < to;) {
    char ch = f->buf[i];
    if (ch == '#') {
      unsigned e = comment_end(f->buf, i, to);
      comment(f, i, e, nl, next_starts);
      nl = 0;
      i = e;
    } else {
      nl += ch == '\n' || (ch == '\r' && (i + 1 >= to || f->buf[i + 1] != '\n'));
      i++;
    }
  }
  return nl;
}

/* The class of a statement that starts with token tok. */
static int classify(int tok, int in_body) {
  switch (tok) {
  case KIND: return C_NODE;
  case LANE: return C_LANE;
  case METAKEY: case APPROVER: case EFFECTIVE: case REVISION: case TERM: case ATTRKEY: case WITHIN:
  case WHEN: case ADDED: case TRIGGER: case EVERY:
    return C_KV;
  case PROCESS: return in_body ? C_KV : C_NONE;
  case ID: case STRING: return in_body ? C_BRANCH : C_NONE;
  default: return C_NONE;
  }
}

/* The cell a statement's next token goes to. */
static int cell_of(const Line *l, int tok) {
  switch (l->cls) {
  case C_NODE:
    if (l->ntok < 2) return l->ntok;
    if (tok == STRING) return 2;
    /* `in a, b`: ',' stands only in a node's lane list */
    return tok == IN || l->prevtok == IN || tok == ',' || l->prevtok == ',' ? 3 : TAIL;
  case C_LANE: return l->ntok < 2 ? l->ntok : 2;
  case C_KV: return l->ntok ? 1 : 0;
  case C_BRANCH: return tok == ARROW || l->cell[1].first >= 0 ? 1 : 0;
  default: return TAIL;
  }
}

static void add_token(Line *l, int i, int tok) {
  Cell *c = &l->cell[cell_of(l, tok)];
  if (c->first < 0) c->first = i;
  c->last = i;
  l->ntok++;
  l->prevtok = tok;
  l->opens = tok == '{';
}

static int stmt_starts(const Spans *sp, int *si, unsigned at) {
  while (*si < sp->nstmts && sp->stmts[*si] < at) ++*si;
  return *si < sp->nstmts && sp->stmts[*si] == at;
}

/* One token: a new line for a statement or '}', else onto the line. */
static void token(Fmt *f, int i, int starts, int nl, int had_comment) {
  int t = f->tok[i].tok;
  if (t == '}' && f->prev >= 0 && f->tok[f->prev].tok == '{' && !had_comment && f->cur >= 0) {
    add_token(&f->lines[f->cur], i, t);   /* {} */
    f->depth--;
  } else if (t == '}') {
    f->depth--;
    new_line(f, f->nlines, C_CLOSE, f->depth, 0);
    f->cur = f->nlines - 1;
    add_token(&f->lines[f->cur], i, t);
  } else if (starts || f->cur < 0) {
    if (t == STRING && f->prev >= 0 && f->tok[f->prev].tok == STRING && f->cur >= 0)
      f->lines[f->cur].semi = 1;   /* else the two texts would be joined */
    int in_body = f->depth > 0 && f->body[f->depth - 1];
    int cls = classify(t, in_body);
    new_line(f, f->nlines, cls, f->depth, nl >= 2 && blank_ok(f, cls));
    f->cur = f->nlines - 1;
    add_token(&f->lines[f->cur], i, t);
  } else {
    Line *l = &f->lines[f->cur];
    if (t == '{' && f->depth < MAX_DEPTH) f->body[f->depth] = l->cls == C_NODE;
    if (t == '{') f->depth++;
    add_token(l, i, t);
  }
  f->prev = i;
}

static void build(Fmt *f, const Spans *sp, size_t start) {
  int si = 0;
  unsigned from = (unsigned)start;
  for (int i = 0; i < sp->ntoks; i++) {
    if (sp->toks[i].tok == ';') continue;
    unsigned at = sp->toks[i].start;
    int starts = stmt_starts(sp, &si, at);
    int next_starts = starts || sp->toks[i].tok == '}';
    int before = f->nlines;
    int nl = gap(f, from, at, next_starts);
    token(f, i, starts, nl, f->nlines != before);
    from = sp->toks[i].end;
  }
  gap(f, from, (unsigned)f->len, 1);
}

/* ---- columns ---- */

static int width(const char *s, size_t n) {
  int w = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (!k) { w++; i++; continue; }
    w += utf8_width(cp);
    i += (size_t)k;
  }
  return w;
}

/* Tokens written right after the one before: '}' of "{}", ',' of "in a, b". */
static int no_space_before(int tok) { return tok == '}' || tok == ','; }

static int cell_width(const Fmt *f, Cell c) {
  if (c.first < 0) return 0;
  int w = 0, any = 0;
  for (int k = c.first; k <= c.last; k++) {
    if (f->tok[k].tok == ';') continue;
    w += any && !no_space_before(f->tok[k].tok) ? 1 : 0;
    w += width(f->buf + f->tok[k].start, f->tok[k].end - f->tok[k].start);
    any = 1;
  }
  return w;
}

static int aligned(int cls) { return cls >= C_NODE; }

/* Cells aligned over the whole block rather than a run: a node's kind
 * and ID, so that its nodes read as one table across phases. */
static int block_cells(int cls) { return cls == C_NODE ? 2 : 0; }

/* The lines after `from` that share its columns: same class and depth;
 * a run ends at a blank line or a statement of another class (bodies,
 * their '}' and comments do not end it), a block at its '}'. */
static int group_end(const Fmt *f, int from, int block) {
  const Line *a = &f->lines[from];
  int k = from + 1;
  for (; k < f->nlines; k++) {
    const Line *l = &f->lines[k];
    if (l->depth > a->depth || (block && l->depth == a->depth)) continue;
    if (l->depth < a->depth || l->blank) break;
    if (l->cls != C_COMMENT && l->cls != C_CLOSE && l->cls != a->cls) break;
  }
  return k;
}

/* The widest of cells j in [from, to) on lines like from's; a cell
 * counts when a later aligned cell of its line follows. */
static void widths(const Fmt *f, int from, int to, int w[NCELL]) {
  const Line *a = &f->lines[from];
  memset(w, 0, sizeof(int) * NCELL);
  for (int k = from; k < to; k++) {
    const Line *l = &f->lines[k];
    if (l->depth != a->depth || l->cls != a->cls) continue;
    for (int j = 0; j < NCELL; j++) {
      int later = 0;
      for (int m = j + 1; m < NCELL; m++) later |= l->cell[m].first >= 0;
      int cw = cell_width(f, l->cell[j]);
      if (later && cw > w[j]) w[j] = cw;
    }
  }
}

/* Sets the columns of the run [from, to), given its block's widths. */
static void align(Fmt *f, int from, int to, const int block_w[NCELL]) {
  int depth = f->lines[from].depth, cls = f->lines[from].cls, w[NCELL], col[NCELL] = {0};
  widths(f, from, to, w);
  memcpy(w, block_w, sizeof(int) * (size_t)block_cells(cls));
  for (int j = 1; j < NCELL; j++) col[j] = col[j - 1] + (w[j - 1] ? w[j - 1] + 1 : 0);
  for (int k = from; k < to; k++)
    if (f->lines[k].depth == depth && f->lines[k].cls == cls) {
      memcpy(f->lines[k].col, col, sizeof col);
      f->lines[k].grouped = 1;
    }
}

static void align_all(Fmt *f) {
  int block_w[NCELL] = {0}, block_to = -1;
  for (int i = 0; i < f->nlines; i++) {
    const Line *l = &f->lines[i];
    if (!aligned(l->cls) || l->grouped) continue;
    if (block_cells(l->cls) && i >= block_to) widths(f, i, block_to = group_end(f, i, 1), block_w);
    align(f, i, group_end(f, i, 0), block_w);
  }
}

/* ---- writing ---- */

static void put_cell(const Fmt *f, FILE *o, Cell c) {
  int any = 0;
  for (int k = c.first; c.first >= 0 && k <= c.last; k++) {
    if (f->tok[k].tok == ';') continue;
    if (any && !no_space_before(f->tok[k].tok)) fputc(' ', o);
    fwrite(f->buf + f->tok[k].start, 1, f->tok[k].end - f->tok[k].start, o);
    any = 1;
  }
}

static void put_line(const Fmt *f, FILE *o, const Line *l, const char *eol) {
  if (l->blank) fputs(eol, o);
  for (int i = 0; i < l->depth; i++) fputs("  ", o);
  int pos = 0;
  for (int j = 0; j <= NCELL; j++) {
    if (l->cell[j].first < 0) continue;
    if (pos > 0) {
      int pad = j < NCELL && l->col[j] - pos > 1 ? l->col[j] - pos : 1;
      fprintf(o, "%*s", pad, "");
      pos += pad;
    }
    put_cell(f, o, l->cell[j]);
    pos += cell_width(f, l->cell[j]);
  }
  if (l->semi) fputc(';', o);
  if (l->cto > l->cfrom) {
    if (pos > 0 || l->semi) fputc(' ', o);
    fwrite(f->buf + l->cfrom, 1, l->cto - l->cfrom, o);
  }
  fputs(eol, o);
}

/* The file's line ending: its first one, else LF. */
static const char *line_end(const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (b[i] == '\n') return "\n";
    if (b[i] == '\r') return i + 1 < n && b[i + 1] == '\n' ? "\r\n" : "\r";
  }
  return "\n";
}

int fmt_file(Ctx *c, int file, char **out, size_t *len) {
  *out = NULL;
  *len = 0;
  Spans sp;
  int bad = parse_spans(c, file, &sp);
  if (bad) {
    spans_free(&sp);
    return bad;
  }
  const SourceFile *sf = c->files[file];
  Fmt f = {.buf = sf->buf, .len = sf->len, .tok = sp.toks, .ntok = sp.ntoks, .cur = -1, .prev = -1};
  build(&f, &sp, sf->start);
  align_all(&f);
  FILE *o = open_memstream(out, len);
  if (!o) oom();
  fwrite(sf->buf, 1, sf->start, o);   /* the BOM */
  const char *eol = line_end(sf->buf, sf->len);
  for (int i = 0; i < f.nlines; i++) put_line(&f, o, &f.lines[i], eol);
  if (fclose(o) != 0) oom();
  free(f.lines);
  spans_free(&sp);
  return 0;
}

void fmt_comments(Ctx *c, int file, const Spans *sp, void (*fn)(void *arg, const char *s, size_t n), void *arg) {
  const SourceFile *sf = c->files[file];
  unsigned from = (unsigned)sf->start;
  for (int i = 0; i <= sp->ntoks; i++) {
    unsigned to = i < sp->ntoks ? sp->toks[i].start : (unsigned)sf->len;
    for (unsigned k = from; k < to; k++) {
      if (sf->buf[k] != '#') continue;
      unsigned e = comment_end(sf->buf, k, to);
      fn(arg, sf->buf + k, trim_end(sf->buf, k, e) - k);
      k = e;
    }
    if (i < sp->ntoks) from = sp->toks[i].end;
  }
}
