# The text of the manual (pdftotext) holds, for flows/ and for two test
# cases without a handbook, every process title, every node label (they
# may wrap: compared without white space) and a procedure-table row (step
# number, step, responsible lane) for every step (a fork or join: its label
# as written, else 并行开始 or 并行汇合; a conditional step: its case in
# （ ） before it). A label is compared without a conditional step's
# caption 〔…〕 and a joint step's 会同： line. Labels come from the scene JSON of
# `flowc render -f json` (a bar has none there: a fork's or join's come
# from the .flow files).
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
export SOURCE_DATE_EPOCH=1767225600
for set in flows tests; do
  if [ $set = flows ]; then files=(flows/*.flow)
  else files=(tests/check/valid-all-kinds.flow tests/check/valid-spec-example.flow); fi
  echo "== $set"
  mkdir "$d/$set"
  "$FLOWC" manual -o "$d/$set.pdf" "${files[@]}" || echo "flowc manual failed"
  "$FLOWC" render -f json -o "$d/$set" "${files[@]}" || echo "flowc render failed"
  pdftotext "$d/$set.pdf" "$d/$set.txt"
  # one string without white space
  tr -d ' \t\n\f\r' <"$d/$set.txt" >"$d/flat.txt"
  # title, then (kind, label, lane) per node, tab-separated, no white space inside
  jq -r '(.lanes | map({(.id): .name}) | add // {}) as $lane
    | "title\t\(.process.title)",
      (.nodes[] | ((.when // "") as $w | .lines | join("") | ltrimstr("〔" + $w + "〕") | sub("会同：.*$"; "")) as $text | "\(.kind)\t\($text)\t\($lane[.lane // ""] // "—")\t\(.id)\t\(.when // "")")' \
    "$d/$set"/*.json | tr -d ' ' >"$d/want.tsv"
  # the pages of the procedure tables, in content order (pdftotext -raw):
  # a row is its cells one after the other
  pdftotext -raw "$d/$set.pdf" - | awk 'BEGIN { RS = "\f" } { gsub(/[ \t\n\r]/, "") }
    index($0, "步骤工作内容责任部门输入输出表单时限说明") { printf "%s", $0 }' >"$d/rows.txt"
  # the labels written on forks and joins: ID, label
  sed -nE 's/^ *(fork|join) +([^ ]+) +"([^"]*)".*/\2\t\3/p' "${files[@]}" | tr -d ' ' >"$d/bars.tsv"
  awk -F'\t' -v flat="$d/flat.txt" -v rows="$d/rows.txt" -v bars="$d/bars.tsv" '
    BEGIN { getline text < flat; getline tab < rows
            while ((getline line < bars) > 0) { split(line, f, "\t"); bar[f[1]] = f[2] } }
    # a procedure-table row: the step number, the step, the lane
    function has_row(s, l,   t, i) {
      t = tab
      while ((i = index(t, s l)) > 0) {
        if (substr(t, i - 1, 1) ~ /[0-9]/) return 1
        t = substr(t, i + 1)
      }
      return 0
    }
    $1 == "title" { titles++; if (!index(text, $2)) { mt++; print "title missing: " $2 } next }
    { labels++; if (!index(text, $2)) { ml++; print "label missing: " $2 } }
    $1 == "fork" { $2 = $4 in bar ? bar[$4] : "并行开始" } $1 == "join" { $2 = $4 in bar ? bar[$4] : "并行汇合" }
    $5 != "" { $2 = "（" $5 "）" $2 }  # a conditional step: its case before its work
    $1 != "start" && $1 != "end" { steps++; if (!has_row($2, $3)) { mr++; print "row missing: " $2 " / " $3 } }
    END {
      printf "titles missing %d\n", mt
      printf "node labels missing %d\n", ml
      printf "procedure rows missing %d\n", mr
      if (titles < 3 || labels < 10 * titles / 3 || steps < labels / 2) print "too few processes or nodes"
    }' "$d/want.tsv"
done
