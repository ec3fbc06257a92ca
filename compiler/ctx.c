/* ctx.c — compile context: sources and diagnostics storage. */
#include "ctx.h"
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "utf8.h"

void ctx_init(Ctx *c) {
  memset(c, 0, sizeof *c);
  arena_init(&c->arena);
}

void ctx_free(Ctx *c) {
  for (int i = 0; i < c->nfiles; i++) {
    if (c->files[i]->maplen) munmap(c->files[i]->buf, c->files[i]->maplen);
    else free(c->files[i]->buf);
    free(c->files[i]->lines);
  }
  free(c->files);
  free(c->diags);
  free(c->itab);
  arena_free(&c->arena);
  memset(c, 0, sizeof *c);
}

static int add_file(Ctx *c, const char *shown, char *buf, size_t len, size_t maplen) {
  if (c->nfiles == c->capfiles) {
    c->capfiles = c->capfiles ? c->capfiles * 2 : 8;
    c->files = xrealloc(c->files, sizeof *c->files * (size_t)c->capfiles);
  }
  SourceFile *f = arena_alloc(&c->arena, sizeof *f);
  f->path = arena_strdup(&c->arena, shown);
  f->buf = buf;
  f->len = len;
  f->maplen = maplen;
  if (!maplen) buf[len] = buf[len + 1] = 0;
  if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) f->start = 3;
  c->files[c->nfiles] = f;
  return c->nfiles++;
}

static unsigned hash_bytes(const char *s, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

const char *ctx_intern(Ctx *c, const char *s, size_t n) {
  if (c->icount >= c->imask / 4 * 3) { /* grow and rehash */
    unsigned cap = c->imask ? (c->imask + 1) * 2 : 1024;
    struct Interned *t = calloc(cap, sizeof *t);
    if (!t) oom();
    for (unsigned i = 0; c->imask && i <= c->imask; i++) {
      if (!c->itab[i].s) continue;
      unsigned j = c->itab[i].hash & (cap - 1);
      while (t[j].s) j = (j + 1) & (cap - 1);
      t[j] = c->itab[i];
    }
    free(c->itab);
    c->itab = t;
    c->imask = cap - 1;
  }
  unsigned h = hash_bytes(s, n), i = h & c->imask;
  /* names come back soon after their first use: try the recent ones,
     which stay in cache, before the big table, which does not */
  struct Interned *r = &c->irecent[h & 255];
  if (r->s && r->hash == h && r->len == n && memcmp(r->s, s, n) == 0) return r->s;
  struct Interned *e;
  for (; (e = &c->itab[i])->s; i = (i + 1) & c->imask)
    if (e->hash == h && e->len == n && memcmp(e->s, s, n) == 0) return (*r = *e).s;
  c->icount++;
  char *copy = arena_alloc(&c->arena, sizeof(NameSlot) + n + 1);
  memset(copy, 0, sizeof(NameSlot));
  copy += sizeof(NameSlot);
  memcpy(copy, s, n);
  copy[n] = 0;
  *e = (struct Interned){copy, h, (unsigned)n};
  *r = *e;
  return copy;
}

int ctx_add_source(Ctx *c, const char *shown, const char *src, size_t len) {
  char *buf = xmalloc(len + 2);
  memcpy(buf, src, len);
  return add_file(c, shown, buf, len, 0);
}

/* Maps a regular file read-only, followed by at least two NUL bytes: an
 * anonymous zeroed region is reserved first and the file mapped over its
 * start (bytes past the end of a file's last page read as zero). */
static char *map_file(int fd, size_t len, size_t *maplen) {
  size_t page = 4096, total = (len + 2 + page - 1) / page * page;
  char *base = mmap(NULL, total, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED) return NULL;
  if (mmap(base, len, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, fd, 0) == MAP_FAILED) {
    munmap(base, total);
    return NULL;
  }
  *maplen = total;
  return base;
}

int ctx_read_file(Ctx *c, const char *path, const char *shown) {
  struct stat st;
  if (stat(path, &st) != 0) return -1;
  if (S_ISDIR(st.st_mode)) { errno = EISDIR; return -1; }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char *buf = NULL;
  size_t len = 0, maplen = 0;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
    buf = map_file(fd, len = (size_t)st.st_size, &maplen);
  if (!buf) { /* not mappable (pipe, device, empty): read it */
    size_t cap = 65536;
    len = 0;
    buf = xmalloc(cap + 2);
    for (;;) {
      ssize_t n = read(fd, buf + len, cap - len);
      if (n < 0) {
        if (errno == EINTR) continue;
        int e = errno;
        free(buf);
        close(fd);
        errno = e;
        return -1;
      }
      if (n == 0) break;
      len += (size_t)n;
      if (len == cap) {
        cap *= 2;
        buf = xrealloc(buf, cap + 2);
      }
    }
  }
  close(fd);
  int id = add_file(c, shown, buf, len, maplen);
  char *real = realpath(path, NULL);
  c->files[id]->real = arena_strdup(&c->arena, real ? real : path);
  free(real);
  return id;
}

int ctx_find_real(Ctx *c, const char *real) {
  for (int i = 0; i < c->nfiles; i++)
    if (c->files[i]->real && strcmp(c->files[i]->real, real) == 0) return i;
  return -1;
}

/* Where the line containing offset i ends: its CR or LF, or the end of
 * the file. Lines end with LF, CRLF or a lone CR, as in the scanner. */
static size_t line_end(const SourceFile *f, size_t i) {
  while (i < f->len && f->buf[i] != '\n' && f->buf[i] != '\r') i++;
  return i;
}

const char *ctx_line(Ctx *c, int file, int line, size_t *len) {
  SourceFile *f = c->files[file];
  if (!f->lines) {
    f->capl = 1024;
    f->lines = xmalloc(sizeof *f->lines * (size_t)f->capl);
    f->lines[0] = f->start;
    f->nlines = 1;
  }
  /* index line starts only as far as asked */
  size_t i = f->lines[f->nlines - 1];
  while (f->nlines < line && i < f->len) {
    i = line_end(f, i);
    if (i == f->len) break;
    i += f->buf[i] == '\r' && i + 1 < f->len && f->buf[i + 1] == '\n' ? 2 : 1;
    if (f->nlines == f->capl) {
      f->capl *= 2;
      f->lines = xrealloc(f->lines, sizeof *f->lines * (size_t)f->capl);
    }
    f->lines[f->nlines++] = i;
  }
  if (line < 1 || line > f->nlines) { *len = 0; return ""; }
  size_t s = f->lines[line - 1];
  *len = line_end(f, s) - s;
  return f->buf + s;
}

/* Offset of the start of line `line` (the index grows as needed). */
static size_t line_start(Ctx *c, int file, int line) {
  size_t len;
  const char *s = ctx_line(c, file, line, &len);
  return (size_t)(s - c->files[file]->buf);
}

LineCol ctx_linecol(Ctx *c, Loc l) {
  SourceFile *f = c->files[l.file];
  LineCol r = {l.line, 1, l.line, 1};
  size_t ls = line_start(c, l.file, l.line), start = l.start, end = l.end;
  if (start > f->len) start = f->len;
  if (end > f->len) end = f->len;
  if (start < ls) start = ls;
  r.col = 1 + (int)utf8_count(f->buf + ls, start - ls);
  r.ecol = r.col;
  if (end > start + 1 || (end == start + 1 && f->buf[start] != '\n' && f->buf[start] != '\r')) {
    size_t last = end - 1, els = ls;
    for (size_t i = start; i < last; i++)
      if (f->buf[i] == '\n' || (f->buf[i] == '\r' && f->buf[i + 1] != '\n')) { r.eline++; els = i + 1; }
    while (last > els && ((unsigned char)f->buf[last] & 0xC0) == 0x80) last--;
    r.ecol = 1 + (int)utf8_count(f->buf + els, last - els);
  }
  return r;
}

static Diag *push(Ctx *c, Diag *d) {
  if (c->ndiags == c->capdiags) {
    c->capdiags = c->capdiags ? c->capdiags * 2 : 64;
    c->diags = xrealloc(c->diags, sizeof *c->diags * (size_t)c->capdiags);
  }
  d->seq = c->ndiags;
  c->diags[c->ndiags++] = d;
  return d;
}

Diag *diag(Ctx *c, Severity sev, const char *rule, Loc loc, const char *fmt, ...) {
  Diag *d = arena_alloc(&c->arena, sizeof *d);
  va_list ap;
  va_start(ap, fmt);
  const char *m = arena_vprintf(&c->arena, fmt, ap);
  va_end(ap);
  if (sev == SEV_WARNING && c->werror) sev = SEV_ERROR;
  d->sev = sev;
  d->rule = rule;
  d->loc = loc;
  d->msg = m;
  if (sev == SEV_ERROR) c->nerrors++;
  else if (sev == SEV_WARNING) c->nwarnings++;
  return push(c, d);
}

static DiagNote *note_new(Ctx *c, Loc loc, const char *msg, DiagNote **list, DiagNote **last) {
  DiagNote *n = arena_alloc(&c->arena, sizeof *n);
  n->loc = loc;
  n->msg = msg;
  if (*last) (*last)->next = n;
  else *list = n;
  *last = n;
  return n;
}

void diag_note(Ctx *c, Diag *d, Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  note_new(c, loc, arena_vprintf(&c->arena, fmt, ap), &d->notes, &d->notes_last);
  va_end(ap);
}

void diag_path(Ctx *c, Diag *d, Loc loc, const char *name) {
  note_new(c, loc, name, &d->path, &d->path_last);
}

const char *ctx_quote(Ctx *c, const char *s) {
  enum { MAXCP = 60 };
  size_t n = strlen(s), cps = 0;
  char *out = arena_alloc(&c->arena, n * 5 + 16), *o = out; /* \u{XXXXX} per 4 bytes at most */
  *o++ = '\'';
  for (size_t i = 0; i < n && cps < MAXCP; cps++) {
    uint32_t cp;
    int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (!k) { o += sprintf(o, "\\x%02X", (unsigned char)s[i]); i++; continue; }
    if (cp == '\n') { memcpy(o, "\\n", 2); o += 2; }
    else if (cp == '\t') { memcpy(o, "\\t", 2); o += 2; }
    else if (cp < 0x20 || cp == 0x7F) o += sprintf(o, "\\x%02X", (unsigned)cp);
    else if (utf8_is_invisible(cp)) o += sprintf(o, "\\u{%04X}", (unsigned)cp);
    else { memcpy(o, s + i, (size_t)k); o += k; }
    i += (size_t)k;
    if (cps + 1 == MAXCP && i < n) { memcpy(o, "\xE2\x80\xA6", 3); o += 3; }
  }
  *o++ = '\'';
  *o = 0;
  return out;
}
