/* cli.h — the subcommands of the flowc program. Each takes the
 * arguments after its name and returns the exit status: 0 success,
 * 1 errors found in the input, 2 usage or I/O problem. */
#ifndef FLOWC_CLI_H
#define FLOWC_CLI_H
#include <stdio.h>

int cmd_check(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_manual(int argc, char **argv);
int cmd_lsp(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_fmt(int argc, char **argv);
/* Parses, resolves and checks the files; shared by every subcommand.
 * Returns 2 when a file could not be read, else 0. */
struct Ctx;
int cli_compile(struct Ctx *c, char *const *files, int nfiles);
/* Resolves and checks what c holds, unless a file has syntax errors. */
void cli_analyse(struct Ctx *c);
/* `flowc lsp`: a language server on in and out until the client's exit;
 * 0 after a shutdown request, else 1. */
int lsp_run(FILE *in, FILE *out);
/* The index of the process whose ID (or code) is name; -1 after
 * "CMD: there is no process 'name' (did you mean ...?)" on stderr. */
int cli_find_process(struct Ctx *c, const char *cmd, const char *name);
/* Writes the PDF document of kind (a ManualKind) and proc to out, whole
 * or not at all, making its directory, with the changes ch (a
 * ManualChanges, or NULL); returns the exit status. */
struct Font;
struct ManualChanges;
int cli_write_pdf(struct Ctx *c, struct Font *f, int kind, int proc, const struct ManualChanges *ch,
                  const char *out, const char *cmd);
/* The same, each file shown as shown[i] (see load_program_as). */
int cli_compile_as(struct Ctx *c, char *const *files, char *const *shown, int nfiles);
/* With -h or --help among the arguments, prints usage to standard output
 * and returns 1; else returns 0. */
int cli_help(int argc, char **argv, const char *usage);

#endif
