/* lsp.c — `flowc lsp`: a Language Server Protocol server on standard
 * input and output (JSON-RPC 2.0 with Content-Length framing; JSON by
 * jansson). Each open document is compiled afresh, with the same front end
 * as `flowc check`, when it is opened or changed (full text sync); its
 * diagnostics are published, and its processes, lanes and nodes answer
 * definition, references, hover, document symbols, completion, rename
 * and formatting (lsp_index.c). Positions are UTF-16 code units, as the protocol says.
 * Owns the open documents (malloc'd; freed on close and at exit). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "lsp_int.h"
#include "version.h"

#define MAX_BODY ((size_t)64 << 20) /* bytes: a bigger message is refused */
#define MAX_HEADER 4096             /* bytes of one header line */

enum { RPC_PARSE = -32700, RPC_INVALID = -32600, RPC_NO_METHOD = -32601, RPC_PARAMS = -32602,
       RPC_FAILED = -32803 };

/* ---- framing ---- */

/* One header line without its line break into buf; 0 at end of input. */
static int header_line(FILE *in, char *buf, size_t cap) {
  size_t n = 0;
  int ch;
  while ((ch = getc(in)) != EOF && ch != '\n')
    if (n + 1 < cap) buf[n++] = (char)ch;
  if (ch == EOF && n == 0) return 0;
  if (n > 0 && buf[n - 1] == '\r') n--;
  buf[n] = 0;
  return 1;
}

/* The next message body (malloc'd, NUL-terminated) or NULL at end of
 * input; *bad when the headers were unusable (the body is skipped). */
static char *read_message(FILE *in, size_t *len, int *bad) {
  char line[MAX_HEADER];
  long long n = -1;
  int headers = 0;
  *bad = 0;
  for (;;) {
    if (!header_line(in, line, sizeof line)) return NULL;
    if (!line[0] && (n >= 0 || headers)) break;
    if (!line[0]) continue; /* stray blank lines between messages */
    headers++;
    if (!strncasecmp(line, "Content-Length:", 15)) n = strtoll(line + 15, NULL, 10);
  }
  if (n < 0 || (size_t)n > MAX_BODY) {
    *bad = 1;
    for (long long k = 0; k < n && k < (long long)MAX_BODY && getc(in) != EOF; k++) {}
    return xmalloc(1);
  }
  char *body = xmalloc((size_t)n + 1);
  *len = fread(body, 1, (size_t)n, in);
  body[*len] = 0;
  if (*len < (size_t)n) {
    free(body);
    return NULL;
  }
  return body;
}

/* Sends msg and releases it. */
static void send_message(Server *s, json_t *msg) {
  char *text = json_dumps(msg, JSON_COMPACT);
  json_decref(msg);
  if (!text) oom();
  fprintf(s->out, "Content-Length: %zu\r\n\r\n%s", strlen(text), text);
  fflush(s->out);
  free(text);
}

static void reply(Server *s, json_t *id, json_t *result) {
  send_message(s, json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id, "result",
                            result ? result : json_null()));
}

static void reply_error(Server *s, json_t *id, int code, const char *what) {
  send_message(s, json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(),
                            "error", "code", code, "message", what));
}

void lsp_notify(Server *s, const char *method, json_t *params) {
  send_message(s, json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}

/* ---- documents ---- */

static Doc *doc_find(Server *s, const char *uri) {
  for (Doc *d = s->docs; d; d = d->next)
    if (!strcmp(d->uri, uri)) return d;
  return NULL;
}

static void doc_set(Server *s, const char *uri, const char *text, size_t len) {
  Doc *d = doc_find(s, uri);
  if (!d) {
    d = xmalloc(sizeof *d);
    memset(d, 0, sizeof *d);
    d->uri = strdup(uri);
    if (!d->uri) oom();
    d->next = s->docs;
    s->docs = d;
  }
  free(d->text);
  d->text = xmalloc(len + 1);
  memcpy(d->text, text, len);
  d->text[len] = 0;
  d->len = len;
}

static void doc_close(Server *s, const char *uri) {
  for (Doc **p = &s->docs; *p; p = &(*p)->next)
    if (!strcmp((*p)->uri, uri)) {
      Doc *d = *p;
      *p = d->next;
      free(d->uri);
      free(d->text);
      free(d);
      return;
    }
}

/* ---- methods ---- */

static json_t *initialize_result(void) {
  return json_pack("{s:{s:i, s:b, s:b, s:b, s:b, s:{s:[s, s]}, s:b, s:{s:b}}, s:{s:s, s:s}}",
                   "capabilities", "textDocumentSync", 1, "definitionProvider", 1,
                   "referencesProvider", 1, "hoverProvider", 1, "documentSymbolProvider", 1,
                   "completionProvider", "triggerCharacters", ">", " ",
                   "documentFormattingProvider", 1, "renameProvider", "prepareProvider", 1,
                   "serverInfo", "name", "flowc", "version", FLOWC_VERSION);
}

/* The text of a didOpen or didChange (full sync: the last change). */
static const char *new_text(json_t *params, size_t *len) {
  json_t *t = json_object_get(json_object_get(params, "textDocument"), "text");
  json_t *changes = json_object_get(params, "contentChanges");
  if (!t && json_is_array(changes) && json_array_size(changes) > 0)
    t = json_object_get(json_array_get(changes, json_array_size(changes) - 1), "text");
  if (!json_is_string(t)) return NULL;
  *len = json_string_length(t);
  return json_string_value(t);
}

static void on_document(Server *s, const char *method, json_t *params, const char *uri) {
  if (!strcmp(method, "textDocument/didClose")) {
    doc_close(s, uri);
    lsp_notify(s, "textDocument/publishDiagnostics", json_pack("{s:s, s:[]}", "uri", uri, "diagnostics"));
    return;
  }
  size_t len = 0;
  const char *text = new_text(params, &len);
  if (!text) return;
  doc_set(s, uri, text, len);
  lsp_publish(s, doc_find(s, uri));
}

static json_t *rename_request(json_t *params, const Doc *d, size_t off, int *code, char *err, size_t errlen) {
  const char *name = json_string_value(json_object_get(params, "newName"));
  if (!name) {
    *code = RPC_PARAMS;
    return NULL;
  }
  json_t *r = lsp_rename(d, off, name, err, errlen);
  if (err[0]) *code = RPC_FAILED;
  return r;
}

/* A request about a position or a document: its answer, or NULL with
 * *code set (and a message in err, else the default) when it cannot be
 * answered. */
static json_t *on_query(Server *s, const char *method, json_t *params, int *code, char *err, size_t errlen) {
  const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
  Doc *d = uri ? doc_find(s, uri) : NULL;
  if (!d) {
    *code = RPC_PARAMS;
    return NULL;
  }
  if (!strcmp(method, "textDocument/documentSymbol")) return lsp_symbols(d);
  if (!strcmp(method, "textDocument/formatting")) return lsp_formatting(d);
  json_t *pos = json_object_get(params, "position");
  json_int_t line = json_integer_value(json_object_get(pos, "line"));
  json_int_t ch = json_integer_value(json_object_get(pos, "character"));
  if (!json_is_object(pos) || line < 0 || ch < 0) {
    *code = RPC_PARAMS;
    return NULL;
  }
  size_t off = lsp_offset(d->text, d->len, (long)line, (long)ch);
  if (!strcmp(method, "textDocument/definition")) return lsp_definition(d, off);
  if (!strcmp(method, "textDocument/hover")) return lsp_hover(d, off);
  if (!strcmp(method, "textDocument/completion")) return lsp_completion(d, off);
  if (!strcmp(method, "textDocument/prepareRename")) return lsp_prepare_rename(d, off);
  if (!strcmp(method, "textDocument/rename")) return rename_request(params, d, off, code, err, errlen);
  int decl = json_is_true(json_object_get(json_object_get(params, "context"), "includeDeclaration"));
  return lsp_references(d, off, decl);
}

static int is_query(const char *m) {
  return !strcmp(m, "textDocument/definition") || !strcmp(m, "textDocument/references") ||
         !strcmp(m, "textDocument/hover") || !strcmp(m, "textDocument/documentSymbol") ||
         !strcmp(m, "textDocument/completion") || !strcmp(m, "textDocument/formatting") ||
         !strcmp(m, "textDocument/prepareRename") || !strcmp(m, "textDocument/rename");
}

static void on_request(Server *s, const char *method, json_t *id, json_t *params) {
  int code = 0;
  if (!strcmp(method, "initialize")) reply(s, id, initialize_result());
  else if (!strcmp(method, "shutdown")) s->shut = 1, reply(s, id, NULL);
  else if (!is_query(method)) reply_error(s, id, RPC_NO_METHOD, "method not supported");
  else {
    char err[512] = "";
    json_t *r = on_query(s, method, params, &code, err, sizeof err);
    if (code) reply_error(s, id, code, err[0] ? err : "unknown document or bad position");
    else reply(s, id, r);
  }
}

static void on_notification(Server *s, const char *method, json_t *params) {
  const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
  if (!strcmp(method, "exit")) s->done = 1;
  else if (uri && (!strcmp(method, "textDocument/didOpen") || !strcmp(method, "textDocument/didChange") ||
                   !strcmp(method, "textDocument/didClose")))
    on_document(s, method, params, uri);
}

static void dispatch(Server *s, const char *body, size_t len) {
  json_error_t err;
  json_t *msg = json_loadb(body, len, 0, &err);
  if (!msg) {
    reply_error(s, NULL, RPC_PARSE, "not JSON");
    return;
  }
  const char *method = json_string_value(json_object_get(msg, "method"));
  json_t *id = json_object_get(msg, "id"), *params = json_object_get(msg, "params");
  if (!json_is_object(msg) || (!method && !id)) reply_error(s, id, RPC_INVALID, "not a JSON-RPC message");
  else if (method && id) on_request(s, method, id, params);
  else if (method) on_notification(s, method, params);
  json_decref(msg);
}

int lsp_run(FILE *in, FILE *out) {
  Server s = {.out = out};
  while (!s.done) {
    size_t len = 0;
    int bad;
    char *body = read_message(in, &len, &bad);
    if (!body) break;
    if (bad) reply_error(&s, NULL, RPC_INVALID, "no usable Content-Length header");
    else dispatch(&s, body, len);
    free(body);
  }
  while (s.docs) doc_close(&s, s.docs->uri);
  return s.done && s.shut ? 0 : 1;
}

static const char usage_text[] =
  "usage: flowc lsp\n"
  "Serves the Language Server Protocol on standard input and output for an\n"
  "editor: diagnostics as you type, go to definition, references, hover,\n"
  "document symbols, completion, rename and formatting for .flow files.\n";

int cmd_lsp(int argc, char **argv) {
  if (cli_help(argc, argv, usage_text)) return 0;
  if (argc > 0) {
    fputs(usage_text, stderr);
    return 2;
  }
  return lsp_run(stdin, stdout);
}
