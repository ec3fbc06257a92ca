# flowc serve over HTTP: the security headers of every reply, only GET
# and HEAD, no request bodies, hostile paths and long requests refused,
# 20 clients at once, and the server still serving after all of it; the
# SVG download is the SVG of `flowc render`, the PDF download a PDF of
# the chart as `flowc render -f pdf` writes it, linked from the page; a
# port in use; Ctrl-C.
. tests/browser/lib.sh
serve_start || exit 1
req() { curl -s -o "$DIR.body" -w '%{http_code}' "$@"; }
for p in "" p/purchase live/purchase events/live/nope app.js style.css font download/purchase.svg \
         download/purchase.png download/purchase.json download/purchase.pdf nope p/nope; do
  h=$(curl -s -o /dev/null -D - "$URL$p" | tr -d '\r')
  echo "GET /$p: $(echo "$h" | head -1 | cut -d' ' -f2) $(echo "$h" | sed -n 's/^Content-Type: //p')" \
       "nosniff=$(echo "$h" | grep -c '^X-Content-Type-Options: nosniff$')" \
       "csp=$(echo "$h" | grep -c "^Content-Security-Policy: default-src 'none'; script-src 'self';")"
done
echo "HEAD /p/purchase: $(curl -s -I -o /dev/null -w '%{http_code} %{size_download}' "${URL}p/purchase")"
for m in POST PUT DELETE OPTIONS TRACE PATCH CONNECT; do
  echo "$m /: $(req -X "$m" "$URL") allow=$(curl -s -o /dev/null -D - -X "$m" "$URL" | tr -d '\r' | sed -n 's/^Allow: //p')"
done
echo "GET with a body: $(req --data-binary x -X GET "$URL")"
echo "GET chunked: $(req -H 'Transfer-Encoding: chunked' --data-binary x -X GET "$URL")"
for p in ../../etc/passwd p/../../../etc/passwd p/..%2f..%2fetc%2fpasswd %2e%2e/%2e%2e/etc/passwd \
         download/../../../../etc/passwd.svg download/..%2F..%2F..%2Fetc%2Fpasswd%00.svg live/%00 \
         p/purchase%00.flow 'p/purchase?x=../../etc/passwd' //etc/passwd font/../../etc/passwd; do
  echo "GET /$p: $(req --path-as-is "$URL$p") leaked=$(grep -c 'root:' "$DIR.body")"
done
long=$(head -c 20000 /dev/zero | tr '\0' a)
echo "GET long URL: $(req "$URL$long")"
echo "GET long header: $(req -H "X-Long: $long" "$URL")"
hostport=${URL#http://}; hostport=${hostport%/}
exec 3<>"/dev/tcp/${hostport%:*}/${hostport#*:}"
printf 'NOT A REQUEST\r\n\r\n' >&3
echo "garbage: $(head -1 <&3 | tr -d '\r' | cut -d' ' -f2)"
exec 3<&-
# 20 clients at once get the same, complete page
seq 20 | xargs -P 20 -I{} curl -s -o "$DIR.c{}" -w '%{http_code}\n' "${URL}p/purchase" | sort | uniq -c | sed 's/^ *//'
same=0; for i in $(seq 20); do cmp -s "$DIR.c1" "$DIR.c$i" && same=$((same + 1)); done
echo "identical pages: $same, complete: $(grep -c '</html>' "$DIR.c1")"
rm -f "$DIR".c*
echo "still serving: $(req "$URL")"
# the download is the SVG `flowc render` writes
"$FLOWC" render -p purchase -o "$DIR.svg" "$DIR/purchase.flow"
curl -s "${URL}download/purchase.svg" | cmp -s - "$DIR.svg" && echo "download = render: same SVG"
rm -f "$DIR.svg" "$DIR.body"
# the PDF download: linked from the page, a PDF of the one-page chart, with its text
tmps() { find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'flowc-pdf-*' 2>/dev/null | wc -l; }
before=$(tmps)
curl -s "${URL}p/purchase" | grep -o '<a href="/download/purchase.pdf" download="purchase.pdf">PDF</a>'
curl -s -D "$DIR.h" -o "$DIR.pdf" "${URL}download/purchase.pdf"
tr -d '\r' < "$DIR.h" | grep -E '^Content-(Type|Disposition):'
echo "starts with: $(head -c 5 "$DIR.pdf")"
echo "pages: $(pdfinfo "$DIR.pdf" | sed -n 's/^Pages: *//p')"
pdftotext "$DIR.pdf" - | grep -c '填写采购申请单'
"$FLOWC" render -f pdf -p purchase -o "$DIR.r.pdf" "$DIR/purchase.flow"
cmp -s <(pdftotext "$DIR.pdf" -) <(pdftotext "$DIR.r.pdf" -) && echo "download = render -f pdf: same text"
echo "temporary directories left: $(($(tmps) - before))"
rm -f "$DIR.h" "$DIR.pdf" "$DIR.r.pdf"
# a port in use: a clear message, exit 2
port=${hostport#*:}
"$FLOWC" serve --port "$port" "$DIR" 2>&1 | sed "s/$port/PORT/"; echo "port in use: exit ${PIPESTATUS[0]}"
serve_stop
