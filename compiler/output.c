/* output.c — atomic output files (see output.h). */
#include "output.h"
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "arena.h"

/* The temporary files being written, for the signal handler: the one
 * piece of global state in flowc, since a handler gets no argument. */
#define MAX_PENDING 8
static char *volatile pending[MAX_PENDING];

static void on_signal(int sig) {
  for (int i = 0; i < MAX_PENDING; i++)
    if (pending[i]) unlink(pending[i]);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void track(char *tmp, int add) {
  static int installed;
  if (!installed) {
    installed = 1;
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    signal(SIGXFSZ, SIG_IGN); /* over the file size limit: a write error, not death */
  }
  for (int i = 0; i < MAX_PENDING; i++)
    if (add ? !pending[i] : pending[i] == tmp) {
      pending[i] = add ? tmp : NULL;
      return;
    }
}

int out_open(OutFile *o, const char *path, char *errbuf, size_t errlen) {
  memset(o, 0, sizeof *o);
  size_t n = strlen(path);
  o->path = xmalloc(n + 1);
  memcpy(o->path, path, n + 1);
  o->tmp = xmalloc(n + 16);
  snprintf(o->tmp, n + 16, "%s.tmp.XXXXXX", path);
  int fd = mkstemp(o->tmp);
  if (fd < 0) {
    snprintf(errbuf, errlen, "cannot write '%s': %s", path, strerror(errno));
    free(o->tmp);
    free(o->path);
    o->tmp = o->path = NULL;
    return -1;
  }
  track(o->tmp, 1);
  fchmod(fd, 0644);
  o->fp = fdopen(fd, "wb");
  if (!o->fp) {
    snprintf(errbuf, errlen, "cannot write '%s': %s", path, strerror(errno));
    close(fd);
    out_abort(o);
    return -1;
  }
  return 0;
}

int out_commit(OutFile *o, char *errbuf, size_t errlen) {
  int bad = ferror(o->fp);
  int e = bad ? EIO : 0;
  if (fflush(o->fp) != 0) { bad = 1; e = errno; }
  if (!bad && fsync(fileno(o->fp)) != 0 && errno != EINVAL) { bad = 1; e = errno; }
  if (fclose(o->fp) != 0 && !bad) { bad = 1; e = errno; }
  o->fp = NULL;
  if (!bad && rename(o->tmp, o->path) != 0) { bad = 1; e = errno; }
  if (bad) {
    snprintf(errbuf, errlen, "cannot write '%s': %s", o->path, strerror(e));
    unlink(o->tmp);
  }
  track(o->tmp, 0);
  free(o->tmp);
  free(o->path);
  o->tmp = o->path = NULL;
  return bad ? -1 : 0;
}

void out_abort(OutFile *o) {
  if (o->fp) fclose(o->fp);
  if (o->tmp) unlink(o->tmp);
  track(o->tmp, 0);
  free(o->tmp);
  free(o->path);
  memset(o, 0, sizeof *o);
}

static int mkdir_one(const char *dir, char *errbuf, size_t errlen) {
  struct stat st;
  if (stat(dir, &st) == 0) {
    if (S_ISDIR(st.st_mode)) return 0;
    snprintf(errbuf, errlen, "'%s' is not a directory", dir);
    return -1;
  }
  if (mkdir(dir, 0755) != 0) {
    snprintf(errbuf, errlen, "cannot create directory '%s': %s", dir, strerror(errno));
    return -1;
  }
  return 0;
}

int out_mkdir(const char *dir, char *errbuf, size_t errlen) {
  char *d = strdup(dir);
  if (!d) oom();
  int rc = 0;
  for (char *s = d + 1; *s && !rc; s++) {
    if (*s != '/' || s[-1] == '/') continue;
    *s = 0;
    rc = mkdir_one(d, errbuf, errlen);
    *s = '/';
  }
  if (!rc) rc = mkdir_one(d, errbuf, errlen);
  free(d);
  return rc;
}
