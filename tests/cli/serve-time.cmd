# flowc serve: the procedure table has a row for each start with a
# trigger or a period (触发事件, 周期), and shows a range as written.
. tests/browser/lib.sh
serve_start || exit 1
cp tests/cli/time/new/hotline.flow "$DIR"/
for i in $(seq 50); do
  curl -s "${URL}p/hotline" > "$DIR.body"
  grep -q 'class="start"' "$DIR.body" && break
  sleep 0.2
done
grep -o '<tr class="start">.*</tr>' "$DIR.body" | sed 's/<\/tr>/&\n/g' | grep .
grep -o '<td class="within">[^<]*</td>' "$DIR.body"
serve_stop
