/* cli.h — the subcommands of the flowc program. Each takes the
 * arguments after its name and returns the exit status: 0 success,
 * 1 errors found in the input, 2 usage or I/O problem. */
#ifndef FLOWC_CLI_H
#define FLOWC_CLI_H

int cmd_check(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_manual(int argc, char **argv);
int cmd_serve(int argc, char **argv);
/* Parses, resolves and checks the files; shared by every subcommand.
 * Returns 2 when a file could not be read, else 0. */
struct Ctx;
int cli_compile(struct Ctx *c, char *const *files, int nfiles);
/* With -h or --help among the arguments, prints usage to standard output
 * and returns 1; else returns 0. */
int cli_help(int argc, char **argv, const char *usage);

#endif
