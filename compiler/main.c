/* main.c — the flowc program: dispatches to a subcommand. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "version.h"

static const char help[] =
  "flowc " FLOWC_VERSION " — flowchart compiler for company procedures\n"
  "\n"
  "usage: flowc COMMAND [OPTIONS] FILE...\n"
  "\n"
  "commands:\n"
  "  check [--format text|json|sarif] [--werror] [--root DIR] FILE...\n"
  "        prove every process complete; report problems as\n"
  "        file:line:col: error: message [rule]\n"
  "  render [-f svg|png|json|dot|pdf|bpmn] [-p PROCESS] [-o OUT] [--font PATH]\n"
  "         [--scale N] [--no-embed-font] [--root DIR] FILE...\n"
  "        draw each process as a swimlane flowchart (default: output/ID.svg),\n"
  "        or export each file's processes as BPMN 2.0 (-f bpmn: output/FILE.bpmn)\n"
  "  manual [-p PROCESS] [-o output/manual.pdf] [--font PATH] [--root DIR] FILE...\n"
  "        write the controlled A4 PDF procedure manual of all processes\n"
  "        (with -p: one process's own controlled document)\n"
  "  serve [--port N] [--host ADDR] [--open] [--root DIR] PATH...\n"
  "        show charts and diagnostics in the browser, updated on every save\n"
  "        (default http://127.0.0.1:8300/)\n"
  "  stats [--format text|json] [-p PROCESS] [--hours-per-day N]\n"
  "        [--days-per-week N] [--root DIR] FILE|DIR...\n"
  "        counts, paths, complexity and time budget of each process\n"
  "  diff [--format text|json] [--root DIR] OLD NEW\n"
  "        what changed, process by process, between two versions\n"
  "        (files or directories; --git-driver for git's diff.NAME.command)\n"
  "  fmt [-w] [--check] FILE...\n"
  "        print the files in the canonical layout (-w: rewrite them;\n"
  "        --check: list those not formatted, exit status 1)\n"
  "  lsp\n"
  "        a language server for editors on standard input and output:\n"
  "        diagnostics, definition, references, hover, symbols, completion,\n"
  "        rename, formatting\n"
  "\n"
  "FILE is a .flow file, or a directory: the .flow files below it, by path.\n"
  "\n"
  "options:\n"
  "  --help       show this help\n"
  "  --version    show the version\n"
  "\n"
  "exit status: 0 no errors, 1 errors found, 2 usage or I/O problem\n";

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(help, stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
    fputs(help, stdout);
    return 0;
  }
  if (!strcmp(cmd, "--version")) {
    puts("flowc " FLOWC_VERSION);
    return 0;
  }
  if (!strcmp(cmd, "check")) return cmd_check(argc - 2, argv + 2);
  if (!strcmp(cmd, "render")) return cmd_render(argc - 2, argv + 2);
  if (!strcmp(cmd, "manual")) return cmd_manual(argc - 2, argv + 2);
  if (!strcmp(cmd, "lsp")) return cmd_lsp(argc - 2, argv + 2);
  if (!strcmp(cmd, "serve")) return cmd_serve(argc - 2, argv + 2);
  if (!strcmp(cmd, "stats")) return cmd_stats(argc - 2, argv + 2);
  if (!strcmp(cmd, "diff")) return cmd_diff(argc - 2, argv + 2);
  if (!strcmp(cmd, "fmt")) return cmd_fmt(argc - 2, argv + 2);
  fprintf(stderr, "flowc: unknown command '%s' (try 'flowc --help')\n", cmd);
  return 2;
}
