/* lsp_int.h — what the language server's two halves share: lsp.c (the
 * protocol: framing, dispatch, open documents) and lsp_index.c (what a
 * compiled document answers). Answers are new jansson values the caller
 * owns; NULL means JSON null. */
#ifndef FLOWC_LSP_INT_H
#define FLOWC_LSP_INT_H
#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include "ctx.h"

typedef struct Doc {
  char *uri;
  char *text; size_t len;  /* as the editor last sent it */
  struct Doc *next;
} Doc;

typedef struct Server {
  FILE *out;
  Doc *docs;
  int shut, done;          /* shutdown asked; exit received */
} Server;

void lsp_notify(Server *s, const char *method, json_t *params);

/* Compiles d and publishes its diagnostics. */
void lsp_publish(Server *s, const Doc *d);
json_t *lsp_definition(const Doc *d, size_t off);
json_t *lsp_references(const Doc *d, size_t off, int with_decl);
json_t *lsp_hover(const Doc *d, size_t off);
json_t *lsp_symbols(const Doc *d);
json_t *lsp_completion(const Doc *d, size_t off);
/* The range and ID of what can be renamed at off, or NULL. */
json_t *lsp_prepare_rename(const Doc *d, size_t off);
/* A WorkspaceEdit renaming the process, lane or node at off to name
 * (in the files it is read with); NULL when there is none there, or,
 * with a message in err, when name is no name or already taken. */
json_t *lsp_rename(const Doc *d, size_t off, const char *name, char *err, size_t errlen);
/* TextEdits putting d in the layout of `flowc fmt` (fmt.c): none when
 * it is already, or has syntax errors. */
json_t *lsp_formatting(const Doc *d);

/* The byte offset of an LSP position (line, UTF-16 unit) in text,
 * clamped to its line and to the text. */
size_t lsp_offset(const char *text, size_t len, long line, long ch);

#endif
