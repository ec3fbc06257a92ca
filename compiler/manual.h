/* manual.h — the controlled A4 procedure manual as a PDF: front matter
 * (cover with approval block, revision history, contents, symbol legend,
 * process index), one section per process (ID card, flowchart, procedure
 * table, risks and controls, forms, terms, cross-references) and back
 * matter (role index, RACI matrix, forms register, glossary).
 * The caller owns the Ctx (a checked program without errors) and the Font;
 * everything the manual allocates lives in the Ctx arena or is freed
 * before manual_write returns. */
#ifndef FLOWC_MANUAL_H
#define FLOWC_MANUAL_H
#include "ctx.h"
#include "text.h"

/* Lays out every process and writes the manual to out_path (the caller
 * passes a temporary path and renames it). Returns 0, or -1 with *err set. */
int manual_write(Ctx *c, Font *f, const char *out_path, const char **err);

#endif
