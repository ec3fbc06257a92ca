/* parse.c — runs the scanner and parser over each file and follows
 * imports (relative to the importing file, each file read once, cycles
 * reported). */
#include "parse.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "parser.h"
#include "flow.tab.h"
#include "flow.lex.h"
#include "utf8.h"

#define MAX_IMPORT_DEPTH 64
#define MAX_IMPORTS 1000

typedef struct Loader {
  Ctx *c;
  char *root;              /* imports must stay inside this directory */
  int stack[MAX_IMPORT_DEPTH + 1];
  int depth, count;
} Loader;

static void load(Loader *L, int file);
static void ensure_program(Ctx *c);

/* A UTF-16 file (a byte-order mark, or NUL in every other byte of its
 * first characters) gets one error instead of one per NUL byte. */
static int utf16(Ctx *c, int file) {
  SourceFile *f = c->files[file];
  const unsigned char *b = (const unsigned char *)f->buf;
  size_t n = f->len;
  int bom = n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF));
  int zeros = n >= 4 && ((b[1] == 0 && b[3] == 0 && b[0] && b[2]) || (b[0] == 0 && b[2] == 0 && b[1] && b[3]));
  if (!bom && !zeros) return 0;
  f->utf16 = 1;
  diag(c, SEV_ERROR, "syntax", (Loc){file, 1, 0, 0},
       "this file is UTF-16 encoded: save it as UTF-8 (flowc reads only UTF-8)");
  return 1;
}

/* Parses one file; its imports are returned, not followed. Records
 * spans in s unless NULL; *nsyntax gets the syntax errors found. */
static Import *parse_one(Ctx *c, int file, Spans *spans, int *nsyntax) {
  SourceFile *f = c->files[file];
  Parser p;
  memset(&p, 0, sizeof p);
  p.spans = spans;
  p.ctx = c;
  p.file = file;
  p.line = 1;
  p.off = (unsigned)f->start;
  p.imports_tail = &p.imports;
  p.src = f->buf + f->start;
  p.src_len = f->len - f->start;
  if (utf16(c, file)) {
    *nsyntax = 1;
    return NULL;
  }
  yyscan_t s;
  if (flow_lex_init_extra(&p, &s) != 0) oom();
  yyparse(s);
  if (p.proc) b_process_end(&p);  /* cut short by an error at the end of the file */
  flow_lex_destroy(s);
  free(p.sbuf);
  free(p.queue);
  free(p.nodes);
  free(p.edges);
  *nsyntax = p.nsyntax;
  return p.imports;
}

void p_token_span(Parser *p, int tok, Loc loc) {
  Spans *s = p->spans;
  if (tok <= 0) return;
  if (s->ntoks == s->tcap) s->toks = xrealloc(s->toks, sizeof *s->toks * (size_t)(s->tcap = s->tcap ? 2 * s->tcap : 256));
  s->toks[s->ntoks++] = (SpanTok){tok, loc.start, loc.end};
}

void p_stmt_span(Parser *p, Loc loc) {
  Spans *s = p->spans;
  if (!s) return;
  if (s->nstmts == s->scap) s->stmts = xrealloc(s->stmts, sizeof *s->stmts * (size_t)(s->scap = s->scap ? 2 * s->scap : 64));
  s->stmts[s->nstmts++] = loc.start;
}

static int by_offset(const void *a, const void *b) {
  unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
  return (x > y) - (x < y);
}

int parse_spans(Ctx *c, int file, Spans *s) {
  memset(s, 0, sizeof *s);
  ensure_program(c);
  int nsyntax = 0;
  parse_one(c, file, s, &nsyntax);
  if (s->nstmts) qsort(s->stmts, (size_t)s->nstmts, sizeof *s->stmts, by_offset);
  return nsyntax;
}

int parse_is_name(const char *s) {
  size_t n = strlen(s);
  if (n == 0 || n > MAX_NAME_BYTES) return 0;
  Ctx c;
  ctx_init(&c);
  const char *src = arena_printf(&c.arena, "process %s {}", s);
  Spans sp;
  int bad = parse_spans(&c, ctx_add_source(&c, "name", src, strlen(src)), &sp);
  int ok = !bad && sp.ntoks == 4 && sp.toks[1].tok == ID && sp.toks[1].start == 8 && sp.toks[1].end == 8 + n;
  spans_free(&sp);
  ctx_free(&c);
  return ok;
}

void spans_free(Spans *s) {
  free(s->toks);
  free(s->stmts);
  memset(s, 0, sizeof *s);
}

static const char *join_path(Ctx *c, const char *base, const char *rel) {
  if (rel[0] == '/') return rel;
  const char *slash = strrchr(base, '/');
  if (!slash) return rel;
  return arena_printf(&c->arena, "%.*s/%s", (int)(slash - base), base, rel);
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* An import names a .flow file by a relative path that stays inside the
 * root directory, after following links. Returns its canonical path
 * (malloc'd), or NULL after reporting why not; never reads the file. */
static char *allowed(Loader *L, Import *im, const char *path) {
  Ctx *c = L->c;
  const char *rel = im->path.s;
  if (rel[0] == '/') {
    diag(c, SEV_ERROR, "import", im->path.loc,
         "import %s: write the path relative to the importing file; absolute paths are not allowed",
         ctx_quote(c, rel));
    return NULL;
  }
  if (!ends_with(rel, ".flow")) {
    diag(c, SEV_ERROR, "import", im->path.loc, "import %s: only .flow files can be imported", ctx_quote(c, rel));
    return NULL;
  }
  char *real = realpath(path, NULL);
  if (!real) {
    diag(c, SEV_ERROR, "import", im->path.loc, "cannot read imported file %s: %s",
         ctx_quote(c, path), strerror(errno));
    return NULL;
  }
  size_t n = strlen(L->root);
  if (strncmp(real, L->root, n) != 0 || (real[n] != '/' && strcmp(L->root, "/") != 0)) {
    diag(c, SEV_ERROR, "import", im->path.loc,
         "import %s leads outside the project directory: imports must stay inside the directory of the file given (or of --root)",
         ctx_quote(c, rel));
    free(real);
    return NULL;
  }
  struct stat st;
  if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
    diag(c, SEV_ERROR, "import", im->path.loc, "import %s is not a regular file", ctx_quote(c, rel));
    free(real);
    return NULL;
  }
  return real;
}

static void import_one(Loader *L, int from, Import *im) {
  Ctx *c = L->c;
  const char *path = join_path(c, c->files[from]->path, im->path.s);
  char *real = allowed(L, im, path);
  if (!real) return;
  int id = ctx_find_real(c, real);
  free(real);
  if (id >= 0) {
    if (c->files[id]->state == 1) {
      /* a cycle: show the chain from the first file of it */
      int k = 0;
      while (L->stack[k] != id) k++;
      char *chain = arena_strdup(&c->arena, c->files[id]->path);
      for (int i = k + 1; i <= L->depth; i++)
        chain = arena_printf(&c->arena, "%s \xE2\x86\x92 %s", chain, c->files[L->stack[i]]->path);
      chain = arena_printf(&c->arena, "%s \xE2\x86\x92 %s", chain, c->files[id]->path);
      diag(c, SEV_ERROR, "import", im->path.loc, "imports form a cycle: %s", chain);
    }
    return; /* read once */
  }
  if (L->depth >= MAX_IMPORT_DEPTH) {
    diag(c, SEV_ERROR, "import", im->path.loc,
         "imports nested more than %d files deep", MAX_IMPORT_DEPTH);
    return;
  }
  id = ctx_read_file(c, path, path);
  if (id < 0) {
    diag(c, SEV_ERROR, "import", im->path.loc, "cannot read imported file %s: %s",
         ctx_quote(c, path), strerror(errno));
    return;
  }
  if (++L->count > MAX_IMPORTS) {
    diag(c, SEV_ERROR, "import", im->path.loc, "more than %d files imported", MAX_IMPORTS);
    return;
  }
  c->files[id]->imported_at = im->path.loc;
  c->files[id]->imported = 1;
  load(L, id);
}

static void load(Loader *L, int file) {
  Ctx *c = L->c;
  L->stack[++L->depth] = file;
  c->files[file]->state = 1;
  int nsyntax;
  Import *imports = parse_one(c, file, NULL, &nsyntax);
  for (Import *im = imports; im; im = im->next) import_one(L, file, im);
  c->files[file]->state = 2;
  L->depth--;
}

static void ensure_program(Ctx *c) {
  if (!c->prog) c->prog = arena_alloc(&c->arena, sizeof *c->prog);
}

/* Reads one file named on the command line (or found in a directory
 * named there); imports stay inside root. Returns 1 if it cannot be read. */
static int load_arg(Loader *L, const char *path, const char *shown, const char *root) {
  Ctx *c = L->c;
  char *real = realpath(path, NULL);
  int id = real ? ctx_find_real(c, real) : -1;
  free(real);
  if (id >= 0) { /* already read, e.g. as an import */
    c->files[id]->cmdline = 1;
    return 0;
  }
  id = ctx_read_file(c, path, shown ? shown : path);
  if (id < 0) {
    fprintf(stderr, "flowc: error: cannot read '%s': %s\n", path, strerror(errno));
    return 1;
  }
  c->files[id]->cmdline = 1;
  L->root = root ? strdup(root) : strdup("/nonexistent-root");
  if (!L->root) oom();
  load(L, id);
  free(L->root);
  return 0;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_flow(const char *name) {
  size_t n = strlen(name);
  return n > 5 && !strcmp(name + n - 5, ".flow");
}

/* Iterative: no recursion however deep the tree. */
char **dir_files(const char *dir, int *count, int *bad) {
  char **todo = xmalloc(sizeof *todo), **files = NULL;
  int ntodo = 1, nfiles = 0, cap = 0, bad0 = *bad;
  todo[0] = strdup(dir);
  if (!todo[0]) oom();
  while (ntodo > 0) {
    char *d = todo[--ntodo];
    DIR *dp = opendir(d);
    struct dirent *e;
    if (!dp) {
      fprintf(stderr, "flowc: error: cannot read '%s': %s\n", d, strerror(errno));
      ++*bad;
    }
    while (dp && (e = readdir(dp))) {
      if (e->d_name[0] == '.') continue;
      size_t n = strlen(d) + strlen(e->d_name) + 2;
      char *path = xmalloc(n);
      snprintf(path, n, "%s%s%s", d, d[strlen(d) - 1] == '/' ? "" : "/", e->d_name);
      struct stat st;
      if (lstat(path, &st) != 0) {
        fprintf(stderr, "flowc: error: cannot read '%s': %s\n", path, strerror(errno));
        ++*bad;
        free(path);
      } else if (S_ISDIR(st.st_mode)) {
        todo = xrealloc(todo, sizeof *todo * (size_t)(ntodo + 1));
        todo[ntodo++] = path;
      } else if (is_flow(e->d_name) && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        if (nfiles == cap) files = xrealloc(files, sizeof *files * (size_t)(cap = cap ? 2 * cap : 16));
        files[nfiles++] = path;
      } else {
        free(path);
      }
    }
    if (dp) closedir(dp);
    free(d);
  }
  free(todo);
  if (!nfiles && *bad == bad0) {
    fprintf(stderr, "flowc: error: '%s' holds no .flow file\n", dir);
    ++*bad;
  }
  if (nfiles) qsort(files, (size_t)nfiles, sizeof *files, by_name);
  *count = nfiles;
  return files;
}

/* A directory named on the command line: its .flow files, whose imports
 * stay inside it (or --root). Returns the number that cannot be read. */
static int load_dir(Loader *L, const char *dir) {
  int n, bad = 0;
  char **files = dir_files(dir, &n, &bad);
  char *root = realpath(L->c->root ? L->c->root : dir, NULL);
  for (int i = 0; i < n; i++) {
    bad += load_arg(L, files[i], NULL, root);
    free(files[i]);
  }
  free(root);
  free(files);
  return bad;
}

int load_program(Ctx *c, char *const *paths, int npaths) {
  return load_program_as(c, paths, NULL, npaths);
}

/* The directory imports of a file must stay in: --root, else the
 * directory of the file (after links), or of the name it is shown as
 * when that differs (shown is NULL when not). malloc'd. */
static char *import_root(Ctx *c, const char *path, const char *shown) {
  if (c->root) return realpath(c->root, NULL);
  if (shown) {
    const char *slash = strrchr(shown, '/');
    if (!slash) return realpath(".", NULL);
    char *dir = arena_printf(&c->arena, "%.*s", slash == shown ? 1 : (int)(slash - shown), shown);
    return realpath(dir, NULL);
  }
  char *dir = realpath(path, NULL);
  char *slash = dir ? strrchr(dir, '/') : NULL;
  if (slash && slash != dir) *slash = 0;
  else if (slash) slash[1] = 0;
  return dir;
}

int load_program_as(Ctx *c, char *const *paths, char *const *shown, int npaths) {
  ensure_program(c);
  Loader L = {.c = c, .depth = -1};
  int bad = 0;
  for (int i = 0; i < npaths; i++) {
    struct stat st;
    if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      bad += load_dir(&L, paths[i]);
      continue;
    }
    const char *name = shown && strcmp(shown[i], paths[i]) ? shown[i] : NULL;
    char *dir = import_root(c, paths[i], name);
    bad += load_arg(&L, paths[i], name, dir);
    free(dir);
  }
  return bad;
}

void load_source(Ctx *c, const char *name, const char *buf, size_t len) {
  ensure_program(c);
  Loader L = {.c = c, .depth = -1};
  L.root = realpath(c->root ? c->root : ".", NULL);
  if (!L.root) L.root = strdup("/nonexistent-root");
  load(&L, ctx_add_source(c, name, buf, len));
  free(L.root);
}

/* Adds each 'process ID' of the text, where a statement may start and
 * not in a comment: a look at the text, not a parse. */
static void scan_processes(Ctx *c, const char *buf, size_t len, const char *file, Declared **out, int *n, int *cap) {
  for (const char *q = buf; (q = memmem(q, len - (size_t)(q - buf), "process", 7)); q += 7) {
    size_t at = (size_t)(q - buf), j = at + 7, ls = at, e;
    if (at > 0 && !strchr(" \t\r\n;{}", buf[at - 1])) continue;
    while (ls > 0 && buf[ls - 1] != '\n' && buf[ls - 1] != '\r') ls--;
    if (memchr(buf + ls, '#', at - ls)) continue;
    while (j < len && (buf[j] == ' ' || buf[j] == '\t')) j++;
    for (e = j; e < len && e - j < 256 && utf8_is_word_byte((unsigned char)buf[e]); e++) {}
    if (j == at + 7 || e == j) continue;
    if (*n == *cap) {
      *cap = *cap ? *cap * 2 : 16;
      *out = xrealloc(*out, sizeof **out * (size_t)*cap);
    }
    (*out)[(*n)++] = (Declared){ctx_intern(c, buf + j, e - j), file};
  }
}

/* Adds the processes of the file at path if this run has not read it
 * and it is no larger than a process file can reasonably be. */
static void scan_unread(Ctx *c, const char *path, const char *name, Declared **out, int *n, int *cap, size_t *budget) {
  enum { MAXFILE = 1 << 20 };
  char *real = realpath(path, NULL);
  FILE *f = real && ctx_find_real(c, real) < 0 ? fopen(real, "rb") : NULL;
  free(real);
  struct stat st;
  if (!f) return;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= MAXFILE && (size_t)st.st_size <= *budget) {
    char *buf = xmalloc((size_t)st.st_size + 1);
    size_t got = fread(buf, 1, (size_t)st.st_size, f);
    *budget -= got;
    scan_processes(c, buf, got, name, out, n, cap);
    free(buf);
  }
  fclose(f);
}

int sibling_processes(Ctx *c, int file, Declared **out) {
  const char *path = c->files[file]->path;
  const char *slash = strrchr(path, '/');
  const char *dir = slash ? arena_printf(&c->arena, "%.*s", (int)(slash - path + 1), path) : "";
  *out = NULL;
  if (!c->files[file]->real) return 0;  /* not read from a directory */
  DIR *d = opendir(slash ? dir : ".");
  if (!d) return 0;
  char **names = NULL;
  int nnames = 0, capnames = 0, n = 0, cap = 0;
  for (struct dirent *e; (e = readdir(d));) {
    if (!ends_with(e->d_name, ".flow")) continue;
    if (nnames == capnames) {
      capnames = capnames ? capnames * 2 : 16;
      names = xrealloc(names, sizeof *names * (size_t)capnames);
    }
    names[nnames++] = arena_strdup(&c->arena, e->d_name);
  }
  closedir(d);
  qsort(names, (size_t)nnames, sizeof *names, by_name);
  size_t budget = 16 << 20;  /* bytes read in all */
  for (int i = 0; i < nnames && i < 1000 && budget > 0; i++)
    scan_unread(c, arena_printf(&c->arena, "%s%s", dir, names[i]), names[i], out, &n, &cap, &budget);
  free(names);
  return n;
}
