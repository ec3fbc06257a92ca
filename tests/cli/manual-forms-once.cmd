# A form appears once in a process's forms table (its categories joined)
# and once in the forms register, with each step that uses it once.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FLOWC" manual -o "$d/m.pdf" tests/manual/forms.flow; echo "manual: $?"
pdftotext -layout "$d/m.pdf" - | awk '/^ *(表单与记录|表单与记录登记表)$/ { on = 1; next }
  on && /^ *(相关流程|术语表)|文件编号/ { on = 0 } on && NF { sub(/^ +/, ""); gsub(/  +/, " | "); print }'
