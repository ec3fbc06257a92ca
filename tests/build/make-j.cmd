# A fresh tree builds with make -j8 running bison and flex once each, with
# no warning; a second make -j8 does nothing; a touched grammar recompiles
# only the objects that include the generated headers.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cp -r Makefile compiler grammar "$d"
cd "$d"
unset MAKEFLAGS MFLAGS
make -j8 CFLAGS=-O0 >log 2>&1; echo "make -j8: $?"
grep -c BISON log; grep -c FLEX log
grep -i 'warning\|error' log
echo "compiled: $(grep -c '^  CC' log) objects, linked: $(grep -c LINK log)"
make -j8 CFLAGS=-O0 2>&1; echo "again: $?"
touch grammar/flow.y
make -j8 CFLAGS=-O0 2>&1 | sort; echo "grammar touched: ${PIPESTATUS[0]}"
touch grammar/flow.l
make -j8 CFLAGS=-O0 2>&1 | sort; echo "scanner touched: ${PIPESTATUS[0]}"
