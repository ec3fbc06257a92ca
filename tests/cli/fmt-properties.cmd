# flowc fmt -w on copies of directories of flows, compared from outside:
# the same findings of check (severity, rule, message; line numbers
# aside), the same charts (render -f json), every
# comment line still there; fmt --check then passes and a second fmt -w
# changes nothing. (tests/unit/fmt_test checks every .flow of the
# repository from inside.)
t=$(mktemp -d)
findings() { (cd "$(dirname "$1")" && "$FLOWC" check --format json "$(basename "$1")" |
             jq -c '.[] | [.severity, .rule, (.message | gsub("line [0-9]+"; "line N"))]'); }
comments() { tr '\r' '\n' < "$1" | sed -n 's/^[[:space:]]*\(#.*[^[:space:]]\)[[:space:]]*$/\1/p' | sort; }
charts() {
  for p in $("$FLOWC" render -f json -o - "$1" 2>/dev/null | jq -r '.process.id' 2>/dev/null); do
    [ "$("$FLOWC" render -f json -p "$p" -o - "$1" 2>/dev/null)" = "$("$FLOWC" render -f json -p "$p" -o - "$2" 2>/dev/null)" ] ||
      echo "$1: process $p is drawn differently after fmt"
  done
}
for dir in tests/lsp tests/browser/fixtures tests/render tests/cli/diff/old tests/layout/cases; do
  copy=$t/$(echo "$dir" | tr / _)
  cp -r "$dir" "$copy"
  "$FLOWC" fmt -w "$copy"/*.flow 2>/dev/null
  "$FLOWC" fmt --check "$copy"/*.flow 2>/dev/null
  before=$(cat "$copy"/*.flow | md5sum)
  "$FLOWC" fmt -w "$copy"/*.flow 2>/dev/null
  [ "$(cat "$copy"/*.flow | md5sum)" = "$before" ] || echo "$dir: a second fmt -w changed it"
  n=0 changed=0
  for f in "$dir"/*.flow; do
    g=$copy/$(basename "$f")
    n=$((n + 1))
    cmp -s "$f" "$g" || changed=$((changed + 1))
    [ "$(findings "$f")" = "$(findings "$g")" ] || echo "$f: check finds other problems after fmt"
    charts "$f" "$g"
    missing=$(comm -23 <(comments "$f") <(comments "$g"))
    [ -z "$missing" ] || echo "$f: comments lost: $missing"
  done
  echo "$dir: $n files, $changed reformatted"
done
rm -rf "$t"
