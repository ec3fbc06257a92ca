# A fresh tree builds with make -j8 running bison and flex once each, with
# no warning; a second make -j8 does nothing; a touched grammar recompiles
# only the objects that include the generated headers. (V=1: the commands
# themselves, whatever the short lines look like.)
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cp -r Makefile compiler grammar "$d"
cd "$d"
unset MAKEFLAGS MFLAGS MAKELEVEL
# what each command line made: bison, flex, or the -o file of cc
made() { awk '$1 == "bison" || $1 == "flex" { print $1; next }
  $1 == "cc" { for (i = 2; i < NF; i++) if ($i == "-o") print "cc " $(i + 1) }' "$@" | sort; }
make -j8 V=1 CFLAGS=-O0 >log 2>&1; echo "make -j8: $?"
echo "bison runs: $(made log | grep -c '^bison'), flex runs: $(made log | grep -c '^flex')"
grep -i 'warning:' log
echo "compiled and linked: each source once and the program: $(
  [ "$(made log | grep -c '^cc')" = $(($(ls compiler/*.c | wc -l) + 3)) ] && echo yes || echo no)"
make --no-print-directory -j8 V=1 CFLAGS=-O0 2>&1; echo "again: $?"
touch grammar/flow.y
make -j8 V=1 CFLAGS=-O0 >log 2>&1; echo "grammar touched: $?"; made log
touch grammar/flow.l
make -j8 V=1 CFLAGS=-O0 >log 2>&1; echo "scanner touched: $?"; made log
