# The outline and the links of the manual, for flows/ and for two test
# cases without a handbook (qpdf --json, pdftotext):
# - every process has a top-level bookmark whose page starts with its
#   heading (the text below the running header), and so does every other
#   top-level bookmark;
# - every line of the contents links to the page where its chapter starts,
#   and shows that page's label;
# - every other link (indexes, cross-references, call nodes) goes to the
#   first page of a process, and its text names that process: its code or
#   title, or for a call node of a chart, the label of a node calling it.
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
  qpdf --json "$d/$set.pdf" >"$d/pdf.json"
  # page → label
  jq -r '.pagelabels as $l | .pages[] | .pageposfrom1 as $p
    | ([$l[] | select(.index < $p)] | last) as $r
    | ($r.label["/St"] + $p - 1 - $r.index) as $n
    | "\($p)\t\(if $r.label["/S"] == "/r" then "r" else "D" end)\t\($n)"' "$d/pdf.json" >"$d/labels.tsv"
  # top-level bookmarks: page, title
  jq -r '.outlines[] | "\(.destpageposfrom1)\t\(.title)"' "$d/pdf.json" >"$d/outline.tsv"
  # links: source page, rectangle (from the top), target page
  jq -r '.qpdf[1] as $o
    | (.pages | map({(.object): .pageposfrom1}) | add) as $pg
    | .pages[] | .pageposfrom1 as $p | $o["obj:" + .object].value as $page
    | $page["/MediaBox"][3] as $h
    | ($page["/Annots"] // [])[] | $o["obj:" + .].value
    | select(.["/Subtype"] == "/Link")
    | (if (.["/Dest"] | type) == "string" then $o["obj:" + .["/Dest"]].value else .["/Dest"] end) as $dest
    | .["/Rect"] as $r
    | "\($p)\t\($r[0])\t\($h - $r[3])\t\($r[2])\t\($h - $r[1])\t\($pg[$dest[0]])"' "$d/pdf.json" >"$d/links.tsv"
  # words: page, centre x, centre y, text
  pdftotext -bbox "$d/$set.pdf" - | awk '
    /<page / { p++ }
    /<word / { match($0, /xMin="[^"]*" yMin="[^"]*" xMax="[^"]*" yMax="[^"]*"/)
      split(substr($0, RSTART, RLENGTH), a, "\"")
      t = $0; sub(/.*">/, "", t); sub(/<\/word>.*/, "", t)
      gsub(/&amp;/, "\\&", t); gsub(/&lt;/, "<", t); gsub(/&gt;/, ">", t); gsub(/&quot;/, "\"", t)
      printf "%d\t%s\t%s\t%s\n", p, (a[2] + a[6]) / 2, (a[4] + a[8]) / 2, t }' >"$d/words.tsv"
  # each page's text below the running header (content order), no white space
  pdftotext -raw "$d/$set.pdf" - | awk 'BEGIN { RS = "\f" } NF {
    n = split($0, l, "\n"); s = ""; for (i = 4; i <= n; i++) s = s l[i]
    gsub(/[ \t\r]/, "", s); printf "%d\t%s\n", NR, s }' >"$d/pages.tsv"
  # call nodes: label → title of the process called
  jq -r '.process.id + "\t" + .process.title' "$d/$set"/*.json >"$d/procs.tsv"
  jq -r '.nodes[] | select(.link) | "\(.link)\t\(.lines | join(""))"' "$d/$set"/*.json >"$d/calls.tsv"
  awk -F'\t' -v D="$d" '
    function flat(s) { gsub(/[ \t\r\n]/, "", s); return s }
    BEGIN {
      while ((getline < (D "/labels.tsv")) > 0) label[$1] = $2 == "r" ? roman($3) : $3
      while ((getline < (D "/pages.tsv")) > 0) body[$1] = $2
      while ((getline < (D "/procs.tsv")) > 0) ptitle[$1] = flat($2)
      while ((getline < (D "/calls.tsv")) > 0) calls[flat($2)] = calls[flat($2)] "|" ptitle[$1]
      # chapters: the page each top-level bookmark points at
      while ((getline < (D "/outline.tsv")) > 0) {
        nch++; t = flat($2)
        if (index(body[$1], t) != 1) { bad_ch++; print "bookmark not at its heading: " $2 " (page " $1 ")" }
        chapter[$1] = t; chpage[nch] = $1
        if (t == "目录") toc = nch
      }
      for (id in ptitle) { found = 0
        for (p in chapter) if (substr(chapter[p], length(chapter[p]) - length(ptitle[id]) + 1) == ptitle[id]) found = 1
        nproc++; if (!found) { nomark++; print "process without a bookmark: " ptitle[id] } }
      # flows/ may grow: the other chapters are counted, not the processes
      printf "bookmarks: one per process and %d more, without a bookmark %d, not at their heading %d\n", nch - nproc, nomark, bad_ch
      toc_first = chpage[toc]; toc_last = toc < nch ? chpage[toc + 1] - 1 : toc_first
      while ((getline < (D "/words.tsv")) > 0) {
        nw++; wx[nw] = $2; wy[nw] = $3; wt[nw] = $4
        if (!($1 in w0)) w0[$1] = nw
        w1[$1] = nw
      }
      while ((getline < (D "/links.tsv")) > 0) {
        s = ""
        for (i = w0[$1]; i && i <= w1[$1]; i++)
          if (wx[i] > $2 && wx[i] < $4 && wy[i] > $3 && wy[i] < $5) s = s wt[i]
        s = flat(s); to = $6
        if ($1 >= toc_first && $1 <= toc_last) {
          ntoc++
          if (!(to in chapter) || s != chapter[to] label[to]) { badtoc++; print "contents line " s " links to page " to }
          continue
        }
        nl++
        t = chapter[to]; code = t; sub(/[^A-Za-z0-9-].*/, "", code)
        if (!(to in chapter)) { badl++; print "link on page " $1 " (" s ") to page " to ", not a section start"; continue }
        ok = (code != "" && index(s, code)) || index(s, t)
        if (s in calls) { split(calls[s], c, "|"); ok = 0; for (k in c) if (c[k] != "" && substr(t, length(t) - length(c[k]) + 1) == c[k]) ok = 1; seen[s] = 1 }
        if (!ok) { badl++; print "link on page " $1 " (" s ") to " t }
      }
      printf "contents links: %s, wrong %d\n", ntoc == nch ? "one per chapter" : ntoc " for " nch " chapters", badtoc
      for (k in calls) ncalls++
      for (k in seen) nseen++
      printf "other links wrong %d; call nodes not linked %d\n", badl, ncalls - nseen
      if (ntoc < nch || nl < nproc || !ncalls) print "too few links or call nodes"
    }
    function roman(n,   v, s, r, i) {
      split("1000 900 500 400 100 90 50 40 10 9 5 4 1", v, " ")
      split("m cm d cd c xc l xl x ix v iv i", s, " ")
      r = ""; for (i = 1; i <= 13; i++) while (n >= v[i]) { n -= v[i]; r = r s[i] }
      return r
    }'
done
