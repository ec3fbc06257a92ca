# Directories as arguments, for every command (fmt too): the .flow files below them,
# recursively, sorted by path (hidden entries and other files skipped);
# imports may reach anywhere inside the directory named.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" check tests/cli/dirs 2>&1 | grep -o '^[^ ]*: warning'; echo "check: ${PIPESTATUS[0]}"
# hr/ alone is the project: its import of ../common.flow leads outside
"$FLOWC" check --werror tests/cli/dirs/sales tests/cli/dirs/hr/ 2>&1 | grep -v '^ '; echo "check two directories: ${PIPESTATUS[0]}"
"$FLOWC" check --root tests/cli/dirs tests/cli/dirs/hr/ 2>&1 | grep -v '^ '; echo "with --root: ${PIPESTATUS[0]}"
"$FLOWC" render -f json -o "$d/out" tests/cli/dirs 2>/dev/null; echo "render: $?"
ls "$d/out"
"$FLOWC" manual -o "$d/m.pdf" tests/cli/dirs 2>/dev/null; echo "manual: $?"
"$FLOWC" fmt --check tests/cli/dirs; echo "fmt --check: $?"
for t in 请假流程 订单流程 归档资料; do pdftotext "$d/m.pdf" - | grep -q "$t" && echo "manual has $t"; done
mkdir "$d/empty"
"$FLOWC" check "$d/empty" 2>&1 | sed "s|$d|TMP|"; echo "no .flow file: ${PIPESTATUS[0]}"
# a subdirectory that cannot be read (here: its path is longer than
# PATH_MAX) is an error, not silently skipped
mkdir "$d/deep" && cp tests/cli/dirs/sales/order.flow "$d/deep/"
(cd "$d/deep" && n=$(printf 'd%.0s' $(seq 200)) && for i in $(seq 25); do mkdir "$n" && cd "$n" || break; done)
"$FLOWC" check "$d/deep" 2>&1 | sed "s|$d/deep/[d/]*|TMP/deep/d.../|"; echo "unreadable subdirectory: ${PIPESTATUS[0]}"
