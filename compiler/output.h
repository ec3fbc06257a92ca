/* output.h — files written whole or not at all: the data goes to a
 * temporary file beside the target, which is renamed over the target only
 * when everything was written. A failed or interrupted run leaves the
 * previous file untouched and no temporary file behind (out_abort). */
#ifndef FLOWC_OUTPUT_H
#define FLOWC_OUTPUT_H
#include <stdio.h>

typedef struct OutFile {
  FILE *fp;        /* write here */
  char *tmp;       /* the temporary file (malloc'd) */
  char *path;      /* the target (malloc'd) */
} OutFile;

/* Opens a temporary file in path's directory. On failure returns -1 with
 * a message in errbuf. */
int out_open(OutFile *o, const char *path, char *errbuf, size_t errlen);
/* Flushes, closes and renames into place; on failure removes the
 * temporary file and returns -1 with a message. Frees o's strings. */
int out_commit(OutFile *o, char *errbuf, size_t errlen);
/* Closes and removes the temporary file. Frees o's strings. */
void out_abort(OutFile *o);
/* Creates directory dir and its missing parents (mkdir -p). */
int out_mkdir(const char *dir, char *errbuf, size_t errlen);

#endif
