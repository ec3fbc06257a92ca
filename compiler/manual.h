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
#include "diff.h"
#include "ir.h"
#include "text.h"

/* What to write: the manual of every process; one process's controlled
 * document (ID card, approvals, revisions, chart, procedure, risks, forms,
 * terms, cross-references, with its own page count); or one process's
 * flowchart alone, drawn and cut into pages as in the manual, without
 * header and footer (`flowc render -f pdf`). */
typedef enum { MANUAL_ALL, MANUAL_PROCESS, MANUAL_CHART } ManualKind;

/* What changed since the previous release (`manual --changes-since DIR`),
 * for a page 本版变更 after the revision history: the Diff of DIR's flows
 * against these (diff.c), and how to name DIR. */
typedef struct ManualChanges { const Diff *diff; const char *since; } ManualChanges;

/* Writes the document of kind (proc: the process, an index into
 * Program.procs, for the one-process kinds) to out_path (the caller passes
 * a temporary path and renames it), with the page 本版变更 when ch is not
 * NULL (the manual of every process only). Returns 0, or -1 with *err set. */
int manual_write(Ctx *c, Font *f, ManualKind kind, int proc, const ManualChanges *ch,
                 const char *out_path, const char **err);

/* The same document in memory (*out malloc'd, *len bytes): libharu writes
 * by file name, so it goes through a file in a private temporary directory
 * (mkdtemp, mode 0700) that is removed before returning. The layouts and
 * pages are made in an arena of their own, freed on return: c's arena does
 * not grow. Returns 0, or -1 with *err set. */
int manual_write_mem(Ctx *c, Font *f, ManualKind kind, int proc, char **out, size_t *len,
                     const char **err);

/* Why that document is not controlled (it has no document number: the
 * manual no handbook or a handbook without code, a process no code), or
 * NULL when it is. Such a document says 非受控 where it would say 受控. */
const char *manual_uncontrolled(const Program *g, ManualKind kind, int proc);

#endif
