# flowc serve in headless chromium: index, process page, a broken save
# shown without reload (outdated chart kept), the fix, call links,
# escaping. Screenshots: build/serve-shots/; times: build/serve-times.txt.
. tests/browser/lib.sh
serve_start || exit 1
mkdir -p build/serve-shots
SERVE_TIMES=$PWD/build/serve-times.txt timeout 90 node tests/browser/serve.mjs "$URL" "$DIR" build/serve-shots
echo "browser: exit $?"
serve_stop
