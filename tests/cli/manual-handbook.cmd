# One handbook for everything read together: a second one (in another
# file) is an error pointing at both. A manual without a handbook warns
# and says 非受控 (uncontrolled) on its cover and in its footer; with a
# handbook that has a code it says 受控.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" check tests/manual/ordered.flow tests/manual/second-handbook.flow; echo "two handbooks, check: $?"
"$FLOWC" manual -o "$d/two.pdf" tests/manual/ordered.flow tests/manual/second-handbook.flow 2>/dev/null
echo "two handbooks, manual: $?"; ls "$d"
status() { pdftotext -layout "$1" - | grep -oE '文件状态：.*|(非)?受控文件$' | sort | uniq -c | sed 's/^ *//'; }
"$FLOWC" manual -o "$d/with.pdf" tests/manual/ordered.flow; echo "with a handbook: $?"
status "$d/with.pdf"
"$FLOWC" manual -o "$d/without.pdf" tests/manual/forms.flow; echo "without a handbook: $?"
status "$d/without.pdf"
