/* report.c — diagnostic output (see report.h). */
#include "report.h"
#include <stdlib.h>
#include <string.h>
#include "utf8.h"
#include "version.h"

static int by_position(const void *a, const void *b) {
  const Diag *x = *(Diag *const *)a, *y = *(Diag *const *)b;
  if (x->loc.file != y->loc.file) return x->loc.file - y->loc.file;
  if (x->loc.start != y->loc.start) return x->loc.start < y->loc.start ? -1 : 1;
  return x->seq - y->seq;
}

const char *report_severity(Severity s) {
  return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

void report_source(Ctx *c, FILE *out, Loc at) {
  if (c->files[at.file]->utf16) return; /* its bytes are no text */
  LineCol loc = ctx_linecol(c, at);
  size_t len;
  const char *line = ctx_line(c, at.file, loc.line, &len);
  enum { MAXSHOW = 160 };
  /* byte offsets of the characters to show */
  size_t i = 0;
  int col = 1;
  int first = loc.col > MAXSHOW / 2 ? loc.col - MAXSHOW / 2 : 1;
  while (i < len && col < first) {
    uint32_t cp;
    int k = utf8_decode((const unsigned char *)line + i, len - i, &cp);
    i += k ? (size_t)k : 1;
    col++;
  }
  fputs("  ", out);
  if (first > 1) fputs("\xE2\x80\xA6", out);
  int shown = 0;
  char caret[4 * MAXSHOW + 16];
  size_t cl = 0;
  if (first > 1) caret[cl++] = ' ';
  int last = loc.eline == loc.line ? loc.ecol : loc.col;
  if (last < loc.col) last = loc.col;
  while (i < len && shown < MAXSHOW) {
    uint32_t cp;
    int k = utf8_decode((const unsigned char *)line + i, len - i, &cp);
    if (!k) { cp = 0xFFFD; k = 1; fputs("\xEF\xBF\xBD", out); }
    else if (cp < 0x20 && cp != '\t') fputc(' ', out);
    else fwrite(line + i, 1, (size_t)k, out);
    int w = cp == '\t' ? 0 : utf8_width(cp);
    int mark = col < loc.col ? 0 : col <= last ? 1 : -1;
    if (mark >= 0 && cl < sizeof caret - 3) {
      if (cp == '\t' && !mark) caret[cl++] = '\t';
      else for (int j = 0; j < (w ? w : 1); j++) caret[cl++] = !mark ? ' ' : col == loc.col && j == 0 ? '^' : '~';
    }
    i += (size_t)k;
    col++;
    shown++;
  }
  if (i < len) fputs("\xE2\x80\xA6", out);
  fputc('\n', out);
  if (col <= loc.col) { /* the spot is past the end of the line */
    while (col < loc.col && cl < sizeof caret - 2) { caret[cl++] = ' '; col++; }
    caret[cl++] = '^';
  }
  caret[cl] = 0;
  fprintf(out, "  %s\n", caret);
}

static void text_one(Ctx *c, FILE *out, Severity sev, const char *rule, Loc loc, const char *msg) {
  const char *path = c->files[loc.file]->path;
  LineCol lc = ctx_linecol(c, loc);
  if (rule)
    fprintf(out, "%s:%d:%d: %s: %s [%s]\n", path, lc.line, lc.col, report_severity(sev), msg, rule);
  else
    fprintf(out, "%s:%d:%d: %s: %s\n", path, lc.line, lc.col, report_severity(sev), msg);
  report_source(c, out, loc);
}

/* "In file imported from a.flow:3:8:" for each import leading to file. */
static void import_chain(Ctx *c, FILE *out, int file) {
  for (int depth = 0; c->files[file]->imported; depth++) {
    if (depth == 8) { /* a long chain: its nearest links are enough */
      fputs("In file imported from …\n", out);
      break;
    }
    Loc at = c->files[file]->imported_at;
    LineCol lc = ctx_linecol(c, at);
    fprintf(out, "In file imported from %s:%d:%d:\n", c->files[at.file]->path, lc.line, lc.col);
    file = at.file;
  }
}

static void report_text(Ctx *c, Diag **d, int n, FILE *out) {
  int shown = 0, hidden = 0, last_file = -1;
  for (int i = 0; i < n; i++) {
    if (shown >= REPORT_MAX_TEXT) { hidden++; continue; }
    shown++;
    if (d[i]->loc.file != last_file) import_chain(c, out, d[i]->loc.file);
    last_file = d[i]->loc.file;
    text_one(c, out, d[i]->sev, d[i]->rule, d[i]->loc, d[i]->msg);
    for (DiagNote *nt = d[i]->notes; nt; nt = nt->next)
      text_one(c, out, SEV_NOTE, NULL, nt->loc, nt->msg);
  }
  if (hidden) fprintf(out, "flowc: %d more diagnostics not shown\n", hidden);
  if (c->nerrors || c->nwarnings)
    fprintf(out, "%d error%s, %d warning%s\n", c->nerrors, c->nerrors == 1 ? "" : "s",
            c->nwarnings, c->nwarnings == 1 ? "" : "s");
}

void json_write_string(FILE *out, const char *s) {
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    switch (*p) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\t': fputs("\\t", out); break;
    case '\r': fputs("\\r", out); break;
    default:
      if (*p < 0x20 || *p == 0x7F) fprintf(out, "\\u%04x", *p);
      else fputc(*p, out);
    }
  }
  fputc('"', out);
}

static void json_loc(Ctx *c, FILE *out, Loc at) {
  LineCol l = ctx_linecol(c, at);
  fputs("\"file\": ", out);
  json_write_string(out, c->files[at.file]->path);
  fprintf(out, ", \"line\": %d, \"column\": %d, \"end_line\": %d, \"end_column\": %d",
          l.line, l.col, l.eline, l.ecol);
}

/* , "key": [{location, "text": ...}, ...] */
static void json_notes(Ctx *c, FILE *out, const char *key, const char *text, const DiagNote *list) {
  fprintf(out, ", \"%s\": [", key);
  for (const DiagNote *nt = list; nt; nt = nt->next) {
    fputs(nt == list ? "{" : ", {", out);
    json_loc(c, out, nt->loc);
    fprintf(out, ", \"%s\": ", text);
    json_write_string(out, nt->msg);
    fputs("}", out);
  }
  fputs("]", out);
}

static void report_json(Ctx *c, Diag **d, int n, FILE *out) {
  fputs("[", out);
  for (int i = 0; i < n; i++) {
    fputs(i ? ",\n  {" : "\n  {", out);
    json_loc(c, out, d[i]->loc);
    fprintf(out, ", \"severity\": \"%s\", \"rule\": \"%s\", \"message\": ", report_severity(d[i]->sev), d[i]->rule);
    json_write_string(out, d[i]->msg);
    json_notes(c, out, "notes", "message", d[i]->notes);
    json_notes(c, out, "path", "node", d[i]->path);
    fputs("}", out);
  }
  fputs(n ? "\n]\n" : "]\n", out);
}

static const struct RuleInfo { const char *id, *level, *text; } rules[] = {
  {"syntax", "error", "The file does not follow the grammar of the .flow language."},
  {"undefined", "error", "An edge, branch, 'in' or 'process' names something that does not exist."},
  {"duplicate", "error", "A node, lane or process ID (or a property given once) is declared twice."},
  {"start", "error", "A process has no start node, or a start node has incoming edges."},
  {"end", "error", "A process has no end node, or an end node has outgoing edges."},
  {"unreachable", "error", "A node cannot be reached from the start."},
  {"dead-end", "error", "A node that is not an end has no outgoing edge."},
  {"no-exit", "error", "A loop from which no end can be reached."},
  {"decision", "error", "A decision with fewer than two branches, a branch without a label, or two branches with the same label."},
  {"parallel", "error", "A fork whose branches do not meet again at one join, a join reached from a decision (deadlock), or fork branches meeting at something other than a join."},
  {"import", "error", "An import that cannot be read, or imports that form a cycle."},
  {"call", "error", "A call that names a process that does not exist, or calls that form a cycle."},
  {"multiple-starts", "warning", "A process has more than one start node."},
  {"implicit-split", "warning", "A node other than a decision or fork has several outgoing edges."},
  {"implicit-join", "warning", "A fork or decision has several incoming edges."},
  {"lane", "warning", "A node without a lane in a process that declares lanes, or a lane without nodes."},
  {"duplicate-edge", "warning", "The same edge is given twice."},
  {"size", "warning", "A process has more than 50 nodes; split it with 'call'."},
  {"missing-meta", "warning", "A process has no owner or no code."},
};

static int rule_index(const char *id) {
  for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
    if (!strcmp(rules[i].id, id)) return (int)i;
  return 0;
}

static void sarif_location(Ctx *c, FILE *out, Loc at) {
  LineCol l = ctx_linecol(c, at);
  fputs("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
  json_write_string(out, c->files[at.file]->path);
  fprintf(out, "}, \"region\": {\"startLine\": %d, \"startColumn\": %d, \"endLine\": %d, \"endColumn\": %d}}",
          l.line, l.col, l.eline, l.ecol + 1);
}

static void report_sarif(Ctx *c, Diag **d, int n, FILE *out) {
  fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
        "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
        "    \"tool\": {\"driver\": {\"name\": \"flowc\", \"version\": \"" FLOWC_VERSION "\",\n"
        "      \"rules\": [", out);
  for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
    fprintf(out, "%s\n        {\"id\": \"%s\", \"name\": \"%s\", \"shortDescription\": {\"text\": ",
            i ? "," : "", rules[i].id, rules[i].id);
    json_write_string(out, rules[i].text);
    fputs("}, \"fullDescription\": {\"text\": ", out);
    json_write_string(out, rules[i].text);
    fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}", rules[i].level);
  }
  fputs("]}},\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [", out);
  for (int i = 0; i < n; i++) {
    fprintf(out, "%s\n      {\"ruleId\": \"%s\", \"ruleIndex\": %d, \"level\": \"%s\", \"message\": {\"text\": ",
            i ? "," : "", d[i]->rule, rule_index(d[i]->rule), report_severity(d[i]->sev));
    json_write_string(out, d[i]->msg);
    fputs("},\n       \"locations\": [", out);
    sarif_location(c, out, d[i]->loc);
    fputs("}]", out);
    int id = 0;
    if (d[i]->notes || d[i]->path) {
      fputs(",\n       \"relatedLocations\": [", out);
      for (int pass = 0; pass < 2; pass++)
        for (DiagNote *nt = pass ? d[i]->path : d[i]->notes; nt; nt = nt->next) {
          fputs(id ? ", " : "", out);
          sarif_location(c, out, nt->loc);
          fprintf(out, ", \"id\": %d, \"message\": {\"text\": ", ++id);
          json_write_string(out, nt->msg);
          fputs("}}", out);
        }
      fputs("]", out);
    }
    fputs("}", out);
  }
  fputs(n ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n", out);
}

Diag **report_sorted(Ctx *c) {
  Diag **d = xmalloc(sizeof *d * (size_t)(c->ndiags + 1));
  if (c->ndiags) memcpy(d, c->diags, sizeof *d * (size_t)c->ndiags);
  qsort(d, (size_t)c->ndiags, sizeof *d, by_position);
  return d;
}

void report(Ctx *c, ReportFormat fmt, FILE *out) {
  Diag **d = report_sorted(c);
  if (fmt == FMT_JSON) report_json(c, d, c->ndiags, out);
  else if (fmt == FMT_SARIF) report_sarif(c, d, c->ndiags, out);
  else report_text(c, d, c->ndiags, out);
  free(d);
}
