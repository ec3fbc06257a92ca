# -o with an extension that names no format is a usage error that writes
# nothing (no directory named leave.doc); an existing directory may have a
# dot in its name. -o - writes the one process to standard output, and is
# a usage error for several.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" render -o "$d/leave.doc" flows/hr.flow 2>&1 | sed "s|$d|TMP|"; echo "unknown extension: ${PIPESTATUS[0]}"
"$FLOWC" render -f png -o "$d/leave.txt" -p recruit flows/hr.flow 2>&1 | sed "s|$d|TMP|"; echo "unknown extension with -f: ${PIPESTATUS[0]}"
ls -A "$d" | wc -l
mkdir "$d/v1.2"
"$FLOWC" render -o "$d/v1.2" flows/hr.flow; echo "existing directory v1.2: $?"; ls "$d/v1.2"
"$FLOWC" render -p recruit -o - flows/hr.flow >"$d/out.svg"; echo "svg to standard output: $?"
"$FLOWC" render -p recruit -o "$d/file.svg" flows/hr.flow && cmp "$d/out.svg" "$d/file.svg" && echo "same as -o file.svg"
"$FLOWC" render -f png -o - flows/hr.flow | file -b - | cut -d, -f1
"$FLOWC" render -f json -o - tests/cli/dirs/sales | jq -r .process.id
"$FLOWC" render -o - flows/sales.flow 2>&1; echo "several processes to standard output: ${PIPESTATUS[0]}"
ls "$d" | sort
# a PDF is a file, never standard output: a usage error that writes nothing
"$FLOWC" render -f pdf -o - tests/cli/dirs/sales 2>&1 | head -c 300; echo "pdf to standard output: ${PIPESTATUS[0]}"
