/* web.h — the pages of `flowc serve`: the answer to a request (method and
 * decoded path) made from a Site, with no network and no file involved
 * (but the PDF's own temporary file, see manual_write_mem):
 * the index and process pages (a process that does not exist: a 404 page
 * saying so), the fragments of them the page's script
 * swaps in when a file changes, downloads (SVG, PNG, PDF, scene JSON), and the
 * script, style sheet and font served from memory. No part of a path is
 * ever used to open a file: a path names a page or a process ID, or gets
 * 404. The reply's body is malloc'd; web_reply_free frees it. */
#ifndef FLOWC_WEB_H
#define FLOWC_WEB_H
#include <stddef.h>
#include "site.h"

typedef struct WebReply {
  int status;               /* HTTP status code */
  const char *type;         /* Content-Type */
  const char *disposition;  /* Content-Disposition, or NULL */
  char *body;               /* malloc'd */
  size_t len;
  int is_static;            /* body is not malloc'd (the script, the font) */
} WebReply;

/* The Content-Security-Policy sent with every reply: scripts only from
 * /app.js, nothing from another origin. */
extern const char web_csp[];

/* The font the charts use, as a file for the pages' text (the caller
 * reads it; web.c only serves it). */
typedef struct WebFont { const unsigned char *data; size_t len; const char *type; } WebFont;

void web_respond(Site *s, const WebFont *font, const char *method, const char *path, WebReply *r);
void web_reply_free(WebReply *r);
/* Decodes the %XX escapes of a request path in place, but for %00 (which
 * stays as written, so no path is cut short); returns the new length. */
size_t web_unescape(char *s);

#endif
