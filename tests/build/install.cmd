# make install into a temporary DESTDIR with PREFIX and BINDIR: the
# program runs from there, the man page formats without a warning and
# names the program's version, the bash completion completes commands and
# formats; make uninstall leaves nothing but directories.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
make -s --no-print-directory -o "$FLOWC" PROG="$FLOWC" DESTDIR="$d" PREFIX=/opt/flowc BINDIR=/opt/flowc/sbin install
echo "install: $?"
(cd "$d" && find . -type f | sort)
"$d/opt/flowc/sbin/flowc" --version | sed 's/[0-9][0-9.]*$/VERSION/'
(cd "$d" && "$d/opt/flowc/sbin/flowc" check --werror "$OLDPWD/tests/cli/dirs/sales"); echo "installed check: $?"
man="$d/opt/flowc/share/man/man1/flowc.1"
groff -man -ww -z "$man" 2>&1; echo "groff -ww: $?"
MANWIDTH=80 man --warnings -l "$man" 2>&1 >"$d/man.txt"; echo "man --warnings: $?"
for s in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS 'EXIT STATUS' FILES EXAMPLES; do
  grep -q "^$s" "$d/man.txt" || echo "man page without $s"
done
v=$("$d/opt/flowc/sbin/flowc" --version)
grep -q "\"$v\"" "$man" && echo "man page names $v" | sed 's/[0-9][0-9.]*$/VERSION/'
bash -c '. "$1"; complete -p flowc
  COMP_WORDS=(flowc re); COMP_CWORD=1; _flowc; echo "flowc re<TAB>: ${COMPREPLY[*]}"
  COMP_WORDS=(flowc render -f p); COMP_CWORD=3; _flowc; echo "flowc render -f p<TAB>: ${COMPREPLY[*]}"
  COMP_WORDS=(flowc render -f b); COMP_CWORD=3; _flowc; echo "flowc render -f b<TAB>: ${COMPREPLY[*]}"
  COMP_WORDS=(flowc check --); COMP_CWORD=2; _flowc; echo "flowc check --<TAB>: ${COMPREPLY[*]}"' _ \
  "$d/opt/flowc/share/bash-completion/completions/flowc"
# every command of --help is in the man page and both completions
cmds=$("$d/opt/flowc/sbin/flowc" --help | sed -n 's/^  \([a-z][a-z]*\)\( .*\)\{0,1\}$/\1/p' | tr '\n' ' ')
echo "commands: $cmds"
for c in $cmds; do
  grep -q "^\.B flowc $c" "$man" || echo "man page without flowc $c"
  grep -q "compgen -W '[^']*\b$c\b" "$d/opt/flowc/share/bash-completion/completions/flowc" || echo "bash completion without $c"
  grep -q "_values command .*\b$c\b" "$d/opt/flowc/share/zsh/vendor-completions/_flowc" || echo "zsh completion without $c"
done
make -s --no-print-directory DESTDIR="$d" PREFIX=/opt/flowc BINDIR=/opt/flowc/sbin uninstall; echo "uninstall: $?"
echo "files left: $(find "$d" -type f ! -name man.txt | wc -l)"
