# `make manual FLOWS=DIR OUT=DIR` checks, draws and bundles the user's own
# flows (a directory), not flows/; the program is not rebuilt (-o).
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
make -s --no-print-directory -o "$FLOWC" PROG="$FLOWC" manual FLOWS=tests/cli/dirs/sales OUT="$d/out" 2>&1 | sed "s|$d|TMP|g; s|$FLOWC|FLOWC|g"
echo "make manual: ${PIPESTATUS[0]}"
(cd "$d/out" && ls)
pdftotext "$d/out/manual.pdf" - | grep -c 订单流程 | sed 's/^[1-9][0-9]*$/manual has the process/'
