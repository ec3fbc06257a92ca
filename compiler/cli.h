/* cli.h — the subcommands of the flowc program. Each takes the
 * arguments after its name and returns the exit status: 0 success,
 * 1 errors found in the input, 2 usage or I/O problem. */
#ifndef FLOWC_CLI_H
#define FLOWC_CLI_H

int cmd_check(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_manual(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_diff(int argc, char **argv);
/* Parses, resolves and checks the files; shared by every subcommand.
 * Returns 2 when a file could not be read, else 0. */
struct Ctx;
int cli_compile(struct Ctx *c, char *const *files, int nfiles);
/* The same, each file shown as shown[i] (see load_program_as). */
int cli_compile_as(struct Ctx *c, char *const *files, char *const *shown, int nfiles);
/* The files that nargs FILE|DIR arguments name: a directory stands for
 * the .flow files in it, sorted by name. Returns a malloc'd array (the
 * names in argv or in c's arena), or NULL after saying why. */
char **cli_files(struct Ctx *c, const char *cmd, char **args, int nargs, int *nfiles);
/* With -h or --help among the arguments, prints usage to standard output
 * and returns 1; else returns 0. */
int cli_help(int argc, char **argv, const char *usage);

#endif
