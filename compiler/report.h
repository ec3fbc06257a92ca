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
/* Writes s as a JSON string literal (quotes included). */
void json_write_string(FILE *out, const char *s);

#endif
