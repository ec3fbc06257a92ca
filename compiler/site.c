/* site.c — the files `flowc serve` shows and their builds (see site.h). */
#include "site.h"
#include <dirent.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "layout.h"
#include "render.h"

enum { MAX_DEPTH = 16 }; /* directories below a path argument */

/* ---- finding the files ---- */

typedef struct Walk {
  void (*file)(void *ud, const char *path);
  void (*dir)(void *ud, const char *path);
  void *ud;
} Walk;

static int is_flow(const char *name) {
  size_t n = strlen(name);
  return n > 5 && !strcmp(name + n - 5, ".flow");
}

/* Calls w->dir for dir and each directory below it, w->file for each
 * .flow file; hidden entries are skipped. */
static void walk(const Walk *w, const char *dir, int depth) {
  if (w->dir) w->dir(w->ud, dir);
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
    struct stat st;
    if (stat(path, &st) != 0) continue;
    if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH) walk(w, path, depth + 1);
    else if (S_ISREG(st.st_mode) && is_flow(e->d_name) && w->file) w->file(w->ud, path);
  }
  closedir(d);
}

typedef struct Paths { char **v; int n, cap; } Paths;

static void add_path(void *ud, const char *path) {
  Paths *ps = ud;
  if (ps->n == ps->cap) {
    ps->cap = ps->cap ? 2 * ps->cap : 16;
    ps->v = xrealloc(ps->v, sizeof *ps->v * (size_t)ps->cap);
  }
  size_t n = strlen(path) + 1;
  ps->v[ps->n] = memcpy(xmalloc(n), path, n);
  ps->n++;
}

static int by_string(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files to show, sorted, without repeats. */
static Paths find_files(const Site *s) {
  Paths ps = {0};
  Walk w = {add_path, NULL, &ps};
  for (int i = 0; i < s->nroots; i++) {
    struct stat st;
    if (stat(s->roots[i], &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) walk(&w, s->roots[i], 0);
    else add_path(&ps, s->roots[i]);
  }
  qsort(ps.v, (size_t)ps.n, sizeof *ps.v, by_string);
  int k = 0;
  for (int i = 0; i < ps.n; i++)
    if (k && !strcmp(ps.v[k - 1], ps.v[i])) free(ps.v[i]);
    else ps.v[k++] = ps.v[i];
  ps.n = k;
  return ps;
}

/* ---- builds ---- */

int build_failed(const Build *b) {
  return b->unreadable || b->c.nerrors;
}

static void build_charts(Site *s, Build *b) {
  const Program *g = b->c.prog;
  b->charts = xmalloc(sizeof *b->charts * (size_t)(g->nprocs + 1));
  font_missing_clear(s->f);
  for (int i = 0; i < g->nprocs; i++) {
    const Process *p = g->procs[i];
    if (!b->c.files[p->file]->cmdline) continue;
    Chart *ch = &b->charts[b->ncharts++];
    memset(ch, 0, sizeof *ch);
    ch->p = p;
    if (!(ch->s = layout(&b->c, p, s->f, &ch->why))) {
      if (!ch->why) ch->why = "the process could not be laid out";
      continue;
    }
    FILE *m = open_memstream(&ch->svg, &ch->svglen);
    if (!m) oom();
    int r = svg_write(&b->c, ch->s, s->f, SVG_EMBED_FONT | SVG_PAGE_LINKS, m, &ch->why);
    fclose(m);
    if (r) {
      free(ch->svg);
      ch->svg = NULL;
      ch->svglen = 0;
    }
  }
}

static Build *build(Site *s, const char *path) {
  Build *b = xmalloc(sizeof *b);
  memset(b, 0, sizeof *b);
  ctx_init(&b->c);
  b->c.root = s->root;
  char *files[1] = {(char *)path};
  b->unreadable = cli_compile(&b->c, files, 1) != 0;
  if (!build_failed(b) && b->c.prog) build_charts(s, b);
  return b;
}

static void build_free(Build *b) {
  if (!b) return;
  for (int i = 0; i < b->ncharts; i++) free(b->charts[i].svg);
  free(b->charts);
  ctx_free(&b->c);
  free(b);
}

/* Makes b the unit's newest build; frees the builds no longer shown. */
static void unit_set(Unit *u, Build *b) {
  Build *old_cur = u->cur, *old_good = u->good;
  u->cur = b;
  if (!build_failed(b)) u->good = b;
  if (old_cur && old_cur != u->good) build_free(old_cur);
  if (old_good && old_good != old_cur && old_good != u->good) build_free(old_good);
}

static void unit_free(Unit *u) {
  if (u->good != u->cur) build_free(u->good);
  build_free(u->cur);
  free(u->path);
}

/* Whether the unit must be compiled again: it failed (a missing import
 * may have come), or it read one of the changed files. */
static int unit_stale(const Unit *u, char *const *changed, int nchanged) {
  if (build_failed(u->cur)) return 1;
  for (int i = 0; i < u->cur->c.nfiles; i++)
    for (int j = 0; j < nchanged; j++)
      if (u->cur->c.files[i]->real && !strcmp(u->cur->c.files[i]->real, changed[j])) return 1;
  return 0;
}

int site_update(Site *s, char *const *changed, int nchanged) {
  Paths ps = find_files(s);
  Unit *units = xmalloc(sizeof *units * (size_t)(ps.n + 1));
  int changes = ps.n != s->nunits, old = 0;
  for (int i = 0; i < ps.n; i++) {
    while (old < s->nunits && strcmp(s->units[old].path, ps.v[i]) < 0) unit_free(&s->units[old++]);
    Unit *u = &units[i];
    if (old < s->nunits && !strcmp(s->units[old].path, ps.v[i])) {
      *u = s->units[old++];
      free(ps.v[i]);
      if (changed && !unit_stale(u, changed, nchanged)) continue;
    } else {
      memset(u, 0, sizeof *u);
      u->path = ps.v[i];
    }
    unit_set(u, build(s, u->path));
    changes = 1;
  }
  while (old < s->nunits) unit_free(&s->units[old++]);
  free(s->units);
  free(ps.v);
  s->units = units;
  s->nunits = ps.n;
  if (changes) s->gen++;
  return changes;
}

int site_open(Site *s, char *const *roots, int nroots, const char *root, const char *font,
              const char **err) {
  memset(s, 0, sizeof *s);
  for (int i = 0; i < nroots; i++) {
    struct stat st;
    if (stat(roots[i], &st) != 0) {
      *err = "a path does not exist";
      return -1;
    }
  }
  if (!(s->f = font_open(font, err))) return -1;
  s->roots = roots;
  s->nroots = nroots;
  s->root = root;
  site_update(s, NULL, 0);
  return 0;
}

void site_close(Site *s) {
  for (int i = 0; i < s->nunits; i++) unit_free(&s->units[i]);
  free(s->units);
  if (s->f) font_close(s->f);
  memset(s, 0, sizeof *s);
}

void site_dirs(const Site *s, void (*fn)(void *ud, const char *dir), void *ud) {
  Walk w = {NULL, fn, ud};
  for (int i = 0; i < s->nroots; i++) {
    char real[PATH_MAX];
    struct stat st;
    if (!realpath(s->roots[i], real) || stat(real, &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) walk(&w, real, 0);
    else fn(ud, dirname(real));
  }
  for (int i = 0; i < s->nunits; i++) {
    const Ctx *c = &s->units[i].cur->c;
    for (int k = 0; k < c->nfiles; k++) {
      if (!c->files[k]->real) continue;
      char dir[PATH_MAX];
      snprintf(dir, sizeof dir, "%s", c->files[k]->real);
      fn(ud, dirname(dir));
    }
  }
}

/* ---- lookups ---- */

/* The process of b's own file with this ID, or NULL. */
static const Process *own_proc(const Build *b, const char *id) {
  const Program *g = b->c.prog;
  for (int i = 0; g && i < g->nprocs; i++)
    if (b->c.files[g->procs[i]->file]->cmdline && !strcmp(g->procs[i]->id, id)) return g->procs[i];
  return NULL;
}

int site_find(const Site *s, const char *id, Found *out) {
  for (int i = 0; i < s->nunits; i++) {
    const Unit *u = &s->units[i];
    for (int k = 0; u->good && k < u->good->ncharts; k++)
      if (!strcmp(u->good->charts[k].p->id, id)) {
        *out = (Found){u, &u->good->charts[k], u->good->charts[k].p};
        return 1;
      }
    const Process *p = own_proc(u->cur, id);
    if (p) {
      *out = (Found){u, NULL, p};
      return 1;
    }
  }
  return 0;
}

void unit_procs(const Unit *u, void (*fn)(void *ud, const Process *p, const Chart *ch), void *ud) {
  for (int k = 0; u->good && k < u->good->ncharts; k++) fn(ud, u->good->charts[k].p, &u->good->charts[k]);
  const Program *g = u->cur->c.prog;
  for (int i = 0; u->cur != u->good && g && i < g->nprocs; i++) {
    const Process *p = g->procs[i];
    if (u->cur->c.files[p->file]->cmdline && !(u->good && own_proc(u->good, p->id))) fn(ud, p, NULL);
  }
}
