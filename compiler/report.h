/* report.h — prints the Ctx's diagnostics, sorted by file, line and
 * column: as text for people (with the source line and a caret), as a
 * JSON array, or as SARIF 2.1.0 for code scanning. */
#ifndef FLOWC_REPORT_H
#define FLOWC_REPORT_H
#include <stdio.h>
#include "ctx.h"

typedef enum { FMT_TEXT, FMT_JSON, FMT_SARIF } ReportFormat;

/* At most this many errors are printed as text; a count of the rest follows. */
#define REPORT_MAX_TEXT 200

void report(Ctx *c, ReportFormat fmt, FILE *out);
/* The diagnostics sorted as printed (malloc'd array; the caller frees it). */
Diag **report_sorted(Ctx *c);
/* "error", "warning" or "note". */
const char *report_severity(Severity s);
/* The source line of loc, then a caret under it (as wide as the span on
 * that line), with wide characters and tabs lined up; long lines are cut
 * around the spot. As the text format shows it under each message. */
void report_source(Ctx *c, FILE *out, Loc at);
/* Writes s as a JSON string literal (quotes included). */
void json_write_string(FILE *out, const char *s);

#endif
