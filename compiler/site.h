/* site.h — what `flowc serve` shows: the .flow files under the paths it
 * was given, each compiled on its own with its imports (as `flowc check
 * FILE` would), and the charts of each file's processes. A file whose
 * newest compile has errors keeps its last build without errors, whose
 * charts are then shown as outdated.
 * The Site owns every build (each a Ctx, which owns its program and
 * scenes), the charts' SVG text and the Font. It is not thread-safe: the
 * caller serialises every call. */
#ifndef FLOWC_SITE_H
#define FLOWC_SITE_H
#include <stddef.h>
#include "ir.h"
#include "scene.h"
#include "text.h"

typedef struct Chart {
  const Process *p;
  const Scene *s;       /* NULL when the process could not be laid out */
  const char *why;      /* then why */
  char *svg;            /* malloc'd; page links, font embedded */
  size_t svglen;
} Chart;

typedef struct Build {
  Ctx c;
  int unreadable;       /* the file could not be read */
  Chart *charts;        /* the file's own processes, when it has no errors */
  int ncharts;
} Build;

typedef struct Unit {
  char *path;           /* as found under a path argument */
  Build *cur;           /* the newest compile */
  Build *good;          /* the newest without errors: cur, an older one, or NULL */
} Unit;

typedef struct Site {
  char *const *roots;   /* the path arguments (files or directories) */
  int nroots;
  const char *root;     /* --root: the directory imports must stay in, or NULL */
  Unit *units;          /* sorted by path */
  int nunits;
  Font *f;
  unsigned gen;         /* counts the changes */
} Site;

/* Finds the files and compiles them (imports inside root, as with --root;
 * font NULL: the default). Returns 0, or -1 with *err set when the font
 * cannot be opened or a path argument does not exist. */
int site_open(Site *s, char *const *roots, int nroots, const char *root, const char *font,
              const char **err);
void site_close(Site *s);
/* Looks for .flow files again and compiles the new ones and those that
 * read one of the canonical paths changed[] (the file or an import), or
 * with changed NULL all of them. Bumps gen and returns 1 when anything changed, else 0. */
int site_update(Site *s, char *const *changed, int nchanged);
/* The directories whose changes matter: each directory argument and the
 * directories below it, and the directory of every file read. Calls fn
 * for each, canonical paths, possibly more than once. */
void site_dirs(const Site *s, void (*fn)(void *ud, const char *dir), void *ud);

/* Whether a build has errors (or could not be read). */
int build_failed(const Build *b);
/* A process found by ID: its unit, its chart in the unit's good build (or
 * NULL), and the process itself (from the good build when there is one,
 * else the newest; for titles only when not from the good build). */
typedef struct Found {
  const Unit *u;
  const Chart *ch;
  const Process *p;
} Found;
int site_find(const Site *s, const char *id, Found *out);
/* The processes of a file to list: the charts of its good build, then
 * those only in the newest compile. Calls fn(ud, process, chart or NULL). */
void unit_procs(const Unit *u, void (*fn)(void *ud, const Process *p, const Chart *ch), void *ud);

#endif
