/* parse.c — runs the scanner and parser over each file and follows
 * imports (relative to the importing file, each file read once, cycles
 * reported). */
#include "parse.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "parser.h"
#include "flow.tab.h"
#include "flow.lex.h"

#define MAX_IMPORT_DEPTH 64

typedef struct Loader {
  Ctx *c;
  int stack[MAX_IMPORT_DEPTH + 1];
  Loc at[MAX_IMPORT_DEPTH + 1];
  int depth;
} Loader;

static void load(Loader *L, int file);

static Import *parse_one(Ctx *c, int file) {
  SourceFile *f = c->files[file];
  Parser p;
  memset(&p, 0, sizeof p);
  p.ctx = c;
  p.file = file;
  p.line = 1;
  p.off = (unsigned)f->start;
  p.imports_tail = &p.imports;
  p.src = f->buf + f->start;
  p.src_len = f->len - f->start;
  yyscan_t s;
  if (flow_lex_init_extra(&p, &s) != 0) oom();
  yyparse(s);
  if (p.proc) b_process_end(&p);  /* cut short by an error at the end of the file */
  flow_lex_destroy(s);
  free(p.sbuf);
  free(p.nodes);
  free(p.edges);
  return p.imports;
}

static const char *join_path(Ctx *c, const char *base, const char *rel) {
  if (rel[0] == '/') return rel;
  const char *slash = strrchr(base, '/');
  if (!slash) return rel;
  return arena_printf(&c->arena, "%.*s/%s", (int)(slash - base), base, rel);
}

static void import_one(Loader *L, int from, Import *im) {
  Ctx *c = L->c;
  const char *path = join_path(c, c->files[from]->path, im->path.s);
  char *real = realpath(path, NULL);
  int id = real ? ctx_find_real(c, real) : -1;
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
  L->at[L->depth + 1] = im->path.loc;
  load(L, id);
}

static void load(Loader *L, int file) {
  Ctx *c = L->c;
  L->stack[++L->depth] = file;
  c->files[file]->state = 1;
  Import *imports = parse_one(c, file);
  for (Import *im = imports; im; im = im->next) import_one(L, file, im);
  c->files[file]->state = 2;
  L->depth--;
}

static void ensure_program(Ctx *c) {
  if (!c->prog) c->prog = arena_alloc(&c->arena, sizeof *c->prog);
}

int load_program(Ctx *c, char *const *paths, int npaths) {
  ensure_program(c);
  Loader L = {.c = c, .depth = -1};
  int bad = 0;
  for (int i = 0; i < npaths; i++) {
    char *real = realpath(paths[i], NULL);
    int id = real ? ctx_find_real(c, real) : -1;
    free(real);
    if (id >= 0) { /* already read, e.g. as an import */
      c->files[id]->cmdline = 1;
      continue;
    }
    id = ctx_read_file(c, paths[i], paths[i]);
    if (id >= 0) c->files[id]->cmdline = 1;
    if (id < 0) {
      fprintf(stderr, "flowc: error: cannot read '%s': %s\n", paths[i], strerror(errno));
      bad++;
      continue;
    }
    load(&L, id);
  }
  return bad;
}

void load_source(Ctx *c, const char *name, const char *buf, size_t len) {
  ensure_program(c);
  Loader L = {.c = c, .depth = -1};
  load(&L, ctx_add_source(c, name, buf, len));
}
